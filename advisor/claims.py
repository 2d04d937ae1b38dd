"""Claim-level verification of a model-written answer: each sentence must rest on what it cites.

The answer is split into sentences; each must carry a marker such as ``[2]`` naming a
numbered source, and is kept only when, for one of the sources it cites,

- every date, dollar amount, quantity and time word it states is allowed
  (``advisor.claims_figures``: a calculator result or a figure of that passage), and
- its content words overlap the passage (``lexical``) and its embedding is close to one of
  the passage's sentences (``semantic``), both at least the thresholds
  in ``advisor/data/verify_thresholds.json`` (calibrated on the dev set; see that file).
  A sentence citing a calculator result may instead of the embedding test restate that
  result (its figures having been checked exactly).

The supporting sentence of the passage is returned for the citation quote. This module
judges sentences; it does not call a model, build an Answer or word notices for the user.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

from advisor.chunking import Chunk
from advisor.claims_figures import Figures, figure_problem, figures_in_calculations, figures_in_text
from advisor.keywords import tokenize
from advisor.models import Calculation
from advisor.text import sentence_spans

Embed = Callable[[list[str]], np.ndarray]
MAX_CACHED = 20_000  # passage sentences kept embedded (the whole corpus has a few thousand)
THRESHOLDS_FILE = Path(__file__).resolve().parent / "data" / "verify_thresholds.json"

_MARKER = re.compile(r"\[\s*(?:sources?\s*)?(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\s*\]", re.IGNORECASE)
_MARKER_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\s*(?:sources?\s*)?\d{1,2}(?:\s*[,;]\s*\d{1,2})*\s*\])+)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(*]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|etc|para|paras|No|U\.S|vs|Fig|Sec|Mr|Ms|Dr)\.$|\b[A-Z]\.$")
_FILLER = frozenset(tokenize(
    "employee employees federal you your may can must will shall also however yes under "
    "according source sources passage passages regulation document documents say says said state states"
))


@dataclass(frozen=True)
class Thresholds:
    lexical: float  # share of a sentence's content words found in the passage
    semantic: float  # cosine of the sentence and its closest passage sentence


@lru_cache(maxsize=4)
def load_thresholds(path: Path = THRESHOLDS_FILE) -> Thresholds:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Thresholds(lexical=float(data["lexical"]), semantic=float(data["semantic"]))


@dataclass
class Source:
    """One numbered source shown to the model: a retrieved chunk or a calculator result."""

    number: int
    text: str  # what a sentence citing it may rest on
    chunk: Chunk | None = None
    calculation: Calculation | None = None

    @property
    def terms_text(self) -> str:
        return self.chunk.embed_text if self.chunk else self.text


@dataclass
class Claim:
    """One sentence of the model's answer and the verdict on it."""

    text: str  # as written, markers included
    line: int  # which line of the answer it stands on
    prefix: str = ""  # the list bullet of its line, if it opens one
    markers: tuple[int, ...] = ()
    supported: bool = False
    reason: str = ""
    source: int | None = None  # the cited source that supports it
    lexical: float = 0.0
    semantic: float = 0.0
    kept_markers: tuple[int, ...] = ()
    vector: np.ndarray | None = field(default=None, repr=False)

    @property
    def plain(self) -> str:
        return " ".join(_MARKER.sub(" ", self.text).split()).replace(" .", ".").replace(" ,", ",")


def split_claims(text: str) -> list[Claim]:
    """The sentences of an answer, with the markers each carries (markers after a full stop
    belong to the sentence before it)."""
    text = _MARKER_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text.replace("**", ""))
    claims: list[Claim] = []
    for n, raw in enumerate(text.splitlines()):
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        bullet = _BULLET.match(line)
        prefix = bullet.group(0).strip() if bullet else ""
        body = line[bullet.end():] if bullet else line
        for i, sentence in enumerate(_sentences(body)):
            markers = tuple(int(x) for m in _MARKER.finditer(sentence)
                            for x in re.split(r"[,;]", m.group(1)))
            claims.append(Claim(sentence, n, prefix if i == 0 else "", tuple(dict.fromkeys(markers))))
    return claims


