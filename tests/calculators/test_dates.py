"""Date arithmetic: calendar days, months, pay periods, display and the supported range."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators import dates
from advisor.calculators.base import DEFAULT_PAY_PERIOD_ANCHOR, CalculatorError

ANCHOR = DEFAULT_PAY_PERIOD_ANCHOR  # Sunday 2026-01-11
in_range = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


def test_adding_days_counts_from_the_day_after_the_event() -> None:
    assert dates.add_days(date(2026, 10, 5), 1) == date(2026, 10, 6)
    assert dates.add_days(date(2026, 10, 5), 15) == date(2026, 10, 20)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 12, 31), 1, date(2027, 1, 1)),  # year end
        (date(2028, 2, 28), 1, date(2028, 2, 29)),  # leap day exists in 2028
        (date(2027, 2, 28), 1, date(2027, 3, 1)),  # and not in 2027
        (date(2026, 3, 5), -10, date(2026, 2, 23)),  # counting back
    ],
)
def test_adding_days_crosses_month_and_year_ends(start: date, days: int, expected: date) -> None:
    assert dates.add_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_adding_months_clamps_at_month_end(start: date, months: int, expected: date) -> None:
    assert dates.add_months(start, months) == expected


def test_adding_a_year_to_leap_day_gives_february_28() -> None:
    assert dates.add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert dates.add_years(date(2028, 2, 29), 4) == date(2032, 2, 29)


def test_a_period_of_service_ends_the_day_before_the_anniversary() -> None:
    assert dates.period_last_day(date(2026, 3, 15), years=1) == date(2027, 3, 14)
    assert dates.period_last_day(date(2026, 2, 1), days=180) == date(2026, 7, 30)
    assert dates.period_last_day(date(2027, 3, 1), years=1) == date(2028, 2, 29)


def test_a_period_cannot_be_given_in_days_and_years_at_once() -> None:
    with pytest.raises(CalculatorError):
        dates.period_last_day(date(2026, 1, 1), years=1, days=5)


def test_the_pay_period_of_the_anchor_day_starts_on_the_anchor() -> None:
    assert dates.pp_start(ANCHOR, ANCHOR) == ANCHOR
    assert dates.pp_end(ANCHOR, ANCHOR) == date(2026, 1, 24)


@pytest.mark.parametrize(
    ("d", "start"),
    [
        (date(2026, 3, 4), date(2026, 2, 22)),
        (date(2026, 3, 7), date(2026, 2, 22)),  # Saturday: last day of the period
        (date(2026, 3, 8), date(2026, 3, 8)),  # Sunday: first day of the next
        (date(2026, 1, 5), date(2025, 12, 28)),  # before the anchor
        (date(2027, 1, 10), date(2027, 1, 10)),  # facts.md: 2027 leave year start
        (date(2025, 1, 12), date(2025, 1, 12)),  # facts.md: 2025 leave year start
    ],
)
def test_pay_period_start_works_forwards_and_backwards(d: date, start: date) -> None:
    assert dates.pp_start(d, ANCHOR) == start


def test_the_first_pay_period_after_a_period_start_sunday_is_two_weeks_later() -> None:
    assert dates.nth_pp_start_after(date(2026, 3, 8), 1, ANCHOR) == date(2026, 3, 22)
    assert dates.nth_pp_start_after(date(2026, 3, 7), 1, ANCHOR) == date(2026, 3, 8)
    assert dates.nth_pp_start_after(date(2026, 3, 4), 4, ANCHOR) == date(2026, 4, 19)


def test_an_anchor_offset_by_one_week_shifts_every_pay_period() -> None:
    offset = date(2026, 1, 18)
    assert dates.pp_start(date(2026, 3, 4), offset) == date(2026, 3, 1)
    assert dates.nth_pp_start_after(date(2026, 3, 4), 4, offset) == date(2026, 4, 26)


def test_an_anchor_that_is_not_a_sunday_is_refused() -> None:
    with pytest.raises(CalculatorError, match="Sunday"):
        dates.pp_start(date(2026, 3, 4), date(2026, 1, 12))


def test_the_pay_period_holding_the_first_supported_day_began_the_day_before() -> None:
    assert dates.pp_start(date(1990, 1, 1), ANCHOR) == date(1989, 12, 31)
    assert dates.nth_pp_start_after(date(1990, 1, 1), 1, ANCHOR) == date(1990, 1, 14)


def test_counting_zero_pay_periods_is_refused() -> None:
    with pytest.raises(CalculatorError):
        dates.nth_pp_start_after(date(2026, 3, 4), 0, ANCHOR)


def test_dates_are_shown_with_their_weekday() -> None:
    assert dates.fmt(date(2026, 10, 20)) == "Tuesday, October 20, 2026"
    assert dates.fmt(date(2026, 3, 1)) == "Sunday, March 1, 2026"
    assert dates.weekday_name(date(2026, 1, 11)) == "Sunday"


@pytest.mark.parametrize("bad", [date(1989, 12, 31), date(2101, 1, 1), date(1, 1, 1)])
def test_dates_outside_the_supported_range_name_the_range(bad: date) -> None:
    with pytest.raises(CalculatorError, match="1990-01-01 to 2100-12-31"):
        dates.add_days(bad, 1)


def test_a_result_past_2100_is_refused() -> None:
    with pytest.raises(CalculatorError, match="1990-01-01 to 2100-12-31"):
        dates.add_days(date(2100, 12, 25), 15)
    with pytest.raises(CalculatorError, match="1990-01-01 to 2100-12-31"):
        dates.add_years(date(2100, 6, 1), 1)


@pytest.mark.parametrize("text", ["2026-02-30", "2027-02-29", "2026-13-01", "next Tuesday"])
def test_impossible_dates_are_refused_with_the_valid_range(text: str) -> None:
    with pytest.raises(CalculatorError, match="not a real calendar date.*1990-01-01 to 2100-12-31"):
        dates.parse_date(text)


def test_a_real_iso_date_parses() -> None:
    assert dates.parse_date("2028-02-29") == date(2028, 2, 29)


@given(in_range, st.integers(min_value=0, max_value=3650))
def test_adding_n_days_then_counting_back_gives_n(d: date, n: int) -> None:
    later = dates.add_days(d, n)
    assert dates.days_between(d, later) == n
    assert dates.add_days(later, -n) == d


@given(in_range)
def test_pay_period_starts_are_sundays_14_days_apart(d: date) -> None:
    start = dates.pp_start(d, ANCHOR)
    assert start.weekday() == 6
    assert 0 <= (d - start).days < 14
    assert (start - ANCHOR).days % 14 == 0
    first, second = (dates.nth_pp_start_after(d, n, ANCHOR) for n in (1, 2))
    assert first > d and (second - first) == timedelta(days=14)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=-120, max_value=120),
)
def test_month_addition_never_overflows_the_month(d: date, months: int) -> None:
    result = dates.add_months(d, months)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == months
    assert result.day == min(d.day, calendar.monthrange(result.year, result.month)[1])
