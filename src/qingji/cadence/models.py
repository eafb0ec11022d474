"""The cadence's durable records: each occasion run once (Run), each message delivered once (Message)."""

from __future__ import annotations

from django.db import models

from qingji.cadence.schedule import Kind
from qingji.campaigns.models import Campaign
from qingji.courts.models import Person


class Run(models.Model):
    """One occasion of the schedule (a day's reminders, a week's lists …), produced once: the kind and the day are
    unique, so that two processes, or a process started again, never produce it twice."""

    class Status(models.TextChoices):
        RUNNING = "running", "进行中"
        DONE = "done", "已完成"
        SUPERSEDED = "superseded", "已被下一次取代"

    kind = models.CharField("类别", max_length=16, choices=[(kind.value, kind.value) for kind in Kind])
    on = models.DateField("日期")
    due_at = models.DateTimeField("应发时间")
    status = models.CharField("状态", max_length=16, choices=Status.choices)
    started_at = models.DateTimeField("开始", null=True, blank=True)
    finished_at = models.DateTimeField("完成", null=True, blank=True)
    messages = models.PositiveIntegerField("消息数", default=0)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("kind", "on"), name="cadence_run_once"),)
        ordering = ("-due_at", "kind")
        verbose_name = "定时任务"

    def __str__(self) -> str:
        return f"{self.kind} {self.on}"


class Clock(models.Model):
    """How far the schedule has been looked at (one row): every occasion up to ``looked_until`` was produced,
    superseded, or claimed by a run; the next look starts there."""

    looked_until = models.DateTimeField("已查看至")

    class Meta:
        verbose_name = "时钟"


class Message(models.Model):
    """A message in a person's inbox (收件箱). Its key says what it is (kind, day, person): a message is written
    once whatever runs again. What it says is kept as figures and case numbers (``data``), put into words when it
    is read, in the reader's language."""

    key = models.CharField("幂等键", max_length=160, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="messages")
    run = models.ForeignKey(Run, null=True, blank=True, on_delete=models.SET_NULL, related_name="sent")
    kind = models.CharField("类别", max_length=16, choices=[(kind.value, kind.value) for kind in Kind])
    on = models.DateField("日期")
    data = models.JSONField("内容", default=dict)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        indexes = (models.Index(fields=("person", "read_at"), name="message_unread"),)
        ordering = ("-on", "-id")
        verbose_name = "消息"


class Document(models.Model):
    """A document the schedule produced (a campaign's ten-day bulletin, the monthly report), kept as it was sent:
    the archive (通报存档) lists them and each downloads as DOCX and PDF. One per kind, campaign and day."""

    class DocumentKind(models.TextChoices):
        BULLETIN = "bulletin", "通报"
        REPORT = "report", "月度报告"

    kind = models.CharField("类别", max_length=16, choices=DocumentKind.choices)
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    on = models.DateField("数据截至")
    number = models.PositiveIntegerField("期数", default=1)  # the campaign's n-th bulletin; the report: 1
    # The courts it covers, their codes joined by "," ("": every court): a monthly report is one per leadership
    # (the whole court system for the higher court's, a basic court's own for its).
    scope = models.CharField("范围", max_length=400, blank=True, default="")
    title = models.CharField("标题", max_length=200)
    run = models.ForeignKey(Run, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    data = models.JSONField("要点", default=dict)  # the headline figures the messages carry
    docx = models.BinaryField("DOCX")
    pdf = models.BinaryField("PDF")
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("kind", "campaign", "on", "scope"), name="cadence_document_once"),
            models.UniqueConstraint(
                fields=("kind", "on", "scope"),
                condition=models.Q(campaign__isnull=True),
                name="cadence_report_once",
            ),
        )
        ordering = ("-on", "-id")
        verbose_name = "文书"

    def __str__(self) -> str:
        return self.title


from qingji.cadence.outbox_models import Delivery as Delivery  # noqa: E402  (the outbox: issue 13 "Delivery")
