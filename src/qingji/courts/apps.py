from django.apps import AppConfig


class CourtsConfig(AppConfig):
    name = "qingji.courts"
    verbose_name = "法院与人员 courts and people"
