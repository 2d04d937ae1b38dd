"""Eligibility checklists answered from whole questions: intake -> facts -> act -> verdict.

Each question states every fact its checklist needs (or leaves one out on purpose); the
wording is an employee's, not the regulation's.
"""

from __future__ import annotations

from datetime import date

import pytest

from advisor.act import act
from advisor.calculators.base import Context
from advisor.models import Calculation

TODAY = date(2026, 11, 23)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ask(advisor):
    """question -> (intent, calculations), as the chain's intake and act steps make them."""
    calcs = {c.name: c for c in advisor.calculators}

    def run(question: str):
        intent = advisor.intake.understand(question, [], TODAY)
        return intent, act(intent, calcs, Context(today=TODAY))

    return run


@pytest.fixture(scope="module")
def checklist(ask):
    def find(question: str, name: str) -> Calculation:
        intent, found = ask(question)
        assert intent.about[:1] == [name], f"{name} not chosen; the intake chose {intent.about}"
        return found[0]

    return find


@pytest.fixture(scope="module")
def verdict(checklist):
    return lambda question, name: checklist(question, name).result


@pytest.fixture(scope="module")
def criterion(checklist):
    """The status of one criterion of the checklist ``name`` for ``question``."""
    return lambda question, name, key: {
        r["id"]: r["status"] for r in checklist(question, name).details["criteria"]}[key]


@pytest.mark.parametrize(
    ("question", "name", "expected"),
    [
        (
            ("She was rated Fully Successful and exceeded two of her critical elements. Is she "
            "eligible for a performance award?"),
            "performance_award_eligibility",
            "eligible",
        ),
        (
            ("I was rated Fully Successful but didn't exceed any elements. Can I get a "
            "performance award?"),
            "performance_award_eligibility",
            "not eligible",
        ),
        (
            "His rating of record was Unsatisfactory. Is he eligible for a performance award?",
            "performance_award_eligibility",
            "not eligible",
        ),
        (
            ("I'm a CIPMS employee, GS-11 step 5, same grade for 5 years, rated Exceptional for "
            "the last three years, and I've never received an EPA. Am I eligible for an EPA?"),
            "epa_eligibility",
            "eligible",
        ),
        (
            ("I'm a GS-9 step 2 in CIPMS with four consecutive Exceptional ratings and no prior "
            "EPA, but I was promoted to GS-9 only 2 years ago. Do I qualify for an EPA?"),
            "epa_eligibility",
            "not eligible",
        ),
        (
            ("My selectee has never worked for the government; we're hiring her into a shortage "
            "category CIPMS position, documented the need with a positive cost benefit, and she "
            "agreed to a 3-year service agreement. Is she eligible for the recruitment bonus?"),
            "recruitment_bonus_eligibility",
            "eligible",
        ),
        (
            ("She quit her CIPMS position 30 days ago and we want to rehire her into a "
            "hard-to-fill job. Can we pay her a recruitment bonus?"),
            "recruitment_bonus_eligibility",
            "not eligible",
        ),
        (
            ("I've never worked for the federal government. Will I have to serve a trial period "
            "in my new CIPMS job?"),
            "trial_period_required",
            "eligible",
        ),
        (
            ("I completed my probationary period at the VA years ago. Do I have to serve a "
            "trial period?"),
            "trial_period_required",
            "not eligible",
        ),
        (
            "I'm a National Guard technician doing intelligence work. Is my job covered by CIPMS?",
            "cipms_coverage",
            "not eligible",
        ),
        (
            "I'm a regular Army civilian in the GS-0134 series. Is my position covered by CIPMS?",
            "cipms_coverage",
            "eligible",
        ),
        (
            ("I'm a preference eligible with 3 years in my CIPMS job. Can I appeal my removal "
            "to the MSPB?"),
            "mspb_appeal_rights",
            "eligible",
        ),
        (
            "She isn't preference eligible. Does she have MSPB appeal rights?",
            "mspb_appeal_rights",
            "not eligible",
        ),
        (
            ("I've served in a CIPMS position for 8 months. Can I be considered for the "
            "competitive service?"),
            "competitive_service_eligibility",
            "need more information",
        ),
        (
            ("I've been in a CIPMS position for 2 years. Am I eligible for competitive service "
            "jobs?"),
            "competitive_service_eligibility",
            "eligible",
        ),
        (
            ("I'm a supervisory GS-12. Am I eligible for a grade band promotion to a GS-13 "
            "supervisory job in the same line of work and the same CPO?"),
            "grade_band_promotion_eligibility",
            "eligible",
        ),
        (
            ("I'm a GS-7 analyst (nonsupervisory) and there's a GS-9 analyst job in the same line of "
             "work, serviced by the same CPO, also nonsupervisory. Can I get it as a grade band promotion?"),
            "grade_band_promotion_eligibility",
            "eligible",
        ),
        (
            ("I'm a GS-11 specialist. Can I be grade-band promoted to a GS-12 job in a different "
            "line of work?"),
            "grade_band_promotion_eligibility",
            "not eligible",
        ),
        (
            ("I'm a CIPMS employee being reassigned within the same commuting area at the same "
            "grade. Do I qualify for the reassignment step increase?"),
            "reassignment_step_eligibility",
            "not eligible",
        ),
    ],
)
def test_a_fully_stated_question_gets_the_checklist_verdict(
    verdict, question: str, name: str, expected: str
) -> None:
    assert verdict(question, name) == expected


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Am I eligible for a performance award?", "performance_award_eligibility"),
        ("Can I get an EPA if I had a temporary promotion?", "epa_eligibility"),
        ("Can we offer a recruitment bonus?", "recruitment_bonus_eligibility"),
        ("Do I have to serve a trial period?", "trial_period_required"),
        ("Is my job covered by CIPMS?", "cipms_coverage"),
        ("Can I be grade-band promoted?", "grade_band_promotion_eligibility"),
    ],
)
def test_a_question_that_states_nothing_gets_need_more_information(
    verdict, question: str, name: str
) -> None:
    assert verdict(question, name) == "need more information"


