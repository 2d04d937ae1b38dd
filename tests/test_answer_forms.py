"""The first line answers the question in the form it was asked: each part of a two-part
question, the whole list, the yes or no the way the user put the question, and never a yes
borrowed from a like-shaped question about another case."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from advisor.intake.asked import asked_form
from advisor.intake.understand import day_range
from advisor.writers.leads import (
    _borrowed,
    _flipped,
    _named,
    _negated_apart,
    _negations,
    _parts,
    _substituted,
    _wordings,
)

pytestmark = pytest.mark.slow


def _first_line(answer: str) -> str:
    return answer.strip().splitlines()[0]


def test_each_part_of_a_two_part_question_is_answered_from_its_own_rule(advisor):
    ans = advisor.ask("Is a written test required for CIPMS jobs, and if we use one, who gets a copy?")
    assert _first_line(ans.answer).startswith("**No.**")
    assert "IPMO" in ans.answer.split("**The rule**")[0]  # the second part, before the quotes
    assert any(c.section == "4-20" for c in ans.citations)


def test_a_part_no_rule_answers_is_named_as_not_answered():
    assert _parts("How often do I update DISCAS, and what happens if I don't register?") == [
        "How often do I update DISCAS", "what happens if I don't register"]
    assert _parts("Can I appeal my downgrade?") == ["Can I appeal my downgrade?"]


def test_a_question_asking_for_a_list_gets_every_member(advisor):
    ans = advisor.ask("What kinds of conditions of employment can a CIPMS job come with?")
    lead = ans.answer.split("**The rule**")[0].lower()
    for member in ("polygraph", "mobile", "physical or medical", "certification"):
        assert member in lead


def test_what_is_expected_of_an_employee_is_the_whole_list_not_its_first_member(advisor):
    ans = advisor.ask("What does the regulation expect from me as a CIPMS employee?")
    lead = ans.answer.split("**The rule**")[0]
    assert "excellence" in lead and "DISCAS" in lead and "professional development" in lead


def test_a_general_rule_question_is_answered_from_the_rule_not_by_a_checklist_interview(advisor):
    ans = advisor.ask("Do I need a year in grade before I can be promoted in CIPMS?")
    assert "time-in-grade restrictions do not apply" in _first_line(ans.answer)
    assert not _first_line(ans.answer).lower().lstrip("*").startswith("yes")
    assert not ans.calculations
    ans = advisor.ask("Are local national employees overseas or National Guard technicians ever put under CIPMS?")
    assert not ans.calculations and "excluded" in _first_line(ans.answer)


def test_confirming_a_negated_rule_answers_yes_when_the_rule_agrees(advisor):
    ans = advisor.ask("is it right that OPM time-in-grade rules don't apply to CIPMS promotions?")
    assert _first_line(ans.answer).startswith("**Yes.**")
    ans = advisor.ask("Do OPM time-in-grade rules apply to CIPMS promotions?")
    assert _first_line(ans.answer).startswith("**No")


def test_a_negation_in_the_premise_does_not_turn_the_answer_round():
    assert not _flipped("can i file a grievance because I didn't get a recruitment incentive?",
                        "Can I grieve the nonreceipt of a recruitment incentive?")
    assert not _flipped("Can't I grieve my performance rating?", "Can I grieve my performance rating?")
    assert _flipped("So I can't grieve my performance rating at all, correct?", "Can I grieve my rating?")
    assert _flipped("is it true cipms positions are left out of the labor relations program?",
                    "Can CIPMS positions be covered by the labor relations program?")


def test_a_yes_about_another_rating_is_not_given_to_the_rating_the_user_named(advisor):
    assert _substituted("someone rated Fully Successful gets 4 to 7 percent, right?",
                        "Is the recommended performance award for an Exceptional rating 4 to 7 percent?")
    assert not _substituted("Can I appeal within 15 days?", "Can I appeal within 15 calendar days of the action?")
    ans = advisor.ask("Per para 8-9b, someone rated Fully Successful gets 4 to 7 percent. Can you confirm?")
    assert not _first_line(ans.answer).lower().lstrip("*").startswith("yes")
    assert "1 to 2 percent" in ans.answer


@pytest.mark.parametrize("question", ["Can't I grieve my rating?", "cant i grieve my rating",
                                      "Wont they pay me back?", "advanced hiring salary possible?",
                                      "is 85 percent grade accuracy good enough?"])
def test_negated_and_terse_yes_no_questions_are_read_as_yes_no(question):
    assert asked_form(question) == "yes_no"


def test_which_kinds_of_asks_for_a_list():
    assert asked_form("Which kinds of jobs are in CP-35?") == "list"


def test_a_month_or_a_year_is_the_span_of_its_days():
    from datetime import date

    assert day_range("March 2019") == (date(2019, 3, 1), date(2019, 3, 31))
    assert day_range("Feb 2024") == (date(2024, 2, 1), date(2024, 2, 29))
    assert day_range("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert day_range("Smarch 2019") is None


def test_a_month_is_enough_when_every_day_of_it_gives_the_same_verdict(advisor):
    ans = advisor.ask("I've been in a CIPMS job continuously since March 2019. "
                      "Can I be considered for competitive service jobs now?")
    assert ans.calculations and ans.calculations[0].result == "eligible"
    ans = advisor.ask("I've been in my CIPMS job since November 2025. Can I be considered for competitive service jobs now?")
    assert ans.calculations and ans.calculations[0].result == "need more information"  # the exact day decides


def test_a_decided_checklist_lists_only_the_criteria_that_decided_it(advisor):
    ans = advisor.ask("preference eligible here, started my CIPMS job in March 2026, my first federal job. "
                      "They're moving to remove me. do i have MSPB appeal rights?")
    assert ans.calculations and ans.calculations[0].result == "not eligible"
    assert "not known yet" not in ans.answer


@pytest.mark.parametrize("question, fact, value", [
    ("I left my Air Force civilian job 6 months ago and I'm at a private firm now.", "federal_employee", False),
    ("I resigned from my DHS civilian position on October 9.", "left_federal", True),
    ("I currently work at the VA as a GS-11 IT specialist.", "federal_employee", True),
    ("I'm currently in a CIPMS GS-0080 position at Fort Huachuca.", "cipms_employee", True),
    ("rated fully successful this year, didnt exceed any of my elements", "element_exceeded", False),
    ("I teach supply procedures, no intel knowledge needed.", "requires_intelligence_ksas", False),
    ("The job requires intel KSAs.", "requires_intelligence_ksas", True),
])
def test_everyday_statements_of_federal_employment_are_read(question, fact, value):
    from advisor.calculators.facts_flags import flags

    assert flags(question.lower()).get(fact) is value


def test_a_date_given_after_a_question_without_one_is_counted_by_that_question_s_rule(advisor):
    ans = advisor.ask("the decision memorandum is dated November 12",
                      history=["Can I still ask for a higher level review of the MACOM's unfavorable decision?"])
    assert ans.calculations and ans.calculations[0].name == "higher_level_review_deadline"
    assert ans.calculations[0].result == "2026-11-27"
    ans = advisor.ask("the detail started June 1",
                      history=["I'm detailed to a higher grade job. is there a point where they have to compete it?"])
    assert ans.calculations and ans.calculations[0].name == "detail_competition_date"


def test_a_reply_with_only_a_date_picks_no_rule_the_date_does_not_name(advisor):
    from datetime import date

    intent = advisor.intake.understand("sorry, I meant Nov 12, not Nov 2", [
        "I complained informally to my supervisor about my grade on Nov 2. how long should that process take?"],
        date(2026, 11, 23))
    assert intent.about != ["classification_change_deadline"] or not any(
        f.name == "decision_date" for f in intent.facts)  # never 3-12f's count from a complaint's date


def test_a_correction_replaces_the_date_with_the_one_it_does_not_deny(advisor):
    from datetime import date

    intent = advisor.intake.understand("sorry, I meant Nov 12, not Nov 2", [
        "I filed an informal classification complaint with my supervisor on Nov 2. How long should that process take?"],
        date(2026, 11, 23))
    assert intent.about == ["informal_complaint_deadline"]
    assert {f.name: f.value for f in intent.facts}["filed_date"] == "2026-11-12"


def test_a_yes_about_another_named_title_is_not_given():
    assert _substituted("Is 'Cybersecurity' one of OPM's parenthetical titles for the 2210 series?",
                        "Is Security one of OPM's parenthetical titles for the GS-2210 series?")
    assert not _substituted("Is 2210 in CP-34?", "Is the GS-2210 series part of CP-34?")


def test_one_loosely_matching_yes_no_item_does_not_answer_yes_or_no(advisor):
    ans = advisor.ask("can i appeal the content of the CIPMS primary grading standard itself?")
    assert not _first_line(ans.answer).lower().lstrip("*").startswith("yes")


def test_each_of_the_last_four_years_is_a_streak_and_since_a_month_counts_years(advisor):
    ans = advisor.ask("I'm a GS-12 step 5 CIPMS analyst. My ratings have been Exceptional each of the last four "
                      "years, I've been a GS-12 since June 2021, and I've never gotten an EPA. Do I qualify for an "
                      "Exemplary Performance Award?")
    assert ans.calculations and ans.calculations[0].name == "epa_eligibility"
    assert ans.calculations[0].result == "eligible"
    ans = advisor.ask("Two of my last three ratings were Exceptional and I've been a GS-12 since 2019. "
                      "Do I qualify for an EPA?")
    assert ans.calculations and ans.calculations[0].result != "eligible"


def test_this_year_s_rating_of_record_is_the_rating_not_last_year_s(advisor):
    ans = advisor.ask("My rating last year was Exceptional but this year's rating of record came in as Minimally "
                      "Acceptable after a rough project. Am I still eligible for a performance award based on last year?")
    assert ans.calculations and ans.calculations[0].name == "performance_award_eligibility"
    assert ans.calculations[0].result == "not eligible"


def test_a_series_asked_about_a_named_list_is_answered_from_that_list(advisor):
    no = advisor.ask("Is 0332 Computer Operations one of CP-34's IT core series?")
    assert _first_line(no.answer).startswith("**No — it is not one of the IT Core Series.**")
    assert "0332 is listed under the Para-Professional Series" in no.answer
    yes = advisor.ask("is 0391 telecommunications one of the CP-34 IT core series?")
    assert _first_line(yes.answer).startswith("**Yes — 0391 is one of the IT Core Series.**")


def test_an_item_of_another_section_gives_no_yes_or_no():
    from advisor.writers.leads import _other_section

    entry = SimpleNamespace(cite="Para-Professional Series", quote="Para-Professional Series: 0332, 0335",
                            statement="The Para-Professional Series line names 0332 and 0335.")
    item = SimpleNamespace(question="Is 0332 computer operations a CP-34 para-professional series?", condition="")
    titles = frozenset({"it core series", "para-professional series"})
    assert _other_section("Is 0332 one of CP-34's IT core series?", entry, item, titles)
    assert not _other_section("Is 0332 a para-professional series?", entry, item, titles)


def test_a_question_offering_two_answers_is_answered_as_its_first_question():
    from advisor.writers.leads import _first_alternative

    assert _first_alternative("Can an advanced hiring salary be used at GS-15, or is it only for lower grades?") \
        == "Can an advanced hiring salary be used at GS-15?"
    assert _first_alternative("Can I appeal, or not?") == "Can I appeal, or not?"
    assert _first_alternative("Can I appeal or grieve my rating?") == "Can I appeal or grieve my rating?"


def test_a_question_asked_the_contrary_way_gets_the_rules_own_question_first(advisor):
    ans = advisor.ask("can the same job use one qualification standard for internal candidates and a "
                      "different one for outside candidates?")
    line = _first_line(ans.answer)
    assert line.startswith("**Are internal and external candidates judged by the same qualification standard? Yes")


@pytest.mark.parametrize(("question", "item"), [
    ("if I get rated Exceptional am I guaranteed an award?", "Am I eligible for a performance award if I am rated Exceptional?"),
    ("If I appeal to SecDef, does the termination wait until the appeal is decided?",
     "Does the Secretary of Defense make the final decision on my special termination appeal?"),
    ("40% of my duties are intel related. Does that put me in CIPMS?",
     "Is my position covered if 51 percent of its duties are intelligence related?"),
])
def test_an_item_that_says_may_when_must_or_when_is_asked_gives_no_yes_or_no(question: str, item: str) -> None:
    assert _substituted(question, item)


def test_a_code_asked_for_by_its_number_or_its_name_is_one_row_of_the_table(advisor):
    ans = advisor.ask("what does NOA code 885 mean")
    assert _first_line(ans.answer) == "**885: Performance award** (AR 690-13 Table 11-1)"
    ans = advisor.ask("what's the nature of action code for a reassignment?")
    assert _first_line(ans.answer).startswith("**721: Reassignment**")
    ans = advisor.ask("What are the nature of action codes for CIPMS?")  # the whole table
    assert "885 performance award" in _first_line(ans.answer) and "721 reassignment" in ans.answer


def test_a_percentage_asked_without_a_salary_is_answered_from_the_rule_and_the_salary_asked(advisor):
    ans = advisor.ask("what's the recommended performance award percentage for Highly Successful?")
    lead = ans.answer.split("**The rule**")[0]
    assert "2 to 4 percent" in _first_line(lead) and "base salary?" in lead
    assert not any(c.result for c in ans.calculations)  # no dollar figure without a salary


def test_is_there_a_cap_asks_for_an_amount(advisor):
    ans = advisor.ask("the army wants to hire me into a cipms job using an advanced hiring salary. is there a "
                      "cap on how far above my current pay they can go?", history=[])
    assert ans.calculations and ans.calculations[0].name == "advanced_hiring_salary"


def _word_overlap(question: str, texts: list[str]) -> list[float]:
    """A stand-in sentence model: the share of a text's words the question also uses."""
    mine = set(question.lower().replace("?", "").split())
    return [len(mine & set(t.lower().replace("?", "").split())) / max(1, len(t.split())) for t in texts]


