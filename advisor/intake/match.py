"""Match a question against what the advisor can answer: calculators, rule-book entries, declines.

Every target is described in everyday words (a title, a description, example questions); the
question is compared with the bundled sentence model (the best cosine over a target's texts)
and by the words it shares with the target, weighted by how rare each word is among targets
(IDF), so "downgrade" counts for more than "appeal". The score is the sum; a calibrated
confidence (``confidence``) turns the best score and its lead over the runner-up into 0..1.
The embedding function is passed in and every target text is embedded once, when the matcher
is built. It decides nothing itself: the intake reads the ranking. No I/O.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from advisor.keywords import tokenize

Embed = Callable[[list[str]], np.ndarray]
TargetKind = Literal["calculator", "rule", "decline"]

# Weights of the score, and the logistic that turns it into a confidence; fitted on the
# golden intake table (tests/data/intake_golden.jsonl, evals/intake.py --fit).
LEXICAL_WEIGHT = 0.35
RANKED_KEPT = 128  # rankings kept (about 160 kB each)
CONF_CENTER, CONF_SCALE, MARGIN_WEIGHT = 0.62, 0.06, 2.0
_GENERIC = frozenset(tokenize(
    "employee employees cipms army federal job position can get my i me what when how long much "
    "many rule regulation date day days question need want know does do is the a an got gets getting "
    "receive received have had has make made take took tell say give go went come came still also just "
    "now next last first reach hit happen happens will would should could must may new old"))


_MONTHS = frozenset(tokenize("january february march april may june july august september october november "
                             "december jan feb mar apr jun jul aug sep sept oct nov dec"))


_CODE = re.compile(r"^0*(\d{2,4})$")
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}/\d{1,2}/\d{2,4}$")


def words_of(text: str) -> set[str]:
    """The words matching compares: stems, series and paragraph codes; no dates or amounts.
    A series is one word however it is written ("0132", "GS-0132", "GS/GM-132" all give "132")."""
    out = set()
    for w in tokenize(text):
        if _DATE.match(w):
            continue
        parts = [w, *w.split("-")] if "-" in w else [w]
        for p in parts:
            m = _CODE.match(p)
            if m:
                out.add(m.group(1))
            elif not any(ch.isdigit() for ch in p):
                out.add(p)
    return out


@dataclass(frozen=True)
class Target:
    """Something a question can be about."""

    id: str
    kind: TargetKind
    texts: tuple[str, ...]
    terms: tuple[str, ...] = ()  # phrases that name it outright ("sick leave", "fehb")
    group: str = ""  # calculator kind (deadline, pay, eligibility) or document id
    quote: str = ""  # a rule-book entry's verbatim words (ties it to the calculator of that rule)
    core: str = ""  # a calculator's title, description and rule: the words that define it


@dataclass(frozen=True)
class Match:
    target: Target
    dense: float
    lexical: float
    phrase: bool

    @property
    def score(self) -> float:
        return self.dense + LEXICAL_WEIGHT * self.lexical + (0.08 if self.phrase else 0.0)


class Matcher:
    """Scores a question against every target; built once, reused for every question."""

    def __init__(self, targets: Sequence[Target], embed: Embed) -> None:
        self.targets = list(targets)
        self.embed = embed
        texts = [t for target in self.targets for t in target.texts]
        self._owner = np.array([i for i, target in enumerate(self.targets) for _ in target.texts])
        self._vectors = embed(texts) if texts else np.zeros((0, 384), np.float32)
        self._terms = [words_of(" ".join(t.texts)) - _GENERIC for t in self.targets]
        self._core = [words_of(t.core or " ".join(t.texts[:2])) - _GENERIC for t in self.targets]
        df: dict[str, int] = {}
        for terms in self._terms:
            for w in terms:
                df[w] = df.get(w, 0) + 1
        n = max(1, len(self.targets))
        self._idf = {w: math.log(1 + n / c) for w, c in df.items()}
        # How rare a word is among the calculators' own words: what makes it tell them apart.
        cores = [c for t, c in zip(self.targets, self._core) if t.kind == "calculator"]
        cdf: dict[str, int] = {}
        for core in cores:
            for w in core:
                cdf[w] = cdf.get(w, 0) + 1
        self._core_idf = {w: math.log(1 + max(1, len(cores)) / c) for w, c in cdf.items()}
        # Which targets hold each word (the lexical score is a sum over the question's words),
        # and the few targets named outright by a phrase.
        postings: dict[str, list[int]] = {}
        for i, terms in enumerate(self._terms):
            for w in terms:
                postings.setdefault(w, []).append(i)
        self._postings = {w: np.array(ix) for w, ix in postings.items()}
        self._with_terms = [i for i, t in enumerate(self.targets) if t.terms]
        self._kind = np.array([t.kind for t in self.targets])
        # A conversation is read again from its first turn at every turn: the same texts come back.
        self._ranked: OrderedDict[tuple[str, tuple[str, ...]], tuple[Match, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def rank(self, text: str, kinds: Sequence[TargetKind] | None = None,
             vector: np.ndarray | None = None, focus: str = "",
             focus_vector: np.ndarray | None = None) -> list[Match]:
        """Every target of the given kinds, best first. ``vector``, when given, is ``text``'s own
        (the ranking of a text is kept, so an earlier turn read again costs nothing). ``focus``
        is the sentence that asks, in a longer text: a target's meaning may match it or the whole
        text (the facts around a question do not dilute it); the words count from the whole."""
        if not self.targets:
            return []
        key = (text, tuple(kinds or ()), focus)
        with self._lock:
            found = self._ranked.get(key)
            if found is not None:
                self._ranked.move_to_end(key)
        if found is None:
            order, dense, lexical, phrase = self._scores(text, kinds, vector, focus, focus_vector)
            found = tuple(Match(self.targets[i], float(dense[i]), float(lexical[i]), bool(phrase[i]))
                          for i in order.tolist())
            with self._lock:
                self._ranked[key] = found
                while len(self._ranked) > RANKED_KEPT:
                    self._ranked.popitem(last=False)
        return list(found)

    def _scores(self, text: str, kinds: Sequence[TargetKind] | None, vector: np.ndarray | None,
                focus: str = "", focus_vector: np.ndarray | None = None,
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Targets best first (of the given kinds), and every target's dense, lexical and phrase scores."""
        q = vector if vector is not None else self.embed([text])[0]
        sims = self._vectors @ q
        if focus and focus != text:
            f = focus_vector if focus_vector is not None else self.embed([focus])[0]
            sims = np.maximum(sims, self._vectors @ f)
        best = np.full(len(self.targets), -1.0)
        np.maximum.at(best, self._owner, sims)
        words = words_of(text) - _GENERIC - _MONTHS
        weight = sum(self._idf.get(w, math.log(1 + len(self.targets))) for w in words) or 1.0
        lexical = np.zeros(len(self.targets))
        for w in words:
            ix = self._postings.get(w)
            if ix is not None:
                lexical[ix] += self._idf[w]
        lexical /= weight
        phrase = np.zeros(len(self.targets), dtype=bool)
        low = f" {text.lower()} "
        for i in self._with_terms:
            phrase[i] = any(_has_phrase(low, p) for p in self.targets[i].terms)
        score = best + LEXICAL_WEIGHT * lexical + np.where(phrase, 0.08, 0.0)
        keep = np.isin(self._kind, list(kinds)) if kinds else np.ones(len(self.targets), dtype=bool)
        order = np.argsort(-score, kind="stable")
        return order[keep[order]], best, lexical, phrase

    def distinctive(self, text: str, ids: Sequence[str]) -> dict[str, float]:
        """For each target of ``ids``, the weight of the question's words that only it of them
        has (its title, description and examples): what tells close targets apart."""
        index = {t.id: i for i, t in enumerate(self.targets)}
        words = words_of(text) - _GENERIC - _MONTHS
        out = {}
        for tid in ids:
            mine = self._core[index[tid]]
            others = set().union(*(self._core[index[o]] for o in ids if o != tid))
            out[tid] = sum(self._core_idf.get(w, 0.0) for w in words & (mine - others))
        return out


    def title_coverage(self, text: str, tid: str) -> float:
        """Share of a target's title words (its name: "Exemplary Performance Award") in the question."""
        target = next(t for t in self.targets if t.id == tid)
        title = set(tokenize(target.texts[0])) - _GENERIC - _TITLE_GENERIC
        if not title:
            return 0.0
        words = set(tokenize(text))
        return len(title & words) / len(title)


_TITLE_GENERIC = frozenset(tokenize("eligibility deadline limit limits date rate range when who end next due "
                                    "earliest latest maximum minimum highest payable period"))


def _has_phrase(low: str, phrase: str) -> bool:
    at = low.find(phrase)
    while at >= 0:
        before, after = low[at - 1] if at else " ", low[at + len(phrase)] if at + len(phrase) < len(low) else " "
        if not before.isalnum() and (not after.isalnum() or phrase.endswith(("-", "/"))):
            return True
        at = low.find(phrase, at + 1)
    return False


def confidence(best: float, runner_up: float | None) -> float:
    """0..1 from the best score and its lead over the runner-up (a logistic)."""
    lead = best - (runner_up if runner_up is not None else best - 0.1)
    z = (best - CONF_CENTER) / CONF_SCALE + MARGIN_WEIGHT * lead / CONF_SCALE
    return 1.0 / (1.0 + math.exp(-z))
