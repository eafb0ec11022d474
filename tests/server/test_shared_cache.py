"""The cache every process of an installation shares (qingji.server.shared_cache): counts added to by several
processes at once lose nothing, and a count keeps the expiry it was added with (the login throttle's window)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from qingji.server.shared_cache import SharedFileCache

COUNTER = """
import sys
from qingji.server.shared_cache import SharedFileCache
cache = SharedFileCache(sys.argv[1], {})
for _ in range(int(sys.argv[2])):
    cache.add("count", 0, 900)
    cache.incr("count")
"""


def test_processes_counting_at_once_lose_no_count(tmp_path: Path) -> None:
    counters = [subprocess.Popen([sys.executable, "-c", COUNTER, str(tmp_path), "150"]) for _ in range(4)]
    assert [counter.wait(timeout=120) for counter in counters] == [0, 0, 0, 0]
    assert SharedFileCache(str(tmp_path), {}).get("count") == 600


def test_a_count_keeps_its_expiry(tmp_path: Path) -> None:
    cache = SharedFileCache(str(tmp_path), {"TIMEOUT": 1})  # a default far shorter than the count's own
    cache.add("count", 0, 900)
    assert cache.incr("count") == 1 and cache.incr("count", 2) == 3
    time.sleep(1.2)
    assert cache.get("count") == 3
    assert cache.add("count", 0, 900) is False


def test_a_count_that_expired_or_never_was_is_said(tmp_path: Path) -> None:
    cache = SharedFileCache(str(tmp_path), {})
    with pytest.raises(ValueError, match="not found"):
        cache.incr("never")
    cache.set("short", 1, 1)
    time.sleep(1.2)
    with pytest.raises(ValueError, match="not found"):
        cache.incr("short")
    cache.clear()
    assert (tmp_path / ".lock").exists() and not list(tmp_path.glob("*.djcache"))
