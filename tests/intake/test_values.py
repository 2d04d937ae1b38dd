"""Everyday forms of dates, dollars, grades and ratings are read, with whose fact each is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from advisor.intake.values import bare_ratings, number_words, read, reply_of

TODAY = date(2026, 11, 23)  # a Monday


def values(text: str, kind: str) -> list[object]:
    return [v.value for v in read(text, TODAY).of(kind)]


@pytest.mark.parametrize(("text", "expected"), [
    ("it took effect July 9th", date(2026, 7, 9)),
    ("on 3/2/2026", date(2026, 3, 2)),
    ("since 10-05-2026", date(2026, 10, 5)),
    ("last Monday", date(2026, 11, 16)),
    ("two weeks ago", date(2026, 11, 9)),
    ("the 3rd of last month", date(2026, 10, 3)),
    ("the last day of September 2026", date(2026, 9, 30)),
    ("the 2nd of November", date(2026, 11, 2)),
])
def test_a_date_written_the_way_people_write_it_is_read(text: str, expected: date) -> None:
    assert values(text, "date") == [expected]


def test_a_date_without_a_year_is_the_latest_one_not_after_today() -> None:
    assert values("my downgrade was effective December 20", "date") == [date(2025, 12, 20)]


@pytest.mark.parametrize(("text", "expected"), [
    ("I make $68k", Decimal(68000)),
    ("my salary is seventy-two thousand dollars", Decimal(72000)),
    ("$4.2 million in salaries", Decimal(4200000)),
    ("a $12,500 award", Decimal(12500)),
])
def test_an_amount_in_figures_or_words_is_read_as_dollars(text: str, expected: Decimal) -> None:
    assert values(text, "money") == [expected]


@pytest.mark.parametrize("text", ["I'm a GS-12 step 4", "i am a gs-12, step 4", "I'm a 12/4"])
def test_a_grade_and_step_are_read_in_their_usual_forms(text: str) -> None:
    assert (values(text, "grade"), values(text, "step")) == ([12], [4])


def test_a_bare_rating_word_is_read_in_a_reply() -> None:
    assert [v.value for v in bare_ratings("Exceptional")] == ["Exceptional"]
    assert [v.value for v in bare_ratings("fully successful I think")] == ["Fully Successful"]


def test_a_colleague_s_rating_is_theirs_and_mine_is_mine() -> None:
    found = read("My colleague was rated Exceptional; I was Fully Successful.", TODAY).of("rating")
    assert [(v.value, v.subject) for v in found] == [("Exceptional", "other"), ("Fully Successful", "self")]


def test_a_spouse_s_date_belongs_to_the_spouse() -> None:
    found = read("My husband was appointed on 2026-02-23 and I was appointed on 2025-11-10.", TODAY).of("date")
    assert [v.subject for v in found] == ["other", "self"]


@pytest.mark.parametrize(("text", "expected"), [
    ("yes", True), ("yep, I did", True), ("I did.", True), ("no", False), ("nope", False),
    ("never have", False), ("I'm a 12/4", None), ("I am a supervisor", None),
])
def test_a_yes_or_no_reply_is_read_only_when_the_turn_is_one(text: str, expected: bool | None) -> None:
    assert reply_of(text) is expected


def test_number_words_are_added_up() -> None:
    assert (number_words("seventy-two"), number_words("one hundred and five")) == (72, 105)


def test_a_year_alone_is_kept_as_a_partial_date_not_a_day() -> None:
    reading = read("My last EPA was sometime in 2024.", TODAY)
    assert reading.of("date") == [] and [v.value for v in reading.of("partial_date")] == ["2024"]
