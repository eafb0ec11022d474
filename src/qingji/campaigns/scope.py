"""Which cases a campaign holds: by rule (pending on the start date, older than N months) or from a list of case
numbers read from a file (the higher court's feedback ledger, 反馈台账), and the new backlog beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from django.db.models import Exists, OuterRef, Q, QuerySet

from qingji.campaigns.models import Campaign, CampaignCase
from qingji.cases.models import Case
from qingji.cases.upload_files import Received, received_copy
from qingji.core.dates import older_than_cutoff
from qingji.interchange.case_numbers import canonical_text
from qingji.interchange.headers import header_key
from qingji.interchange.limits import FileLimits
from qingji.interchange.problems import Problem
from qingji.interchange.table_error import TableError
from qingji.interchange.tables import load_table

NUMBER_HEADERS = frozenset({"案号", "case_number"})
DEFAULT_NEW_BACKLOG_MONTHS = 6  # a list-scoped campaign watches cases ageing past six months (DESIGN.md §1)


@dataclass(frozen=True)
class ListedNumber:
    row: int  # the spreadsheet row, for problems
    number: str  # canonical form


def pending_on(day: date) -> Q:
    """Cases filed by ``day`` and not closed by then."""
    return Q(filed_on__lte=day) & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def older_than(day: date, months: int) -> Q:
    """Cases older than ``months`` on ``day`` (gross age, C10: ``day > add_months(filed_on, months)``)."""
    return Q(filed_on__lt=older_than_cutoff(day, months))


def cases_by_rule(
    court_codes: Iterable[str], start: date, months: int, type_codes: Sequence[str] = ()
) -> QuerySet[Case]:
    """The cases of the courts pending on ``start`` and older than ``months`` then."""
    cases = Case.objects.filter(court_code__in=list(court_codes)).filter(
        pending_on(start), older_than(start, months)
    )
    return cases.filter(type_code__in=list(type_codes)) if type_codes else cases


def new_backlog(
    court_codes: Iterable[str],
    as_of: date,
    months: int,
    in_scope: QuerySet[Case],
    type_codes: Sequence[str] = (),
) -> QuerySet[Case]:
    """Cases that are pending on ``as_of`` and older than ``months`` but not in the campaign: the backlog that
    formed while the old one was being cleared (边清边积)."""
    return cases_by_rule(court_codes, as_of, months, type_codes).exclude(pk__in=in_scope.values("pk"))


def not_in_campaign(campaign: Campaign) -> Q:
    """Cases that are not in ``campaign`` (looked up case by case in the campaign's index of its cases)."""
    return ~Q(Exists(CampaignCase.objects.filter(campaign=campaign, case=OuterRef("pk"))))


def read_numbers(path: Path, limits: FileLimits | None = None) -> tuple[list[ListedNumber], list[Problem]]:
    """The case numbers in the 案号 column of a CSV or Excel file, and the problems (no such column, blanks,
    repeats). Raises TableError or FileNotFoundError when the file cannot be read at all, or is over ``limits``
    (the command line's unless given; the campaign page passes the upload pages': issue 10)."""
    table = load_table(path, limits)
    keys = [header_key(header) for header in table.headers]
    position = next((i for i, key in enumerate(keys) if key in {header_key(h) for h in NUMBER_HEADERS}), None)
    if position is None:
        reason = ("缺少“案号”列", "no 案号 (case_number) column")
        return [], [Problem(path.name, table.header_row, "案号", "", *reason)]
    numbers: list[ListedNumber] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    column = table.column(position)
    for value, row in table.frame.select(column, "source_row").iter_rows():
        number = canonical_text(value or "")
        if not number:
            problems.append(Problem(path.name, row, "案号", "", "案号为空", "case number is blank"))
        elif number in seen:
            problems.append(Problem(path.name, row, "案号", value, f"与第{seen[number]}行重复",
                                    f"repeats row {seen[number]}", case_number=number))  # fmt: skip
        else:
            seen[number] = row
            numbers.append(ListedNumber(row, number))
    return numbers, problems


@dataclass(frozen=True)
class ReceivedList:
    """A list of case numbers uploaded on a page: its file name, its numbers and its problems."""

    file_name: str
    numbers: list[ListedNumber]
    problems: list[Problem]


def read_received_numbers(received: Received, limits: FileLimits) -> ReceivedList:
    """The case numbers of a list uploaded on the campaign page, read as :func:`read_numbers` reads a file, from a
    copy kept while it is read; a file that cannot be read at all (over ``limits``, not a table) is one problem.
    The problems name the file as it was uploaded."""
    file_name = Path(received.name or "list.csv").name
    with received_copy(received, "list") as path:
        try:
            numbers, problems = read_numbers(path, limits)
        except TableError as error:
            return ReceivedList(
                file_name, [], [Problem(file_name, 0, "", "", error.reason_zh, error.reason_en)]
            )
    return ReceivedList(file_name, numbers, [replace(problem, file=file_name) for problem in problems])


def campaign_new_backlog(
    campaign: Campaign, as_of: date, court_codes: Iterable[str] | None = None
) -> QuerySet[Case]:
    """Cases of the campaign's courts that aged past its threshold and are not in it (shown apart)."""
    courts = set(campaign.courts.values_list("code", flat=True))
    if court_codes is not None:
        courts &= set(court_codes)
    months = campaign.older_than_months or DEFAULT_NEW_BACKLOG_MONTHS
    return cases_by_rule(courts, as_of, months, campaign.type_codes).filter(not_in_campaign(campaign))
