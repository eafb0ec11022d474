"""The audit trail: every change, who made it, when, and what it was before and after."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditRecord(models.Model):
    at = models.DateTimeField(auto_now_add=True)
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
        # Newest first, of every court, of one court or of one action: read along an index instead of sorting
        # millions (each index also serves a lookup of its first column alone). The id is in each: an import's
        # records share one time, and an index of the time alone leaves a million of them to sort.
        indexes = (
            models.Index(fields=["at", "id"], name="audit_at"),
            models.Index(fields=["court_code", "at", "id"], name="audit_court_at"),
            models.Index(fields=["action", "at", "id"], name="audit_action_at"),
        )
        verbose_name = "审计记录"
