"""The forms of the campaign pages: plain HTML forms that work without JavaScript, checked on the server."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from qingji.campaigns.entry_rules import EDITABLE, people_choices, settable
from qingji.campaigns.models import CampaignCase, SupervisionAction
from qingji.courts.models import Court
from qingji.web import labels as lb
from qingji.web.choice_labels import choices
from qingji.web.params import DayField, NamedForm


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CampaignForm(forms.Form):
    SCOPES = (("rule", "rule"), ("list", "list"))

    name = forms.CharField(max_length=128)
    start = DayField(widget=DateInput())
    target = DayField(widget=DateInput())
    scope = forms.ChoiceField(choices=SCOPES, widget=forms.RadioSelect, initial="rule")
    older_than_months = forms.IntegerField(min_value=1, max_value=120, initial=6, required=False)
    scope_file = forms.FileField(required=False)
    courts = forms.MultipleChoiceField(choices=(), widget=forms.CheckboxSelectMultiple, required=False)
    type_codes = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, courts: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["courts"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(code, f"{code} {name}") for code, name in courts.items()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("scope") == "list" and not data.get("scope_file"):
            self.add_error("scope_file", lb.text("campaign_scope_list"))
        if data.get("scope") == "rule" and not data.get("older_than_months"):
            self.add_error("older_than_months", lb.text("campaign_scope_rule"))
        return data

    def type_code_list(self) -> list[str]:
        text = str(self.cleaned_data.get("type_codes") or "").replace("，", ",")
        return [part.strip() for part in text.split(",") if part.strip()]


class EntryForm(forms.ModelForm):  # type: ignore[type-arg]
    """The four determinations, the reason and the chain of one campaign case: the leader and the chain chosen
    among the court's people of the right role, the fields the reader's role does not set shown but not sent
    (qingji.campaigns.entry_rules)."""

    class Meta:
        model = CampaignCase
        fields = EDITABLE
        field_classes: ClassVar[dict[str, type[forms.Field]]] = {"target_on": DayField}
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "target_on": DateInput(),
            "plan": forms.Textarea(attrs={"rows": 3}),
            "reason_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, role: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        assert isinstance(reason, forms.ChoiceField)
        reason.choices = [("", "—"), *choices("reason")]
        for name, names in people_choices(self.instance).items():
            self.fields[name] = forms.ChoiceField(
                choices=[("", "—"), *[(n, n) for n in names]], required=False
            )
        allowed = settable(role)
        for name, field in self.fields.items():
            field.label = lb.text(name)
            field.disabled = name not in allowed

    @property
    def restricted(self) -> bool:
        """Some fields are set by others than the reader (shown greyed)."""
        return any(field.disabled for field in self.fields.values())


class StepForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {"due_on": "step_due", "description": "step"}
    due_on = DayField(widget=DateInput())
    description = forms.CharField(max_length=500)


class SupervisionForm(NamedForm):
    LABELS: ClassVar[dict[str, str]] = {
        "court": "court", "kind": "supervision_kind", "on": "supervision_on", "by": "supervision_by",
        "to": "supervision_to", "agreed": "supervision_agreed", "follow_up": "supervision_follow_up",
    }  # fmt: skip
    court = forms.ChoiceField(choices=())
    kind = forms.ChoiceField(choices=SupervisionAction.Kind.choices)
    on = DayField(widget=DateInput())
    by = forms.CharField(max_length=64)
    to = forms.CharField(max_length=64, required=False)
    agreed = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up = DayField(widget=DateInput(), required=False)

    def __init__(self, *args: Any, courts: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["court"]
        assert isinstance(field, forms.ChoiceField)
        names = dict(Court.objects.filter(code__in=courts).values_list("code", "name"))
        field.choices = [(code, f"{names.get(code, code)} {code}") for code in courts]
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = choices("supervision_kind")
