"""CI gate: the advisor, on a fixed stratified subset of dev cases, keeps every gated metric on the
right side of its threshold in ``evals/gate.json``. Raising a threshold is a deliberate commit."""

from __future__ import annotations

import pytest

from evals.baselines import AdvisorSystem
from evals.gate import gate_cases, load_gate
from evals.harness import answer_cases
from evals.scoring import score

GATE = load_gate()


@pytest.fixture(scope="module")
def gate_scores(advisor) -> dict:
    cases = gate_cases(GATE)
    return score(cases, answer_cases(AdvisorSystem(advisor), cases))  # lexical support only


def _show(scores: dict) -> str:
    failed = [f"{c['id']}: {c['error'] or [k for k, ok in c['checks'].items() if not ok]}"
              for c in scores["cases"] if not c["passed"]]
    return "failed cases:\n" + "\n".join(failed)


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(GATE["at_least"]))
def test_the_advisor_keeps_each_gated_metric_at_or_above_its_floor(gate_scores, metric):
    value = gate_scores["metrics"][metric]
    assert value is not None and value >= GATE["at_least"][metric], (
        f"{metric} = {value} fell below {GATE['at_least'][metric]}\n" + _show(gate_scores))


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(GATE["at_most"]))
def test_the_advisor_keeps_each_gated_error_rate_at_or_below_its_ceiling(gate_scores, metric):
    value = gate_scores["metrics"][metric]
    assert value is not None and value <= GATE["at_most"][metric], (
        f"{metric} = {value} rose above {GATE['at_most'][metric]}\n" + _show(gate_scores))


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(GATE["kind_pass_rate_at_least"]))
def test_no_kind_of_question_falls_below_its_pass_rate_floor(gate_scores, kind):
    rate = gate_scores["per_kind"][kind]["rate"]
    assert rate >= GATE["kind_pass_rate_at_least"][kind], (
        f"{kind} pass rate {rate} fell below {GATE['kind_pass_rate_at_least'][kind]}\n" + _show(gate_scores))
