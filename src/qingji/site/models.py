"""What the site keeps in the database: the holiday notices an administrator loaded, and the record of the
settings in force each time they changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class HolidayNotice(models.Model):
    """One year's State Council holiday notice as loaded (国务院办公厅关于部分节假日安排的通知). Every load is kept;
    the newest of a year is in force and replaces the chinesecalendar package's data for that year."""

    year = models.IntegerField("年份", db_index=True)
    source = models.CharField("通知", max_length=200)
    holidays = models.JSONField("放假日期")  # ISO dates
    workdays = models.JSONField("调休上班日期")  # ISO dates (weekends worked)
    names = models.JSONField("节日名称", default=dict)  # ISO date → 元旦, 春节 …
    text = models.TextField("原文", blank=True, default="")  # what was loaded, as given
    loaded_at = models.DateTimeField("载入时间", auto_now_add=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ("-year", "-loaded_at", "-id")
        verbose_name = "节假日安排"


class SettingsRecord(models.Model):
    """The site settings in force when a process started and found them changed (qingji.site.record)."""

    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)
    fingerprint = models.CharField("摘要", max_length=64)
    path = models.CharField("设置文件", max_length=500)
    values = models.JSONField("在用设置")  # key → value
    changes = models.JSONField("变更", default=dict)  # key → [before, after]

    class Meta:
        ordering = ("-recorded_at", "-id")
        verbose_name = "设置记录"
