"""What a delivery says (issue 13 "Delivery": "the markdown message carries the headline figures and a link to the
document"; docs/cadence.md "Delivery"): an e-mail to a person, a group robot's markdown post summing up a run's
messages for one court — in Chinese (they go to court staff's phones and mailboxes), from the messages' figures.

The inbox puts the same figures into words on its pages (qingji.web.inbox_labels, in the reader's language); these
texts are the outbox's own, in the cadence layer. The links are the configured ``[delivery] site_url`` and the
page's path: the inbox message, the inbox, a document's downloads (:data:`INBOX_MESSAGE_PATH` …; the web's URL
patterns give the same paths, tests/web/test_outbox_page.py). No text carries parties' names (the messages carry
case numbers); an item that did would have them masked (qingji.core.masking), for what leaves the court.

Pure: values in, strings out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from qingji.core.masking import mask_parties
from qingji.core.vocabulary import APPROACHING_PREFIX, warning_label

APP = "清积"
INBOX_PATH = "/inbox/"
INBOX_MESSAGE_PATH = "/inbox/{id}/"
DOCUMENT_PATH = "/documents/{id}/{fmt}/"  # fmt: docx | pdf
EMAIL_LISTED = 10  # items an e-mail lists; the rest are in the inbox
FOOTER = "本消息由清积系统按时发送，请勿回复。"

KIND_WORDS = {"reminder": "日提醒", "list": "周督办清单", "bulletin": "十日通报", "report": "月度报告"}
# What is due, as the inbox says it (qingji.web.home_labels' kind_… words; the warnings as the ledger says them).
DUE_WORDS = {
    "overdue": "已超审限",
    "age_10_months": "案龄满10个月",
    "step_overdue": "计划步骤逾期",
    "step_due": "计划步骤本周到期",
    "target_overdue": "已过化解期限",
    "target_due": "化解期限本周到期",
    "determinations": "四定缺项",
    "appraisal_overdue": "鉴定逾期",
}


@dataclass(frozen=True)
class Text:
    title: str  # an e-mail's subject, a robot post's title
    body: str  # plain text (e-mail) or markdown (robot)


@dataclass(frozen=True)
class Sent:
    """A message as a delivery carries it: its kind, day, figures, id, and its person's name and court's."""

    id: int
    kind: str
    on: date
    data: Mapping[str, Any]
    person: str = ""
    court: str = ""  # the person's court's code


def link(site_url: str, path: str) -> str:
    """The page's address for the reader ("" when no ``site_url`` is configured: no link)."""
    return f"{site_url.rstrip('/')}{path}" if site_url else ""


def due_word(kind: str) -> str:
    if kind.startswith(APPROACHING_PREFIX):
        return warning_label(kind)[0]
    return DUE_WORDS.get(kind, "其他事项")


def _when(item: Mapping[str, Any]) -> str:
    days = item.get("days_left")
    if not isinstance(days, int):
        return ""
    if days < 0:
        return f"逾期{-days}日"
    return "今日到期" if days == 0 else f"剩{days}日"


def _parties(item: Mapping[str, Any]) -> str:
    parties = item.get("parties")
    return f"（{mask_parties(str(parties))}）" if parties else ""


def _rate(value: object) -> str:
    return f"{float(value):.2%}" if isinstance(value, int | float) else "—"


def _counts(counts: Mapping[str, int]) -> str:
    return "，".join(f"{due_word(kind)} {n} 项" for kind, n in counts.items() if n)


def email_text(message: Sent, site_url: str) -> Text:
    """The e-mail of one message to its person."""
    kind, day, data = message.kind, message.on.isoformat(), message.data
    lines = [f"{message.person}：", ""] if message.person else []
    total = int(data.get("total", 0))
    if kind == "reminder":
        title = f"【{APP}】日提醒（{day}）：待办 {total} 项"
        lines.append(
            f"截至 {day}，你承办或协办的案件中到期与逾期的事项共 {total} 项：{_counts(data.get('counts', {}))}。"
        )
        lines += _items(data.get("items", []), total, _reminder_line)
    elif kind == "list":
        title = f"【{APP}】周督办清单（{day}）：落后案件 {total} 件"
        lines.append(
            f"截至 {day}，由你包案或督办、计划步骤逾期或已过化解期限的未结案件共 {total} 件，落后最多的在前："
        )
        lines += _items(data.get("items", []), total, _list_line)
    elif kind == "bulletin":
        name = data.get("campaign_name", "")
        title = f"【{APP}】{name}第{data.get('number', '')}期通报（{day}）"
        lines.append(f"“{name}”截至 {day} 的十日通报：")
        lines += [f"- {line}" for line in _bulletin_lines(data, message.court)]
    else:
        title = f"【{APP}】{KIND_WORDS.get(kind, kind)}（{day}）"
        lines.append(f"{KIND_WORDS.get(kind, kind)}，截至 {day}。")
    lines.append("")
    lines += _links(data, site_url, INBOX_MESSAGE_PATH.format(id=message.id), "在收件箱中查看")
    lines += ["", f"—— {FOOTER}"]
    return Text(title, "\n".join(lines))


def _items(items: Sequence[Mapping[str, Any]], total: int, line: Any) -> list[str]:
    shown = [f"{index}. {line(item)}" for index, item in enumerate(items[:EMAIL_LISTED], start=1)]
    more = total - len(shown)
    return ["", *shown, *([f"另有 {more} 项，请在收件箱中查看。"] if more > 0 else [])]


