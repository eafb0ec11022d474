"""Starting Django from the command line."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django with qingji's settings (once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qingji.server.settings")
    import django

    django.setup()


def init_database() -> int:
    """Create or migrate the tables and add the courts of rules §6.2; returns how many courts were added."""
    setup_django()
    from django.core.management import call_command

    from qingji.courts.actions import do_ensure_courts

    call_command("migrate", interactive=False, verbosity=0)
    return do_ensure_courts()
