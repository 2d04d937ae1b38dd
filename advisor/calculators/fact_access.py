"""Read what the pay and eligibility calculators need out of ``facts.Facts``.

Small accessors for the ``from_facts`` functions: amounts (and which amount is the job
offer), GS grade/step, rating, series, dates, durations and yes/no flags. They only read
what ``facts.py`` extracted and use the question text solely to look at the words around
a fact's span; nothing is guessed. No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from advisor.calculators.facts import Facts, keyword_distance, pick


def money_values(facts: Facts) -> list[Decimal]:
    """Every dollar amount in the question, in order."""
    return [m.value for m in facts.amounts]


PAY_WORDS = [r"current", r"\bmake", r"\bearn", r"\bpaid", r"salary", r"\bpay\b"]


def offer_and_current(facts: Facts, question: str) -> tuple[Decimal | None, Decimal | None]:
    """(another job offer, current pay) among the amounts; either None when not said.

    A lone amount is the offer only when "offer" is written nearer to it than pay words
    ("I make $80,000" is current pay even in "what can you offer if I make $80,000?"); with
    two or more amounts the one nearest "offer" is the offer and the one nearest pay words,
    among the rest, is the current pay.
    """
    items = facts.amounts
    if not items:
        return None, None
    if len(items) == 1:
        to_offer = keyword_distance(items, 0, question, [r"offer"])
        to_pay = keyword_distance(items, 0, question, PAY_WORDS)
        is_offer = to_offer is not None and (to_pay is None or to_offer < to_pay)
        return (items[0].value, None) if is_offer else (None, items[0].value)
    offer = pick(items, question, [r"offer"])
    rest = [m for m in items if m is not offer]
    current = pick(rest, question, PAY_WORDS) if rest else None
    return (offer.value if offer else None), (current.value if current else None)


def grade_step(facts: Facts) -> tuple[int | None, int | None]:
    """The first GS grade and step mentioned (either may be None)."""
    grade = next((g.grade for g in facts.grades if g.grade is not None), None)
    step = next((g.step for g in facts.grades if g.step is not None), None)
    return grade, step


def grades(facts: Facts) -> list[int]:
    """Every grade mentioned, in order."""
    return [g.grade for g in facts.grades if g.grade is not None]


def rating(facts: Facts) -> str | None:
    """The first recognised performance rating ("Exceptional", ...), or None."""
    return next((r.value for r in facts.ratings if r.value is not None), None)


def ratings(facts: Facts) -> list[str]:
    """Every recognised rating, in order."""
    return [r.value for r in facts.ratings if r.value is not None]


def series(facts: Facts) -> str | None:
    """The first occupational series mentioned ("0132")."""
    return facts.series[0].series if facts.series else None


def date_near(facts: Facts, question: str, keywords: list[str]) -> date | None:
    """The date nearest one of ``keywords`` (regular expressions), or a lone date."""
    item = pick(facts.dates, question, keywords)
    return item.value if item else None


def years(facts: Facts) -> Decimal | None:
    """The first duration in years or months, as years (months / 12)."""
    for d in facts.durations:
        if d.unit == "years":
            return Decimal(d.amount)
        if d.unit == "months":
            return Decimal(d.amount) / 12
    return None


def flag(facts: Facts, name: str) -> bool | None:
    """A yes/no fact simply stated in the question; None when not said."""
    return facts.flags.get(name)
