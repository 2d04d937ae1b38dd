"""``advisor serve --workers N``: start N worker processes behind one port, and keep them running.

Each worker is ``advisor serve --uds SOCKET``: the whole app, on a Unix socket in a private
(0700) temporary folder, with ``OMP_NUM_THREADS`` set so the workers share the cores instead of
fighting over them. The front (``front.Front``) listens on ADVISOR_HOST:ADVISOR_PORT. A
supervisor thread asks each worker's readiness every second (with a key only the front and
its workers know, so readiness needs no user login), restarts a worker that exits, and on
``SIGHUP`` replaces the workers one at a time -- each new one takes requests only once it is
ready (warm), so a restart after ``advisor index --rebuild`` never meets a cold worker.
SIGINT/SIGTERM stop the front and then the workers.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from advisor.config import Settings
from advisor.web.front import Front, Worker, worker_client
from advisor.web.login import INTERNAL_HEADER

log = logging.getLogger(__name__)

POLL_S = 1.0
READY_TIMEOUT_S = 900.0
DRAIN_S = 30.0


class Pool:
    """The worker processes, their sockets, and the front's view of them."""

    def __init__(self, settings: Settings, count: int, run_dir: Path) -> None:
        self.settings, self.count, self.run_dir = settings, count, run_dir
        self.key = secrets.token_urlsafe(32)
        self.procs: dict[int, subprocess.Popen] = {}
        self.generation = 0
        self.stopping = threading.Event()
        self.reload = threading.Event()
        self.front = Front([self._spawn(i) for i in range(count)])

    def _spawn(self, index: int) -> Worker:
        self.generation += 1
        sock = str(self.run_dir / f"worker-{index}-{self.generation}.sock")
        env = {**os.environ, "ADVISOR_INTERNAL_KEY": self.key}
        env.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // self.count)))
        proc = subprocess.Popen([sys.executable, "-m", "advisor.cli", "serve", "--uds", sock], env=env)
        worker = Worker(index=index, socket=sock, client=worker_client(sock))
        self.procs[id(worker)] = proc
        log.info("started worker %d (pid %d)", index, proc.pid)
        return worker

    def ready(self, worker: Worker) -> bool:
        try:
            with httpx.Client(transport=httpx.HTTPTransport(uds=worker.socket), timeout=5) as http:
                r = http.get("http://worker/readyz", headers={INTERNAL_HEADER.decode(): self.key})
            return r.status_code == 200
        except httpx.HTTPError:
            return False

    def supervise(self) -> None:
        while not self.stopping.wait(POLL_S):
            for i, worker in enumerate(list(self.front.workers)):
                proc = self.procs[id(worker)]
                if proc.poll() is not None and not self.stopping.is_set():
                    log.warning("worker %d exited with %s; starting it again", i, proc.returncode)
                    self._replace(i, worker, wait=False)
                    continue
                worker.ready = self.ready(worker)
            if self.reload.is_set():
                self.reload.clear()
                for i, worker in enumerate(list(self.front.workers)):
                    self._replace(i, worker, wait=True)

    def _replace(self, index: int, old: Worker, wait: bool) -> None:
        """A new worker in ``index``'s place: once ready when ``wait``; then the old one drains and stops."""
        new = self._spawn(index)
        if wait:
            deadline = time.monotonic() + READY_TIMEOUT_S
            while not self.ready(new):
                if self.stopping.is_set() or time.monotonic() > deadline or self.procs[id(new)].poll() is not None:
                    log.error("replacement worker %d did not become ready; keeping the old one", index)
                    self._stop(new)
                    return
                time.sleep(POLL_S)
            new.ready = True
        self.front.workers[index] = new
        drain_until = time.monotonic() + DRAIN_S
        while old.in_flight and time.monotonic() < drain_until:
            time.sleep(0.2)
        self._stop(old)
        log.info("worker %d replaced", index)

    def _stop(self, worker: Worker) -> None:
        proc = self.procs.pop(id(worker))
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)

    def stop_all(self) -> None:
        self.stopping.set()
        for worker in list(self.front.workers):
            if id(worker) in self.procs:
                self._stop(worker)


def die_with_parent() -> None:
    """Called by a worker as it starts (Linux): SIGTERM it when the front dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # elsewhere the front's own shutdown stops the workers


def run(settings: Settings, count: int) -> None:
    """Serve with ``count`` workers until SIGINT/SIGTERM; SIGHUP restarts them one at a time."""
    import uvicorn

    from advisor.web.headers import SecurityHeaders
    from advisor.web.timeouts import protocol_class

    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per readiness poll
    run_dir = Path(tempfile.mkdtemp(prefix="advisor-workers-"))
    pool = Pool(settings, count, run_dir)
    signal.signal(signal.SIGHUP, lambda *_: pool.reload.set())
    supervisor = threading.Thread(target=pool.supervise, name="worker-supervisor", daemon=True)
    supervisor.start()
    log.info("Serving on http://%s:%d with %d workers (SIGHUP restarts them one at a time)",
             settings.host, settings.port, count)
    try:
        uvicorn.Server(uvicorn.Config(
            SecurityHeaders(pool.front), host=settings.host, port=settings.port, log_level="info",
            http=protocol_class(), timeout_keep_alive=5, lifespan="on",
        )).run()
    finally:
        pool.stop_all()
        supervisor.join(timeout=5)
        shutil.rmtree(run_dir, ignore_errors=True)
