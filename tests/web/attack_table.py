"""What the standing attack test (test_attack.py) sends to each URL pattern: the objects its path parameters
name (PATHS: every object of its kind, and one the user may see combined with one that belongs elsewhere), the
queries (other courts, other judges) and the forged POST bodies (ATTACKS, one entry per pattern)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from attack_world import OUTSIDE, World
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from site_urls import Route

from integrity_world import plant_findings_of_every_case
from qingji.cadence.models import Delivery, Document, Message
from qingji.campaigns.models import Appraisal, CampaignCase, PlanStep, Referral, SupervisionAction
from qingji.cases.models import Case
from qingji.courts.models import Person

Data = dict[str, Any]

AS_OF = "2024-12-31"
CSV_HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"


@dataclass
class Context:
    world: World
    person: Person
    numbers: list[str]  # every case number
    visible: set[str]  # those the person may see
    courts: list[str]  # the courts with cases (the other courts in Qingyang have none), and none
    forbidden: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.forbidden = set(self.numbers) - self.visible

    def first_visible_entry(self) -> CampaignCase | None:
        entries = CampaignCase.objects.filter(campaign_id=self.world.campaigns["全省清积"])
        return entries.filter(case__case_number__in=self.visible).select_related("case").first()


def twin(number: str) -> str:
    """A number of the same court that no case has."""
    return re.sub(r"\d+号$", "9999号", number)


# Path parameters → the values to try: every object of its kind, and an object the user may see combined with
# another that belongs elsewhere.
def _entries(ctx: Context) -> list[Data]:
    pairs = {(e.campaign_id, e.case.case_number) for e in CampaignCase.objects.select_related("case")}
    pairs |= {(ctx.world.campaigns["全省清积"], number) for number in ctx.numbers}
    return [{"pk": pk, "case_number": number} for pk, number in sorted(pairs)]


def _items(ctx: Context, route: Route) -> list[Data]:
    model = Appraisal if "appraisal" in route.key else Referral
    rows = [{"pk": i.entry.campaign_id, "case_number": i.entry.case.case_number, "item": i.pk}
            for i in model.objects.select_related("entry__case")]  # fmt: skip
    own = ctx.first_visible_entry()
    if own is not None:  # the user's own case, with another case's referral or appraisal
        rows += [
            {"pk": own.campaign_id, "case_number": own.case.case_number, "item": row["item"]} for row in rows
        ]
    return rows


def _letters(ctx: Context) -> list[Data]:
    rows = list(SupervisionAction.objects.values_list("campaign_id", "pk"))
    rows += [(ctx.world.campaigns["全省清积"], pk) for _, pk in rows]
    return [{"pk": pk, "action_id": action} for pk, action in sorted(set(rows))]


def _objects(ctx: Context, route: Route) -> list[Data]:
    ids = [ctx.world.group] if "group" in route.route else ctx.world.targets
    return [{name: pk for name, _ in route.params} for pk in ids]


PATHS: dict[tuple[str, ...], Callable[[Context, Route], list[Data]]] = {
    (): lambda ctx, route: [{}],
    ("case_number",): lambda ctx, route: [{"case_number": n} for n in ctx.numbers],
    ("pk",): lambda ctx, route: [{"pk": pk} for pk in sorted(ctx.world.campaigns.values())],
    ("pk", "case_number"): lambda ctx, route: _entries(ctx),
    ("pk", "case_number", "item"): _items,
    ("pk", "action_id"): lambda ctx, route: _letters(ctx),
    ("object_id",): _objects,
    ("id",): _objects,
    ("content_type_id", "object_id"): lambda ctx, route: [
        {"content_type_id": ContentType.objects.get_for_model(User).pk, "object_id": pk}
        for pk in ctx.world.targets
    ],
    ("message",): lambda ctx, route: (
        [{"message": pk} for pk in Message.objects.values_list("pk", flat=True)] or [{"message": 1}]
    ),
    ("document", "fmt"): lambda ctx, route: [
        {"document": pk, "fmt": fmt}
        for pk in Document.objects.values_list("pk", flat=True)
        for fmt in ("docx", "pdf")
    ],
    ("delivery",): lambda ctx, route: [
        {"delivery": pk} for pk in Delivery.objects.values_list("pk", flat=True).order_by("pk")
    ],
    ("app_label",): lambda ctx, route: [{"app_label": "auth"}],
    ("url",): lambda ctx, route: [{"url": "auth/user/"}],
}


@dataclass(frozen=True)
class Attack:
    """The queries to send (each a GET), and the forged POST bodies for the path values (none: no POST)."""

    queries: Callable[[Context, Data], list[Data]] = lambda ctx, path: [{}]
    posts: Callable[[Context, Data], list[Data]] | None = lambda ctx, path: [{}]


def _courts(ctx: Context, **query: str) -> list[Data]:
    return [{**query, "court": code} for code in ctx.courts]


def _mixed(ctx: Context, path: Data) -> bool:
    """Whether the page is of the campaign of courts in and outside 甘10 (the others get plainer requests)."""
    return path.get("pk") == ctx.world.campaigns["全省清积"]


def _campaign_queries(ctx: Context, path: Data) -> list[Data]:
    if not _mixed(ctx, path):
        return [DAY]
    return [*_courts(ctx, **DAY), *({**DAY, "supervise": code, "kind": "letter"} for code in OUTSIDE)]


def _campaign_page_queries(ctx: Context, path: Data) -> list[Data]:
    """The campaign page's queries, and its what-if naming one case the user may not see of each court (one per
    number that does not exist: twin), for the user's own court and 甘1002."""
    queries = _campaign_queries(ctx, path)
    if not _mixed(ctx, path):
        return queries
    named = "\n".join(sorted({twin(n): n for n in sorted(ctx.forbidden)}.values()))
    return [*queries, *({**DAY, "whatif": code, "more": "1", "close": named, "close_by": AS_OF}
                        for code in sorted({ctx.person.court.code, "甘1002"}))]  # fmt: skip


