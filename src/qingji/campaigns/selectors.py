"""Which campaigns, campaign cases and supervision letters a person may see (issue 4, issue 10): a campaign that
holds a court they see; of it, the cases they see (qingji.cases.selectors); a letter to a court only when they see
every case of that court, since the letter lists all its remaining cases."""

from __future__ import annotations

from django.db.models import QuerySet

from qingji.campaigns.models import Campaign, CampaignCase, SupervisionAction
from qingji.cases.selectors import some_cases
from qingji.courts.models import Person
from qingji.courts.selectors import visible_court_codes, whole_courts


def visible_campaigns(person: Person | None) -> QuerySet[Campaign]:
    """The campaigns that hold a court the person may see."""
    if person is None:
        return Campaign.objects.none()
    return Campaign.objects.filter(courts__code__in=visible_court_codes(person)).distinct()


def visible_campaign(person: Person | None, pk: int) -> Campaign | None:
    """The campaign ``pk``, when it holds a court the person may see."""
    return visible_campaigns(person).filter(pk=pk).first()


def visible_entries(person: Person, campaign: Campaign) -> QuerySet[CampaignCase]:
    """The campaign's cases the person may see. For a person who sees whole courts, by the cases' court codes (a
    condition on each campaign case's own case, not a list of a million cases' ids to look them up in); for a
    person who sees some cases, by their case's court, division and judge (selectors.some_cases), likewise."""
    courts = whole_courts(person)
    if courts is not None:
        return campaign.cases.select_related("case").filter(case__court_code__in=sorted(courts))
    return campaign.cases.select_related("case").filter(some_cases(person, prefix="case__"))


def visible_entry(person: Person, campaign: Campaign, case_number: str) -> CampaignCase | None:
    """The campaign's case ``case_number``, when the person may see it."""
    return visible_entries(person, campaign).filter(case__case_number=case_number).first()


def supervision_courts(person: Person, campaign: Campaign) -> list[str]:
    """The campaign's courts the person may see: those whose supervision they read and may record."""
    courts = set(campaign.courts.values_list("code", flat=True))
    return sorted(courts & visible_court_codes(person))


def letter_courts(person: Person | None) -> set[str]:
    """The courts whose supervision letters the person may download: those of which they see every case."""
    if person is None:
        return set()
    return whole_courts(person) or set()


def visible_letter(person: Person | None, campaign_pk: int, action_pk: int) -> SupervisionAction | None:
    """The recorded letter ``action_pk`` of the campaign, when it was written to a court of letter_courts."""
    return (
        SupervisionAction.objects.filter(
            pk=action_pk,
            campaign_id=campaign_pk,
            kind=SupervisionAction.Kind.LETTER,
            court__code__in=letter_courts(person),
        )
        .select_related("campaign", "court")
        .first()
    )
