"""The words of the audit page (docs/pages.md "The audit trail"), Chinese first: the kinds of object a record is
about, the names of the fields its before and after hold, and the words of the values a field holds as a code.

The actions' words are labels.AUDIT_ACTION_LABELS (and :func:`admin_action_label` for the admin site's).
"""

from __future__ import annotations

AUDIT_TEXTS: dict[str, tuple[str, str]] = {
    "audit_changes": ("变更内容", "What changed"),
    "audit_court": ("法院", "Court"),
    "audit_empty": ("空", "empty"),
    "audit_more": ("等，共 {count} 项", "… {count} in all"),
    "audit_none": ("无变更内容", "nothing recorded"),
    "audit_setting": ("设置项", "Setting"),
}

OBJECT_TYPE_LABELS: dict[str, tuple[str, str]] = {
    "case": ("案件", "Case"),
    "case_event": ("审限事项", "Event"),
    "campaign": ("专项行动", "Campaign"),
    "campaign_case": ("专项行动案件", "Campaign case"),
    "cadence_reminder": ("日提醒", "Daily reminders"),
    "cadence_list": ("周督办清单", "Weekly supervision lists"),
    "cadence_delivery": ("消息外发", "Messages sent out"),
    "cadence_bulletin": ("十日通报", "Ten-day bulletin"),
    "cadence_report": ("月度报告", "Monthly report"),
    "court": ("法院", "Court"),
    "user": ("用户", "User"),
    "group": ("用户组", "Group"),
    "grant": ("授权", "Grant"),
    "snapshot": ("案件状态快照", "Snapshot"),
    "integrity": ("审限核查", "Integrity checks"),
    "ledger": ("台账", "Ledger"),
    "supervision": ("督办记录", "Supervision"),
    "holiday_notice": ("节假日安排", "Holiday notice"),
    "site_settings": ("本院设置", "Site settings"),
    "database": ("数据库", "Database"),
}

