"""Which calculator a question is about, and the facts read out of it, in employees' words.

Run with the bundled sentence model (``slow``): these are the cases the old keyword triggers
were tested on, now answered by the intake's matching and binding.
"""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def understand(advisor):
    return lambda question: advisor.intake.understand(question, [], TODAY)


@pytest.mark.parametrize(("question", "name"), [
    ("what is the pay cap for cipms employees?", "gs_max_rate"),
    ("how big can a recruitment bonus be?", "recruitment_bonus_range"),
    ("what's the advanced hiring salary if my current pay is $90,000?", "advanced_hiring_salary"),
    ("how much advance payment of basic pay can i get?", "advance_pay_max"),
    ("who approves an award over $10,000?", "award_approval_level"),
    ("how much is our award budget?", "recognition_budget"),
    ("how much is a performance award for exceptional?", "performance_award_range"),
    ("what would my salary be after an EPA?", "epa_pay"),
    ("am i eligible for a performance award?", "performance_award_eligibility"),
    ("can i get an epa this year?", "epa_eligibility"),
    ("am i eligible for a recruitment bonus?", "recruitment_bonus_eligibility"),
    ("do i qualify for an advanced hiring salary?", "advanced_hiring_eligibility"),
    ("do i have to serve a trial period?", "trial_period_required"),
    ("can i get a grade band promotion?", "grade_band_promotion_eligibility"),
    ("is my 1712 position covered by cipms?", "cipms_coverage"),
    ("do i have mspb appeal rights?", "mspb_appeal_rights"),
    ("am i eligible for a step increase on reassignment?", "reassignment_step_eligibility"),
    # the asking sentence is matched on its own too: the facts after it do not dilute it
    (("Can a GS-7 technician on my staff get a performance award? He's been really solid this year, works the "
      "night shift and never calls out."), "performance_award_eligibility"),
])
def test_a_question_in_everyday_words_reaches_its_calculator(understand, question: str, name: str) -> None:
    assert understand(question).about == [name]


@pytest.mark.parametrize(("question", "name", "expected"), [
    ("I make $80,000 and have another offer of $90,000; what's the highest starting salary for a GS-12 job?",
     "advanced_hiring_salary", {"current_pay": "80000", "offer": "90000", "grade": 12}),
    ("My offer is $100k. What is the advanced hiring salary limit?", "advanced_hiring_salary", {"offer": "100000"}),
    ("What is the highest advanced hiring salary you can offer me if I make $80,000?", "advanced_hiring_salary",
     {"current_pay": "80000"}),
    ("What would my pay be after an EPA? I'm a GS-13 step 10.", "epa_pay", {"grade": 13, "step": 10}),
    ("Can a $10,001 award be approved by my commander?", "award_approval_level", {"amount": "10001"}),
    ("I'm a GS-0132 intelligence specialist; am I covered by CIPMS?", "cipms_coverage", {"series": "0132"}),
    ("I am a preference eligible veteran and started on March 1, 2025. Do I have MSPB appeal rights?",
     "mspb_appeal_rights", {"service_start_date": "2025-03-01", "preference_eligible": True}),
    ("Can I get a grade band promotion from GS-9 to GS-11?", "grade_band_promotion_eligibility",
     {"current_grade": 9, "target_grade": 11}),
    ("I was rated Fully Successful. Am I eligible for a performance award?", "performance_award_eligibility",
     {"rating": "Fully Successful"}),
])
def test_the_facts_of_the_question_are_bound_to_their_roles(understand, question: str, name: str,
                                                           expected: dict) -> None:
    intent = understand(question)
    assert intent.about == [name]
    assert {f.name: f.value for f in intent.facts if f.name in expected} == expected
