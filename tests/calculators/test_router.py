"""The router: choosing calculators from a question, missing facts, errors, the registry."""

from __future__ import annotations

import re
from datetime import date

import pytest

from advisor.calculators import DEADLINES, Context, all_calculators, get, route
from advisor.calculators.router import select

CTX = Context(today=date(2026, 4, 20))

QUESTIONS = [
    (
        "I was downgraded effective October 5, 2026. What is the deadline to file an appeal?",
        "downgrade_appeal_deadline",
        "2026-10-20",
    ),
    (
        (
            "My supervisor decided on March 4, 2026 after my informal complaint that my grade should "
            "change. By when must the change be made?"
        ),
        "classification_change_deadline",
        "2026-05-02",
    ),
    (
        "I filed an informal complaint on April 1. How long should it take?",
        "informal_complaint_deadline",
        "2026-04-16",
    ),
    (
        (
            "My classification appeal was received by the MACOM on March 2, 2026. When should I expect "
            "a decision?"
        ),
        "appeal_decision_due",
        "2026-04-01",
    ),
    (
        (
            "My appeal was received by the MACOM on March 2, 2026 and forwarded to the DCSINT, which "
            "received it on April 10, 2026. When is the decision due?"
        ),
        "appeal_decision_due",
        "2026-05-10",
    ),
    (
        (
            "The MACOM denied my appeal in a decision memorandum dated March 2, 2026. When must my "
            "request for higher level review be received?"
        ),
        "higher_level_review_deadline",
        "2026-03-17",
    ),
    (
        (
            "My downgrade appeal was decided in my favor on March 4, 2026. What is the latest "
            "effective date?"
        ),
        "appeal_effective_date_window",
        "2026-04-19",
    ),
    (
        (
            "I want to reopen my appeal with new evidence; I plan to submit the request on May 11, "
            "2026. When must I have become aware of it?"
        ),
        "reopening_evidence_window",
        "2026-05-01",
    ),
    (
        "We received the AOG on January 15, 2026; when must it be applied?",
        "occupational_guide_deadline",
        "2026-05-15",
    ),
    (
        "I was appointed on March 15, 2026. When does my trial period end?",
        "trial_period_end",
        "2027-03-14",
    ),
    (
        "My temporary promotion started January 11, 2026. How long can it last?",
        "temporary_promotion_limits",
        "2028-01-10",
    ),
    (
        "I was detailed to a higher grade on February 1, 2026. When is competition required?",
        "detail_competition_date",
        "2026-07-30",
    ),
    (
        "The promotion was effective June 1, 2026. How long must the records be kept?",
        "records_retention_until",
        "2031-06-01",
    ),
    (
        "I started in CIPMS on July 1, 2025. When can I be considered for the competitive service?",
        "competitive_service_consideration_date",
        "2026-07-01",
    ),
    (
        (
            "I left my CIPMS job on March 1, 2026. When will my break be long enough for a "
            "recruitment bonus?"
        ),
        "new_cipms_employee_break",
        "2026-05-30",
    ),
    (
        "My bonus service agreement started March 1, 2026 for 3 years. When does it end?",
        "service_agreement_end",
        "2029-02-28",
    ),
    (
        (
            "I left federal service on January 2, 2026. When is my break long enough for an advanced "
            "hiring salary?"
        ),
        "advanced_hiring_break",
        "2026-04-02",
    ),
    (
        (
            "I was appointed on August 31, 2026 with an advance payment of pay. What is the minimum "
            "payback period?"
        ),
        "advance_pay_payback_min",
        "2027-02-28",
    ),
    (
        "I became a supervisor on November 30, 2025. When must I finish CIPMS training?",
        "cipms_training_deadline",
        "2026-02-28",
    ),
    (
        "I entered on duty on January 5, 2026. By when must I get the CIPMS overview?",
        "cipms_training_deadline",
        "2026-04-05",
    ),
    (
        "My last IDP was completed on June 30, 2025. When is the next one due?",
        "idp_review_due",
        "2026-06-30",
    ),
    (
        "I got an EPA on June 15, 2025. When can I get another EPA?",
        "epa_next_eligible",
        "2028-06-15",
    ),
    (
        "I received a proposed termination notice on April 2, 2026. When is my reply due?",
        "termination_reply_deadline",
        "2026-05-02",
    ),
    (
        (
            "I received the termination decision on April 2, 2026. When must I appeal to the "
            "Secretary of Defense?"
        ),
        "termination_appeal_deadline",
        "2026-04-22",
    ),
    ("I was downgraded 3 days ago. When must I appeal?", "downgrade_appeal_deadline", "2026-05-02"),
]


