"""The words of the integrity page (审限核查: docs/pages.md "The integrity page"), Chinese first (merged into
labels.TEXTS). The checks' own names are qingji.integrity.findings.CHECKS'; the evidence's, qingji.cases.
integrity_words'."""

from __future__ import annotations

INTEGRITY_TEXTS: dict[str, tuple[str, str]] = {
    "integrity": ("审限核查", "Integrity checks"),
    "integrity_title": ("审限核查：隐形超审限", "Integrity checks: hidden over-deadline time"),
    "integrity_intro": (
        "哪里藏了审限、是谁：扣除审限、延长审限、撤诉后重新立案、同日拆分立案、通报前集中结案、系统届满日期与"
        "依法计算不一致，以及扣除和延长占比远高于同侪的法官和法院。每个数字都打开其背后的发现，每项发现附依据和证据。",
        "Where is time hidden, and by whom: deductions, extensions, cases withdrawn and filed again, one dispute "
        "filed as several cases, bursts of closures before a bulletin, the court system's expiry against the "
        "law's, and judges and courts whose share of deducted and extended time stands far above their peers'. "
        "Every figure opens the findings behind it; each finding gives its rule and its evidence.",
    ),
    "integrity_run": (
        "截至 {as_of} 的核查，{finished} 完成，共核查 {cases} 件案件。核查每晚随案件状态快照重新进行。",
        "The checks as of {as_of}, finished at {finished}, over {cases} cases. They run again every night "
        "after the snapshot.",
    ),
    "integrity_none_yet": (
        "尚未进行审限核查：服务器每晚在计算案件状态快照后进行（演示数据由 qingji demo 核查）。",
        "The integrity checks have not run yet: the server runs them every night after the snapshot (the demo's "
        "data is checked by qingji demo).",
    ),
    "integrity_scope_part": (
        "您看到的是您可以查看的案件的发现（您本人或所授权的法官、审判庭），以及相应法官的扣除、延长占比。",
        "You see the findings of the cases you may see (your own, or the judges and divisions you are granted), "
        "and those judges' shares of deducted and extended time.",
    ),
    "integrity_by_court": ("各院发现（按核查项目）", "Findings per court and check"),
    "integrity_by_judge": ("各法官发现", "Findings per judge"),
    "integrity_judges_first": (
        "列出发现最多的 {shown} 名法官（共 {total} 名）；选择法院可看该院全部法官。",
        "The {shown} judges with the most findings are listed ({total} in all); choose a court for all its judges.",
    ),
    "integrity_findings": ("发现", "Findings"),
    "integrity_found": ("项发现", "findings"),
    "integrity_no_findings": ("没有符合条件的发现。", "No findings match."),
    "integrity_check": ("核查项目", "Check"),
    "integrity_checks": ("核查项目及其依据", "The checks and their rules"),
    "integrity_rule": ("依据", "Rule"),
    "integrity_explanation": ("说明", "Explanation"),
    "integrity_evidence": ("证据", "Evidence"),
    "integrity_open_case": ("打开案件", "Open the case"),
    "integrity_judge_unit": ("法官 {judge}（{court}）", "Judge {judge} ({court})"),
    "integrity_court_unit": ("{court}全院", "{court}, the whole court"),
    "integrity_all_checks": ("全部核查项目", "All checks"),
    "integrity_all_courts": ("全部法院", "All courts"),
    "integrity_judge_hint": ("法官姓名", "Judge's name"),
    "integrity_total": ("合计", "Total"),
    "integrity_no_court": (
        "该账号未分配法院，无可查看的发现。",
        "This account belongs to no court: there are no findings to show.",
    ),
    "integrity_export_xlsx": ("导出 Excel", "Export Excel"),
    "integrity_export_csv": ("导出 CSV", "Export CSV"),
    # the parameters, as a 400 page names them
    "param_integrity_check": ("核查项目", "Check"),
    "param_integrity_court": ("法院", "Court"),
    "param_integrity_judge": ("承办法官", "Judge"),
    "not_a_check": ("没有这一核查项目", "there is no such check"),
    # a bulletin in the inbox
    "bulletin_integrity": ("审限核查发现", "Integrity findings"),
    "bulletin_integrity_yours": ("其中本院", "of them in your court"),
}

INTEGRITY_AUDIT_LABELS: dict[str, tuple[str, str]] = {
    "integrity_checked": ("审限核查", "Integrity checks run"),
    "integrity_exported": ("导出审限核查发现", "Integrity findings exported"),
}
