"""The words of the forecast page (积案预测: docs/pages.md "The forecast page") and of the what-if on the campaign
page ("What-if on the campaign page"), Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

FORECAST_TEXTS: dict[str, tuple[str, str]] = {
    "forecast": ("积案预测", "Forecast"),
    "fc_title": ("积案预测：哪些案件即将成为积案", "Forecast: what backlog is forming"),
    "fc_intro": (
        "今后 30、60、90 日内哪些未结案件将满 6、10、12、18 个月（自立案日起算，满 6 个月即进入清积范围，满 10 个月预警，"
        "满 12、18 个月为长期未结），哪些案件审限届满；以及按近期收结案情况，各月末超过 6、12、18 个月未结的案件将有多少。"
        "每个数字都打开其背后的案件。",
        "Which pending cases will pass 6, 10, 12 and 18 months since filing in the next 30, 60 and 90 days (six "
        "months: a campaign's usual threshold; ten: the early warning; twelve and eighteen: long-pending), which "
        "reach their expiry; and, at the recent pace of filing and closing, how many cases will be pending over 6, "
        "12 and 18 months at each month end. Every count opens the cases behind it.",
    ),
    "fc_source_snapshot": (
        "按截至日的案件状态快照计算。",
        "Computed from the stored case states of the as-of date.",
    ),
    "fc_source_computed": (
        "该日期没有案件状态快照，按案件和事项当场计算。",
        "There is no stored snapshot of that date: computed from the cases and their events.",
    ),
    "fc_scope_part": (
        "您看到的是您可以查看的案件（您本人或所授权的法官、审判庭）。",
        "You see the cases you may see (your own, or those of the judges and divisions you are granted).",
    ),
    "fc_no_court": (
        "该账号未分配法院，没有可以预测的案件。",
        "This account belongs to no court: there are no cases to forecast.",
    ),
    "fc_about_to_age": ("即将跨越的案件", "Cases about to age"),
    "fc_about_to_age_note": (
        "截至日之后 30、60、90 日内（含第 30、60、90 日）将满 N 个月的未结案件，和审限在此期间届满的未结案件（已超审限的"
        "不在此列，见台账）；较长期间包含较短期间的案件。结案即不再计入。",
        "The cases pending on the as-of date that pass N months within 30, 60 and 90 days after it (the 30th, "
        "60th and 90th day included), and those whose trial period runs out within them (those already overdue are "
        "in the ledger, not here); each longer period holds the shorter one's cases. A case closed first does not "
        "count.",
    ),
    "fc_key_6": ("满6个月", "Passing 6 months"),
    "fc_key_10": ("满10个月", "Passing 10 months"),
    "fc_key_12": ("满12个月", "Passing 12 months"),
    "fc_key_18": ("满18个月", "Passing 18 months"),
    "fc_key_expiry": ("审限届满", "Trial period runs out"),
    "fc_within": ("{days}日内", "within {days} days"),
    "fc_pending": ("未结", "Pending"),
    "fc_by_court": ("各法院", "By court"),
    "fc_by_division": ("各审判庭", "By division"),
    "fc_by_judge": ("各承办法官", "By judge"),
    "fc_division": ("审判庭", "Division"),
    "fc_no_division": ("（未填审判庭）", "(no division given)"),
    "fc_no_judge": ("（未填承办法官）", "(no judge given)"),
    "fc_first_rows": (
        "列出 90 日内即将跨越最多的 {shown} 个（共 {total} 个）；选择法院可看该院全部。",
        "The {shown} with the most cases about to age within 90 days are listed ({total} in all); choose a court "
        "for all of that court's.",
    ),
    "fc_total": ("合计", "Total"),
    "fc_choose_court": ("法院", "Court"),
    "fc_all_courts": ("全部法院", "All courts"),
    "fc_projection": ("各月末积案预测", "The backlog projected month by month"),
    "fc_projection_note": (
        "按截至日前 {history} 个月的收案和结案情况推算各月末超过 6、12、18 个月未结的案件数，括号内为 {level} 区间。"
        "流入为当月新满该月数且仍未结的案件，消化为当月审结的该段案件：流入多于消化，该段积案增加（边清边积）。"
        "预测假定近期情况延续：专项行动、人员变动、新的年底集中结案等不在其中。预测值是期望，不是具体案件；"
        "截至日的实际数打开其案件。",
        "The cases pending over 6, 12 and 18 months at each month end, from how cases were filed and closed in the "
        "{history} months before the as-of date, with the {level} interval in brackets. Inflow: the cases passing "
        "that many months in the month and still pending; cleared: that band's cases closed in the month. When the "
        "inflow exceeds the clearance, the band grows (clearing while piling up). The forecast assumes the recent "
        "months go on: a campaign, a change of staff or a stronger year-end push is not in it. A projected figure "
        "is an expectation, not a list of cases; the actual figures of the as-of date open their cases.",
    ),
    "fc_rates": (
        "近 {history} 个月平均每月收案 {filed} 件、结案 {closed} 件。",
        "In the last {history} months, {filed} cases were filed and {closed} closed a month on average.",
    ),
    "fc_band": ("超{band}个月", "Over {band} months"),
    "fc_month_end": ("月末", "Month end"),
    "fc_as_of_actual": ("{day}（实际）", "{day} (actual)"),
    "fc_expected": ("预计（区间）", "Expected (interval)"),
    "fc_inflow": ("流入", "Inflow"),
    "fc_cleared": ("消化", "Cleared"),
    "fc_chart": (
        "各月末超过6、12、18个月未结的案件（预计，阴影为区间）",
        "Pending over 6, 12 and 18 months at each month end (expected; shaded: the interval)",
    ),
    "fc_courts_projection": ("各法院预测（{day}）", "By court ({day})"),
    "fc_now": ("截至日", "As-of date"),
    "fc_filed_month": ("月均收案", "Filed a month"),
    "fc_closed_month": ("月均结案", "Closed a month"),
    "fc_cases": ("案件", "Cases"),
    "fc_list_older": ("截至日超过{band}个月未结的案件", "Pending over {band} months on the as-of date"),
    "fc_on": ("日期", "On"),
    "fc_days_after": ("距截至日天数", "Days after the as-of date"),
    "fc_passes_on": ("满期之日", "Passed on"),
    "fc_no_cases": ("没有符合条件的案件。", "No cases match."),
    "fc_list_all": ("取消选择", "Clear the choice"),
    "fc_cases_count": ("共 {count} 件", "{count} cases"),
    "fc_choose_figure": (
        "点击上面的数字，在此列出其背后的案件。",
        "Click a figure above to list its cases here.",
    ),
    # the parameters, as a 400 page names them
    "param_forecast_level": ("层级", "Level"),
    "param_forecast_crossing": ("跨越月数", "Months passed"),
    "param_forecast_within": ("天数", "Days"),
    "param_forecast_older": ("超过月数", "Older than"),
    "param_forecast_division": ("审判庭", "Division"),
    "param_forecast_judge": ("承办法官", "Judge"),
}

WHATIF_TEXTS: dict[str, tuple[str, str]] = {
    "wi_pace": ("近四周每周结案", "Closed a week (last four weeks)"),
    "wi_needed": ("按期完成需每周结案", "Needed a week to finish by the target"),
    "wi_target_past": ("目标日已过", "target date past"),
    "wi_title": ("假设分析", "What-if"),
    "wi_intro": (
        "如果某院每周多结 k 件（或以下案件在某日前结案），何时全部结清、目标日排第几（其他法院按各自近四周的速度）。"
        "只计算，不保存。",
        "If a court closed k more cases a week (or the cases below by a date): when would it finish, and where would "
        "it rank on the target date (every other court at its own pace of the last four weeks)? Computed only; "
        "nothing is saved.",
    ),
    "wi_court": ("法院", "Court"),
    "wi_more": ("每周多结（件）", "More a week (cases)"),
    "wi_close": (
        "另结案件（案号，每行一个，可不填）",
        "Cases closed besides (case numbers, one a line; optional)",
    ),
    "wi_close_by": ("上述案件结案日期（不填为截至日）", "Those cases closed by (blank: the as-of date)"),
    "wi_run": ("计算", "Compute"),
    "wi_result": ("{court}：每周多结 {more} 件", "{court}: {more} more a week"),
    "wi_remaining": ("截至日未结", "Remaining on the as-of date"),
    "wi_finish": ("预计全部结清", "All closed by"),
    "wi_at_pace": ("按原速度", "at the present pace"),
    "wi_never": ("按此速度无法结清", "never, at this pace"),
    "wi_rank_target": ("目标日排名", "Rank on the target date"),
    "wi_rank_now": ("现排名", "rank now"),
    "wi_rank_of": ("第 {rank} 名 / 共 {of} 院", "{rank} of {of}"),
    "wi_not_ranked": ("不与基层法院一同排名", "not ranked with the basic courts"),
    "wi_on_track": ("能否按期完成", "On track for the target"),
    "wi_named": ("另结 {count} 件，{day} 前", "{count} cases closed besides, by {day}"),
    "wi_pace_cases": (
        "构成近四周结案速度的案件（{first} 至 {last}）",
        "The cases behind the pace ({first} to {last})",
    ),
    "wi_pace_sum": (
        "{count} 件 × 7 ÷ {days} 日 = 每周 {pace} 件",
        "{count} cases × 7 ÷ {days} days = {pace} a week",
    ),
    "wi_refused": ("无法计算：", "Cannot compute:"),
    # the parameters, as a 400 page names them
    "param_whatif_court": ("假设分析的法院", "Court of the what-if"),
    "param_whatif_more": ("每周多结", "More a week"),
    "param_whatif_close": ("另结案件", "Cases closed besides"),
    "param_whatif_close_by": ("另结案件的结案日期", "Cases closed by"),
    "not_a_pace": (
        "应为 0 至 1000 之间的数，最多两位小数",
        "expected a number from 0 to 1000, with at most two decimals",
    ),
    "before_as_of": ("早于截至日期", "before the as-of date"),
    "too_many_cases": ("最多 200 个案号", "at most 200 case numbers"),
}
