"""Rule-book entries as things a question can be about (``intake.match.Target``).

Each entry is matched by its plain statement, its example questions and what it is about; the
abbreviations table adds one target per abbreviation ("what does CPO stand for?"). No I/O.
"""

from __future__ import annotations

from advisor.intake.match import Target
from advisor.rulebook.load import RuleBook


def rule_targets(book: RuleBook) -> list[Target]:
    """One target per entry, its texts the statement, the examples and the yes/no questions."""
    out = []
    for e in book.entries:
        texts = (e.statement, *e.examples, *(y.question for y in e.yes_no))
        out.append(Target(e.id, "rule", texts, group=book.doc_of[e.id], quote=" ".join([e.quote, *(p.quote for p in e.items)])))
    return out
