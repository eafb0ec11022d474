"""Cases and their events: the facts the rules read (DESIGN.md §6), and the record of every import."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from qingji.courts.models import Court


class Case(models.Model):
    """A case as the court's export gives it. Free text from exports is TextField: an export is never refused
    because a cause or a name is longer than a guess."""

    case_number = models.CharField("案号", max_length=64, unique=True)
    court = models.ForeignKey(Court, null=True, blank=True, on_delete=models.PROTECT, related_name="cases")
    court_code = models.CharField("法院代字", max_length=16, db_index=True)
    type_code = models.CharField("类型代字", max_length=8)
    procedure = models.CharField("适用程序", max_length=32, blank=True, default="")
    procedure_raw = models.TextField("适用程序（原文）", blank=True, default="")
    cause = models.TextField("案由", blank=True, default="")
    filed_on = models.DateField("立案日期")
    closed_on = models.DateField("结案日期", null=True, blank=True)
    closure_method = models.TextField("结案方式", blank=True, default="")
    judge = models.CharField("承办法官", max_length=64, blank=True, default="")
    division = models.TextField("审判庭", blank=True, default="")
    in_custody = models.BooleanField("羁押", default=False)
    parties = models.TextField("当事人", blank=True, default="")
    # The court system's own expiry (审限届满日期 SXJMRQ, 执行期限届满日期 ZXQXJMRQ), as its export gives it, to be
    # compared with the expiry qingji computes (CaseState.expiry); empty when the export has none (issue 11).
    cms_expiry = models.DateField("审限届满日期（法院系统）", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = (
            "court_code",
            "filed_on",
            "case_number",
        )
        indexes = (
            models.Index(fields=["court_code", "closed_on"]),
            models.Index(fields=["court_code", "judge"]),  # a judge's cases; the judges of a court
        )
        verbose_name = "案件"

    def __str__(self) -> str:
        return self.case_number


class CaseEvent(models.Model):
    """延长审限, 扣除审限, 程序转换 or 重新计算 of a case. ``key`` identifies the same event in a later export."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    key = models.CharField(max_length=64)
    event = models.CharField("事项", max_length=16)
    kind = models.TextField("类别", blank=True, default="")
    procedure = models.CharField("转换后程序", max_length=32, blank=True, default="")
    start = models.DateField("开始日期", null=True, blank=True)
    end = models.DateField("结束日期", null=True, blank=True)
    length_months = models.IntegerField("期间（月）", null=True, blank=True)
    length_days = models.IntegerField("期间（日）", null=True, blank=True)
    approved_by = models.TextField("批准人", blank=True, default="")
    approved_on = models.DateField("批准日期", null=True, blank=True)
    note = models.TextField("备注", blank=True, default="")
    # An event a later export no longer gives (or gives changed) is withdrawn, never deleted: it stays in the
    # case's history and is no longer counted. An export that gives it again reinstates it (both cleared).
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        "ImportRecord", null=True, blank=True, on_delete=models.PROTECT, related_name="withdrawn_events"
    )

    class Meta:
        unique_together = (("case", "key"),)
        ordering = (
            "case",
            "id",
        )
        verbose_name = "案件事项"


class ImportRecord(models.Model):
    """One import of a court's export, imported or not: who, when, which file, and what it changed."""

    class Outcome(models.TextChoices):
        IMPORTED = "imported", "已导入"
        REFUSED = "refused", "因问题行未导入"
        UNCONFIRMED = "unconfirmed", "待确认（未导入）"

    at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField("结果", max_length=16, choices=Outcome.choices, default=Outcome.IMPORTED)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    events_file_name = models.CharField(max_length=255, blank=True, default="")
    events_sha256 = models.CharField(max_length=64, blank=True, default="")
    # Every case table of the import, [{"name": …, "sha256": …}] (an export in a court's own layout may come as
    # several files); ``file_name`` and ``sha256`` are the first's. The layout (header profile) it was read by,
    # empty for the interchange format.
    files = models.JSONField("案件表文件", default=list)
    profile = models.CharField("版式", max_length=100, blank=True, default="")
    rows = models.IntegerField(default=0)
    created = models.IntegerField(default=0)
    updated = models.IntegerField(default=0)
    unchanged = models.IntegerField(default=0)
    events_added = models.IntegerField(default=0)
    events_changed = models.IntegerField(default=0)
    events_withdrawn = models.IntegerField(default=0)
    problems = models.IntegerField(default=0)
    # The interchange columns the cases file did not have: the fields they fill were left as they were.
    missing_columns = models.JSONField("缺少的列", default=list)
    # Headers of the cases file that match no interchange column, as written (their columns were ignored).
    unknown_columns = models.JSONField("未识别的列", default=list)
    # The marked Excel copy of a refused upload, kept by qingji until ``report_until`` (the nightly run removes
    # it then); empty when qingji keeps none (a command-line import writes it where the user said).
    report = models.CharField("问题报告", max_length=500, blank=True, default="")
    report_until = models.DateTimeField("问题报告保留至", null=True, blank=True)

    class Meta:
        ordering = ("-at",)
        verbose_name = "导入记录"