def _forecast(ctx: Context, path: Data) -> list[Data]:
    """The forecast page and the lists behind its counts: every kind, every court, judge and division."""
    lists = [*({"crossing": key, "within": "90"} for key in ("6", "10", "12", "18", "expiry")),
             *({"older": band} for band in ("6", "12", "18"))]  # fmt: skip
    return [DAY, *({**DAY, **query} for query in lists), *_courts(ctx, **DAY, crossing="12", within="90"),
            *_courts(ctx, **DAY, older="6"),
            *({**DAY, "crossing": "6", "level": "judge", "judge": judge} for judge in _judges()),
            *({**DAY, "crossing": "12", "level": "division", "division": d} for d in ("民一庭", "民二庭", ""))]  # fmt: skip


def _supervision(ctx: Context, path: Data) -> list[Data]:
    courts = ctx.courts if _mixed(ctx, path) else [OUTSIDE[1]]
    return [{"court": code, "kind": "letter", "on": AS_OF, "by": "攻击者"} for code in courts]


def _foreign_steps(ctx: Context) -> list[Data]:
    steps = PlanStep.objects.exclude(entry__case__case_number__in=ctx.visible).values_list("pk", flat=True)
    return [{"action": "step_done", "step": str(pk)} for pk in steps]


def _case_forms(ctx: Context, path: Data) -> list[Data]:
    entry = {"action": "entry", "responsible": "攻击者", "target_on": "2024-12-01", "reason": "other"}
    if path["case_number"] not in ctx.visible:
        return [entry]  # someone else's case: a plain change is enough
    own = ctx.first_visible_entry()
    if own is None or (own.campaign_id, own.case.case_number) != (path["pk"], path["case_number"]):
        return [entry, {"action": "step", "due_on": "2024-12-01", "description": "攻击"}]
    return [entry, *_foreign_steps(ctx)]  # the user's own case, marking other cases' steps done


