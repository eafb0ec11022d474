"""The backup file: a ZIP archive with its manifest, the database copy and files of QINGJI_HOME.

:func:`write_archive` writes it beside its destination and renames it into place once complete, so that a file
at the destination is always a whole backup; :func:`read_manifest` refuses a file that is not a qingji backup
(not a ZIP, no manifest, another format or version, a member out of place) with :class:`BackupRefused`.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from qingji.backup.counts import Counts

FORMAT = "qingji-backup"
VERSION = 1
MANIFEST = "qingji-backup.json"
SQLITE_MEMBER = "database/qingji.sqlite3"
PG_MEMBER = "database/qingji.pgdump"
HOME_PREFIX = "home/"
ENGINES = {"sqlite": SQLITE_MEMBER, "postgresql": PG_MEMBER}


class BackupRefused(Exception):
    """A file qingji does not restore (or a copy that failed its check), with the reason in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(f"{zh} / {en}")


class BackupFailed(Exception):
    """A backup or restore that could not be done (a tool missing, a file that cannot be written), in Chinese and
    English; nothing was replaced."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(f"{zh} / {en}")


@dataclass(frozen=True)
class Manifest:
    """What a backup holds and what it was when taken."""

    engine: str  # sqlite or postgresql
    made_at: str  # ISO time, with its offset
    made_by: str
    qingji_version: str
    counts: Counts
    migrations: list[str]  # "app.name" of every migration applied
    home: list[str] = field(default_factory=list)  # files of QINGJI_HOME, relative, POSIX
    format: str = FORMAT
    version: int = VERSION

    @property
    def database(self) -> str:
        return ENGINES[self.engine]


def write_archive(out: Path, manifest: Manifest, database: Path, home: Sequence[tuple[str, Path]]) -> None:
    """Write the backup to ``out``: the manifest, the database copy (deflated for SQLite; a PostgreSQL archive is
    compressed already) and the ``home`` files (relative name, path); complete or not at all."""
    partial = out.with_name(f".{out.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            archive.writestr(MANIFEST, json.dumps(asdict(manifest), ensure_ascii=False, indent=2))
            packed = zipfile.ZIP_DEFLATED if manifest.engine == "sqlite" else zipfile.ZIP_STORED
            archive.write(database, manifest.database, compress_type=packed, compresslevel=1)
            for name, path in home:
                archive.write(path, HOME_PREFIX + name, compress_type=zipfile.ZIP_DEFLATED)
        with zipfile.ZipFile(partial) as archive:  # read back whole: every member's CRC
            broken = archive.testzip()
        if broken is not None:
            raise BackupFailed(f"备份文件写入后读回出错：{broken}", f"the backup read back wrong: {broken}")
        os.chmod(partial, 0o600)  # it holds the whole database: parties' names, password hashes
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def read_manifest(path: Path) -> Manifest:
    """The manifest of the backup ``path``; BackupRefused when it is not a qingji backup this qingji restores."""
    if not zipfile.is_zipfile(path):
        raise _not_a_backup(path, "不是 ZIP 文件", "not a ZIP file")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names:
                raise _not_a_backup(path, f"缺少 {MANIFEST}", f"no {MANIFEST} in it")
            data = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, OSError) as error:
        raise _not_a_backup(path, f"无法读取：{error}", f"unreadable: {error}") from None
    manifest = _manifest(path, data)
    if manifest.database not in names:
        raise _not_a_backup(
            path, f"缺少数据库 {manifest.database}", f"the database {manifest.database} is missing"
        )
    for name in manifest.home:
        if HOME_PREFIX + name not in names:
            raise _not_a_backup(path, f"缺少文件 {name}", f"the file {name} is missing")
    return manifest


def _manifest(path: Path, data: object) -> Manifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _not_a_backup(path, "清单不是 qingji 备份的清单", "its manifest is not a qingji backup's")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BackupRefused(
            f"{path.name}：由更新版本的 qingji 制作（备份格式 {version}），请用该版本恢复",
            f"{path.name}: made by a newer qingji (backup format {version}); restore it with that version",
        )
    try:
        manifest = Manifest(
            engine=str(data["engine"]),
            made_at=str(data["made_at"]),
            made_by=str(data["made_by"]),
            qingji_version=str(data["qingji_version"]),
            counts={str(key): int(value) for key, value in dict(data["counts"]).items()},
            migrations=[str(name) for name in data["migrations"]],
            home=[str(name) for name in data.get("home", [])],
            version=version,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise _not_a_backup(path, f"清单不完整（{error}）", f"its manifest is incomplete ({error})") from None
    if manifest.engine not in ENGINES:
        raise _not_a_backup(
            path, f"未知的数据库 {manifest.engine!r}", f"unknown database {manifest.engine!r}"
        )
    for name in manifest.home:
        if not safe_home_name(name):
            raise _not_a_backup(path, f"文件名不允许：{name!r}", f"a file name not allowed: {name!r}")
    return manifest


def safe_home_name(name: str) -> bool:
    """A relative POSIX path inside QINGJI_HOME, without ``..``: what a backup may put back there."""
    pure = PurePosixPath(name)
    return bool(name) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in name


def extract(path: Path, member: str, target: Path) -> None:
    """Copy the member ``member`` of the backup ``path`` to ``target`` (its CRC checked as it is read)."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as source, target.open("wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
    except zipfile.BadZipFile as error:
        raise BackupRefused(
            f"{path.name}：{member} 已损坏（{error}）", f"{path.name}: {member} is damaged ({error})"
        ) from None


def read_member(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member)


def aside(path: Path, stamp: str) -> Path:
    """The name a file is kept under when a restore replaces it: ``<name>.before-restore-<stamp>``, with ``-2``,
    ``-3`` … when that is taken (never over another kept file)."""
    candidate = path.with_name(f"{path.name}.before-restore-{stamp}")
    number = 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        number += 1
        candidate = path.with_name(f"{path.name}.before-restore-{stamp}-{number}")
    return candidate


def _not_a_backup(path: Path, zh: str, en: str) -> BackupRefused:
    return BackupRefused(f"{path.name} 不是 qingji 备份：{zh}", f"{path.name} is not a qingji backup: {en}")
