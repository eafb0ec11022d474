"""The words of the pages, Chinese first and English a click away: one table, no .po files to compile."""

from __future__ import annotations

from django.utils.translation import get_language

from qingji.core.events import EVENT_TYPE_LABELS, EventType
from qingji.core.procedures import PROCEDURE_LABELS, Procedure
from qingji.core.vocabulary import BUCKET_LABELS, STATUS_LABELS, warning_label
from qingji.web.audit_labels import AUDIT_TEXTS, admin_action_label
from qingji.web.campaign_labels import CAMPAIGN_AUDIT_LABELS, CAMPAIGN_TEXTS
from qingji.web.case_labels import CASE_TEXTS
from qingji.web.casework_labels import CASEWORK_TEXTS
from qingji.web.document_labels import DOCUMENT_TEXTS
from qingji.web.forecast_labels import FORECAST_TEXTS, WHATIF_TEXTS
from qingji.web.holiday_labels import HOLIDAY_TEXTS
from qingji.web.home_labels import HOME_TEXTS
from qingji.web.inbox_labels import INBOX_TEXTS
from qingji.web.integrity_labels import INTEGRITY_AUDIT_LABELS, INTEGRITY_TEXTS
from qingji.web.leader_labels import LEADER_TEXTS
from qingji.web.letter_labels import LETTER_TEXTS
from qingji.web.outbox_labels import OUTBOX_TEXTS
from qingji.web.param_labels import PARAM_TEXTS
from qingji.web.stats_labels import STATS_TEXTS

