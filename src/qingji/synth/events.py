"""The events.csv frame: deductions, extensions, conversions and restarts, each as an export shows it.

Events are listed case by case in the order of cases.csv, and within a case by date. Only what had happened by
the export date is written: a deduction that started later is left out, one still running has no end date.
Every text cell is first a number in one vocabulary, so that a million events need no Python loop.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from qingji.interchange.headers import EVENT_FIELDS
from qingji.synth.cases import CAUSES, RESTART_REASONS, CaseDraw
from qingji.synth.deductions import KIND_NAMES, NOTES, Deductions, note_table
from qingji.synth.kinds import APPROVER_PRESIDENT, HIGH, HIGHER, KINDS
from qingji.synth.ladder import MAX_STEPS, Ladder
from qingji.synth.people import COURTS, HIGH_COURT_NAME
from qingji.synth.sampling import IntArray, categorical

EVENT_COLUMNS = tuple(field.zh for field in EVENT_FIELDS)  # the interchange headers, in order

EXTENSION_NOTES: dict[str, tuple[str, ...]] = {
    "院长": ("案情复杂", "需要进一步调查取证", "当事人申请追加当事人", "", ""),
    "院长/执": ("财产处置尚未完成", "需继续查控被执行人财产", "", ""),
    "院长/简易程序": ("可能判处三年以上有期徒刑", ""),
    "院长/速裁程序": ("可能判处一年以上有期徒刑", ""),
    "上级": ("上级法院批准", "报请上级法院批准延长审限", ""),
    "上级/刑": ("案情重大复杂", "有附带民事诉讼", "上级法院批准", ""),
    "高院": ("报请甘肃省高级人民法院批准", "上级法院批准", ""),
}
CONVERSION_NOTES: dict[str, tuple[str, ...]] = {
    "简易程序→普通程序": (
        "案情复杂，转为普通程序审理",
        "需要鉴定，转为普通程序",
        "当事人提出异议，转为普通程序",
        "",
    ),
    "小额诉讼程序→简易程序": ("不宜适用小额诉讼程序", ""),
    "小额诉讼程序→普通程序": ("不宜适用小额诉讼程序", "案情复杂，转为普通程序审理", ""),
    "刑/简易程序": ("被告人对指控事实有异议", "不宜适用简易程序", "案情复杂，转为普通程序审理", ""),
    "刑/速裁程序": ("被告人对指控事实有异议", "不宜适用速裁程序", ""),
}
RESTART_NOTES: dict[str, tuple[str, ...]] = {
    "补充侦查": ("检察院补充侦查完毕重新移送", "补充侦查后移送", ""),
    "发回重审": ("二审发回重审", ""),
}
NONE = -1  # a missing date


class Words:
    """The vocabulary of text cells; id 0 is an empty cell."""

    def __init__(self) -> None:
        self.words: list[str | None] = [None]
        self._ids: dict[str, int] = {}

    def id(self, word: str) -> int:
        if not word:
            return 0
        if word not in self._ids:
            self._ids[word] = len(self.words)
            self.words.append(word)
        return self._ids[word]

    def ids(self, values: Sequence[str]) -> IntArray:
        return np.array([self.id(v) for v in values], dtype=np.int64)

    def series(self) -> pl.Series:
        return pl.Series(self.words, dtype=pl.String)


def present(codes: IntArray) -> list[int]:
    """The distinct values of small non-negative codes, without sorting the rows."""
    return np.flatnonzero(np.bincount(codes)).tolist() if len(codes) else []


def per_combo(codes: IntArray, value_of: dict[int, int]) -> IntArray:
    """``value_of[code]`` for each row, looked up once per distinct code."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    dense = np.zeros(int(codes.max()) + 1, dtype=np.int64)
    for code, value in value_of.items():
        dense[code] = value
    return dense[codes]


def draw_notes(
    rng: np.random.Generator, words: Words, table: IntArray, tables: Sequence[tuple[str, ...]]
) -> IntArray:
    """A note id drawn from ``tables[table[row]]`` for each row."""
    if not len(table):
        return np.zeros(0, dtype=np.int64)
    options = [words.ids(t) for t in tables]
    local = categorical(rng, table, [[1.0] * len(o) for o in options])
    offsets = np.cumsum([0] + [len(o) for o in options])
    return np.concatenate(options)[offsets[table] + local]


Part = dict[str, IntArray]
PART_COLUMNS = (
    "row",
    "date",
    "rank",
    "event",
    "kind",
    "start",
    "end",
    "length",
    "approver",
    "approved_on",
    "note",
)


def _part(rows: IntArray, date: IntArray, rank: int, **columns: IntArray | int) -> Part:
    n = len(rows)
    data = {"row": rows, "date": date, "rank": np.full(n, rank, dtype=np.int64)}
    for name in PART_COLUMNS[3:]:
        value = columns.get(name, NONE if name in ("start", "end", "approved_on") else 0)
        data[name] = np.broadcast_to(np.asarray(value, dtype=np.int64), (n,))
    return data


