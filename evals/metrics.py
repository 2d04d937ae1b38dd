"""Pure scoring functions for one case or a list of numbers: sections, ranking, citations,
facts, calculators, refusals and latency.

No I/O, no model: aggregation over a dataset lives in ``evals/scoring.py`` and the
unsupported-sentence measure in ``evals/support.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from advisor.corpus import split_pin_cite
from advisor.errors import CorpusError
from evals.dataset import LEAD_CHARS, ExpectedCalc
from evals.text import plain_text

RECALL_KS = (1, 3, 5, 10)


def _key(cite: str) -> tuple[str, str] | None:
    try:
        source, section = split_pin_cite(cite)
    except CorpusError:
        return None
    return " ".join(source.split()).lower(), " ".join(section.split()).lower()


def section_matches(a: str, b: str) -> bool:
    """Two pin-cites name the same place: same source, and for numbered AR paragraphs one id
    is the other or an ancestor of it at a subparagraph boundary (``3-13`` ~ ``3-13f(2)``,
    ``3-13f`` ~ ``3-13f(2)``, but ``3-1`` !~ ``3-13``). Named sections match only when equal."""
    ka, kb = _key(a), _key(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    sa, sb = ka[1], kb[1]
    if sa == sb:
        return True
    if not (sa[:1].isdigit() and sb[:1].isdigit()):
        return False
    short, long = sorted((sa, sb), key=len)
    return long.startswith(short) and long[len(short)] in "abcdefghijklmnopqrstuvwxyz("


def matches_any(cite: str, gold: Iterable[str]) -> bool:
    return any(section_matches(cite, g) for g in gold)


def recall_at(retrieved: Sequence[str], gold: Sequence[str], k: int) -> float:
    """Share of gold sections matched by at least one of the first k retrieved pin-cites."""
    top = retrieved[:k]
    return sum(1 for g in gold if any(section_matches(r, g) for r in top)) / len(gold)


def reciprocal_rank(retrieved: Sequence[str], gold: Sequence[str]) -> float:
    """1/rank of the first retrieved pin-cite matching any gold section (0 when none does)."""
    for rank, r in enumerate(retrieved, start=1):
        if matches_any(r, gold):
            return 1.0 / rank
    return 0.0


def ndcg_at(retrieved: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    """Binary-relevance nDCG: a retrieved item gains 1 when it matches a gold section not
    already matched higher up (repeats of one section gain nothing)."""
    found: set[int] = set()
    dcg = 0.0
    for rank, r in enumerate(retrieved[:k], start=1):
        new = [i for i, g in enumerate(gold) if i not in found and section_matches(r, g)]
        if new:
            found.add(new[0])
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return dcg / ideal if ideal else 0.0


def citation_precision(cited: Sequence[str], gold: Sequence[str]) -> float | None:
    """Share of distinct cited pin-cites that match a gold section; None when nothing is cited."""
    distinct = list(dict.fromkeys(cited))
    if not distinct:
        return None
    return sum(1 for c in distinct if matches_any(c, gold)) / len(distinct)


def citation_recall(cited: Sequence[str], gold: Sequence[str]) -> float:
    """Share of gold sections matched by at least one citation."""
    return sum(1 for g in gold if matches_any(g, cited)) / len(gold)


def _variants(answer_text: str) -> tuple[str, str]:
    return plain_text(answer_text), plain_text(answer_text, drop_labels=True)


def facts_hold(facts: Sequence[str], answer_text: str) -> bool:
    """Every fact regex matches the answer as read (Markdown removed; ``^`` is a line start)."""
    texts = _variants(answer_text)
    return all(any(re.search(f, t, re.MULTILINE) for t in texts) for f in facts)


def lead_holds(patterns: Sequence[str], answer_text: str, chars: int = LEAD_CHARS) -> bool:
    """Every regex matches within the first ``chars`` characters of the answer as read (with
    or without its bold line labels): the direct answer must come first."""
    texts = tuple(plain_text(answer_text, drop_labels=d)[:chars] for d in (False, True))
    return all(any(re.search(p, t, re.MULTILINE) for t in texts) for p in patterns)


def must_not_hits(patterns: Sequence[str], answer_text: str) -> list[str]:
    """The forbidden regexes that match the answer as read, with or without its bold labels."""
    texts = _variants(answer_text)
    return [p for p in patterns if any(re.search(p, t, re.MULTILINE) for t in texts)]


def calculation_matches(expected: ExpectedCalc, calculations: Sequence[dict[str, Any]]) -> bool:
    """A calculation with the expected name whose result equals the expected value; when the
    expected result is null, that calculator ran and asked for the missing facts."""
    for calc in calculations:
        if calc.get("name") != expected.name:
            continue
        if expected.result is None:
            if calc.get("missing"):
                return True
        elif _same(calc.get("result"), expected.result):
            return True
    return False


def _same(got: Any, want: Any) -> bool:
    """Exact equality, except that text ignores case and edge spaces and True is not 1."""
    if isinstance(want, str) and isinstance(got, str):
        return got.strip().lower() == want.strip().lower()
    if isinstance(got, bool) or isinstance(want, bool):
        return got is want
    return bool(got == want)


def refusal_confusion(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float | int | None]:
    """Confusion counts and precision/recall of refusing, from (expected, got) pairs."""
    tp = fp = fn = tn = 0
    for expected, got in pairs:
        tp += expected and got
        fp += (not expected) and got
        fn += expected and not got
        tn += (not expected) and not got
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None}


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation; None for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def mean(values: Iterable[float | None]) -> float | None:
    xs = [v for v in values if v is not None]
    return sum(xs) / len(xs) if xs else None