class CaseState(models.Model):
    """A case's computed state on the snapshot's date (expiry, bucket, status, warnings), for fast pages.

    ``court_code`` is the case's, copied so that the pages filter and sort states without reading the cases;
    ``ledger_order`` is the case's place in the ledger (pending before closed, each by expiry with open-ended last,
    then case number), so that a page of the ledger is read along an index instead of sorting a million rows.
    """

    # No foreign-key constraint in the database: the snapshot replaces every state at once, and SQLite empties a
    # table that no constraint involves in one step instead of checking a million rows (Django still deletes
    # a case's state with the case; cases are never deleted by qingji).
    case = models.OneToOneField(
        Case, primary_key=True, on_delete=models.CASCADE, related_name="state", db_constraint=False
    )
    as_of = models.DateField("截至日期")
    court_code = models.CharField("法院代字", max_length=16, default="")
    ledger_order = models.IntegerField("台账顺序", default=0)
    status = models.CharField("状态", max_length=16)
    age_days = models.IntegerField("审理天数")
    age_bucket = models.CharField("案龄段", max_length=8, blank=True, default="")
    long_pending = models.IntegerField("长期未结(月)", null=True, blank=True)
    expiry = models.DateField("审限届满日", null=True, blank=True)
    days_remaining = models.IntegerField("剩余天数", null=True, blank=True)
    days_over = models.IntegerField("超审限天数", null=True, blank=True)
    extended_months = models.IntegerField("延长月数", default=0)
    extended_days = models.IntegerField("延长天数", default=0)
    deducted_days = models.IntegerField("扣除天数", default=0)
    provisional = models.BooleanField("日历暂定", default=False)
    warnings = models.JSONField("预警", default=list)
    basis = models.TextField("依据", blank=True, default="")
    # The case's columns the ledger filters on, copied so that a filtered page is read from the states alone.
    type_code = models.CharField("类型代字", max_length=8, blank=True, default="")
    procedure = models.CharField("适用程序", max_length=32, blank=True, default="")
    division = models.TextField("审判庭", blank=True, default="")
    judge = models.CharField("承办法官", max_length=64, blank=True, default="")
    # Pending on the snapshot's date and crossed six months since filing in that date's calendar month, up to
    # that date (new backlog, 新增长期未结: qingji.cases.snapshot.new_backlog).
    new_backlog = models.BooleanField("本月新增长期未结", default=False)

    class Meta:
        # Ledger order first, with the columns the pages filter on: a page is found along this index alone, and
        # with pending cases first in the order, every filter of pending cases reads the first part of it.
        # A division's, a judge's or a type's cases are read along their own index, in ledger order.
        indexes = (
            models.Index(fields=["ledger_order", "court_code", "age_bucket", "status"]),
            models.Index(fields=["division", "ledger_order"], name="state_division_order"),
            models.Index(fields=["judge", "ledger_order"], name="state_judge_order"),
            models.Index(fields=["type_code", "ledger_order"], name="state_type_order"),
        )
        verbose_name = "案件状态快照"


class StateTag(models.Model):
    """One of a state's warnings (a code of qingji.core.vocabulary.Warning), or ``new_backlog``: one row per case
    and tag, in ledger order, so that the ledger's warning and new-backlog filters read their cases along an
    index instead of the warnings' JSON of a million states. Written with the snapshot."""

    NEW_BACKLOG = "new_backlog"

    case_id = models.IntegerField("案件")
    tag = models.CharField("预警", max_length=40)
    court_code = models.CharField("法院代字", max_length=16)
    ledger_order = models.IntegerField("台账顺序")
    status = models.CharField("状态", max_length=16)
    age_bucket = models.CharField("案龄段", max_length=8, blank=True, default="")

    class Meta:
        indexes = (models.Index(fields=["tag", "ledger_order", "court_code", "age_bucket", "status"]),)
        verbose_name = "案件预警快照"


