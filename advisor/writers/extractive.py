"""The default, offline writer: a grounded answer composed only of the sources' own sentences.

It picks the sentences of the retrieved chunks that best answer the question (embedding
similarity, with a small bonus for shared keywords and chunk rank), states them as the
short answer, quotes the rules with pin-cites, adds calculator results first, and notes
once when a source is historical. When nothing retrieved supports an answer it declines.
It never writes a number or a rule of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advisor.calculators_view import render_calculation, rule_citation
from advisor.keywords import tokenize
from advisor.models import Answer, Citation
from advisor.text import sentence_spans
from advisor.writers.base import WriteRequest

# Calibrated on evals/datasets/dev.jsonl (see evals/README.md): below this cosine similarity
# between the question and its best chunk, the documents are taken not to cover it.
SUPPORT_THRESHOLD = 0.40
SENTENCE_THRESHOLD = 0.30
MAX_SENTENCES = 3
MAX_CHUNKS = 5

DOCUMENTS_COVERED = (
    "AR 690-13 (Civilian Intelligence Personnel Management System, 1990), the OPM IT Program "
    "Management Career Path Guide (2011) and Army Career Program 34 (IT Management)"
)


@dataclass
class _Sentence:
    hit_rank: int
    start: int
    end: int
    text: str
    score: float = 0.0


class ExtractiveWriter:
    name = "extractive"

    def __init__(self, support_threshold: float = SUPPORT_THRESHOLD,
                 sentence_threshold: float = SENTENCE_THRESHOLD) -> None:
        self.support_threshold = support_threshold
        self.sentence_threshold = sentence_threshold

    def support(self, request: WriteRequest) -> float:
        """How well the best retrieved chunk matches the question (0..1)."""
        top = request.hits[:3]
        if not top:
            return 0.0
        if any(h.exact for h in top):
            return max(0.9, max(h.dense for h in top))
        return max(h.dense for h in top)

    def write(self, request: WriteRequest) -> Answer:
        support = self.support(request)
        calcs = request.calculations
        if not calcs and support < self.support_threshold:
            return decline(request.question)
        citations: list[Citation] = []
        parts: list[str] = []
        for calc in calcs:
            parts.append(render_calculation(calc))
            cite = rule_citation(calc, [h.chunk for h in request.hits])
            if cite:
                citations.append(cite)
        chosen = self._choose(request) if support >= self.support_threshold else []
        if chosen:
            lead = " ".join(_display(s.text) for s in chosen[: 2 if calcs else MAX_SENTENCES])
            if not calcs:
                first = request.hits[chosen[0].hit_rank].chunk
                parts.append(f"**In short:** {lead} ({first.pin_cite})")
            quotes = []
            for s in chosen:
                chunk = request.hits[s.hit_rank].chunk
                section = chunk.section_at(s.start)
                citations.append(Citation(
                    source=chunk.source, section=section, title=chunk.title, quote=s.text,
                    doc_id=chunk.doc_id, chunk_id=chunk.chunk_id))
                quotes.append(f"> “{s.text}”\n> — {citations[-1].pin_cite}, *{chunk.title}*")
            heading = "**What the documents say**" if not calcs else "**Related passages**"
            parts.append(heading + "\n\n" + "\n>\n".join(quotes))
        if not parts:
            return decline(request.question)
        note = status_note(citations, request.documents)
        if note:
            parts.append(note)
        confidence = 1.0 if calcs and all(c.result is not None for c in calcs) else min(1.0, max(0.0, (support - 0.2) / 0.5))
        return Answer(answer="\n\n".join(parts), citations=_dedupe(citations), calculations=calcs,
                      refused=False, confidence=round(confidence, 3), writer=self.name)

    def _choose(self, request: WriteRequest) -> list[_Sentence]:
        candidates: list[_Sentence] = []
        for rank, hit in enumerate(request.hits[:MAX_CHUNKS]):
            for a, b in sentence_spans(hit.chunk.text):
                text = hit.chunk.text[a:b]
                if len(text) >= 25 and not text.startswith("|"):
                    candidates.append(_Sentence(rank, a, b, text))
        if not candidates:
            return []
        q_vec = request.embed([request.query])[0]
        vecs = request.embed([c.text for c in candidates])
        sims = vecs @ q_vec
        q_terms = set(tokenize(request.query))
        for c, sim in zip(candidates, sims):
            overlap = len(q_terms & set(tokenize(c.text))) / max(1, len(q_terms))
            c.score = float(sim) + 0.15 * overlap + 0.04 / (c.hit_rank + 1)
        ranked = sorted(candidates, key=lambda c: -c.score)
        chosen: list[_Sentence] = []
        for c in ranked:
            if c.score < self.sentence_threshold or len(chosen) >= MAX_SENTENCES:
                break
            if any(_similar(c.text, o.text) for o in chosen):
                continue
            if sum(1 for o in chosen if o.hit_rank == c.hit_rank) >= 2:
                continue
            chosen.append(c)
        return chosen


def _display(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def _similar(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta) and len(ta & tb) / len(ta | tb) > 0.8


def _dedupe(citations: list[Citation]) -> list[Citation]:
    seen, out = set(), []
    for c in citations:
        key = (c.chunk_id, c.section, c.quote)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def status_note(citations: list[Citation], documents: dict[str, dict]) -> str:
    """One short line per cited historical document (its date and supersession)."""
    lines = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations):
        meta = documents.get(doc_id, {})
        if meta.get("status") == "historical" and meta.get("status_note"):
            when = meta.get("effective_date") or meta.get("date")
            when = when.isoformat() if isinstance(when, date) else when
            dated = f" (effective {when})" if when and when != "undated" else ""
            lines.append(f"*{meta.get('short_name')}{dated}: {meta['status_note']}*")
    return "\n\n".join(lines)


def decline(question: str) -> Answer:
    """The honest answer when the documents do not cover the question."""
    text = (
        "I can't answer that from the documents I have. They cover "
        f"{DOCUMENTS_COVERED}, and none of their passages addresses this question. "
        "Please ask your servicing CPAC or HR office, who can also tell you which current rules apply."
    )
    return Answer(answer=text, citations=[], calculations=[], refused=True, confidence=0.0, writer="extractive")