def test_an_exemplary_performance_award_is_not_read_as_a_performance_award(ask) -> None:
    intent, _ = ask("Am I eligible for an Exemplary Performance Award?")
    assert intent.about == ["epa_eligibility"]


def test_a_temporary_promotion_does_not_shorten_the_time_at_grade(verdict) -> None:
    question = (
        "I'm a CIPMS employee, GS-12 step 3 for 5 years, with three straight Exceptional "
        "ratings and no prior EPA; I had a temporary promotion to GS-13 6 months ago. Am I "
        "eligible for an EPA?"
    )
    assert verdict(question, "epa_eligibility") == "eligible"


def test_time_at_an_earlier_grade_is_not_time_at_the_current_grade(criterion) -> None:
    question = (
        "I was a GS-11 for 4 years before being promoted to GS-12. I'm in CIPMS with three "
        "straight Exceptional ratings and no prior EPA. Am I eligible for an EPA?"
    )
    assert criterion(question, "epa_eligibility", "same_grade") == "unknown"


@pytest.mark.parametrize(("year", "status"), [(2020, "met"), (2023, "unknown"), (2025, "not met")])
def test_since_a_year_decides_only_when_the_month_does_not_matter(criterion, year: int, status: str) -> None:
    question = (
        f"I'm a GS-12 step 3 in CIPMS at this grade since {year}, three Exceptional ratings in "
        "a row. Can I get an EPA?"
    )
    assert criterion(question, "epa_eligibility", "same_grade") == status


def test_two_of_the_last_three_ratings_are_not_a_streak_of_three(criterion) -> None:
    question = "Two of my last three ratings were Exceptional. Can I get an EPA?"
    assert criterion(question, "epa_eligibility", "three_exceptional") == "unknown"


@pytest.mark.parametrize(
    ("question", "to_checklist"),
    [
        ("I'm a nonsupervisory GS-13. Can I be grade-band promoted to a GS-14 job?", True),
        ("I'm a GS-12 step 6 in CIPMS. Am I eligible for an EPA?", True),
        ("I'm a GS-13 IT specialist; what do I need to become a GS-15 IT program manager?", False),
        ("How do I get from GS-0335 to the 2210 series?", False),
        ("How can I get a grade band promotion?", False),
    ],
)
def test_a_can_i_qualify_question_goes_to_the_checklist_and_a_how_to_question_does_not(
    ask, question: str, to_checklist: bool
) -> None:
    intent, _ = ask(question)
    chosen = bool(intent.about) and intent.about[0].endswith("eligibility")
    assert chosen is to_checklist, intent.about


@pytest.mark.parametrize(
    ("year", "status"),
    [("May 2025", "not met"), ("2019", "met"), ("2023", "unknown")],  # 2023: 2 or 3 years by the day, asked
)
def test_a_promotion_month_counts_the_time_at_grade_when_the_day_does_not_matter(
        criterion, year: str, status: str) -> None:
    question = (f"I was promoted to GS-13 in {year}. I'm CIPMS, three straight Exceptional ratings, no prior "
                "EPA. Can I get an EPA?")
    assert criterion(question, "epa_eligibility", "same_grade") == status


def test_an_epa_effective_in_a_month_within_three_years_decides_another_is_not_due(verdict) -> None:
    question = ("I received an EPA effective March 2024. Same grade for 6 years, CIPMS GS-13. "
                "Can I get another EPA this year?")
    assert verdict(question, "epa_eligibility") == "not eligible"


def test_a_streak_said_to_follow_another_rating_is_counted_as_it_is(verdict) -> None:
    question = ("I've been rated Exceptional the last two years; the year before that I was Highly "
                "Successful. I'm a GS-12 CIPMS employee, same grade for 6 years, no prior EPA. EPA eligible?")
    assert verdict(question, "epa_eligibility") == "not eligible"


def test_a_position_left_months_ago_with_an_aside_counts_the_break(criterion) -> None:
    question = ("I left my Air Force civilian intel job (it was a CIPMS position) 6 months ago and have "
                "been working for a contractor since. Army selected me for a CIPMS job. Can I get the "
                "recruitment bonus?")
    assert criterion(question, "recruitment_bonus_eligibility", "break_90_days") == "met"
    assert criterion(question, "recruitment_bonus_eligibility", "not_in_cipms") == "met"