# The fields of the records' before and after, by the name the action writes them under.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    # a case (an import)
    "case_number": ("案号", "Case number"),
    "court_code": ("法院", "Court"),
    "court_id": ("法院", "Court"),
    "type_code": ("类型代字", "Type code"),
    "procedure": ("适用程序", "Procedure"),
    "procedure_raw": ("适用程序（文件原文）", "Procedure as the file wrote it"),
    "cause": ("案由", "Cause"),
    "filed_on": ("立案日期", "Filed on"),
    "closed_on": ("结案日期", "Closed on"),
    "closure_method": ("结案方式", "Closure method"),
    "judge": ("承办法官", "Judge"),
    "division": ("审判庭", "Division"),
    "in_custody": ("羁押", "In custody"),
    "parties": ("当事人", "Parties"),
    "cms_expiry": ("审限届满日期（法院系统）", "Expiry in the court's own system"),
    # an event (an import)
    "event": ("事项", "Event"),
    "kind": ("类别", "Kind"),
    "messages": ("消息数", "Messages"),
    "document": ("文书", "Document"),
    "start": ("开始日期", "Start"),
    "end": ("结束日期", "End"),
    "length_months": ("期间（月）", "Length (months)"),
    "length_days": ("期间（日）", "Length (days)"),
    "approved_by": ("批准人", "Approved by"),
    "approved_on": ("批准日期", "Approved on"),
    "note": ("备注", "Note"),
    "withdrawn_by_id": ("撤回该事项的导入", "Withdrawn by import"),
    # a campaign and its cases
    "campaign": ("专项行动", "Campaign"),
    "name": ("名称", "Name"),
    "target": ("目标日期", "Target"),
    "courts": ("法院", "Courts"),
    "scope": ("范围方式", "Scope"),
    "older_than_months": ("未结超过（月）", "Pending over (months)"),
    "type_codes": ("类型代字", "Type codes"),
    "scope_file": ("清单文件", "List file"),
    "cases": ("案件", "Cases"),
    "fields": ("填写的字段", "Fields filled in"),
    "added_on": ("纳入日期", "Added on"),
    "responsible": ("责任人", "Responsible"),
    "supervisor": ("督办领导", "Supervising leader"),
    "plan": ("化解方案", "Clearing plan"),
    "target_on": ("化解期限", "Target date"),
    "reason": ("未结原因", "Reason unresolved"),
    "reason_note": ("原因说明", "About the reason"),
    "president": ("院长", "President"),
    "vice_president": ("分管院领导", "Vice-president in charge"),
    "division_head": ("庭长", "Division head"),
    "step": ("步骤", "Step"),
    "description": ("步骤", "Step"),
    "due_on": ("计划日期", "Due"),
    "done_on": ("完成日期", "Done on"),
    # supervision and the letter
    "on": ("日期", "Date"),
    "by": ("督办人", "By"),
    "to": ("对象", "To"),
    "agreed": ("议定事项", "Agreed"),
    "follow_up": ("跟进日期", "Follow-up"),
    "number": ("文号", "Letter number"),
    "template": ("模板", "Template"),
    # the green channel, appraisals, the look-back
    "referral": ("移送编号", "Referral no."),
    "body": ("提交", "Referred to"),
    "referred_on": ("提交日期", "Referred on"),
    "referred_by": ("提交人", "Referred by"),
    "scheduled_on": ("会议安排日期", "Meeting scheduled"),
    "held_on": ("会议召开日期", "Meeting held"),
    "outcome": ("讨论结果", "Outcome"),
    "decided_on": ("决定日期", "Decided on"),
    "appraisal": ("鉴定编号", "Appraisal no."),
    "agency": ("鉴定机构", "Agency"),
    "requested_on": ("委托日期", "Requested on"),
    "received_on": ("收到意见日期", "Opinion received"),
    "opened_on": ("建立日期", "Opened on"),
    "reviewed_on": ("复查日期", "Reviewed on"),
    "reviewer": ("复查人", "Reviewer"),
    "finding": ("复查情况", "Finding"),
    "verdict": ("结论", "Verdict"),
    "problem": ("问题说明", "The problem"),
    # courts, users, grants (and the admin site's forms)
    "code": ("法院代字", "Court code"),
    "level": ("级别", "Level"),
    "parent": ("上级法院", "Higher court"),
    "username": ("用户名", "User name"),
    "user": ("用户", "User"),
    "court": ("法院", "Court"),
    "role": ("角色", "Role"),
    "password": ("密码", "Password"),
    "first_name": ("名", "First name"),
    "last_name": ("姓", "Last name"),
    "email": ("电子邮箱", "E-mail"),
    "is_active": ("启用", "Active"),
    "is_staff": ("可进入管理后台", "May use the admin site"),
    "is_superuser": ("超级用户", "Superuser"),
    "groups": ("用户组", "Groups"),
    "user_permissions": ("权限", "Permissions"),
    "permissions": ("权限", "Permissions"),
    # the ledger's export and its filters
    "filters": ("筛选条件", "Filters"),
    "rows": ("行数", "Rows"),
    "as_of": ("截至", "As of"),
    "status": ("状态", "Status"),
    "bucket": ("案龄段", "Age band"),
    "q": ("案号", "Case number"),
    "type": ("类型代字", "Type code"),
    "warning": ("预警", "Warning"),
    "new_backlog": ("新增长期未结", "New backlog"),
    "overdue_target": ("超过化解期限", "Past their target date"),
    "missing": ("缺项", "Missing"),
    # the integrity checks and their export
    "findings": ("发现数", "Findings"),
    "check": ("核查项目", "Check"),
    # holidays, settings, backups
    "year": ("年份", "Year"),
    "source": ("来源", "Source"),
    "holidays": ("放假日期", "Holidays"),
    "workdays": ("调休上班日期", "Working weekend days"),
    "file": ("文件", "File"),
    "changes": ("变更", "Changes"),
    "made_at": ("备份时间", "Backed up at"),
    "made_by": ("备份者", "Backed up by"),
    "counts": ("行数", "Rows"),
    "kept_database": ("原数据库另存为", "Database kept as"),
    "kept_home": ("原文件另存为", "Files kept as"),
    "migrated": ("已迁移", "Migrated"),
    "audit_records": ("审计记录", "Audit records"),
    "imports": ("导入记录", "Imports"),
    "accounts": ("账号", "Accounts"),
    "events": ("事项", "Events"),
    # the outbox (issue 13 "Delivery")
    "sent": ("已送达", "Delivered"),
    "retrying": ("失败待重试", "Failed, to be tried again"),
    "given_up": ("已放弃", "Given up"),
    "recipient": ("收件方", "Recipient"),
    "attempts": ("已尝试次数", "Attempts"),
}

# A field named alike by several actions, told apart where the action's own word differs.
ACTION_FIELD_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("supervision_recorded", "kind"): ("督办方式", "Kind of supervision"),
    ("supervision_recorded", "by"): ("督办人", "Supervised by"),
    ("grant_created", "reason"): ("授权理由", "Reason for the grant"),
    ("grant_revoked", "reason"): ("授权理由", "Reason for the grant"),
    ("letter_generated", "to"): ("主送", "Addressed to"),
    ("letter_generated", "cases"): ("所列案件数", "Cases listed"),
    ("appraisal_requested", "due_on"): ("约定完成日期", "Due on"),
    ("appraisal_updated", "due_on"): ("约定完成日期", "Due on"),
    ("appraisal_updated", "note"): ("备注", "Note"),
}

# Values that are words of their own (a letter's template).
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "default": ("默认模板", "the default template"),
}

_ADMIN_VERBS: dict[str, tuple[str, str]] = {
    "added": ("管理后台新增", "added in the admin site"),
    "changed": ("管理后台修改", "changed in the admin site"),
    "deleted": ("管理后台删除", "deleted in the admin site"),
}


def admin_action_label(code: str) -> tuple[str, str] | None:
    """The words of an admin site action (``user_changed_in_admin`` …: web/admin.py), None for another code."""
    if not code.endswith("_in_admin"):
        return None
    subject, _, verb = code.removesuffix("_in_admin").rpartition("_")
    if verb not in _ADMIN_VERBS or subject not in OBJECT_TYPE_LABELS:
        return None
    zh, en = _ADMIN_VERBS[verb]
    noun_zh, noun_en = OBJECT_TYPE_LABELS[subject]
    return (f"{zh}{noun_zh}", f"{noun_en} {en}")
