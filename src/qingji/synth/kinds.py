"""Kinds of case (type code × procedure, per court level): their share, trial period, extensions, durations.

Each kind carries what the generator needs to make a case of it realistic:

* its share of a court level's caseload (basic courts: mostly 民初 and 执; the intermediate court: mostly 民终);
* the statutory period and extension steps (rules §10; the approver as 院长, the next-higher court or the High
  Court), each with the chance that a case needing it gets it;
* closure methods (结案方式), each with a log-normal law of *net* working time (days not deducted). The medians
  are set so that most cases close well inside the period, a few percent close a little late, and a small
  "stuck" share of long cases feeds the 1- and 2-year backlog;
* how many deductions (扣除审限) a case has on average, relative to the others, and of which kinds;
* for simple, small-claims and fast-track procedure, how a case that outgrows its period is converted
  (程序转换); for criminal first instance, the chance of a restart (重新计算).
"""

from __future__ import annotations

from dataclasses import dataclass

from qingji.synth import causes as cs
from qingji.synth.causes import Cause
from qingji.synth.people import TRIBUNAL

PRESIDENT, HIGHER, HIGH = 0, 1, 2  # approvers: 院长; the next-higher court; the High Court
APPROVER_PRESIDENT = "院长"


@dataclass(frozen=True)
class Method:
    """A closure method and the law of the net time to reach it."""

    label: str
    weight: float
    median: float
    sigma: float
    minimum: int = 1


@dataclass(frozen=True)
class Step:
    """One extension: ``months`` and ``days`` (to that total when ``to_total``), who approves, how often granted."""

    months: int
    days: int
    approver: int
    grant: float
    to_total: bool = False

    @property
    def label(self) -> str:
        if self.months and self.days:
            return f"{self.months}个月{self.days}日"
        return f"{self.months}个月" if self.months else f"{self.days}日"


@dataclass(frozen=True)
class Conversion:
    """程序转换 for a case that outgrows its period.

    ``targets``: the procedure taken when the case fits the first target's base period, else the second.
    ``restarts_clock``: criminal switches run the new period from the switch (CrPL-Interp 368, 376); civil and
    administrative conversions keep the filing date (CPL-Interp 258(3); ALL-Interp 105).
    Within the first extension's reach a case is extended (``extend``), converted (``convert``) or neither
    (late); beyond it, converted with ``convert_beyond``.
    """

    targets: tuple[str, str]
    restarts_clock: bool
    extend: float
    convert: float
    convert_beyond: float


@dataclass(frozen=True)
class Restart:
    """重新计算: the clock restarts ``gap`` days (low, high) after filing, with this probability."""

    reason: str
    probability: float
    gap: tuple[int, int]


@dataclass(frozen=True)
class Kind:
    basic: bool  # a basic court's kind (else the intermediate court's)
    type_code: str
    procedure: str  # as written in 适用程序, "" for none
    share: float  # share of the court level's cases
    base: tuple[int, int] | None  # months, days; None: no statutory limit
    steps: tuple[Step, ...]
    methods: tuple[Method, ...]
    causes: tuple[Cause, ...]
    deduction_rate: float  # relative number of deductions per case
    deduction_kinds: dict[str, float]
    conversion: Conversion | None = None
    restarts: tuple[Restart, ...] = ()
    reroute: tuple[tuple[str, float], ...] = ()  # (division, chance) instead of the cause's division

    @property
    def family(self) -> str:
        return self.type_code[0]


ORDINARY, SIMPLE, SMALL, FAST = "普通程序", "简易程序", "小额诉讼程序", "速裁程序"

_CIVIL_DEDUCTIONS = {
    "鉴定": 0.36, "公告": 0.26, "管辖权异议": 0.1, "和解": 0.1, "中止": 0.1, "审计评估": 0.05, "延期审理": 0.03,
    "审委会": 0.005, "请示": 0.005,
}  # fmt: skip
_ENFORCEMENT_DEDUCTIONS = {
    "中止": 0.22, "暂缓执行": 0.18, "拍卖变卖": 0.3, "审计评估": 0.18, "公告": 0.07, "鉴定": 0.05,
}  # fmt: skip
_ADMIN_DEDUCTIONS = {
    "公告": 0.15, "鉴定": 0.15, "调解": 0.1, "中止": 0.25, "管辖权异议": 0.2, "审计评估": 0.1, "延期审理": 0.05,
    "请示": 0.01,
}  # fmt: skip
_CRIMINAL_DEDUCTIONS = {"精神病鉴定": 0.3, "延期审理": 0.35, "中止": 0.15, "更换辩护人": 0.2, "审委会": 0.01}

