"""The holiday page's own words (issue 11): the years the calendar knows and loading a year's notice."""

from __future__ import annotations

HOLIDAY_TEXTS: dict[str, tuple[str, str]] = {
    "holidays": ("节假日安排", "Holidays"),
    "holidays_intro": (
        "审限届满日遇节假日顺延，依据国务院办公厅每年发布的节假日安排。尚无安排的年份，届满日只按周末判断并标为“暂定”。",
        "An expiry that falls on a rest day moves to the next working day, by the State Council's yearly holiday "
        "notice. In a year with no notice yet, only weekends are known and such expiries are marked provisional.",
    ),
    "holidays_not_allowed": (
        "节假日安排影响所有法院的审限，只有能查看所有法院的系统管理员可以载入。",
        "The holidays move every court's expiries: only an administrator who sees every court can load them.",
    ),
    "holidays_year": ("年份", "Year"),
    "holidays_source": ("来源", "Source"),
    "holidays_package": ("随系统提供（国务院办公厅通知）", "Shipped with the system (State Council notices)"),
    "holidays_file": ("本院节假日文件", "The court's holiday file"),
    "holidays_loaded": ("载入的通知", "Loaded notice"),
    "holidays_loaded_by": ("载入人", "loaded by"),
    "holidays_missing": (
        "年的节假日安排尚未载入：届满日落在该年的，均为暂定。国务院办公厅发布通知后，请在下面载入。",
        ": no holiday notice yet — expiries falling in that year are provisional. Load the notice below once "
        "the State Council has published it.",
    ),
    "holidays_load": ("载入节假日安排", "Load a holiday notice"),
    "holidays_text": ("通知全文（粘贴，含标题）", "The notice's text (paste it, with its title)"),
    "holidays_upload": (
        "或选择文件（通知文本 .txt 或节假日文件 .toml）",
        "or choose a file (the notice as .txt, or a holiday file .toml)",
    ),
    "holidays_year_hint": (
        "不填则取通知标题中的年份",
        "leave empty to take the year from the notice's title",
    ),
    "holidays_check": ("检查", "Check"),
    "holidays_confirm": ("确认载入", "Load it"),
    "holidays_preview": (
        "请核对下表与通知是否一致；确认后载入，所有案件的审限将按新安排重新计算。",
        "Check the table against the notice; once loaded, every case's expiry is recomputed under it.",
    ),
    "holidays_festival": ("节日", "Festival"),
    "holidays_days_off": ("放假", "Days off"),
    "holidays_worked": ("调休上班", "Weekends worked"),
    "holidays_days": ("天", "days"),
    "holidays_done": ("已载入，快照已重新计算（案件数）", "Loaded; the snapshot was recomputed (cases)"),
    "holidays_refused": ("未载入", "Not loaded"),
    "holidays_empty": ("请粘贴通知全文或选择文件。", "Paste the notice's text or choose a file."),
    "holidays_busy": ("正在导入，完成后再载入。", "An import is running: load the notice when it has ended."),
}


def holiday_texts(english: bool) -> dict[str, str]:
    index = 1 if english else 0
    return {key: pair[index] for key, pair in HOLIDAY_TEXTS.items()}
