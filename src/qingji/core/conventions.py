"""Counting conventions C1–C10 (rules/trial-periods.md §4.2) and the other readings the law leaves open.

Each is a named setting with its documented default. A court that reads a rule differently changes a setting,
not code. The defaults are the rule base's conventions, which the tests follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Conventions:
    # C1 — Anchor. The period runs from the filing (acceptance) date or the law's own trigger, and the anchor day
    # itself is not counted (CPL 85(2); CrPL 105(2); 2000-Prov Art. 8(1)). True counts the anchor day as day one,
    # which ends every period one day earlier.
    anchor_day_counted: bool = False

    # C2 — Month arithmetic. Months clamp to the target month's last day (Civil Code 202). In criminal cases a
    # period that starts on a month's last day ends on the target month's last day (CrPL-Interp 202).
    criminal_month_end_rule: bool = True

    # C4 — Extensions add months to the total, counted from the anchor. False chains each extension from the
    # previous end date instead (which differs only at month-end clamping).
    extensions_from_anchor: bool = True

    # C5 — Deductions count both their first and last day (end − start + 1); overlapping intervals are merged.
    # False counts end − start.
    deductions_inclusive: bool = True

    # C6 — If the last day is a rest day the period ends on the next working day (SPC reply of 2014-12-12) ...
    roll_forward_rest_days: bool = True
    # ... except while a criminal defendant is in custody (CrPL 105(4)).
    custody_exception: bool = True

    # C7 — A restart (重新计算) replaces the anchor, so deductions before it fall outside the counted period;
    # extensions approved before a restart or conversion are discarded too. False keeps counting them.
    restart_discards_earlier_events: bool = True

    # C8 — A case closed on the expiry day is in time; this many days of grace after expiry also count as in time
    # (0 = the law's reading: the day after expiry is one day over).
    grace_days: int = 0

    # C9 — Elapsed days (审理天数) are close − filing in calendar days. True reports the net figure (minus
    # deducted days) as age_days; the gross figure is the default.
    elapsed_net_of_deductions: bool = False

    # C10 — Long-pending tiers and age buckets use gross elapsed time since filing, so that deductions cannot hide
    # old cases. False uses time net of deductions.
    long_pending_gross: bool = True

    # CrPL 208(1): "2 months, at the latest 3 months". True uses the 3-month outer limit as the base period
    # (the common reading; extensions then run from it, §1.2 note). False uses 2 months.
    criminal_first_instance_outer_limit: bool = True

    # Deduction kinds the law does not allow for the case's type are kept and flagged; True would count them.
    count_disallowed_deductions: bool = False

    # Late acts (issue 9; docs/rules.md "Late acts"): an extension approved after the expiry it would extend
    # (2019-Prov Art. 1; CrPL-Interp 210; 2000-Prov Art. 14; 2006 rule Art. 1), a deduction that begins after the
    # expiry as it stood (the periods not counted are those *within* the trial period: CPL-Interp 243; ALL-Interp
    # 50; 2000-Prov Art. 9) and a procedure conversion made after the period in force had run out (CPL-Interp
    # 258(2); ALL-Interp 105) do not move the expiry: the case is overdue from the original date, the act is kept,
    # explained and warned. True counts them as before (still warned), for a court that reads its rules so.
    count_late_acts: bool = False

    # Local deduction kinds (请示, 审委会, 协调; §3.4) switched on by this court. Off by default.
    local_deduction_kinds: frozenset[str] = field(default_factory=frozenset)

    # Early warnings: days before expiry (DESIGN.md §1), most distant first.
    approaching_days: tuple[int, ...] = (30, 15, 7)

    # The age warning before a case becomes a 12-month long-pending case (DESIGN.md §1).
    age_warning_months: int = 10

    # Long-pending tiers in months (长期未结, rules §5) and the age-bucket bounds (摸排底数).
    long_pending_tiers: tuple[int, ...] = (12, 18, 24, 36)
    bucket_months: tuple[int, int, int] = (6, 12, 24)


DEFAULT_CONVENTIONS = Conventions()
