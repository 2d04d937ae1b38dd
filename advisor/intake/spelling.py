"""Correct common misspellings in a question before it is matched ("apeal", "excepional").

Only words unknown both to an English word list (pyspellchecker's, bundled, offline) and to the
documents' own vocabulary are corrected: first to a known word one edit away (the documents'
words preferred, then the most frequent), else, for words of seven letters or more, to the
documents' word at most two edits away (rapidfuzz). Acronyms, numbers and short words are left
alone. The corrected text is used to match and to read yes/no statements; dates and amounts are
always read from what the user wrote. Builds its word lists once from the texts passed in; no
I/O of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spellchecker import SpellChecker

_WORD = re.compile(r"[A-Za-z][a-z]+")


class Speller:
    """A spelling corrector that knows English and the documents' words."""

    def __init__(self, domain_texts: Iterable[str]) -> None:
        self._checker = SpellChecker(distance=1)
        domain = sorted({w.lower() for t in domain_texts for w in re.findall(r"[A-Za-z]{3,}", t)})
        self._domain = set(domain)
        self._long_words = [w for w in domain if len(w) >= 6]
        self._checker.word_frequency.load_words(domain)
        self._fix = lru_cache(maxsize=8192)(self._fix_word)

    def _fix_word(self, word: str) -> str:
        low = word.lower()
        if len(low) < 4 or low in self._checker:
            return word
        near = self._checker.candidates(low) or set()
        near.discard(low)
        best = None
        if near:
            ours = [c for c in near if c in self._domain]
            pool = ours or sorted(near)
            best = max(pool, key=lambda c: (self._checker.word_usage_frequency(c), c))
        elif len(low) >= 7:
            hit = process.extractOne(low, self._long_words, scorer=Levenshtein.distance,
                                     score_cutoff=2)
            best = hit[0] if hit else None
        if not best:
            return word
        return best.capitalize() if word[:1].isupper() else best

    def fix(self, text: str) -> str:
        """``text`` with unknown words replaced by their corrections (same word boundaries)."""
        return _WORD.sub(lambda m: self._fix(m.group(0)), text)
