"""The words of the inbox (收件箱: issue 13, docs/cadence.md), Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

INBOX_TEXTS: dict[str, tuple[str, str]] = {
    "inbox": ("收件箱", "Inbox"),
    "inbox_intro": (
        "每日提醒与每周督办清单，按时生成，最新的在前；未读的加粗。",
        "The daily reminders and the weekly supervision lists, produced on time, newest first; unread in bold.",
    ),
    "inbox_empty": ("收件箱里还没有消息。", "No message yet."),
    "inbox_unread": ("未读", "unread"),
    "inbox_sent_on": ("日期", "Date"),
    "inbox_kind": ("类别", "Kind"),
    "inbox_about": ("内容", "About"),
    "inbox_back": ("返回收件箱", "Back to the inbox"),
    "cadence_reminder": ("日提醒", "Daily reminder"),
    "cadence_list": ("周督办清单", "Weekly supervision list"),
    "cadence_bulletin": ("通报", "Bulletin"),
    "cadence_report": ("月度报告", "Monthly report"),
    "reminder_headline": ("待办 {n} 项", "{n} items due"),
    "list_headline": ("落后于计划或化解期限的案件 {n} 件", "{n} cases behind plan or past their target date"),
    "reminder_intro": (
        "截至 {day}，你承办或协办的案件中到期与逾期的事项，最急的在前。",
        "As of {day}, what is due or overdue in your cases, the most urgent first.",
    ),
    "list_intro": (
        "截至 {day}，由你包案或督办、计划步骤逾期或已过化解期限的未结案件，落后最多的在前。",
        "As of {day}, the pending campaign cases in your charge (your level of the chain, or as supervising "
        "leader) with a plan step overdue or past their target date, the furthest behind first.",
    ),
    "listed_of": ("列出 {shown} 项，共 {total} 项", "{shown} listed of {total}"),
    "open_my_work": ("打开我的待办", "Open my work"),
    "days_behind": ("落后天数", "Days behind"),
    "overdue_step": ("逾期的计划步骤", "Plan step overdue"),
}
