"""The words of the judges' and assistants' home ("my work"), the trial management office's to-do list and the
menu, Chinese first (merged into labels.TEXTS). ``{…}`` marks a value filled in by the page."""

from __future__ import annotations

HOME_TEXTS: dict[str, tuple[str, str]] = {
    "admin_site": ("账号管理", "Accounts"),
    # my work
    "my_work": ("我的待办", "My work"),
    "my_work_intro": (
        "本周要办的事：超审限、临近届满、满10个月、计划步骤与化解期限、四定缺项、鉴定逾期，最急的在前。",
        "What is due this week: overdue cases, expiries, 10-month warnings, plan steps and target dates, missing "
        "determinations, overdue appraisals — the most urgent first.",
    ),
    "my_work_none": ("本周没有到期或逾期的事项。", "Nothing is due this week or overdue."),
    "my_work_all": ("全部事项", "Everything due"),
    "my_work_shown": ("仅显示：", "Showing only: "),
    "my_work_show": ("显示的事项", "Items shown"),
    "not_a_kind": ("不是本页的事项类别", "not a kind of item of this page"),
    "due_what": ("到期事项", "What is due"),
    "due_when": ("期限", "When"),
    "due_left": ("剩余", "Time left"),
    "next_action": ("下一步", "Next action"),
    "open_campaign_case": ("专项行动案件", "campaign case"),
    "overdue_by": ("逾期{n}日", "{n} days overdue"),
    "days_left_n": ("剩{n}日", "{n} days left"),
    "due_today": ("今日到期", "due today"),
    "and_more": ("另有{n}项", "and {n} more"),
    # what is due (kinds; the warnings keep the ledger's words)
    "kind_overdue": ("已超审限", "Over the trial period"),
    "kind_age_10_months": ("案龄满10个月", "10 months old"),
    "kind_step_overdue": ("计划步骤逾期", "Plan step overdue"),
    "kind_step_due": ("计划步骤本周到期", "Plan step due this week"),
    "kind_target_overdue": ("已过化解期限", "Past the target date"),
    "kind_target_due": ("化解期限本周到期", "Target date this week"),
    "kind_determinations": ("四定缺项", "Determinations missing"),
    "kind_appraisal_overdue": ("鉴定逾期", "Appraisal overdue"),
    # next actions
    "act_overdue": (
        "审限已过，不能再延长：尽快结案，并报告超审限原因",
        "The period has lapsed and can no longer be extended: close the case and report why it ran over",
    ),
    "act_approaching": (
        "届满前结案；需要延长审限的，须在届满前报批",
        "Close it before the expiry; an extension must be approved before the expiry",
    ),
    "act_age_10_months": (
        "在满{months}个月前结案，避免成为长期未结案件",
        "Close it before it is {months} months old and becomes long-pending",
    ),
    "act_step": ("完成计划步骤并登记完成：{step}", "Do the plan step and record it done: {step}"),
    "act_target_overdue": (
        "结案；不能结案的，说明原因并重新确定化解期限",
        "Close it; if it cannot be closed, give the reason and set a new target date",
    ),
    "act_target_due": ("在化解期限前结案", "Close it by its target date"),
    "act_determinations": ("补填{fields}", "Fill in: {fields}"),
    "act_appraisal": (
        "催告鉴定机构（{agency}）；收到鉴定意见后登记",
        "Chase the appraisal agency ({agency}); record the opinion when received",
    ),
    # the office's to-do list
    "office_todo": ("审管办待办", "Trial management office: to do"),
    "office_intro": (
        "需要审管办跟进的事项，最紧迫的在前；点击“去处理”进入办理页面。",
        "What waits on the office, the most pressing first; “Deal with it” opens the page where it is done.",
    ),
    "office_none": ("目前没有待办事项。", "Nothing waits on the office."),
    "todo_item": ("事项", "Item"),
    "todo_count": ("数量", "Number"),
    "todo_since": ("起始", "Waiting since"),
    "todo_where": ("办理", "Where"),
    "todo_go": ("去处理", "Deal with it"),
    "todo_import_late": ("导出数据未按时导入", "Export not imported on time"),
    "todo_import_never": ("从未导入", "never imported"),
    "todo_import_last": ("最近导入 {day}，已{n}日", "last imported {day}, {n} days ago"),
    "todo_import_rule": (
        "超过{n}日未导入的法院列入待办。",
        "A court whose export has not been imported for {n} days is listed.",
    ),
    "todo_determinations": ("四定缺项的案件", "Cases missing determinations"),
    "todo_appraisals": ("鉴定逾期", "Appraisals overdue"),
    "todo_referrals": ("提交审委会/专业法官会议待决", "Referrals awaiting a decision"),
    "todo_lookbacks": ("回头看待复查", "Look-back reviews open"),
    "todo_follow_ups": ("督办到期待跟进", "Supervision follow-ups due"),
    "office_figures": ("各院底数", "The courts' figures"),
    "figures_pending": ("未结", "Pending"),
}
