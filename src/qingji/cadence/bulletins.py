"""The ten-day bulletin (每10天一通报) on the schedule's days (``[cadence] bulletin_days``), for each running
campaign: the document made once and kept (:class:`qingji.cadence.models.Document`, the 通报 archive), and a
message to each person of ``[cadence] bulletin_roles`` who may see the campaign, with its headline figures (the
whole campaign's and, for a person of one of its courts, that court's place) and the document to open.

A campaign runs from its start to its target date; a run taken up again finds its documents made and makes only
what is missing. A court's own template ($QINGJI_HOME/templates/通报.docx) that cannot make the bulletin is
logged, and the shipped one is used, so that the bulletin is never missed for a template's sake.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.conf import settings

from qingji.audit.actions import audit_per_court
from qingji.cadence.models import Document, Message, Run
from qingji.cadence.schedule import Kind
from qingji.campaigns.bulletin import Bulletin
from qingji.campaigns.bulletin_data import bulletin_of
from qingji.campaigns.bulletin_doc import DEFAULT_TEMPLATE, render_docx, template_in_force, title
from qingji.campaigns.models import Campaign
from qingji.campaigns.selectors import visible_campaigns
from qingji.courts.models import Person
from qingji.documents.docx_pdf import docx_to_pdf
from qingji.documents.template import TemplateError
from qingji.site.in_force import site_settings

log = logging.getLogger(__name__)


def running_campaigns(run: Run) -> list[Campaign]:
    """The campaigns running on the run's day: started by then, their target not passed."""
    return list(Campaign.objects.filter(start__lt=run.on, target__gte=run.on).order_by("pk"))


def bulletin_messages(run: Run, roles: tuple[str, ...]) -> list[Message]:
    messages = []
    people = list(Person.objects.filter(role__in=roles).select_related("court").order_by("pk"))
    for campaign in running_campaigns(run):
        document = bulletin_document(campaign, run)
        for person in people:
            if visible_campaigns(person).filter(pk=campaign.pk).exists():
                messages.append(_message(run, person, campaign, document))
    return messages


def bulletin_document(campaign: Campaign, run: Run) -> Document:
    """The campaign's bulletin of the run's day, made and kept once (the one kept when it exists)."""
    kept = Document.objects.filter(kind=Document.DocumentKind.BULLETIN, campaign=campaign, on=run.on).first()
    if kept is not None:
        return kept
    bulletin = bulletin_of(campaign, run.on, site_settings().cadence.bulletin_days)
    content = _render(bulletin, template_in_force(Path(settings.HOME)))
    document, created = Document.objects.get_or_create(
        kind=Document.DocumentKind.BULLETIN, campaign=campaign, on=run.on, scope="",
        defaults={"number": bulletin.number, "title": title(bulletin), "run": run, "data": headline(bulletin),
                  "docx": content, "pdf": docx_to_pdf(content, title(bulletin))},
    )  # fmt: skip
    if created:
        audit_per_court(
            "document_produced", "cadence_bulletin", str(document.pk),
            courts={court.code: {"document": document.title} for court in campaign.courts.all()},
        )  # fmt: skip
    return document


def _render(bulletin: Bulletin, template: Path) -> bytes:
    try:
        return render_docx(bulletin, template)
    except TemplateError as error:
        log.error(
            "cadence: the bulletin template cannot be used (%s); the shipped one is used instead", error
        )
        return render_docx(bulletin, DEFAULT_TEMPLATE)


def headline(bulletin: Bulletin) -> dict[str, Any]:
    """What a message carries: the whole campaign's figures, each ranked court's place, and the integrity checks'
    findings counted per court."""
    whole = bulletin.overall
    return {
        "number": bulletin.number,
        "in_scope": whole.in_scope,
        "cleared": whole.cleared,
        "remaining": whole.remaining,
        "clearance_rate": whole.clearance_rate,
        "cleared_since": whole.cleared_since,
        "previous": bulletin.previous.isoformat(),
        "behind": whole.behind,
        "overdue": whole.overdue,
        "ten_month": whole.ten_month,
        "new_backlog": whole.new_backlog,
        "ranked": len(bulletin.ranking),
        "places": {line.unit: [line.rank, line.last, line.lagging] for line in bulletin.ranking},
        "last_place": [line.name for line in bulletin.last_place],
        **_integrity(bulletin),
    }


def _integrity(bulletin: Bulletin) -> dict[str, Any]:
    """The integrity checks' findings as a message carries them: figures only (how many in all, and per court),
    no case and no party, whoever reads it."""
    section = bulletin.integrity
    if section is None:
        return {}
    return {
        "integrity": {
            "as_of": section.as_of.isoformat(),
            "total": section.overall.total,
            "by_court": {line.code: line.total for line in section.courts},
        }
    }


def _message(run: Run, person: Person, campaign: Campaign, document: Document) -> Message:
    data = {**document.data, "document": document.pk, "campaign": campaign.pk, "campaign_name": campaign.name}
    return Message(
        key=f"{Kind.BULLETIN.value}:{run.on.isoformat()}:{campaign.pk}:{person.pk}",
        person=person, run=run, kind=Kind.BULLETIN, on=run.on, data=data,
    )  # fmt: skip
