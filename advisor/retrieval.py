"""Hybrid search over an open index: dense (Chroma) + keyword (bm25s) + exact references, fused by RRF.

Exact references are what a question names outright: ``para 3-13f(2)``, ``Figure 3-1``,
``Table 11-1``, an occupational series (``GS-2210``, ``0391``) or a section title
(``Risk Management``). They are placed first. This module ranks chunks; it writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np

from advisor.chunking import Chunk
from advisor.index_store import OpenIndex

Mode = Literal["hybrid", "dense", "bm25"]
RRF_K = 60
POOL = 40
# Fusion weights, chosen on the dev lookup cases and tests/data/retrieval_gold.jsonl (never on
# evals/datasets/test.jsonl): dense 1.0, BM25 0.7, title 0 (README, "Retrieval").
W_DENSE = 1.0
W_BM25 = 0.7
W_TITLE = 0.0  # a title vote did not help on dev; kept as a knob

_PARA_REF = re.compile(
    r"(?:\bpara(?:graph)?s?\.?\s*|¶\s*|\bsection\s+|\bsec\.\s*)(\d{1,2}-\d{1,2}(?:[a-z](?:\(\d{1,2}\))?(?:\([a-z]\))?)?)"
    r"|(?<![\w/-])(\d{1,2}-\d{1,2}[a-z](?:\(\d{1,2}\))?(?:\([a-z]\))?)(?![\w-])",
    re.IGNORECASE,
)
_NAMED_REF = re.compile(r"\b(fig(?:ure)?\.?|table|appendix)\s*(\d{1,2}-\d{1,2}|[a-e]\b)", re.IGNORECASE)
_SERIES = re.compile(r"(?:\b(?:gs|gg|gm|series)[-\s]?)(\d{3,4})\b|\b(0\d{3}|[1-2]\d{3})(?:-i)?\b", re.IGNORECASE)


@dataclass
class Hit:
    chunk: Chunk
    score: float
    dense: float = 0.0  # cosine similarity of query and chunk
    exact: bool = False  # named by the question (a reference, a series or a section title)
    explicit: bool = False  # named as a paragraph, figure or table reference
    ranks: dict[str, int] = field(default_factory=dict)


class Retriever:
    """Searches one open index. Build once per process; ``search`` is thread-safe."""

    def __init__(self, index: OpenIndex) -> None:
        self.index = index
        self.chunks = index.chunks
        self.position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self.w_dense, self.w_bm25, self.w_title = W_DENSE, W_BM25, W_TITLE

    @cached_property
    def _section_chunks(self) -> dict[tuple[str, str], list[int]]:
        """(source, section id) -> chunks holding it or a part of it."""
        out: dict[tuple[str, str], list[int]] = {}
        for i, c in enumerate(self.chunks):
            for sid in {c.section_id, *c.sections}:
                out.setdefault((c.source, sid), []).append(i)
        return out

    @cached_property
    def _series(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            if c.doc_id == "cp-34" or c.section_id.startswith("1-6"):
                for m in re.finditer(r"\b(0?\d{3,4})(?:-[iI])?\b", c.text):
                    out.setdefault(m.group(1).lstrip("0"), []).append(i)
        return out

    @cached_property
    def _titles(self) -> list[tuple[str, list[int]]]:
        out: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            title = c.title.strip().lower().rstrip(".")
            if c.source != "AR 690-13" and len(title) >= 6:
                out.setdefault(title, []).append(i)
        return sorted(out.items(), key=lambda kv: -len(kv[0]))

    def exact_refs(self, query: str) -> list[int]:
        """Chunks the question names outright (references and series), in the order named."""
        found = self.explicit_refs(query)
        for m in _SERIES.finditer(query):
            code = (m.group(1) or m.group(2)).lstrip("0")
            found += self._series.get(code, [])
        return list(dict.fromkeys(found))

    def title_refs(self, query: str) -> list[int]:
        """Chunks whose section title the question contains (e.g. 'risk management')."""
        q = query.lower()
        found: list[int] = []
        for title, idx in self._titles:
            if re.search(rf"\b{re.escape(title)}\b", q):
                found += idx
        return list(dict.fromkeys(found))

    def explicit_refs(self, query: str) -> list[int]:
        """Chunks of the paragraphs, figures and tables the question cites by number."""
        found: list[int] = []
        for m in _PARA_REF.finditer(query):
            ref = (m.group(1) or m.group(2)).lower()
            found += self.for_section("AR 690-13", ref)
        for m in _NAMED_REF.finditer(query):
            kind = {"fig": "Figure", "tab": "Table", "app": "Appendix"}[m.group(1)[:3].lower()]
            found += self.for_section("AR 690-13", f"{kind} {m.group(2).upper() if kind == 'Appendix' else m.group(2)}")
        return list(dict.fromkeys(found))

    def for_section(self, source: str, ref: str) -> list[int]:
        direct = self._section_chunks.get((source, ref))
        if direct:
            return direct
        # 'para 3-13' names a paragraph whose chunks are its subparagraphs
        return [i for (src, sid), idx in self._section_chunks.items() if src == source
                and sid.startswith(ref) and not sid[len(ref):len(ref) + 1].isdigit() for i in idx][:6]

    def dense(self, query: str, k: int = POOL) -> list[tuple[int, float]]:
        vec = self.index.embed([query])[0]  # embedded once per question, then a lookup
        res = self.index.collection.query(
            query_embeddings=[vec.tolist()], n_results=min(k, len(self.chunks)), include=["distances"]
        )
        return [(self.position[cid], 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0])
                if cid in self.position]

    def similarity(self, query: str, chunks: list[Chunk]) -> np.ndarray:
        q = self.index.embed([query])[0]
        v = self.index.embed([c.embed_text for c in chunks])  # precomputed with the index
        return v @ q

    def search(self, query: str, k: int = 8, mode: Mode = "hybrid") -> list[Hit]:
        """The k best chunks for the query, best first."""
        scores: dict[int, float] = {}
        ranks: dict[int, dict[str, int]] = {}
        dense_sim: dict[int, float] = {}
        if mode in ("hybrid", "dense"):
            for r, (i, sim) in enumerate(self.dense(query)):
                dense_sim[i] = sim
                scores[i] = scores.get(i, 0.0) + self.w_dense / (RRF_K + r + 1)
                ranks.setdefault(i, {})["dense"] = r + 1
        if mode in ("hybrid", "bm25"):
            for r, (i, _s) in enumerate(self.index.keywords.search(query, POOL)):
                scores[i] = scores.get(i, 0.0) + self.w_bm25 / (RRF_K + r + 1)
                ranks.setdefault(i, {})["bm25"] = r + 1
        exact: list[int] = self.exact_refs(query) if mode == "hybrid" else []
        explicit = set(self.explicit_refs(query)) if exact else set()
        for r, i in enumerate(exact):
            scores[i] = scores.get(i, 0.0) + 1.0 + 1.0 / (RRF_K + r + 1)
            ranks.setdefault(i, {})["exact"] = r + 1
        # a section title in the question is one more ranked list in the fusion, not an override
        for r, i in enumerate(self.title_refs(query) if mode == "hybrid" and self.w_title else []):
            scores[i] = scores.get(i, 0.0) + self.w_title / (RRF_K + r + 1)
            ranks.setdefault(i, {})["title"] = r + 1
        best = sorted(scores, key=lambda i: -scores[i])[:k]
        missing = [i for i in best if i not in dense_sim]
        if missing and mode != "bm25":
            for i, sim in zip(missing, self.similarity(query, [self.chunks[i] for i in missing])):
                dense_sim[i] = float(sim)
        return [Hit(self.chunks[i], scores[i], dense_sim.get(i, 0.0), i in exact, i in explicit,
                    ranks.get(i, {})) for i in best]
