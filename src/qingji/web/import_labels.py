"""The upload page's own words (issue 9): missing columns, an empty file, the preview and its confirmation."""

from __future__ import annotations

IMPORT_TEXTS: dict[str, tuple[str, str]] = {
    "import_missing": (
        "案件表缺少这些列，已有案件的相应字段保持不变",
        "The cases file has no column for these; those fields of the cases already held were left as they were",
    ),
    "import_unknown": ("未识别的列（已忽略）", "Columns not recognised (ignored)"),
    "import_empty": (
        "文件中没有数据行（只有表头），没有可导入的内容",
        "The file has no data rows (only the header): there was nothing to import",
    ),
    "import_preview": (
        "待确认，尚未导入：此次导入将使下列已有案件的字段被清空、重新变为未结或事项被撤回",
        "Awaiting confirmation, nothing imported yet: this import would empty fields of, reopen, or withdraw "
        "events of cases already held",
    ),
    "import_preview_cases": ("字段被清空或重新未结的案件", "Cases losing a value or reopened"),
    "import_preview_field": ("将被清空的列", "Column that would be emptied"),
    "import_preview_count": ("案件数", "Cases"),
    "import_reopened": (
        "已结案件将变为未结（结案日期为空）",
        "Closed cases that would reopen (结案日期 empty)",
    ),
    "import_events_gone": (
        "事项将被撤回的案件（事项表不再列出这些事项）",
        "Cases whose events would be withdrawn (the events file no longer gives them)",
    ),
    "import_preview_changed": (
        "确认时的导入结果与您看到的预览不同（其间数据库已有变化），未导入：请核对下面新的预览后再确认。",
        "Not imported: the import no longer does what the preview you confirmed showed (the database changed "
        "meanwhile). Check the new preview below before confirming.",
    ),
    "import_missing_events": (
        "事项表缺少这些列，按空白读取",
        "The events file has no column for these: read as empty",
    ),
    "import_events_corrected": (
        "事项将被更正的案件（同一事项的日期、期间或批准人不同）",
        "Cases whose events would be corrected (another date, length or approver)",
    ),
    "import_examples": ("例", "For example"),
    "import_preview_hint": (
        "如确属有意（例如法院系统的导出确已清空这些字段），请确认导入；否则请检查导出文件后重新上传。",
        "If this is meant (the court's system really emptied these fields), confirm; otherwise check the export "
        "and upload it again.",
    ),
    "import_confirm": ("确认导入", "Confirm the import"),
    "import_cancel": ("放弃", "Discard"),
    "import_expired": (
        "待确认的上传已过期或已处理，请重新上传。",
        "The upload awaiting confirmation has expired or was handled already: upload it again.",
    ),
    "import_discarded": ("已放弃，未导入任何数据。", "Discarded: nothing was imported."),
    "import_record_no": ("导入记录", "Import record"),
    "import_layout": ("版式", "Layout"),
    "import_layout_interchange": (
        "交换格式（清积的表头：案号、立案日期 …）",
        "Interchange format (qingji's headers: 案号, 立案日期 …)",
    ),
    "import_layout_hint": (
        "按法院自己的版式（如数据中心导出的各类案件表）读入时，可同时选择多个案件表，或一个每类案件一张工作表的工作簿，"
        "作为同一次导出一并导入。",
        "In a court's own layout (the data centre's tables, one per kind of case), several case tables may be "
        "chosen at once, or a workbook with a sheet per kind: they are imported together, as one export.",
    ),
    "import_no_layout": (
        "没有这个版式（站点设置可能已更改），请重新选择后上传。",
        "There is no such layout (the site settings may have changed): choose one and upload again.",
    ),
    "import_read_as": ("按版式读入", "Read in the layout"),
}


def import_texts(english: bool) -> dict[str, str]:
    index = 1 if english else 0
    return {key: pair[index] for key, pair in IMPORT_TEXTS.items()}
