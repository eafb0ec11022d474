"""`qingji serve --workers N`: the pages answered by N processes (docs/operations.md "Several worker processes").

One Python process runs one request's Python at a time, whatever its threads; with twenty people at work, two
heavy pages at once wait for each other. With ``--workers N`` the first process (the supervisor) opens the
listening socket, starts N worker processes that each answer on it with waitress's threads (the kernel hands each
new connection to one of them), and runs the nightly job itself: one snapshot a night, its figures computed ahead
into the cache the workers share (qingji.server.shared_cache). The supervisor answers no page.

- A worker that ends unexpectedly is started again; one that cannot start (five failures within a minute) stops
  the server with exit 1, for systemd to report.
- SIGTERM or Ctrl-C stops the workers (each finishes its requests) and then the supervisor.
- Each worker holds the database's server lock too (qingji.server.server_lock): a restore is refused while any
  runs. A worker whose supervisor is gone (killed outright) stops by itself: it watches a pipe whose other end
  only the supervisor holds.

A worker is ``python -m qingji.server.workers`` with the socket, the pipe and the thread count; it reads the rest
(the database, the trusted proxy) from the same environment as the supervisor.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from typing import Any

log = logging.getLogger("qingji.server.workers")  # the same name in a worker, run as __main__

RESTARTS_ALLOWED = 5  # within RESTART_WINDOW seconds; then the server stops (exit 1)
RESTART_WINDOW = 60.0
STOP_WAIT = 15.0  # seconds a worker has to finish its requests after SIGTERM


class WorkersFailed(Exception):
    """The workers keep ending: the server cannot serve."""


def waitress_options() -> dict[str, Any]:
    """waitress's options besides where it listens: the identity, and the trusted proxy (QINGJI_TRUSTED_PROXY)."""
    from django.conf import settings

    options: dict[str, Any] = {"ident": "qingji"}
    if settings.TRUSTED_PROXY:  # the client's address and HTTPS as the proxy says, from the proxy alone
        options |= {
            "trusted_proxy": settings.TRUSTED_PROXY,
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
        }
    return options


def supervise(host: str, port: int, threads: int, workers: int) -> None:
    """Listen on ``host:port``, keep ``workers`` worker processes answering on it until SIGTERM or Ctrl-C
    (KeyboardInterrupt); raises WorkersFailed when they keep ending."""
    listener = socket.create_server((host, port), backlog=1024)
    alive_read, alive_write = (
        os.pipe()
    )  # the write end is the supervisor's alone; its end tells a worker to stop
    started: deque[float] = deque(maxlen=RESTARTS_ALLOWED)

    def start() -> subprocess.Popen[bytes]:
        fds = (listener.fileno(), alive_read)
        command = [sys.executable, "-m", __name__, str(fds[0]), str(fds[1]), str(threads)]
        return subprocess.Popen(command, pass_fds=fds)

    running = [start() for _ in range(workers)]
    log.info("qingji serve: %d workers (%s)", workers, ", ".join(str(worker.pid) for worker in running))
    try:
        while True:
            time.sleep(0.5)
            for index, worker in enumerate(running):
                code = worker.poll()
                if code is None:
                    continue
                now = time.monotonic()
                if len(started) == RESTARTS_ALLOWED and now - started[0] < RESTART_WINDOW:
                    raise WorkersFailed(
                        f"工作进程反复退出（退出码 {code}），服务器停止，请查看日志 / the worker processes keep "
                        f"ending (exit {code}): the server stops; see the log"
                    )
                started.append(now)
                running[index] = start()
                log.error(
                    "worker %d ended (exit %d); worker %d started", worker.pid, code, running[index].pid
                )
    finally:
        _stop_all(running)
        listener.close()
        os.close(alive_read)
        os.close(alive_write)


def _stop_all(running: list[subprocess.Popen[bytes]]) -> None:
    for worker in running:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT
    for worker in running:
        try:
            worker.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            log.warning("worker %d did not stop in %d s: killed", worker.pid, STOP_WAIT)
            worker.kill()
            worker.wait()


def _work(listener_fd: int, alive_fd: int, threads: int) -> int:
    """A worker: answer on the supervisor's socket until SIGTERM, Ctrl-C or the supervisor's end."""
    from qingji.server.setup import setup_django

    setup_django()
    import waitress

    from qingji.server.logging_config import log_to_console
    from qingji.server.server_lock import RestoreRunning, serving
    from qingji.server.wsgi import application

    log_to_console()
    signal.signal(signal.SIGTERM, _interrupt)
    threading.Thread(
        target=_stop_with_supervisor, args=(alive_fd,), name="qingji-supervisor-watch", daemon=True
    ).start()
    listener = socket.socket(fileno=listener_fd)
    try:
        with serving():
            log.info("worker %d: %d threads", os.getpid(), threads)
            waitress.serve(application, sockets=[listener], threads=threads, **waitress_options())
    except RestoreRunning as error:
        log.error("worker %d: %s", os.getpid(), error)
        return 4
    except KeyboardInterrupt:
        pass
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_with_supervisor(alive_fd: int) -> None:
    """Wait for the supervisor's end of the pipe to close (it never writes): then stop this worker."""
    while os.read(alive_fd, 1):
        pass
    os.kill(os.getpid(), signal.SIGTERM)


if __name__ == "__main__":
    listener_fd, alive_fd, thread_count = (int(value) for value in sys.argv[1:4])
    sys.exit(_work(listener_fd, alive_fd, thread_count))
