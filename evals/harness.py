"""Run systems over cases, one case at a time: time each answer and turn a crash into that
case's recorded failure. Also reads and writes answers files (JSONL, Answer JSON + ``id``).

It does not score; ``evals/scoring.py`` does.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advisor.batch import read_id_rows
from evals.baselines import System
from evals.dataset import Case


def answer_one(system: System, case: Case) -> dict[str, Any]:
    """One timed answer; an exception inside the system is recorded as this case's crash."""
    started = time.perf_counter()
    try:
        answer = dict(system.answer(case))
    except Exception as e:  # noqa: BLE001 - one broken case must not end the run
        answer = {"answer": "", "citations": [], "calculations": [], "refused": False,
                  "retrieved": [], "crashed": True, "error": f"{type(e).__name__}: {e}"}
    answer["wall_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return {"id": case.id, "system": system.name, **answer}


def answer_cases(system: System, cases: list[Case]) -> dict[str, dict[str, Any]]:
    """Every case's answer by id."""
    return {case.id: answer_one(system, case) for case in cases}


def answer_interleaved(systems: list[System], cases: list[Case],
                       progress: Callable[[str], None] = lambda _m: None) -> dict[str, dict[str, dict[str, Any]]]:
    """Answers by system, then by id. Systems take turns case by case, so a change in machine
    load during the run affects every system's latency alike."""
    out: dict[str, dict[str, dict[str, Any]]] = {s.name: {} for s in systems}
    for n, case in enumerate(cases, start=1):
        for system in systems:
            out[system.name][case.id] = answer_one(system, case)
        if n % 25 == 0 or n == len(cases):
            progress(f"{n}/{len(cases)} cases answered by {len(systems)} systems")
    return out


def write_answers(path: Path, answers: dict[str, dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for a in answers.values():
            f.write(json.dumps(a, default=str) + "\n")


def read_answers(path: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Answers by id from a JSONL file; unreadable lines are reported with their line number."""
    rows, problems = read_id_rows(path)
    return {row["id"]: row for _, row in rows}, problems
