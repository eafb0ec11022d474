"""The thresholds of the integrity checks, with the rule each default comes from (docs/integrity.md).

A court sets them in its site settings file under ``[integrity]`` (qingji.site.integrity_settings); every one has
a default here, so that the checks run on files without a settings file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Deductions whose cause has a legal end, in days (both ends counted, C5): an adjournment for new evidence up to
# one month (2000-Prov Art. 9(5)); a new defence counsel 15 days (CrPL-Interp 313; rules §3.1 item 2); a public
# notice: service by notice is complete after 30 days (CPL 95) and the answer period follows, so 90 days leave
# room for both; a notice declaring a person missing or dead runs up to a year (CPL 192, 198), hence 民特 apart.
DEFAULT_DEDUCTION_MAX_DAYS: dict[str, int] = {"延期审理": 31, "更换辩护人": 15, "公告": 90}
DEFAULT_SPECIAL_NOTICE_DAYS = 380
# Closure methods of a withdrawal and of its like (按撤诉处理 when the fee is not paid: rules §5 (d)), matched as
# parts of the 结案方式 written in the export.
DEFAULT_WITHDRAWAL_METHODS: tuple[str, ...] = ("撤诉", "撤回")
# The tell of a closure burst: withdrawals, transfers and enforcement "ended for now" (rules §5 (d)).
DEFAULT_BURST_METHODS: tuple[str, ...] = ("撤诉", "撤回", "移送", "终结本次执行")


@dataclass(frozen=True)
class Thresholds:
    # deduction_after_cause
    deduction_max_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DEDUCTION_MAX_DAYS))
    special_notice_days: int = DEFAULT_SPECIAL_NOTICE_DAYS  # 公告 in 民特 cases
    open_deduction_days: int = 365  # an open deduction running longer than this (中止 apart)
    open_exempt_kinds: tuple[str, ...] = ("中止",)  # suspension ends with resumption, which no export shows
    # deduction_without_ground: a stay of enforcement beyond 3 months needs the president (Exec-Work-Prov item 77)
    stay_months_without_approval: int = 3
    # withdraw_refile
    refile_days: int = 90
    withdrawal_methods: tuple[str, ...] = DEFAULT_WITHDRAWAL_METHODS
    # split_filing
    split_min_cases: int = 2
    # mass_closure
    burst_window_days: int = 5
    burst_min_closures: int = 10
    burst_factor: float = 3.0
    burst_baseline_days: int = 180
    burst_method_share: float = 0.5
    burst_methods: tuple[str, ...] = DEFAULT_BURST_METHODS
    # expiry_mismatch
    expiry_tolerance_days: int = 0
    # outlier_share
    outlier_z: float = 3.5  # the modified z-score among the peers (Iglewicz and Hoaglin 1993)
    # … and at least this much more of its time moved than its kinds of case would have: a difference that
    # matters, not only one that is sure (15 points: a month and a half of a ten-month case)
    outlier_min_gap: float = 0.15
    outlier_min_cases: int = 20
    outlier_months: int = 12  # the cases closed in these months before the date, and the pending ones


DEFAULT_THRESHOLDS = Thresholds()
