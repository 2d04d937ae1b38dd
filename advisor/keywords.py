"""Keyword search over chunk texts with bm25s and the Snowball English stemmer.

Holds the tokenizer shared by indexing and querying; knows nothing of Chroma or chunks.
"""

from __future__ import annotations

import re
from pathlib import Path

import bm25s
import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = {
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "her",
    "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on",
    "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "to", "was", "we", "what", "when", "where", "which", "who", "will", "with",
    "would", "you", "your", "can", "do", "does", "did", "how", "am"
}
_stemmer = Stemmer.Stemmer("english")
# Stems Snowball merges that mean different things here: "compete" (competitive procedures) is
# not "competency" (the OPM guide's competencies).
_SPLIT_STEMS = (("competen", "competenc"), ("compet", "competit"))


def _stem(word: str) -> str:
    for prefix, stem in _SPLIT_STEMS:
        if word.startswith(prefix):
            return stem
    return _stemmer.stemWord(word)


def tokenize(text: str) -> list[str]:
    """Lower-cased words and hyphenated references (``3-13``, ``gs-2210``), stemmed, stopwords out."""
    words = _WORD.findall(text.lower())
    out: list[str] = []
    for w in words:
        if w in _STOP:
            continue
        out.append(w if any(ch.isdigit() for ch in w) else _stem(w))
        if "-" in w and not w[0].isdigit():
            out.extend(_stem(p) for p in w.split("-") if p and p not in _STOP)
    return out


class KeywordIndex:
    """A bm25s index whose document i is the i-th chunk."""

    def __init__(self, retriever: bm25s.BM25) -> None:
        self.retriever = retriever
        self.vocab = set(retriever.vocab_dict)

    @classmethod
    def build(cls, texts: list[str]) -> KeywordIndex:
        retriever = bm25s.BM25()
        retriever.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)
        return cls(retriever)

    def save(self, path: Path) -> None:
        self.retriever.save(str(path))

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        return cls(bm25s.BM25.load(str(path)))

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """(document index, score) best first; empty when no query word is known."""
        tokens = [t for t in tokenize(query) if t in self.vocab]
        if not tokens:
            return []
        n = min(k, int(self.retriever.scores["num_docs"]))
        docs, scores = self.retriever.retrieve([tokens], k=n, show_progress=False)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]
