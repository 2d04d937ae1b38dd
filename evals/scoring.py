"""Score one system's answers against a dataset: per-case checks and the aggregate metrics.

A case passes when every check that applies to it passes: facts, must_not, refusal
correctness, the calculation when one is expected, and at least one gold section cited
when sections are given and the case is not a refusal. A crashed or missing answer fails.
Reads answers as dicts (the Answer JSON); it does not produce answers or write files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from advisor.corpus import pin_cite
from evals import metrics as m
from evals.dataset import KINDS, Case
from evals.support import Embed, judge
from evals.verification import summarize as verification_summary


@dataclass
class CaseResult:
    """The verdict on one case, with enough of the answer to read why."""

    id: str
    kind: str
    question: str
    passed: bool
    checks: dict[str, bool] = field(default_factory=dict)
    error: str | None = None
    expected: str = ""
    got: str = ""
    unsupported: list[str] = field(default_factory=list)


def cited(answer: dict[str, Any]) -> list[str]:
    """The pin-cites of an answer's citations, in order."""
    return [pin_cite(str(c.get("source", "")), str(c.get("section", "")))
            for c in answer.get("citations") or []]


def crash_of(answer: dict[str, Any] | None) -> str | None:
    """Why an answer is a crash (None when it is a real answer; a handled refusal is one)."""
    if answer is None:
        return "no answer for this case"
    if answer.get("crashed") or (answer.get("error") and not answer.get("refused")):
        return str(answer.get("error") or "crashed")
    return None


def wrong_rule_number(case: Case, answer: dict[str, Any]) -> bool:
    """The answer shows a computed date or amount from another rule than the one asked about:
    a calculation of another name with a result, where the case expects a calculation (or a
    lookup of a rule) and no number of that other rule."""
    expected = case.expected.calculation
    for calc in answer.get("calculations") or []:
        result = calc.get("result")
        if result is None or result == "need more information" or calc.get("missing"):
            continue
        if expected is not None and calc.get("name") != expected.name:
            return True
        if expected is None and case.kind in ("deadline", "pay", "eligibility"):
            return True
    return False


def check_case(case: Case, answer: dict[str, Any]) -> dict[str, bool]:
    """The applicable checks of one case, each True when it passes."""
    exp = case.expected
    text = str(answer.get("answer", ""))
    checks = {"refusal": bool(answer.get("refused")) == exp.refuse}
    if exp.facts:
        checks["facts"] = m.facts_hold(exp.facts, text)
    if exp.lead:
        checks["lead"] = m.lead_holds(exp.lead, text)
    if exp.must_not:
        checks["must_not"] = not m.must_not_hits(exp.must_not, text)
    if exp.calculation is not None:
        checks["calculation"] = m.calculation_matches(exp.calculation, answer.get("calculations") or [])
    if exp.sections and not exp.refuse:
        checks["cites_gold"] = any(m.matches_any(c, exp.sections) for c in cited(answer))
    return checks


def score(cases: list[Case], answers: dict[str, dict[str, Any]], embed: Embed | None = None) -> dict[str, Any]:
    """Metrics, per-kind pass rates, the refusal confusion, per-case results and (for a
    language-model writer) the claim check's before/after summary."""
    results: list[CaseResult] = []
    rows: list[tuple[Case, dict[str, Any]]] = []
    for case in cases:
        answer = answers.get(case.id)
        crash = crash_of(answer)
        body = answer if answer is not None and crash is None else {"answer": "", "refused": False}
        checks = check_case(case, body)
        results.append(CaseResult(
            id=case.id, kind=case.kind, question=" / ".join(case.turns), error=crash,
            passed=crash is None and all(checks.values()), checks=checks,
            expected=_describe_expected(case), got=_describe(answer or {})))
        rows.append((case, body))
    supports = judge([a for _, a in rows], embed)
    for r, s in zip(results, supports):
        r.unsupported = s.unsupported
    metrics = _aggregate(rows, results, answers)
    wrong = [c.id for c, a in rows if wrong_rule_number(c, a)]
    metrics["wrong_rule_numbers"] = len(wrong)
    metrics["wrong_rule_cases"] = wrong
    sentences = sum(s.sentences for s in supports)
    metrics["unsupported_lexical"] = sum(s.lexical for s in supports) / sentences if sentences else None
    metrics["unsupported_embedding"] = (sum(s.embedding or 0 for s in supports) / sentences
                                        if sentences and embed else None)
    confusion = m.refusal_confusion((c.expected.refuse, bool(a.get("refused"))) for c, a in rows)
    metrics["refusal_precision"], metrics["refusal_recall"] = confusion["precision"], confusion["recall"]
    per_kind = {k: _rate([r.passed for r in results if r.kind == k]) for k in KINDS
                if any(r.kind == k for r in results)}
    return {"metrics": metrics, "per_kind": per_kind, "refusal": confusion,
            "verification": verification_summary(a for _, a in rows),
            "cases": [asdict(r) for r in results]}


