"""Which texts the index build embeds ahead of any question, as ``(id, text)`` items.

Per chunk: its retrieval text (the vector Chroma holds), its whole text when it is a short
list or table (the writer may quote it whole) and every sentence or list line ``sentence_spans``
finds, which is every candidate the extractive writer and the claim check can compare with
a question. Per rule-book entry (``corpus/rules/**/*.yaml``, when there are any): its quote,
plain statement, list items and example questions. Per calculator, declined topic and yes/no
fact the intake step reads: the texts it matches a question against. A text missing here still works: the
running process embeds it on first use. Nothing is embedded here (``advisor/vectors.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from advisor.chunking import Chunk
from advisor.errors import CorpusError
from advisor.text import list_lines, sentence_spans

log = logging.getLogger(__name__)

WHOLE_CHARS = 700  # the extractive writer quotes a list or table of 2+ items up to this size whole
Item = tuple[str, str]
TextSource = Callable[[Path, Sequence[Chunk]], Iterable[Item]]


def chunk_texts(_corpus_dir: Path, chunks: Sequence[Chunk]) -> Iterable[Item]:
    for c in chunks:
        yield f"chunk:{c.chunk_id}", c.embed_text
        if len(c.text) <= WHOLE_CHARS and list_lines(c.text) >= 2:
            yield f"text:{c.chunk_id}", c.text
        for a, b in sentence_spans(c.text):
            yield f"sentence:{c.chunk_id}:{a}", c.text[a:b]


def rulebook_texts(corpus_dir: Path, _chunks: Sequence[Chunk]) -> Iterable[Item]:
    from advisor.rulebook.load import load_rulebook, rule_files

    if not rule_files(corpus_dir):
        return
    try:
        book = load_rulebook(corpus_dir)
    except CorpusError as e:  # the rule book's own check reports it; search must not depend on it
        log.warning("rule-book texts not precomputed: %s", e)
        return
    for e in book.entries:
        yield f"rule:{e.id}:quote", e.quote
        yield f"rule:{e.id}:statement", e.statement
        for n, part in enumerate(e.items):
            yield f"rule:{e.id}:item:{n}", part.quote
        for n, q in enumerate([*e.examples, *(q for y in e.yes_no for q in (y.question, *y.also))]):
            yield f"rule:{e.id}:question:{n}", q


def intake_texts(_corpus_dir: Path, _chunks: Sequence[Chunk]) -> Iterable[Item]:
    """What the intake step matches every question against besides the rule book: each
    calculator's title, description and example questions, each declined topic's, and the
    statements that settle a calculator's yes/no facts (``intake.understand.texts_to_embed``)."""
    from advisor.calculators.registry import all_calculators
    from advisor.intake.understand import texts_to_embed

    return texts_to_embed(all_calculators())


SOURCES: tuple[TextSource, ...] = (chunk_texts, rulebook_texts, intake_texts)


def texts_to_embed(corpus_dir: Path, chunks: Sequence[Chunk],
                   sources: Sequence[TextSource] = SOURCES) -> list[Item]:
    """Every ``(id, text)`` item of every source, in a stable order."""
    return [item for source in sources for item in source(corpus_dir, chunks) if item[1].strip()]
