"""The benchmark's HTTP side: web servers in subprocesses, first answer after ready, answers/s.

``Servers(index_dir, work, workers)`` starts the web app (``advisor serve``) over a private
copy of the live index build: one process with ``--workers N`` when the command has that
option, otherwise N processes on N ports (clients then take turns across them; the report
says which). ``first_answer`` times ready (``/healthz`` status ok) and the first
``/api/ask`` after it; ``throughput`` runs C concurrent clients over loopback. Traffic goes
to 127.0.0.1 only; every wait is bounded. It writes no report (``evals/bench.py`` does).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from evals.metrics import percentile

ROOT = Path(__file__).resolve().parents[1]
Question = tuple[str, list[str]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_has_workers() -> bool:
    """Whether ``advisor serve`` takes ``--workers`` (the deployment's multi-process option)."""
    out = subprocess.run([sys.executable, "-m", "advisor.cli", "serve", "--help"], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    return "--workers" in out.stdout


def copy_index(index_dir: Path, to: Path) -> Path:
    current = (index_dir / "CURRENT").read_text().strip()
    shutil.copytree(index_dir / "builds" / current, to / "builds" / current)
    (to / "CURRENT").write_text(current)
    return to


class Servers:
    """``workers`` server processes' worth of the app, each on a private index copy."""

    def __init__(self, index_dir: Path, work: Path, workers: int, native_workers: bool) -> None:
        self.started = time.perf_counter()
        self.mode = f"advisor serve --workers {workers}" if native_workers and workers > 1 else (
            f"{workers} processes on {workers} ports" if workers > 1 else "advisor serve")
        self.procs: list[subprocess.Popen] = []
        self.urls: list[str] = []
        self.logs: list[Any] = []
        for n in range(1 if native_workers else workers):
            port = free_port()
            folder = work / f"server-{n}"
            env = {**os.environ, "ADVISOR_INDEX_DIR": str(copy_index(index_dir, folder / "index")),
                   "ADVISOR_DATA_DIR": str(folder / "data"), "HF_HUB_OFFLINE": "1",
                   "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
                   "GRADIO_ANALYTICS_ENABLED": "False"}
            env.pop("ADVISOR_AUTH", None)
            cmd = [sys.executable, "-m", "advisor.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
            if native_workers and workers > 1:
                cmd += ["--workers", str(workers)]
            log = (folder / "server.log").open("w")
            self.logs.append(log)
            self.procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
            self.urls.append(f"http://127.0.0.1:{port}")

    def wait_ready(self, timeout: float = 600) -> float:
        """Seconds from start until every server's /healthz says ok."""
        pending = set(self.urls)
        while pending and time.perf_counter() - self.started < timeout:
            for proc in self.procs:
                if proc.poll() is not None:
                    raise RuntimeError(f"a server exited with {proc.returncode}; see {self.logs[0].name}")
            for url in list(pending):
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).json().get("status") == "ok":
                        pending.discard(url)
                except (httpx.HTTPError, ValueError):
                    pass
            time.sleep(0.05)
        if pending:
            raise RuntimeError(f"the server was not ready within {timeout:.0f} s")
        return time.perf_counter() - self.started

    def peak_rss_mb(self) -> float:
        """The sum over server processes (and their children) of the peak resident memory."""
        return round(sum(_vm_hwm_kb(p.pid) for p in self.procs) / 1024, 1)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        for log in self.logs:
            log.close()


def _vm_hwm_kb(pid: int) -> int:
    total = 0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def _children(pid: int) -> list[int]:
    try:
        kids = [int(k) for k in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


def first_answer(servers: Servers, question: str) -> dict[str, float]:
    """Ready time, then the wall time of the first /api/ask answered after ready."""
    ready_s = servers.wait_ready()
    started = time.perf_counter()
    r = httpx.post(f"{servers.urls[0]}/api/ask", json={"question": question}, timeout=600)
    r.raise_for_status()
    return {"ready_s": round(ready_s, 2), "first_answer_ms": round((time.perf_counter() - started) * 1000, 1)}


def sequential_pass(servers: Servers, questions: list[Question]) -> list[float]:
    """Each question once through the first server, in order; seconds each."""
    times = []
    with httpx.Client(timeout=600) as http:
        for question, history in questions:
            started = time.perf_counter()
            r = http.post(f"{servers.urls[0]}/api/ask", json={"question": question, "history": history})
            if r.status_code != 200:  # say what the server said, not only its status
                raise RuntimeError(f"{r.status_code} from /api/ask for {question!r}: {r.text[:300]}")
            times.append(time.perf_counter() - started)
    return times


def throughput(servers: Servers, questions: list[Question], clients: int, total: int) -> dict[str, Any]:
    """``total`` answers asked by ``clients`` concurrent clients; answers/s, latencies, errors."""
    return asyncio.run(_throughput(servers.urls, questions, clients, total))


async def _throughput(urls: list[str], questions: list[Question], clients: int, total: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(total))

    async def client(http: httpx.AsyncClient) -> None:
        for n in counter:  # shared: the clients together send exactly ``total`` requests
            question, history = questions[n % len(questions)]
            started = time.perf_counter()
            try:
                r = await http.post(f"{urls[n % len(urls)]}/api/ask",
                                    json={"question": question, "history": history})
                ok = r.status_code == 200 and bool(r.json().get("answer"))
                detail = f"HTTP {r.status_code}"
            except (httpx.HTTPError, ValueError) as e:
                ok, detail = False, f"{type(e).__name__}: {e}"
            if ok:
                latencies.append(time.perf_counter() - started)
            else:
                errors.append(detail)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=httpx.Timeout(600), limits=limits) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - started
    return {"clients": clients, "requests": total, "errors": len(errors), "wall_s": round(wall, 2),
            "answers_per_s": round(len(latencies) / wall, 1) if wall else 0.0,
            "p50_ms": _ms(latencies, 0.5), "p95_ms": _ms(latencies, 0.95), "first_errors": errors[:5]}


def _ms(values: list[float], q: float) -> float | None:
    value = percentile(values, q * 100)
    return None if value is None else round(value * 1000, 1)