def _reminder_line(item: Mapping[str, Any]) -> str:
    due = item.get("due_on") or ""
    parts = [
        str(item.get("case_number", "")) + _parties(item),
        due_word(str(item.get("kind", ""))),
        due,
        _when(item),
    ]
    return "　".join(part for part in parts if part)


def _list_line(item: Mapping[str, Any]) -> str:
    parts = [
        str(item.get("case_number", "")) + _parties(item),
        f"承办法官 {item['judge']}" if item.get("judge") else "",
        f"化解期限 {item['target_on']}" if item.get("target_on") else "",
        f"逾期步骤 {item['step']}（{item['step_due_on']}）" if item.get("step") else "",
        f"落后 {item.get('days_over', 0)} 日",
    ]
    return "　".join(part for part in parts if part)


def _bulletin_lines(data: Mapping[str, Any], court: str) -> list[str]:
    lines = [
        f"纳入 {data.get('in_scope', 0)} 件，已结 {data.get('cleared', 0)} 件，未结 {data.get('remaining', 0)} 件，"
        f"清积率 {_rate(data.get('clearance_rate'))}；本期清结 {data.get('cleared_since', 0)} 件",
        f"超审限 {data.get('overdue', 0)} 件，审理满10个月 {data.get('ten_month', 0)} 件，"
        f"新增积案 {data.get('new_backlog', 0)} 件",
    ]
    place = data.get("places", {}).get(court) if court else None
    if place:
        rank, last, lagging = place
        note = "，被末位警示" if last else ("，落后于倒排工期计划" if lagging else "")
        lines.append(f"本院在 {data.get('ranked', 0)} 个法院中排第 {rank} 名{note}")
    if data.get("last_place"):
        lines.append(f"末位警示：{'、'.join(data['last_place'])}")
    integrity = data.get("integrity")
    if isinstance(integrity, Mapping):
        own = integrity.get("by_court", {}).get(court) if court else None
        lines.append(
            f"审限核查发现问题 {integrity.get('total', 0)} 项"
            + (f"，其中本院 {own} 项" if own is not None else "")
        )
    return lines


def _links(data: Mapping[str, Any], site_url: str, page: str, page_words: str) -> list[str]:
    if not site_url:
        return [f"请登录{APP}查看。"]
    lines = []
    document = data.get("document")
    if isinstance(document, int):
        lines += [f"下载 Word：{link(site_url, DOCUMENT_PATH.format(id=document, fmt='docx'))}",
                  f"下载 PDF：{link(site_url, DOCUMENT_PATH.format(id=document, fmt='pdf'))}"]  # fmt: skip
    return [*lines, f"{page_words}：{link(site_url, page)}"]


def robot_text(kind: str, on: date, court_name: str, messages: Sequence[Sent], site_url: str) -> Text:
    """A group robot's markdown post summing up a run's messages of one court: its headline figures and a link."""
    day = on.isoformat()
    words = KIND_WORDS.get(kind, kind)
    title = f"{words} · {day} · {court_name}"
    lines = [f"### {title}"]
    if kind == "reminder":
        counts: dict[str, int] = {}
        for message in messages:
            for due, n in message.data.get("counts", {}).items():
                counts[due] = counts.get(due, 0) + int(n)
        total = sum(int(message.data.get("total", 0)) for message in messages)
        lines += [f"- 有待办的人员：{len(messages)} 人", f"- 待办事项共 {total} 项：{_counts(counts)}"]
    elif kind == "list":
        numbers = {str(item.get("case_number")) for m in messages for item in m.data.get("items", [])}
        lines += [f"- 收到督办清单的院庭领导：{len(messages)} 人",
                  f"- 落后于计划或化解期限的案件：{len(numbers)} 件"]  # fmt: skip
    elif kind == "bulletin":
        by_campaign: dict[object, Sent] = {}
        for message in messages:
            by_campaign.setdefault(message.data.get("campaign"), message)
        for message in by_campaign.values():
            data = message.data
            lines.append(f"**{data.get('campaign_name', '')}** 第{data.get('number', '')}期")
            lines += [f"- {line}" for line in _bulletin_lines(data, message.court)]
            lines += _markdown_links(data, site_url)
    else:
        lines.append(f"- 收件人：{len(messages)} 人")
        documents = {m.data.get("document") for m in messages if isinstance(m.data.get("document"), int)}
        for document in sorted(documents):  # type: ignore[type-var]
            lines += _markdown_links({"document": document}, site_url)
    if kind in ("reminder", "list") or not site_url:
        lines.append(f"[登录{APP}查看]({link(site_url, INBOX_PATH)})" if site_url else f"请登录{APP}查看。")
    return Text(title, "\n".join(lines))


def _markdown_links(data: Mapping[str, Any], site_url: str) -> list[str]:
    document = data.get("document")
    if not site_url or not isinstance(document, int):
        return []
    return [f"[下载 Word]({link(site_url, DOCUMENT_PATH.format(id=document, fmt='docx'))}) · "
            f"[下载 PDF]({link(site_url, DOCUMENT_PATH.format(id=document, fmt='pdf'))})"]  # fmt: skip
