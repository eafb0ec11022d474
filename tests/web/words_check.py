"""The words check (docs/pages.md "Words"): what a page shows a reader, and the codes that must never be in it.

A page's visible text is its text nodes (scripts and styles left out) and the attributes a reader sees (title, alt,
placeholder, aria-label, a button's value); form values and links are left out: they are the data a user typed,
and addresses. In that text, a code is a snake_case token (``closed_to_filed``) or a value a code holds — a model's
choice, an enum of qingji.core, an engine key, an audit action — standing alone where a word is due. On an English
page, Chinese is allowed only as data (court and person names, causes, case numbers, what a user wrote: every text
the database holds) — a Chinese label there is a word left untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from html.parser import HTMLParser
from types import ModuleType

from django.apps import apps
from django.db import models

from qingji.core import events, periods, procedures, typecodes, vocabulary
from qingji.core.scores import DEFAULT_SCORE_WEIGHTS
from qingji.courts.models import Role
from qingji.engine.scores import INPUT_COUNTS
from qingji.engine.summary import SUMMARY_COLUMNS
from qingji.web import labels as lb
from qingji.web.choice_labels import VOCABULARIES

VISIBLE_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label"})
HIDDEN_ELEMENTS = frozenset({"script", "style", "textarea"})  # a textarea holds what a user wrote
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
SNAKE = re.compile(r"(?<![\w./\\-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/\\-])")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
CASE_NUMBER = re.compile(r"[（(]\d{4}[）)][^\s，。；、]*?号")
# Codes that are also plain words of a page in either language (a ledger status "all" is the word "All").
PLAIN_WORDS = frozenset({"all", "other", "list", "rule", "csv", "xlsx", "excel"})


@dataclass(frozen=True)
class Finding:
    page: str
    role: str
    language: str
    token: str
    text: str  # the text it was found in

    def __str__(self) -> str:
        return f"{self.page} · {self.role} · {self.language}: {self.token!r} in “{self.text[:120]}”"


VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                           "track", "wbr"})  # fmt: skip


class _Visible(HTMLParser):
    """The visible texts of a page, each with the language its element says it is in (``lang``, inherited)."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[tuple[str, str]] = []
        self._open: list[tuple[str, str, bool]] = [("", language, False)]  # tag, language, hidden

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _, language, hidden = self._open[-1]
        values = dict(attrs)
        language = values.get("lang") or language
        # translate="no": written as a file writes it (the site settings' keys and values on the audit page)
        verbatim = values.get("translate") == "no"
        if tag not in VOID_ELEMENTS:
            self._open.append((tag, language, hidden or tag in HIDDEN_ELEMENTS or verbatim))
        if hidden:
            return
        self.texts += [(value, language) for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]
        if tag == "input" and values.get("type") in BUTTON_INPUTS and values.get("value"):
            self.texts.append((str(values["value"]), language))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for index in range(
            len(self._open) - 1, 0, -1
        ):  # an element left open by the page closes with its parent
            if self._open[index][0] == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        _, language, hidden = self._open[-1]
        if not hidden and data.strip():
            self.texts.append((data.strip(), language))


def visible_texts(html: str, language: str = "") -> list[str]:
    """The visible text of a page, node by node."""
    return [text for text, _ in marked_texts(html, language)]


def marked_texts(html: str, language: str) -> list[tuple[str, str]]:
    """The visible text of a page, node by node, each with its language (``lang`` of its element, else
    ``language``)."""
    parser = _Visible(language)
    parser.feed(html)
    parser.close()
    return parser.texts


def _enum_values(*modules: ModuleType) -> set[str]:
    values = set()
    for module in modules:
        for item in vars(module).values():
            if isinstance(item, type) and issubclass(item, Enum) and item.__module__ == module.__name__:
                values |= {str(member.value) for member in item if isinstance(member.value, str)}
    return values


def _choice_values() -> set[str]:
    values = set()
    for model in apps.get_app_configs():
        if not model.name.startswith("qingji"):
            continue
        for model_class in model.get_models():
            for model_field in model_class._meta.get_fields():
                if isinstance(model_field, models.Field) and model_field.choices:
                    values |= {
                        str(value) for value, _ in model_field.flatchoices if isinstance(value, str) and value
                    }
    return values


def known_codes(more: Iterable[str] = ()) -> frozenset[str]:
    """Every code a page could let through: models' choices, qingji.core's enums, the engine's keys (scores and
    their inputs), the audit actions, and ``more`` (the actions found in the database)."""
    codes = _choice_values() | _enum_values(vocabulary, procedures, events, periods, typecodes)
    codes |= set(Role.values) | set(lb.AUDIT_ACTION_LABELS) | set(INPUT_COUNTS) | set(more)
    codes |= {weight.measure for weight in DEFAULT_SCORE_WEIGHTS}
    return frozenset(code for code in codes if WORD.fullmatch(code) and code.lower() not in PLAIN_WORDS)


