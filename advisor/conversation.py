"""Resolve a follow-up question into a standalone query using the earlier turns.

Without a language model, a follow-up ("And who approves it?", "What if I was rated Fully
Successful instead?") is recognised by its shape and the earlier turn's topic is carried
into retrieval. This module only builds query text; it does not search or answer.
"""

from __future__ import annotations

import re

_FOLLOWUP_START = re.compile(
    r"^(and|but|also|so|then|what about|how about|what if|and if|if so|same|ok|okay|in that case|"
    r"who|when|how long|how much|how many|which|does that|is that|can (it|they|he|she)|what happens)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(it|that|this|they|them|those|these|he|she|one|instead|there|same)\b", re.IGNORECASE)
_CONTENT = re.compile(r"[a-z]{4,}", re.IGNORECASE)


def is_followup(question: str) -> bool:
    """A short question that leans on an earlier turn (starts like one or points back)."""
    words = question.split()
    if len(words) > 18:
        return False
    return bool(_FOLLOWUP_START.match(question.strip())) or (
        len(words) <= 10 and bool(_PRONOUN.search(question))
    )


def standalone_query(question: str, history: list[str]) -> str:
    """The text to retrieve with: the question, plus the previous topic when it is a follow-up."""
    if not history or not is_followup(question):
        return question
    return f"{question} {history[-1]}"


def with_history(question: str, history: list[str]) -> str:
    """The question followed by earlier turns, newest first (later facts win in extraction)."""
    return " ".join([question, *reversed(history[-2:])])
