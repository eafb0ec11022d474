"""Starting Django from the command line."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django with qingji's settings (once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qingji.server.settings")
    import django

    django.setup()


def init_database() -> int:
    """Create or migrate the tables and add the courts of rules §6.2; returns how many courts were added. After a
    migration the planner's statistics are computed again (a rebuilt table has none on SQLite)."""
    setup_django()
    migrate_database()
    from qingji.courts.actions import do_ensure_courts

    return do_ensure_courts()


def migrate_database() -> bool:
    """Apply the migrations not yet applied; True when there were any (then the planner's statistics are fresh)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", interactive=False, verbosity=0)
    from qingji.cases.snapshot import refresh_planner_statistics

    refresh_planner_statistics(None)  # every table: a rebuilt one has none on SQLite
    return True