@pytest.mark.parametrize(("question", "name", "expected"), QUESTIONS)
def test_a_deadline_question_goes_to_its_calculator_first(
    question: str, name: str, expected: str
) -> None:
    first = route(question, CTX)[0]
    assert (first.name, first.result) == (name, expected)


def test_a_question_that_names_a_topic_but_asks_nothing_computable_starts_no_calculator() -> None:
    assert route("Can I appeal my classification?", CTX, DEADLINES) == []
    assert route("What is the weather?", CTX) == []


def test_missing_facts_come_back_as_a_question_with_the_rule() -> None:
    [result] = route("When must I appeal my downgrade?", CTX, DEADLINES)
    assert result.result is None and result.missing == ["action_date"]
    assert "3-9b" in result.explanation and result.rule.section == "3-9b"


def test_an_impossible_date_becomes_an_error_not_a_deadline() -> None:
    [result] = route("I was downgraded on February 30, 2026. When must I appeal?", CTX, DEADLINES)
    assert result.result is None and "not a real calendar date" in result.details["error"]


def test_a_date_out_of_range_becomes_an_error_naming_the_range() -> None:
    [result] = route("I was downgraded on May 1, 1985. When must I appeal?", CTX, DEADLINES)
    assert result.result is None and "1990-01-01 to 2100-12-31" in result.explanation


def test_a_year_read_from_today_is_reported_as_an_assumption() -> None:
    [result] = route("I was downgraded on April 8. When must I appeal?", CTX, DEADLINES)
    assert result.result == "2026-04-23"
    assert "Wednesday, April 8, 2026" in result.details["assumptions"][0]


def test_the_two_dates_of_a_forwarded_appeal_are_not_confused() -> None:
    [result] = route(
        "The DCSINT received my forwarded appeal on April 10, 2026; the MACOM had received it on "
        "March 2, 2026. When is the decision due?",
        CTX,
        DEADLINES,
    )
    assert result.inputs["received_date"] == "2026-03-02" and result.result == "2026-05-10"


def test_a_forwarded_appeal_without_the_dcsint_date_asks_for_it() -> None:
    [result] = route(
        "My appeal was forwarded to the DCSINT. The MACOM received it on March 2, 2026. When is "
        "the decision due?",
        CTX,
        DEADLINES,
    )
    assert result.missing == ["dcsint_received_date"]


def test_the_pay_period_anchor_setting_reaches_the_calculator() -> None:
    ctx = Context(today=CTX.today, pay_period_anchor=date(2026, 1, 18))
    [result] = route("My appeal was decided March 4, 2026; latest effective date?", ctx, DEADLINES)
    assert result.result == "2026-04-26"


def test_selection_keeps_only_the_best_score() -> None:
    chosen = select("My temporary promotion started January 11, 2026. When does it end?", DEADLINES)
    assert [c.name for c in chosen] == ["temporary_promotion_limits"]


def test_all_calculators_start_with_every_deadline_and_have_unique_names() -> None:
    calcs = all_calculators()
    names = [c.name for c in calcs]
    assert calcs[: len(DEADLINES)] == DEADLINES and len(set(names)) == len(names)


@pytest.mark.parametrize("calc", all_calculators(), ids=lambda c: c.name)
def test_every_trigger_is_a_valid_regular_expression(calc) -> None:  # type: ignore[no-untyped-def]
    for trigger in calc.triggers:
        re.compile(trigger)


def test_get_finds_a_calculator_by_name_and_names_the_known_ones_otherwise() -> None:
    assert get("trial_period_end").rule.section == "4-7"
    with pytest.raises(KeyError, match="downgrade_appeal_deadline"):
        get("no_such_calculator")
