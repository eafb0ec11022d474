"""The words of the statistics page, Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

STATS_TEXTS: dict[str, tuple[str, str]] = {
    "stats": ("统计", "Statistics"),
    "stats_title": ("审判执行统计", "Court statistics"),
    "stats_compare": ("对比日期", "Compared with"),
    "stats_since": ("统计期间自", "Period from"),
    "stats_from_snapshot": ("按快照中保存的案件状态（截至", "From the stored case states (snapshot of"),
    "stats_computed": ("按案件与事项实时计算（截至", "Computed from the cases and events (as of"),
    "stats_pending": ("未结", "Pending"),
    "stats_pending_compare": ("对比日未结", "Pending on the compare date"),
    "stats_pending_change": ("未结变化", "Change in pending"),
    "stats_filed": ("期间收案", "Filed in the period"),
    "stats_closed": ("期间结案", "Closed in the period"),
    "stats_closed_to_filed": ("结收比", "Closed ÷ filed"),
    "stats_on_time_rate": ("审限内结案率", "Closed within the trial period"),
    "stats_average_days": ("平均审理天数", "Average days to close"),
    "stats_average_days_net": ("平均审理天数（扣除后）", "Average days, net of deductions"),
    "stats_overdue": ("超审限未结", "Pending past the trial period"),
    "stats_long_pending": ("未结超过", "Pending over"),
    "stats_months": ("个月", " months"),
    "stats_months_over": ("超", "over"),
    "stats_courtools": ("CourTools 与 CEPEJ", "CourTools and CEPEJ"),
    "stats_clearance_rate": (
        "CourTools 结案收案比（clearance rate）",
        "CourTools clearance rate (outgoing ÷ incoming)",
    ),
    "stats_disposition": ("审理时间达标（按时间标准）", "Time to disposition (against the time standards)"),
    "stats_family": ("类别", "Family"),
    "stats_standard": ("标准", "Standard"),
    "stats_tier": ("天内结案", "closed within days"),
    "stats_tier_goal": ("目标", "goal"),
    "stats_met": ("达标", "met"),
    "stats_not_met": ("未达标", "not met"),
    "stats_age": ("未结案件案龄（日）", "Age of active pending caseload (days)"),
    "stats_band": ("案龄段", "Age band"),
    "stats_share": ("占比", "Share"),
    "stats_cepej_time": ("CEPEJ 处置时间（日）", "CEPEJ disposition time (days)"),
    "stats_cepej_turnover": ("CEPEJ 周转率", "CEPEJ case turnover ratio"),
    "stats_by_court": ("分法院", "By court"),
    "stats_scores": ("得分与排名（纳入绩效考核）", "Scores and ranks (performance assessment)"),
    "stats_judge_scores": ("法官得分", "Judges' scores"),
    "stats_judges_of": ("法院", "Court"),
    "stats_rank": ("名次", "Rank"),
    "stats_score": ("得分", "Score"),
    "stats_judge": ("法官", "Judge"),
    "stats_weights": ("权重（可试算，不保存）", "Weights (try others here; nothing is saved)"),
    "stats_weights_note": (
        "得分 = 100 × Σ 权重 × 分项 ÷ Σ 权重（有值的分项）；结收比超过 1 按 1 计，占比类越低越好。",
        "Score = 100 × Σ weight × points ÷ Σ weight over the inputs with a value; closed ÷ filed above 1 counts "
        "as 1; for the shares, lower is better.",
    ),
    "stats_long_pending_share": ("超12个月未结占比", "Share pending over 12 months"),
    "stats_overdue_share": ("超审限未结占比", "Share pending past the trial period"),
    "stats_weights_error": ("权重有误", "The weights cannot be used"),
    "stats_ranking_note": (
        "注：最高人民法院2024年修订的考核指标体系不再排名通报；得分供本院绩效考核参考。",
        "Note: the SPC's indicator system as revised in 2024 no longer ranks courts publicly; the scores serve the "
        "court system's own performance assessment.",
    ),
    "stats_settings_error": (
        "统计设置文件有误，暂按默认设置计算",
        "The measures settings file cannot be used; the defaults are used meanwhile",
    ),
    "stats_no_cases": ("没有可统计的案件。", "No cases to count."),
    # The Chinese courts' own terms first, each with its definition (the title of its <abbr>; docs/measures.md).
    "stats_chinese_terms": ("审判管理指标", "The Chinese courts' indicators"),
    "stats_international": ("国际比较：CourTools 与 CEPEJ", "International comparisons: CourTools and CEPEJ"),
    "stats_clearing_rate": ("清结率", "Clearing rate of the stock carried over"),
    "stats_long_pending_cases": ("长期未结案件", "Long-pending cases"),
    "stats_carried_over": ("期初旧存", "Carried over"),
    "stats_carried_over_closed": ("旧存已结", "of them closed"),
    "stats_of": ("其中", "of"),
    "stats_net": ("扣除后", "net"),
    "stats_over_12": ("超12个月未结", "Pending over 12 months"),
    "stats_share_of_pending": ("占未结", "of pending"),
    "stats_def_closed_to_filed": (
        "结收比 = 统计期间结案数 ÷ 同期收案数 × 100%。只比本期收结，不含上期旧存（区别于结案率）。",
        "Closed ÷ filed in the period × 100%. It compares the period's own closings and filings, without the "
        "stock carried over (unlike the closure rate 结案率).",
    ),
    "stats_def_on_time_rate": (
        "审限内结案率 = 期间内在审限内结案的案件数 ÷ 期间内结案且有法定审限的案件数 × 100%；审限届满日当日结案为审限内。",
        "Cases closed within the trial period ÷ cases closed in the period that have a statutory period × 100%; "
        "closing on the expiry day is in time.",
    ),
    "stats_def_average_days": (
        "平均审理天数 = Σ（结案日期 − 立案日期）÷ 期间结案数，立案当日不计；另列扣除审限后的天数。",
        "Σ (closing date − filing date) ÷ cases closed in the period, the filing day not counted; also net of the "
        "deducted days.",
    ),
    "stats_def_long_pending": (
        "长期未结案件：截至统计日仍未结、立案已超过12个月的案件（按自然时间，不扣除、不延长）；另列超18、24、36个月。",
        "Cases pending on the as-of date and filed more than 12 months before (gross time: nothing deducted or "
        "extended); also over 18, 24 and 36 months.",
    ),
    "stats_def_clearing_rate": (
        "清结率 = 统计期间开始时的旧存未结案件中，期间内结案的件数 ÷ 旧存件数 × 100%。",
        "Of the cases pending when the period began (carried over), those closed in the period ÷ those carried "
        "over × 100%.",
    ),
    "stats_def_pending": (
        "截至统计日：已立案且未结（统计日当日结案的不再计为未结）。",
        "On the as-of date: filed and not closed (a case closed that day no longer counts).",
    ),
    "stats_def_overdue": (
        "截至统计日仍未结且已超过审限届满日的案件。",
        "Pending on the as-of date and past the expiry of the trial period.",
    ),
    "stats_def_clearance": (
        "CourTools 第2项：期间结案数 ÷ 期间收案数；qingji 中与结收比相同。",
        "CourTools measure 2: outgoing ÷ incoming cases in the period; in qingji the same as 结收比.",
    ),
    "stats_def_cepej_time": (
        "CEPEJ 处置时间 = 期间天数 × 期末未结 ÷ 期间结案：按本期速度清完存案所需天数的估计。",
        "CEPEJ disposition time = days of the period × pending at its end ÷ resolved in it: an estimate of the days "
        "the stock would take to clear at the period's pace.",
    ),
    "stats_def_cepej_turnover": (
        "CEPEJ 周转率 = 期间结案 ÷ 期末未结。",
        "CEPEJ case turnover ratio = resolved in the period ÷ pending at its end.",
    ),
    "stats_other_figures": ("收结存", "Filed, closed, pending"),
    "stats_trend": (
        "月度趋势：月末未结、当月收案与结案",
        "Monthly trend: pending at month end, filed and closed",
    ),
    "stats_trend_month": ("月份", "Month"),
    "stats_trend_pending": ("月末未结", "Pending at month end"),
    "stats_trend_filed": ("收案", "Filed"),
    "stats_trend_closed": ("结案", "Closed"),
    "stats_trend_note": (
        "最近12个月（数据不足12个月时自首次立案之月起），最后一个月截至统计日。",
        "The last twelve months (from the month of the first filing when the data are shorter); the last month "
        "runs to the as-of date.",
    ),
    "stats_ledger_note": (
        "点击未结、超审限等数字可打开台账中对应的案件（按快照日期）。",
        "Pending and overdue figures open the matching cases in the ledger (on the snapshot's date).",
    ),
}

# CourTools measure 3: a family held to the court's own standard (the rows of the Model Time Standards are
# choice_labels.TIME_STANDARD_LABELS).
COURT_STANDARD = ("本院设定的标准", "The court's own standard")
