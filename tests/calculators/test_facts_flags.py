"""Yes/no facts read from questions (facts_flags): stated, negated, and merely mentioned."""

from __future__ import annotations

import pytest

from advisor.calculators.facts_flags import flags


def _says(text: str, name: str) -> bool | None:
    return flags(text).get(name)


def _check(cases: list[tuple[str, bool | None]], name: str) -> None:
    wrong = [(text, want, _says(text, name)) for text, want in cases if _says(text, name) is not want]
    assert not wrong, wrong


def test_a_noncritical_element_exceeded_counts_as_an_element_exceeded() -> None:
    _check(
        [
            ("I'm Fully Successful but I exceeded one of my noncritical elements.", True),
            ("She exceeded two critical elements this cycle.", True),
            ("Rated Fully Successful; one element was exceeded.", True),
            ("I exceeded at least one element.", True),
            ("I didn't exceed any elements this year.", False),
            ("I did not exceed a single element.", False),
            ("No element was exceeded.", False),
            ("Do I need to have exceeded an element to get an award?", None),
            ("What does exceeding an element mean?", None),
        ],
        "element_exceeded",
    )


def test_an_earlier_epa_is_read_when_stated_and_never_guessed() -> None:
    _check(
        [
            ("I've never had an EPA.", False),
            ("I have never received an Exemplary Performance Award.", False),
            ("No prior EPA, three Exceptional ratings.", False),
            ("Same grade, no EPA ever.", False),
            ("I haven't gotten an EPA.", False),
            ("I got an EPA in 2024.", True),
            ("She received an EPA two years ago.", True),
            ("My last EPA was in 2023.", True),
            ("Can I get an EPA?", None),
            ("What is an EPA?", None),
        ],
        "prior_epa",
    )


def test_being_a_cipms_employee_is_read_in_first_and_third_person() -> None:
    _check(
        [
            ("I'm a CIPMS employee.", True),
            ("I'm a GS-12 step 4 in CIPMS.", True),
            ("I've been in my CIPMS job for five years.", True),
            ("She's a CIPMS employee.", True),
            ("I'm in CIPMS.", True),
            ("I'm not in CIPMS.", False),
            ("I'm in a non-CIPMS position.", False),
            ("I left my CIPMS job 60 days ago.", False),
            ("I'm interested in CIPMS.", None),
            ("Who is covered by CIPMS?", None),
        ],
        "cipms_employee",
    )


def test_never_having_worked_for_the_government_settles_the_federal_history() -> None:
    said = flags("I've never worked for the government. Do I have to serve a trial period?")
    assert said["federal_employee"] is False and said["cipms_employee"] is False
    assert said["held_federal_before"] is False and said["held_cipms_before"] is False
    assert said["completed_probation"] is False and said["received_bonus_before"] is False
    assert said["new_employee"] is True
    assert flags("She has never been a federal employee.")["federal_employee"] is False
    assert flags("I never worked as a federal civilian.")["federal_employee"] is False
    assert "federal_employee" not in flags("Can someone who never worked for us get a bonus?")


def test_a_stated_fact_is_never_overridden_by_an_implied_one() -> None:
    said = flags("I'm a CIPMS employee; I never worked for the government before this job.")
    assert said["cipms_employee"] is True


def test_leaving_a_position_says_it_was_held_and_is_no_longer_held() -> None:
    said = flags("I left my CIPMS job 60 days ago.")
    assert said["held_cipms_before"] is True and said["cipms_employee"] is False
    said = flags("Our applicant left a civilian job at the Air Force 6 months ago.")
    assert said["held_federal_before"] is True and said["federal_employee"] is False
    assert flags("She quit federal service in May.")["held_federal_before"] is True
    assert flags("An applicant who left a federal job 2 weeks ago.")["held_federal_before"] is True
    # A private-sector civilian job is not a federal one.
    assert "held_federal_before" not in flags("He left a civilian job at a bank last year.")


def test_an_earlier_recruitment_bonus_is_read_when_stated() -> None:
    _check(
        [
            ("I got a CIPMS recruitment bonus back in 2019.", True),
            ("She already received a recruitment incentive.", True),
            ("Can I get the bonus again?", True),
            ("I've never received a recruitment bonus.", False),
            ("What is a recruitment bonus?", None),
            ("Can we offer a recruitment bonus?", None),
        ],
        "received_bonus_before",
    )


