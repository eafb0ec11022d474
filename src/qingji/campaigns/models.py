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


class Referral(models.Model):
    """A campaign case referred down the green channel (绿色通道) to the adjudication committee (审委会) or the
    professional judges' meeting (专业法官会议): when and by whom, the meeting scheduled and held, the outcome."""

    class Body(models.TextChoices):
        COMMITTEE = "committee", "审判委员会"
        JUDGES_MEETING = "judges_meeting", "专业法官会议"

    entry = models.ForeignKey(CampaignCase, on_delete=models.CASCADE, related_name="referrals")
    body = models.CharField("提交", max_length=16, choices=Body.choices)
    referred_on = models.DateField("提交日期")
    referred_by = models.CharField("提交人", max_length=64)
    scheduled_on = models.DateField("会议安排日期", null=True, blank=True)
    held_on = models.DateField("会议召开日期", null=True, blank=True)
    outcome = models.TextField("讨论结果", blank=True, default="")
    decided_on = models.DateField("决定日期", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("entry", "referred_on", "id")
        verbose_name = "提交审委会/专业法官会议"


class Appraisal(models.Model):
    """A forensic appraisal (司法鉴定) of a campaign case: the agency, when it was requested and is due, and when
    its opinion was received."""

    entry = models.ForeignKey(CampaignCase, on_delete=models.CASCADE, related_name="appraisals")
    agency = models.CharField("鉴定机构", max_length=128)
    requested_on = models.DateField("委托日期")
    due_on = models.DateField("约定完成日期")
    received_on = models.DateField("收到意见日期", null=True, blank=True)
    note = models.TextField("备注", blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("entry", "due_on", "id")
        verbose_name = "鉴定"


class LookBack(models.Model):
    """The look-back review (回头看) of a campaign case closed after more than a year pending: the task, opened
    once, and the reviewer's finding."""

    class Verdict(models.TextChoices):
        NO_PROBLEM = "no_problem", "无问题"
        PROBLEM = "problem", "有问题"

    entry = models.OneToOneField(CampaignCase, on_delete=models.CASCADE, related_name="lookback")
    opened_on = models.DateField("建立日期")
    reviewed_on = models.DateField("复查日期", null=True, blank=True)
    reviewer = models.CharField("复查人", max_length=64, blank=True, default="")
    finding = models.TextField("复查情况", blank=True, default="")
    verdict = models.CharField("结论", max_length=16, choices=Verdict.choices, blank=True, default="")
    problem = models.TextField("问题说明", blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("entry",)
        verbose_name = "回头看"
