"""What of QINGJI_HOME a backup holds: what a court made and qingji cannot make again.

In a backup:

- ``settings.toml``: the site settings file (or the file QINGJI_SETTINGS names, when it is in QINGJI_HOME);
- the local holiday file the settings name (``[calendar] holidays``, or QINGJI_HOLIDAYS) when it is in
  QINGJI_HOME, and ``holidays.toml`` there in any case (the holiday notices loaded on the page or by `qingji
  holidays add` are in the database);
- ``templates/``: the court's own letter templates (``templates/督办函.docx``).

Not in a backup, and why:

- the database file (and its ``-wal``, ``-shm`` and lock files): copied through SQLite's backup API instead;
- ``secret_key``: it signs logins and forms only, nothing kept; a server without it makes a new one and everyone
  signs in again — and a backup carried off the server does not carry the key that signs its logins;
- ``sessions/``: the logins, ended by a restore anyway;
- ``uploads/`` and ``import-reports/``: uploaded exports and marked copies, held a few days and then removed
  (they hold parties' names; the import records keep their names and hashes);
- ``logs/``: the log, which a backup does not need to restore the data.

Files outside QINGJI_HOME (named by QINGJI_SETTINGS, QINGJI_HOLIDAYS, QINGJI_MEASURES or the settings file; the
environment file itself) are the server's configuration: keep them with it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from qingji.backup.archive import HOME_PREFIX, aside, read_member

FILES = ("settings.toml", "holidays.toml")
DIRECTORIES = ("templates",)


def home_files(home: Path, named: Iterable[Path | None] = ()) -> list[tuple[str, Path]]:
    """The files of ``home`` a backup holds: (relative POSIX name, path), in order. ``named``: files the site's
    settings name (the settings file, the holiday file), held when they are in ``home``."""
    found = [(name, home / name) for name in FILES if (home / name).is_file()]
    for path in named:
        if path is not None and path.is_file() and path.resolve().is_relative_to(home.resolve()):
            name = path.resolve().relative_to(home.resolve()).as_posix()
            if name not in {known for known, _ in found}:
                found.append((name, path))
    for directory in DIRECTORIES:
        root = home / directory
        if root.is_dir():
            found += [
                (path.relative_to(home).as_posix(), path)
                for path in sorted(root.rglob("*"))
                if path.is_file() and not path.is_symlink()
            ]
    return found


def put_back(backup: Path, names: list[str], home: Path, stamp: str) -> list[str]:
    """Write the backup's files of QINGJI_HOME back into ``home``. A file there that differs is kept aside first,
    renamed ``<name>.before-restore-<stamp>``; returns those new names (relative). A file the backup does not
    hold is left as it is."""
    kept: list[str] = []
    for name in names:
        content = read_member(backup, HOME_PREFIX + name)
        target = home / name
        if target.is_file() and target.read_bytes() == content:
            continue
        if target.exists():
            kept_as = aside(target, stamp)
            os.rename(target, kept_as)
            kept.append(kept_as.relative_to(home).as_posix())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return kept