def test_the_6_1b_purposes_are_read_and_a_plain_job_stays_unknown() -> None:
    _check(
        [
            ("We're filling a hard-to-fill analyst job.", True),
            ("It is a shortage category position.", True),
            ("The applicant has scarce skills.", True),
            ("The site is a remote work site.", True),
            ("The job is not hard-to-fill.", False),
            ("What is a hard-to-fill position?", None),
            ("We're filling an analyst job.", None),
        ],
        "meets_6_1b_purpose",
    )


def test_a_documented_need_and_a_cost_benefit_are_separate_facts() -> None:
    said = flags("We documented the need and the cost benefit.")
    assert said["documented_need"] is True and said["cost_benefit"] is True
    said = flags("We've documented all of that.")
    assert said["documented_need"] is True and "cost_benefit" not in said
    assert flags("There is no positive cost benefit.")["cost_benefit"] is False
    assert flags("We haven't documented anything.")["documented_need"] is False
    assert "documented_need" not in flags("Do we need a documented need?")


def test_a_service_agreement_is_read_when_someone_signs_or_refuses_it() -> None:
    _check(
        [
            ("She'd sign a 2-year service agreement.", True),
            ("He agreed to serve for 3 years.", True),
            ("She won't sign a service agreement.", False),
            ("Does she have to sign a service agreement?", None),
        ],
        "service_agreement",
    )


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("I'm a local national employee in Germany.", "local_national", True),
        ("She works as a National Guard technician.", "guard_technician", True),
        ("I'm a NAF employee.", "nonappropriated_fund", True),
        ("I'm a regular appropriated-fund civilian (not a local national).", "local_national", False),
        ("I'm not a local national or Guard technician.", "guard_technician", False),
        ("I'm a regular Army civilian.", "nonappropriated_fund", False),
        ("Are local nationals covered by CIPMS?", "local_national", None),
        ("I'm not sure I'm a local national.", "local_national", None),
    ],
)
def test_the_excluded_categories_of_para_1_6d_are_read_only_when_stated(
    text: str, name: str, value: bool | None
) -> None:
    assert _says(text, name) is value


def test_an_intelligence_organization_and_required_ksas_are_read_for_coverage() -> None:
    said = flags(
        "I teach at an Army intelligence school and the job requires intelligence-related skills."
    )
    assert said["intelligence_mission_org"] is True and said["requires_intelligence_ksas"] is True
    assert flags("It doesn't require intelligence-related KSAs.")["requires_intelligence_ksas"] is False
    assert "requires_intelligence_ksas" not in flags("Does it require intelligence-related KSAs?")


def test_the_grade_band_facts_servicing_cpo_and_line_of_work_are_read() -> None:
    said = flags("The job is in my same line of work, serviced by the same CPO.")
    assert said["same_servicing_cpo"] is True and said["same_line_of_work"] is True
    said = flags("The new job is serviced by a different CPO in another line of work.")
    assert said["same_servicing_cpo"] is False and said["same_line_of_work"] is False
    assert "same_servicing_cpo" not in flags("Does it have to be the same CPO?")


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("I'm not a veteran and have no veterans' preference.", "preference_eligible", False),
        ("She isn't preference eligible.", "preference_eligible", False),
        ("He's a preference eligible.", "preference_eligible", True),
        ("I'm a new hire.", "new_employee", True),
        ("Do all new employees serve a trial period?", "new_employee", None),
        ("I completed my probationary period at the VA.", "completed_probation", True),
        ("I haven't finished my trial period.", "completed_probation", False),
        ("Do I have to serve a trial period?", "completed_probation", None),
        ("I'm being reassigned at the same grade.", "same_grade", True),
        ("I'm being reassigned to a higher grade.", "same_grade", False),
        ("Does the reassignment need to be at the same grade?", "same_grade", None),
        ("Can I appeal an adverse action to the MSPB?", "adverse_action", True),
        ("I'm a GS-12 at the Department of Agriculture.", "federal_employee", True),
        ("We're hiring someone into a CIPMS analyst job.", "selected_for_cipms", True),
        ("They've struggled to fill it because the skills are scarce.", "meets_6_1b_purpose", True),
        ("They documented a scarcity of applicants with my skill set.", "meets_6_1b_purpose", True),
        ("The manager says there's no recruiting problem.", "meets_6_1b_purpose", False),
        ("Nothing's documented.", "documented_need", False),
        ("It pencils out cost-wise.", "cost_benefit", True),
        ("I'm at a private firm now.", "cipms_employee", False),  # outside the government, outside CIPMS
        ("I'm a CIPMS GS-12 being reassigned to a GS-12 job in Hawaii.", "same_grade", True),
        ("I'm a GS-11 being reassigned to a GS-12 job.", "same_grade", None),
        ("I'm a CIPMS GS-12 at Fort Meade.", "cipms_employee", True),
        ("A GS-15 job in my same series.", "same_line_of_work", True),
    ],
)
def test_other_yes_no_facts_are_read_only_where_stated(
    text: str, name: str, value: bool | None
) -> None:
    assert _says(text, name) is value



