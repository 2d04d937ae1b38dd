"""Find the dates written in a question, absolute and relative, with their character spans.

Recognised forms (case-insensitive): "April 8, 2026", "April 8th 2026", "Apr. 8", "8 April
2026", "8th of April", "4/8/2026" and "04-08-2026" (US order, month first), "4/8/26",
"2026-04-08", "the last day of September 2026", "the 3rd of last month", and the relative "today", "yesterday", "tomorrow", "last Friday", "this past Friday", "3 days ago",
"two weeks ago", "a month ago". A leading weekday ("Tuesday, April 7, 2026") is checked
against the date and a mismatch is reported.

Choices (documented because a wrong date is the worst outcome):

- A date written without a year ("April 8") takes the year of ``today``; when the caller says
  the dates are past events (``past=True``, used for deadline questions, where the user
  reports something that already happened) it is the most recent such date not after
  ``today``. Either way the hit is marked ``year_inferred``.
- Two-digit years: 90-99 mean 19xx, 00-89 mean 20xx.
- "last Friday" is the most recent Friday strictly before ``today``.

Impossible dates ("February 30") come back as hits with an ``error`` and no value; they are
never dropped. This module does no I/O and never reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
WEEKDAY_NUM = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_NUM = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# The words a month/day date without a year follows ("I got it 11/15", "effective 3/2"): alone,
# "12/13" may be grades or a fraction.
_BEFORE_MD = ("on", "it", "got", "dated", "since", "from", "by", "until", "till", "was", "of", "effective",
              "received", "started", "began", "ended", "left", "filed", "signed", "before", "after", "date")

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")),
    ("us", re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})\b")),
    ("us", re.compile(r"\b(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d{4})\b")),
    # "I got it 11/15": month and day only (the year as for "Nov 15"); not "1/2 of my duties"
    ("us", re.compile(r"(?:" + "|".join(rf"(?<=\b{w} )" for w in _BEFORE_MD) + r")"
                      r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])(?P<year>)(?![/\d]|\.\d)", re.IGNORECASE)),
    ("month_end", re.compile(rf"\bthe last day of {_MONTH}(?:,?\s+{_YEAR})?", re.IGNORECASE)),
    ("of_last_month", re.compile(r"\bthe (?P<day>\d{1,2})(?:st|nd|rd|th)? of (?P<which>last|this) month\b",
                                 re.IGNORECASE)),
    (
        "mdy",
        re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?!\s*%)(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    ),
    (
        "dmy",
        re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    ),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.IGNORECASE)),
    (
        "last_wd",
        re.compile(
            r"\b(?:last|this\s+past|past)\s+"
            r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            re.IGNORECASE,
        ),
    ),
    ("word", re.compile(r"\b(?P<word>today|yesterday|tomorrow)\b", re.IGNORECASE)),
)


@dataclass(frozen=True)
class DateHit:
    """One date found in the text: its span, the value (None if impossible) and flags."""

    start: int
    end: int
    text: str
    value: date | None
    relative: bool = False
    year_inferred: bool = False
    error: str | None = None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 90 else 2000
    return y


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _no_year(month: int, day: int, today: date, past: bool) -> date | None:
    if not past:
        return _make(today.year, month, day)
    # Most recent such date not after today; Feb 29 may need to go back to a leap year.
    for year in range(today.year, today.year - 9, -1):
        d = _make(year, month, day)
        if d is not None and d <= today:
            return d
    return None


def _absolute(kind: str, m: re.Match[str], today: date, past: bool) -> DateHit:
    text = m.group(0)
    if kind == "of_last_month":  # "the 3rd of last month"
        first = date(today.year, today.month, 1)
        if m.group("which").lower() == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        value = _make(first.year, first.month, int(m.group("day")))
        if value is None:
            return _impossible(m, f"{text!r} is not a real calendar date.")
        return DateHit(m.start(), m.end(), text, value, relative=True)
    if kind == "month_end":  # "the last day of September 2026"
        month = MONTHS[m.group("mon").lower()[:3]]
        year = _year(m.group("year")) or today.year
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return DateHit(m.start(), m.end(), text, nxt - timedelta(days=1), year_inferred=m.group("year") is None)
    if kind in ("iso", "us"):
        month = int(m.group("month"))
    else:
        month = MONTHS[m.group("mon").lower()[:3]]
    day = int(m.group("day"))
    year = _year(m.group("year"))
    if year is None:
        value = _no_year(month, day, today, past)
        hit = DateHit(m.start(), m.end(), text, value, year_inferred=True)
        if value is None:
            return _impossible(m, f"{text!r} is not a real calendar date.")
        return hit
    value = _make(year, month, day)
    if value is None:
        return _impossible(m, f"{text!r} is not a real calendar date.")
    wd = m.groupdict().get("wd")
    if wd and WEEKDAY_NUM[wd.lower()] != value.weekday():
        return _impossible(
            m, f"{text!r}: {value.isoformat()} is a {value:%A}, not a {wd.capitalize()}."
        )
    return DateHit(m.start(), m.end(), text, value)


def _impossible(m: re.Match[str], message: str) -> DateHit:
    return DateHit(m.start(), m.end(), m.group(0), None, error=message)


def _relative(kind: str, m: re.Match[str], today: date) -> DateHit:
    if kind == "word":
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("word").lower()]
        value = today + timedelta(days=shift)
    elif kind == "last_wd":
        back = (today.weekday() - WEEKDAY_NUM[m.group("wd").lower()]) % 7 or 7
        value = today - timedelta(days=back)
    else:
        n_text = m.group("n").lower()
        n = NUMBER_WORDS[n_text] if n_text in NUMBER_WORDS else int(n_text)
        unit = m.group("unit").lower()
        value = (
            today - relativedelta(**{unit + "s": n})
            if unit != "week"
            else (today - timedelta(weeks=n))
        )
    return DateHit(m.start(), m.end(), m.group(0), value, relative=True)


def find_dates(text: str, today: date, past: bool = False) -> list[DateHit]:
    """All dates written in ``text``, in order, without overlaps (the longest match wins).

    Args:
        text: The question as the user wrote it.
        today: The date relative expressions and missing years are resolved against.
        past: True when the dates are past events (deadline questions): a date without a
            year is then the most recent such date not after ``today``.
    """
    candidates: list[tuple[str, re.Match[str]]] = [
        (kind, m) for kind, pattern in PATTERNS for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (c[1].start(), -(c[1].end() - c[1].start())))
    hits: list[DateHit] = []
    taken_until = -1
    for kind, m in candidates:
        if m.start() < taken_until:
            continue
        if kind in ("ago", "last_wd", "word"):
            hits.append(_relative(kind, m, today))
        else:
            hits.append(_absolute(kind, m, today, past))
        taken_until = m.end()
    return hits
