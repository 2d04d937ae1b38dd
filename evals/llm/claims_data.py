"""Labelled claims built from the dev set, for calibrating and measuring claim verification.

No model runs offline here, so model-like sentences are made by rule from the passages that
answer each dev case (``evals/datasets/dev.jsonl`` only; the held-out test file is never
read). A *supported* claim rewords a sentence of the gold passage; an *unsupported* one
states another passage's content, splices in another rule's ending, or adds a frequency.
Two disjoint families of rewordings are used: ``A`` for calibration, ``B`` for measurement,
so the thresholds are not judged on the very rewordings they were fitted to.
Helpers only: ``calibrate.py`` fits the thresholds; ``scripted.py`` drives the scripted model
of the evaluation's ``--writer scripted`` run.
"""

from __future__ import annotations

import json
import pickle
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from advisor.chunking import Chunk
from advisor.corpus import split_pin_cite
from advisor.retrieval import Retriever
from advisor.text import sentence_spans

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "evals" / "datasets" / "dev.jsonl"


class CachedEmbed:
    """An embed function that never encodes the same text twice (scripts only); optionally
    kept in a pickle file between runs."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], path: str | None = None) -> None:
        self.encode = encode
        self.path = Path(path) if path else None
        self.cache: dict[str, np.ndarray] = {}
        if self.path and self.path.exists():
            self.cache = pickle.loads(self.path.read_bytes())

    def __call__(self, texts: list[str]) -> np.ndarray:
        todo = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if todo:
            for t, v in zip(todo, self.encode(todo)):
                self.cache[t] = v
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def save(self) -> None:
        if self.path:
            self.path.write_bytes(pickle.dumps(self.cache))


@dataclass
class GoldCase:
    id: str
    question: str
    chunk: Chunk
    sentences: list[str]  # sentences of the gold section that answer the question, best first


def dev_cases() -> list[dict]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_cases(retriever: Retriever) -> list[GoldCase]:
    """Dev cases with a gold section, its chunk, and that section's best answering sentences."""
    out: list[GoldCase] = []
    for case in dev_cases():
        exp = case["expected"]
        if exp.get("refuse") or not exp.get("sections"):
            continue
        source, section = split_pin_cite(exp["sections"][0])
        found = retriever.for_section(source, section)
        if not found:
            continue
        chunk = retriever.chunks[found[0]]
        spans = [(a, b) for a, b in sentence_spans(chunk.text) if len(chunk.text[a:b].split()) >= 6]
        inside = [sp for sp in spans if chunk.section_at(sp[0]).startswith(section)] or spans
        facts = [re.compile(f) for f in exp.get("facts", [])]

        def hits(sp: tuple[int, int], text: str = chunk.text, facts: list = facts) -> int:
            return sum(bool(f.search(text[sp[0]:sp[1]])) for f in facts)

        ranked = sorted(inside, key=lambda sp: -hits(sp))
        if ranked:
            out.append(GoldCase(case["id"], case["turns"][-1], chunk,
                                [chunk.text[a:b] for a, b in ranked[:2]]))
    return out


_MODALS = [(r"\bwill\b", "must"), (r"\bshall\b", "must"), (r"\bmay not\b", "cannot"),
           (r"\bis required to\b", "must"), (r"\bare required to\b", "must")]


def _clean(s: str) -> str:
    s = re.sub(r"\([^)]{0,60}\)", "", s)
    s = re.sub(r"^\s*(?:[a-z]\.|\(\d+\)|\d+\.)\s+", "", s)
    return " ".join(s.split()).rstrip(".;:") + "."


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


