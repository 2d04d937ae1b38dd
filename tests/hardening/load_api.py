"""A bounded load test of the REST API on loopback: questions, then a burst of feedback.

    python -m tests.hardening.load_api --clients 32 --questions 25 --feedback 1000

Starts the web app (``app.create_app``) with uvicorn on a free 127.0.0.1 port in a subprocess
(over a copy of the index, with a fresh ADVISOR_DATA_DIR), waits until /healthz says ok, then:

1. ``--clients`` concurrent clients each ask ``--questions`` questions through /api/ask;
2. ``--feedback`` submissions go to /api/feedback all at once;
3. (unless ``--no-rebuild-probe``) the server rebuilds its index in a background thread
   while /healthz is polled; every answer must come back in under a second.

It reports throughput, p50/p95/p99 latency, the error count (must be 0), the feedback rows
counted in the SQLite file (must equal the submissions sent) and the /healthz latencies, as
JSON on stdout; the exit status is 1 when any of those checks fails. Every loop is bounded by
its count and by ``--deadline`` seconds; traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
HEALTHZ_LIMIT_S = 1.0
QUESTIONS: list[tuple[str, list[str]]] = [
    ("How long is the trial period for a new CIPMS employee?", []),
    ("Who approves a grade band promotion?", []),
    ("Which series make up the IT core of CP-34?", []),
    ("What does an IT program manager do about risk?", []),
    ("Can I appeal the grade of my position?", []),
    ("My position was downgraded by a personnel action on October 5, 2026. By when must I appeal?", []),
    ("What is the premium recruitment bonus under CIPMS?", []),
    ("And how long do I have to stay after getting it?", ["What is the premium recruitment bonus under CIPMS?"]),
    ("What are the requirements for granting a QSI?", []),
    ("How many hours of sick leave do I earn each pay period?", []),
    ("What competencies does an IT program manager need at GS-15?", []),
    ("What does para 3-13f(2) say?", []),
    ("Show me Figure 3-1", []),
    ("Is an EPA possible at step 10?", []),
    ("I was downgraded on 2026-11-02. When is my appeal deadline?", []),
    ("What is the Functional Chief Representative's role in CP-34?", []),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(latencies: list[float], wall: float, errors: int) -> dict[str, Any]:
    return {
        "requests": len(latencies) + errors, "errors": errors, "wall_s": round(wall, 2),
        "throughput_per_s": round(len(latencies) / wall, 2) if wall else None,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(max(latencies, default=float("nan")) * 1000, 1),
    }


# --- the server side (runs in the subprocess) ------------------------------------------------

def serve(port: int, status_file: Path) -> None:
    """Run the app on 127.0.0.1:port; SIGUSR1 starts an index rebuild in a background thread."""
    import uvicorn

    sys.path.insert(0, str(ROOT))
    from advisor.config import Settings
    from advisor.index_store import build_index
    from app import create_app

    settings = Settings()

    def rebuild() -> None:
        status: dict[str, Any] = {"started": time.time()}
        status_file.write_text(json.dumps(status))
        try:
            report = build_index(settings, rebuild=True)
            status.update(build=report.build, seconds=round(report.seconds, 1))
        except Exception as e:  # noqa: BLE001  (reported to the driver, not raised in a thread)
            status["error"] = f"{type(e).__name__}: {e}"
        status["finished"] = time.time()
        status_file.write_text(json.dumps(status))

    signal.signal(signal.SIGUSR1, lambda *_: threading.Thread(target=rebuild, name="rebuild", daemon=True).start())
    uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")


# --- the driver side -------------------------------------------------------------------------

class Server:
    """The app in a subprocess over a private copy of the index and a fresh data folder."""

    def __init__(self, index_dir: Path, work: Path, startup_timeout: float) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = work / "data"
        self.index_dir = work / "index"
        self.status_file = work / "rebuild.json"
        self.startup_timeout = startup_timeout
        current = (index_dir / "CURRENT").read_text().strip()
        shutil.copytree(index_dir / "builds" / current, self.index_dir / "builds" / current)
        if (index_dir / "cache").is_dir():
            shutil.copytree(index_dir / "cache", self.index_dir / "cache")
        (self.index_dir / "CURRENT").write_text(current)
        self.log = (work / "server.log").open("w")
        env = {**os.environ, "ADVISOR_INDEX_DIR": str(self.index_dir), "ADVISOR_DATA_DIR": str(self.data_dir),
               "ADVISOR_HOST": "127.0.0.1", "ADVISOR_PORT": str(self.port), "HF_HUB_OFFLINE": "1",
               "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False"}
        env.pop("ADVISOR_AUTH", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.hardening.load_api", "serve", "--port", str(self.port),
             "--status-file", str(self.status_file)],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )

    def wait_ready(self) -> float:
        started = time.monotonic()
        while time.monotonic() - started < self.startup_timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}; see {self.log.name}")
            try:
                health = httpx.get(f"{self.url}/healthz", timeout=2).json()
                if health.get("status") == "ok":
                    return time.monotonic() - started
                if health.get("status") == "error":
                    raise RuntimeError(f"the server could not load the advisor: {health.get('error')}")
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the server was not ready within {self.startup_timeout:.0f} s")

    def feedback_rows(self) -> int:
        db = self.data_dir / "feedback.sqlite3"
        if not db.exists():
            return 0
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])
        finally:
            con.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()


async def run_concurrently(work: Callable[[int, httpx.AsyncClient], Awaitable[None]], n: int,
                           timeout: float) -> float:
    """Run ``work(i, http)`` for i in 0..n-1 at once over one connection pool; wall seconds."""
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(timeout=httpx.Timeout(timeout), limits=limits) as http:
        started = time.perf_counter()
        await asyncio.gather(*(work(i, http) for i in range(n)))
        return time.perf_counter() - started


async def ask_load(url: str, clients: int, questions: int, deadline: float) -> tuple[dict[str, Any], list[str]]:
    latencies: list[float] = []
    problems: list[str] = []

    async def client(n: int, http: httpx.AsyncClient) -> None:
        for i in range(questions):
            if time.monotonic() > deadline:
                problems.append(f"client {n}: deadline reached before question {i + 1}")
                return
            question, history = QUESTIONS[(n * questions + i) % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                r = await http.post(f"{url}/api/ask", json={"question": question, "history": history})
                body = r.json()
                ok = r.status_code == 200 and isinstance(body.get("answer"), str) and body["answer"]
            except (httpx.HTTPError, ValueError) as e:
                ok, r = False, None
                problems.append(f"client {n}: {type(e).__name__}: {e}")
            if ok:
                latencies.append(time.perf_counter() - started)
            elif r is not None:
                problems.append(f"client {n}: HTTP {r.status_code} {r.text[:200]}")

    wall = await run_concurrently(client, clients, timeout=600)
    return summary(latencies, wall, len(problems)), problems


async def feedback_burst(url: str, count: int) -> tuple[dict[str, Any], list[str], int]:
    latencies: list[float] = []
    problems: list[str] = []
    accepted = 0

    async def submit(n: int, http: httpx.AsyncClient) -> None:
        nonlocal accepted
        body = {"question": f"Load test question {n}?", "answer": "An answer.", "writer": "extractive",
                "rating": "up" if n % 2 else "down", "comment": f"load {n}", "wrong_citation": n % 7 == 0}
        started = time.perf_counter()
        try:
            r = await http.post(f"{url}/api/feedback", json=body)
        except httpx.HTTPError as e:
            problems.append(f"feedback {n}: {type(e).__name__}: {e}")
            return
        if r.status_code == 201:
            accepted += 1
            latencies.append(time.perf_counter() - started)
        else:
            problems.append(f"feedback {n}: HTTP {r.status_code} {r.text[:200]}")

    wall = await run_concurrently(submit, count, timeout=300)
    return summary(latencies, wall, len(problems)), problems, accepted


def healthz_during_rebuild(server: Server, deadline: float, interval: float = 0.25) -> dict[str, Any]:
    """Start the server's background rebuild and time /healthz until it has finished."""
    server.proc.send_signal(signal.SIGUSR1)
    latencies: list[float] = []
    failures: list[str] = []
    status: dict[str, Any] = {}
    with httpx.Client(timeout=10) as http:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                r = http.get(f"{server.url}/healthz")
                latencies.append(time.perf_counter() - started)
                if r.status_code != 200:
                    failures.append(f"HTTP {r.status_code}")
            except httpx.HTTPError as e:
                failures.append(f"{type(e).__name__}: {e}")
            try:
                status = json.loads(server.status_file.read_text())
            except (OSError, ValueError):
                status = {}
            if "finished" in status:
                break
            time.sleep(interval)
    slow = [x for x in latencies if x >= HEALTHZ_LIMIT_S]
    return {"polls": len(latencies), "failures": len(failures), "slow_polls": len(slow),
            "max_ms": round(max(latencies, default=float("nan")) * 1000, 1),
            "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
            "rebuild": status, "responsive": bool(latencies) and not slow and not failures
            and "finished" in status and "error" not in status}