def _deductions(
    rng: np.random.Generator, words: Words, draw: CaseDraw, deductions: Deductions, until: int
) -> Part:
    seen = deductions.start <= until
    case, kind = deductions.case[seen], deductions.kind[seen]
    start, end = deductions.start[seen], deductions.end[seen]
    groups = sorted({c.appraisal for c in CAUSES})
    appraisal = np.array([groups.index(c.appraisal) for c in CAUSES], dtype=np.int64)[draw.cause[case]]
    combo = (kind * len(KINDS) + draw.kind[case]) * len(groups) + appraisal
    names = sorted(NOTES)
    table_of: dict[int, int] = {}
    for code in present(combo):
        rest, group = divmod(code, len(groups))
        k_name, k_kind = divmod(rest, len(KINDS))
        kd = KINDS[k_kind]
        key = note_table(KIND_NAMES[k_name], kd.family, groups[group], kd.type_code == "民特")
        table_of[code] = names.index(key)
    note = draw_notes(rng, words, per_combo(combo, table_of), [NOTES[n] for n in names])
    kind_ids = words.ids(KIND_NAMES)[kind]
    return _part(
        case, start, 0, event=words.id("扣除审限"), kind=kind_ids, start=start,
        end=np.where(end <= until, end, NONE), note=note,
    )  # fmt: skip


def _extensions(rng: np.random.Generator, words: Words, draw: CaseDraw, ladder: Ladder) -> Part:
    combo = (ladder.ext_kind * MAX_STEPS + ladder.ext_step) * len(COURTS) + draw.court[ladder.ext_case]
    names = sorted(EXTENSION_NOTES)
    length_of: dict[int, int] = {}
    approver_of: dict[int, int] = {}
    table_of: dict[int, int] = {}
    for code in present(combo):
        rest, court = divmod(code, len(COURTS))
        k, j = divmod(rest, MAX_STEPS)
        kind, step = KINDS[k], KINDS[k].steps[j]
        approver, key = APPROVER_PRESIDENT, "院长"
        if step.approver == HIGHER:
            approver, key = COURTS[court].higher, ("上级/刑" if kind.family == "刑" else "上级")
        elif step.approver == HIGH:
            approver, key = HIGH_COURT_NAME, "高院"
        elif step.to_total:
            key = f"院长/{kind.procedure}"
        elif kind.family == "执":
            key = "院长/执"
        length_of[code] = words.id(step.label)
        approver_of[code] = words.id(approver)
        table_of[code] = names.index(key)
    note = draw_notes(rng, words, per_combo(combo, table_of), [EXTENSION_NOTES[n] for n in names])
    return _part(
        ladder.ext_case, ladder.ext_on, 1, event=words.id("延长审限"), length=per_combo(combo, length_of),
        approver=per_combo(combo, approver_of), approved_on=ladder.ext_on, note=note,
    )  # fmt: skip


def _conversions(rng: np.random.Generator, words: Words, draw: CaseDraw, ladder: Ladder) -> Part:
    combo = draw.kind[ladder.conv_case] * len(KINDS) + ladder.conv_kind
    names = sorted(CONVERSION_NOTES)
    table_of: dict[int, int] = {}
    for code in present(combo):
        source, target = KINDS[code // len(KINDS)], KINDS[code % len(KINDS)]
        key = f"刑/{source.procedure}" if source.family == "刑" else f"{source.procedure}→{target.procedure}"
        table_of[code] = names.index(key)
    note = draw_notes(rng, words, per_combo(combo, table_of), [CONVERSION_NOTES[n] for n in names])
    procedure = words.ids([kd.procedure for kd in KINDS])[ladder.conv_kind]
    return _part(
        ladder.conv_case, ladder.conv_on, 2, event=words.id("程序转换"), kind=procedure, start=ladder.conv_on,
        note=note,
    )  # fmt: skip


def _restarts(rng: np.random.Generator, words: Words, draw: CaseDraw, rows: IntArray) -> Part:
    names = list(RESTART_NOTES)
    reason = draw.restart[rows]
    table = np.array([names.index(r) for r in RESTART_REASONS], dtype=np.int64)[reason]
    note = draw_notes(rng, words, table, [RESTART_NOTES[n] for n in names])
    on = draw.anchor[rows]
    return _part(
        rows, on, 2, event=words.id("重新计算"), kind=words.ids(RESTART_REASONS)[reason], start=on, note=note,
    )  # fmt: skip


def events_frame(
    rng: np.random.Generator,
    *,
    draw: CaseDraw,
    case_numbers: pl.Series,
    deductions: Deductions,
    ladder: Ladder,
    restart_rows: IntArray,
    until: int,
) -> pl.DataFrame:
    """All events, case by case in the order of ``case_numbers`` (the rows of ``draw``), then by date."""
    words = Words()
    parts = [
        _deductions(rng, words, draw, deductions, until),
        _extensions(rng, words, draw, ladder),
        _conversions(rng, words, draw, ladder),
        _restarts(rng, words, draw, restart_rows),
    ]
    data = {name: np.concatenate([part[name] for part in parts]) for name in PART_COLUMNS}
    first = int(data["date"].min(initial=0))
    key = (data["row"] << 24) | ((data["date"] - first) << 2) | data["rank"]
    order = np.argsort(key, kind="stable")  # stable: equal keys keep their order on every machine
    data = {name: values[order] for name, values in data.items()}
    vocabulary = words.series()

    def day(name: str) -> pl.Series:
        values = data[name]
        return (
            pl.Series(np.where(values == NONE, 0, values))
            .cast(pl.Int32)
            .cast(pl.Date)
            .scatter(np.flatnonzero(values == NONE), None)
        )

    return pl.DataFrame(
        {
            "案号": case_numbers.gather(data["row"]),
            "事项": vocabulary.gather(data["event"]),
            "类别": vocabulary.gather(data["kind"]),
            "开始日期": day("start"),
            "结束日期": day("end"),
            "期间": vocabulary.gather(data["length"]),
            "批准人": vocabulary.gather(data["approver"]),
            "批准日期": day("approved_on"),
            "备注": vocabulary.gather(data["note"]),
        }
    )