def _sentences(body: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SPLIT.finditer(body):
        piece = body[start:m.start()].rstrip()
        if _ABBREV.search(piece):
            continue
        out.append(body[start:m.end()].strip())
        start = m.end()
    out.append(body[start:].strip())
    return [s for s in out if s]


@dataclass
class _Passage:
    spans: list[tuple[int, int]]
    vectors: np.ndarray
    terms: set[str]
    figures: Figures


@dataclass
class Verifier:
    """Judges the sentences of answers against one request's numbered sources."""

    sources: dict[int, Source]
    embed: Embed
    allowed: Figures  # figures of every calculation (given or computed by a tool)
    today: date
    thresholds: Thresholds = field(default_factory=load_thresholds)
    # Embeddings of passage sentences by text, shared between answers (the corpus is fixed):
    # verification then mostly embeds the model's own sentences.
    sentence_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    _cache: dict[int, _Passage] = field(default_factory=dict)

    def check(self, text: str) -> list[Claim]:
        claims = split_claims(text)
        cited = {n for c in claims for n in c.markers if n in self.sources}
        wanted = [self.sources[n].text[a:b] for n in sorted(cited)
                  for a, b in quotable_spans(self.sources[n].text)]
        missing = list(dict.fromkeys(t for t in wanted if t not in self.sentence_vectors))
        vectors = self.embed([c.plain for c in claims] + missing) if claims else np.zeros((0, 1))
        if len(self.sentence_vectors) + len(missing) > MAX_CACHED:
            self.sentence_vectors.clear()
        self.sentence_vectors.update(zip(missing, vectors[len(claims):]))
        for claim, vec in zip(claims, vectors):
            self._judge(claim, vec)
        return claims

    def _judge(self, claim: Claim, vec: np.ndarray) -> None:
        claim.vector = vec
        if not claim.markers:
            claim.reason = "cites no source"
            return
        terms = content_terms(claim.plain)
        if not terms:
            claim.reason = "says nothing the sources can confirm"
            return
        reasons: list[str] = []
        for number in claim.markers:
            source = self.sources.get(number)
            if source is None:
                reasons.append(f"cites [{number}], which is not a source")
                continue
            passage = self._passage(source)
            problem = figure_problem(claim.plain, self.allowed.union(passage.figures), self.today)
            if problem:
                reasons.append(problem)
                continue
            lexical, semantic = self.score(claim.plain, vec, number)
            close = semantic >= self.thresholds.semantic or self._states_result(claim.plain, source)
            if lexical >= self.thresholds.lexical and close:
                claim.kept_markers += (number,)
                if not claim.supported or semantic > claim.semantic:
                    claim.supported, claim.source = True, number
                    claim.lexical, claim.semantic = lexical, semantic
            elif not claim.supported:
                claim.lexical, claim.semantic = max(claim.lexical, lexical), max(claim.semantic, semantic)
                reasons.append("is not supported by the passage it cites")
        if not claim.supported:
            claim.reason = reasons[0] if reasons else "is not supported by the passage it cites"

    def _states_result(self, text: str, source: Source) -> bool:
        """A sentence citing a calculation that restates its result (a date, an amount, a verdict):
        its figures were checked exactly, so its wording need not resemble the explanation."""
        calc = source.calculation
        if calc is None or calc.result is None or calc.missing:
            return False
        if isinstance(calc.result, str) and not calc.result[:1].isdigit():
            return calc.result.lower() in text.lower()  # a verdict such as "not eligible"
        mine = figures_in_calculations([calc.model_copy(update={"inputs": {}, "details": {},
                                                                "explanation": ""})], self.today)
        said = figures_in_text(text, self.today)
        return bool(mine.dates & said.dates or mine.dollars & said.dollars)

    def score(self, text: str, vec: np.ndarray, number: int) -> tuple[float, float]:
        """(lexical, semantic) support of a sentence (``vec`` its embedding) by source ``number``."""
        passage = self._passage(self.sources[number])
        terms = content_terms(text)
        lexical = len(terms & passage.terms) / len(terms) if terms else 0.0
        semantic = float(np.max(passage.vectors @ vec)) if len(passage.spans) else 0.0
        return lexical, semantic

    def _passage(self, source: Source) -> _Passage:
        if source.number not in self._cache:
            spans = quotable_spans(source.text)
            texts = [source.text[a:b] for a, b in spans]
            known = {t: v for t in texts if (v := self.sentence_vectors.get(t)) is not None}
            todo = [t for t in texts if t not in known]
            if todo:  # another thread may clear the shared cache: keep local copies
                known.update(zip(todo, self.embed(todo)))
                self.sentence_vectors.update((t, known[t]) for t in todo)
            vectors = np.stack([known[t] for t in texts]) if texts else np.zeros((0, 1))
            terms = set(tokenize(source.terms_text))
            figures = figures_in_text(source.text, self.today)
            if source.calculation is not None:
                figures = figures.union(figures_in_text(source.calculation.rule.quote, self.today))
            self._cache[source.number] = _Passage(spans, vectors, terms, figures)
        return self._cache[source.number]

    def best_sentence(self, claim: Claim, number: int | None = None) -> tuple[int, int] | None:
        """The single sentence of source ``number`` (default: the claim's best source) that
        best supports a kept claim, as a span of the source text (for a verbatim quote)."""
        number = claim.source if number is None else number
        if number is None or number not in self.sources:
            return None
        passage = self._passage(self.sources[number])
        if not passage.spans:
            return None
        vec = claim.vector if claim.vector is not None else self.embed([claim.plain])[0]
        sims = passage.vectors @ vec
        return passage.spans[int(np.argmax(sims))]


def quotable_spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in sentence_spans(text) if len(text[a:b].split()) >= 3]


def content_terms(text: str) -> set[str]:
    return {t for t in tokenize(text) if t not in _FILLER and not t.replace(",", "").isdigit()}


def unsupported_rate(judged: Iterable[Sequence[Claim]]) -> float:
    """Share of sentences judged unsupported over many answers (0 when there are none)."""
    claims = [c for answer in judged for c in answer]
    return sum(not c.supported for c in claims) / len(claims) if claims else 0.0