def _new_campaigns(ctx: Context, path: Data) -> list[Data]:
    rule = {"name": "攻击", "start": "2024-09-02", "target": AS_OF, "scope": "rule", "older_than_months": "6"}
    listed = {**rule, "scope": "list", "older_than_months": ""}
    return [*({**rule, "name": f"攻击{code}", "courts": [code]} for code in ctx.courts),
            *({**listed, "scope_file": ("清单.csv", f"案号\n{n}\n".encode())} for n in sorted(ctx.forbidden))]  # fmt: skip


def _imports(ctx: Context, path: Data) -> list[Data]:
    rows = [f"{n},,普通程序,攻击,2023-01-01,,,攻击者,民一庭,,攻击\n" for n in sorted(ctx.forbidden)]
    return [{"cases": ("cases.csv", (CSV_HEADER + row).encode())} for row in rows]


def _prefixed(kind: str, fields: Data) -> Callable[[Context, Data], list[Data]]:
    return lambda ctx, path: [{f"{kind}-{path['item']}-{name}": value for name, value in fields.items()}]


def _user_change(ctx: Context, path: Data) -> list[Data]:
    user = path.get("object_id") or path.get("id")
    return [{"username": f"hijacked{user}", "is_active": "on", "is_staff": "on", "is_superuser": "on"}]


def _integrity(ctx: Context, path: Data, **query: str) -> list[Data]:
    """The integrity page's filters over findings of every case, judge and court (planted once), each naming
    other cases of its court."""
    plant_findings_of_every_case()
    return [query, *_courts(ctx, **query), *({**query, "judge": judge} for judge in _judges()),
            *({**query, "check": check} for check in ("withdraw_refile", "outlier_share"))]  # fmt: skip