def run(clients: int, questions: int, feedback: int, *, index_dir: Path, rebuild_probe: bool,
        deadline_s: float, startup_timeout: float = 600) -> dict[str, Any]:
    """Run the whole load test; returns the report (``report["ok"]`` says whether it passed)."""
    deadline = time.monotonic() + deadline_s
    with tempfile.TemporaryDirectory(prefix="advisor-load-") as tmp:
        server = Server(index_dir, Path(tmp), startup_timeout)
        try:
            report: dict[str, Any] = {"clients": clients, "questions_per_client": questions,
                                      "feedback_sent": feedback, "startup_s": round(server.wait_ready(), 1)}
            # one question first, so the model's warm-up is not counted as load
            httpx.post(f"{server.url}/api/ask", json={"question": QUESTIONS[0][0]}, timeout=600)
            ask, ask_problems = asyncio.run(ask_load(server.url, clients, questions, deadline))
            report["ask"] = ask
            fb, fb_problems, accepted = asyncio.run(feedback_burst(server.url, feedback))
            report["feedback"] = {**fb, "accepted": accepted, "rows_in_sqlite": server.feedback_rows()}
            if rebuild_probe:
                report["healthz_during_rebuild"] = healthz_during_rebuild(server, deadline)
            report["problems"] = (ask_problems + fb_problems)[:20]
            report["ok"] = (ask["errors"] == 0 and ask["requests"] == clients * questions
                            and fb["errors"] == 0 and report["feedback"]["rows_in_sqlite"] == feedback
                            and (not rebuild_probe or report["healthz_during_rebuild"]["responsive"]))
            return report
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.hardening.load_api", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="mode")
    srv = sub.add_parser("serve", help="(internal) run the app for the driver")
    srv.add_argument("--port", type=int, required=True)
    srv.add_argument("--status-file", type=Path, required=True)
    p.add_argument("--clients", type=int, default=32)
    p.add_argument("--questions", type=int, default=25, help="questions per client")
    p.add_argument("--feedback", type=int, default=1000, help="concurrent feedback submissions")
    p.add_argument("--index-dir", type=Path, default=None,
                   help="index to copy (default: ADVISOR_INDEX_DIR or index/store)")
    p.add_argument("--no-rebuild-probe", dest="rebuild_probe", action="store_false",
                   help="skip timing /healthz during a background index rebuild")
    p.add_argument("--deadline", type=float, default=3600, help="stop sending after this many seconds")
    args = p.parse_args(argv)
    if args.mode == "serve":
        serve(args.port, args.status_file)
        return 0
    from advisor.config import Settings

    index_dir = args.index_dir or Settings().index_dir
    if not (index_dir / "CURRENT").exists():
        print(f"No index at {index_dir}: run `advisor index` first.", file=sys.stderr)
        return 2
    report = run(args.clients, args.questions, args.feedback, index_dir=index_dir,
                 rebuild_probe=args.rebuild_probe, deadline_s=args.deadline)
    print(json.dumps(report, indent=1))
    ask, fb = report["ask"], report["feedback"]
    print(f"\nask: {ask['requests']} requests, {ask['errors']} errors, {ask['throughput_per_s']}/s, "
          f"p50 {ask['p50_ms']} ms, p95 {ask['p95_ms']} ms, p99 {ask['p99_ms']} ms", file=sys.stderr)
    print(f"feedback: {fb['accepted']} accepted, {fb['rows_in_sqlite']} rows in SQLite, "
          f"{fb['throughput_per_s']}/s, p99 {fb['p99_ms']} ms", file=sys.stderr)
    if "healthz_during_rebuild" in report:
        h = report["healthz_during_rebuild"]
        print(f"/healthz during rebuild: {h['polls']} polls, max {h['max_ms']} ms, "
              f"responsive={h['responsive']}", file=sys.stderr)
    print("PASS" if report["ok"] else "FAIL", file=sys.stderr)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
