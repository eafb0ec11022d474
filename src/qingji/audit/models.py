"""The audit trail: every change, who made it, when, and what it was before and after."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditRecord(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    action = models.CharField(max_length=48)  # e.g. case_created, case_updated, user_created
    object_type = models.CharField(max_length=48)
    object_id = models.CharField(max_length=64, db_index=True)
    court_code = models.CharField(max_length=16, blank=True, default="")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    import_record = models.ForeignKey("cases.ImportRecord", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = (
            "-at",
            "-id",
        )
        # One court's records, or one action's, newest first: read along an index instead of sorting millions
        # (each index also serves a lookup of its first column alone).
        indexes = (
            models.Index(fields=["court_code", "at", "id"], name="audit_court_at"),
            models.Index(fields=["action", "at", "id"], name="audit_action_at"),
        )
        verbose_name = "审计记录"
