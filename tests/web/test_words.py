"""No code shows through, in either language (issue 12, "Words"; docs/pages.md "Words").

Every role of the demo walks the site from its home page, through the menu and the links of each page a few levels
down, with the forms' choices a reader makes (the ledger's filters, a campaign's court and gaps, the audit trail's
actions) and an upload refused for a bad row — in Chinese, then the same pages in English. A snake_case token or a
code (a model's choice, a core enum, an engine key, an audit action) in the visible text fails the test, and so
does Chinese that is not data on an English page; the failure names the page, the role, the language and the token.
The downloads reached (ledger and audit exports, the supervision letter) are read too: their words for people.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from pytest_django import DjangoDbBlocker
from words_check import HAN, Finding, WordsCheck, database_texts, known_codes, visible_texts
from words_walk import Walk, walk

from demo_world import WordsWorld, build_words_world
from qingji.audit.models import AuditRecord
from qingji.cases.profiles_in_force import court_profiles
from qingji.core.vocabulary import BUCKET_LABELS, STATUS_LABELS, WARNING_LABELS
from qingji.courts.models import Person, Role
from qingji.interchange.headers import CASE_FIELDS, EVENT_FIELDS
from qingji.web.audit_views import EXPORT_CODE_COLUMNS

LANGUAGES = ("zh-hans", "en")
SHARES = 3  # the form choices are shared out among the roles (seeds)
BAD_UPLOAD = "案号,法院,立案日期,适用程序\n（2026）甘1002民初99998号,甘1002,不是日期,普通程序\n"
pytestmark = pytest.mark.django_db  # the test database is set up (the world is the module's, below)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: DjangoDbBlocker, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[WordsWorld]:  # fmt: skip
    """The demo court system, built once for the module in a transaction rolled back at its end."""
    home = tmp_path_factory.mktemp("words")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(HOME=home, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        yield build_words_world(home / "files", timezone.localdate())
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def check(world: WordsWorld, django_db_blocker: DjangoDbBlocker) -> WordsCheck:
    with django_db_blocker.unblock():
        actions = set(AuditRecord.objects.values_list("action", flat=True).distinct())
        return WordsCheck.of(known_codes(actions), [*database_texts(), *literals()])


def literals() -> list[str]:
    """Chinese an English page writes as a court's file writes it: the interchange headers (案号 …), the layouts'
    names and the tables and headers their English descriptions name (民事一审, AH 案号 …), the Chinese way of
    writing a date a file may use, and what the refused upload below holds."""
    headers = [field.zh for field in (*CASE_FIELDS, *EVENT_FIELDS)]
    layouts = [
        text
        for name, profile in court_profiles().items()
        for text in (name, *HAN.findall(profile.description_en))
    ]
    # the statistics page's English definitions name the Chinese courts' own terms (issue 12: 结收比 …)
    terms = ["结收比", "审限内结案率", "平均审理天数", "长期未结案件", "清结率", "结案率"]
    return [*headers, *layouts, *terms, "YYYY年M月D日", *HAN.findall(BAD_UPLOAD)]


def seeds(world: WordsWorld, share: int) -> list[str]:
    """The home page, each page of the menu, and the choices of their forms a reader makes: every third of those
    choices (``share``: 0, 1 or 2), so that three roles together make them all and each walk stays short."""
    campaign = world.campaign.pk
    court = world.campaign.courts.order_by("code").values_list("code", flat=True).first()
    ledger = [f"/ledger/?status={code}" for code in (*STATUS_LABELS, "closed", "all")]
    ledger += [f"/ledger/?bucket={code}" for code in BUCKET_LABELS]
    ledger += [
        f"/ledger/?warning={code}"
        for code in WARNING_LABELS
        if code.startswith(("approaching", "age", "overdue"))
    ]
    ledger += ["/ledger/?new_backlog=1", "/ledger/?court=甘1002&status=all"]
    campaigns = [f"/campaigns/{campaign}/{query}" for query in
                 (f"?court={court}", "?missing=determinations", "?missing=plan", "?overdue_target=1",
                  f"?whatif={court}&more=1", f"?whatif={court}&more=0&close=（2099）甘1002民初1号")]  # fmt: skip
    forecast = [f"/forecast/?crossing={key}&within=90" for key in ("6", "10", "12", "18", "expiry")]
    forecast += [f"/forecast/?older={band}" for band in ("6", "12", "18")]
    audit = [
        f"/audit/?action={action}"
        for action in ("campaign_case_updated", "case_updated", "lookback_recorded")
    ]
    chosen = [
        url
        for index, url in enumerate([*ledger, *campaigns, *forecast, *audit])
        if index % SHARES == share % SHARES
    ]
    return ["/", "/ledger/", "/campaigns/", f"/campaigns/{campaign}/", "/stats/", "/forecast/", "/import/", "/audit/",
            "/holidays/", *chosen, f"/case/{world.campaign_case}/",
            f"/campaigns/{campaign}/case/{world.campaign_case}/", f"/campaigns/{campaign}/case/{world.closed_case}/"]  # fmt: skip


def download_texts(kind: str, body: bytes) -> list[str]:
    """The cells of a CSV or Excel download, the paragraphs and cells of a Word letter."""
    if "csv" in kind:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        header = rows[0] if rows else []
        machine = {index for index, name in enumerate(header) if name in EXPORT_CODE_COLUMNS}
        # the site settings' changes are told with their keys and values as the settings file writes them
        action, verbatim = (
            header.index(name) if name in header else -1 for name in ("操作 action", "变更内容 what changed")
        )
        return [cell for row in rows for index, cell in enumerate(row) if cell and index not in machine
                and not (index == verbatim and row[action] == "settings_changed")]  # fmt: skip
    if "spreadsheet" in kind:
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return [
            str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v
        ]
    if "word" in kind:
        with zipfile.ZipFile(io.BytesIO(body)) as docx:
            return visible_texts(docx.read("word/document.xml").decode())
    return []


def findings_of(check: WordsCheck, pages: Walk, role: str, language: str) -> list[Finding]:
    found: list[Finding] = []
    for url, html in pages.pages.items():
        found += check.findings(html, page=url, role=role, language=language)
    for url, (kind, body) in pages.downloads.items():
        for text in download_texts(kind, body):
            # the downloads are Chinese documents whatever the page's language (the letter, the ledger in the court's
            # layout, the audit export's headers): in English only their codes are looked for
            tokens = check.tokens(text, english=language == "en", chinese_allowed=True)
            found += (Finding(url, role, language, token, text) for token in tokens)
    return found


def refused_upload(client: Client) -> str:
    response = client.post("/import/", {"cases": SimpleUploadedFile("bad.csv", BAD_UPLOAD.encode("utf-8"))})
    assert response.status_code == 422, response.status_code
    return response.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_no_code_shows_through(
    role: Role, world: WordsWorld, check: WordsCheck, django_db_blocker: DjangoDbBlocker
) -> None:
    username = next(user.username for user in world.users if user.role == role)
    client = Client()
    found: list[Finding] = []
    with django_db_blocker.unblock():
        client.force_login(Person.objects.get(user__username=username).user)
        chinese = walk(client, seeds(world, list(Role).index(role)))
        assert not chinese.failures, chinese.failures
        assert "/" in chinese.pages and len(chinese.pages) > 8, sorted(chinese.pages)
        found += findings_of(check, chinese, role.value, "zh-hans")
        client.cookies["django_language"] = "en"
        english = Walk()
        for url in [*chinese.pages, *chinese.downloads]:
            response = client.get(url)
            body = b"".join(response) if response.streaming else response.content
            kind = response.get("Content-Type", "")
            if kind.startswith("text/html"):
                english.pages[url] = body.decode()
            else:
                english.downloads[url] = (kind, body)
        found += findings_of(check, english, role.value, "en")
        if role in (Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR):
            for language in LANGUAGES:
                client.cookies["django_language"] = language
                found += check.findings(refused_upload(client), page="/import/ (refused upload)", role=role.value,
                                        language=language)  # fmt: skip
    assert not found, report(found)


def report(found: list[Finding]) -> str:
    """One line per untranslated token: where it was first seen and on how many pages in all."""
    first: dict[tuple[str, str, str], Finding] = {}
    pages: dict[tuple[str, str, str], set[str]] = {}
    for finding in found:
        key = (finding.role, finding.language, finding.token)
        first.setdefault(key, finding)
        pages.setdefault(key, set()).add(finding.page)
    lines = [f"{first[key]} (on {len(pages[key])} page(s))" for key in first]
    return f"{len(lines)} untranslated label(s):\n" + "\n".join(lines)


def test_the_check_finds_codes_and_untranslated_chinese(check: WordsCheck) -> None:
    """The check itself: a code alone, a snake_case name, a Chinese label on an English page; data passes."""
    page = """<html><head><title>x</title><script>var closed_late = 1;</script></head><body>
      <td>phone</td><td title="closed_to_filed">1</td><p>状态：超审限</p><td>（2024）甘1002民初1号</td>
      <input type="hidden" name="q" value="on_time_rate"><a href="/ledger/?status=closed_late">Overdue</a></body></html>"""
    chinese = [f.token for f in check.findings(page, page="/x/", role="judge", language="zh-hans")]
    english = [f.token for f in check.findings(page, page="/x/", role="judge", language="en")]
    assert chinese == ["phone", "closed_to_filed"]
    assert english == ["phone", "closed_to_filed", "状态", "超审限"]