DAY = {"as_of": AS_OF}
NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日至3日放假。\n二、劳动节：5月1日至5日放假。\n三、国庆节：10月1日至7日放假。\n"
NO_POST = None  # the page takes no POST that can be forged (or one that would end the session)
# fmt: off
ATTACKS: dict[str, Attack] = {
    "web:home": Attack(),
    "web:login": Attack(),
    "web:logout": Attack(posts=NO_POST),
    "web:set_language": Attack(),
    "web:ledger": Attack(queries=lambda ctx, path: [*_courts(ctx, status="all"),
                                              *({"status": "all", "judge": j} for j in _judges()),
                                              *({"status": "all", "judge": j[:1]} for j in _judges()),
                                              {"status": "all", "q": "民"}, {"status": "all", "q": "甘"},
                                              {"status": "all", "warning": "overdue"}, {"new_backlog": "1"},
                                              {"status": "all", "type": "民初"}, {"division": "民一庭"},
                                              *_courts(ctx, status="all", warning="overdue")]),
    "web:ledger_export": Attack(queries=lambda ctx, path: [*_courts(ctx, status="all", format="csv"),
                                                     {"status": "all", "q": "民", "format": "csv"},
                                                     {"status": "all", "warning": "overdue", "format": "csv"},
                                                     {"status": "all", "format": "xlsx"}]),
    "web:case": Attack(),
    "web:import": Attack(posts=_imports),
    "web:import_report": Attack(),
    "web:audit": Attack(queries=lambda ctx, path: [*_courts(ctx), {"object_id": "民"}, {"action": "case_created"}]),
    "web:audit_export": Attack(queries=lambda ctx, path: [*_courts(ctx), {"object_id": "号"}]),
    "web:stats": Attack(queries=lambda ctx, path: _courts(ctx, **DAY)),
    "web:forecast": Attack(queries=_forecast, posts=NO_POST),
    "web:integrity": Attack(queries=_integrity, posts=NO_POST),
    "web:integrity_export": Attack(queries=lambda ctx, path: [*_integrity(ctx, path, format="csv"), {"format": "xlsx"}],
                                   posts=NO_POST),
    "web:inbox": Attack(posts=NO_POST),
    "web:inbox_message": Attack(posts=NO_POST),
    "web:documents": Attack(posts=NO_POST),
    "web:document_file": Attack(posts=NO_POST),
    "web:outbox": Attack(posts=NO_POST),
    "web:outbox_retry": Attack(),  # each court's failed delivery sent again: by the office of its court alone
    "web:holidays": Attack(posts=lambda ctx, path: [{"text": NOTICE_2027, "confirm": "1"}, {"text": NOTICE_2027}]),
    "web:campaigns": Attack(posts=_new_campaigns),
    "web:campaign": Attack(queries=_campaign_page_queries, posts=_supervision),
    "web:campaign_case": Attack(posts=_case_forms),
    "web:campaign_letter": Attack(posts=NO_POST),
    "web:campaign_print": Attack(queries=_campaign_queries, posts=NO_POST),
    "web:campaign_determinations_export": Attack(queries=_campaign_queries, posts=NO_POST),
    "web:campaign_ranking_export": Attack(queries=lambda ctx, path: [DAY], posts=NO_POST),
    "web:campaign_new_backlog": Attack(queries=_campaign_queries, posts=NO_POST),
    "web:campaign_green_channel": Attack(queries=lambda ctx, path: [DAY]),
    "web:campaign_appraisals": Attack(queries=lambda ctx, path: [DAY]),
    "web:campaign_lookback": Attack(queries=lambda ctx, path: [DAY]),
    "web:case_referral_add": Attack(posts=lambda ctx, path: [
        {"body": "committee", "referred_on": "2024-12-01", "referred_by": "攻击者"}]),
    "web:case_referral_update": Attack(posts=_prefixed("referral", {
        "held_on": "2024-12-01", "outcome": "攻击", "decided_on": "2024-12-01"})),
    "web:case_appraisal_add": Attack(posts=lambda ctx, path: [
        {"agency": "攻击", "requested_on": "2024-12-01", "due_on": AS_OF}]),
    "web:case_appraisal_update": Attack(posts=_prefixed("appraisal", {
        "agency": "攻击", "due_on": AS_OF, "received_on": "2024-12-01"})),
    "web:case_lookback": Attack(posts=lambda ctx, path: [
        {"reviewed_on": "2024-12-01", "reviewer": "攻击者", "finding": "攻击", "verdict": "problem", "problem": "x"}]),
    "web:favicon": Attack(),
    "admin:index": Attack(),
    "admin:login": Attack(),
    "admin:logout": Attack(posts=NO_POST),
    "admin:password_change": Attack(),
    "admin:password_change_done": Attack(),
    "admin:autocomplete": Attack(queries=lambda ctx, path: [{"app_label": "auth", "model_name": "user",
                                                       "field_name": "groups", "term": ""}]),
    "admin:jsi18n": Attack(),
    "admin:view_on_site": Attack(posts=NO_POST),
    "admin:auth_user_password_change": Attack(posts=lambda ctx, path: [
        {"password1": "Hijack-pass-9876", "password2": "Hijack-pass-9876", "usable_password": "true"}]),
    "admin:auth_user_changelist": Attack(
        queries=lambda ctx, path: [{}, {"q": "甘"}],
        posts=lambda ctx, path: [{"action": "delete_selected", "post": "yes",
                                  "_selected_action": [str(pk) for pk in ctx.world.targets]}]),
    "admin:auth_user_add": Attack(posts=NO_POST),  # a new account belongs to no court
    "admin:auth_user_history": Attack(),
    "admin:auth_user_delete": Attack(posts=lambda ctx, path: [{"post": "yes"}]),
    "admin:auth_user_change": Attack(posts=_user_change),
    "admin/auth/user/<path:object_id>/": Attack(),
    # Groups belong to no court (roles, not groups, decide what a user sees): not attacked for rows.
    "admin:auth_group_changelist": Attack(),
    "admin:auth_group_add": Attack(posts=NO_POST),
    "admin:auth_group_history": Attack(),
    "admin:auth_group_delete": Attack(posts=NO_POST),
    "admin:auth_group_change": Attack(posts=NO_POST),
    "admin/auth/group/<path:object_id>/": Attack(),
    "admin:app_list": Attack(),
    "admin/(?P<url>.*)$": Attack(),
}
# fmt: on


def _judges() -> list[str]:
    return sorted(set(Case.objects.values_list("judge", flat=True)))
