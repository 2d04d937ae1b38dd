"""The CI gate (``evals/gate.json``): its fixed case subset, its check, and a measuring helper.

    python -m evals.gate     # answer the gate subset, print the metrics and proposed thresholds

It never writes ``gate.json``: raising a threshold is a deliberate, reviewed commit, made
from dev measurements only (test.jsonl is never used to tune anything).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from evals.dataset import DATASETS, Case, load_dataset, stratified

GATE_FILE = Path(__file__).resolve().parent / "gate.json"
MARGIN = 0.05  # proposed floors sit this far under what was measured (ceilings this far over)
# per-kind floors allow one more failed case than measured instead


def load_gate(path: Path = GATE_FILE) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def gate_cases(gate: dict[str, Any]) -> list[Case]:
    cases, problems = load_dataset(DATASETS / f"{gate['split']}.jsonl")
    if problems:
        raise ValueError("the gate's dataset has problems: " + "; ".join(problems))
    return stratified(cases, int(gate["cases"]))


def violations(scores: dict[str, Any], gate: dict[str, Any]) -> list[str]:
    """Every gated metric on the wrong side of its threshold, as readable lines."""
    out: list[str] = []
    metrics, kinds = scores["metrics"], scores["per_kind"]
    for name, floor in gate["at_least"].items():
        if metrics.get(name) is None or metrics[name] < floor:
            out.append(f"{name} = {metrics.get(name)} < {floor}")
    for name, ceiling in gate["at_most"].items():
        if metrics.get(name) is None or metrics[name] > ceiling:
            out.append(f"{name} = {metrics.get(name)} > {ceiling}")
    for kind, floor in gate["kind_pass_rate_at_least"].items():
        rate = (kinds.get(kind) or {}).get("rate")
        if rate is None or rate < floor:
            out.append(f"pass rate of {kind} = {rate} < {floor}")
    return out


def propose(scores: dict[str, Any], gate: dict[str, Any]) -> dict[str, Any]:
    """The gate's metrics with thresholds a margin under (or over) the measured values."""
    def down(v: float) -> float:
        return max(0.0, math.floor((v - MARGIN) * 20) / 20)

    def up(v: float) -> float:
        return math.ceil((v + MARGIN) * 20) / 20

    def one_case_less(kind: dict[str, Any]) -> float:  # ~5 cases a kind: allow one more failure
        return max(0.0, math.floor((kind["passed"] - 1) / kind["n"] * 20) / 20)

    m = scores["metrics"]
    return {**gate,
            "at_least": {k: down(m[k] or 0.0) for k in gate["at_least"]},
            "at_most": {k: (m[k] if k == "crashed" else up(m[k] or 0.0)) for k in gate["at_most"]},
            "kind_pass_rate_at_least": {k: one_case_less(v) for k, v in scores["per_kind"].items()}}


def main() -> int:
    from advisor.factory import load_advisor
    from evals.baselines import AdvisorSystem
    from evals.harness import answer_cases
    from evals.run import eval_settings
    from evals.scoring import score

    gate = load_gate()
    cases = gate_cases(gate)
    result = score(cases, answer_cases(AdvisorSystem(load_advisor(eval_settings())), cases))
    print(json.dumps({"measured": result["metrics"], "per_kind": result["per_kind"]}, indent=1))
    print("violations:", violations(result, gate) or "none")
    print("proposal (edit gate.json by hand):", json.dumps(propose(result, gate), indent=1))
    return 1 if violations(result, gate) else 0


if __name__ == "__main__":
    sys.exit(main())
