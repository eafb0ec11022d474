"""A court's own header profiles, from the ``[profiles.NAME]`` tables of the site settings file (TOML; issue 11).

:func:`parse_profiles` reads them and refuses, with :class:`ProfileError`, anything it cannot use: an unknown key,
a column that is not an interchange column, a court column mapped twice, a value that does not stand for a value
of its column (适用程序 that is no procedure), a kind with an unknown case type. Each error names the file, the key,
the value and the reason, in Chinese and English. docs/profiles.md shows a profile written out::

    [profiles.某院审判系统]
    description = "某院审判管理系统导出的案件表"
    base = "数据中心"                      # start from a profile: its columns, values, kinds …
    unused = ["GDRQ"]                      # columns of the export qingji does not read
    optional = ["适用程序"]                 # interchange columns a table may lack

    [profiles.某院审判系统.columns]         # interchange column = the court's column(s), the first present read
    结案方式 = "JAFS"
    案由 = ["LAAYMC", "AY"]

    [profiles.某院审判系统.values.JAFS]     # the court's values of a column, and what each stands for
    "1" = "判决"
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from qingji.core.courts import COURTS_BY_CODE
from qingji.core.events import parse_event_type
from qingji.core.procedures import parse_procedure
from qingji.core.typecodes import TYPE_CODES_BY_CODE
from qingji.interchange.builtin_profiles import BUILTIN_PROFILES
from qingji.interchange.header_profile import HeaderProfile, TableKind
from qingji.interchange.headers import CASE_FIELDS, EVENT_FIELDS, Field, header_key
from qingji.interchange.values import BOOLEAN_WORDS

_KEYS = (
    "description",
    "description_en",
    "base",
    "columns",
    "event_columns",
    "values",
    "optional",
    "unused",
    "kinds",
)
# The interchange columns whose values a profile may translate, and what a translation must be.
_NO_VALUES = frozenset({"case_number", "filed_on", "closed_on", "cms_expiry", "start", "end", "approved_on"})


class ProfileError(ValueError):
    """A header profile in the site settings that cannot be used: the file, the key, the value and why."""

    def __init__(self, source: str, key: str, value: object, reason_zh: str, reason_en: str) -> None:
        shown = value if isinstance(value, str) else repr(value)
        super().__init__(
            f"{source}：[{key}] = {shown}：{reason_zh} / {source}: [{key}] = {shown}: {reason_en}"
        )
        self.source = source
        self.key = key
        self.value = value
        self.reason_zh = reason_zh
        self.reason_en = reason_en


def parse_profiles(
    tables: Mapping[str, object], source: str, builtin: Mapping[str, HeaderProfile] | None = None
) -> dict[str, HeaderProfile]:
    """The court's profiles in ``tables`` (the ``profiles`` table of the settings file ``source``), by name.

    A profile may be built on (``base``) one of ``builtin`` (the built-in profiles unless given) or on another of
    the court's profiles. Raises :class:`ProfileError` on the first thing that cannot be used.
    """
    if builtin is None:
        builtin = BUILTIN_PROFILES
    if not isinstance(tables, Mapping):
        raise ProfileError(
            source, "profiles", tables, "应为表（[profiles.名称]）", "expected tables [profiles.NAME]"
        )
    parsed: dict[str, HeaderProfile] = {}
    pending = dict(tables)

    def resolve(name: str, chain: tuple[str, ...]) -> HeaderProfile:
        if name in parsed:
            return parsed[name]
        if name in chain:
            raise ProfileError(
                source,
                f"profiles.{name}.base",
                name,
                "版式的 base 循环引用自身",
                "the profiles' bases form a cycle",
            )
        body = pending[name]
        base_name = _base_name(source, name, body)
        assert isinstance(body, Mapping)
        base = None
        if base_name:
            if base_name in builtin:
                base = builtin[base_name]
            elif base_name in pending:
                base = resolve(base_name, (*chain, name))
            else:
                known = "、".join([*builtin, *pending])
                raise ProfileError(
                    source,
                    f"profiles.{name}.base",
                    base_name,
                    f"没有这个版式（可用：{known}）",
                    f"no such profile (known: {known})",
                )
        parsed[name] = _profile(source, name, body, base)
        return parsed[name]

    for name in pending:
        if name in builtin:
            raise ProfileError(
                source,
                f"profiles.{name}",
                name,
                "与内置版式同名：请另取名称，并用 base 以内置版式为基础",
                "the name of a built-in profile: choose another name, and use base to start from the built-in",
            )
        if not name.strip():
            raise ProfileError(source, "profiles", name, "版式名称不能为空", "a profile needs a name")
        resolve(name, ())
    return {name: parsed[name] for name in pending}


def _base_name(source: str, name: str, body: object) -> str:
    """The profile ``body`` is built on, if any (``body`` checked to be a table)."""
    if not isinstance(body, Mapping):
        raise ProfileError(
            source,
            f"profiles.{name}",
            body,
            "应为表（[profiles.名称] 下的各项）",
            "expected a table of settings",
        )
    base = body.get("base", "")
    if not isinstance(base, str):
        raise ProfileError(
            source, f"profiles.{name}.base", base, "应为版式名称（文字）", "expected a profile's name"
        )
    return base


def _profile(source: str, name: str, body: Mapping[str, Any], base: HeaderProfile | None) -> HeaderProfile:
    at = f"profiles.{name}"
    for key in body:
        if key not in _KEYS:
            raise ProfileError(
                source,
                f"{at}.{key}",
                body[key],
                f"未知的设置项（可用：{'、'.join(_KEYS)}）",
                f"unknown key (known: {', '.join(_KEYS)})",
            )
    description = _text(
        source, f"{at}.description", body.get("description", base.description if base else None)
    )
    description_en = body.get("description_en", description if base is None else base.description_en)
    description_en = _text(source, f"{at}.description_en", description_en)
    cases = {
        **(base.cases if base else {}),
        **_columns(source, f"{at}.columns", body.get("columns", {}), CASE_FIELDS),
    }
    events = (
        _columns(source, f"{at}.event_columns", body["event_columns"], EVENT_FIELDS)
        if "event_columns" in body
        else (base.events if base else None)
    )
    for role, mapping, fields in (
        ("columns", cases, CASE_FIELDS),
        ("event_columns", events or {}, EVENT_FIELDS),
    ):
        _check_mapping(source, f"{at}.{role}", mapping, fields)
    optional = (base.optional if base else frozenset()) | _optional(
        source, f"{at}.optional", body.get("optional", [])
    )
    mapped = {
        header_key(column) for columns in [*cases.values(), *(events or {}).values()] for column in columns
    }
    unused = tuple(
        column
        for column in dict.fromkeys(
            [
                *(base.unused if base else ()),
                *_names(source, f"{at}.unused", body.get("unused", []), empty=True),
            ]
        )
        if header_key(column) not in mapped
    )
    values = {**(base.values if base else {})}
    for header, table in _values(source, f"{at}.values", body.get("values", {}), cases, events or {}).items():
        values[header] = {**values.get(header, {}), **table}
    kinds = {kind.name: kind for kind in (base.kinds if base else ())}
    kinds.update(_kinds(source, f"{at}.kinds", body.get("kinds", {})))
    return HeaderProfile(
        name=name,
        description=description,
        description_en=description_en,
        cases=cases,
        events=events,
        values=values,
        optional=optional,
        unused=unused,
        kinds=tuple(kinds.values()),
        source=source,
        base=base.name if base else "",
    )


def _text(source: str, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(source, key, value, "应为非空的文字", "expected a text that is not empty")
    return value.strip()


def _names(source: str, key: str, value: object, *, empty: bool = False) -> list[str]:
    """A column name or a list of them (an empty list when ``empty``)."""
    items = [value] if isinstance(value, str) else value
    if (
        not isinstance(items, list)
        or not (items or empty)
        or not all(isinstance(item, str) and item.strip() for item in items)
    ):
        raise ProfileError(
            source,
            key,
            value,
            '应为列名或列名的列表（如 "AH" 或 ["LAAYMC", "AY"]）',
            'expected a column name or a list of them ("AH" or ["LAAYMC", "AY"])',
        )
    return [item.strip() for item in items]


def _field(source: str, key: str, name: str, fields: Sequence[Field]) -> Field:
    """The interchange field called ``name`` (its Chinese header or its code name)."""
    for item in fields:
        if header_key(name) in (header_key(item.zh), header_key(item.key)):
            return item
    known = "、".join(item.zh for item in fields)
    raise ProfileError(
        source,
        key,
        name,
        f"不是交换格式的列（应为 {known} 之一）",
        f"not an interchange column (expected one of {known})",
    )


def _columns(source: str, key: str, value: object, fields: Sequence[Field]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ProfileError(
            source,
            key,
            value,
            "应为表：交换格式的列 = 法院的列",
            "expected a table: interchange column = the court's column",
        )
    columns: dict[str, tuple[str, ...]] = {}
    for name, names in value.items():
        item = _field(source, f"{key}.{name}", name, fields)
        columns[item.key] = tuple(_names(source, f"{key}.{name}", names))
    return columns


def _check_mapping(
    source: str, key: str, mapping: Mapping[str, tuple[str, ...]], fields: Sequence[Field]
) -> None:
    """Every required interchange column mapped; no court column mapped to two interchange columns."""
    if not mapping and key.endswith("event_columns"):
        return
    for item in fields:
        if item.required and item.key not in mapping:
            raise ProfileError(
                source,
                key,
                "",
                f"缺少必需的列 {item.zh} 的对应",
                f"the required column {item.zh} is not mapped",
            )
    owner: dict[str, str] = {}
    for field_key, names in mapping.items():
        for name in names:
            first = owner.setdefault(header_key(name), field_key)
            if first != field_key:
                zh = {item.key: item.zh for item in fields}
                raise ProfileError(
                    source,
                    key,
                    name,
                    f"同一列不能对应两个交换格式的列（{zh[first]} 和 {zh[field_key]}）",
                    f"one column cannot give two interchange columns ({zh[first]} and {zh[field_key]})",
                )


def _optional(source: str, key: str, value: object) -> frozenset[str]:
    keys = set()
    for name in _names(source, key, value, empty=True):
        item = _field(source, key, name, [*CASE_FIELDS, *EVENT_FIELDS])
        if item.required:
            raise ProfileError(
                source, key, name, "必需的列不能列为可缺", "a required column cannot be optional"
            )
        keys.add(item.key)
    return frozenset(keys)


def _values(
    source: str,
    key: str,
    value: object,
    cases: Mapping[str, tuple[str, ...]],
    events: Mapping[str, tuple[str, ...]],
) -> dict[str, dict[str, str]]:
    """The value tables, by the court column's :func:`header_key`, each checked against its interchange column."""
    if not isinstance(value, Mapping):
        raise ProfileError(source, key, value, "应为表：[values.法院的列]", "expected tables [values.COLUMN]")
    owners = {
        header_key(name): (field_key, fields)
        for mapping, fields in ((cases, CASE_FIELDS), (events, EVENT_FIELDS))
        for field_key, names in mapping.items()
        for name in names
    }
    tables: dict[str, dict[str, str]] = {}
    for column, table in value.items():
        at = f"{key}.{column}"
        owner = owners.get(header_key(column))
        if owner is None:
            raise ProfileError(
                source,
                at,
                column,
                "该列没有在 columns 或 event_columns 中对应任何交换格式的列",
                "the column gives no interchange column (in columns or event_columns)",
            )
        field_key, fields = owner
        zh = next(item.zh for item in fields if item.key == field_key)
        if field_key in _NO_VALUES:
            raise ProfileError(
                source,
                at,
                column,
                f"{zh}列不能有对照表（只有文字列可以）",
                f"the {zh} column cannot have a table of values",
            )
        if not isinstance(table, Mapping) or not table:
            raise ProfileError(
                source, at, table, "应为表：法院的值 = 交换格式的值", "expected a table: court value = value"
            )
        check = _TARGETS.get(field_key)
        tables[header_key(column)] = {}
        for court_value, meant in table.items():
            if not isinstance(meant, str):
                raise ProfileError(source, f"{at}.{court_value}", meant, "应为文字", "expected a text")
            if check is not None and meant.strip() and not check(meant):
                raise ProfileError(
                    source,
                    f"{at}.{court_value}",
                    meant,
                    f"不是{zh}能取的值",
                    f"not a value of {zh} ({field_key})",
                )
            tables[header_key(column)][court_value.strip()] = meant.strip()
    return tables


def _kinds(source: str, key: str, value: object) -> dict[str, TableKind]:
    if not isinstance(value, Mapping):
        raise ProfileError(
            source, key, value, "应为表：表的类别 = [类型代字 …]", "expected a table: kind = [type codes]"
        )
    kinds: dict[str, TableKind] = {}
    for name, codes in value.items():
        listed = _names(source, f"{key}.{name}", codes)
        for code in listed:
            if code not in TYPE_CODES_BY_CODE:
                raise ProfileError(
                    source,
                    f"{key}.{name}",
                    code,
                    "不是已知的类型代字（如 民初、刑初、执）",
                    "not a known case type (e.g. 民初, 刑初, 执)",
                )
        kinds[name] = TableKind(name, tuple(listed))
    return kinds


def _known_court(text: str) -> bool:
    return text in COURTS_BY_CODE or any(court.name == text for court in COURTS_BY_CODE.values())


_TARGETS: dict[str, Callable[[str], bool]] = {
    "procedure": lambda text: parse_procedure(text) is not None,
    "in_custody": lambda text: text.strip().lower() in BOOLEAN_WORDS,
    "court": _known_court,
    "event": lambda text: parse_event_type(text) is not None,
}
