"""The period table: type code × procedure → base period, extensions allowed, source (rules/trial-periods.md §10).

The table is data. Each row names its legal source; rows marked † in the rule base (2000-Prov figures or a
CONVENTION where the statute gives no length) say so in ``note``. A court that reads a rule differently builds a
:class:`RuleTable` from its own rows instead of changing code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from qingji.core.events import Period
from qingji.core.procedures import Procedure as P


class Approver(StrEnum):
    """Who must approve an extension step (rules §2)."""

    VICE_PRESIDENT = "vice_president"  # 副院长 (enforcement, 2006 rule)
    PRESIDENT = "president"  # 本院院长
    NEXT_HIGHER_COURT = "next_higher_court"  # 上级人民法院
    HIGH_COURT = "high_court"  # 高级人民法院 (SPC when the High Court hears the case)
    SUPREME_COURT = "supreme_court"  # 最高人民法院

    @property
    def label_zh(self) -> str:
        return APPROVER_LABELS[self]


APPROVER_LABELS = {
    Approver.VICE_PRESIDENT: "副院长",
    Approver.PRESIDENT: "院长",
    Approver.NEXT_HIGHER_COURT: "上级法院",
    Approver.HIGH_COURT: "高级法院",
    Approver.SUPREME_COURT: "最高法院",
}


@dataclass(frozen=True, slots=True)
class ExtensionStep:
    """One allowed extension: ``length`` by ``approver``; None approver means the law does not say who.

    With ``to_total`` the step extends the period *to* ``length`` rather than by it (CrPL 220: simple procedure
    "up to one and a half months"; CrPL 225: fast-track "up to 15 days").
    """

    length: Period
    approver: Approver | None
    repeatable: bool = False
    to_total: bool = False
    source: str = ""  # when it differs from the row's source


@dataclass(frozen=True, slots=True)
class PeriodRule:
    type_code: str
    procedure: P | None  # None: the row for a type code whose period does not depend on the procedure
    base: Period | None  # None: no statutory limit
    source: str
    extensions: tuple[ExtensionStep, ...] = ()
    max_total: Period | None = None
    fallback: bool = False  # the row used when the procedure is missing or unknown (the longest, §6.3)
    note: str = ""
    # CrPL 208(1) "2 months, at the latest 3": the 2-month reading, used when
    # Conventions.criminal_first_instance_outer_limit is off.
    short_base: Period | None = None

    @property
    def has_limit(self) -> bool:
        return self.base is not None


M = Period  # shorthand for the table below: M(6) is six months, M(0, 30) thirty days


def _step(
    months: int, approver: Approver | None, days: int = 0, *, repeat: bool = False, source: str = ""
) -> ExtensionStep:
    return ExtensionStep(Period(months, days), approver, repeatable=repeat, source=source)


def _to(months: int, days: int, approver: Approver | None = None) -> ExtensionStep:
    return ExtensionStep(Period(months, days), approver, to_total=True)


PRESIDENT = Approver.PRESIDENT
HIGHER = Approver.NEXT_HIGHER_COURT
HIGH = Approver.HIGH_COURT
SPC = Approver.SUPREME_COURT

CIVIL_ORDINARY_STEPS = (_step(6, PRESIDENT), _step(3, HIGHER, source="2000-Prov Art. 2; 2019-Prov Art. 1"))
CRIMINAL_FIRST_STEPS = (
    _step(3, HIGHER, source="CrPL 208(1)"),
    _step(3, SPC, repeat=True, source="CrPL-Interp 210"),
)
ENFORCEMENT_STEPS = (_step(3, Approver.VICE_PRESIDENT), _step(3, PRESIDENT, repeat=True))

RULES: tuple[PeriodRule, ...] = (
    # Civil (rules §1.1)
    PeriodRule("民初", P.ORDINARY, M(6), "CPL 152", CIVIL_ORDINARY_STEPS, fallback=True,
               note="2nd extension +3 m by the next-higher court: 2000-Prov Art. 2†"),
    PeriodRule("民初", P.SIMPLE, M(3), "CPL 164", (_step(1, PRESIDENT),), max_total=M(4),
               note="total ≤ 4 months (CPL-Interp 258)"),
    PeriodRule("民初", P.SMALL_CLAIMS, M(2), "CPL 168", (_step(1, PRESIDENT),)),
    PeriodRule("民初", P.FOREIGN_RELATED, None, "CPL 287"),
    PeriodRule("民初", P.MARITIME, M(12), "2000-Prov Art. 2", (_step(6, PRESIDENT),), note="+6 m†"),
    PeriodRule("民终", P.APPEAL_JUDGMENT, M(3), "CPL 183(1)", (_step(3, PRESIDENT),), fallback=True,
               note="+3 m: 2000-Prov Art. 2†"),
    PeriodRule("民终", P.APPEAL_RULING, M(0, 30), "CPL 183(2)", note="extension length unstated: 0†"),
    PeriodRule("民辖终", None, M(0, 30), "CPL 183(2)"),
    PeriodRule("民特", None, M(0, 30), "CPL 187", (_step(0, PRESIDENT, 30),), note="+30 d: 2000-Prov Art. 2†"),
    PeriodRule("民督", None, M(0, 15), "CPL 227"),
    PeriodRule("民催", None, None, "CPL 230", note="no overall limit (UNCONFIRMED)"),
    PeriodRule("民申", None, M(3), "CPL 215", (_step(3, PRESIDENT),), note="+3 m†"),
    PeriodRule("民抗", None, M(0, 30), "CPL 222"),
    PeriodRule("民再", P.FIRST_INSTANCE_PROCEDURE, M(6), "CPL 218; CPL-Interp 128", CIVIL_ORDINARY_STEPS,
               fallback=True),
    PeriodRule("民再", P.SECOND_INSTANCE_PROCEDURE, M(3), "CPL 218; CPL-Interp 128", (_step(3, PRESIDENT),)),
    PeriodRule("民撤", None, M(6), "CPL-Interp 292", CIVIL_ORDINARY_STEPS, note="as ordinary procedure†"),
    PeriodRule("财保", None, M(0, 2), "CPL 104", note="48 hours"),
    PeriodRule("行保", None, M(0, 2), "CPL 104", note="48 hours"),
    PeriodRule("证保", None, M(0, 2), "CPL 104", note="48 hours"),
    # Criminal (rules §1.2)
    PeriodRule("刑初", P.ORDINARY, M(3), "CrPL 208(1)", CRIMINAL_FIRST_STEPS, short_base=M(2),
               note="2 months, at the latest 3; +3 m once by the next-higher court; SPC 1–3 m repeatable"),
    PeriodRule("刑初", P.PRIVATE_PROSECUTION, M(6), "CrPL 212(2)", (_step(3, PRESIDENT),), fallback=True,
               note="defendant not in custody; +3 m: 2000-Prov Art. 1†"),
    PeriodRule("刑初", P.SIMPLE, M(0, 20), "CrPL 220", (_to(1, 15),), note="up to 1.5 months"),
    PeriodRule("刑初", P.FAST_TRACK, M(0, 10), "CrPL 225", (_to(0, 15),), note="up to 15 days"),
    PeriodRule("刑终", None, M(2), "CrPL 243", (_step(2, HIGH), _step(3, SPC, repeat=True))),
    PeriodRule("刑再", None, M(3), "CrPL 258(1)", (_step(3, PRESIDENT),), max_total=M(6),
               note="+3 m by the president: 2000-Prov Art. 4†"),
    PeriodRule("刑申", None, M(3), "CrPL-Interp 457", (_step(3, HIGHER),), max_total=M(6)),
    PeriodRule("刑没", None, M(3), "CrPL-Interp 627", CRIMINAL_FIRST_STEPS, short_base=M(2),
               note="as public prosecution"),
    PeriodRule("刑医", None, M(1), "CrPL 305"),
    # Administrative (rules §1.3)
    PeriodRule("行初", P.ORDINARY, M(6), "ALL 81", (_step(3, HIGH),), fallback=True,
               note="extension by the High Court, +3 m: 2000-Prov Art. 3†"),
    PeriodRule("行初", P.SIMPLE, M(0, 45), "ALL 83", note="no extension; convert to ordinary"),
    PeriodRule("行终", None, M(3), "ALL 88", (_step(2, HIGH),), note="+2 m: 2000-Prov†"),
    PeriodRule("行再", P.FIRST_INSTANCE_PROCEDURE, M(6), "ALL-Interp 50(2)", (_step(3, HIGH),), fallback=True),
    PeriodRule("行再", P.SECOND_INSTANCE_PROCEDURE, M(3), "ALL-Interp 50(2)", (_step(2, HIGH),)),
    PeriodRule("行申", None, M(6), "ALL-Interp 112", note="extension length unstated"),
    PeriodRule("行审", None, M(0, 30), "ALL-Interp 160",
               note="7 days; 30 days when the parties are heard: the longer is used (§6.3)"),
    # State compensation (rules §1.4)
    PeriodRule("行赔初", None, M(6), "ALL 81", (_step(3, HIGH),), note="as 行初 (UNCONFIRMED)"),
    PeriodRule("行赔终", None, M(3), "ALL 88", (_step(2, HIGH),), note="as 行终 (UNCONFIRMED)"),
    PeriodRule("法赔", None, M(2), "SCL 23"),
    PeriodRule("委赔", None, M(3), "SCL 28", (_step(3, PRESIDENT),)),
    PeriodRule("委赔监", None, M(3), "SPC 2017 supervision rules Art. 10", (_step(3, PRESIDENT),)),
    PeriodRule("委赔提", None, M(2), "SCL 30"),
    PeriodRule("委赔再", None, M(2), "SCL 30"),
    # Enforcement (rules §1.5)
    PeriodRule("执", None, M(6), "2000-Prov Art. 5", ENFORCEMENT_STEPS,
               note="president or vice-president +3 m; further extensions reported to the High Court"),
    PeriodRule("执", P.NON_LITIGATION, M(3), "2000-Prov Art. 5", ENFORCEMENT_STEPS),
    PeriodRule("执恢", None, M(6), "2000-Prov Art. 5", ENFORCEMENT_STEPS, note="treated like 执 (CONVENTION)"),
    PeriodRule("执异", None, M(0, 15), "CPL 236"),
    PeriodRule("执复", None, M(0, 30), "Exec-Interp 8", (_step(0, PRESIDENT, 30),)),
    PeriodRule("执保", None, None, "no statutory period found (UNCONFIRMED)"),
    PeriodRule("执监", None, None, "no statutory period found (UNCONFIRMED)"),
    PeriodRule("执协", None, None, "no statutory period found (UNCONFIRMED)"),
    PeriodRule("执他", None, None, "no statutory period found (UNCONFIRMED)"),
    # Bankruptcy (rules §1.6) and other
    PeriodRule("破申", None, M(0, 15), "EBL 10", (_step(0, HIGHER, 15),)),
    PeriodRule("破", None, None, "EBL", note="no overall period (UNCONFIRMED)"),
    PeriodRule("司惩复", None, M(0, 5), "2000-Prov Art. 2"),
)  # fmt: skip

# Type codes whose period depends on the procedure: a missing or unknown procedure is flagged (§6.3). For the
# others the row without a procedure is the ordinary case and a missing procedure is normal in exports.
PROCEDURE_MATTERS: frozenset[str] = frozenset({"民初", "民终", "民再", "刑初", "行初", "行再"})


class RuleTable:
    """Lookup over the period rows."""

    def __init__(self, rows: Iterable[PeriodRule]) -> None:
        self.rows = tuple(rows)
        self._by_key = {(r.type_code, r.procedure): r for r in self.rows}
        self._by_type: dict[str, list[PeriodRule]] = {}
        for row in self.rows:
            self._by_type.setdefault(row.type_code, []).append(row)

    def rows_for(self, type_code: str) -> tuple[PeriodRule, ...]:
        return tuple(self._by_type.get(type_code, ()))

    def exact(self, type_code: str, procedure: P | None) -> PeriodRule | None:
        return self._by_key.get((type_code, procedure))

    def fallback(self, type_code: str) -> PeriodRule | None:
        """The row for a missing or unknown procedure: the marked fallback, else the row without procedure."""
        rows = self._by_type.get(type_code, [])
        for row in rows:
            if row.fallback:
                return row
        return self._by_key.get((type_code, None))

    def procedures(self, type_code: str) -> frozenset[P]:
        return frozenset(r.procedure for r in self._by_type.get(type_code, []) if r.procedure is not None)


DEFAULT_RULES = RuleTable(RULES)