def english_words() -> frozenset[str]:
    """The English of every label table: a text that is one of them is a word, even when a code is spelt alike."""
    pairs = [*lb.TEXTS.values(), *vocabulary.STATUS_LABELS.values(), *vocabulary.BUCKET_LABELS.values(),
             *vocabulary.WARNING_LABELS.values(), *lb.AUDIT_ACTION_LABELS.values()]  # fmt: skip
    pairs += [pair for table in VOCABULARIES.values() for pair in table.values()]
    pairs += list(SUMMARY_COLUMNS.values())
    words = {english for _, english in pairs}
    words |= {*lb.EVENT_TYPE_ENGLISH.values(), *(p.label_en.capitalize() for p in procedures.Procedure)}
    return frozenset(word.strip().lower() for word in words)


@dataclass
class WordsCheck:
    """The check of one site: its codes, its English words and the texts its database holds (data)."""

    codes: frozenset[str]
    english: frozenset[str]
    data: dict[str, list[str]]  # the data of two characters or more by their first two, longest first
    whole: frozenset[str]  # every datum (a text that is one of them is data: a court code 甘)
    _cleaned: dict[str, str] = field(
        default_factory=dict
    )  # text → without its data (pages repeat their texts)

    @classmethod
    def of(cls, codes: frozenset[str], data: Iterable[str]) -> WordsCheck:
        texts = {text.strip() for text in data if text and HAN.search(text)}
        by_start: dict[str, list[str]] = {}
        for text in sorted((text for text in texts if len(text) > 1), key=len, reverse=True):
            by_start.setdefault(text[:2], []).append(text)
        return cls(codes, english_words(), by_start, frozenset(texts))

    def findings(self, html: str, *, page: str, role: str, language: str) -> Iterator[Finding]:
        for text, marked in marked_texts(html, language):
            # A text marked as Chinese (lang="zh-Hans": the language button's 中文) is meant to be Chinese.
            english = language == "en" and not marked.lower().startswith("zh")
            for token in self.tokens(text, english=english):
                yield Finding(page, role, language, token, text)

    def tokens(self, text: str, *, english: bool, chinese_allowed: bool = False) -> Iterator[str]:
        """The codes in one visible text, and on an English page the Chinese that is not data (unless
        ``chinese_allowed``: a download that is a Chinese document in any language, as the supervision letter)."""
        seen = set()
        for match in SNAKE.finditer(text):
            seen.add(match.group())
            yield match.group()
        bare = text.strip(" :：,，;；.。()（）[]【】·-—|/")
        if english:
            if bare in self.codes and bare.lower() not in self.english and bare not in seen:
                yield bare
            if not chinese_allowed:
                yield from self.untranslated(text)
        else:
            for match in WORD.finditer(self.without_data(text)):
                word = match.group()
                if word in self.codes and word not in seen:
                    yield word

    def untranslated(self, text: str) -> Iterator[str]:
        """The Chinese of ``text`` that is not data: what is left once the database's texts and case numbers are
        taken out."""
        if not HAN.search(text):
            return
        yield from (part for part in HAN.findall(self.without_data(text)) if part not in self.whole)

    def without_data(self, text: str) -> str:
        """``text`` without the database's texts and case numbers in it (a grant's reason may say "assists this
        judge": a word of the data, not a code)."""
        if not HAN.search(text) or text.strip() in self.whole:
            return "" if text.strip() in self.whole else text
        if text not in self._cleaned:
            rest = CASE_NUMBER.sub(" ", text)
            starts = {rest[i : i + 2] for i in range(len(rest) - 1)}
            found = [item for start in starts for item in self.data.get(start, ()) if item in rest]
            for item in sorted(found, key=len, reverse=True):
                rest = rest.replace(item, " ")
            self._cleaned[text] = rest
        return self._cleaned[text]


def database_texts() -> Iterator[str]:
    """Every text the database holds in the tables the pages show (the data a page may show in Chinese in any
    language): names, causes, plans, what a user wrote; JSON fields' texts too."""
    for config in apps.get_app_configs():
        if not config.name.startswith("qingji"):
            continue
        for model in config.get_models():
            names = [
                model_field.name
                for model_field in model._meta.get_fields()
                if isinstance(model_field, models.CharField | models.TextField) and not model_field.choices
            ]
            if names:
                for row in model._default_manager.values_list(*names):
                    yield from (value for value in row if isinstance(value, str))
