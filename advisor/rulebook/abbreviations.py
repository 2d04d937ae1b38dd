"""The abbreviations table, built from the documents' own "Full Name (ABBR)" definitions.

For every parenthesised short form ("(CPO)", "(ASA(M&RA))", "(IDPs)") the words just before it
are searched for the long form whose letters spell it (the Schwartz-Hearst algorithm, 2003):
the short form's characters are matched right to left in the long form, its first character
at the start of a word; a long form whose word initials spell it (small words like "of" skipped)
is preferred. Each definition keeps its section and the verbatim words; the first
definition of an abbreviation in a document wins. No I/O beyond the parsed corpus passed in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from advisor.corpus import Document
from advisor.rulebook.models import Abbreviation

_SHORT = re.compile(r"\(([A-Z][A-Za-z&/.]*(?:\([A-Z&]+\))?[A-Za-z]*)\)")
_WORDS_BEFORE = re.compile(r"[^\s(]+(?:\s+|$)")


def _valid_short(short: str) -> bool:
    letters = [c for c in short if c.isalpha()]
    return 2 <= len(letters) <= 12 and sum(c.isupper() for c in letters) >= 2


_STOP = frozenset({"of", "and", "the", "for", "on", "in", "to", "a", "an", "&"})


def initials_long_form(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose word initials spell ``short`` (small words skipped)."""
    letters = [c.lower() for c in short if c.isalpha()]
    if short.endswith("s") and short[:-1].isupper():
        letters = letters[:-1]
    words = long.split()
    i = len(words) - 1
    for c in reversed(letters):
        while i >= 0 and (words[i].lower() in _STOP or words[i][:1].lower() != c):
            if words[i].lower() not in _STOP:
                return None  # a content word that is not the next initial: not a definition
            i -= 1
        if i < 0:
            return None
        i -= 1
    return " ".join(words[i + 1:])


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose letters spell ``short`` (Schwartz-Hearst)."""
    s = [c.lower() for c in short if c.isalnum()]
    if short.endswith("s") and short[:-1].isupper():
        s = s[:-1]  # a plural short form: IDPs -> IDP
    si, li = len(s) - 1, len(long) - 1
    low = long.lower()
    while si >= 0:
        c = s[si]
        while li >= 0 and (low[li] != c or (si == 0 and li > 0 and low[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = low.rfind(" ", 0, li + 1) + 1
    found = long[start:].strip()
    return found if len(found.split()) >= 2 or len(found) > len(short) else None


def extract(docs: Sequence[Document]) -> list[Abbreviation]:
    """Every abbreviation the documents define, the first definition in each document."""
    out: list[Abbreviation] = []
    for doc in docs:
        seen: set[str] = set()
        for section in doc.sections:
            text = section.text
            for m in _SHORT.finditer(text):
                short = m.group(1)
                if not _valid_short(short) or short in seen:
                    continue
                before = text[: m.start()].rstrip()
                n = len([c for c in short if c.isalpha()])
                window = " ".join(before.split()[-min(n + 5, 2 * n):])
                long = initials_long_form(short, window) or best_long_form(short, window)
                if long is None or long.startswith("("):
                    continue
                long = long.strip(" ,;:")
                quote = f"{long} ({short})"
                if quote not in " ".join(text.split()):
                    continue
                seen.add(short)
                out.append(Abbreviation(abbr=short, full=long, doc_id=doc.doc_id, source=doc.short_name,
                                        cite=section.section_id, quote=quote))
    return out