class Snapshot(models.Model):
    """One computation of every case's state: the date it is for, when and by whom it was made, how many cases.
    The newest is the one the pages show."""

    as_of = models.DateField("截至日期")
    computed_at = models.DateTimeField("计算时间", auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    cases = models.IntegerField("案件数")
    # The newest import that changed cases or events when the snapshot read them (ImportRecord id; null: none
    # yet). An import committed after that, whose own snapshot never ran (the process was killed in between),
    # makes the snapshot stale (qingji.cases.snapshot.changed_since_snapshot).
    last_import = models.IntegerField("已包含的最新导入", null=True, blank=True)

    class Meta:
        ordering = ("-computed_at", "-id")
        verbose_name = "快照"


class StateCount(models.Model):
    """How many cases of a court are in each state in the stored snapshot, written with it: the home page's
    summary and the ledger's counts read these few rows instead of counting a million states."""

    court_code = models.CharField("法院代字", max_length=16)
    status = models.CharField("状态", max_length=16)
    age_bucket = models.CharField("案龄段", max_length=8, blank=True, default="")
    long_pending_12m = models.BooleanField("超12个月未结", default=False)
    # The ledger's other filters that the counts answer (issue 12): the case's division, type and procedure,
    # whether it is new backlog this month, the year of its provisional expiry (0: not provisional), and one of
    # its warnings ("": the row counts each case once; a row with a warning counts the cases that carry it).
    division = models.TextField("审判庭", blank=True, default="")
    type_code = models.CharField("类型代字", max_length=8, blank=True, default="")
    procedure = models.CharField("适用程序", max_length=32, blank=True, default="")
    new_backlog = models.BooleanField("本月新增长期未结", default=False)
    provisional_year = models.IntegerField("暂定届满年份", default=0)
    warning = models.CharField("预警", max_length=40, blank=True, default="")
    cases = models.IntegerField("案件数")

    class Meta:
        indexes = (models.Index(fields=["warning", "court_code"], name="statecount_warning_court"),)
        verbose_name = "快照计数"


class IntegrityRun(models.Model):
    """One run of the integrity checks (qingji.integrity, docs/integrity.md) over every case in the database: the
    date it is for, when it started and finished, by whom (none: the nightly run, the demo), how many cases it
    read and what it found per check. The newest is the one the pages show; its findings are
    :class:`IntegrityFinding` (qingji.cases.integrity_run replaces them with each run)."""

    as_of = models.DateField("截至日期")
    started_at = models.DateTimeField("开始时间")
    finished_at = models.DateTimeField("完成时间")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    cases = models.IntegerField("核查案件数")
    findings = models.IntegerField("发现数")
    by_check = models.JSONField("各项发现数", default=dict)  # check → count (qingji.integrity.findings.Check)
    thresholds = models.JSONField("核查阈值", default=dict)  # the thresholds applied, as the report says

    class Meta:
        ordering = ("-finished_at", "-id")
        verbose_name = "审限核查"


class IntegrityFinding(models.Model):
    """A finding of the newest integrity run: a case's (``case`` set), or a judge's or a court's share of deducted
    and extended time (``outlier_share``: no case). ``check_code`` is a value of qingji.integrity.findings.Check; ``zh``
    and ``en`` say it in a sentence with the numbers that fired it; ``evidence`` holds those numbers and dates
    (JSON, dates as ISO text)."""

    as_of = models.DateField("截至日期")
    check_code = models.CharField("核查项目", max_length=40)  # ``check`` would hide Model.check
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="integrity_findings"
    )
    case_number = models.CharField("案号", max_length=64, blank=True, default="")
    court_code = models.CharField("法院代字", max_length=16, blank=True, default="")
    judge = models.CharField("承办法官", max_length=64, blank=True, default="")
    rule = models.TextField("依据", blank=True, default="")
    zh = models.TextField("说明")
    en = models.TextField("说明（英文）")
    evidence = models.JSONField("证据", default=dict)

    class Meta:
        ordering = ("check_code", "court_code", "case_number", "judge", "id")
        indexes = (
            models.Index(fields=["court_code", "check_code"], name="finding_court_check"),
            models.Index(fields=["court_code", "judge"], name="finding_court_judge"),
        )
        verbose_name = "审限核查发现"
