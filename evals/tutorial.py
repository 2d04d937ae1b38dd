"""The "tutorial" baseline: the textbook LangChain RAG over the raw source files.

``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`` over
``corpus/sources/*.txt`` (the uncleaned extractions), embedded with the advisor's model
(in-memory numpy, cosine), dense top-4, the best chunk returned verbatim as the answer.
It never refuses and has no calculators.

Raw chunks carry no pin-cites, so to score them on sections at all each chunk is *located*
in the cleaned corpus: it takes the pin-cite of the section (same document, via the corpus
front matter's ``origin``) whose own text shares the most word 4-grams with it (runs of
words, so that a long section does not win on common words alone), or, when no 4-gram is
shared (OCR damage), the most content words. A chunk spanning several subparagraphs is
credited to the one it overlaps most.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from advisor.corpus import Document, Section, load_corpus
from evals.dataset import Case
from evals.support import Embed
from evals.text import content_words

CHUNK_SIZE, CHUNK_OVERLAP, TOP_K = 1000, 200, 4


class TutorialRAG:
    name = "tutorial"

    def __init__(self, corpus_dir: Path, embed: Embed) -> None:
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
        docs = {Path(str(d.meta["origin"])).name: d for d in load_corpus(corpus_dir)}
        self.embed = embed
        self.texts: list[str] = []
        self.places: list[dict[str, str]] = []
        for path in sorted((corpus_dir / "sources").glob("*.txt")):
            for text in splitter.split_text(path.read_text(encoding="utf-8")):
                self.texts.append(text)
                self.places.append(locate(text, docs.get(path.name), path.stem))
        self.vectors = embed(self.texts)

    def answer(self, case: Case) -> dict[str, Any]:
        sims = self.vectors @ self.embed([" ".join(case.turns)])[0]
        top = [int(i) for i in np.argsort(-sims)[:TOP_K]]
        best = self.places[top[0]]
        citation = {**best, "quote": self.texts[top[0]], "chunk_id": f"tutorial-{top[0]}"}
        return {"answer": self.texts[top[0]], "citations": [citation], "calculations": [],
                "refused": False, "confidence": float(sims[top[0]]), "writer": self.name,
                "retrieved": [self.places[i]["pin_cite"] for i in top]}


def locate(text: str, doc: Document | None, fallback: str) -> dict[str, str]:
    """The corpus section sharing the most word 4-grams (then content words) with a raw chunk."""
    if doc is None:
        return {"source": fallback, "section": "unlocated", "title": "", "doc_id": fallback,
                "pin_cite": f"{fallback} — unlocated"}
    grams, words = _grams(text), content_words(text)
    best = max(doc.sections, key=lambda s: (len(grams & _section_grams(s)), len(words & content_words(s.text))))
    return {"source": best.source, "section": best.section_id, "title": best.title,
            "doc_id": doc.doc_id, "pin_cite": best.pin_cite}


def _grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


@lru_cache(maxsize=4096)
def _cached_grams(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(_grams(text))


def _section_grams(section: Section) -> frozenset[tuple[str, ...]]:
    return _cached_grams(section.text)
