"""Fact extraction: dates, money, grades, ratings, durations, series, yes/no facts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor.calculators.facts import extract_facts, pick

TODAY = date(2026, 4, 20)  # a Monday


def only_date(text: str, past: bool = False) -> date:
    facts = extract_facts(text, TODAY, past_dates=past)
    assert not facts.errors, facts.errors
    assert len(facts.dates) == 1, facts.dates
    return facts.dates[0].value


@pytest.mark.parametrize(
    "text",
    [
        "April 8, 2026",
        "april 8 2026",
        "April 8th, 2026",
        "8 April 2026",
        "8th of April 2026",
        "4/8/2026",
        "04/08/2026",
        "4/8/26",
        "2026-04-08",
        "Apr. 8, 2026",
        "Wednesday, April 8, 2026",
    ],
)
def test_written_dates_are_read_in_every_common_form(text: str) -> None:
    assert only_date(f"I was downgraded on {text}.") == date(2026, 4, 8)


def test_each_date_keeps_its_span_in_the_question() -> None:
    question = "The decision was issued on April 8, 2026 and I received it 2026-04-10."
    facts = extract_facts(question, TODAY)
    assert [question[f.start : f.end] for f in facts.dates] == ["April 8, 2026", "2026-04-10"]


def test_a_date_without_a_year_takes_the_year_of_today() -> None:
    facts = extract_facts("I start on Dec. 1", TODAY)
    assert facts.dates[0].value == date(2026, 12, 1) and facts.dates[0].year_inferred


def test_a_past_event_without_a_year_is_the_latest_such_date_not_after_today() -> None:
    assert only_date("I was downgraded on April 8", past=True) == date(2026, 4, 8)
    assert only_date("I was downgraded on Dec. 1", past=True) == date(2025, 12, 1)
    assert only_date("It happened April 20", past=True) == TODAY


def test_a_month_and_day_in_figures_is_a_date_only_after_a_date_word() -> None:
    assert only_date("I got it 11/15.", past=True) == date(2025, 11, 15)
    assert extract_facts("I was downgraded on 4/8", TODAY).dates[0].value.month == 4
    for text in ("I'm a GS-12/13 analyst", "1/2 of my duties", "24/7 support", "a 3/4 time job"):
        assert extract_facts(text, TODAY).dates == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 4, 20)),
        ("yesterday", date(2026, 4, 19)),
        ("tomorrow", date(2026, 4, 21)),
        ("last Friday", date(2026, 4, 17)),
        ("last Monday", date(2026, 4, 13)),  # strictly before today, which is a Monday
        ("this past Sunday", date(2026, 4, 19)),
        ("3 days ago", date(2026, 4, 17)),
        ("two weeks ago", date(2026, 4, 6)),
        ("a month ago", date(2026, 3, 20)),
    ],
)
def test_relative_dates_are_read_against_the_injected_today(text: str, expected: date) -> None:
    facts = extract_facts(f"I got the notice {text}.", TODAY)
    assert [f.value for f in facts.dates] == [expected] and facts.dates[0].relative


@pytest.mark.parametrize("text", ["February 30, 2026", "2/29/2027", "April 31", "2026-13-01"])
def test_impossible_dates_are_recorded_as_errors_never_dropped(text: str) -> None:
    facts = extract_facts(f"I was downgraded on {text}.", TODAY)
    assert facts.dates == []
    assert any("not a real calendar date" in e for e in facts.errors)


def test_a_weekday_that_does_not_match_the_date_is_an_error() -> None:
    facts = extract_facts("It was Tuesday, April 8, 2026.", TODAY)
    assert facts.dates == [] and "Wednesday" in facts.errors[0]


@pytest.mark.parametrize(
    ("text", "dollars"),
    [
        ("$118,500", 118500),
        ("118.5k", 118500),
        ("$121K", 121000),
        ("118,500 dollars", 118500),
        ("$1.2 million", 1200000),
        ("118,500 a year", 118500),
        ("$99,000.50", 99001),
    ],
)
def test_dollar_amounts_are_read_in_common_forms(text: str, dollars: int) -> None:
    facts = extract_facts(f"I earn {text} now.", TODAY)
    assert [m.dollars for m in facts.amounts] == [dollars]


def test_amounts_keep_exact_cents() -> None:
    assert extract_facts("It is $99,000.50", TODAY).amounts[0].value == Decimal("99000.50")


def test_amount_roles_are_recoverable_from_nearby_words() -> None:
    question = "I earn $100,000 and have an offer of $118,500."
    facts = extract_facts(question, TODAY)
    assert pick(facts.amounts, question, [r"offer"]).dollars == 118500  # type: ignore[union-attr]
    assert pick(facts.amounts, question, [r"earn"]).dollars == 100000  # type: ignore[union-attr]


def test_pick_does_not_guess_between_unmarked_items() -> None:
    question = "Dates: April 1, 2026 and April 2, 2026."
    facts = extract_facts(question, TODAY)
    assert pick(facts.dates, question, [r"receiv"]) is None


@pytest.mark.parametrize(
    ("text", "plan", "grade", "step"),
    [
        ("GS-13 step 10", "GS", 13, 10),
        ("GS13/10", "GS", 13, 10),
        ("a 13 step 4", None, 13, 4),
        ("GG-12", "GG", 12, None),
        ("GS-9, step 3", "GS", 9, 3),
        ("grade 11", None, 11, None),
    ],
)
def test_grades_and_steps_are_read(
    text: str, plan: str | None, grade: int, step: int | None
) -> None:
    g = extract_facts(f"I am {text}.", TODAY).grades
    assert [(x.plan, x.grade, x.step) for x in g] == [(plan, grade, step)]


def test_a_grade_off_the_general_schedule_is_an_error() -> None:
    facts = extract_facts("I am a GS-19 step 2.", TODAY)
    assert facts.grades == [] and "GS-19" in facts.errors[0]


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("0335", "0335"),
        ("GS-2210", "2210"),
        ("series 391", "0391"),
        ("the 0132 series", "0132"),
        ("GS-080", "0080"),
    ],
)
def test_occupational_series_are_read_and_zero_padded(text: str, series: str) -> None:
    facts = extract_facts(f"My position is {text}.", TODAY)
    assert [s.series for s in facts.series] == [series] and facts.grades == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("rated Exceptional", "Exceptional"),
        ("a Highly Successful rating", "Highly Successful"),
        ("rated fully successful", "Fully Successful"),
        ("rating of Minimally Successful", "Minimally Successful"),
        ("rated Unacceptable", "Unacceptable"),
        ("rated Outstanding", None),
        ("rated Exceeds Fully Successful", None),
    ],
)
def test_rating_names_are_mapped_only_where_certain(text: str, value: str | None) -> None:
    ratings = extract_facts(f"I was {text} last year.", TODAY).ratings
    assert [r.value for r in ratings] == [value]


def test_a_rating_word_outside_a_rating_context_is_ignored() -> None:
    assert extract_facts("Under exceptional circumstances, may I appeal?", TODAY).ratings == []


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("3 years", 3, "years"),
        ("six months", 6, "months"),
        ("90 days", 90, "days"),
        ("4 pay periods", 4, "pay periods"),
        ("a 2-year agreement", 2, "years"),
        ("2 years and 3 months", 27, "months"),
        ("1 year, 6 months", 18, "months"),
    ],
)
def test_durations_are_read(text: str, amount: int, unit: str) -> None:
    durations = extract_facts(f"For {text}.", TODAY).durations
    assert [(x.amount, x.unit) for x in durations] == [(amount, unit)]


def test_a_relative_date_is_not_also_a_duration() -> None:
    facts = extract_facts("I was downgraded 3 days ago.", TODAY)
    assert facts.durations == [] and len(facts.dates) == 1


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("I'm a preference eligible.", {"preference_eligible": True}),
        ("I am not a preference eligible.", {"preference_eligible": False}),
        ("I don't have veterans' preference.", {"preference_eligible": False}),
        ("Does veterans' preference apply to CIPMS?", {}),
        ("It is a supervisory position.", {"supervisory": True}),
        ("It is a nonsupervisory position.", {"supervisory": False}),
        ("My appeal was forwarded to the DCSINT.", {"forwarded_to_dcsint": True}),
        ("It has not been forwarded to the DCSINT.", {"forwarded_to_dcsint": False}),
        ("The move is within the same commuting area.", {"same_commuting_area": True}),
    ],
)
def test_yes_no_facts_are_read_only_where_simply_stated(text: str, flags: dict[str, bool]) -> None:
    assert extract_facts(text, TODAY).flags == flags


def test_a_series_written_with_its_grade_gives_both() -> None:
    f = extract_facts("I supervise a GS-0134-3 aide; she wants a GS-2210-12 job.", TODAY)
    assert [s.series for s in f.series] == ["0134", "2210"]
    assert [g.grade for g in f.grades] == [3, 12]
    assert not extract_facts("GS-2210 step 5", TODAY).grades or extract_facts("GS-2210 step 5", TODAY).grades[0].grade != 2210


def test_a_series_and_grade_written_together_keep_the_step_after_them() -> None:
    (g,) = extract_facts("My analyst is a GS-0132-12, step 6, in our unit.", TODAY).grades
    assert (g.grade, g.step) == (12, 6)
    grades = extract_facts("She is a GS-0132-12 step 16.", TODAY).grades
    assert grades[0].step is None  # not a GS step: left to the step reader, which reports it
