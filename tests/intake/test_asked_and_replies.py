"""The form of answer a question asks for, and how a turn replies, corrects or switches."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.calculators.registry import get
from advisor.intake import replies
from advisor.intake.asked import asked_form
from advisor.intake.values import read

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("question", "asked"), [
    ("When is the last day I can appeal and keep back pay?", "date"),
    ("How long do I have to answer a proposed termination?", "date"),
    ("What does CPO stand for?", "definition"),
    ("Can I grieve my performance rating?", "yes_no"),
    ("Is an IT program manager required to have a PMP?", "yes_no"),
    ("A QSI can be granted every month, right?", "yes_no"),
    ("Who approves an award of $12,000?", "who"),
    ("What are the forms of recognition?", "list"),
    ("How do I file a classification appeal?", "how_to"),
    ("How much can a recruitment bonus be?", "amount"),
    ("What award range is recommended for a Highly Successful rating?", "amount"),
    ("I'm a GS-0335-7. How do I become a 2210 IT program manager?", "roadmap"),
    ("What happens if I miss the 15 days?", "fact"),
    ("Does veterans preference apply when CIPMS hires from outside the government?", "yes_no"),
    ("When will I have the 1 year needed for MSPB appeal rights?", "date"),
    ("is there a point where they have to compete my detail?", "date"),
    ("at what point must a detail be competed?", "date"),
    ("is there a point to appealing?", "yes_no"),
    ("Is there a deadline to appeal?", "date"),
    ("If I leave my job while my appeal is pending, is the appeal canceled?", "yes_no"),
    ("if I get rated Exceptional am I guaranteed an award?", "yes_no"),
    ("i heard CIPMS doesn't use the GM pay plan designator. true?", "yes_no"),
    ("my supervisor told me I don't need to keep DISCAS up to date. thats right?", "yes_no"),
    ("are librarians (1410) part of CP-34?", "yes_no"),
    ("EPA eligible?", "yes_no"),
])
def test_the_form_of_answer_comes_from_how_the_question_is_asked(question: str, asked: str) -> None:
    assert asked_form(question) == asked


def test_the_question_asked_is_the_last_sentence_that_asks() -> None:
    assert asked_form("My downgrade was effective March 2. When must I appeal?") == "date"


def test_words_that_open_a_new_question_are_not_part_of_it() -> None:
    assert asked_form("got it. unrelated: do I need a PMP to be an IT program manager?") == "yes_no"
    assert asked_form("Different question - can I grieve my rating?") == "yes_no"
    assert asked_form("thanks. one more thing: when must I appeal?") == "date"


@pytest.mark.parametrize(("fact", "reply", "value"), [
    ("action_date", "July 9th", "2026-07-09"),
    ("action_date", "it was the 5th", "2026-11-05"),
    ("action_date", "I got it 11/15.", "2026-11-15"),
    ("action_date", "sorry, I meant Nov 12, not Nov 2", "2026-11-12"),
    ("action_date", "not Nov 2 but Nov 12", "2026-11-12"),
])
def test_a_terse_reply_gives_the_date_asked_for(fact: str, reply: str, value: str) -> None:
    spec = get("downgrade_appeal_deadline").fact(fact)
    assert replies.reply_value(spec, read(reply, TODAY), TODAY) == value


@pytest.mark.parametrize(("reply", "value"), [("$68k", "68000"), ("75000", "75000"), ("$81,300", "81300"),
                                             ("no, not $75,000: it's $57,000", "57000")])
def test_a_terse_reply_gives_the_salary_asked_for(reply: str, value: str) -> None:
    spec = get("performance_award_range").fact("salary")
    assert replies.reply_value(spec, read(reply, TODAY), TODAY) == value


def test_a_terse_reply_gives_the_rating_and_the_step_asked_for() -> None:
    rating = get("performance_award_range").fact("rating")
    step = get("epa_pay").fact("step")
    assert replies.reply_value(rating, read("Exceptional", TODAY), TODAY) == "Exceptional"
    assert replies.reply_value(step, read("step 9", TODAY), TODAY) == 9


def test_a_choice_that_is_denied_is_not_taken() -> None:
    role = get("cipms_training_deadline").fact("role")
    text = "Sorry, I'm not a supervisor. I'm a new employee."
    assert replies.reply_value(role, read(text, TODAY), TODAY) == "employee"


@pytest.mark.parametrize("text", ["sorry, I meant $57,000", "no, it was October 6", "Actually I'm step 5",
                                  "correction: it arrived 2026-11-06", "oops, $8.9 million"])
def test_a_correction_is_recognised(text: str) -> None:
    assert replies.is_correction(text)


@pytest.mark.parametrize("text", ["Different question: what is a trial period?", "Never mind that. How much leave?",
                                  "Unrelated: my detail started 2026-09-28.", "Thanks. Now, who approves it?"])
def test_a_switch_to_another_topic_is_recognised(text: str) -> None:
    assert replies.is_switch(text)


def test_a_plain_follow_up_is_neither_a_correction_nor_a_switch() -> None:
    assert not replies.is_correction("When is it due?") and not replies.is_switch("When is it due?")
