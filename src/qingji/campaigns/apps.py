from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "qingji.campaigns"
    label = "campaigns"
    verbose_name = "清积专项行动"
