"""Read what the pay and eligibility calculators need out of ``facts.Facts``.

Small accessors for the ``from_facts`` functions: amounts (and which amount is the job
offer), GS grade/step, rating, series, dates, durations and yes/no flags. They only read
what ``facts.py`` extracted and use the question text solely to look at the words around
a fact's span; nothing is guessed. No I/O.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from decimal import Decimal

from advisor.calculators.facts import Facts, keyword_distance, pick
from advisor.calculators.facts_dates import MONTHS, NUMBER_WORDS


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


def date_after(
    facts: Facts, question: str, before: str, avoid: str = r"(?!)", window: int = 50
) -> date | None:
    """The one date with ``before`` (a regular expression) in the words just before it.

    The words are read back to the start of the clause only. Unlike ``date_near`` a lone date
    is not taken without the words; a date with ``avoid`` among those words is skipped, and
    two different matching dates give None.
    """
    low = question.lower()
    found: set[date] = set()
    for i, d in enumerate(facts.dates):
        # an aside in parentheses does not count towards the distance ("I left my job (it was
        # a CIPMS position) 6 months ago")
        words = low[max(facts.dates[i - 1].end if i else 0, d.start - window - 80) : d.start]
        words = re.sub(r"\([^()]*\)", " ", words)[-window:]
        words = re.split(r"[.;!?]", words)[-1]  # the same clause only
        if re.search(before, words) and not re.search(avoid, words):
            found.add(d.value)
    return found.pop() if len(found) == 1 else None


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


def all_of(facts: Facts, *names: str) -> bool | None:
    """True when every named flag is stated true, False when any is stated false."""
    values = [facts.flags.get(n) for n in names]
    if False in values:
        return False
    return True if all(values) else None


def any_of(facts: Facts, *names: str) -> bool | None:
    """True when any named flag is stated true, False when every one is stated false."""
    values = [facts.flags.get(n) for n in names]
    if True in values:
        return True
    return False if all(v is False for v in values) else None


def _sentence_around(question: str, start: int, end: int) -> str:
    """The lower-cased sentence holding ``question[start:end]``."""
    low = question.lower()
    left = max(low.rfind(c, 0, start) for c in ".?!;")
    rights = [i for c in ".?!;" if (i := low.find(c, end)) != -1]
    return low[left + 1 : min(rights, default=len(low))]


def duration_years(
    facts: Facts, question: str, before: str, avoid: str = r"(?!)", window: int = 30, after: str = r"(?!)"
) -> Decimal | None:
    """The duration in years or months whose preceding words match ``before`` (or whose
    following words match ``after``: "7 months in CIPMS"), as years.

    A duration with ``avoid`` within ``window`` characters either side is skipped ("a
    six-month temporary promotion"); two different matching durations give None.

    Args:
        facts: The extracted facts.
        question: The question they came from.
        before: A regular expression that must occur in the ``window`` characters before.
        avoid: A regular expression that rules a duration out.
        window: How many characters around the duration to read.
        after: A regular expression that may instead start right after the duration.
    """
    low = question.lower()
    found: set[Decimal] = set()
    for d in facts.durations:
        if d.unit not in ("years", "months"):
            continue
        left, right = low[max(0, d.start - window) : d.start], low[d.end : d.end + window]
        if re.search(avoid, left + " " + right) or not (re.search(before, left) or re.match(after, right)):
            continue
        found.add(Decimal(d.amount) if d.unit == "years" else Decimal(d.amount) / 12)
    return found.pop() if len(found) == 1 else None


_COUNT = "|".join(w for w in NUMBER_WORDS if w not in ("a", "an"))
_STREAK_COUNT = re.compile(
    rf"\b(?P<n>\d+|{_COUNT})\b(?: [\w-]+){{0,3}} (?:ratings?|appraisals?|evaluations?|years?)\b"
)
_IN_A_ROW = re.compile(
    r"\bin a row\b|\bconsecutive\b|\bstraight\b|\bsuccessive\b|\brunning\b"
    r"|\b(?:last|past|previous|preceding)\b"
)
# "two of my last three ratings", "not", "only some": the streak is not stated.
_BROKEN = re.compile(r"(?<!\beach )(?<!\bevery one )(?<!\ball )\bof (?:my|her|his|the|their) (?:last|past)\b"
                     r"|\bnot\b|n't\b|\bexcept\b")


def exceptional_streak(facts: Facts, question: str) -> int | None:
    """How many consecutive Exceptional ratings the question states, ending with the latest.

    Three or more Exceptional ratings written out count as they are; otherwise the sentence
    holding an Exceptional rating must give a count of ratings or years and say they are in a
    row ("three straight Exceptional ratings", "rated Exceptional for the last three years").
    A count below 3 is returned only when the rating before them is said to be another one.
    """
    low = question.lower()
    stops = [m.span() for m in _OTHER_BEFORE.finditer(low)]
    found = [r for r in facts.ratings if r.value is not None
             and not (r.value != "Exceptional" and any(a <= r.start < b for a, b in stops))]
    if not found or any(r.value != "Exceptional" for r in found):
        return None
    if len(found) >= 3:
        return len(found)
    sentence = _sentence_around(question, found[0].start, found[0].end)
    listed = _listed_years(sentence)
    if listed >= 3 and _CURRENT.search(sentence):
        return listed  # "Exceptional in 2024, in 2025, and on the current one for 2026"
    m = _STREAK_COUNT.search(sentence)
    if m is None or not _IN_A_ROW.search(sentence) or _BROKEN.search(sentence):
        return None
    n = m.group("n")
    count = NUMBER_WORDS[n] if n in NUMBER_WORDS else int(n)
    return count if count >= 3 or stops else None


def _listed_years(sentence: str) -> int:
    """How many consecutive years, ending with the last one named, a sentence names ("in 2024,
    2025 and 2026" -> 3)."""
    years = sorted({int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence)}, reverse=True)
    return next((k for k, y in enumerate(years) if y != years[0] - k), len(years))


_CURRENT = re.compile(r"\b(?:current|this year|latest|most recent)\b")


# "…the last two years; the year before that I was Highly Successful" (or "…but Fully
# Successful the year before that"): a streak that stops.
_OTHER_RATING = r"(?:highly successful|fully successful|minimally (?:acceptable|successful)|unacceptable|unsatisfactory)"
_BEFORE_THAT = r"(?:(?:the )?(?:year|rating|appraisal) (?:before|prior to) (?:that|them|those|then)|before that|prior to that)"
_OTHER_BEFORE = re.compile(
    rf"\b{_BEFORE_THAT}\b[^.?!]{{0,40}}\b{_OTHER_RATING}\b"
    rf"|\b{_OTHER_RATING}\b(?: (?:for|in|on))? {_BEFORE_THAT}\b")


_SINCE_YEAR = re.compile(rf"\bsince (?:(?:{'|'.join(MONTHS)})[a-z]*\.? |(?:early|late|mid-?|spring|summer|fall|autumn|winter)"
                         r"(?: of)? )?(?P<y>(?:19|20)\d\d)\b(?! ?[-/])")


def years_since_year(question: str, today: date, after: str) -> tuple[int, int] | None:
    """(fewest, most) whole years since "since 2021", "since June 2021" or "since spring 2021" written within 40
    characters after ``after``.

    The month is not said, so the start lies between the year's first and last day; the
    caller decides only when its threshold falls outside that range.
    """
    low = question.lower()
    for m in _SINCE_YEAR.finditer(low):
        if not re.search(after, low[max(0, m.start() - 40) : m.start()]):
            continue
        year = int(m.group("y"))
        if date(year, 12, 31) > today:
            return None
        return whole_years(date(year, 12, 31), today), whole_years(date(year, 1, 1), today)
    return None


_IN_MONTH = re.compile(rf"\b(?:in|on|effective|during|from|since|as of) (?:(?P<m>{'|'.join(MONTHS)})[a-z]*\.? )?"
                       r"(?P<y>(?:19|20)\d\d)\b(?! ?[-/]\d)")


def month_or_year_after(question: str, before: str, avoid: str = r"(?!)",
                        window: int = 50) -> tuple[date, date] | None:
    """The first and last day of the one month or year ("in May 2025", "effective March 2024",
    "in 2021") with ``before`` in the words just before it in the same clause (and not
    ``avoid``); None when there is none or there are two."""
    low = question.lower()
    found: set[tuple[date, date]] = set()
    for m in _IN_MONTH.finditer(low):
        words = re.split(r"[.;!?]", low[max(0, m.start() - window) : m.start()])[-1]
        if not re.search(before, words) or re.search(avoid, words):
            continue
        year = int(m.group("y"))
        if m.group("m"):
            month = MONTHS[m.group("m")]
            found.add((date(year, month, 1), date(year, month, monthrange(year, month)[1])))
        else:
            found.add((date(year, 1, 1), date(year, 12, 31)))
    return found.pop() if len(found) == 1 else None


def whole_years(start: date, today: date) -> int:
    """Whole years from ``start`` to ``today`` (the anniversary counts as a full year)."""
    return today.year - start.year - ((today.month, today.day) < (start.month, start.day))