_CIVIL_ORDINARY_STEPS = (Step(6, 0, PRESIDENT, 0.93), Step(3, 0, HIGHER, 0.85))
_ENFORCEMENT_STEPS = (Step(3, 0, PRESIDENT, 0.85), Step(3, 0, PRESIDENT, 0.5))

_ENFORCEMENT_METHODS = (
    Method("执行完毕", 0.33, 55, 0.75),
    Method("终结本次执行", 0.42, 120, 0.25, minimum=92),  # 终本 only after 3 months of enforcement
    Method("终结执行", 0.08, 80, 0.6),
    Method("和解", 0.08, 60, 0.7),
    Method("驳回申请", 0.03, 25, 0.5),
    Method("不予执行", 0.01, 30, 0.5),
    Method("执行完毕", 0.05, 330, 0.5),  # stuck: property that cannot be sold
)


def _enforcement(basic: bool, share: float) -> Kind:
    return Kind(
        basic, "执", "", share, (6, 0), _ENFORCEMENT_STEPS, _ENFORCEMENT_METHODS, cs.ENFORCEMENT,
        1.1, _ENFORCEMENT_DEDUCTIONS,
    )  # fmt: skip


def _admin_ordinary(basic: bool, share: float) -> Kind:
    return Kind(
        basic, "行初", ORDINARY, share, (6, 0), (Step(3, 0, HIGH, 0.8),),
        (
            Method("判决", 0.4, 110, 0.55),
            Method("裁定驳回", 0.25, 60, 0.6),
            Method("撤诉", 0.27, 55, 0.65),
            Method("调解", 0.03, 70, 0.5),
            Method("移送", 0.02, 30, 0.5),
            Method("判决", 0.03, 400, 0.45),
        ),
        cs.ADMIN_BASIC if basic else cs.ADMIN_INTERMEDIATE, 1.0, _ADMIN_DEDUCTIONS,
    )  # fmt: skip


