"""The ten-day bulletin written out: a Word document from the court's template (``通报.docx``: placeholders of text
and of blocks, :data:`PLACEHOLDERS`) and the same laid out as PDF (:func:`qingji.documents.docx_pdf.docx_to_pdf`).
No Django here; :mod:`.bulletin_data` gathers the figures.

The shipped template (``bulletin_templates/通报.docx``, built by ``python -m qingji.campaigns.bulletin_template``)
has the usual sections of a 通报: the overall progress with its chart, each court's progress, the ranking with
the last-place warning and the escalation proposed, the courts that improved or fell behind, the overdue and
10-month cases (parties masked), the new backlog, the integrity checks' findings per court and check (the cases
found, parties masked), the supervision done. A court edits the wording and the order
in Word and puts its copy at ``$QINGJI_HOME/templates/通报.docx`` (docs/cadence.md).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qingji.campaigns.bulletin import Bulletin, CourtLine, IntegrityLine, IntegritySection, RankLine
from qingji.documents.blocks import BarChart, Block, Table, Text
from qingji.documents.docx_pdf import docx_to_pdf
from qingji.documents.template import fill_template
from qingji.integrity.findings import CHECKS, Check

TEMPLATE_NAME = "通报.docx"
DEFAULT_TEMPLATE = Path(__file__).resolve().parent / "bulletin_templates" / TEMPLATE_NAME
NONE = "—"

# name → what it is filled with (Chinese, English); docs/cadence.md lists the same.
TEXTS: dict[str, tuple[str, str]] = {
    "专项行动": ("专项行动名称", "the campaign's name"),
    "发布单位": ("发布通报的法院（专项行动的最高一级法院）", "the issuing court (the campaign's highest)"),
    "期数": ("第几期通报", "the bulletin's number"),
    "日期": ("通报日期（数据截至该日）", "the bulletin's date (the figures are as of that day)"),
    "上期日期": (
        "上一期通报日期（第一期为专项行动开始日期）",
        "the previous bulletin's date (the first: the start)",
    ),
    "开始日期": ("专项行动开始日期", "the campaign's start"),
    "目标日期": ("专项行动目标日期", "the campaign's target date"),
    "纳入数": ("纳入专项行动的积案数", "the cases in scope"),
    "已结数": ("已结案件数", "the cases cleared"),
    "未结数": ("未结案件数", "the cases remaining"),
    "清积率": ("清积率，如 25.00%", "the clearance rate, e.g. 25.00%"),
    "本期清结数": ("自上期通报以来清结的案件数", "cleared since the previous bulletin"),
    "计划未结数": ("倒排工期计划当日应余未结数", "what the countdown plan leaves on the date"),
    "落后天数": ("总体落后倒排工期计划的天数（提前为负）", "days behind the countdown plan overall"),
    "预计完成": ("按当前进度预计完成日期", "the completion projected at the current pace"),
    "超审限数": ("未结案件中超审限的件数", "the pending cases past their expiry"),
    "十个月数": ("未结案件中审理满10个月、不满12个月的件数", "the pending cases 10 to 12 months old"),
    "新增积案数": ("未纳入专项行动的新增积案数", "the new backlog beside the campaign"),
    "末位法院": ("末位法院的名称", "the court in last place"),
    "核查日期": ("审限核查的截至日期（与通报日期相同）", "the integrity checks' date (the bulletin's)"),
    "核查发现数": ("各院审限核查发现的问题数", "the integrity checks' findings in the campaign's courts"),
}
BLOCKS: dict[str, tuple[str, str]] = {
    "进度图": (
        "单独成段：各院清积率柱状图",
        "alone in a paragraph: each court's clearance rate, a bar chart",
    ),
    "进度表": ("单独成段：各院进度表", "alone in a paragraph: each court's progress, a table"),
    "排名表": ("单独成段：基层法院排名表（含末位警示）", "alone in a paragraph: the basic courts ranked"),
    "庭室排名": (
        "单独成段：中级以上法院各庭排名",
        "alone in a paragraph: the divisions of the higher courts",
    ),
    "督办建议": (
        "单独成段：落后法院和建议的督办方式",
        "alone in a paragraph: the courts lagging, the step proposed",
    ),
    "进退情况": ("单独成段：名次上升和下降的法院", "alone in a paragraph: the courts that rose or fell"),
    "超期统计": (
        "单独成段：各院超审限、满10个月和新增积案数",
        "alone in a paragraph: overdue, 10-month, new backlog",
    ),
    "超期案件": (
        "单独成段：超审限和满10个月案件清单",
        "alone in a paragraph: the overdue and 10-month cases",
    ),
    "督办情况": ("单独成段：本期开展的督办", "alone in a paragraph: the supervision done"),
    "核查情况": (
        "单独成段：各院审限核查发现（按核查项目）及发现的案件（当事人已隐名）",
        "alone in a paragraph: the integrity findings per court and check, and the cases found (parties masked)",
    ),
}
PLACEHOLDERS = {**TEXTS, **BLOCKS}

PROGRESS_COLUMNS = (("法院", 26), ("纳入", 9), ("已结", 9), ("未结", 9), ("清积率", 11), ("本期清结", 10),
                    ("落后计划(天)", 12), ("预计完成", 14))  # fmt: skip
RANK_COLUMNS = (("名次", 7), ("法院", 26), ("清积率", 12), ("未结", 10), ("落后计划(天)", 13), ("上期名次", 11),
                ("升降", 8), ("警示", 13))  # fmt: skip
URGENT_COLUMNS = (("法院", 30), ("超审限", 14), ("满10个月", 14), ("新增积案", 14))
CASE_COLUMNS = (("案号", 27), ("法院", 16), ("承办法官", 10), ("当事人", 17), ("立案日期", 14), ("审理天数", 9),
                ("超审限(天)", 10))  # fmt: skip
SUPERVISION_COLUMNS = (("日期", 16), ("法院", 28), ("方式", 14), ("督办人", 14), ("对象", 14))
INTEGRITY_COLUMNS = (("法院", 24), ("发现", 8), ("其中", 58))
INTEGRITY_CASE_COLUMNS = (("核查项目", 24), ("案号", 27), ("法院", 16), ("承办法官", 10), ("当事人", 17))


def chinese_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else NONE


def percent(rate: float) -> str:
    return f"{rate:.2%}"


def values(bulletin: Bulletin) -> dict[str, str]:
    whole = bulletin.overall
    last = bulletin.last_place
    return {
        "专项行动": bulletin.campaign,
        "发布单位": bulletin.issuer,
        "期数": str(bulletin.number),
        "日期": chinese_date(bulletin.on),
        "上期日期": chinese_date(bulletin.previous),
        "开始日期": chinese_date(bulletin.start),
        "目标日期": chinese_date(bulletin.target),
        "纳入数": str(whole.in_scope),
        "已结数": str(whole.cleared),
        "未结数": str(whole.remaining),
        "清积率": percent(whole.clearance_rate),
        "本期清结数": str(whole.cleared_since),
        "计划未结数": str(bulletin.planned_remaining),
        "落后天数": str(whole.behind),
        "预计完成": chinese_date(whole.completed_on or whole.projected),
        "超审限数": str(whole.overdue),
        "十个月数": str(whole.ten_month),
        "新增积案数": str(whole.new_backlog),
        "末位法院": "、".join(line.name for line in last) or "无",
        "核查日期": chinese_date(bulletin.integrity.as_of if bulletin.integrity else bulletin.on),
        "核查发现数": str(bulletin.integrity.overall.total) if bulletin.integrity else NONE,
    }


def blocks(bulletin: Bulletin) -> dict[str, list[Block]]:
    courts = list(bulletin.courts)
    return {
        "进度图": [
            BarChart(
                f"各院清积率（截至{chinese_date(bulletin.on)}）",
                [court.name.removesuffix("人民法院") for court in courts],
                [("清积率", [court.clearance_rate for court in courts])],
                line=("计划进度", _planned_share(bulletin)),
                notes=(f"注：虚线为倒排工期计划当日应达到的清积率（计划未结{bulletin.planned_remaining}件）。",),
            )
        ],
        "进度表": [Table(PROGRESS_COLUMNS, [_progress_row(court) for court in [*courts, bulletin.overall]])],
        "排名表": [Table(RANK_COLUMNS, [_rank_row(line) for line in bulletin.ranking], empty="（本专项行动无基层法院排名）")],
        "庭室排名": [
            block
            for division in bulletin.divisions
            for block in (Text(f"{division.court_name}各庭："), Table(RANK_COLUMNS, [_rank_row(line) for line in division.lines]))
        ]
        or [Text("（无）")],
        "督办建议": [Text(_proposals(bulletin))],
        "进退情况": [Text(_movement(bulletin))],
        "超期统计": [
            Table(URGENT_COLUMNS, [[court.name, str(court.overdue), str(court.ten_month), str(court.new_backlog)]
                                   for court in [*courts, bulletin.overall]])
        ],
        "超期案件": _case_blocks(bulletin),
        "督办情况": [
            Table(SUPERVISION_COLUMNS, [[chinese_date(act.on), act.court, act.kind, act.by, act.to or NONE]
                                        for act in bulletin.supervision], empty="（本期未开展督办）")
        ],
        "核查情况": _integrity_blocks(bulletin.integrity),
    }  # fmt: skip


def _planned_share(bulletin: Bulletin) -> float:
    """The clearance rate the countdown plan asks for on the date (of the cases in scope at the start)."""
    in_scope = bulletin.overall.in_scope
    return 1 - bulletin.planned_remaining / in_scope if in_scope else 0.0


def _progress_row(court: CourtLine) -> list[str]:
    projected = NONE if court.completed_on else chinese_date(court.projected)
    return [court.name, str(court.in_scope), str(court.cleared), str(court.remaining), percent(court.clearance_rate),
            str(court.cleared_since), str(court.behind), "已完成" if court.completed_on else projected]  # fmt: skip


def _rank_row(line: RankLine) -> list[str]:
    moved = (
        NONE
        if line.rank_then is None
        else ("↑" if line.moved > 0 else "↓" if line.moved < 0 else "—")
        + (str(abs(line.moved)) if line.moved else "")
    )
    warning = "末位警示" if line.last else ("落后计划" if line.lagging else "")
    return [str(line.rank), line.name, percent(line.clearance_rate), str(line.remaining), str(line.behind_plan),
            str(line.rank_then) if line.rank_then is not None else NONE, moved, warning]  # fmt: skip


def _proposals(bulletin: Bulletin) -> str:
    lagging = [line for line in bulletin.ranking if line.lagging]
    if not lagging:
        return "本期无落后法院。"
    return "\n".join(
        f"{line.name}：第{line.rank}名（共{line.ranked}个），"
        + ("末位" if line.last else f"落后倒排工期计划{line.behind_plan}天")
        + f"，建议{line.next_step}。"
        if line.next_step
        else f"{line.name}：第{line.rank}名，" + ("末位" if line.last else f"落后计划{line.behind_plan}天") + "，已约谈。"
        for line in lagging
    )  # fmt: skip


def _movement(bulletin: Bulletin) -> str:
    if not any(line.rank_then is not None for line in bulletin.ranking):
        return "本期为第一期通报，无上期名次可比。"
    up = "、".join(f"{line.name}（第{line.rank_then}名→第{line.rank}名）" for line in bulletin.improved)
    down = "、".join(f"{line.name}（第{line.rank_then}名→第{line.rank}名）" for line in bulletin.fallen)
    return f"名次上升：{up or '无'}。\n名次下降：{down or '无'}。"


def _case_blocks(bulletin: Bulletin) -> list[Block]:
    listed = len(bulletin.cases)
    note = (
        f"共{bulletin.cases_total}件，"
        + (
            "全部列出如下。"
            if listed == bulletin.cases_total
            else f"列出超审限最久和审理最久的{listed}件，其余见系统。"
        )
        if bulletin.cases_total
        else "本期无超审限或满10个月的未结案件。"
    )
    rows = [
        [case.case_number, case.court.removesuffix("人民法院"), case.judge, case.parties or NONE,
         case.filed_on.isoformat(), str(case.days_pending),
         str(case.overdue_days) if case.overdue_days is not None else NONE]
        for case in bulletin.cases
    ]  # fmt: skip
    return [Text(note), *([Table(CASE_COLUMNS, rows)] if rows else [])]


def _integrity_blocks(section: IntegritySection | None) -> list[Block]:
    """The findings per court (each check with its count), the whole, and the first cases found."""
    if section is None:
        return [Text("（未进行审限核查）")]
    if not section.overall.total:
        return [Text("本期审限核查未发现问题。")]
    rows = [[line.name, str(line.total), _by_check(line)] for line in [*section.courts, section.overall]]
    listed = len(section.cases)
    note = (
        f"发现问题的案件共{section.cases_total}件，"
        + (
            "全部列出如下。"
            if listed == section.cases_total
            else f"按核查项目列出前{listed}件，其余见系统“审限核查”页面。"
        )
        if section.cases_total
        else "未发现问题案件（发现的均为法官或法院的扣除、延长占比）。"
    )
    cases = [
        [
            check_words(case.check),
            case.case_number,
            case.court.removesuffix("人民法院"),
            case.judge,
            case.parties or NONE,
        ]
        for case in section.cases
    ]
    return [
        Table(INTEGRITY_COLUMNS, rows),
        Text(note),
        *([Table(INTEGRITY_CASE_COLUMNS, cases)] if cases else []),
    ]


def check_words(check: str) -> str:
    """A check's name in Chinese (qingji.integrity.findings.CHECKS)."""
    try:
        return CHECKS[Check(check)].zh
    except ValueError:
        return check


def _by_check(line: IntegrityLine) -> str:
    return "；".join(f"{check_words(check)}{n}项" for check, n in line.counts.items()) or NONE


def title(bulletin: Bulletin) -> str:
    return f"{bulletin.campaign}通报（第{bulletin.number}期，{chinese_date(bulletin.on)}）"


def render_docx(bulletin: Bulletin, template: Path = DEFAULT_TEMPLATE) -> bytes:
    return fill_template(template, PLACEHOLDERS, values(bulletin), blocks(bulletin))


def render_pdf(bulletin: Bulletin, template: Path = DEFAULT_TEMPLATE) -> bytes:
    return docx_to_pdf(render_docx(bulletin, template), title(bulletin))


def template_in_force(home: Path) -> Path:
    """The court's own template ($QINGJI_HOME/templates/通报.docx) when there is one, else the shipped one."""
    custom = home / "templates" / TEMPLATE_NAME
    return custom if custom.is_file() else DEFAULT_TEMPLATE


def render(bulletin: Bulletin, template: Path, suffix: str) -> bytes:
    """The bulletin as ``.docx`` or ``.pdf`` bytes."""
    return render_pdf(bulletin, template) if suffix == ".pdf" else render_docx(bulletin, template)
