"""The figures a plain sentence states, and whether its source quotes contain them.

A figure is a number (digits or a number word), a dollar amount, a percentage, a form number,
an occupational series code or an office or other acronym (two or more capitals). A plain
statement written by the project may restate its quote, never add one: ``missing_figures``
lists those its quotes lack. Numbers compare by value ("$10,000" = "10000", "0132" = "132",
"three" = "3"); an acronym is found when the quote holds it or the full name it stands for
in the corpus. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "half": Decimal("0.5"),
    "twice": 2, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "once": 1,
}
_NUM = re.compile(r"(?<![\w.])\$?(\d[\d,]*(?:\.\d+)?)(?:\s*(?:½))?")
_FRACTION = re.compile(r"(\d+)\s*½|(?<!\d)½")
_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z&]*[A-Z](?:\([A-Z&]+\))?[A-Z]*\b")
# Words in capitals that name the documents' own context rather than a fact of one provision.
CONTEXT = frozenset({"CIPMS", "GS", "GM", "GG", "AR", "IT", "US", "U.S", "OK"})
# Expansions the quotes use for acronyms a plain statement may write (from the corpus itself).
EXPANSIONS: dict[str, tuple[str, ...]] = {}


def numbers(text: str) -> set[Decimal]:
    """Every number written in ``text``, by value (digits, '1½', number words)."""
    out: set[Decimal] = set()
    for m in _FRACTION.finditer(text):
        out.add(Decimal(m.group(1) or 0) + Decimal("0.5"))
    for m in _NUM.finditer(text):
        try:
            out.add(Decimal(m.group(1).replace(",", "").rstrip(".")))
        except InvalidOperation:
            continue
    for m in _WORD.finditer(text):
        out.add(Decimal(NUMBER_WORDS[m.group(1).lower()]))
    return out


def acronyms(text: str) -> set[str]:
    """Acronyms of two or more capitals ('CPO', 'ASA(M&RA)', 'DA'), minus context words."""
    found = {m.group(0) for m in _ACRONYM.finditer(text)}
    return {a for a in found if sum(ch.isupper() for ch in a) >= 2 and a not in CONTEXT}


def missing_figures(text: str, quotes: Iterable[str]) -> list[str]:
    """The figures of ``text`` that none of ``quotes`` states, in a stable order."""
    if not text:
        return []
    joined = " ".join(quotes)
    have = numbers(joined)
    missing = [str(n) for n in sorted(numbers(text)) if n not in have and n != 1]
    low = joined.lower()
    for a in sorted(acronyms(text)):
        if a in joined or any(full.lower() in low for full in EXPANSIONS.get(a, ())):
            continue
        missing.append(a)
    return missing
