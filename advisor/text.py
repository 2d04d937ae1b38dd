"""Small text helpers shared by writers and the verifier: sentence spans and verbatim matching."""

from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|para|paras|No|Nos|U\.S|Mr|Ms|Dr|Jr|Inc|vs|fig|chap|sec|app)\.|\b[A-Z]\.)$")
_MARKER = re.compile(r"^(?:[a-z]\.|\(\d{1,2}\)|\([a-z]\)|\d{1,2}\.|[-*•·])\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list line, markers and Markdown bullets excluded."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or stripped.startswith(("|---", "<!--")):
            continue
        offset = start + (len(line) - len(line.lstrip()))
        m = _MARKER.match(line.lstrip())
        if m:
            offset += m.end()
        body = text[offset : start + len(line)]
        s = 0
        for m2 in re.finditer(r"[.!?;:](?=\s+[A-Z(\"“])", body):
            end = m2.end()
            if body[m2.start()] == "." and _ABBREV.search(body[s:end]):
                continue
            if body[s:end].strip():
                spans.append(_trim(text, offset + s, offset + end))
            s = end
        if body[s:].strip():
            spans.append(_trim(text, offset + s, offset + len(body)))
    return [sp for sp in spans if sp[1] - sp[0] >= 3]


_LIST_LINE = re.compile(r"^\s*(?:[-*•·]\s|\d{1,2}\.\s|\(\d{1,2}\)\s|\|)")


def list_lines(text: str) -> int:
    """How many lines of ``text`` are list items or table rows: a bullet, "1." or "(1)", or '|'."""
    return sum(1 for line in text.split("\n") if _LIST_LINE.match(line))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def squash(text: str) -> str:
    return " ".join(text.split())


def find_verbatim(haystack: str, quote: str) -> str | None:
    """The exact substring of ``haystack`` equal to ``quote`` up to whitespace, or None."""
    if quote in haystack:
        return quote
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, haystack)
    return m.group(0) if m else None