BASIC_KINDS: tuple[Kind, ...] = (
    Kind(
        True, "民初", ORDINARY, 0.51 * 0.33, (6, 0), _CIVIL_ORDINARY_STEPS,
        (
            Method("判决", 0.5, 115, 0.5),
            Method("调解", 0.2, 75, 0.55),
            Method("撤诉", 0.18, 50, 0.65),
            Method("裁定驳回", 0.05, 70, 0.55),
            Method("按撤诉处理", 0.03, 45, 0.5),
            Method("移送", 0.01, 30, 0.5),
            Method("判决", 0.04, 430, 0.45),  # stuck: the long tail of the backlog
        ),
        cs.CIVIL_ORDINARY, 1.5, _CIVIL_DEDUCTIONS, reroute=((TRIBUNAL, 0.12),),
    ),
    Kind(
        True, "民初", SIMPLE, 0.51 * 0.565, (3, 0), (Step(1, 0, PRESIDENT, 1.0),),
        (
            Method("调解", 0.36, 32, 0.7),
            Method("撤诉", 0.28, 28, 0.7),
            Method("判决", 0.3, 50, 0.5),
            Method("按撤诉处理", 0.03, 35, 0.5),
            Method("裁定驳回", 0.02, 40, 0.5),
            Method("移送", 0.01, 25, 0.5),
        ),
        cs.CIVIL_SIMPLE, 0.5,
        {"公告": 0.35, "鉴定": 0.3, "和解": 0.15, "管辖权异议": 0.1, "中止": 0.05, "延期审理": 0.05},
        conversion=Conversion((ORDINARY, ORDINARY), False, extend=0.55, convert=0.35, convert_beyond=0.85),
        reroute=((TRIBUNAL, 0.35),),
    ),
    Kind(
        True, "民初", SMALL, 0.51 * 0.10, (2, 0), (Step(1, 0, PRESIDENT, 1.0),),
        (
            Method("判决", 0.4, 32, 0.45),
            Method("调解", 0.3, 22, 0.6),
            Method("撤诉", 0.27, 18, 0.7),
            Method("按撤诉处理", 0.03, 25, 0.5),
        ),
        cs.SMALL_CLAIMS, 0.25, {"公告": 0.7, "和解": 0.2, "中止": 0.1},
        conversion=Conversion((SIMPLE, ORDINARY), False, extend=0.6, convert=0.3, convert_beyond=0.8),
        reroute=(("立案庭", 0.3), (TRIBUNAL, 0.25)),
    ),
    Kind(
        True, "民初", "涉外", 0.51 * 0.005, None, (),
        (Method("判决", 0.5, 210, 0.6), Method("调解", 0.25, 120, 0.6), Method("撤诉", 0.25, 90, 0.6)),
        cs.FOREIGN, 1.5, {"公告": 0.6, "鉴定": 0.2, "管辖权异议": 0.2},
    ),
    _enforcement(True, 0.30 * 0.93),
    Kind(
        True, "执", "非诉执行", 0.30 * 0.07, (3, 0), _ENFORCEMENT_STEPS,
        (
            Method("执行完毕", 0.55, 45, 0.7),
            Method("终结本次执行", 0.25, 105, 0.12, minimum=92),
            Method("终结执行", 0.12, 60, 0.6),
            Method("驳回申请", 0.05, 20, 0.5),
            Method("不予执行", 0.03, 25, 0.5),
        ),
        cs.NON_LITIGATION, 0.4, {"中止": 0.4, "暂缓执行": 0.3, "公告": 0.3},
    ),
    Kind(
        True, "刑初", ORDINARY, 0.08 * 0.35, (3, 0), (Step(3, 0, HIGHER, 0.75),),
        (Method("判决", 0.95, 48, 0.5), Method("准予撤回", 0.03, 40, 0.5), Method("终止审理", 0.02, 35, 0.5)),
        cs.CRIMINAL_ORDINARY, 0.35, _CRIMINAL_DEDUCTIONS,
        restarts=(Restart("补充侦查", 0.08, (35, 80)), Restart("发回重审", 0.01, (150, 330))),
    ),
    Kind(
        True, "刑初", SIMPLE, 0.08 * 0.40, (0, 20), (Step(1, 15, PRESIDENT, 1.0, to_total=True),),
        (Method("判决", 0.97, 13, 0.35), Method("准予撤回", 0.03, 12, 0.4)),
        cs.CRIMINAL_SIMPLE, 0.05, {"延期审理": 0.6, "更换辩护人": 0.4},
        conversion=Conversion((ORDINARY, ORDINARY), True, extend=0.3, convert=0.5, convert_beyond=0.8),
    ),
    Kind(
        True, "刑初", FAST, 0.08 * 0.25, (0, 10), (Step(0, 15, PRESIDENT, 1.0, to_total=True),),
        (Method("判决", 1.0, 7, 0.3),),
        cs.CRIMINAL_FAST, 0.01, {"延期审理": 1.0},
        conversion=Conversion((SIMPLE, ORDINARY), True, extend=0.4, convert=0.5, convert_beyond=0.85),
    ),
    _admin_ordinary(True, 0.012 * 0.65),
    Kind(
        True, "行初", SIMPLE, 0.012 * 0.35, (0, 45), (),
        (Method("判决", 0.45, 30, 0.4), Method("撤诉", 0.35, 20, 0.6), Method("裁定驳回", 0.2, 25, 0.5)),
        cs.ADMIN_BASIC, 0.2, {"公告": 0.5, "调解": 0.5},
        conversion=Conversion((ORDINARY, ORDINARY), False, extend=0.0, convert=0.8, convert_beyond=0.8),
    ),
    Kind(
        True, "执异", "", 0.035, (0, 15), (),
        (Method("裁定驳回", 0.6, 9, 0.3), Method("异议成立", 0.2, 9, 0.3), Method("准予撤回", 0.2, 6, 0.4)),
        cs.OBJECTION, 0.02, {"公告": 1.0},
    ),
    Kind(
        True, "执恢", "", 0.035, (6, 0), _ENFORCEMENT_STEPS,
        (
            Method("执行完毕", 0.3, 60, 0.75),
            Method("终结本次执行", 0.5, 125, 0.25, minimum=92),
            Method("终结执行", 0.1, 80, 0.6),
            Method("和解", 0.07, 60, 0.7),
            Method("执行完毕", 0.03, 300, 0.5),
        ),
        cs.ENFORCEMENT, 1.0, _ENFORCEMENT_DEDUCTIONS,
    ),
    Kind(
        True, "民特", "", 0.028, (0, 30), (Step(0, 30, PRESIDENT, 0.9),),
        (
            Method("裁定", 0.6, 8, 0.6),
            Method("判决", 0.25, 18, 0.5),
            Method("准予撤回", 0.1, 7, 0.5),
            Method("驳回申请", 0.05, 15, 0.5),
        ),
        cs.SPECIAL, 0.1, {"公告": 1.0}, reroute=(("立案庭", 0.5),),
    ),
)  # fmt: skip

