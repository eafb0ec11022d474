from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "qingji.cases"
    verbose_name = "案件 cases"
