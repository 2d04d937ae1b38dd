"""The guided interview over a conversation: one question at a time, replies, corrections, switches.

These run the whole chain with the bundled sentence model (marked ``slow``; they still run in CI):
the state of the interview is derived again from the user's turns on every question.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


def ask(advisor, *turns: str):
    *history, question = turns
    return advisor.ask(question, history)


def test_the_downgrade_question_of_the_issue_gets_the_3_9b_date(advisor) -> None:
    a = ask(advisor, "My job was reclassified from GS-12 to GS-11 effective 2026-09-14. When is the last day "
                     "I can appeal and keep back pay?")
    assert [(c.name, c.result) for c in a.calculations] == [("downgrade_appeal_deadline", "2026-09-29")]
    assert a.answer.startswith("**Tuesday, September 29, 2026**")


def test_the_effective_date_counts_not_the_day_the_notice_came(advisor) -> None:
    a = ask(advisor, "I got the downgrade notice on Feb 20 but it was effective 2026-03-02. When must I appeal?")
    assert a.calculations[0].result == "2026-03-17"


def test_a_date_whose_role_is_unclear_gets_a_question_back_and_no_date(advisor) -> None:
    a = ask(advisor, "I got the downgrade notice on Feb 20. When must I appeal?")
    assert all(c.result is None for c in a.calculations)
    assert a.intent.ambiguities and "Feb 20" in a.answer
    assert not re.search(r"\b2026-03-0\d|March \d+, 2026", a.answer)


def test_a_reply_in_the_next_turn_fills_the_fact_asked_for(advisor) -> None:
    a = ask(advisor, "How long do I have to answer a proposed termination under 10 USC 1590?",
            "I got the proposal letter on October 5, 2026.")
    assert [(c.name, c.result) for c in a.calculations] == [("termination_reply_deadline", "2026-11-04")]


def test_while_a_fact_is_missing_the_answer_asks_for_it_in_plain_words(advisor) -> None:
    a = ask(advisor, "How long do I have to answer a proposed termination under 10 USC 1590?")
    assert a.calculations[0].missing == ["notice_received_date"]
    assert "proposal memorandum" in a.answer and "notice_received_date" not in a.answer


def test_facts_given_over_three_turns_are_used_and_the_earlier_ones_named(advisor) -> None:
    a = ask(advisor, "What's the recommended performance award for an Exceptional rating?",
            "My salary is $75,000.")
    assert a.calculations[0].result == {"min": 3000, "max": 5250}
    assert "you gave earlier" in a.answer and "Exceptional" in a.answer


def test_a_correction_recomputes_with_the_corrected_fact(advisor) -> None:
    a = ask(advisor, "What's the recommended performance award for an Exceptional rating?",
            "My salary is $75,000.", "Oops, I meant $57,000.")
    assert a.calculations[0].result == {"min": 2280, "max": 3990}


def test_a_new_unrelated_question_ends_the_pending_task_and_carries_nothing(advisor) -> None:
    a = ask(advisor, "My downgrade was effective 2026-10-05. When must I appeal?",
            "Different question: what is a trial period?")
    assert a.calculations == [] and not a.intent.facts
    assert "trial period" in a.answer.lower()


def test_a_checklist_stops_once_one_unmet_criterion_decides(advisor) -> None:
    a = ask(advisor, "Am I eligible for a recruitment bonus?", "I actually already received one in 2021.")
    calc = a.calculations[0]
    assert calc.name == "recruitment_bonus_eligibility" and calc.result == "not eligible"
    assert a.answer.startswith("**No**") and a.intent.pending is None


def test_a_checklist_asks_only_for_what_is_still_unknown(advisor) -> None:
    a = ask(advisor, "Can I get a performance award?", "Fully Successful")
    assert a.intent.pending.next_fact == "element_exceeded"
    assert "element" in a.answer and "rating of record" not in a.intent.pending.ask


def test_two_rules_that_fit_equally_are_asked_about_and_neither_number_given(advisor) -> None:
    a = ask(advisor, "I got the termination memo on 2026-11-02. When is my deadline?")
    assert a.calculations == [] and a.intent.ambiguities
    assert "10-3c" in a.answer and "10-3e" in a.answer


def test_a_colleague_s_rating_is_not_the_asker_s(advisor) -> None:
    a = ask(advisor, "My colleague was rated Exceptional; I was Fully Successful and exceeded one critical "
                     "element. Am I eligible for a performance award?")
    assert a.calculations[0].result == "eligible"
    assert a.calculations[0].inputs["rating"] == "Fully Successful"


def test_a_statement_alone_is_answered_with_the_rules_it_can_work_out_and_no_number(advisor) -> None:
    a = ask(advisor, "I was downgraded on 2026-11-02.")
    assert a.answer.startswith("**What would you like to know?**")
    assert "AR 690-13 para 3-9b" in a.answer and not a.calculations
    assert "November 17" not in a.answer


def test_yes_to_the_one_rule_offered_works_it_out_naming_the_date_given_earlier(advisor) -> None:
    a = ask(advisor, "I was downgraded on 2026-11-02.", "yes please")
    assert [(c.name, c.result) for c in a.calculations] == [("downgrade_appeal_deadline", "2026-11-17")]
    assert "you gave earlier, Monday, November 2, 2026" in a.answer


def test_a_question_about_another_rule_after_a_statement_is_not_forced_into_the_offer(advisor) -> None:
    a = ask(advisor, "I was appointed on 2026-01-05.", "When does my trial period end?")
    assert [(c.name, c.result) for c in a.calculations] == [("trial_period_end", "2027-01-04")]


def test_facts_given_over_turns_are_not_taken_as_a_choice_of_rule(advisor) -> None:
    a = ask(advisor, "I'm a GS-12.", "Step 4, and I was rated Exceptional.", "What would an EPA bring my pay to?")
    assert [(c.name, c.result) for c in a.calculations] == [("epa_pay", 89208)]
    assert "you gave earlier, GS-12" in a.answer


def test_a_yes_no_question_stating_another_figure_than_the_rule_gets_no_and_the_rule_figure(advisor) -> None:
    a = ask(advisor, "AR 690-13 para 3-9b says the downgrade appeal window is 60 days, right?")
    assert a.answer.startswith("**No — AR 690-13 says 15 calendar days.**")
    assert "60" not in a.answer


def test_a_yes_no_question_near_two_items_of_opposite_answers_restates_the_rule_question(advisor) -> None:
    a = ask(advisor, "Do I have 15 days to appeal a downgrade and keep back pay?")
    first = a.answer.split("\n", 1)[0]
    assert first.startswith("**") and "? " in first.split("**")[1]  # the rule's own question, then its answer
    assert not first.startswith("**No.**") and not first.startswith("**Yes.**")


def test_a_detail_question_gets_the_no_of_its_exception_not_a_yes_of_the_general_rule(advisor) -> None:
    a = ask(advisor, "I'm on a 90-day detail to a higher-graded job. Can I appeal the classification of that job?")
    assert a.answer.startswith("**No.**") and "para 3-10d" in a.answer.split("\n", 1)[0]


def test_noise_in_earlier_turns_does_not_hide_the_question_a_follow_up_leans_on(advisor) -> None:
    a = ask(advisor, "nested", "What is the premium recruitment bonus under CIPMS?", "nested",
            "What is the premium recruitment bonus under CIPMS?", "And how long do I have to stay after getting it?")
    assert not a.refused


def test_facts_without_a_question_are_acknowledged_and_kept_for_the_next_one(advisor) -> None:
    a = ask(advisor, "I'm a GS-12.", "Step 4, and I was rated Exceptional.")
    assert a.answer.startswith("**What would you like to know?** Noted: GS-12, Step 4, Exceptional.")
    assert not a.calculations


def test_a_carried_fact_named_by_its_role_does_not_trip_the_verifier(advisor) -> None:
    a = ask(advisor, "I was rated Highly Successful and I make $72,000. what's the award range?",
            "sorry my mistake, I was rated Exceptional")
    assert a.answer.startswith("**$2,880 to $5,040**")
    assert "annual base salary you gave earlier, $72,000" in a.answer


def test_two_rules_that_fit_alike_are_told_apart_by_the_question_before(advisor) -> None:
    alone = ask(advisor, "the salary is $91,000 a year. how much could the advance be?")
    assert alone.intent.ambiguities and not alone.calculations  # on its own: which rule is meant?
    ans = ask(advisor, "I'm being appointed to a CIPMS job that has a special salary rate. can I get an advance on my pay?",
              "the salary is $91,000 a year. how much could the advance be?")
    assert ans.calculations[0].name == "advance_pay_max" and ans.calculations[0].result == 6976
    assert [f.source for f in ans.intent.facts] == ["stated"]  # only this turn's salary is used
