"""Anomalies in extensions (延长审限): checks 4 and 5 of issue 14 (rules §2, §10; rules §5, practice (a)).

4. extension_late: an extension approved after the expiry it would extend (2019-Prov Art. 1; CrPL-Interp 210;
   2000-Prov Art. 13, 14; the 2006 enforcement rule Art. 1): the last extension of a case is moved to 1–30 days
   after the expiry the case has without it (qingji.core.deadline), still before the closing and the export date.
5. extension_over_limit: an extension the law does not give: approved at too low a level (院长 for what needs
   the higher court, 副院长 or a division head for what needs the president), a second one where only one is
   allowed (civil simple and small-claims procedure, special procedure), or longer than the step allows.
"""

from __future__ import annotations

import re
from datetime import date

import polars as pl

from qingji.synth.anomaly_placing import Variant, days, run_variants
from qingji.synth.anomaly_rules import EXTENSION, EXTENSION_LATE, EXTENSION_OVER_LIMIT, Row, deadline_of
from qingji.synth.anomaly_work import Work

LATE_DAYS = (1, 30)
# Approvers below the level a step needs (qingji.core.approvers): the president for the higher court, then the
# vice-president and a head of division or of the enforcement bureau, whom the rules do not name at all.
LOWER_APPROVERS = ("院长", "副院长", "庭长", "执行局局长")
ONE_EXTENSION = ("简易程序", "小额诉讼程序")  # 民初 procedures with one extension only (CPL 164, 168)
_MONTHS = re.compile(r"^(\d+)个月$")


def _extensions(events: list[Row]) -> list[Row]:
    dated = [e for e in events if e["事项"] == EXTENSION and e["批准日期"] is not None]
    return sorted(dated, key=lambda e: e["批准日期"])


def _working_day(work: Work, day: date, latest: date) -> date:
    """``day`` or the next working day, if that is still no later than ``latest``."""
    moved = work.calendar.roll_forward(day).date
    return moved if moved <= latest else day


def _limit(work: Work, case: Row) -> date:
    """The last day an act of the case may bear: the day before its closing, or the export date."""
    closed: date | None = case["结案日期"]
    return min(closed - days(1), work.until) if closed is not None else work.until


def approved_late(work: Work, number: str) -> str | None:
    case, events = work.case(number), work.case_events(number)
    extensions = _extensions(events)
    if not extensions:
        return None
    last = extensions[-1]
    others = [e for e in events if e is not last]
    expiry = deadline_of(case, others, work.until, work.calendar).expiry
    if expiry is None:
        return None
    limit = _limit(work, case)
    on = expiry + days(int(work.rng.integers(LATE_DAYS[0], LATE_DAYS[1] + 1)))
    if on > limit:
        on = limit
    on = _working_day(work, on, limit)
    if on <= expiry or not work.keep(number, case, [*others, {**last, "批准日期": on}], EXTENSION_LATE):
        return None
    return (
        f"第{len(extensions)}次延长审限的批准日期由{last['批准日期']}改为审限届满（{expiry}）后的{on}"
        "（延长审限应在届满前批准）"
    )


def wrong_level(work: Work, number: str) -> str | None:
    case, events = work.case(number), work.case_events(number)
    extensions = _extensions(events)
    if not extensions:
        return None
    chosen = extensions[int(work.rng.integers(len(extensions)))]
    old = chosen["批准人"] or ""
    start = LOWER_APPROVERS.index(old) + 1 if old in LOWER_APPROVERS else 0
    for approver in LOWER_APPROVERS[start:]:
        if work.keep(
            number, case, _replace(events, chosen, {**chosen, "批准人": approver}), EXTENSION_OVER_LIMIT
        ):
            return f"{chosen['批准日期']}批准的延长审限改由{approver}批准（原为{old}），批准人级别不符（rules §2）"
    return None


def second_extension(work: Work, number: str) -> str | None:
    case, events = work.case(number), work.case_events(number)
    extensions = _extensions(events)
    if len(extensions) != 1:
        return None
    first = extensions[0]
    expiry = deadline_of(case, events, work.until, work.calendar).expiry
    if expiry is None:
        return None
    earliest, latest = first["批准日期"] + days(3), min(expiry - days(6), _limit(work, case))
    if earliest > latest:
        return None
    on = _working_day(work, earliest + days(int(work.rng.integers(0, (latest - earliest).days + 1))), latest)
    new = {**first, "批准日期": on, "备注": "案情复杂，需再次延长"}
    if not work.keep(number, case, [*events, new], EXTENSION_OVER_LIMIT):
        return None
    return f"{on}第二次延长审限（{first['期间']}，院长批准），超出法定延长次数（CPL 164, 168, 187; rules §2）"


def too_long(work: Work, number: str) -> str | None:
    case, events = work.case(number), work.case_events(number)
    options = [e for e in _extensions(events) if e["期间"] and _MONTHS.match(e["期间"])]
    if not options:
        return None
    chosen = options[int(work.rng.integers(len(options)))]
    match = _MONTHS.match(chosen["期间"])
    assert match is not None
    length = f"{int(match[1]) * 2}个月"
    if not work.keep(
        number, case, _replace(events, chosen, {**chosen, "期间": length}), EXTENSION_OVER_LIMIT
    ):
        return None
    return f"{chosen['批准日期']}批准的延长审限由{chosen['期间']}改为{length}，超过法定上限（rules §2, §10）"


def _replace(events: list[Row], old: Row, new: Row) -> list[Row]:
    return [new if e is old else e for e in events]


def inject_extensions(work: Work, rate: float) -> None:
    """Checks 4 and 5, each on ``rate`` of the cases."""
    extended = (
        work.original_events.filter(pl.col("事项") == EXTENSION).group_by("案号").agg(extensions=pl.len())
    )
    info = work.info.filter(pl.col("expiry").is_not_null()).join(
        extended, on="案号", how="inner", maintain_order="left"
    )

    def pool(condition: pl.Expr) -> list[str]:
        return info.filter(condition).get_column("案号").to_list()

    everyone = info.get_column("案号").to_list()
    run_variants(work, EXTENSION_LATE, work.wanted(rate), [Variant(1.0, everyone, approved_late)])
    single = (pl.col("extensions") == 1) & (
        ((pl.col("type_code") == "民初") & pl.col("适用程序").is_in(ONE_EXTENSION))
        | (pl.col("type_code") == "民特")
    )
    run_variants(work, EXTENSION_OVER_LIMIT, work.wanted(rate), [
        Variant(0.3, pool(single), second_extension),
        Variant(0.3, everyone, too_long),
        Variant(0.4, everyone, wrong_level),
    ])  # fmt: skip
