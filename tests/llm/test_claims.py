"""Claim-level verification keeps sentences their cited passage supports and removes the rest:
no citation, a wrong date or amount, a frequency or quantity the passage does not state."""

from __future__ import annotations

import json
import zlib
from datetime import date

import numpy as np
import pytest

from advisor.claims import (
    THRESHOLDS_FILE,
    Source,
    Thresholds,
    Verifier,
    load_thresholds,
    split_claims,
    unsupported_rate,
)
from advisor.claims_figures import figures_in_calculations
from advisor.keywords import tokenize
from advisor.models import Calculation, RuleRef

QSI = ("The only requirements for granting the QSI are for an exceptional performance rating and the "
       "availability of funds. Like the EPA, the QSI affects basic pay and has a long-term budgetary effect.")
APPEAL = ("This notice must inform the employee that an appeal may only be filed within 15 calendar days "
          "of the personnel action to preserve entitlement to retroactive benefits.")
TODAY = date(2026, 11, 23)


def bag_of_words(texts: list[str]) -> np.ndarray:
    """A stand-in for the embedding model: hashed word stems, unit length."""
    out = np.zeros((len(texts), 512), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in tokenize(t):
            out[i, zlib.crc32(w.encode()) % 512] += 1.0  # stable across runs
        out[i] /= max(1e-9, float(np.linalg.norm(out[i])))
    return out


def verifier(*texts: str, calcs: list[Calculation] = ()) -> Verifier:
    sources = {n: Source(n, t) for n, t in enumerate(texts, start=1)}
    return Verifier(sources, bag_of_words, figures_in_calculations(calcs, TODAY), TODAY,
                    Thresholds(lexical=0.5, semantic=0.5))


def deadline(result: str = "2026-03-17") -> Calculation:
    return Calculation(name="downgrade_appeal_deadline", inputs={"action_date": "2026-03-02"},
                       result=result, explanation="15 calendar days after 2026-03-02.",
                       rule=RuleRef(source="AR 690-13", section="3-9b", quote=APPEAL))


def test_markers_after_the_full_stop_belong_to_the_sentence_before():
    claims = split_claims("A QSI needs an exceptional rating. [1] It also needs funds.[2]\n- Third point [1].")
    assert [c.markers for c in claims] == [(1,), (2,), (1,)]
    assert claims[2].prefix == "-"


def test_a_reworded_sentence_of_the_cited_passage_is_kept():
    [claim] = verifier(QSI).check("The requirements for granting a QSI are an exceptional performance "
                                  "rating and the availability of funds [1].")
    assert claim.supported and claim.source == 1


def test_a_sentence_without_a_marker_is_removed():
    [claim] = verifier(QSI).check("The requirements for a QSI are an exceptional rating and funds.")
    assert not claim.supported and claim.reason == "cites no source"


def test_a_marker_that_names_no_source_is_removed():
    [claim] = verifier(QSI).check("The QSI requires an exceptional performance rating [4].")
    assert not claim.supported and "not a source" in claim.reason


def test_a_frequency_the_passage_does_not_state_is_removed():
    [claim] = verifier(QSI).check("A QSI can be granted every month [1].")
    assert not claim.supported and "frequency" in claim.reason


def test_a_rule_from_another_passage_is_removed():
    [claim] = verifier(QSI).check("An appeal may only be filed within 15 calendar days of the action [1].")
    assert not claim.supported


def test_a_date_must_equal_a_calculator_result():
    v = verifier(APPEAL, calcs=[deadline()])
    right, wrong = v.check("An appeal may only be filed within 15 calendar days of the personnel action, "
                           "by March 17, 2026 [1]. An appeal may only be filed within 15 calendar days "
                           "of the personnel action, by March 20, 2026 [1].")
    assert right.supported
    assert not wrong.supported and "date" in wrong.reason


def test_a_quantity_the_passage_does_not_state_is_removed():
    [claim] = verifier(APPEAL).check("An appeal may only be filed within 30 calendar days of the "
                                     "personnel action [1].")
    assert not claim.supported and "quantity" in claim.reason


@pytest.mark.parametrize("amount, kept", [("$10,000", True), ("$25,000", False)])
def test_a_dollar_amount_must_appear_in_the_cited_passage_or_a_calculation(amount, kept):
    passage = "The bonus will be in the range of $500 to $10,000, depending on market conditions."
    [claim] = verifier(passage).check(f"The bonus is at most {amount}, depending on market conditions [1].")
    assert claim.supported is kept


def test_unsupported_rate_counts_removed_sentences_over_all_answers():
    v = verifier(QSI)
    answers = [v.check("A QSI needs an exceptional performance rating and the availability of funds [1]. "
                       "A QSI can be granted every month [1]."),
               v.check("The QSI affects basic pay and has a long-term budgetary effect [1].")]
    assert unsupported_rate(answers) == pytest.approx(1 / 3)
    assert unsupported_rate([]) == 0.0


def test_thresholds_file_says_how_and_on_what_they_were_calibrated():
    data = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    assert data["calibrated_on"] == "evals/datasets/dev.jsonl"
    assert data["method"] and data["script"] == "evals/llm/calibrate.py"
    t = load_thresholds()
    assert 0 < t.lexical < 1 and 0 < t.semantic < 1
