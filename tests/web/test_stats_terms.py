"""The statistics page leads with the terms Chinese courts use — 结收比, 审限内结案率, 平均审理天数, 长期未结案件,
清结率 — each with its definition on hover, in Chinese and in English; its figures are those `qingji stats --json`
gives on the same data; the monthly trend is drawn with its table; the figures that count ledger cases open the
ledger of exactly those cases (the number shown is the number the ledger lists)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from html import unescape

import pytest
import typer
from django.core.cache import cache
from django.test import Client
from typer.testing import CliRunner

from qingji.cli.stats_cmd import stats
from qingji.courts.models import Role
from qingji.web.templatetags.figures import decimal, percent

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
TERMS = ("结收比", "审限内结案率", "平均审理天数", "长期未结案件", "清结率")

app = typer.Typer()
app.command()(stats)


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def command_figures(*options: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["--as-of", "2024-12-31", "--json", *options])
    assert result.exit_code == 0, result.output
    figures: dict[str, object] = json.loads(result.stdout)
    return figures


def tile(html: str, css: str) -> str:
    found = re.search(rf'<dd class="{css}">(?:<a [^>]*>)?([^<]*)', html)
    assert found, css
    return unescape(found.group(1))


def test_the_chinese_terms_lead_with_their_definitions_on_hover(login: Login) -> None:
    html = login("甘10", Role.TRIAL_MANAGEMENT).get("/stats/").content.decode()
    chinese = html.split('<dl class="figures overall chinese">')[1].split("</dl>")[0]
    terms = re.findall(r'<dt><abbr title="([^"]+)">([^<]+)</abbr></dt>', chinese)
    assert [term for _, term in terms] == list(TERMS)
    for definition, term in terms:
        assert definition.startswith(term) or term == "长期未结案件", (term, definition)
        assert "÷" in definition or "超过12个月" in definition
    # CourTools and CEPEJ come after them, as international comparisons
    assert html.index("审判管理指标") < html.index("国际比较：CourTools 与 CEPEJ")


def test_in_english_every_term_and_definition_is_in_english(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/stats/").content.decode()
    chinese = html.split('<dl class="figures overall chinese">')[1].split("</dl>")[0]
    terms = re.findall(r'<dt><abbr title="([^"]+)">([^<]+)</abbr></dt>', chinese)
    assert [term for _, term in terms] == [
        "Closed ÷ filed", "Closed within the trial period", "Average days to close", "Long-pending cases",
        "Clearing rate of the stock carried over",
    ]  # fmt: skip
    assert all(not re.search(r"[\u4e00-\u9fff]", definition.replace("结案率", "")) for definition, _ in terms)
    # no measure key, family or standard code shows through in the text
    text = re.sub(r"<[^>]*>", "|", html)
    for code in ("on_time_rate", "closed_to_filed", "general_civil", "|civil|", "long_pending_share"):
        assert code not in text, code


def test_the_figures_are_those_of_qingji_stats(login: Login) -> None:
    html = login("甘10", Role.TRIAL_MANAGEMENT).get("/stats/").content.decode()
    figures = command_figures()
    assert tile(html, "closed-to-filed") == percent(figures["closed_to_filed"])  # type: ignore[arg-type]
    assert tile(html, "on-time-rate") == percent(figures["on_time_rate"])  # type: ignore[arg-type]
    assert tile(html, "average-days") == decimal(figures["average_days"])  # type: ignore[arg-type]
    assert tile(html, "long-pending") == str(figures["long_pending_12m"])
    assert tile(html, "clearing-rate") == percent(figures["clearing_rate"])  # type: ignore[arg-type]
    assert tile(html, "pending") == str(figures["pending"])
    assert tile(html, "overdue") == str(figures["overdue"])
    # On these cases: closed 6号 of the five filed in 2024 (20%), in time; 112 days; 3号 and 4号 over 12 months;
    # of the two pending on 2023-12-31 (3号, 4号) none closed in 2024.
    assert (figures["closed_to_filed"], figures["on_time_rate"], figures["average_days"]) == (0.2, 1.0, 112.0)
    assert (figures["long_pending_12m"], figures["carried_over"], figures["clearing_rate"]) == (2, 2, 0.0)
    # The trend's table: the command's months, each month's pending, filed and closed.
    table = html.split('<table class="grid trend">')[1].split("</table>")[0]
    rows = re.findall(
        r'<th scope="row">([0-9-]+)</th>\s*<td class="num">(?:<a [^>]*>)?(\d+)(?:</a>)?</td>\s*'
        r'<td class="num">(\d+)</td><td class="num">(\d+)</td>',
        table,
    )
    trend = figures["trend"]
    assert isinstance(trend, list)
    assert rows == [(m["month"], str(m["pending"]), str(m["filed"]), str(m["closed"])) for m in trend]
    assert len(rows) == 12 and rows[-1][0] == "2024-12"
    assert html.count('<svg class="trend"') == 1 and "<script" not in html


def test_every_ledger_link_opens_as_many_cases_as_it_shows(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    html = client.get("/stats/").content.decode()
    links = re.findall(r'<a href="(/ledger/\?[^"]+)">(\d+)</a>', html)
    assert len(links) >= 7  # pending and overdue overall and per court, and the trend's last month
    for href, shown in links:
        listed = client.get(unescape(href)).context["page"].paginator.count
        assert listed == int(shown), href


def test_on_another_date_the_figures_do_not_pretend_to_open_the_ledger(login: Login) -> None:
    html = login("甘10", Role.TRIAL_MANAGEMENT).get("/stats/?as_of=2024-06-30").content.decode()
    assert "/ledger/?" not in html


def test_a_judge_sees_their_own_figures_and_links(login: Login) -> None:
    client = login("甘1002", Role.JUDGE, name="张伟")
    html = client.get("/stats/").content.decode()
    links = re.findall(r'<a href="(/ledger/\?[^"]+)">(\d+)</a>', html)
    assert links
    for href, shown in links:
        assert client.get(unescape(href)).context["page"].paginator.count == int(shown), href
