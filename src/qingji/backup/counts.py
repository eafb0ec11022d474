"""The rows a backup counts when it is taken, and checks in its copy and again after a restore."""

from __future__ import annotations

from typing import Any, Protocol

from django.contrib.auth import get_user_model

from qingji.audit.models import AuditRecord
from qingji.cases.models import Case, CaseEvent, ImportRecord

Counts = dict[str, int]


class Cursor(Protocol):
    def execute(self, sql: str, /) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> Any: ...


def counted_tables() -> dict[str, str]:
    """What is counted, by its name in the manifest: its table."""
    return {
        "cases": Case._meta.db_table,
        "events": CaseEvent._meta.db_table,
        "audit_records": AuditRecord._meta.db_table,
        "imports": ImportRecord._meta.db_table,
        "accounts": get_user_model()._meta.db_table,
    }


def count_rows(cursor: Cursor) -> Counts:
    """The rows of each counted table, read through a DB-API ``cursor`` (SQLite or PostgreSQL)."""
    counts: Counts = {}
    for name, table in counted_tables().items():
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[name] = int(cursor.fetchone()[0])
    return counts


def applied_migrations(cursor: Cursor) -> list[str]:
    """The migrations applied, as ``app.name``, read through a DB-API ``cursor``."""
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [f"{app}.{name}" for app, name in cursor.fetchall()]


def describe(counts: Counts) -> str:
    """The counts in words, Chinese and English."""
    return (
        f"案件 {counts.get('cases', 0)} 件，事项 {counts.get('events', 0)} 项，审计记录 {counts.get('audit_records', 0)} 条，"
        f"导入记录 {counts.get('imports', 0)} 条，账户 {counts.get('accounts', 0)} 个 / {counts.get('cases', 0)} cases, "
        f"{counts.get('events', 0)} events, {counts.get('audit_records', 0)} audit records, "
        f"{counts.get('imports', 0)} imports, {counts.get('accounts', 0)} accounts"
    )
