"""Deductions (扣除审限): how many a case has, of which kind, how long, and where they fall in its life.

A case's net working time is drawn first (kinds.py); its deductions are then laid into that time one after the
other, so they never overlap, start after the filing (or restart) and end before the closing date, which is
net time + deducted days later. Public notice and jurisdiction objections come early in a case. A deduction that
is still running on the export date has no end date in the file.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qingji.synth.sampling import BoolArray, FloatArray, IntArray, categorical, group_starts, lognormal_days


@dataclass(frozen=True)
class Length:
    """Days (both ends counted): log-normal with ``median`` and ``sigma`` clipped to [low, high], else uniform."""

    low: int
    high: int
    median: float = 0.0
    sigma: float = 0.0


LENGTHS: dict[str, Length] = {
    "鉴定": Length(20, 300, 55, 0.45),
    "公告": Length(30, 90, 40, 0.3),
    "管辖权异议": Length(10, 40),
    "管辖争议": Length(20, 60),
    "和解": Length(10, 60),
    "调解": Length(10, 30),
    "中止": Length(20, 720, 90, 0.75),
    "审计评估": Length(20, 200, 50, 0.4),
    "拍卖变卖": Length(30, 200, 60, 0.35),
    "暂缓执行": Length(30, 90),
    "精神病鉴定": Length(20, 120, 45, 0.35),
    "延期审理": Length(7, 28),  # at most one month (2000-Prov Art. 9(5))
    "更换辩护人": Length(10, 15),  # 15 days for new counsel (CrPL-Interp 313)
    "检察院阅卷": Length(7, 30),
    "审委会": Length(7, 45),  # local kinds: off by default in the rules, flagged when found
    "请示": Length(20, 90),
}
KIND_NAMES: tuple[str, ...] = tuple(LENGTHS)
EARLY = ("公告", "管辖权异议", "管辖争议")
MAX_PER_CASE = 10
EARLY_BIAS = 2.0  # exponent on the uniform position: > 1 moves deductions towards the start of a case

# Notes (备注) by kind; "" leaves the note empty. 鉴定 notes follow the cause (causes.Cause.appraisal), 中止 notes
# the family of the case (民, 刑, 行, 执).
NOTES: dict[str, tuple[str, ...]] = {
    "鉴定": ("司法鉴定", "价格鉴定", "", ""),
    "鉴定/injury": ("伤残等级鉴定", "误工期、护理期、营养期鉴定", "伤残等级及三期鉴定", ""),
    "鉴定/construction": ("工程造价鉴定", "工程质量鉴定", "工程造价鉴定", ""),
    "鉴定/signature": ("笔迹鉴定", "印章真伪鉴定", ""),
    "鉴定/medical": ("医疗过错鉴定", "医疗损害鉴定", ""),
    "鉴定/valuation": ("损失价值评估", "财产损失鉴定", ""),
    "公告": ("公告送达起诉状副本", "公告送达起诉状副本及开庭传票", "公告送达", "", ""),
    "公告/执": ("公告送达执行通知书", ""),
    "公告/特": ("寻找下落不明人公告", "公告期间", ""),
    "管辖权异议": ("被告提出管辖权异议", "管辖权异议上诉", ""),
    "管辖争议": ("报请上级法院指定管辖", ""),
    "和解": ("双方申请庭外和解", "当事人申请和解", ""),
    "调解": ("行政调解", ""),
    "中止": ("等待另案审理结果", "一方当事人死亡，等待继承人表明是否参加诉讼", ""),
    "中止/刑": ("被告人患严重疾病", "被告人脱逃", ""),
    "中止/行": ("等待相关民事案件审理结果", ""),
    "中止/执": ("案外人提出异议", "申请执行人申请中止执行", "被执行人财产涉及另案处置", ""),
    "审计评估": ("委托评估", "委托审计", "资产评估", ""),
    "拍卖变卖": ("网络司法拍卖", "委托变卖", "不动产司法拍卖", ""),
    "暂缓执行": ("执行和解暂缓执行", "执行担保暂缓执行", ""),
    "精神病鉴定": ("被告人刑事责任能力鉴定", "精神疾病司法鉴定", ""),
    "延期审理": ("辩护人申请调取新证据", "申请重新鉴定", ""),
    "更换辩护人": ("被告人另行委托辩护人", ""),
    "检察院阅卷": ("二审检察院阅卷", ""),
    "审委会": ("提交审判委员会讨论",),
    "请示": ("向上级法院请示",),
}


def note_table(kind: str, family: str, appraisal: str, special: bool) -> str:
    """The key in NOTES for a deduction of ``kind`` in a case of ``family`` (first character of the type code)."""
    if kind == "鉴定" and f"鉴定/{appraisal}" in NOTES:
        return f"鉴定/{appraisal}"
    if kind == "公告" and special:
        return "公告/特"
    if f"{kind}/{family}" in NOTES:
        return f"{kind}/{family}"
    return kind


@dataclass(frozen=True)
class Deductions:
    case: IntArray  # row of the case
    kind: IntArray  # index into KIND_NAMES
    start: IntArray  # day number
    end: IntArray  # day number (inclusive), possibly after the export date
    total: IntArray  # deducted days per case (all of them, known or not on the export date)


def draw_counts(rng: np.random.Generator, rate: FloatArray, forced: BoolArray) -> IntArray:
    """Deductions per case: Poisson around ``rate``, plus the public notice a case cannot do without."""
    counts = rng.poisson(rate).astype(np.int64) + forced.astype(np.int64)
    return np.minimum(counts, MAX_PER_CASE)


def draw_deductions(
    rng: np.random.Generator,
    *,
    counts: IntArray,
    forced: BoolArray,
    notice_days: IntArray,
    kind_weights: list[list[float]],
    case_kind: IntArray,
    mediated: BoolArray,
    anchor: IntArray,
    net: IntArray,
) -> Deductions:
    """Lay ``counts`` deductions into each case's net time after ``anchor``.

    ``kind_weights[k]`` weighs KIND_NAMES for cases of kind k; a case with ``forced`` has a public notice of
    ``notice_days`` first; ``mediated`` cases (closed by mediation) have no public notice (service by notice means
    the defendant was absent) and get a settlement period instead.
    """
    n = len(counts)
    case = np.repeat(np.arange(n, dtype=np.int64), counts)
    first = group_starts(case)
    is_forced = first & forced[case]
    kind = categorical(rng, case_kind[case], kind_weights)
    notice = KIND_NAMES.index("公告")
    kind = np.where(is_forced, notice, kind)
    kind = np.where(mediated[case] & (kind == notice), KIND_NAMES.index("和解"), kind)

    length = np.zeros(len(case), dtype=np.int64)
    for number, name in enumerate(KIND_NAMES):
        rows = np.flatnonzero(kind == number)
        if not len(rows):
            continue
        spec = LENGTHS[name]
        if spec.sigma > 0:
            days = lognormal_days(rng, np.full(len(rows), spec.median), np.full(len(rows), spec.sigma))
        else:
            days = spec.low + rng.integers(0, spec.high - spec.low + 1, len(rows))
        length[rows] = np.clip(days, spec.low, spec.high)
    length = np.where(is_forced, notice_days[case] + rng.integers(0, 11, len(case)), length)

    # Position in the case's net time, in [1, net - 1], more often in the first half (evidence is gathered
    # before the hearing); public notice and jurisdiction objections within the first weeks.
    span = np.maximum(net[case] - 1, 1)
    offset = 1 + np.floor(rng.random(len(case)) ** EARLY_BIAS * span).astype(np.int64)
    early = np.isin(kind, [KIND_NAMES.index(k) for k in EARLY])
    soon = 1 + np.floor(rng.random(len(case)) * np.minimum(span, 40)).astype(np.int64)
    offset = np.where(early, np.minimum(offset, soon), offset)
    offset = np.where(is_forced, np.minimum(offset, 1 + rng.integers(0, 5, len(case))), offset)

    order = np.lexsort((offset, case))
    case, kind, length, offset = case[order], kind[order], length[order], offset[order]
    cumulative = np.cumsum(length)
    before = cumulative - length
    group_base = np.maximum.accumulate(np.where(group_starts(case), before, 0))
    start = anchor[case] + offset + (before - group_base)
    end = start + length - 1
    total = np.bincount(case, weights=length, minlength=n).astype(np.int64)
    return Deductions(case, kind, start, end, total)
