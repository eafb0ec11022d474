"""The forms of a campaign case's casework: a referral and its meeting and outcome, an appraisal and its receipt,
the look-back finding. Plain HTML forms that work without JavaScript; the actions check the dates."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from qingji.campaigns.actions import CampaignRefused
from qingji.web import labels as lb
from qingji.web.campaign_forms import DateInput
from qingji.web.choice_labels import choices
from qingji.web.params import DayField, NamedForm


def _choices(field: forms.Field, vocabulary: str) -> None:
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices(vocabulary)  # in the page's language


class ReferralForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {"body": "cw_body", "referred_on": "cw_referred_on",
                                        "referred_by": "cw_referred_by", "scheduled_on": "cw_scheduled_on"}  # fmt: skip
    body = forms.ChoiceField(choices=())
    referred_on = DayField(widget=DateInput())
    referred_by = forms.CharField(max_length=64)
    scheduled_on = DayField(widget=DateInput(), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["body"], "body")


class ReferralUpdateForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {"scheduled_on": "cw_scheduled_on", "held_on": "cw_held_on",
                                        "outcome": "cw_outcome", "decided_on": "cw_decided_on"}  # fmt: skip
    scheduled_on = DayField(widget=DateInput(), required=False)
    held_on = DayField(widget=DateInput(), required=False)
    outcome = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    decided_on = DayField(widget=DateInput(), required=False)


class AppraisalForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {"agency": "cw_agency", "requested_on": "cw_requested_on",
                                        "due_on": "cw_due_on", "note": "cw_note"}  # fmt: skip
    agency = forms.CharField(max_length=128)
    requested_on = DayField(widget=DateInput())
    due_on = DayField(widget=DateInput())
    note = forms.CharField(max_length=2000, required=False)


class AppraisalUpdateForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {"agency": "cw_agency", "due_on": "cw_due_on",
                                        "received_on": "cw_received_on", "note": "cw_note"}  # fmt: skip
    agency = forms.CharField(max_length=128)
    due_on = DayField(widget=DateInput())
    received_on = DayField(widget=DateInput(), required=False)
    note = forms.CharField(max_length=2000, required=False)


class FindingForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {"reviewed_on": "cw_reviewed_on", "reviewer": "cw_reviewer",
                                        "finding": "cw_finding", "verdict": "cw_verdict", "problem": "cw_problem"}  # fmt: skip
    reviewed_on = DayField(widget=DateInput())
    reviewer = forms.CharField(max_length=64)
    finding = forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    verdict = forms.ChoiceField(choices=(), widget=forms.RadioSelect)
    problem = forms.CharField(max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["verdict"], "verdict")


def add_refusal(form: forms.Form, refused: CampaignRefused) -> None:
    """Put each reason of a refusal on the form: on its field when the form has it, else on the form."""
    for problem in refused.problems:
        reason = problem.reason_en if lb.is_english() else problem.reason_zh
        column = problem.column if problem.column in form.fields else None
        form.add_error(column, f"{problem.value}: {reason}" if column is None and problem.value else reason)