def _aggregate(rows: list[tuple[Case, dict[str, Any]]], results: list[CaseResult],
               answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def over(check: str) -> float | None:
        return m.mean(float(r.checks[check]) for r in results if check in r.checks)

    ranked = [(c.expected.sections, list(a.get("retrieved") or []), cited(a)) for c, a in rows
              if c.expected.sections and not c.expected.refuse]
    latencies = [float(a.get("wall_ms", a.get("latency_ms", 0.0))) for c, a in rows
                 if crash_of(answers.get(c.id)) is None]
    out: dict[str, Any] = {
        "cases": len(results),
        "crashed": sum(r.error is not None for r in results),
        "pass_rate": _rate([r.passed for r in results])["rate"],
        "fact_accuracy": over("facts"),
        "must_not_violation_rate": None if over("must_not") is None else 1 - over("must_not"),
        "calc_exact": over("calculation"),
        "refusal_accuracy": over("refusal"),
        "citation_precision": m.mean(m.citation_precision(c, g) for g, _, c in ranked),
        "citation_recall": m.mean(m.citation_recall(c, g) for g, _, c in ranked),
    }
    for k in m.RECALL_KS:
        out[f"recall@{k}"] = m.mean(m.recall_at(r, g, k) for g, r, _ in ranked)
    out["mrr"] = m.mean(m.reciprocal_rank(r, g) for g, r, _ in ranked)
    out["ndcg@10"] = m.mean(m.ndcg_at(r, g, 10) for g, r, _ in ranked)
    out["latency_p50_ms"] = m.percentile(latencies, 50)
    out["latency_p95_ms"] = m.percentile(latencies, 95)
    return out


def _rate(flags: list[bool]) -> dict[str, Any]:
    return {"n": len(flags), "passed": sum(flags), "rate": sum(flags) / len(flags) if flags else None}


def _describe_expected(case: Case) -> str:
    e = case.expected
    parts = ["refuse" if e.refuse else "answer"]
    if e.sections:
        parts.append("cite " + " | ".join(e.sections))
    if e.calculation:
        parts.append(f"{e.calculation.name} = {e.calculation.result!r}")
    if e.facts:
        parts.append("facts " + " ; ".join(e.facts))
    if e.lead:
        parts.append("lead " + " ; ".join(e.lead))
    if e.must_not:
        parts.append("must not " + " ; ".join(e.must_not))
    return "; ".join(parts)


def _describe(answer: dict[str, Any]) -> str:
    if not answer:
        return "(no answer)"
    parts = ["REFUSED" if answer.get("refused") else "answered"]
    if answer.get("error"):
        parts.append(f"error: {answer['error']}")
    calcs = [f"{c.get('name')} = {c.get('result')!r}" + (f" (missing: {', '.join(c['missing'])})"
             if c.get("missing") else "") for c in answer.get("calculations") or []]
    if calcs:
        parts.append("calc " + "; ".join(calcs))
    if cited(answer):
        parts.append("cited " + " | ".join(dict.fromkeys(cited(answer))))
    parts.append("text: " + " ".join(str(answer.get("answer", "")).split()))
    return "; ".join(parts)
