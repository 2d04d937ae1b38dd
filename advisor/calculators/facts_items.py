"""Find the money, grades, series, ratings, durations and yes/no facts written in a question.

Helpers of ``facts.extract_facts``; dates are in ``facts_dates``. Each finder skips text
already taken by an earlier kind (a date is never also a duration). A grade or step off the
General Schedule is reported in ``errors``, and a rating word that is not one of AR 690-13's
levels is kept with ``value=None``: nothing is guessed. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from advisor.calculators.facts_dates import NUMBER_WORDS
from advisor.calculators.facts_models import (
    DurationFact,
    GradeFact,
    MoneyFact,
    RatingFact,
    RatingName,
    SeriesFact,
)

_NUM_WORDS = "|".join(w for w in NUMBER_WORDS if w not in ("a", "an"))
_AMOUNT_PATTERNS = (
    re.compile(
        r"\$\s?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<c>\d+))?(?:\s?(?P<m>k|thousand|m|million)\b)?",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<n>\d+)(?:\.(?P<c>\d+))?\s?(?P<m>k)\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<c>\d+))?\s+(?:dollars|usd)\b", re.IGNORECASE
    ),
    re.compile(
        r"\b(?P<n>\d{1,3}(?:,\d{3})+)(?:\.(?P<c>\d+))?(?=\s*(?:a year|per year|annually|per annum|/\s?yr|/\s?year)\b)",
        re.IGNORECASE,
    ),
)
_MULTIPLIER = {"k": 1000, "thousand": 1000, "m": 1_000_000, "million": 1_000_000}
_PLAN_GRADE = re.compile(
    r"\b(?P<plan>gs|gg|gm)\s?-?\s?(?P<g>\d{1,4})\b"
    r"(?:\s*,?\s*(?:/|-|step)\s*(?P<s>\d{1,2})\b)?",
    re.IGNORECASE,
)
# "GS-2210-12", "gs-0134-3": the series and then the grade, written together.
_SERIES_GRADE = re.compile(r"\b(?P<plan>gs|gg|gm)\s?-?\s?(?P<n>\d{3,4})\s?-\s?(?P<g>\d{1,2})\b(?![-/]\d)"
                           r"(?:\s*,?\s*step\s*(?P<s>10|[1-9])\b)?", re.IGNORECASE)
_GRADE_STEP = re.compile(
    r"\b(?:grade\s+)?(?P<g>\d{1,2})\s*,?\s*step\s*(?P<s>\d{1,2})\b", re.IGNORECASE
)
_GRADE_ONLY = re.compile(r"\bgrade\s+(?P<g>\d{1,2})\b", re.IGNORECASE)
_STEP_ONLY = re.compile(r"\bstep\s+(?P<s>\d{1,2})\b", re.IGNORECASE)
_SERIES = (
    re.compile(r"\bseries\s+(?:(?:gs|gg|gm)\s?-?\s?)?(?P<n>\d{3,4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<n>\d{3,4})\s+series\b", re.IGNORECASE),
    re.compile(r"\b0\d{3}\b"),
)
_DURATION = re.compile(
    rf"\b(?P<n>\d{{1,4}}|{_NUM_WORDS})[\s-]+(?:calendar\s+)?"
    r"(?P<u>day|week|month|year|yr|pay\s+period)s?\b(?!\s+ago)",
    re.IGNORECASE,
)
# Longest names first, so "highly successful" is not read as "successful".
_RATINGS: tuple[tuple[str, RatingName | None], ...] = (
    ("exceeds fully successful", None),
    ("highly successful", "Highly Successful"),
    ("minimally successful", "Minimally Successful"),
    ("fully successful", "Fully Successful"),
    ("exceptional", "Exceptional"),
    ("unacceptable", "Unacceptable"),
    # 8-9a names these levels; pay_awards.normalize_rating reads them as the same ones.
    ("minimally acceptable", "Minimally Successful"),
    ("unsatisfactory", "Unacceptable"),
    ("outstanding", None),  # not a level in AR 690-13; do not guess "Exceptional"
    ("excellent", None),
    ("superior", None),
    ("exceeds expectations", None),
)
_RATING_CONTEXT = re.compile(
    r"rat(?:ed|ing)|apprais|performance|review|evaluat|scored", re.IGNORECASE
)
# A level named over a span of ratings: "Exceptional the last 3 years", "exceptional every year".
_RATING_SPAN = re.compile(
    r"\s+(?:for |in |during |over )?(?:the |my |each of the |all of the )?(?:last|past|previous|preceding)\s+"
    r"(?:\d+|two|three|four|five|six|several|few)\s+(?:years|cycles|periods)\b"
    r"|\s+(?:every|each) (?:year|cycle)\b|\s+(?:\d+|two|three|four|five) (?:years|times) (?:in a row|running|straight)\b"
)
def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def amounts(text: str, taken: list[tuple[int, int]]) -> list[MoneyFact]:
    found: list[MoneyFact] = []
    for pattern in _AMOUNT_PATTERNS:
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            cents = m.group("c")
            value = Decimal(m.group("n").replace(",", "") + (f".{cents}" if cents else ""))
            mult = (m.groupdict().get("m") or "").lower()
            value *= _MULTIPLIER.get(mult, 1)
            found.append(MoneyFact(start=m.start(), end=m.end(), text=m.group(0), value=value))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _grade_fact(m: re.Match[str], errors: list[str]) -> GradeFact | None:
    gd = m.groupdict()
    grade = int(gd["g"]) if gd.get("g") else None
    step = int(gd["s"]) if gd.get("s") else None
    if grade is not None and not 1 <= grade <= 15:
        errors.append(f"{m.group(0)!r}: grade {grade} is not on the General Schedule (1-15).")
        return None
    if step is not None and not 1 <= step <= 10:
        errors.append(f"{m.group(0)!r}: step {step} is not a GS step (1-10).")
        return None
    plan = gd["plan"].upper() if gd.get("plan") else None
    return GradeFact(
        start=m.start(), end=m.end(), text=m.group(0), plan=plan, grade=grade, step=step
    )


def grades_and_series(
    text: str, taken: list[tuple[int, int]], errors: list[str]
) -> tuple[list[GradeFact], list[SeriesFact]]:
    grades: list[GradeFact] = []
    series: list[SeriesFact] = []

    def add_series(m: re.Match[str], digits: str) -> None:
        series.append(
            SeriesFact(start=m.start(), end=m.end(), text=m.group(0), series=digits.zfill(4))
        )
        taken.append((m.start(), m.end()))

    for m in _SERIES_GRADE.finditer(text):
        if _overlaps(m.start(), m.end(), taken) or not 1 <= int(m.group("g")) <= 15:
            continue
        series.append(SeriesFact(start=m.start(), end=m.end(), text=m.group(0), series=m.group("n").zfill(4)))
        step = int(m.group("s")) if m.group("s") else None
        grades.append(GradeFact(start=m.start(), end=m.end(), text=m.group(0), plan=m.group("plan").upper(),
                                grade=int(m.group("g")), step=step))
        taken.append((m.start(), m.end()))
    for pattern in _SERIES:
        for m in pattern.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                add_series(m, m.groupdict().get("n") or m.group(0))
    for m in _PLAN_GRADE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        digits = m.group("g")
        if len(digits) >= 3 or digits.startswith("0"):  # GS-2210, GS-080: a series
            add_series(m, digits)
            continue
        fact = _grade_fact(m, errors)
        taken.append((m.start(), m.end()))
        if fact:
            grades.append(fact)
    for pattern in (_GRADE_STEP, _GRADE_ONLY, _STEP_ONLY):
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            taken.append((m.start(), m.end()))
            fact = _grade_fact(m, errors)
            if fact:
                grades.append(fact)
    return sorted(grades, key=lambda g: g.start), sorted(series, key=lambda s: s.start)


def ratings(text: str) -> list[RatingFact]:
    found: list[RatingFact] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    for phrase, value in _RATINGS:
        for m in re.finditer(rf"\b{phrase}\b", low):
            if _overlaps(m.start(), m.end(), taken):
                continue
            sentence = re.split(r"[.?!;]", low[: m.start()])[-1] + low[m.end() :].split(".")[0]
            if not _RATING_CONTEXT.search(sentence) and not _RATING_SPAN.match(low, m.end()):
                continue
            taken.append((m.start(), m.end()))
            found.append(
                RatingFact(
                    start=m.start(), end=m.end(), text=text[m.start() : m.end()], value=value
                )
            )
    return sorted(found, key=lambda r: r.start)


def durations(text: str, taken: list[tuple[int, int]]) -> list[DurationFact]:
    found: list[DurationFact] = []
    for m in _DURATION.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        n = m.group("n").lower()
        amount = NUMBER_WORDS[n] if n in NUMBER_WORDS else int(n)
        u = m.group("u").lower()
        unit = "pay periods" if u.startswith("pay") else ("years" if u == "yr" else u + "s")
        last = found[-1] if found else None
        if unit == "months" and last is not None and last.unit == "years" \
                and _AND_MONTHS.fullmatch(text, last.end, m.start()):
            # "2 years and 3 months" is one span of 27 months, not two durations
            found[-1] = DurationFact(start=last.start, end=m.end(), text=text[last.start:m.end()],
                                     amount=last.amount * 12 + amount, unit="months")
            continue
        found.append(
            DurationFact(start=m.start(), end=m.end(), text=m.group(0), amount=amount, unit=unit)
        )
    return found


_AND_MONTHS = re.compile(r",?\s*(?:and\s+)?")
