"""Readings that are more than one value of a type: yes/no statements and a few special facts.

A ``FactSpec.reads`` names one of these: a yes/no statement of ``facts_flags`` (negations, third
person and mere mentions handled there, as data), or a reading with a rule of its own — how
many Exceptional ratings in a row, the years at the current grade, the day a position was left,
whether a service agreement of an allowed length was signed, the supervisory status of the
current and the new position. Each returns the value or None when the turn does not say.
No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.calculators.dates import add_years
from advisor.calculators.eligibility_hiring import LEFT_WORDS
from advisor.calculators.eligibility_pay import _gs_cipms, _years_in_grade
from advisor.calculators.eligibility_placement import _supervisory_roles
from advisor.calculators.fact_access import (
    all_of,
    any_of,
    date_after,
    duration_years,
    exceptional_streak,
    month_or_year_after,
)
from advisor.calculators.facts_flags import FLAG_PATTERNS
from advisor.intake.values import Reading

# Words just before a length of service ("been in my CIPMS job for five years").
_SERVED = r"\b(?:for|served|serving|been|with)\b"
_NOT_SERVICE = r"\bago\b|temporar|\bdetail|suspen|agreement"
# "7 months in CIPMS", "3 years in her CIPMS position", "2 years of continuous service"
_SERVICE_AFTER = (r"\s+(?:in (?:a |the |my |her |his |their )?(?:cipms|federal service|the position|the job)\b"
                  r"|of (?:continuous |cipms |federal |creditable )*service\b)")


def _agreement(r: Reading, today: date) -> bool | None:
    """6-3b: a service agreement of 1 to 3 years; its length must be said."""
    signed = r.facts.flags.get("service_agreement")
    if signed is not True:
        return signed
    length = duration_years(r.facts, r.text, r"\bsign|\bagree|\bserve")
    return None if length is None else 1 <= length <= 3


def _last_day_left(r: Reading, today: date) -> date | None:
    return date_after(r.facts, r.text, LEFT_WORDS)


def _last_epa(r: Reading, today: date) -> date | None:
    """The last EPA's date; for "an EPA effective March 2024", the month's last day when every
    day of that month is on the same side of 8-10d's 3 years (else None: the day is asked)."""
    if r.facts.flags.get("prior_epa") is False:
        return None
    exact = date_after(r.facts, r.text, r"\bepa\b|exemplary")
    if exact is not None:
        return exact
    span = month_or_year_after(r.text, r"\bepa\b|exemplary")
    if span is None or span[1] > today:
        return None
    first, last = (add_years(d, 3) <= today for d in span)
    return span[1] if first == last else None


def _years_of_service(r: Reading, today: date) -> Decimal | None:
    return duration_years(r.facts, r.text, _SERVED, _NOT_SERVICE, after=_SERVICE_AFTER)


def _adverse(r: Reading, today: date) -> bool | None:
    return True if r.facts.flags.get("adverse_action") else None


# A move between an installation (or state) and a place far from it ("at Fort Meade, being
# reassigned to a job in Hawaii"), or words that say so, crosses commuting areas. Two
# installations alone do not: several share one metropolitan area.
_FAR = ("Hawaii|Alaska|Guam|Puerto Rico|Germany|Italy|Japan|Korea|Belgium|Kuwait|Europe|Asia"
        "|the Pacific")
_PLACE = re.compile(rf"\b(?:(?:fort|ft\.?|camp|joint base|jb) [a-z]+|{_FAR})\b", re.IGNORECASE)
_FAR_PLACE = re.compile(rf"\b(?:{_FAR})\b", re.IGNORECASE)
_MOVE = re.compile(r"\b(?:reassign\w*|mov(?:e|ed|ing)|relocat\w*|transfer\w*|pcs)\b", re.IGNORECASE)
_ACROSS = re.compile(r"\b(?:overseas|across the country|cross[- ]country|another state|"
                     r"different state|out of state)\b", re.IGNORECASE)


def _commuting_area(r: Reading, today: date) -> bool | None:
    """6-6: the same geographic commuting area, as said, or not when a move goes overseas or
    across the country, or names a far place and another place."""
    said = r.facts.flags.get("same_commuting_area")
    if said is not None or not _MOVE.search(r.text):
        return said
    if _ACROSS.search(r.text):
        return False
    places = {re.sub(r"^ft\.? ", "fort ", m.group().lower()) for m in _PLACE.finditer(r.text)}
    return False if len(places) >= 2 and _FAR_PLACE.search(r.text) else None


SPECIAL: dict[str, Callable[[Reading, date], Any]] = {
    "same_commuting_area": _commuting_area,
    "documented_need_and_cost_benefit": lambda r, t: all_of(r.facts, "documented_need", "cost_benefit"),
    "excluded_category": lambda r, t: any_of(r.facts, "local_national", "guard_technician",
                                             "nonappropriated_fund"),
    "gs_cipms_employee": lambda r, t: _gs_cipms(r.facts),
    "exceptional_streak": lambda r, t: exceptional_streak(r.facts, r.text),
    "years_in_grade": lambda r, t: _years_in_grade(r.facts, r.text),
    "last_epa_date": _last_epa,
    "last_day_left": _last_day_left,
    "service_agreement_with_length": _agreement,
    "current_supervisory": lambda r, t: _supervisory_roles(r.facts, r.text)[0],
    "target_supervisory": lambda r, t: _supervisory_roles(r.facts, r.text)[1],
    "years_of_service": _years_of_service,
    "adverse_action": _adverse,
    "held_cipms_before": lambda r, t: r.facts.flags.get("held_cipms_before"),
    "held_federal_before": lambda r, t: r.facts.flags.get("held_federal_before"),
    "none": lambda r, t: None,  # no pattern: only the statement reader (intake.statements) reads it
}


def read_special(name: str, reading: Reading, today: date) -> Any:
    """The value the named reading gives for this turn, or None when it is not said."""
    if name in SPECIAL:
        return SPECIAL[name](reading, today)
    if name in FLAG_PATTERNS:
        return reading.facts.flags.get(name)
    raise KeyError(f"unknown reading {name!r}: a facts_flags statement or one of {sorted(SPECIAL)}")