_GENERAL: dict[str, tuple[str, str]] = {
    "app": ("清积 · 审限管理与积案清理", "qingji · trial periods and backlog"),
    "home": ("首页", "Home"),
    "ledger": ("台账", "Ledger"),
    "login": ("登录", "Log in"),
    "logout": ("退出", "Log out"),
    "username": ("用户名", "User name"),
    "password": ("密码", "Password"),
    "login_failed": ("用户名或密码错误。", "Wrong user name or password."),
    "import": ("导入", "Import"),
    "import_not_allowed": (
        "只有审管办和系统管理员可以导入。",
        "Only the trial management office and administrators import.",
    ),
    "import_choose": ("请选择案件表（CSV 或 Excel）。", "Choose a cases file (CSV or Excel)."),
    "import_cases": ("案件表", "Cases file"),
    "import_events": ("事项表（可选）", "Events file (optional)"),
    "import_done": ("已导入", "Imported"),
    "import_rows": ("行", "rows"),
    "import_created": ("新增", "created"),
    "import_updated": ("更新", "updated"),
    "import_unchanged": ("未变", "unchanged"),
    "import_events_added": ("新增事项", "events added"),
    "import_refused": (
        "文件中有无法读取的行，未导入任何数据",
        "Rows could not be read: nothing was imported",
    ),
    "import_snapshot": ("案件状态已重新计算，截至", "Case states recomputed as of"),
    "import_report": ("下载标注问题的 Excel 副本", "Download the Excel copy with the problems marked"),
    "import_file": ("文件", "File"),
    "import_row": ("行", "Row"),
    "import_case_number": ("案号", "Case number"),
    "import_column": ("列", "Column"),
    "import_value": ("值", "Value"),
    "import_reason": ("原因", "Reason"),
    "audit": ("审计记录", "Audit trail"),
    "audit_not_allowed": ("您的角色不能查看审计记录。", "Your role cannot read the audit trail."),
    "audit_action": ("操作", "Action"),
    "audit_object": ("对象", "Object"),
    "audit_actor": ("操作人", "By"),
    "audit_since": ("自", "From"),
    "audit_until": ("至", "To"),
    "audit_export": ("导出 CSV", "Export CSV"),
    "audit_records": ("条记录", "records"),
    "audit_more_than": ("超过", "More than"),
    "audit_narrow": (
        "，此处列出最新的部分；请用上面的条件缩小范围（导出含全部记录）。",
        "; the newest are listed here: narrow them with the filters above (the export holds them all).",
    ),
    "audit_at": ("时间", "When"),
    "audit_before": ("之前", "Before"),
    "audit_after": ("之后", "After"),
    "login_locked": (
        "登录失败次数过多，请15分钟后再试。",
        "Too many failed attempts: try again in 15 minutes.",
    ),
    "language": ("语言", "Language"),
    "switch": ("切换", "Switch"),
    "as_of": ("截至", "As of"),
    "no_snapshot": (
        "尚未计算案件状态快照，请先运行 qingji snapshot。",
        "No snapshot yet: run qingji snapshot.",
    ),
    "no_person": (
        "该账号未分配法院，无可查看的案件。",
        "This account belongs to no court: there are no cases to show.",
    ),
    "total": ("合计", "Total"),
    "court": ("法院", "Court"),
    "case_number": ("案号", "Case number"),
    "type_code": ("类型", "Type"),
    "judge": ("承办法官", "Judge"),
    "filed_on": ("立案日期", "Filed on"),
    "closed_on": ("结案日期", "Closed on"),
    "expiry": ("审限届满日", "Expiry"),
    "days_remaining": ("剩余天数", "Days left"),
    "status": ("状态", "Status"),
    "bucket": ("案龄段", "Age bucket"),
    "warnings": ("预警", "Warnings"),
    "all": ("全部", "All"),
    "export_xlsx": ("导出 Excel", "Export Excel"),
    "export_csv": ("导出 CSV", "Export CSV"),
    "pending_cases": ("全部未结", "All pending"),
    "closed_cases": ("全部已结", "All closed"),
    "all_cases": ("全部案件", "All cases"),
    "filter": ("筛选", "Filter"),
    "clear": ("清除", "Clear"),
    "results": ("件", "cases"),
    "page": ("页", "page"),
    "previous": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "nothing": ("没有符合条件的案件。", "No cases match."),
    "case": ("案件", "Case"),
    "procedure": ("适用程序", "Procedure"),
    "cause": ("案由", "Cause"),
    "division": ("审判庭", "Division"),
    "in_custody": ("羁押", "In custody"),
    "parties": ("当事人", "Parties"),
    "closure_method": ("结案方式", "Closure method"),
    "cms_expiry": ("审限届满日期（法院系统）", "Expiry in the court's own system"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "events": ("审限事项", "Events"),
    "event": ("事项", "Event"),
    "kind": ("类别", "Kind"),
    "start": ("开始日期", "Start"),
    "end": ("结束日期", "End"),
    "length": ("期间", "Length"),
    "approved_by": ("批准人", "Approved by"),
    "approved_on": ("批准日期", "Approved on"),
    "note": ("备注", "Note"),
    "no_events": ("无", "None"),
    "state": ("审限状态", "State"),
    "age_days": ("审理天数", "Days since filing"),
    "days_over": ("超审限天数", "Days over"),
    "extended": ("延长", "Extended"),
    "deducted_days": ("扣除天数", "Days deducted"),
    "months": ("个月", " months"),
    "days": ("日", " days"),
    "basis": ("计算依据", "Basis"),
    "provisional": ("日历暂定", "Provisional calendar"),
    "not_found": ("找不到该页面", "Page not found"),
    "not_found_text": (
        "该页面不存在，或不在您可以查看的范围内。",
        "The page does not exist, or it is not among what you may see.",
    ),
    "back_home": ("返回首页", "Back to the home page"),
    "no_state": ("该案件尚无状态快照。", "No computed state for this case yet."),
}

# Events a later export withdrew or changed (issue 9, "Corrections in a later export"): the case page and the
# audit page.
_CORRECTION_TEXTS: dict[str, tuple[str, str]] = {
    "events_withdrawn": (
        "被后来的导出撤回的事项（保留备查，不计入审限）",
        "Events withdrawn by a later export (kept for the record, not counted)",
    ),
    "withdrawn_at": ("撤回时间", "Withdrawn at"),
    "withdrawn_by": ("撤回的导入", "Withdrawn by import"),
    "import_record": ("导入记录", "Import"),
    "import_by": ("导入人", "by"),
    "import_events_changed": ("更正事项", "events corrected"),
    "import_events_withdrawn": ("撤回事项", "events withdrawn"),
}
AUDIT_ACTION_LABELS: dict[str, tuple[str, str]] = {
    "event_added": ("新增事项（导入）", "Event added (import)"),
    "event_changed": ("事项更正（导入）", "Event corrected (import)"),
    "event_withdrawn": ("事项撤回（导入）", "Event withdrawn (import)"),
    "event_reinstated": ("事项恢复（导入）", "Event reinstated (import)"),
    "case_created": ("新增案件（导入）", "Case added (import)"),
    "case_updated": ("案件更新（导入）", "Case updated (import)"),
    "snapshot_computed": ("计算快照", "Snapshot computed"),
    "ledger_exported": ("导出台账", "Ledger exported"),
    "court_created": ("新增法院", "Court added"),
    "user_created": ("新增用户", "User added"),
    "user_password_set_in_admin": ("管理后台设置密码", "Password set in the admin site"),
    "grant_created": ("授权查看案件", "Cases granted"),
    "grant_revoked": ("撤回授权", "Grant withdrawn"),
    "campaign_created": ("创建专项行动", "Campaign created"),
    "campaign_cases_added": ("专项行动增补案件", "Cases added to a campaign"),
    "campaign_demo_determined": ("演示：填写四定", "Demo: determinations filled in"),
    "campaign_case_updated": ("四定更新", "Determinations updated"),
    "plan_step_added": ("新增结案计划步骤", "Plan step added"),
    "plan_step_done": ("计划步骤完成", "Plan step done"),
    "supervision_recorded": ("记录督导", "Supervision recorded"),
    "letter_generated": ("生成督办函", "Supervision letter made"),
    "referral_made": ("移送", "Referral made"),
    "referral_updated": ("移送更新", "Referral updated"),
    "appraisal_requested": ("委托鉴定", "Appraisal requested"),
    "appraisal_updated": ("鉴定更新", "Appraisal updated"),
    "lookbacks_opened": ("开启回头看", "Look-back reviews opened"),
    "lookback_recorded": ("记录回头看", "Look-back recorded"),
    "settings_changed": ("本院设置变更", "Site settings changed"),
    "holiday_notice_loaded": ("载入节假日安排", "Holiday notice loaded"),
    "database_restored": ("数据库由备份恢复", "Database restored from a backup"),
    "cadence_produced": ("按时生成", "Produced on schedule"),
    "document_produced": ("生成并存档", "Produced and archived"),
    "delivery_sent": ("外发消息", "Messages sent out"),
    "delivery_retried": ("重新发送消息", "Message sent again"),
}
AUDIT_ACTION_LABELS.update(CAMPAIGN_AUDIT_LABELS)
AUDIT_ACTION_LABELS.update(INTEGRITY_AUDIT_LABELS)

TEXTS: dict[str, tuple[str, str]] = {**_GENERAL, **CAMPAIGN_TEXTS, **STATS_TEXTS, **LETTER_TEXTS}
TEXTS.update(CASEWORK_TEXTS)
TEXTS.update(_CORRECTION_TEXTS)
TEXTS.update(PARAM_TEXTS)
TEXTS.update(CASE_TEXTS)
TEXTS["holidays"] = HOLIDAY_TEXTS["holidays"]
TEXTS.update(LEADER_TEXTS)
TEXTS.update(HOME_TEXTS)
TEXTS.update(AUDIT_TEXTS)
TEXTS.update(INBOX_TEXTS)
TEXTS.update(DOCUMENT_TEXTS)
TEXTS.update(OUTBOX_TEXTS)
TEXTS.update(INTEGRITY_TEXTS)
TEXTS.update(FORECAST_TEXTS)
TEXTS.update(WHATIF_TEXTS)


def is_english(language: str | None = None) -> bool:
    return (language or get_language() or "").startswith("en")


def labels(language: str | None = None) -> dict[str, str]:
    """The page texts in ``language`` (zh-hans unless it is English)."""
    index = 1 if is_english(language) else 0
    return {key: pair[index] for key, pair in TEXTS.items()}


def text(key: str, language: str | None = None) -> str:
    return _pick(TEXTS[key], key, language)


def _pick(pair: tuple[str, str] | None, code: str, language: str | None) -> str:
    if pair is None:
        return code
    return pair[1] if is_english(language) else pair[0]


def status_label(code: str, language: str | None = None) -> str:
    return _pick(STATUS_LABELS.get(code), code, language)


def bucket_label(code: str, language: str | None = None) -> str:
    return _pick(BUCKET_LABELS.get(code), code, language)


def warning_text(code: str, language: str | None = None) -> str:
    return _pick(warning_label(code), code, language)


# English words for the event types (the Chinese ones are the core's; a procedure's both are the core's): a page
# never shows a code.
EVENT_TYPE_ENGLISH: dict[str, str] = {
    EventType.EXTENSION: "Extension",
    EventType.DEDUCTION: "Deduction",
    EventType.CONVERSION: "Procedure conversion",
    EventType.RESTART: "Restart of the period",
}


def event_label(code: str, language: str | None = None) -> str:
    if code not in EVENT_TYPE_LABELS:
        return code  # as the export wrote it (the reader keeps only known types)
    return EVENT_TYPE_ENGLISH[code] if is_english(language) else EVENT_TYPE_LABELS[EventType(code)]


def procedure_label(code: str, language: str | None = None) -> str:
    if code not in PROCEDURE_LABELS:
        return code
    procedure = Procedure(code)
    return procedure.label_en.capitalize() if is_english(language) else procedure.label_zh


def audit_action_label(code: str, language: str | None = None) -> str:
    """An audit record's action in words (the code itself for an action without words yet)."""
    return _pick(AUDIT_ACTION_LABELS.get(code) or admin_action_label(code), code, language)
