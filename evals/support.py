"""Unsupported-sentence rate: answer sentences that no cited quote, rule-book statement the answer
rests on (``statements``) or calculator output backs.

A claim sentence (see ``evals/text.py``) of at least ``MIN_WORDS`` content words is
*supported* when, for some support text (a citation quote, a rule-book statement in ``statements``, a calculation's rule quote,
explanation, missing-fact requests or checklist rows, whole or one of its sentences):

- lexically: the share of the sentence's content words found in it is >= ``LEXICAL_THRESHOLD``;
- by embedding: the cosine similarity of the two (all-MiniLM-L6-v2, unit vectors) is
  >= ``EMBEDDING_THRESHOLD``.

Refused and crashed answers have no sentences to judge. This module does not decide
whether a sentence is *true*, only whether the answer's own sources contain it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from advisor.text import sentence_spans
from evals.text import claim_sentences, content_words

# Half the sentence's content words must appear in one source text. Verbatim quotes score 1.0;
# a faithful paraphrase keeps most nouns and numbers; a sentence about something else
# typically shares under a quarter. Chosen by reading dev answers, not tuned on test.
LEXICAL_THRESHOLD = 0.5
# all-MiniLM-L6-v2 gives ~0.7-0.9 to a paraphrase of the same rule and ~0.1-0.4 to a
# sentence on another topic of the same regulation; 0.6 sits between (dev answers).
EMBEDDING_THRESHOLD = 0.6
MIN_WORDS = 3

Embed = Callable[[list[str]], np.ndarray]


@dataclass
class Support:
    """How many of one answer's claim sentences lack support, by each measure."""

    sentences: int = 0
    lexical: int = 0
    embedding: int | None = None
    unsupported: list[str] = field(default_factory=list)  # lexically unsupported, for the report


def support_texts(answer: dict[str, Any]) -> list[str]:
    """Everything the answer may lean on: its quotes and its calculators' own outputs."""
    texts = [str(c.get("quote", "")) for c in answer.get("citations") or []]
    texts += [str(t) for t in answer.get("statements") or []]  # rule-book entries the lead rests on
    for calc in answer.get("calculations") or []:
        texts.append(str((calc.get("rule") or {}).get("quote", "")))
        texts.append(str(calc.get("explanation", "")))
        texts += [str(m) for m in calc.get("missing") or []]
        texts += [str(c.get("text", "")) for c in (calc.get("details") or {}).get("criteria") or []
                  if isinstance(c, dict)]
    units: list[str] = []
    for t in texts:
        if t.strip():
            units.append(t)
            units += [t[a:b] for a, b in sentence_spans(t)]
    return list(dict.fromkeys(units))


def judged_sentences(answer: dict[str, Any]) -> list[str]:
    if answer.get("refused") or answer.get("crashed"):
        return []
    return [s for s in claim_sentences(str(answer.get("answer", "")))
            if len(content_words(s)) >= MIN_WORDS]


def lexical_overlap(sentence: str, source: str) -> float:
    words = content_words(sentence)
    return len(words & content_words(source)) / len(words) if words else 1.0


def judge(answers: list[dict[str, Any]], embed: Embed | None = None) -> list[Support]:
    """One ``Support`` per answer; embedding counts only when ``embed`` is given."""
    sentences = [judged_sentences(a) for a in answers]
    supports = [support_texts(a) for a in answers]
    vectors = _encode_all(sentences, supports, embed) if embed else {}
    out: list[Support] = []
    for sents, sups in zip(sentences, supports):
        result = Support(sentences=len(sents), embedding=0 if embed else None)
        for s in sents:
            if not any(lexical_overlap(s, t) >= LEXICAL_THRESHOLD for t in sups):
                result.lexical += 1
                result.unsupported.append(s)
            if embed and result.embedding is not None:
                best = max((float(vectors[s] @ vectors[t]) for t in sups), default=0.0)
                result.embedding += best < EMBEDDING_THRESHOLD
        out.append(result)
    return out


def _encode_all(sentences: list[list[str]], supports: list[list[str]], embed: Embed) -> dict[str, np.ndarray]:
    texts = list(dict.fromkeys([t for group in sentences + supports for t in group]))
    if not texts:
        return {}
    return dict(zip(texts, embed(texts)))
