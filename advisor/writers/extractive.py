"""The default, offline writer: a grounded answer composed only of the sources' own sentences.

It picks the sentences of the retrieved chunks that best answer the question (embedding
similarity, with a small bonus for shared keywords and chunk rank), states them as the
short answer, quotes the rules with pin-cites, adds calculator results first, and notes
once when a source is historical. When nothing retrieved supports an answer it declines.
It never writes a number or a rule of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advisor.corpus import pin_cite
from advisor.keywords import tokenize
from advisor.models import Answer, Calculation, Citation
from advisor.text import find_verbatim, sentence_spans, squash
from advisor.writers.base import WriteRequest
from advisor.writers.leads import Lead, Quote, lead_for

# Calibrated on evals/datasets/dev.jsonl only (grid search, README "Refusal"): the documents
# are taken not to cover a question when the cosine similarity of the question and its best
# chunk is under SUPPORT_THRESHOLD, or under WEAK_SUPPORT while fewer than COVERAGE_THRESHOLD
# of the question's content words occur in the top chunks.
SUPPORT_THRESHOLD = 0.35
WEAK_SUPPORT = 0.45
COVERAGE_THRESHOLD = 0.50
# Words employees use in any question; they say nothing about whether the documents cover it.
_GENERIC = frozenset(tokenize(
    "federal employee employees get do does can my i me job work year years new current army "
    "rule rules regulation tell what how many much question need want know"
))
SENTENCE_THRESHOLD = 0.30
NEARBY_SUPPORT = 0.55  # a decline shows what the documents say nearby only when this close
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
    whole: bool = False  # a whole short list or table, quoted as one block


class ExtractiveWriter:
    name = "extractive"

    def __init__(self, support_threshold: float = SUPPORT_THRESHOLD,
                 sentence_threshold: float = SENTENCE_THRESHOLD) -> None:
        self.support_threshold = support_threshold
        self.sentence_threshold = sentence_threshold

    def support(self, request: WriteRequest) -> float:
        """How well the retrieved chunks match the question (0..1); 0 when they do not cover it."""
        top = request.hits[:3]
        if not top:
            return 0.0
        if any(h.explicit for h in top):
            return max(0.9, max(h.dense for h in top))
        best = max(h.dense for h in top)
        if best < self.support_threshold:
            return 0.0
        if best < WEAK_SUPPORT and coverage(request.question, top) < COVERAGE_THRESHOLD:
            return 0.0
        return best

    def write(self, request: WriteRequest) -> Answer:
        support = self.support(request)
        lead = lead_for(request.intent, request.calculations, request.entries, request.rulebook,
                        request.question, similarity=_similarity(request), hits=request.hits)
        if lead is None:
            if support < self.support_threshold:
                return decline(request.question)
            lead = Lead(text="**The documents don't answer this directly.** The closest passages:",
                        kind="partial", confidence=0.3)
        chunks = [h.chunk for h in request.hits]
        citations: list[Citation] = []
        parts = [lead.text]
        for calc in request.calculations:
            parts += _calculation_body(calc)
        quoted = []
        for q in lead.quotes:
            cite = _citation(q, chunks)
            if cite is None or any(cite.quote == c.quote for c in citations):
                continue
            citations.append(cite)
            label = f"{q.label}: " if q.label else ""
            body = cite.quote.replace("\n", "\n> ")
            quoted.append(f"> {label}“{body}”\n> — {cite.pin_cite}, *{cite.title}*")
        for q in lead.cited:  # the lead's own verbatim list items: cited, not shown twice
            cite = _citation(q, chunks)
            if cite is not None and all(cite.quote != c.quote for c in citations):
                citations.append(cite)
        if lead.refused:
            nearby = self._nearby(request, support, _topic_terms(request))
            answer_parts = [lead.text]
            if nearby:
                answer_parts.append("**What the documents say nearby**\n\n" + "\n>\n".join(nearby))
            return Answer(answer="\n\n".join(answer_parts), citations=[], calculations=[], refused=True,
                          confidence=0.0, writer=self.name)
        uncovered = _uncovered_part(request)
        if uncovered:
            parts.insert(1, uncovered)
        if quoted:
            parts.append("**The rule**\n\n" + "\n>\n".join(quoted))
        if lead.kind == "partial" and support >= self.support_threshold:
            related = self._related(request, citations)
            if related:
                heading = "**Closest passages**" if lead.kind == "partial" else "**Related passages**"
                parts.append(heading + "\n\n" + "\n>\n".join(related))
        if lead.kind == "partial" and not quoted and len(parts) == 1:
            return decline(request.question)
        note = status_note(citations, request.documents)
        if note:
            parts.append(note)
        partial = lead.kind == "partial"
        confidence = lead.confidence if not partial else min(0.4, max(0.0, (support - 0.2) / 0.5))
        return Answer(answer="\n\n".join(parts), citations=_dedupe(citations), calculations=request.calculations,
                      refused=partial, confidence=round(confidence, 3), writer=self.name)

    def _related(self, request: WriteRequest, citations: list[Citation]) -> list[str]:
        """The best sentences of the retrieved passages not already quoted (at most two)."""
        out = []
        for s in self._choose(request)[:2]:
            chunk = request.hits[s.hit_rank].chunk
            if any(s.text in c.quote or c.quote in s.text for c in citations):
                continue
            section = chunk.section_at(s.start)
            citations.append(Citation(source=chunk.source, section=section, title=chunk.title, quote=s.text,
                                      doc_id=chunk.doc_id, chunk_id=chunk.chunk_id))
            body = s.text.replace("\n", "\n> ")
            out.append(f"> “{body}”\n> — {citations[-1].pin_cite}, *{chunk.title}*")
        return out

    def _nearby(self, request: WriteRequest, support: float, terms: list[frozenset[str]]) -> list[str]:
        """For a decline: the passages the documents have nearby, only when they name the
        subject declined ("benefits", "travel"); nothing when no passage does."""
        if support < NEARBY_SUPPORT or not terms:
            return []
        out = []
        for s in [c for c in self._choose(request) if any(t <= set(tokenize(c.text)) for t in terms)][:2]:
            chunk = request.hits[s.hit_rank].chunk
            out.append(f"> “{s.text}”\n> — {pin_cite(chunk.source, chunk.section_at(s.start))}, *{chunk.title}*")
        return out

    def _choose(self, request: WriteRequest) -> list[_Sentence]:
        candidates = _candidates(request)
        if not candidates:
            return []
        q_vec = request.embed([request.query])[0]
        vecs = request.embed([c.text for c in candidates])
        sims = vecs @ q_vec
        q_terms = set(tokenize(request.query))
        wants_quantity = bool(_QUANTITY_Q.search(request.query))
        rule_quotes = " ".join(squash(c.rule.quote) for c in request.calculations)
        asks_for_format = bool(re.search(r"\b(format|memo|template|sample|figure)\b", request.query, re.IGNORECASE))
        for c, sim in zip(candidates, sims):
            chunk = request.hits[c.hit_rank].chunk
            overlap = len(q_terms & set(tokenize(c.text))) / max(1, len(q_terms))
            c.score = float(sim) + 0.15 * overlap + 0.04 / (c.hit_rank + 1)
            if wants_quantity and _QUANTITY.search(c.text):
                c.score += 0.08  # "how long / how much" is answered by a sentence with a figure
            if rule_quotes and squash(c.text) in rule_quotes:
                c.score = -1.0  # already quoted as the calculator's rule
            if not asks_for_format and _PLACEHOLDER.search(c.text):
                c.score -= 0.5  # a blank in a sample memo is a form to fill in, not a rule
            elif not asks_for_format and "suggested format" in chunk.title.lower():
                c.score -= 0.08
        ranked = sorted(candidates, key=lambda c: -c.score)
        chosen: list[_Sentence] = []
        for c in ranked:
            if c.score < self.sentence_threshold or len(chosen) >= MAX_SENTENCES:
                break
            if any(_similar(c.text, o.text) or c.text in o.text or o.text in c.text for o in chosen):
                continue
            if sum(1 for o in chosen if o.hit_rank == c.hit_rank) >= 2:
                continue
            chosen.append(c)
        return chosen


def coverage(question: str, hits: list) -> float:
    """Share of the question's content words that occur in the given chunks."""
    terms = {t for t in tokenize(question) if t not in _GENERIC and not t.isdigit()}
    if not terms:
        return 1.0
    present = set(tokenize(" ".join(h.chunk.embed_text for h in hits)))
    return len(terms & present) / len(terms)


