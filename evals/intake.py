"""Score the intake on the golden table (``tests/data/intake_golden.jsonl``), per category.

Each row is a question or a short conversation with what a correct intake makes of its last
turn: the outcome (compute, ask, clarify, lookup, decline, roadmap), the calculator, the facts
bound to their roles, the result, the fact asked for next and the facts carried from earlier
turns (the answer must name them). Scoring reads the Answer JSON only, so answers of any
version of the advisor compare: the ``intent`` field when present, else what its calculations
show. ``asked`` (the form of answer) is reported on its own, as only an intent can show it.

    python -m evals.intake                         # answer every row with this checkout, score
    python -m evals.intake --answers A.jsonl       # score saved answers (``advisor eval run``)
    python -m evals.intake --show-failures [--category mt-reply]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "data" / "intake_golden.jsonl"
Outcome = Literal["compute", "ask", "clarify", "lookup", "decline", "roadmap"]
# Bound values of these types are never extra: a stated flag may come with implied ones.
_VALUE_FACT_SKIP = (bool,)


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Outcome
    about: str | None
    asked: str
    facts: dict[str, Any]
    ask_for: list[str]
    options: list[str]
    carried: list[str]
    result: Any = None


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    category: str
    today: date
    turns: list[str]
    expect: Expect
    note: str = ""


@dataclass
class Seen:
    """What an answer shows of the intake's reading."""

    outcome: Outcome
    about: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    result: Any = None
    asks: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)
    asked: str | None = None


def load_rows(path: Path = GOLDEN) -> list[Row]:
    rows = [Row.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r.id for r in rows]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate ids in the golden table")
    return rows


def seen(answer: dict[str, Any]) -> Seen:
    """Read the intake's outcome off an Answer JSON (its intent, else its calculations)."""
    intent = answer.get("intent") or {}
    asked = intent.get("asked")
    carried = [f["name"] for f in intent.get("facts", []) if f.get("source") == "earlier_turn"]
    if answer.get("refused") and not answer.get("calculations"):
        return Seen("decline", asked=asked)
    if answer.get("roadmap"):
        return Seen("roadmap", asked=asked)
    ambiguities = intent.get("ambiguities") or []
    if ambiguities:
        a = ambiguities[0]
        about = (intent.get("about") or [None])[0] if a.get("kind") != "calculator" else None
        return Seen("clarify", about=about, asks=[a.get("about", "")], options=list(a.get("options") or []),
                    facts=_intent_facts(intent), asked=asked, carried=carried)
    calcs = answer.get("calculations") or []
    if not calcs:
        return Seen("lookup", asked=asked)
    c = calcs[0]
    facts = _intent_facts(intent) if intent else _inputs(c)
    pending = (intent.get("pending") or {}).get("next_fact")
    if c.get("result") is None or c.get("result") == "need more information":
        asks = [pending] if pending else list(c.get("missing") or []) or _unknown_criteria(c)
        return Seen("ask", about=c.get("name"), facts=facts, asks=asks, asked=asked, carried=carried)
    return Seen("compute", about=c.get("name"), facts=facts, result=c.get("result"), asked=asked,
                carried=carried)


def _intent_facts(intent: dict[str, Any]) -> dict[str, Any]:
    return {f["name"]: f["value"] for f in intent.get("facts", []) if f.get("value") is not None}


def _inputs(calc: dict[str, Any]) -> dict[str, Any]:
    skip = {"forwarded_to_dcsint": False, "extensions": 0}
    return {k: v for k, v in (calc.get("inputs") or {}).items() if v is not None and skip.get(k, object()) != v}


def _unknown_criteria(calc: dict[str, Any]) -> list[str]:
    rows = (calc.get("details") or {}).get("criteria") or []
    return [n for r in rows if r.get("status") == "unknown" for n in (r.get("needs") or [r.get("id")])]