_SYNONYMS_A = {
    "employee": "staff member", "employees": "staff members", "position": "job", "positions": "jobs",
    "granted": "awarded", "approve": "authorize", "approved": "authorized", "requirements": "conditions",
    "requirement": "condition", "supervisor": "manager", "supervisors": "managers", "official": "officer",
    "receive": "get", "eligible": "qualified", "determine": "decide", "appropriate": "suitable",
    "procedures": "process", "obtain": "get", "provide": "give", "ensure": "make sure", "submit": "send",
    "authority": "power", "personnel": "HR", "individual": "person", "organization": "unit",
    "responsible": "in charge", "consider": "take into account", "decision": "ruling",
}
_SYNONYMS_B = {
    "employee": "worker", "employees": "workers", "position": "post", "positions": "posts",
    "granted": "given", "approve": "sign off on", "approved": "signed off", "requirements": "prerequisites",
    "requirement": "prerequisite", "supervisor": "boss", "supervisors": "bosses", "request": "application",
    "receive": "be given", "eligible": "entitled", "determine": "establish", "appropriate": "proper",
    "procedures": "steps", "provide": "furnish", "ensure": "guarantee", "submit": "file",
    "assignment": "placement", "organization": "agency", "responsible": "accountable",
    "consider": "weigh", "action": "measure", "funds": "money", "rating": "appraisal",
    "appeal": "challenge", "grade": "level", "program": "scheme", "training": "courses",
}
_QUESTION_WORDS = re.compile(r"\b(?:what|how|when|who|which|can|do|does|is|are|my|i|i'm|me|under|the|a|an|"
                             r"to|of|for|in|on|and|or|if|it|that|this|be|get|need|much|many|long)\b", re.IGNORECASE)


def _swap_words(s: str, table: dict[str, str]) -> str:
    return re.sub(r"\b(" + "|".join(map(re.escape, table)) + r")\b",
                  lambda m: table[m.group(0).lower()] if m.group(0).islower() else m.group(0), s)


def _topic(question: str) -> str:
    words = [w for w in re.findall(r"[\w'-]+", _QUESTION_WORDS.sub(" ", question)) if len(w) > 2]
    return " ".join(words[:4]) or "this"


def reword_a(s: str, variant: int, question: str = "") -> str:
    """Calibration rewordings: a lead-in, modal verbs swapped, the first clause only,
    synonyms (table A), or the question's topic as a lead-in."""
    s = _clean(s)
    if variant == 0:
        return "Under the regulation, " + _lower_first(s)
    if variant == 1:
        for pat, rep in _MODALS:
            s = re.sub(pat, rep, s)
        return s
    if variant == 2:
        first = re.split(r"[,;] ", s)[0].rstrip(".")
        return (first if len(first.split()) >= 6 else s.rstrip(".")) + "."
    if variant == 3:
        return _swap_words(s, _SYNONYMS_A)
    return f"As for {_topic(question)}, " + _lower_first(s)


def reword_b(s: str, rng: random.Random, question: str = "") -> str:
    """Measurement rewordings (disjoint from ``reword_a``): 'the documents state' with
    employee -> you, a fifth of the words dropped, the clauses around a comma swapped,
    synonyms (table B), or 'On <topic>:' as a lead-in."""
    s = _clean(s)
    choice = rng.randrange(5)
    if choice == 0:
        s = re.sub(r"\b(?:the|an|a) employee\b", "you", s, flags=re.IGNORECASE)
        return "The documents state that " + _lower_first(s)
    if choice == 1:
        words = s.rstrip(".").split()
        keep = [w for i, w in enumerate(words) if i == 0 or rng.random() > 0.2]
        return " ".join(keep) + "."
    if choice == 2 and ", " in s:
        a, b = s.rstrip(".").split(", ", 1)
        return b[:1].upper() + b[1:] + ", " + _lower_first(a) + "."
    if choice == 3:
        return _swap_words(s, _SYNONYMS_B)
    return f"On {_topic(question)}: " + _lower_first(s)


def splice(a: str, b: str) -> str:
    """A true opening with another rule's ending: the half-right sentence models write."""
    wa, wb = a.rstrip(".").split(), b.rstrip(".").split()
    return " ".join(wa[: max(3, len(wa) // 2)] + wb[len(wb) // 2:]) + "."


FREQUENCIES = ("every month", "once a week", "every two years", "monthly")


HANDWRITTEN = ROOT / "evals" / "datasets" / "dev_handwritten_claims.jsonl"


def handwritten(split: str) -> list[dict]:
    """Hand-written model-style claims about dev cases (a person answering as a model would:
    reworded, addressed to the user; and plausible wrong rules). Cases alternate, in sorted
    id order, between the ``calibrate`` and the held-out ``measure`` split."""
    rows = [json.loads(line) for line in HANDWRITTEN.read_text(encoding="utf-8").splitlines() if line]
    ids = sorted({r["id"] for r in rows})
    half = {i for n, i in enumerate(ids) if n % 2 == (0 if split == "calibrate" else 1)}
    return [r for r in rows if r["id"] in half]
