"""The words of a parameter the page cannot use (web/params.py, 400.html), Chinese first (merged into
labels.TEXTS)."""

from __future__ import annotations

PARAM_TEXTS: dict[str, tuple[str, str]] = {
    "bad_request": ("无法处理该请求", "The request cannot be handled"),
    "bad_request_text": ("请求中有无法使用的值。", "The request holds a value that cannot be used."),
    "bad_value": ("{label}“{value}”无法使用：{reason}", "{label} “{value}” cannot be used: {reason}"),
    "not_a_day": ("应为 YYYY-MM-DD 格式的日期", "expected a date as YYYY-MM-DD"),
    "no_such_day": ("日历上没有这一天", "there is no such day in the calendar"),
    "day_range": (
        "日期应在 1900-01-01 至 2099-12-31 之间",
        "the date must lie between 1900-01-01 and 2099-12-31",
    ),
    "not_an_id": ("应为编号（数字）", "expected a number"),
    "bad_text": ("含有不能使用的字符", "it holds characters that cannot be used"),
    "export_format": ("导出格式", "Export format"),
    "not_a_format": ("应为 xlsx 或 csv", "expected xlsx or csv"),
    "admin_selected": ("所选对象", "The objects selected"),
    "go_back": ("请返回上一页修改后重试。", "Go back, correct it and try again."),
}
