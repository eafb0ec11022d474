"""The words of the documents' archive (通报存档) and of a bulletin in the inbox (issue 13, docs/cadence.md),
Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

DOCUMENT_TEXTS: dict[str, tuple[str, str]] = {
    "documents": ("通报存档", "Bulletins and reports"),
    "documents_intro": (
        "按时生成的十日通报和月度报告，原样保存，最新的在前；每份可下载 Word 和 PDF。",
        "The ten-day bulletins and monthly reports as they were produced and sent, newest first; each downloads "
        "as Word and PDF.",
    ),
    "documents_empty": ("还没有通报或报告。", "No bulletin or report yet."),
    "document_kind_bulletin": ("通报", "Bulletin"),
    "document_kind_report": ("月度报告", "Monthly report"),
    "document_title": ("标题", "Title"),
    "document_on": ("数据截至", "Figures as of"),
    "document_number": ("期数", "No."),
    "document_download": ("下载", "Download"),
    "document_word": ("Word", "Word"),
    "document_pdf": ("PDF", "PDF"),
    "bulletin_headline": (
        "第{number}期：清积率 {rate}，未结 {remaining} 件，本期清结 {since} 件",
        "No. {number}: clearance rate {rate}, {remaining} remaining, {since} cleared since the last",
    ),
    "bulletin_intro": (
        "“{campaign}”截至 {day} 的十日通报。",
        "The ten-day bulletin of “{campaign}” as of {day}.",
    ),
    "bulletin_your_court": (
        "你院在 {ranked} 个法院中排第 {rank} 名。",
        "Your court ranks {rank} of {ranked}.",
    ),
    "bulletin_last_place": ("末位警示：{courts}。", "Last-place warning: {courts}."),
    "bulletin_you_last": ("你院被末位警示。", "Your court has the last-place warning."),
    "bulletin_you_behind": ("你院落后于倒排工期计划。", "Your court is behind its countdown plan."),
    "bulletin_figures": ("要点", "Headline figures"),
    "bulletin_overdue": ("超审限", "Overdue"),
    "bulletin_ten_month": ("审理满10个月", "10 months old"),
    "bulletin_new_backlog": ("新增积案", "New backlog"),
    "bulletin_cleared_since": ("本期清结", "Cleared since the last bulletin"),
    "bulletin_behind": ("落后计划（天，负数为提前）", "Days behind plan (negative: ahead)"),
    "open_document": ("打开通报", "Open the bulletin"),
    "open_campaign": ("打开专项行动", "Open the campaign"),
}
