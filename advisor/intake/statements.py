"""Read yes/no facts from what the user states, in any phrasing, with the sentence model.

Each yes/no fact a checklist needs has a few plain statements of it being true
(``intake_specs.SAYS``: "I am on the rolls of a federal agency now"). Every clause the user
states (not a question) is compared with them; a clause close enough states the fact, and
its own negation decides the answer ("She's not on any federal rolls" -> False, "has never
held a federal civilian job" -> False). A clause that only says "I'm not" after someone
else's fact ("My supervisor is preference eligible; I'm not.") takes that fact, negated.
Facts read by a ``facts_flags`` pattern are not overridden. The embedding function is passed
in; the statements are embedded once. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np

from advisor.calculators.base import Calculator

Embed = Callable[[list[str]], np.ndarray]

# A clause this close to one of a fact's statements states it (cosine, all-MiniLM-L6-v2);
# chosen on the golden intake table.
STATED = 0.66  # at least this: stated, even when the clause states another fact too
LIKELY = 0.55  # at least this, and clearly the clause's best fact, sharing a word with it: stated
MARGIN = 0.06
SECOND = 0.70  # a clause states a second fact too only this close ("a federal employee in CIPMS")
_SPLIT = re.compile(r"(?<=[.;!?])\s+|,\s+(?:and\s+|but\s+|so\s+)?|\s+(?:and|but|while|whereas|so)\s+(?=(?:i|i'm|i've|she|he|"
                    r"she's|he's|it|it's|the|my|her|his|we|we've|they|there|neither|nor|not|has|have|had|is|was|"
                    r"never|am)\b)", re.IGNORECASE)
_QUESTION = re.compile(r"\?\s*$|^\W*(?:can|could|may|do|does|did|is|are|am|will|would|should|what|when|who|how|"
                       r"which|where|why)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:no|not|never|none|neither|nor|without|non-?\w+|haven'?t|hasn'?t|hadn'?t|didn'?t|"
                       r"don'?t|doesn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t|can'?t|cannot|different|another|"
                       r"outside|other|higher|lower|nothing|nobody|no one)\b|n't\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"^\W*(?:but\s+)?(?:i'?m|i am|i do|i have|i was|mine|i did|i|me)\s*(?:not|n't|isn'?t|"
                       r"doesn'?t|hasn'?t|wasn'?t|didn'?t|haven'?t)\W*(?:yet|either)?\W*$", re.IGNORECASE)
# "different commuting area", "a higher-grade job": these negate a "same ..." fact only.
_SAME_ONLY = re.compile(r"\b(?:different|another|outside|other|higher|lower)\b", re.IGNORECASE)


_BOTH = re.compile(r"\b(?:neither|both|either|none of)\b", re.IGNORECASE)
_PLAIN = frozenset({"i", "am", "is", "are", "was", "the", "a", "an", "my", "me", "it", "to", "of", "in", "on", "for",
                    "now", "job", "position", "employee", "cipms", "have", "has", "had", "been", "be", "this", "that",
                    "with", "and", "or", "by", "at", "new", "current", "currently", "before", "she", "he", "her",
                    "his", "we", "they", "will", "would"})


def _shares_word(clause: str, statement: str) -> bool:
    from advisor.keywords import tokenize

    mine = set(tokenize(statement)) - set(tokenize(" ".join(_PLAIN)))
    return bool(mine & set(tokenize(clause)))


def clauses(text: str) -> list[str]:
    """The statements of a turn, split at sentence and clause boundaries; questions left out."""
    parts = [p.strip(" ,") for p in _SPLIT.split(text) if p and p.strip(" ,")]
    return [p for p in parts if not _QUESTION.search(p)]


_PAST = re.compile(r"\b(?:used to|formerly|previously|a while (?:back|ago)|in the past|back then|years ago|no longer)\b",
                   re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|currently|current)\b", re.IGNORECASE)


def negated(clause: str, statement: str) -> bool:
    """Whether the clause says the opposite of the (positive) statement; a clause about the past
    ("I used to work in a CIPMS position") says the opposite of a statement about now."""
    if _PAST.search(clause) and _NOW.search(statement):
        return True
    for m in _NEGATION.finditer(clause):
        word = m.group(0).lower()
        if _SAME_ONLY.fullmatch(word) and "same" not in statement:
            continue
        if word.startswith("non") and word not in ("none", "nonclerical") and "non" not in statement:
            return True
        if word == "nonclerical":
            continue
        return True
    return False


class Statements:
    """Reads the yes/no facts of a calculator from the user's statements."""

    def __init__(self, says: dict[str, tuple[str, ...]], embed: Embed) -> None:
        self.embed = embed
        self.says = says
        texts = [t for ts in says.values() for t in ts]
        self._owner = [name for name, ts in says.items() for _ in ts]
        self._texts = texts
        self._vectors = embed(texts) if texts else np.zeros((0, 384), np.float32)

    def read(self, text: str, calc: Calculator, skip: Iterable[str] = (), subject: str = "unknown") -> dict[str, bool]:
        """The yes/no facts of ``calc`` that ``text`` states (facts in ``skip`` are left out); a
        clause about someone else does not state the asker's facts, nor the reverse."""
        from advisor.intake.values import subject_at

        wanted = {f.name for f in calc.facts if f.type == "flag" and f.name in self.says} - set(skip)
        parts = clauses(text)
        if not wanted or not parts:
            return {}
        vectors = self.embed(parts)
        sims = vectors @ self._vectors.T if len(self._texts) else np.zeros((len(parts), 0))
        out: dict[str, bool] = {}
        previous: tuple[str, bool] | None = None
        for i, clause in enumerate(parts):
            if _ELLIPSIS.match(clause) and previous is not None:
                out.setdefault(previous[0], not previous[1])  # "... is preference eligible; I'm not."
                continue
            best: dict[str, tuple[float, int]] = {}
            for j, name in enumerate(self._owner):
                if name in wanted and (name not in best or sims[i, j] > best[name][0]):
                    best[name] = (float(sims[i, j]), j)
            whose = subject_at(clause, 0, len(clause))
            mismatch = (subject == "self" and whose == "other") or (subject == "other" and whose == "self")
            ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
            runner = ranked[1][1][0] if len(ranked) > 1 else 0.0
            top = ranked[0][1][0] if ranked else 0.0
            for k, (name, (score, j)) in enumerate(ranked):
                # The clause's best fact when clear; a second one only when it is as close. Always a
                # word of the fact's own in the clause too: a job title is not a Guard technician.
                if not _shares_word(clause, self._texts[j]):
                    continue
                both = _BOTH.search(clause) is not None and score >= LIKELY  # "neither job is supervisory"
                if both or (k == 0 and (score >= STATED or (score >= LIKELY and score - runner >= MARGIN))) or \
                        (k > 0 and score >= SECOND and score >= top - MARGIN):
                    value = not negated(clause, self._texts[j])
                    if not mismatch:
                        out.setdefault(name, value)
                    previous = (name, value)
        return out
