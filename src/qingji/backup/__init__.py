"""Backup and restore of a court's installation (issue 11, docs/operations.md "Backup and restore"):
`qingji backup --out FILE` and `qingji restore FILE`.

A backup is one ZIP file:

- ``qingji-backup.json``, the manifest (:mod:`.archive`): that it is a qingji backup and of which version, when
  and by whom it was made, the database engine, the counts of cases, events, audit records, imports and accounts
  as they were when the copy was taken, the migrations applied, and the files of QINGJI_HOME it holds;
- ``database/qingji.sqlite3`` (SQLite, :mod:`.sqlite`: a copy through SQLite's online backup API, taken while
  the server may run) or ``database/qingji.pgdump`` (PostgreSQL, :mod:`.postgres`: ``pg_dump --format=custom``);
- ``home/…``: what lives in QINGJI_HOME that cannot be made again (:mod:`.home_files`): the site settings file
  ``settings.toml`` and the court's own letter templates (``templates/``).

Each copy is read back before the backup is written (SQLite: ``PRAGMA integrity_check`` and the counts; the
PostgreSQL archive: its table of contents and the rows of each counted table), and again before a restore
replaces anything. :mod:`.actions` holds the two actions the commands run.
"""