def same(got: Any, want: Any) -> bool:
    """Values equal the way the table writes them (dollars and years as strings, ISO dates)."""
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, dict):
        return isinstance(got, dict) and set(got) == set(want) and all(same(got[k], want[k]) for k in want)
    try:
        return Decimal(str(got)) == Decimal(str(want))
    except (InvalidOperation, ValueError):
        return str(got).strip().lower() == str(want).strip().lower()


def check(row: Row, s: Seen) -> dict[str, bool]:
    """The checks that apply to a row, each True when it holds."""
    e = row.expect
    checks = {"outcome": s.outcome == e.outcome}
    if e.outcome in ("compute", "ask") or (e.outcome == "clarify" and e.about):
        checks["about"] = s.about == e.about
    if e.facts:
        checks["facts"] = all(k in s.facts and same(s.facts[k], v) for k, v in e.facts.items())
    if e.outcome == "compute":
        extra = [k for k, v in s.facts.items() if k not in e.facts and not isinstance(v, _VALUE_FACT_SKIP)]
        checks["no_extra_facts"] = not extra
        if e.result is not None:
            checks["result"] = same(s.result, e.result)
    if e.outcome in ("ask", "clarify") and e.ask_for:
        checks["asks"] = bool(set(s.asks) & set(e.ask_for))
    if e.outcome == "clarify" and e.options:
        checks["options"] = set(e.options) <= set(s.options)
    if e.carried:
        checks["carried"] = set(e.carried) <= set(s.carried)
    return checks


