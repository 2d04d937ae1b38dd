"""Date arithmetic for the deadline calculators: calendar days, months, pay periods, display.

Conventions (the contract in ``README.md``):

- calendar days after an event start counting the day after it: ``add_days(d, 15)`` is the
  15th day after ``d``;
- months and years go by the calendar and are clamped at month end (Jan 31 + 1 month is
  Feb 28 or 29), via ``dateutil.relativedelta``;
- pay periods are biweekly, counted from an anchor Sunday that is a setting
  (``Context.pay_period_anchor``), forwards and backwards alike.

Every date is checked against the supported range 1990-01-01..2100-12-31. This module knows
nothing about holidays and never moves a date to a working day. It does no I/O and never
reads the clock.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from advisor.calculators.base import CalculatorError

MIN_DATE = date(1990, 1, 1)
MAX_DATE = date(2100, 12, 31)
VALID_RANGE = "1990-01-01 to 2100-12-31"
PAY_PERIOD_DAYS = 14
SUNDAY = 6  # date.weekday() of a Sunday

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_date(d: date, what: str = "date") -> date:
    """Return ``d`` if it lies in the supported range.

    Args:
        d: The date to check.
        what: What the date is, for the error message (e.g. "decision date").

    Raises:
        CalculatorError: if ``d`` is before 1990-01-01 or after 2100-12-31.
    """
    if not MIN_DATE <= d <= MAX_DATE:
        raise CalculatorError(
            f"The {what} {d.isoformat()} is outside the supported range {VALID_RANGE}."
        )
    return d


def parse_date(text: str, what: str = "date") -> date:
    """Parse an ISO date ``YYYY-MM-DD`` and check it is real and in range.

    Args:
        text: The date as ``YYYY-MM-DD``.
        what: What the date is, for the error message.

    Raises:
        CalculatorError: if the text is not a real calendar date (e.g. 2026-02-30) or is out
            of range.
    """
    try:
        d = date.fromisoformat(text.strip())
    except ValueError as e:
        raise CalculatorError(
            f"The {what} {text!r} is not a real calendar date; give it as YYYY-MM-DD "
            f"between {VALID_RANGE}."
        ) from e
    return check_date(d, what)


def _in_range(d: date | None, what: str) -> date:
    if d is None:
        raise CalculatorError(f"The {what} is outside the supported range {VALID_RANGE}.")
    return check_date(d, what)


def add_days(d: date, days: int) -> date:
    """The date ``days`` calendar days after ``d`` (negative counts back).

    Counting starts the day after ``d``: ``add_days(d, 1)`` is the next day.

    Args:
        d: The event date.
        days: Number of calendar days; negative for days before ``d``.
    """
    check_date(d)
    try:
        result = d + timedelta(days=days)
    except OverflowError:
        result = None
    return _in_range(result, "resulting date")


def add_months(d: date, months: int) -> date:
    """The same day of the month ``months`` calendar months later, clamped at month end.

    Args:
        d: The start date.
        months: Number of months; negative counts back.
    """
    check_date(d)
    try:
        result = d + relativedelta(months=months)
    except (OverflowError, ValueError):
        result = None
    return _in_range(result, "resulting date")


def add_years(d: date, years: int) -> date:
    """The same calendar date ``years`` years later; Feb 29 becomes Feb 28 in common years.

    Args:
        d: The start date.
        years: Number of years; negative counts back.
    """
    return add_months(d, 12 * years)


def days_between(start: date, end: date) -> int:
    """Calendar days from ``start`` to ``end`` (positive when ``end`` is later).

    Args:
        start: The earlier date.
        end: The later date.
    """
    return (end - start).days


def check_anchor(anchor: date) -> date:
    """Return ``anchor`` if it is a Sunday in range, else raise CalculatorError.

    Args:
        anchor: The first day of any pay period of the agency's biweekly cycle.
    """
    check_date(anchor, "pay-period anchor")
    if anchor.weekday() != SUNDAY:
        raise CalculatorError(
            f"The pay-period anchor {anchor.isoformat()} is a {weekday_name(anchor)}; "
            "biweekly pay periods begin on a Sunday."
        )
    return anchor


def pp_start(d: date, anchor: date) -> date:
    """The first day (a Sunday) of the biweekly pay period that contains ``d``.

    ``anchor + 14 * floor((d - anchor) / 14)``; works for dates before the anchor too.

    Args:
        d: Any date.
        anchor: The first day of any pay period of the cycle (a Sunday).
    """
    check_date(d)
    check_anchor(anchor)
    offset = (d - anchor).days // PAY_PERIOD_DAYS  # floor division: correct before anchor
    # Not range-checked: the period holding 1990-01-01 began on 1989-12-31, a real date.
    return anchor + timedelta(days=PAY_PERIOD_DAYS * offset)


def pp_end(d: date, anchor: date) -> date:
    """The last day (a Saturday) of the pay period that contains ``d``.

    Args:
        d: Any date.
        anchor: The first day of any pay period of the cycle (a Sunday).
    """
    return _in_range(pp_start(d, anchor) + timedelta(days=PAY_PERIOD_DAYS - 1), "pay-period end")


def is_pp_start(d: date, anchor: date) -> bool:
    """True if a pay period begins on ``d``.

    Args:
        d: Any date.
        anchor: The first day of any pay period of the cycle (a Sunday).
    """
    return pp_start(d, anchor) == d


def nth_pp_start_after(d: date, n: int, anchor: date) -> date:
    """The first day of the ``n``-th pay period that begins strictly after ``d``.

    A pay period that begins on ``d`` itself is not "after" ``d``: it began with the day, so
    the first period after a Sunday pay-period start is the one 14 days later.

    Args:
        d: The event date.
        n: Which pay period (1 = the next one to begin after ``d``).
        anchor: The first day of any pay period of the cycle (a Sunday).
    """
    if n < 1:
        raise CalculatorError(f"The pay-period count must be 1 or more, not {n}.")
    start = pp_start(d, anchor) + timedelta(days=PAY_PERIOD_DAYS * n)
    return _in_range(start, "pay-period start")


def weekday_name(d: date) -> str:
    """The English weekday name of ``d``, e.g. "Tuesday".

    Args:
        d: Any date.
    """
    return WEEKDAYS[d.weekday()]


def is_weekend(d: date) -> bool:
    """True on a Saturday or Sunday.

    Args:
        d: Any date.
    """
    return d.weekday() >= 5


def fmt(d: date) -> str:
    """A date for people: "Tuesday, October 20, 2026" (always with the weekday).

    Args:
        d: Any date.
    """
    return f"{weekday_name(d)}, {d:%B} {d.day}, {d.year}"


def period_last_day(start: date, *, years: int = 0, months: int = 0, days: int = 0) -> date:
    """The last day of a period of service that begins on (and includes) ``start``.

    A 1-year period that begins March 15, 2026 runs through March 14, 2027: it is complete
    at the end of the day before the anniversary. Used for trial periods, promotions,
    details and service agreements, where the first day is itself a day of service.

    Args:
        start: The first day of the period.
        years: Length in calendar years.
        months: Length in calendar months (added to ``years``).
        days: Length in days (only when ``years`` and ``months`` are 0).
    """
    if days:
        if years or months:
            raise CalculatorError("Give a period either in years/months or in days, not both.")
        return add_days(start, days - 1)
    return add_days(add_months(start, 12 * years + months), -1)
