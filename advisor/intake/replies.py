"""Read a turn as an answer to the question the advisor just asked, or as a correction.

When the interview has asked for one fact ("On what date did the downgrade take effect?"), a
short reply gives its value in whatever form the fact takes: "July 9th", "it was the 5th",
"$68k", "75000", "Exceptional", "step 9", "a 12/4", "yes", "2 years", "supervisor". A
correction ("sorry, I meant $57,000", "no, it was October 6", "actually I'm step 5") replaces
a value given before. A switch ("different question: …", "never mind that") ends the task.
These are readings of the user's words; which calculator a question is about is decided by
the matcher. No I/O.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.calculators.base import FactSpec
from advisor.intake.values import Reading, bare_ratings, number_words

CORRECTION = re.compile(
    r"^\W*(?:sorry|oops|whoops|wait|actually|correction|my (?:mistake|bad)|i meant|i mean|i misspoke"
    r"|make (?:that|it)|scratch that|typo|no[,.!:]|nope|not\b[^,]*,\s*(?:but|it)|rather|let me correct)"
    r"|\bi meant\b|\bi misspoke\b|\b(?:should|would) have said\b|\binstead\b|\bnot .{1,30} but\b",
    re.IGNORECASE)
WHAT_IF = re.compile(r"^\W*(?:and |but |so )?(?:what|how) (?:if|about)\b|^\W*and if\b|^\W*suppose\b", re.IGNORECASE)
SWITCH = re.compile(
    r"\b(?:different|another|new|separate|unrelated|other) (?:question|topic|thing|subject|matter)\b"
    r"|\bunrelated\b|\bseparately\b|\bnever ?mind\b|\bforget (?:that|it|about)\b|\blet'?s skip\b"
    r"|\bchanging (?:the )?subject\b|\bon another note\b|\balso,? (?:i have|quick) (?:a )?question\b"
    r"|^\W*(?:ok|okay|thanks|thank you|great|got it)[.!,]*\s+(?:now|next|also|and)\b",
    re.IGNORECASE)
_BARE_DAY = re.compile(r"\bthe (?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?<![\w$.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<c>\d{1,2}))?(?![\w%/-])")
_NEGATION = re.compile(r"\b(?:no|not|never|none|neither|nor|without|haven'?t|hasn'?t|hadn'?t|didn'?t|"
                       r"don'?t|doesn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t|can'?t|cannot)\b|n't\b",
                       re.IGNORECASE)


def is_switch(text: str) -> bool:
    """The turn says it is about something else ("different question: …")."""
    return bool(SWITCH.search(text))


def is_correction(text: str) -> bool:
    """The turn corrects something said before ("sorry, I meant …", "no, it was …")."""
    return bool(CORRECTION.search(text))


def is_what_if(text: str) -> bool:
    return bool(WHAT_IF.search(text))


def words(text: str) -> int:
    return len(re.findall(r"[\w$%/-]+", text))


def polarity(text: str) -> bool:
    """True unless the words negate: the yes or no of a statement replying to a yes/no question."""
    return not _NEGATION.search(text)


_DENIED = re.compile(r"(?:\bnot|\binstead of|\brather than|n['’]t)\s+(?:on\s+|the\s+)?$", re.IGNORECASE)


def meant(found: list[Any], text: str) -> list[Any]:
    """The values a reply means: "Nov 12, not Nov 2" and "not $75,000 but $57,000" give the one
    not denied (every value, when all are denied or none is)."""
    kept = [v for v in found if not _DENIED.search(text[max(0, v.start - 16) : v.start])]
    return kept or found


def reply_value(spec: FactSpec, reading: Reading, today: date) -> Any:
    """The value a reply gives for ``spec``, or None when it gives none (JSON-safe)."""
    text = reading.text
    match spec.type:
        case "date":
            found = meant(reading.of("date"), text)
            if found:
                return found[0].value.isoformat() if len({v.value for v in found}) == 1 else None
            m = _BARE_DAY.search(text)
            if m:
                day = int(m.group("d"))
                year, month = today.year, today.month
                if day > today.day:  # a day still to come this month: the reported event was last month
                    year, month = (year, month - 1) if month > 1 else (year - 1, 12)
                try:
                    return date(year, month, day).isoformat()
                except ValueError:
                    return None
            return None
        case "money":
            found = meant(reading.of("money"), text)
            if found:
                return _dec(found[0].value)
            m = _BARE_NUMBER.search(text)
            if m and words(text) <= 6:
                n = Decimal(m.group("n").replace(",", "") + (f".{m.group('c')}" if m.group("c") else ""))
                return _dec(n) if n >= 100 else None
            return None
        case "rating":
            found = reading.of("rating") or bare_ratings(text)
            return found[0].value if len({v.value for v in found}) == 1 else None
        case "grade" | "step":
            found = reading.of(spec.type)
            if found:
                return found[0].value
            m = _BARE_NUMBER.search(text)
            return int(m.group("n")) if m and words(text) <= 4 else None
        case "count" | "years" | "percent":
            found = reading.of(spec.type)
            if spec.type == "years" and not found:
                found = reading.of("years")
            if found:
                v = found[0].value
                return int(v) if spec.type == "count" else _dec(v)
            m = _BARE_NUMBER.search(text)
            if m and words(text) <= 5:
                return int(m.group("n")) if spec.type == "count" else _dec(Decimal(m.group("n")))
            n = number_words(" ".join(re.findall(r"[a-z-]+", text.lower())[:2]))
            return n if n is not None and spec.type == "count" else None
        case "series":
            found = reading.of("series")
            if found:
                return found[0].value
            m = re.search(r"\b(\d{3,4})\b", text)
            return m.group(1).zfill(4) if m else None
        case "flag":
            if reading.reply is not None:
                return reading.reply
            return None
        case "choice":
            low = text.lower()
            said = [c for c in spec.choices if re.search(rf"\b{c}", low) and not _negated(low, c)]
            return said[0] if len(said) == 1 else None
    return None


def _negated(low: str, word: str) -> bool:
    return bool(re.search(rf"\b(?:not|never|no longer|isn'?t|am not|i'm not)\b(?:\s+\w+){{0,2}}\s+{word}", low))


def _dec(v: Any) -> str:
    d = Decimal(str(v))
    return str(d.quantize(Decimal(1))) if d == d.to_integral() else str(d)
