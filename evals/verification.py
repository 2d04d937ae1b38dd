"""The claim check of a language-model writer, summed over a run's answers (pure; no model).

Each answer a model drafted carries ``verification`` (``advisor.models.Verification``): the
draft's sentences, which were kept, whether the advisor fell back to the extractive answer,
and the time the check took. From these:

- ``judged_unsupported_before``: share of drafted sentences the verifier removed - the
  unsupported-sentence rate *before* verification as the verifier sees it;
- ``judged_unsupported_after``: the same over what was shown - 0 by construction, listed so
  the report reads as before/after; the evaluation's own independent check of the shown
  answers is the headline's ``unsupported_lexical`` / ``unsupported_embedding``;
- when the sentences carry ground truth (``truth``: the scripted model of
  ``evals/llm/scripted.py`` labels every sentence it writes): ``unsupported_before`` and
  ``unsupported_after`` (true rates in the draft and in the sentences shown),
  ``supported_removed`` (correct sentences the check threw away), ``unsupported_caught``
  and the same by kind of planted error;
- ``verify_ms`` p50 / p95 / mean per checked answer.

Sentences shown = kept sentences of answers that did not fall back (a fallback shows the
extractive answer, which the headline's support measure covers).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from evals.metrics import mean, percentile


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def summarize(answers: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """Before/after rates and timing over the answers that carry a verification; None if none do."""
    checked = [v for a in answers if isinstance(v := a.get("verification"), dict)]
    if not checked:
        return None
    drafted = [s for v in checked for s in v.get("sentences", [])]
    shown = [s for v in checked if not v.get("fell_back") for s in v.get("sentences", []) if s.get("kept")]
    times = [float(v.get("verify_ms", 0.0)) for v in checked]
    out: dict[str, Any] = {
        "answers": len(checked),
        "fell_back": sum(bool(v.get("fell_back")) for v in checked),
        "sentences": len(drafted),
        "sentences_shown": len(shown),
        "judged_unsupported_before": _share([not s.get("kept") for s in drafted]),
        "judged_unsupported_after": _share([not s.get("kept") for s in shown]),
        "verify_p50_ms": percentile(times, 50),
        "verify_p95_ms": percentile(times, 95),
        "verify_mean_ms": mean(times),
    }
    labelled = [s for s in drafted if isinstance(s.get("truth"), bool)]
    if labelled:
        wrong = [s for s in labelled if not s["truth"]]
        shown_labelled = [s for s in shown if isinstance(s.get("truth"), bool)]
        out.update({
            "labelled": len(labelled),
            "unsupported_before": _share([not s["truth"] for s in labelled]),
            "unsupported_after": _share([not s["truth"] for s in shown_labelled]),
            "supported_removed": _share([not s.get("kept") for s in labelled if s["truth"]]),
            "unsupported_caught": _share([not s.get("kept") for s in wrong]),
            "caught_by_kind": {k: _share([not s.get("kept") for s in wrong if s.get("kind") == k])
                               for k in sorted({str(s.get("kind")) for s in wrong})},
        })
    return out