def score(rows: list[Row], answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    per: dict[str, list[bool]] = defaultdict(list)
    asked_ok: list[bool] = []
    cases = []
    for row in rows:
        answer = answers.get(row.id) or {}
        s = seen(answer)
        checks = check(row, s)
        ok = bool(answer) and all(checks.values())
        per[row.category].append(ok)
        per["all"].append(ok)
        if s.asked is not None:
            asked_ok.append(s.asked == row.expect.asked)
        cases.append({"id": row.id, "category": row.category, "passed": ok, "checks": checks,
                      "seen": s.__dict__, "expect": row.expect.model_dump(), "turns": row.turns,
                      "answer": str(answer.get("answer", ""))[:600]})
    table = {k: {"n": len(v), "passed": sum(v), "rate": sum(v) / len(v)} for k, v in per.items()}
    wrong = [c["id"] for c in cases if c["seen"]["outcome"] == "compute" and c["seen"]["result"] is not None
             and c["expect"]["about"] != c["seen"]["about"]]
    return {"categories": table, "asked_accuracy": (sum(asked_ok) / len(asked_ok)) if asked_ok else None,
            "wrong_rule_numbers": wrong, "cases": cases}


def intake_only(rows: list[Row], cache: Path | None = None, intake: Any = None) -> dict[str, dict[str, Any]]:
    """Answer every row with the intake and the act step only (no retrieval, no writer): fast.
    ``intake``: an advisor's (its vectors precomputed with the index); else one built here."""
    from advisor.act import act
    from advisor.calculators.base import Context
    from advisor.calculators.registry import all_calculators
    from advisor.config import Settings
    from advisor.embeddings import shared_embedder
    from advisor.intake import Intake
    from advisor.rulebook.load import load_rulebook
    from advisor.rulebook.targets import rule_targets

    calcs = all_calculators()
    embed = None
    if intake is None:
        embed = _cached_embed(shared_embedder(), cache)
        intake = Intake(calcs, embed, rules=rule_targets(load_rulebook(Settings().corpus_dir)))
    by_name = {c.name: c for c in calcs}
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        *history, question = row.turns
        try:
            intent = intake.understand(question, history, row.today)
            calcs_out = act(intent, by_name, Context(today=row.today))
            out[row.id] = {"answer": "", "intent": intent.model_dump(mode="json"),
                           "calculations": [c.model_dump(mode="json") for c in calcs_out],
                           "refused": intent.asked == "out_of_scope",
                           "roadmap": {"planned": True} if intent.asked == "roadmap" else None}
        except Exception as e:  # noqa: BLE001 - a crash is that row's failure, the run goes on
            out[row.id] = {"answer": "", "crashed": True, "error": f"{type(e).__name__}: {e}"}
    if embed is not None:
        _save_cache(embed, cache)
    return out


def _cached_embed(embedder: Any, cache: Path | None) -> Any:
    import numpy as np

    store: dict[str, Any] = {}
    if cache and cache.exists():
        data = np.load(cache, allow_pickle=False)
        store = dict(zip(data["texts"].tolist(), data["vectors"]))

    def embed(texts: list[str]) -> Any:
        todo = [t for t in dict.fromkeys(texts) if t not in store]
        if todo:
            for t, v in zip(todo, embedder.encode(todo)):
                store[t] = v
        return np.stack([store[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    embed.store = store  # type: ignore[attr-defined]
    return embed


def _save_cache(embed: Any, cache: Path | None) -> None:
    import numpy as np

    if cache:
        texts = list(embed.store)
        np.savez(cache, texts=np.array(texts), vectors=np.stack([embed.store[t] for t in texts]))


def answer_rows(rows: list[Row]) -> dict[str, dict[str, Any]]:
    """Answer every row with this checkout's advisor, each as of its own ``today``."""
    from advisor.config import Settings
    from advisor.factory import load_advisor

    advisor = load_advisor(Settings())
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        advisor.today = lambda d=row.today: d  # type: ignore[misc]
        *history, question = row.turns
        try:
            out[row.id] = advisor.ask(question, history).model_dump(mode="json")
        except Exception as e:  # noqa: BLE001 - a crash is that row's failure, the run goes on
            out[row.id] = {"answer": "", "crashed": True, "error": f"{type(e).__name__}: {e}"}
    return out


def report(result: dict[str, Any]) -> str:
    lines = ["| category | rows | passed | rate |", "|---|---:|---:|---:|"]
    table = result["categories"]
    for k in sorted(table, key=lambda c: (c == "all", c)):
        t = table[k]
        lines.append(f"| {'**all**' if k == 'all' else k} | {t['n']} | {t['passed']} | {t['rate']:.2f} |")
    if result["asked_accuracy"] is not None:
        lines.append(f"\nasked (form of answer) accuracy: {result['asked_accuracy']:.3f}")
    wrong = result.get("wrong_rule_numbers") or []
    lines.append(f"computed a number from another rule than the row's: {len(wrong)}"
                 + (f" ({', '.join(wrong)})" if wrong else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.intake", description=__doc__.splitlines()[0])
    p.add_argument("--answers", type=Path, help="score saved answers (JSONL with 'id') instead")
    p.add_argument("--golden", type=Path, default=GOLDEN)
    p.add_argument("--save", type=Path, help="write the answers JSONL here")
    p.add_argument("--show-failures", action="store_true")
    p.add_argument("--category")
    p.add_argument("--json", type=Path, help="write the full scores JSON here")
    p.add_argument("--intake-only", action="store_true", help="intake + act only (no retrieval): fast")
    p.add_argument("--cache", type=Path, help="with --intake-only: an embedding cache file (.npz)")
    args = p.parse_args(argv)
    rows = load_rows(args.golden)
    if args.category:
        rows = [r for r in rows if r.category == args.category]
    started = time.perf_counter()
    if args.answers:
        answers = {}
        for line in args.answers.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                answers[a["id"]] = a
    elif args.intake_only:
        answers = intake_only(rows, args.cache)
    else:
        answers = answer_rows(rows)
    if args.save:
        args.save.write_text("".join(json.dumps({"id": k, **v}) + "\n" for k, v in answers.items()))
    result = score(rows, answers)
    print(report(result))
    if args.show_failures:
        for c in result["cases"]:
            if not c["passed"]:
                failed = [k for k, v in c["checks"].items() if not v]
                print(f"\n{c['id']} [{', '.join(failed)}] {' / '.join(c['turns'])}\n  expect {c['expect']}\n"
                      f"  seen   {c['seen']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))
    print(f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
