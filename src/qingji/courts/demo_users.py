"""The demo's users: one for every role, at the courts where that role works (issue 3 §5)."""

from __future__ import annotations

from dataclasses import dataclass

from qingji.courts.actions import do_create_user, do_grant
from qingji.courts.models import Person, Role

DEMO_PASSWORD = "qingji-demo-2026"  # printed by `qingji demo`; a demo database only


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    court: str
    role: Role
    division: str | None = None
    assists: str = ""  # an assistant's judge, whose cases they see by grant


DEMO_COURT = "甘1002"  # the basic court of the demo's judge, division head and assistant


def demo_users(busiest: tuple[str, str] | None) -> list[DemoUser]:
    """A user for every role; the judge and the division head are the demo's busiest judge of DEMO_COURT and
    their division (qingji.cases.selectors.busiest_judge), when the demo has cases."""
    judge, division = busiest or ("张伟", "民一庭")
    return [
        DemoUser("shenguan", "审管办", "甘10", Role.TRIAL_MANAGEMENT),
        DemoUser("yuanzhang", "院长", "甘10", Role.PRESIDENT),
        DemoUser("fuyuanzhang", "分管副院长", "甘10", Role.VICE_PRESIDENT),
        DemoUser("duzhu", "督导组", "甘10", Role.SUPERVISION),
        DemoUser("gaoyuan", "高院查阅", "甘", Role.HIGHER_COURT_READER),
        DemoUser("admin", "系统管理员", "甘10", Role.ADMINISTRATOR),
        DemoUser("xifeng", "西峰区法院院长", DEMO_COURT, Role.PRESIDENT),
        DemoUser("tingzhang", "庭长", DEMO_COURT, Role.DIVISION_HEAD, division or "民一庭"),
        DemoUser("faguan", judge, DEMO_COURT, Role.JUDGE, division or "民一庭"),
        DemoUser("zhuli", "法官助理", DEMO_COURT, Role.ASSISTANT, division or "民一庭", assists=judge),
    ]


def ensure_demo_users(busiest: tuple[str, str] | None) -> list[DemoUser]:
    """Create the demo users that do not exist yet; returns all of them (``busiest``: as for demo_users)."""
    users = demo_users(busiest)
    existing = set(Person.objects.values_list("user__username", flat=True))
    for user in users:
        if user.username not in existing:
            do_create_user(
                user.username, DEMO_PASSWORD, name=user.name, court_code=user.court, role=user.role,
                division=user.division,
            )  # fmt: skip
            if user.assists:
                do_grant(user.username, court_code=user.court, judge=user.assists,
                         reason="协助该法官办案 / assists this judge")  # fmt: skip
    return users
