"""``make bench``: how fast the advisor answers, from the first question on, beside the tutorial RAG.

    python -m evals.bench [--limit N] [--http-questions N] [--requests N] [--out DIR] [--skip http build]

In one run: the advisor and ``evals/tutorial.py`` over the same dev-split questions, each in
a fresh process (cold and warm p50/p95/max per kind; first answer); the web server started
anew for 1 and 2 workers (ready, first answer after ready, answers/s with 1, 8 and 32
concurrent clients over loopback HTTP); a full index build into an empty folder and a
no-change rebuild; peak RSS of every process. Writes ``bench.json``, ``bench.md`` and
``bench.png`` to ``evals/reports/bench-<time>/`` (git-ignored) and prints the Markdown.
The machine's load average is recorded beside every timing: other work on the machine
slows every number. A benchmark, not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals import bench_http
from evals.bench_report import chart, markdown

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "evals" / "reports"
LEVELS = (1, 8, 32)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def timed(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``fn()``'s result with the 1-minute load average before and after it."""
    before = load()
    result = fn()
    return {**result, "load_before": before, "load_after": load()}


def probe(args: list[str], work: Path) -> dict[str, Any]:
    """Run ``python -m evals.bench_probes ARGS`` in a fresh process; its JSON result."""
    out = work / f"probe-{time.monotonic_ns()}.json"
    subprocess.run([sys.executable, "-m", "evals.bench_probes", *args, "--out", str(out)], cwd=ROOT,
                   check=True, timeout=3600)
    return json.loads(out.read_text(encoding="utf-8"))


def cli_index_seconds(index_dir: Path) -> float:
    """Wall seconds of ``advisor index`` as a command (imports and model load included)."""
    env = {**os.environ, "ADVISOR_INDEX_DIR": str(index_dir)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "advisor.cli", "index"], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=1800)
    return round(time.perf_counter() - started, 2)


def http_questions(n: int) -> list[tuple[str, list[str]]]:
    from evals.dataset import load_split, stratified

    cases, _ = load_split("dev")
    return [(c.question, c.history) for c in stratified(cases, n)]


def measure_server(workers: int, native: bool, index_dir: Path, work: Path,
                   questions: list[tuple[str, list[str]]], requests: int) -> dict[str, Any]:
    from evals.bench_probes import WARM_UP_QUESTION
    from evals.metrics import percentile

    before = load()
    servers = bench_http.Servers(index_dir, work / f"workers-{workers}", workers, native)
    try:
        start = bench_http.first_answer(servers, WARM_UP_QUESTION)
        _log(f"  {servers.mode}: ready after {start['ready_s']} s, first answer {start['first_answer_ms']} ms")
        cold_before = load()
        times = bench_http.sequential_pass(servers, questions)
        cold = {"requests": len(times), "p50_ms": round((percentile(times, 50) or 0) * 1000, 1),
                "p95_ms": round((percentile(times, 95) or 0) * 1000, 1), "load_before": cold_before,
                "load_after": load()}
        levels = []
        for clients in LEVELS:
            level = timed(lambda c=clients: bench_http.throughput(servers, questions, c, requests))
            _log(f"  {servers.mode}: {clients} clients -> {level['answers_per_s']}/s, {level['errors']} errors")
            levels.append(level)
        rss = servers.peak_rss_mb()
    finally:
        servers.stop()
    return {"workers": workers, "mode": servers.mode, "start": start, "cold_pass": cold, "levels": levels,
            "peak_rss_mb": rss, "load_before": before, "load_after": load()}


def run(limit: int | None, n_http: int, requests: int, skip: set[str], work: Path) -> dict[str, Any]:
    from advisor.config import Settings

    index_dir = Settings().index_dir
    if not (index_dir / "CURRENT").exists():
        raise SystemExit(f"No index at {index_dir}: run `make index` (or `advisor index`) first.")
    result: dict[str, Any] = {"meta": meta(), "latency": {}, "http": []}
    for system in ("advisor", "tutorial"):
        _log(f"latency: {system} in a fresh process")
        result["latency"][system] = timed(
            lambda s=system: probe(["latency", "--system", s] + (["--limit", str(limit)] if limit else []), work))
    if "http" not in skip:
        native = bench_http.serve_has_workers()
        questions = http_questions(n_http)
        for workers in (1, 2):
            _log(f"http: {workers} worker(s)")
            result["http"].append(measure_server(workers, native, index_dir, work, questions, requests))
    if "build" not in skip:
        _log("index: full build into an empty folder, then a no-change rebuild")
        result["build"] = timed(lambda: probe(["build", "--index-dir", str(work / "build-index")], work))
        cli_dir = work / "cli-index"
        result["build"]["cli_full_s"] = cli_index_seconds(cli_dir)
        result["build"]["cli_no_change_s"] = cli_index_seconds(cli_dir)
    return result


def meta() -> dict[str, Any]:
    def git(*args: str) -> str:
        out = subprocess.run(["git", *args], check=False, cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip()

    uptime = subprocess.run(["uptime"], check=False, capture_output=True, text=True).stdout.strip()
    return {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "commit": git("rev-parse", "--short", "HEAD"),
            "dirty": bool(git("status", "--porcelain", "--untracked-files=no")), "cpus": os.cpu_count(),
            "uptime": uptime}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=None, help="a stratified subset of about N dev cases")
    p.add_argument("--http-questions", type=int, default=48, help="distinct questions sent over HTTP")
    p.add_argument("--requests", type=int, default=192, help="requests per concurrency level")
    p.add_argument("--out", type=Path, default=None, help="report folder (default: a new timestamped one)")
    p.add_argument("--skip", nargs="*", default=[], choices=["http", "build"], help="parts to leave out")
    args = p.parse_args(argv)
    out = args.out or REPORTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        result = run(args.limit, args.http_questions, args.requests, set(args.skip), Path(tmp))
    (out / "bench.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    text = markdown(result)
    (out / "bench.md").write_text(text, encoding="utf-8")
    chart(result, out / "bench.png")
    print(text)
    _log(f"report: {out / 'bench.md'} and bench.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
