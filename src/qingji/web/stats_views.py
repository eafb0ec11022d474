"""The statistics page: the court measures on a date over the cases the user may see — pending and its change,
结收比, 审限内结案率, 平均审理天数, long-pending counts, CourTools and CEPEJ — per court and overall, with the scores
per court and per judge and every input beside them (issue 4 §3; docs/measures.md)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingji.cases.selectors import visible_cases
from qingji.cases.snapshot import snapshot_date
from qingji.cases.statistics import database_statistics
from qingji.core.measures import ratio
from qingji.core.scores import ScoreWeight
from qingji.engine.courtools import Disposition
from qingji.engine.scores import ranked
from qingji.engine.stats import DEFAULT_STATS_SETTINGS, Statistics, StatsSettings
from qingji.measure_settings import MeasureSettingsError, score_weights
from qingji.site.in_force import site_settings
from qingji.site.settings_file import SiteSettingsError
from qingji.web import labels as lb
from qingji.web.choice_labels import TIME_STANDARD_LABELS, choice_label
from qingji.web.params import DayField, NamedForm
from qingji.web.queries import courts_of
from qingji.web.stats_labels import COURT_STANDARD
from qingji.web.trend_chart import trend_chart
from qingji.web.views import page_context, person_of

WEIGHT_FIELD = "w_"


class StatsForm(NamedForm):
    """The dates and, to try other weights, the weights (blank: the configured ones)."""

    LABELS: ClassVar[dict[str, str]] = {"as_of": "as_of", "compare": "stats_compare", "since": "stats_since",
                                        "court": "court"}  # fmt: skip
    as_of = DayField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    compare = DayField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    since = DayField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    court = forms.CharField(required=False, max_length=64)

    def __init__(self, *args: Any, weights: tuple[ScoreWeight, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for weight in weights:
            english = lb.TEXTS.get(f"stats_{weight.measure}", ("", weight.label_zh))[1]
            self.fields[WEIGHT_FIELD + weight.measure] = forms.FloatField(
                required=False, min_value=0, widget=forms.NumberInput(attrs={"step": "any", "size": 4}),
                label=english if lb.is_english() else weight.label_zh,
            )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, as_of = data.get("since"), data.get("as_of")
        if since and as_of and since > as_of:
            self.add_error("since", lb.text("stats_since") + " > " + lb.text("as_of"))
        return data

    def weights(self, configured: tuple[ScoreWeight, ...]) -> tuple[ScoreWeight, ...]:
        given = {
            weight.measure: value
            for weight in configured
            if (value := self.cleaned_data.get(WEIGHT_FIELD + weight.measure)) is not None
        }
        if not given:
            return configured
        merged = {weight.measure: weight.weight for weight in configured} | given
        return score_weights(merged, lb.text("stats_weights"))


@login_required
def stats_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    try:
        settings, settings_error = site_settings().stats, ""
    except SiteSettingsError as error:  # shown on the page; the defaults meanwhile
        settings, settings_error = DEFAULT_STATS_SETTINGS, str(error)
    form = StatsForm(request.GET or None, weights=settings.weights)
    data = form.cleaned_data if form.is_valid() else {}
    stored_on = snapshot_date()
    as_of: date = data.get("as_of") or stored_on or timezone.localdate()
    weights = settings.weights
    if form.is_bound and form.is_valid():
        try:
            weights = form.weights(settings.weights)
        except MeasureSettingsError as error:
            form.add_error(None, str(error).split(": ", 1)[-1])
    chosen = StatsSettings(counts=settings.counts, weights=weights)
    cases = visible_cases(person) if person is not None else None
    result = None
    if cases is not None:
        result = database_statistics(
            cases, as_of, compare=data.get("compare"), since=data.get("since"), settings=chosen
        )
    statistics = result.statistics if result else None
    names = courts_of(person)
    court = data.get("court") or (next(iter(names)) if len(names) == 1 else "")
    judges = (
        ranked([s for s in statistics.judge_scores if s.court_code == court]) if statistics and court else []
    )
    query = request.GET.copy()
    query.pop("court", None)
    from_snapshot = result is not None and result.from_snapshot
    context = page_context(
        request, person=person, form=form, statistics=statistics, as_of=as_of,
        from_snapshot=from_snapshot, settings_error=settings_error,
        court_names=names, court=court, query=query.urlencode(), judges=judges, weights=weights,
        weight_labels=[(w.measure, _weight_label(w), w.weight) for w in weights],
        dispositions=_dispositions(statistics),
        long_pending=sorted(chosen.counts.long_pending_months),
        # The ledger shows the snapshot's states: its links count the same cases only on the snapshot's date.
        ledger_links=from_snapshot and as_of == stored_on,
        trend=trend_chart(statistics.trend) if statistics else None,
        **_long_pending_tile(statistics, min(chosen.counts.long_pending_months)),
    )  # fmt: skip
    return render(request, "web/stats.html", context)


def _weight_label(weight: ScoreWeight) -> str:
    """A score input in words (never its key)."""
    english = lb.TEXTS.get(f"stats_{weight.measure}", ("", weight.label_zh))[1]
    return english if lb.is_english() else weight.label_zh


def _long_pending_tile(statistics: Statistics | None, months: int) -> dict[str, Any]:
    """The long-pending tile: the smallest tier (12 months by default), its count and its share of pending."""
    if statistics is None:
        return {}
    count = statistics.overall.long_pending.get(months)
    share = ratio(count, statistics.overall.pending) if count is not None else None
    return {"long_pending_months": months, "long_pending_count": count, "long_pending_share": share}


def _dispositions(statistics: Statistics | None) -> list[tuple[str, str, Disposition]]:
    """CourTools measure 3 per family: (the family in words, its standard in words, the figures)."""
    if statistics is None:
        return []
    english = lb.is_english()
    rows = []
    for row in statistics.overall.courtools.time_to_disposition:
        family = choice_label("family", row.family)
        standard = TIME_STANDARD_LABELS.get(row.standard, COURT_STANDARD)[1 if english else 0]
        rows.append((family, standard, row))
    return rows
