"""Campaigns (清积专项行动): scope, the four determinations, the responsibility chain (DESIGN.md §1, issue 4 §1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from qingji.cases.models import Case
from qingji.courts.models import Court


class Campaign(models.Model):
    """A backlog-clearance campaign: its dates, its courts and how its scope was drawn.

    The scope is drawn when the campaign is created, by rule (cases pending on the start date and older than
    ``older_than_months``, optionally of some case types) or from a list of case numbers (the higher court's
    feedback ledger, 反馈台账); cases can be added later (``CampaignCase.added_on``).
    """

    class Scope(models.TextChoices):
        RULE = "rule", "按规则"
        LIST = "list", "按清单"

    name = models.CharField("名称", max_length=128, unique=True)
    start = models.DateField("开始日期")
    target = models.DateField("目标日期")
    scope = models.CharField("范围方式", max_length=8, choices=Scope.choices)
    older_than_months = models.PositiveSmallIntegerField("未结超过（月）", null=True, blank=True)
    type_codes = models.JSONField("类型代字", default=list, blank=True)
    courts = models.ManyToManyField(Court, related_name="campaigns", verbose_name="法院")
    scope_file = models.CharField("清单文件", max_length=255, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-start", "name")
        verbose_name = "清积专项行动"

    def __str__(self) -> str:
        return self.name


class Reason(models.TextChoices):
    """Why an old case is still unresolved (未结原因), issue 4 §1."""

    APPRAISAL = "appraisal", "鉴定"
    PUBLIC_NOTICE = "public_notice", "公告送达"
    WAITING = "waiting", "等待他案/中止"
    COMMITTEE = "committee", "审委会讨论"
    PARTIES = "parties", "当事人原因"
    ENFORCEMENT_ASSETS = "enforcement_assets", "执行财产"
    COMPLEX = "complex", "疑难复杂"
    OTHER = "other", "其他"


class CampaignCase(models.Model):
    """A case in a campaign's scope, with its four determinations (四定), its reason and its chain (四级包案)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="cases")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="campaign_entries")
    added_on = models.DateField("纳入日期")
    # 四定: responsible person, supervising leader, clearing plan, target date
    responsible = models.CharField("责任人", max_length=64, blank=True, default="")
    supervisor = models.CharField("督办领导", max_length=64, blank=True, default="")
    plan = models.TextField("化解方案", blank=True, default="")
    target_on = models.DateField("化解期限", null=True, blank=True)
    reason = models.CharField("未结原因", max_length=24, choices=Reason.choices, blank=True, default="")
    reason_note = models.TextField("原因说明", blank=True, default="")
    # 四级包案: president first responsible, vice-president in charge, division head, judge
    president = models.CharField("院长", max_length=64, blank=True, default="")
    vice_president = models.CharField("分管院领导", max_length=64, blank=True, default="")
    division_head = models.CharField("庭长", max_length=64, blank=True, default="")
    judge = models.CharField("承办法官", max_length=64, blank=True, default="")

    class Meta:
        unique_together = (("campaign", "case"),)
        ordering = ("campaign", "case__court_code", "case__filed_on", "case__case_number")
        verbose_name = "专项行动案件"

    def __str__(self) -> str:
        return f"{self.campaign.name}: {self.case.case_number}"


class PlanStep(models.Model):
    """A dated step of a case's clearing plan (一案一计划)."""

    entry = models.ForeignKey(CampaignCase, on_delete=models.CASCADE, related_name="steps")
    due_on = models.DateField("计划日期")
    description = models.TextField("步骤")
    done_on = models.DateField("完成日期", null=True, blank=True)

    class Meta:
        ordering = ("entry", "due_on", "id")
        verbose_name = "化解步骤"


class SupervisionAction(models.Model):
    """One act of supervision of a court in a campaign (DESIGN.md §1): routine reminders, supervision lists and
    bulletins, and the escalation ladder's phone reminder, letter, on-site inspection and interview."""

    class Kind(models.TextChoices):
        DAILY_REMINDER = "daily_reminder", "日提醒"
        WEEKLY_SUPERVISION = "weekly_supervision", "周督办"
        BULLETIN = "bulletin", "通报"
        PHONE = "phone", "电话提醒"
        LETTER = "letter", "发函督办"
        ON_SITE = "on_site", "实地督查"
        INTERVIEW = "interview", "约谈"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="supervision")
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="supervision")
    kind = models.CharField("方式", max_length=24, choices=Kind.choices)
    on = models.DateField("日期")
    by = models.CharField("督办人", max_length=64)
    to = models.CharField("对象", max_length=64, blank=True, default="")
    agreed = models.TextField("议定事项", blank=True, default="")
    follow_up = models.DateField("跟进日期", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("campaign", "-on", "-id")
        verbose_name = "督办记录"
