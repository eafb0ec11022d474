"""The cache every process of one installation shares: files in ``<QINGJI_HOME>/cache`` (docs/operations.md
"Several worker processes").

`qingji serve --workers N` answers in N processes, and the nightly job computes ahead in the server's first
process (qingji.server.workers): what one computes — the statistics page's views, a campaign's counts and gaps, the
office's to-do list — the others must read, and the login throttle must count one user's failures in whichever
process they land (qingji.web.throttle). Django's file cache is that, but for two things a count needs:

- ``add`` and ``incr`` are a read then a write: two processes counting at once would lose a failure. Here they
  run under an exclusive OS file lock (``flock``) on ``<cache>/.lock``, across processes and threads alike.
- Django's ``incr`` writes the new count with the default timeout, so a count kept for 15 minutes would be kept
  for 5 after its first increment; here the count keeps its own expiry.

The directory is made 0700 and each file 0600 (Django's file cache does both): the cache holds a court's figures.
Every `qingji serve` empties it when it starts (a restored or replaced database must not meet figures counted from
the one before it); an entry's key names the data it was counted from, so nothing stale is read while it runs.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files.move import file_move_safe

LOCK_NAME = ".lock"  # not a cache file (those end in .djcache): clear() and culling leave it


class SharedFileCache(FileBasedCache):
    """Django's file cache with ``add`` and ``incr`` atomic across processes, and ``incr`` keeping the expiry."""

    if TYPE_CHECKING:  # Django's file cache has these; its type stubs do not say so
        _dir: str

        def _createdir(self) -> None: ...
        def _key_to_file(self, key: str, version: int | None = None) -> str: ...
        def _is_expired(self, f: BinaryIO) -> bool: ...

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        self._createdir()
        descriptor = os.open(os.path.join(self._dir, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def add(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        with self._exclusive():
            return bool(super().add(key, value, timeout, version))

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> Any:
        with self._exclusive():
            path = self._key_to_file(key, version)
            try:
                with open(path, "rb") as file:
                    if self._is_expired(file):
                        raise ValueError(f"Key '{key}' not found")
                    file.seek(0)
                    expiry = pickle.load(file)
                    value = pickle.loads(zlib.decompress(file.read())) + delta
            except FileNotFoundError:
                raise ValueError(f"Key '{key}' not found") from None
            descriptor, temporary = tempfile.mkstemp(dir=self._dir)
            try:
                with open(descriptor, "wb") as file:
                    file.write(pickle.dumps(expiry, self.pickle_protocol))
                    file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol)))
                file_move_safe(temporary, path, allow_overwrite=True)
            except BaseException:
                if os.path.exists(temporary):
                    os.remove(temporary)
                raise
            return value