def test_a_negation_one_side_has_and_the_other_lacks_makes_the_rules_question_come_first():
    item = SimpleNamespace(question="Must a detail to a higher grade beyond 180 days be competed?", answer="yes",
                           condition="", also=["Does a detail past 180 days have to go through competition?"])
    asked = "can they keep extending my detail past 180 days without competing it?"
    assert _negated_apart(asked, _wordings(_word_overlap, asked, [item])[0])
    asked = "does a detail past 180 days have to be competed?"
    assert not _negated_apart(asked, _wordings(_word_overlap, asked, [item])[0])


def test_a_wording_with_the_questions_own_negation_keeps_the_answer():
    item = SimpleNamespace(question="Can I grieve being denied a recruitment incentive?", answer="no",
                           condition="", also=["Can I grieve because I did not get a recruitment incentive?"])
    asked = "can i grieve because i did not get a recruitment incentive?"
    assert not _negated_apart(asked, _wordings(_word_overlap, asked, [item])[0])


def test_negations_are_counted_in_words_and_the_negative_way_of_asking_is_not():
    assert _negations("Isn't a master's degree needed?") == 0
    assert _negations("Can't I appeal after 15 days?") == 0
    assert _negations("Can they convert it without a notice?") == 1
    assert _negations("A CIPMS employee refused a polygraph. Can she be removed just for refusing?") == 1
    assert _negations("I was denied a bonus. Can I grieve that?") == 1


def test_a_title_taken_from_another_item_of_the_rule_gives_no_yes_or_no():
    entry = SimpleNamespace(yes_no=[
        SimpleNamespace(question="Is the Deputy CIO/G-6 the functional chief of CP-34?", also=[], condition=""),
        SimpleNamespace(question="Is the Director CP-34 the functional chief representative?", also=[], condition=""),
    ])
    asked = "Someone told me the Deputy CIO/G-6 is the Functional Chief Representative for CP-34. Is that right?"
    assert _borrowed(asked, entry, entry.yes_no[0])
    assert not _borrowed("Is the Deputy CIO/G-6 the Functional Chief of CP-34?", entry, entry.yes_no[0])


def test_an_apostrophe_inside_words_is_not_a_quoted_name():
    assert _named("Our office's status hasn't been settled. Can they convert us?") == set()
    assert _named("Is 'Cloud Computing' a parenthetical title?") == {"cloud computing"}
