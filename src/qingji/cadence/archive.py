"""The documents a person may read in the archive (通报存档, docs/cadence.md): those sent to them, and those they
would be sent by their role — a campaign's bulletins for the bulletin's roles who may see the campaign, a monthly
report for the report's roles who see every court it covers whole."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from qingji.cadence.models import Document, Message
from qingji.campaigns.selectors import visible_campaigns
from qingji.courts.models import Court, Person
from qingji.courts.selectors import whole_courts
from qingji.site.in_force import site_settings


def readable_documents(person: Person | None) -> QuerySet[Document]:
    if person is None:
        return Document.objects.none()
    sent = Message.objects.filter(person=person, data__has_key="document").values_list(
        "data__document", flat=True
    )
    allowed = Q(pk__in=[pk for pk in sent if isinstance(pk, int)])
    cadence = site_settings().cadence
    if person.role in cadence.bulletin_roles:
        allowed |= Q(kind=Document.DocumentKind.BULLETIN, campaign__in=visible_campaigns(person))
    whole = whole_courts(person)
    if person.role in cadence.report_roles and whole:
        scopes = [scope for scope in _report_scopes() if _covered(scope, whole)]
        allowed |= Q(kind=Document.DocumentKind.REPORT, scope__in=scopes)
    return Document.objects.filter(allowed).defer("docx", "pdf")


def readable_document(person: Person | None, pk: int) -> Document | None:
    return readable_documents(person).filter(pk=pk).first()


def _report_scopes() -> list[str]:
    return list(
        Document.objects.filter(kind=Document.DocumentKind.REPORT).values_list("scope", flat=True).distinct()
    )


def _covered(scope: str, whole: set[str]) -> bool:
    """Every court of ``scope`` ("": every court) is among ``whole``."""
    codes = set(scope.split(",")) if scope else set(Court.objects.values_list("code", flat=True))
    return codes <= whole
