from django.apps import AppConfig


class CadenceConfig(AppConfig):
    name = "qingji.cadence"
    label = "cadence"
    verbose_name = "日提醒、周督办、通报"
