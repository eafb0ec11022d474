"""The words of the inbox (收件箱: issue 13, docs/cadence.md), Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

INBOX_TEXTS: dict[str, tuple[str, str]] = {
    "inbox": ("收件箱", "Inbox"),
    "inbox_intro": (
        "每日提醒、每周督办清单、每十天的通报与月度报告，按时生成，最新的在前；未读的加粗。",
        "The daily reminders, the weekly supervision lists, the ten-day bulletins and the monthly reports, produced"
        " on time, newest first; unread in bold.",
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
    "report_headline": (
        "{month} 月度报告：收案 {filed}，结案 {closed}，结收比 {ratio}，月末未结 {pending}",
        "Monthly report of {month}: {filed} filed, {closed} closed, closed-to-filed {ratio}, {pending} pending",
    ),
    "report_intro": ("{day} 生成的月度报告。", "The monthly report produced on {day}."),
    "report_scope_intro": (
        "{scope} {month} 的审判执行工作月度报告，数据截至该月最后一日，口径与统计页面相同（统计期间为该月）。",
        "The monthly report of {scope} for {month}: the figures as of the month's last day, as the statistics "
        "page gives them with the month as the period.",
    ),
    "report_scope_below": ("{courts}及辖区法院", "{courts} and the courts below it"),
    "report_open": ("打开月度报告", "Open the report"),
    "report_filed": ("本月收案", "Filed in the month"),
    "report_closed": ("本月结案", "Closed in the month"),
    "report_ratio": ("结收比", "Closed-to-filed ratio"),
    "report_on_time": ("审限内结案率", "Closed within the trial period"),
    "report_days": ("平均审理天数", "Average trial days"),
    "report_pending": ("月末未结", "Pending at the month's end"),
    "report_change": ("未结较上年同日", "Pending against a year before"),
    "report_long": ("超{months}个月未结", "Pending over {months} months"),
    "report_overdue": ("超审限未结", "Pending past the trial period"),
}