def _candidates(request: WriteRequest) -> list[_Sentence]:
    """Sentences of the best chunks, plus whole short lists and tables, worth quoting."""
    out: list[_Sentence] = []
    for rank, hit in enumerate(request.hits[:MAX_CHUNKS]):
        text = hit.chunk.text
        items = [ln for ln in text.splitlines() if _LIST_ITEM.match(ln)]
        if len(text) <= 700 and len(items) >= 2:
            out.append(_Sentence(rank, 0, len(text), text, whole=True))
        for a, b in sentence_spans(text):
            piece = text[a:b]
            if _quotable(piece):
                out.append(_Sentence(rank, a, b, piece))
    return out


_QUANTITY_Q = re.compile(r"\b(how (long|much|many|often|soon)|when|deadline|by what date|what percent|limit|maximum|minimum)\b", re.IGNORECASE)
_QUANTITY = re.compile(r"\d|\b(one|two|three|four|five|six|ten|fifteen|twenty|thirty|annual(ly)?|percent)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"\((?:appellant|name|date|organizational|signature|title|activity|employee's)|xxxx|--\(", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·]\s|\d{1,2}\.\s|\(\d{1,2}\)\s|\|)")


def _quotable(text: str) -> bool:
    words = text.split()
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters) / max(1, len(letters))
    return len(words) >= 5 and upper < 0.6 and not text.lstrip().startswith("|")


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


def _uncovered_part(request: WriteRequest) -> str:
    """For a question that also asks about something the documents do not cover, say so."""
    from advisor.intake.declines import TOPICS

    ids = request.intent.topics if request.intent else []
    topic = next((t for t in TOPICS if f"decline:{t.id}" in ids), None)
    if topic is None:
        return ""
    return (f"_Part of your question is about {topic.name}, which the documents I have do not cover; "
            f"for that part, ask {topic.ask}._")


def _topic_terms(request: WriteRequest) -> list[frozenset[str]]:
    """The declined subject's own terms, each as the stems of its words: a passage names the
    subject when it has every word of one term ("sick leave", not "days" of "days of leave")."""
    from advisor.intake.declines import TOPICS

    ids = request.intent.topics if request.intent else []
    topic = next((t for t in TOPICS if f"decline:{t.id}" in ids), None)
    if topic is None:
        return []
    terms = [frozenset(tokenize(term)) - _GENERIC for term in topic.terms]
    return [t for t in terms if t]


def _similarity(request: WriteRequest):
    def similarity(question: str, texts: list[str]) -> list[float]:
        vecs = request.embed([question, *texts])
        return [float(v) for v in vecs[1:] @ vecs[0]]

    return similarity


def _citation(q: Quote, chunks: list) -> Citation | None:
    """The quote as a citation of the retrieved chunk that holds it word for word."""
    for chunk in chunks:
        if chunk.source != q.source:
            continue
        exact = find_verbatim(chunk.text, q.text)
        if exact is None:
            continue
        section = chunk.section_at(chunk.text.find(exact))
        return Citation(source=chunk.source, section=section, title=chunk.title, quote=exact,
                        doc_id=chunk.doc_id, chunk_id=chunk.chunk_id)
    return None


def _calculation_body(calc: Calculation) -> list[str]:
    """Under the lead: a checklist's criteria, the dates and notes that go with a result."""
    out = []
    rows = calc.details.get("criteria") or []
    if rows:
        lines = []
        decided = calc.result in ("eligible", "not eligible")
        for r in rows:
            if decided and str(r.get("status")) not in ("met", "not met"):
                continue  # the outcome is decided: what is not known does not change it
            if r.get("assumed") and calc.result == "not eligible":
                continue  # an assumption that did not decide the outcome
            mark = {"met": "✅ met", "not met": "❌ not met"}.get(str(r.get("status")), "❔ not known yet")
            if r.get("assumed"):
                mark = "☑️ assumed (not stated)"
            lines.append(f"- {mark}: {r.get('text', '')} ({r.get('cite', '')})")
        out.append("\n".join(lines))
    for note in calc.details.get("notes") or []:
        out.append(f"_{note}_")
    assumptions = calc.details.get("assumptions") or []
    if assumptions:
        out.append("_How I read your words: " + "; ".join(str(a) for a in assumptions) + "._")
    if calc.result is not None and calc.details.get("note") and not rows:
        out.append(f"_{calc.details['note']}_")
    return out


def decline(question: str) -> Answer:
    """The honest answer when the documents do not cover the question."""
    text = (
        "I can't answer that from the documents I have. They cover "
        f"{DOCUMENTS_COVERED}, and none of their passages addresses this question. "
        "Please ask your servicing CPAC or HR office, who can also tell you which current rules apply."
    )
    return Answer(answer=text, citations=[], calculations=[], refused=True, confidence=0.0, writer="extractive")

