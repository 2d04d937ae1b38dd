"""Deterministic fact extraction from an employee's question: dates, money, grades, ratings...

``extract_facts(question, today)`` returns a ``Facts`` model. Every item keeps its character
span in the question so a calculator's ``from_facts`` can tell roles apart by the words
around it ("earns", "offer", "decided on", "received"): see ``pick``. Nothing is guessed:
an impossible date or grade is recorded in ``Facts.errors``; a rating word that is not one of
AR 690-13's rating levels is kept with ``value=None``. Date forms and the choices about
missing years are documented in ``facts_dates``. No I/O; ``today`` is always passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from advisor.calculators.facts_dates import find_dates
from advisor.calculators.facts_flags import FLAG_PATTERNS, flags
from advisor.calculators.facts_items import amounts, durations, grades_and_series, ratings
from advisor.calculators.facts_models import (
    DateFact,
    DurationFact,
    Facts,
    GradeFact,
    Item,
    MoneyFact,
    RatingFact,
    RatingName,
    SeriesFact,
)

__all__ = [
    "FLAG_PATTERNS",
    "DateFact",
    "DurationFact",
    "Facts",
    "GradeFact",
    "Item",
    "MoneyFact",
    "RatingFact",
    "RatingName",
    "SeriesFact",
    "extract_facts",
    "keyword_distance",
    "pick",
]


def extract_facts(question: str, today: date, *, past_dates: bool = False) -> Facts:
    """Extract dates, amounts, grades, ratings, durations, series and yes/no facts.

    Args:
        question: The employee's question, as written.
        today: The date that "today", "3 days ago" and year-less dates are read against.
        past_dates: True for deadline questions: a date written without a year is then the
            most recent such date not after ``today`` (else it takes ``today``'s year).
    """
    errors: list[str] = []
    dates: list[DateFact] = []
    taken: list[tuple[int, int]] = []
    for hit in find_dates(question, today, past=past_dates):
        taken.append((hit.start, hit.end))
        if hit.value is None:
            errors.append(hit.error or f"{hit.text!r} is not a real calendar date.")
            continue
        dates.append(
            DateFact(
                start=hit.start,
                end=hit.end,
                text=hit.text,
                value=hit.value,
                relative=hit.relative,
                year_inferred=hit.year_inferred,
            )
        )
    found_amounts = amounts(question, taken)
    grades, series = grades_and_series(question, taken, errors)
    return Facts(
        today=today,
        dates=dates,
        amounts=found_amounts,
        grades=grades,
        ratings=ratings(question),
        durations=durations(question, taken),
        series=series,
        flags=flags(question),
        errors=errors,
    )


T = TypeVar("T", bound=Item)


def keyword_distance(
    items: Sequence[Item], i: int, question: str, keywords: Iterable[str], window: int = 60
) -> int | None:
    """How closely ``keywords`` mark ``items[i]``: smaller is closer, None if not at all.

    Words before an item count more than words after it ("received the decision on
    April 8"); the search does not cross a neighbouring item of the same list.

    Args:
        items: Extracted items of one kind (e.g. ``facts.dates``), in order.
        i: Which item.
        question: The question the items were extracted from.
        keywords: Regular expressions over the lower-cased question, e.g. ``r"receiv"``.
        window: How many characters around the item to look at.
    """
    low = question.lower()
    item = items[i]
    left_from = max(items[i - 1].end if i else 0, item.start - window)
    right_to = min(items[i + 1].start if i + 1 < len(items) else len(low), item.end + window)
    left, right = low[left_from : item.start], low[item.end : right_to]
    best: int | None = None
    for k in keywords:
        for m in re.finditer(k, left):
            score = len(left) - m.end()
            best = score if best is None else min(best, score)
        m2 = re.search(k, right)
        if m2:
            score = window + m2.start()  # after the item: weaker than any word before it
            best = score if best is None else min(best, score)
    return best


def pick(items: Sequence[T], question: str, keywords: Iterable[str], window: int = 60) -> T | None:
    """The item whose surrounding words best match ``keywords`` (regular expressions).

    With no keyword near any item, a lone item is returned; otherwise None (ask, do not
    guess). See ``keyword_distance`` for how closeness is measured.

    Args:
        items: Extracted items of one kind (e.g. ``facts.dates``), in order.
        question: The question the items were extracted from.
        keywords: Regular expressions over the lower-cased question, e.g. ``r"receiv"``.
        window: How many characters around an item to look at.
    """
    keywords = list(keywords)
    scored = [
        (score, i)
        for i in range(len(items))
        if (score := keyword_distance(items, i, question, keywords, window)) is not None
    ]
    if scored:
        return items[min(scored)[1]]
    return items[0] if len(items) == 1 else None
