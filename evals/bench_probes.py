"""The benchmark's in-process measurements, each meant to run in a fresh Python process.

    python -m evals.bench_probes latency --system advisor|tutorial --out FILE [--limit N]
    python -m evals.bench_probes build --index-dir EMPTY_DIR --out FILE

``latency`` loads one system, times its first answer (model load and lazy imports
included), then answers every case of the dev split twice: *cold* (the first time this
process sees the question) and *warm* (the same question again). ``build`` makes a full
index in an empty folder, then refreshes it with nothing changed. Both write JSON with the
process's peak RSS. Nothing here starts a server or writes a report (``evals/bench.py``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

WARM_UP_QUESTION = "Can I appeal the grade of my position?"  # the server's own warm-up question


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def make_system(name: str) -> Any:
    """The advisor as the evaluation runs it, or the tutorial baseline (no index opened)."""
    from evals.run import eval_settings

    settings = eval_settings()
    if name == "tutorial":
        from advisor.embeddings import shared_embedder
        from evals.tutorial import TutorialRAG

        return TutorialRAG(settings.corpus_dir, shared_embedder().encode)
    from advisor.factory import load_advisor
    from evals.baselines import AdvisorSystem

    advisor = load_advisor(settings)
    advisor.warm()  # as the server does before it reports ready
    return AdvisorSystem(advisor)


def latency(system_name: str, limit: int | None) -> dict[str, Any]:
    """Load ``system_name``, then time its first answer and a cold and a warm pass."""
    from evals.dataset import Case, Expected, load_split, stratified
    from evals.harness import answer_one

    cases, _problems = load_split("dev")
    if limit:
        cases = stratified(cases, limit)
    started = time.perf_counter()
    system = make_system(system_name)
    load_s = time.perf_counter() - started
    first = Case(id="bench-first", kind="lookup", turns=[WARM_UP_QUESTION],
                 expected=Expected(facts=[], sections=[], refuse=False, calculation=None, must_not=[]))
    first_ms = answer_one(system, first)["wall_ms"]
    rows = [{"id": c.id, "kind": c.kind, "cold_ms": answer_one(system, c)["wall_ms"]} for c in cases]
    for row, case in zip(rows, cases, strict=True):
        answer = answer_one(system, case)
        row["warm_ms"] = answer["wall_ms"]
        row["writer"] = answer.get("writer", "")
        row["crashed"] = bool(answer.get("crashed"))
    return {"system": system_name, "load_s": round(load_s, 2), "first_answer_ms": first_ms,
            "cases": rows, "peak_rss_mb": peak_rss_mb()}


def build(index_dir: Path) -> dict[str, Any]:
    """A full build into an empty folder, then a no-change refresh, timed in this process."""
    started = time.perf_counter()
    from advisor.config import Settings
    from advisor.embeddings import shared_embedder
    from advisor.index_store import build_index

    imports_s = time.perf_counter() - started
    settings = Settings().model_copy(update={"index_dir": index_dir})
    t = time.perf_counter()
    shared_embedder().encode(["load the model"])
    model_s = time.perf_counter() - t
    full = build_index(settings)
    again = build_index(settings)
    return {"imports_s": round(imports_s, 2), "model_load_s": round(model_s, 2),
            "full_s": round(full.seconds, 2), "full_chunks": full.chunks,
            "no_change_s": round(again.seconds, 3), "no_change_rebuilt": again.changed,
            "peak_rss_mb": peak_rss_mb()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.bench_probes", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="probe", required=True)
    lat = sub.add_parser("latency")
    lat.add_argument("--system", choices=["advisor", "tutorial"], required=True)
    lat.add_argument("--limit", type=int, default=None)
    lat.add_argument("--out", type=Path, required=True)
    bld = sub.add_parser("build")
    bld.add_argument("--index-dir", type=Path, required=True)
    bld.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    result = latency(args.system, args.limit) if args.probe == "latency" else build(args.index_dir)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
