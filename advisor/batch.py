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


def read_cases(path: Path) -> tuple[list[dict], list[str]]:
    cases, problems = [], []
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise AdvisorError(f"Cannot read the dataset {path}: {e.strerror or e}.") from e
    for n, data in enumerate(raw.splitlines(), start=1):
        try:
            line = data.decode("utf-8-sig" if n == 1 else "utf-8")  # a BOM from Windows editors
        except UnicodeDecodeError:
            problems.append(f"{path.name}:{n}: not UTF-8 text; skipped")
            continue
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{path.name}:{n}: not JSON ({e.msg}); skipped")
            continue
        except RecursionError:
            problems.append(f"{path.name}:{n}: JSON nested too deeply; skipped")
            continue
        if not isinstance(case, dict) or not isinstance(case.get("id"), str):
            problems.append(f"{path.name}:{n}: needs a string 'id'; skipped")
            continue
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
