"""The figures a sentence states, and whether each is allowed: dates, dollars, quantities.

A model must not compute. A date or dollar amount in its answer must equal a calculator
result (or an input or detail of one) or a figure in the passage it cites; a number with a
unit ("15 calendar days", "51 percent") and a time or frequency word ("monthly", "every
year") must appear in the cited passage or a calculation. This module only finds and
compares figures; it does not judge whether the words of a sentence are supported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import Stemmer

from advisor.calculators.facts_dates import find_dates
from advisor.calculators.facts_items import amounts
from advisor.models import Calculation

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty-five": 45, "sixty": 60, "ninety": 90, "hundred": 100,
}
_UNIT = r"(?:calendar\s+|work(?:ing)?\s+|business\s+|consecutive\s+|full\s+)?" \
        r"(?:days?|weeks?|months?|years?|hours?|percent|per\s*cent|%|times|steps?|grades?|pay\s+periods?)"
_QUANTITY = re.compile(
    rf"(?<![\w.,-])(?P<n>\d[\d,]*(?:\.\d+)?|{'|'.join(_WORD_NUMBERS)})(?:-|\s+)?(?={_UNIT}\b|%)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_TIME_WORDS = ("daily", "weekly", "monthly", "yearly", "annually", "quarterly", "biweekly", "once",
               "twice", "day", "week", "month", "year", "hour", "fortnight", "semiannual")
_stem = Stemmer.Stemmer("english").stemWord
TIME_STEMS = frozenset(_stem(w) for w in _TIME_WORDS)


@dataclass
class Figures:
    """Figures that a sentence may state: from calculations, or from one cited passage."""

    dates: set[date] = field(default_factory=set)
    dollars: set[int] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    words: set[str] = field(default_factory=set)  # stems of time/frequency words

    def union(self, other: Figures) -> Figures:
        return Figures(self.dates | other.dates, self.dollars | other.dollars,
                       self.numbers | other.numbers, self.words | other.words)


def number_value(text: str) -> float | None:
    text = text.lower().replace(",", "")
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    try:
        return float(text)
    except ValueError:
        return None


def time_words(text: str) -> set[str]:
    return {s for w in re.findall(r"[a-z]+", text.lower()) if (s := _stem(w)) in TIME_STEMS}


def figures_in_text(text: str, today: date) -> Figures:
    """Every date, amount and number written in ``text`` (a passage or a calculation)."""
    dates = {h.value for h in find_dates(text, today) if h.value and not h.relative}
    dollars = {m.dollars for m in amounts(text, [])}
    numbers = {v for m in _NUMBER.finditer(text) if (v := number_value(m.group(0))) is not None}
    dollars |= {int(v) for v in numbers if v == int(v)}  # a table lists "103,049" without "$"
    return Figures(dates, dollars, numbers, time_words(text))


def figures_in_calculations(calcs: Iterable[Calculation], today: date) -> Figures:
    """Results, inputs, details and explanations of the calculations, as allowed figures."""
    out = Figures()
    for calc in calcs:
        for value in _leaves(calc.model_dump(mode="json", exclude={"rule"})):
            if isinstance(value, bool):
                continue
            if isinstance(value, (int, float)):
                out.dollars.add(int(value))
                out.numbers.add(float(value))
            elif isinstance(value, str):
                for iso in _ISO.findall(value):
                    try:
                        out.dates.add(date.fromisoformat(iso))
                    except ValueError:
                        pass
                out = out.union(figures_in_text(value, today))
    return out


def _leaves(value: Any) -> Iterable[Any]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def figure_problem(sentence: str, allowed: Figures, today: date) -> str | None:
    """None when every figure of ``sentence`` is allowed; otherwise which one is not."""
    taken: list[tuple[int, int]] = []
    for hit in find_dates(sentence, today):
        taken.append((hit.start, hit.end))
        if hit.relative or hit.value is None:
            if hit.error:
                return f"states an impossible date ({hit.text})"
            continue
        ok = hit.value in allowed.dates or (
            hit.year_inferred and any((d.month, d.day) == (hit.value.month, hit.value.day)
                                      for d in allowed.dates))
        if not ok:
            return f"states a date that no calculator or cited passage gives ({hit.text})"
    for money in amounts(sentence, list(taken)):
        taken.append((money.start, money.end))
        if money.dollars not in allowed.dollars:
            return f"states a dollar amount that no calculator or cited passage gives ({money.text})"
    for m in _QUANTITY.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = number_value(m.group("n"))
        if value is not None and value not in allowed.numbers:
            return f"states a quantity the cited passage does not ({m.group(0).strip()}…)"
    extra = time_words(sentence) - allowed.words
    if extra:
        return f"states a time or frequency the cited passage does not ({', '.join(sorted(extra))})"
    return None
