"""The words of the ledger's filters and of the leaders' home, Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

LEDGER_TEXTS: dict[str, tuple[str, str]] = {
    "ledger_q": ("案号", "Case number"),
    "ledger_q_hint": ("案号或其中一段", "a case number or part of one"),
    "ledger_warning": ("预警", "Warning"),
    "ledger_new_backlog": ("本月新增长期未结", "New backlog this month"),
    "ledger_new_backlog_only": ("仅本月新增长期未结", "Only new backlog this month"),
    "ledger_judge_hint": ("姓名或其中一字", "a name or part of one"),
    "ledger_filtered_by": ("筛选条件", "Filtered by"),
    "ledger_more_warnings": ("另有{n}项预警", "{n} more warnings"),
    "not_a_choice": ("不是可选的值", "it is not one of the values offered"),
    "provisional_banner": (
        "{years}年的节假日安排尚未载入：{n}件案件的审限届满日暂按周末计算，载入后会改变。",
        "The holidays of {years} are not loaded yet: the expiries of {n} cases are counted with weekends only "
        "and will move once they are.",
    ),
    "provisional_fix": (
        "请系统管理员在“节假日”页载入国务院办公厅的节假日安排通知（见 docs/settings.md）。",
        "An administrator loads the State Council's holiday notice on the Holidays page (see docs/settings.md).",
    ),
    "provisional_fix_here": ("载入节假日安排", "Load the holiday notice"),
}

HOME_TEXTS: dict[str, tuple[str, str]] = {
    "home_leader_title": ("清积指挥台", "Backlog command centre"),
    "home_campaigns": ("进行中的专项行动", "Running campaigns"),
    "home_campaign_cleared": ("已清结 / 纳入", "Cleared / in scope"),
    "home_campaign_rate": ("清结率", "Clearance rate"),
    "home_campaign_days_left": ("距目标日", "Days to the target"),
    "home_campaign_days_unit": ("天", "days"),
    "home_campaign_projected": ("预计完成", "Projected finish"),
    "home_campaign_on_track": ("早于目标日{n}天", "{n} days before the target"),
    "home_campaign_late": ("晚于目标日{n}天", "{n} days after the target"),
    "home_campaign_on_target": ("恰在目标日", "on the target"),
    "home_campaign_no_projection": ("尚无法预计", "not yet projected"),
    "home_campaign_done": ("已全部清结", "all cleared"),
    "home_campaign_last": ("排名末位", "Last place"),
    "home_campaign_your_cases": ("（您可查看的案件）", "(your cases)"),
    "home_figures": ("案件底数", "Where the cases stand"),
    "home_pending": ("未结案件", "Pending cases"),
    "home_overdue": ("超审限", "Overdue"),
    "home_approaching": ("临近届满", "Approaching expiry"),
    "home_age_10": ("案龄满10个月", "10 months old"),
    "home_new_backlog": ("本月新增长期未结", "New backlog this month"),
    "home_ranking_courts": ("各院超审限案件排名", "Courts ranked by overdue cases"),
    "home_ranking_divisions": ("各庭超审限案件排名", "Divisions ranked by overdue cases"),
    "home_ranking_judges": ("承办法官超审限案件排名", "Judges ranked by overdue cases"),
    "home_ranking_of": ("名称", "Name"),
    "home_over_12m": ("超12个月未结", "Pending over 12 months"),
    "home_heat_map": ("各院未结案件案龄分布", "Pending cases by court and age"),
    "home_heat_map_divisions": ("各庭未结案件案龄分布", "Pending cases by division and age"),
    "home_heat_map_judges": ("承办法官未结案件案龄分布", "Pending cases by judge and age"),
    "home_chart_table": ("图中数字", "The chart's figures"),
    "home_nothing_ranked": ("暂无未结案件。", "No pending cases."),
    "home_no_division": ("（未分庭）", "(no division)"),
}

LEADER_TEXTS: dict[str, tuple[str, str]] = {**LEDGER_TEXTS, **HOME_TEXTS}
