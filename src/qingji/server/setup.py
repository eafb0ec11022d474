"""Starting Django from the command line."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django with qingji's settings (once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qingji.server.settings")
    import django

    django.setup()
