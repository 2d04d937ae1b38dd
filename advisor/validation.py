"""Check and normalise a user's question before anything else sees it.

Rejects empty, oversized or unreadable input with a message naming what is valid; strips
control characters and normalises Unicode. Nothing here retrieves or answers.
"""

from __future__ import annotations

import unicodedata

from advisor.errors import InvalidQuestion

MAX_CHARS = 4000
MAX_HISTORY_TURNS = 20


def clean_question(text: object, max_chars: int = MAX_CHARS) -> str:
    """The question as the advisor will read it, or InvalidQuestion saying what is wrong."""
    if not isinstance(text, str):
        raise InvalidQuestion(f"The question must be text, not {type(text).__name__}.")
    _check_length(text, max_chars)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text
    )
    text = " ".join(text.split())
    _check_length(text, max_chars, " once its special characters are spelled out")  # "\ufdfa" -> 18
    if not text:
        raise InvalidQuestion(
            "The question is empty. Ask about AR 690-13 (CIPMS), the OPM IT Program Management "
            "Career Path Guide or Army Career Program 34, e.g. 'Can I appeal the grade of my position?'"
        )
    if not any(ch.isalnum() for ch in text):
        raise InvalidQuestion("The question has no letters or digits. Ask it in words, e.g. 'Who approves a grade band promotion?'")
    return text


def _check_length(text: str, max_chars: int, when: str = "") -> None:
    if len(text) > max_chars:
        raise InvalidQuestion(
            f"The question is {len(text):,} characters long{when}; the limit is {max_chars:,}. "
            "Shorten it to the part you want answered."
        )


def clean_history(history: object, max_chars: int = MAX_CHARS) -> list[str]:
    """Earlier user turns as plain strings (accepts strings or {role, content} messages)."""
    if history is None:
        return []
    if not isinstance(history, list):
        raise InvalidQuestion("The history must be a list of earlier questions or {role, content} messages.")
    turns: list[str] = []
    for item in history[-MAX_HISTORY_TURNS * 2:]:
        if isinstance(item, dict):
            if item.get("role", "user") != "user":
                continue
            item = item.get("content", "")
        if isinstance(item, (list, tuple)) and item:  # (user, assistant) pairs
            item = item[0]
        if not isinstance(item, str) or not item.strip():
            continue
        try:
            turns.append(clean_question(item, max_chars))
        except InvalidQuestion:
            continue  # an unreadable earlier turn is ignored, not fatal
    return turns[-MAX_HISTORY_TURNS:]
