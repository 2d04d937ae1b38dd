"""Read the values a user wrote in one turn: dates, dollars, grades and steps, ratings, counts.

Builds on ``calculators.facts`` (dates in every common form, "$68k", "GS-12 step 4", durations,
series, yes/no statements) and adds what a conversation needs: amounts in words ("seventy-two
thousand dollars"), percentages, a grade and step written "12/4", bare rating words and yes/no
words in a terse reply ("Exceptional", "yep"), and whose fact a value is (the asker's or
someone else's, by the words of its clause). Every value keeps its span, so roles are read from
the words around it. Regular expressions here read values; they never decide what is asked.
No I/O; ``today`` is passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from advisor.calculators.facts import Facts, extract_facts

Subject = Literal["self", "other", "unknown"]

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBER_WORD = "|".join([*_UNITS, *_TENS, "hundred", "and", "a"])
_WORDS_AMOUNT = re.compile(
    rf"\b(?P<words>(?:(?:{_NUMBER_WORD})[\s-]+)*(?:{_NUMBER_WORD}))[\s-]+(?P<scale>thousand|million)"
    r"(?:\s+(?:dollars|bucks))?\b", re.IGNORECASE)
# A small whole number standing alone ("two extensions", "3 Exceptional ratings", "45 employees").
_COUNT = re.compile(r"(?<![\w$.,/-])(?:\d{1,6}|" + "|".join(list(_UNITS)[1:] + list(_TENS)) + r")(?![\w%/-]|\.\d|,\d)",
                    re.IGNORECASE)
_RATED = re.compile(r"rat(?:ed|ing)|apprais|performance|evaluat", re.IGNORECASE)
# A date given only as a year or a month and year ("sometime in 2024", "in March 2025").
_PARTIAL_DATE = re.compile(r"\b(?:(?:in|during|since|around|sometime in|back in)\s+)(?P<text>(?:(?:jan|feb|mar|apr|may|jun|"
                           r"jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d)\b(?![-/])", re.IGNORECASE)
_PERCENT = re.compile(r"\b(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
# "about a quarter of the work", "half of my duties", "two thirds of what I do": a share in words
_SHARES = {"a quarter": "25", "one quarter": "25", "a third": "33.3", "one third": "33.3", "half": "50",
           "two thirds": "66.7", "three quarters": "75"}
_SHARE = re.compile(rf"\b(?P<w>{'|'.join(_SHARES)})\s+of\b", re.IGNORECASE)
_SLASH_GRADE = re.compile(r"(?<![\d/])\b(?:gs[- ]?)?(?P<g>1[0-5]|[1-9])\s*/\s*(?P<s>10|[1-9])\b(?![/\d])",
                          re.IGNORECASE)
_BARE_RATINGS = (
    ("highly successful", "Highly Successful"), ("fully successful", "Fully Successful"),
    ("minimally successful", "Minimally Acceptable"), ("minimally acceptable", "Minimally Acceptable"),
    ("exceptional", "Exceptional"), ("unsatisfactory", "Unsatisfactory"),
    ("unacceptable", "Unsatisfactory"),
)
_YES = re.compile(r"^\s*(?:yes|yeah|yep|yup|yea|correct|right|sure|affirmative|definitely|absolutely|"
                  r"of course)\b", re.IGNORECASE)
# Short replies that are a yes only when they are the whole answer ("I did.", "it was").
_SHORT_YES = re.compile(r"^\s*(?:i do|i did|i have|i am|i will|it is|it was|they did|she did|he did|"
                        r"she is|he is|they are|we do|we did)\W*$", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:no|nope|nah|not really|negative|never|i don'?t|i didn'?t|i haven'?t|"
                 r"i'm not|i am not|i won'?t|it isn'?t|it wasn'?t|none)\b", re.IGNORECASE)
# Someone other than the asker, named in a clause.
_PEOPLE = (r"colleague|co-?worker|coworker|friend|employee|subordinate|team ?mate|teammate|spouse|wife|husband|buddy|"
           r"peer|officemate|boss|supervisor|manager|chief|son|daughter|brother|sister|mother|father|partner|"
           r"staff(?:er| member)?|direct report|selectee|applicant|candidate|nominee|person|analyst|specialist|"
           r"agent|officer|technician|linguist|engineer|worker|new hire|guy|woman|man|lady|incumbent|appointee")
# "a GS-9 on my team", "one of our analysts": someone else, though "my" is written
_TEAM = (r"\b(?:on|in|from) (?:my|our) (?:team|office|staff|branch|section|unit|division|shop|crew)\b"
         r"|\bone of (?:my|our)\b")
_OTHER = re.compile(
    rf"\b(?:my|our|a|an|the|his|her|their)\s+(?:\w+\s+){{0,2}}?(?:{_PEOPLE})(?:s|'s)?\b"
    rf"|{_TEAM}|\b(?:she|he|her|his|him|hers)\b", re.IGNORECASE)
_SELF = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself|my own)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[.;!?]|,\s*(?:but|and|while|whereas)\b|\bbut\b|\bwhile\b|\bwhereas\b"
    r"|,\s*(?=(?:i|i'm|i've|she|he|they|my|his|her|their|mine)\b)"
    r"|\band\s+(?=(?:i|i'm|i've|she|he|mine|my own|his|her)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Value:
    """One value written in the turn, with its span and whose it is."""

    type: str  # date | money | grade | step | rating | count | years | percent | series
    value: Any
    start: int
    end: int
    text: str
    subject: Subject = "unknown"
    inferred: str = ""  # how a date was read when not written in full ("April 8" -> 2026-04-08)


@dataclass
class Reading:
    """Everything read from one turn."""

    text: str
    facts: Facts  # year-less dates read as past events
    values: list[Value] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reply: bool | None = None  # a yes/no reply ("yep" -> True)

    def of(self, kind: str) -> list[Value]:
        return [v for v in self.values if v.type == kind]


def number_words(text: str) -> int | None:
    """'seventy-two' -> 72, 'one hundred and five' -> 105; None if not a number in words."""
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", text.lower().strip()):
        if w in ("and", ""):
            continue
        if w == "a":
            current = current or 1
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        else:
            return None
        seen = True
    return total + current if seen else None


def subject_at(text: str, start: int, end: int) -> Subject:
    """Whose value the span is, by the words of its clause: the asker's, another's, or unknown."""
    left = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    a = left[-1] if left else 0
    m = _CLAUSE_BREAK.search(text, end)
    b = m.start() if m else len(text)
    clause = text[a:b]
    other, mine = _OTHER.search(clause), _SELF.search(clause)
    if other and not mine:
        return "other"
    if mine and not other:
        return "self"
    if mine and other:  # "my colleague was rated": the possessive names the other person
        possessive = re.search(rf"\b(?:my|our)\s+(?:\w+\s+){{0,2}}?(?:{_PEOPLE})(?:s|'s)?\b|{_TEAM}", clause,
                               re.IGNORECASE)
        rest = clause.replace(possessive.group(0), "") if possessive else clause
        return "other" if possessive and not _SELF.search(rest) else "unknown"
    return "unknown"


def read(text: str, today: date) -> Reading:
    """Every value of the turn (dates without a year are the latest such day not after today)."""
    facts = extract_facts(text, today, past_dates=True)
    values: list[Value] = []
    for d in facts.dates:
        how = f"{d.text!r} read as {d.value:%A, %B} {d.value.day}, {d.value.year}" if (
            d.year_inferred or d.relative) else ""
        values.append(Value("date", d.value, d.start, d.end, d.text, subject_at(text, d.start, d.end), how))
    taken = [(v.start, v.end) for v in values]
    for m in facts.amounts:
        values.append(Value("money", m.value, m.start, m.end, m.text, subject_at(text, m.start, m.end)))
        taken.append((m.start, m.end))
    for m in _WORDS_AMOUNT.finditer(text):
        n = number_words(m.group("words"))
        if n is None or _overlaps(m.start(), m.end(), taken):
            continue
        scale = 1000 if m.group("scale").lower() == "thousand" else 1_000_000
        values.append(Value("money", Decimal(n * scale), m.start(), m.end(), m.group(0),
                            subject_at(text, m.start(), m.end())))
        taken.append((m.start(), m.end()))
    for g in facts.grades:
        who = subject_at(text, g.start, g.end)
        if g.grade is not None:
            values.append(Value("grade", g.grade, g.start, g.end, g.text, who))
        if g.step is not None:
            values.append(Value("step", g.step, g.start, g.end, g.text, who))
        taken.append((g.start, g.end))
    for m in _SLASH_GRADE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        who = subject_at(text, m.start(), m.end())
        values.append(Value("grade", int(m.group("g")), m.start(), m.end(), m.group(0), who))
        values.append(Value("step", int(m.group("s")), m.start(), m.end(), m.group(0), who))
    for r in facts.ratings:
        if r.value is not None:
            values.append(Value("rating", _canonical(r.value), r.start, r.end, r.text,
                                subject_at(text, r.start, r.end)))
    if _RATED.search(text):  # "rated Exceptional; I was Fully Successful": the second has no "rated"
        for v in bare_ratings(text):
            if not any(o.type == "rating" and _overlaps(v.start, v.end, [(o.start, o.end)]) for o in values):
                values.append(v)
    for m in _PERCENT.finditer(text):
        values.append(Value("percent", Decimal(m.group("n")), m.start(), m.end(), m.group(0),
                            subject_at(text, m.start(), m.end())))
    for m in _SHARE.finditer(text):
        share = Decimal(_SHARES[" ".join(m.group("w").lower().split())])
        values.append(Value("percent", share, m.start(), m.end(), m.group(0), subject_at(text, m.start(), m.end())))
    for s in facts.series:
        values.append(Value("series", s.series, s.start, s.end, s.text, subject_at(text, s.start, s.end)))
    taken += [(v.start, v.end) for v in values]
    for m in _COUNT.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        word = m.group(0).lower()
        n = int(word) if word.isdigit() else _UNITS.get(word, _TENS.get(word))
        if n is not None:
            values.append(Value("count", n, m.start(), m.end(), m.group(0), subject_at(text, m.start(), m.end())))
    for d in facts.durations:
        if d.unit in ("years", "months"):
            years = Decimal(d.amount) if d.unit == "years" else Decimal(d.amount) / 12
            values.append(Value("years", years, d.start, d.end, d.text, subject_at(text, d.start, d.end)))
    for m in _PARTIAL_DATE.finditer(text):
        if not _overlaps(m.start("text"), m.end("text"), [(v.start, v.end) for v in values if v.type == "date"]):
            values.append(Value("partial_date", m.group("text"), m.start("text"), m.end("text"), m.group("text"),
                                subject_at(text, m.start(), m.end())))
    values.sort(key=lambda v: v.start)
    return Reading(text=text, facts=facts, values=values, errors=list(facts.errors), reply=reply_of(text))


def bare_ratings(text: str) -> list[Value]:
    """Rating levels written without any context ("Exceptional", "highly successful")."""
    low = text.lower()
    out: list[Value] = []
    taken: list[tuple[int, int]] = []
    for phrase, value in _BARE_RATINGS:
        for m in re.finditer(rf"\b{phrase}\b", low):
            if not _overlaps(m.start(), m.end(), taken):
                taken.append((m.start(), m.end()))
                out.append(Value("rating", value, m.start(), m.end(), text[m.start():m.end()],
                                 subject_at(text, m.start(), m.end())))
    return sorted(out, key=lambda v: v.start)


def reply_of(text: str) -> bool | None:
    """A yes/no answer at the start of the turn ("yep", "no, never"), else None."""
    if _NO.match(text):
        return False
    if _YES.match(text) or _SHORT_YES.match(text):
        return True
    return None


def _canonical(rating: str) -> str:
    return {"Minimally Successful": "Minimally Acceptable", "Unacceptable": "Unsatisfactory"}.get(
        rating, rating)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)
