"""The words of the case page (its explanation, timeline and campaigns), Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

CASE_TEXTS: dict[str, tuple[str, str]] = {
    "case_expiry_line": ("审限届满日", "The trial period expires on"),
    "case_no_limit": ("无法定审限", "No statutory time limit"),
    "case_days_left": ("剩余", "days left:"),
    "case_days_over": ("已超审限", "days over:"),
    "case_days_unit": ("日", ""),
    "case_closed_late_by": ("超审限结案，超出", "Closed late, by"),
    "case_explanation": ("审限计算过程", "How the expiry is computed"),
    "case_explanation_note": (
        "按本院现行的节假日安排和计算设置，由本案未撤回的审限事项逐步计算，与命令 qingji deadline 的说明一致。",
        "Computed step by step from the case's events not withdrawn, with the holiday schedule and the settings in "
        "force, as the command qingji deadline explains it.",
    ),
    "case_step": ("序号", "Step"),
    "case_step_basis": ("法律依据", "Legal basis"),
    "case_step_text": ("计算", "What it does"),
    "case_step_result": ("得出日期", "Date reached"),
    "case_differs": (
        "注意：按现行设置重新计算的届满日与快照中保存的不同（快照计算后本院设置、节假日安排或事项有变化），下次快照将更新。",
        "Note: computed with the settings in force, the expiry differs from the one the snapshot stored (the "
        "settings, the holidays or the events changed after it); the next snapshot will bring it up to date.",
    ),
    "case_not_explained": (
        "本案的事项无法按审限规则读取，暂无计算过程。",
        "The case's events cannot be read by the rules: no explanation.",
    ),
    "case_timeline": ("审限时间轴", "The trial period on a timeline"),
    "case_timeline_dates": ("时间轴上的日期", "The dates on the timeline"),
    "case_date": ("日期", "Date"),
    "case_what": ("事项", "What"),
    "case_mark_filed": ("立案", "Filed"),
    "case_mark_restart": ("重新计算审限", "Period restarted"),
    "case_mark_conversion": ("程序转换为", "Procedure converted to"),
    "case_mark_extension": ("延长审限", "Extension"),
    "case_mark_approved_by": ("批准人", "approved by"),
    "case_mark_no_approver": ("未载明批准人", "no approver recorded"),
    "case_mark_deduction": ("扣除审限", "Deduction"),
    "case_mark_running": ("至今未结束", "still running"),
    "case_mark_expiry": ("审限届满日", "Expiry of the trial period"),
    "case_mark_as_of": ("截至日（状态计算日）", "As-of day (the state's date)"),
    "case_mark_today": ("今日", "Today"),
    "case_mark_closed": ("结案", "Closed"),
    "case_mark_undated": ("未载明日期", "no date recorded"),
    "case_period_bar": ("审限期间", "Trial period"),
    "case_campaigns": ("所在清积专项行动", "Campaigns holding this case"),
    "case_campaign_page": ("本案在专项行动中的页面（四定、计划、督办）", "This case in the campaign (determinations, plan, supervision)"),
    "case_no_campaign": ("本案不在您可查看的专项行动中。", "The case is in no campaign you may see."),
    "case_stored_basis": ("台账中的依据（一行）", "The ledger's one-line basis"),
    "case_no_warnings": ("无", "None"),
}  # fmt: skip