def test_a_removal_or_a_demotion_is_an_adverse_action_but_a_short_suspension_is_not() -> None:
    _check(
        [
            ("They just proposed to remove me. Can I appeal to the MSPB?", True),
            ("My supervisor is trying to fire me.", True),
            ("I was demoted last month.", True),
            ("They suspended me for 30 days.", True),
            ("I got a 20-day suspension.", True),
            ("I got a 5-day suspension.", None),
            ("Can I appeal my performance rating to the MSPB?", None),
        ],
        "adverse_action",
    )


def test_a_secretary_or_a_clerk_holds_a_clerical_position_and_the_secretary_of_the_army_does_not() -> None:
    _check(
        [
            ("I'm a GS-0318 secretary in an intelligence brigade.", False),
            ("I work as a clerk at INSCOM.", False),
            ("It's a clerical job.", False),
            ("The position is nonclerical.", True),
            ("It is not clerical work.", True),
            ("The Secretary of the Army approved it.", None),
            ("I'm an intelligence analyst.", None),
        ],
        "nonclerical",
    )


def test_a_grade_written_with_its_series_or_an_agency_still_says_a_federal_employee() -> None:
    _check(
        [
            ("I'm a Navy GS-2210-12 in San Diego.", True),
            ("I'm a GS-2210-12.", True),
            ("I'm a GS-12.", True),
            ("I'm not a federal employee.", False),
        ],
        "federal_employee",
    )


def test_i_m_cipms_says_a_cipms_employee_and_cipms_jobs_alone_do_not() -> None:
    _check(
        [
            ("I'm CIPMS and moving to a same grade job.", True),
            ("I'm CIPMS, at Fort Meade.", True),
            ("I'm a CIPMS employee.", True),
            ("Are CIPMS jobs excepted service?", None),
        ],
        "cipms_employee",
    )


def test_facts_about_an_employee_or_a_selectee_are_read_like_the_asker_s() -> None:
    assert flags("My selectee is currently a GS-11 civilian with the Navy.")["federal_employee"] is True
    assert flags("CIPMS employee, GS-11, is moving to another building.")["cipms_employee"] is True
    assert flags("My analyst is a GS-0132-12, step 6, in our CIPMS unit.")["cipms_employee"] is True
    assert flags("Our employee is not preference eligible.")["preference_eligible"] is False
    assert flags("Coworker is a 10-point vet.")["preference_eligible"] is True
    assert "cipms_employee" not in flags("Can a CIPMS employee get an EPA?")
    assert "cipms_employee" not in flags("I want to become a CIPMS employee.")


def test_never_a_fed_and_a_first_federal_job_say_never_federal() -> None:
    for text in ("He has never been a federal civilian employee.", "never been a fed, coming from a lab",
                 "He was never actually a government employee.", "This is her first federal job ever."):
        assert flags(text).get("federal_employee") is False, text
        assert flags(text).get("completed_probation") is False, text


def test_a_move_between_two_different_grades_is_not_at_the_same_grade() -> None:
    assert flags("Employee is moving from a GS-11 job to a GS-12 job at another base.")["same_grade"] is False
    assert flags("A current CIPMS analyst, grade 13, would move to a GS-13 CIPMS slot.")["same_grade"] is True
    assert flags("She is moving from one building to another at Fort Belvoir.")["same_commuting_area"] is True
