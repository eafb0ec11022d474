"""The words of the coded values the models and the core hold (a role, a supervision kind, a reason, a verdict, a
family of cases …), Chinese first: a page shows these, never the code (docs/pages.md "Words").

Each table is keyed by the code; :func:`choice_label` picks the word of one code in the page's language. The
Chinese of a model's choices is the model's own label, so that the admin site and the pages say the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import get_language

from qingji.campaigns.models import Campaign, LookBack, Reason, Referral, SupervisionAction
from qingji.cases.models import ImportRecord
from qingji.core.courts import CourtLevel
from qingji.core.periods import APPROVER_LABELS, Approver
from qingji.core.scores import DEFAULT_SCORE_WEIGHTS
from qingji.core.time_standards import MODEL_TIME_STANDARDS
from qingji.core.typecodes import Family
from qingji.courts.models import Role
from qingji.integrity.findings import CHECKS

Pairs = Mapping[str, tuple[str, str]]


def _with_english(choices: list[tuple[str, str]], english: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    return {code: (label, english[code]) for code, label in choices}


ROLE_LABELS = _with_english(Role.choices, {
    Role.PRESIDENT: "president", Role.VICE_PRESIDENT: "vice-president", Role.DIVISION_HEAD: "division head",
    Role.JUDGE: "judge", Role.ASSISTANT: "judge's assistant / clerk", Role.TRIAL_MANAGEMENT: "trial management office",
    Role.SUPERVISION: "supervision team", Role.HIGHER_COURT_READER: "higher-court reader",
    Role.ADMINISTRATOR: "administrator",
})  # fmt: skip
SUPERVISION_KIND_LABELS = _with_english(SupervisionAction.Kind.choices, {
    SupervisionAction.Kind.DAILY_REMINDER: "daily reminder", SupervisionAction.Kind.WEEKLY_SUPERVISION: "weekly supervision list",
    SupervisionAction.Kind.BULLETIN: "bulletin", SupervisionAction.Kind.PHONE: "phone reminder",
    SupervisionAction.Kind.LETTER: "supervision letter", SupervisionAction.Kind.ON_SITE: "on-site inspection",
    SupervisionAction.Kind.INTERVIEW: "interview of the leaders",
})  # fmt: skip
REASON_LABELS = _with_english(Reason.choices, {
    Reason.APPRAISAL: "appraisal", Reason.PUBLIC_NOTICE: "service by public notice",
    Reason.WAITING: "waiting for another case / suspended", Reason.COMMITTEE: "adjudication committee",
    Reason.PARTIES: "the parties", Reason.ENFORCEMENT_ASSETS: "enforcement assets",
    Reason.COMPLEX: "difficult and complex", Reason.OTHER: "other",
})  # fmt: skip
BODY_LABELS = _with_english(Referral.Body.choices, {
    Referral.Body.COMMITTEE: "adjudication committee", Referral.Body.JUDGES_MEETING: "professional judges' meeting",
})  # fmt: skip
VERDICT_LABELS = _with_english(LookBack.Verdict.choices, {
    LookBack.Verdict.NO_PROBLEM: "no problem", LookBack.Verdict.PROBLEM: "problem found",
})  # fmt: skip
SCOPE_LABELS = _with_english(Campaign.Scope.choices, {
    Campaign.Scope.RULE: "by rule", Campaign.Scope.LIST: "by list",
})  # fmt: skip
IMPORT_OUTCOME_LABELS = _with_english(ImportRecord.Outcome.choices, {
    ImportRecord.Outcome.IMPORTED: "imported", ImportRecord.Outcome.REFUSED: "refused for bad rows",
    ImportRecord.Outcome.UNCONFIRMED: "awaiting confirmation (not imported)",
})  # fmt: skip
COURT_LEVEL_LABELS: dict[str, tuple[str, str]] = {
    str(level.value): (level.label_zh, english)
    for level, english in zip(CourtLevel, ("basic court", "intermediate court", "high court", "supreme court"), strict=True)
}  # fmt: skip
APPROVER_WORDS: dict[str, tuple[str, str]] = {
    code: (APPROVER_LABELS[code], english)
    for code, english in {
        Approver.VICE_PRESIDENT: "vice-president", Approver.PRESIDENT: "the court's president",
        Approver.NEXT_HIGHER_COURT: "the next higher court", Approver.HIGH_COURT: "the high court",
        Approver.SUPREME_COURT: "the Supreme People's Court",
    }.items()
}  # fmt: skip
FAMILY_LABELS: dict[str, tuple[str, str]] = {
    family.value: (family.label_zh, english)
    for family, english in {
        Family.CIVIL: "Civil", Family.CRIMINAL: "Criminal", Family.ADMINISTRATIVE: "Administrative",
        Family.COMPENSATION: "State compensation", Family.ENFORCEMENT: "Enforcement",
        Family.BANKRUPTCY: "Bankruptcy and liquidation", Family.PRESERVATION: "Preservation", Family.OTHER: "Other",
    }.items()
}  # fmt: skip
# The rows of the Model Time Standards (CourTools measure 3) a family is measured against.
TIME_STANDARD_LABELS: dict[str, tuple[str, str]] = {
    "felony": ("重罪（美国州法院示范时间标准）", "Felony (Model Time Standards)"),
    "misdemeanor": ("轻罪（美国州法院示范时间标准）", "Misdemeanor (Model Time Standards)"),
    "general_civil": ("普通民事（美国州法院示范时间标准）", "General civil (Model Time Standards)"),
    "summary_civil": ("简易民事（美国州法院示范时间标准）", "Summary civil (Model Time Standards)"),
    "divorce": ("离婚（美国州法院示范时间标准）", "Divorce (Model Time Standards)"),
    "probate": ("遗产（美国州法院示范时间标准）", "Probate (Model Time Standards)"),
}
assert set(TIME_STANDARD_LABELS) == set(MODEL_TIME_STANDARDS), "a time standard without words"

# The measures a score weighs (qingji.core.scores; the weights of the statistics page and the settings file).
MEASURE_LABELS: dict[str, tuple[str, str]] = {
    "on_time_rate": ("审限内结案率", "closed within the trial period"),
    "closed_to_filed": ("结收比", "closed ÷ filed"),
    "long_pending_share": ("超12个月未结案件比", "share pending over 12 months"),
    "overdue_share": ("超审限未结案件比", "share pending past the trial period"),
}
assert set(MEASURE_LABELS) == {weight.measure for weight in DEFAULT_SCORE_WEIGHTS}, "a measure without words"

# The integrity checks (qingji.integrity.findings.CHECKS: the names the checks give themselves).
INTEGRITY_CHECK_LABELS: dict[str, tuple[str, str]] = {
    check.value: (info.zh, info.en) for check, info in CHECKS.items()
}

# Every table by the name a template or the audit page asks for it.
VOCABULARIES: dict[str, Pairs] = {
    "role": ROLE_LABELS,
    "supervision_kind": SUPERVISION_KIND_LABELS,
    "reason": REASON_LABELS,
    "body": BODY_LABELS,
    "verdict": VERDICT_LABELS,
    "scope": SCOPE_LABELS,
    "import_outcome": IMPORT_OUTCOME_LABELS,
    "court_level": COURT_LEVEL_LABELS,
    "approver": APPROVER_WORDS,
    "family": FAMILY_LABELS,
    "time_standard": TIME_STANDARD_LABELS,
    "measure": MEASURE_LABELS,
    "integrity_check": INTEGRITY_CHECK_LABELS,
}


def _english(language: str | None) -> bool:
    return (language or get_language() or "").startswith("en")


def choices(vocabulary: str, language: str | None = None) -> list[tuple[str, str]]:
    """A form field's choices: every code of ``vocabulary`` with its word in ``language`` (the page's by default),
    in the table's order (the model's)."""
    index = 1 if _english(language) else 0
    return [(code, pair[index]) for code, pair in VOCABULARIES[vocabulary].items()]


def choice_label(vocabulary: str, code: object, language: str | None = None) -> str:
    """The word of ``code`` in ``vocabulary`` (a name of VOCABULARIES) in ``language`` (the page's by default); an
    empty code is empty, and a code without words stays as it is (the words test finds it)."""
    text = "" if code is None else str(code)
    pair = VOCABULARIES[vocabulary].get(text)
    if pair is None:
        return text
    return pair[1] if _english(language) else pair[0]