INTERMEDIATE_KINDS: tuple[Kind, ...] = (
    Kind(
        False, "民终", "判决上诉", 0.58 * 0.85, (3, 0), (Step(3, 0, PRESIDENT, 0.85),),
        (
            Method("维持原判", 0.55, 60, 0.42),
            Method("改判", 0.12, 75, 0.45),
            Method("发回重审", 0.05, 70, 0.45),
            Method("调解", 0.08, 50, 0.5),
            Method("准予撤回", 0.15, 30, 0.6),
            Method("按撤回上诉处理", 0.05, 25, 0.5),
        ),
        cs.APPEAL_CIVIL, 0.45, {"鉴定": 0.35, "中止": 0.25, "和解": 0.2, "公告": 0.15, "审计评估": 0.05},
    ),
    Kind(
        False, "民终", "裁定上诉", 0.58 * 0.15, (0, 30), (),
        (Method("维持原裁定", 0.7, 17, 0.35), Method("撤销原裁定", 0.15, 18, 0.35), Method("准予撤回", 0.15, 10, 0.5)),
        cs.APPEAL_CIVIL, 0.03, {"公告": 1.0}, reroute=(("立案庭", 0.45),),
    ),
    Kind(
        False, "刑终", "", 0.08, (2, 0), (Step(2, 0, HIGH, 0.85),),
        (
            Method("维持原判", 0.7, 40, 0.45),
            Method("改判", 0.15, 48, 0.45),
            Method("发回重审", 0.08, 45, 0.45),
            Method("准予撤回", 0.07, 20, 0.5),
        ),
        cs.CRIMINAL_APPEAL, 0.6,
        {"检察院阅卷": 0.7, "延期审理": 0.1, "精神病鉴定": 0.05, "更换辩护人": 0.1, "中止": 0.05},
    ),
    _admin_ordinary(False, 0.06),
    Kind(
        False, "行终", "", 0.07, (3, 0), (Step(2, 0, HIGH, 0.8),),
        (
            Method("维持原判", 0.7, 60, 0.45),
            Method("改判", 0.08, 70, 0.45),
            Method("发回重审", 0.05, 65, 0.45),
            Method("准予撤回", 0.12, 30, 0.6),
            Method("撤销原裁定", 0.05, 40, 0.45),
        ),
        cs.ADMIN_APPEAL, 0.35, {"中止": 0.3, "鉴定": 0.2, "调解": 0.2, "公告": 0.3},
    ),
    Kind(
        False, "民初", ORDINARY, 0.08, (6, 0), _CIVIL_ORDINARY_STEPS,
        (
            Method("判决", 0.55, 130, 0.5),
            Method("调解", 0.18, 85, 0.55),
            Method("撤诉", 0.17, 60, 0.65),
            Method("裁定驳回", 0.05, 75, 0.55),
            Method("移送", 0.02, 35, 0.5),
            Method("判决", 0.03, 420, 0.45),
        ),
        cs.CIVIL_FIRST_INTERMEDIATE, 1.6, _CIVIL_DEDUCTIONS,
    ),
    Kind(
        False, "刑初", ORDINARY, 0.02, (3, 0), (Step(3, 0, HIGHER, 0.8),),
        (Method("判决", 0.97, 60, 0.5), Method("准予撤回", 0.02, 45, 0.5), Method("终止审理", 0.01, 40, 0.5)),
        cs.CRIMINAL_FIRST_INTERMEDIATE, 0.5, _CRIMINAL_DEDUCTIONS,
        restarts=(Restart("补充侦查", 0.12, (35, 80)), Restart("发回重审", 0.03, (150, 330))),
    ),
    _enforcement(False, 0.11),
)  # fmt: skip

KINDS: tuple[Kind, ...] = BASIC_KINDS + INTERMEDIATE_KINDS


def kind_index(basic: bool, type_code: str, procedure: str) -> int:
    for index, kind in enumerate(KINDS):
        if kind.basic == basic and kind.type_code == type_code and kind.procedure == procedure:
            return index
    raise KeyError((basic, type_code, procedure))
