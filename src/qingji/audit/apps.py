from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "qingji.audit"
    verbose_name = "审计 audit trail"
