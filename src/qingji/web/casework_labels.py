"""The words of the casework pages — the green channel, appraisals and the look-back — Chinese first (merged into
labels.TEXTS)."""

from __future__ import annotations

CASEWORK_TEXTS: dict[str, tuple[str, str]] = {
    "cw_green_channel": ("绿色通道（审委会、专业法官会议）", "Green channel (committee, judges' meeting)"),
    "cw_green_channel_short": ("绿色通道", "Green channel"),
    "cw_referrals": ("提交讨论", "Referrals"),
    "cw_no_referrals": ("尚无提交讨论的案件。", "No referral yet."),
    "cw_body": ("提交", "Referred to"),
    "cw_referred_on": ("提交日期", "Referred on"),
    "cw_referred_by": ("提交人", "Referred by"),
    "cw_scheduled_on": ("会议安排日期", "Meeting scheduled"),
    "cw_held_on": ("会议召开日期", "Meeting held"),
    "cw_outcome": ("讨论结果", "Outcome"),
    "cw_decided_on": ("决定日期", "Decided on"),
    "cw_waiting_days": ("等待天数", "Days waiting"),
    "cw_waiting": ("等待中", "waiting"),
    "cw_decided": ("已决定", "decided"),
    "cw_refer": ("提交讨论", "Refer"),
    "cw_update": ("更新", "Update"),
    "cw_open_referrals": ("未决", "Open"),
    "cw_referral_count": ("提交件数", "Referrals"),
    "cw_average_wait": ("平均等待（天）", "Average wait (days)"),
    "cw_longest_wait": ("最长等待（天）", "Longest wait (days)"),
    "cw_longest_open_wait": ("未决最长等待（天）", "Longest open wait (days)"),
    "cw_wait_note": (
        "等待天数：提交日至决定日，未决的至截至日（提交当日不计）。",
        "Days waiting: from the referral to the decision, or to the as-of date while open (the referral day not "
        "counted).",
    ),
    "cw_appraisals": ("鉴定", "Appraisals"),
    "cw_no_appraisals": ("尚无鉴定记录。", "No appraisal yet."),
    "cw_agency": ("鉴定机构", "Agency"),
    "cw_requested_on": ("委托日期", "Requested on"),
    "cw_due_on": ("约定完成日期", "Due on"),
    "cw_received_on": ("收到意见日期", "Opinion received"),
    "cw_note": ("备注", "Note"),
    "cw_overdue": ("超期", "Overdue"),
    "cw_days_overdue": ("超期天数", "Days overdue"),
    "cw_overdue_count": ("超期鉴定", "Overdue appraisals"),
    "cw_outstanding": ("未收到", "outstanding"),
    "cw_received": ("已收到", "received"),
    "cw_request_appraisal": ("登记鉴定", "Record an appraisal"),
    "cw_overdue_note": (
        "超期：约定完成日期早于截至日且截至日前未收到鉴定意见。",
        "Overdue: due before the as-of date and the opinion not received by then.",
    ),
    "cw_lookback": ("回头看", "Look-back review"),
    "cw_lookback_none": ("没有需要回头看的案件。", "No case is due a look-back review."),
    "cw_lookback_not_due": (
        "本案未结，或立案至结案未超过一年，无需回头看。",
        "This case is pending, or closed within a year of filing: no look-back review.",
    ),
    "cw_lookback_rule": (
        "立案至结案超过一年（结案日晚于立案日加十二个月，恰满一年不算）的专项行动案件，结案后均应回头看。",
        "Every campaign case closed more than a year after filing (the closing date after the filing date plus "
        "twelve months; a year exactly is not over) is reviewed after closure.",
    ),
    "cw_state": ("状态", "State"),
    "cw_to_open": ("待建立", "to open"),
    "cw_task_open": ("待复查", "open"),
    "cw_task_done": ("已复查", "done"),
    "cw_opened_on": ("建立日期", "Opened on"),
    "cw_open_tasks": ("建立复查任务", "Open the review tasks"),
    "cw_open_tasks_note": (
        "复查任务每晚自动建立；也可在此立即建立（截至今天）。",
        "Review tasks are opened every night; they can also be opened here now (as of today).",
    ),
    "cw_reviewed_on": ("复查日期", "Reviewed on"),
    "cw_reviewer": ("复查人", "Reviewer"),
    "cw_finding": ("复查情况", "Finding"),
    "cw_verdict": ("结论", "Verdict"),
    "cw_problem": ("问题说明", "The problem"),
    "cw_record_finding": ("记录复查结果", "Record the finding"),
    "cw_refused": ("未保存，原因如下", "Not saved, because"),
    "cw_back": ("返回案件", "Back to the case"),
    "cw_links": ("专项工作", "Casework"),
}

# The meetings and the verdicts in English (the Chinese are the models' choice labels).
BODIES_EN: dict[str, str] = {
    "committee": "adjudication committee",
    "judges_meeting": "professional judges' meeting",
}
VERDICTS_EN: dict[str, str] = {"no_problem": "no problem", "problem": "problem found"}
