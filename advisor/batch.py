"""Batch answering for the evaluation suite: one Answer JSON line per input line.

Input lines are ``{"id": str, "turns": [str, ...]}`` (other fields ignored); the last turn is
answered with the earlier ones as history. A bad line is reported and skipped; a failure
inside one case is recorded for that case. The advisor (model and index) is loaded once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from advisor.config import Settings
from advisor.errors import AdvisorError


def read_id_rows(path: Path) -> tuple[list[tuple[int, dict]], list[str]]:
    """(line number, object) for each JSON object with a string ``id``, one per line of a JSONL
    file, and the problems: a line that is not
    UTF-8, not JSON (or nested too deeply) or has no string ``id`` is reported by line number
    and skipped. A leading BOM is allowed."""
    rows: list[tuple[int, dict]] = []
    problems: list[str] = []
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise AdvisorError(f"Cannot read {path}: {e.strerror or e}.") from e
    for n, data in enumerate(raw.splitlines(), start=1):
        try:
            line = data.decode("utf-8-sig" if n == 1 else "utf-8")  # a BOM from Windows editors
        except UnicodeDecodeError:
            problems.append(f"{path.name}:{n}: not UTF-8 text; skipped")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{path.name}:{n}: not JSON ({e.msg}); skipped")
            continue
        except RecursionError:
            problems.append(f"{path.name}:{n}: JSON nested too deeply; skipped")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            problems.append(f"{path.name}:{n}: needs a string 'id'; skipped")
            continue
        rows.append((n, row))
    return rows, problems


def read_cases(path: Path) -> tuple[list[dict], list[str]]:
    """The cases of a batch dataset: rows with an ``id`` and a non-empty list of string ``turns``."""
    rows, problems = read_id_rows(path)
    cases: list[dict] = []
    for n, case in rows:
        turns = case.get("turns")
        if not isinstance(turns, list) or not turns or not all(isinstance(t, str) for t in turns):
            problems.append(f"{path.name}:{n}: 'turns' must be a non-empty list of strings; skipped")
            continue
        cases.append(case)
    return cases, problems


def run_batch(dataset: Path, out: Path, settings: Settings, writer: str | None = None) -> dict:
    from advisor.factory import load_advisor

    if writer:
        settings = settings.model_copy(update={"llm": writer})
    cases, problems = read_cases(dataset)
    for p in problems:
        print(p, file=sys.stderr)
    advisor = load_advisor(settings, progress=lambda m: print(m, file=sys.stderr))
    failed = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for case in cases:
            *history, question = case["turns"]
            try:
                answer = advisor.ask(question, history).model_dump(mode="json")
            except AdvisorError as e:
                answer = {"answer": str(e), "citations": [], "calculations": [], "refused": True,
                          "confidence": 0.0, "latency_ms": 0.0, "writer": advisor.writer.name,
                          "error": str(e)}
            except Exception as e:  # noqa: BLE001 - one broken case must not end the run
                failed += 1
                answer = {"answer": "", "citations": [], "calculations": [], "refused": False,
                          "confidence": 0.0, "latency_ms": 0.0, "writer": advisor.writer.name,
                          "error": f"{type(e).__name__}: {e}"}
            f.write(json.dumps({"id": case["id"], **answer}) + "\n")
    return {"cases": len(cases), "skipped_lines": len(problems), "crashed": failed, "out": str(out)}
