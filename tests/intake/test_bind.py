"""A value is bound to a fact only when its role is clear; otherwise the answer asks."""

from __future__ import annotations

from datetime import date

from advisor.calculators.registry import get
from advisor.intake.bind import bind
from advisor.intake.values import read

TODAY = date(2026, 11, 23)


def bound(name: str, text: str, subject: str = "unknown"):
    return bind(get(name), read(text, TODAY), subject, TODAY)


def test_the_effective_date_is_bound_and_the_notice_date_is_not() -> None:
    b = bound("downgrade_appeal_deadline", "I got the downgrade notice on Feb 20 but it was effective 2026-03-02.")
    assert b.facts["action_date"].value == "2026-03-02" and not b.ambiguities


def test_a_lone_date_marked_as_the_notice_is_asked_about_not_used() -> None:
    b = bound("downgrade_appeal_deadline", "I got the downgrade notice on Feb 20.")
    assert "action_date" not in b.facts
    assert b.ambiguities and b.ambiguities[0].about == "action_date"
    assert "_" not in b.ambiguities[0].question  # asked in plain words, never by field name


def test_two_dates_given_as_alternatives_are_asked_about() -> None:
    b = bound("trial_period_end", "I entered on duty either Feb 2 or Feb 9, 2026, I can't remember which.")
    assert "appointment_date" not in b.facts and b.ambiguities


def test_the_receipt_date_is_bound_and_the_signing_date_is_not() -> None:
    b = bound("termination_reply_deadline",
              "The proposed termination memo was signed 2026-09-14 and I received it 2026-09-21.")
    assert b.facts["notice_received_date"].value == "2026-09-21"


def test_the_offer_and_the_current_pay_are_told_apart_by_their_words() -> None:
    b = bound("advanced_hiring_salary", "She makes $96,400 now and has a bona fide offer of $101,000.")
    assert (b.facts["current_pay"].value, b.facts["offer"].value) == ("96400", "101000")


def test_an_amount_with_no_role_words_is_asked_about_when_two_roles_want_it() -> None:
    b = bound("advanced_hiring_salary", "The candidate mentioned $92,000.")
    assert not {"current_pay", "offer"} & set(b.facts) and b.ambiguities


def test_a_colleague_s_rating_does_not_fill_the_asker_s() -> None:
    b = bound("performance_award_eligibility", "My colleague was rated Exceptional; I was rated Fully Successful.",
              subject="self")
    assert b.facts["rating"].value == "Fully Successful"


def test_a_year_without_a_day_is_asked_about() -> None:
    b = bound("epa_next_eligible", "My last EPA was sometime in 2024.")
    assert "last_epa_date" not in b.facts and b.ambiguities[0].kind == "value"


def test_a_move_from_an_installation_to_a_far_place_is_not_the_same_commuting_area() -> None:
    far = bound("reassignment_step_eligibility",
                "I'm a CIPMS GS-12 at Fort Meade being reassigned to a GS-12 CIPMS job in Hawaii.")
    assert far.facts["same_commuting_area"].value is False
    near = bound("reassignment_step_eligibility",
                 "I'm a CIPMS GS-12 at Fort Meade being reassigned to a GS-12 job at Fort Belvoir.")
    assert "same_commuting_area" not in near.facts  # two installations may share one area: asked
    said = bound("reassignment_step_eligibility", "I'm being reassigned overseas to a GS-12 job.")
    assert said.facts["same_commuting_area"].value is False


def test_a_grade_followed_by_here_is_the_current_grade() -> None:
    b = bound("grade_band_promotion_eligibility",
              "GS-14 nonsupervisory CIPMS analyst here. My office has a GS-15 nonsupervisory job in my series.")
    assert b.facts["current_grade"].value == 14 and b.facts["target_grade"].value == 15


def test_exceptional_over_the_last_years_is_a_streak_of_ratings() -> None:
    b = bound("epa_eligibility", "GS-13 CIPMS here, been a 13 for 5 years. Exceptional the last 3 years, step 4.")
    assert b.facts["consecutive_exceptional_ratings"].value == 3
    assert b.facts["years_in_grade"].value in ("5", 5)


def test_from_my_nonsupervisory_job_into_a_supervisory_slot_names_both_positions() -> None:
    b = bound("grade_band_promotion_eligibility",
              "Can I get a grade band promotion from my nonsupervisory analyst job into a team chief "
              "(supervisory) slot in the same band?")
    assert b.facts["currently_supervisory"].value is False
    assert b.facts["target_supervisory"].value is True


def test_the_grade_not_marked_as_the_new_position_s_is_the_current_one() -> None:
    b = bound("grade_band_promotion_eligibility",
              "My GS-14 analyst (not a supervisor) wants the GS-15 branch chief job in our office.")
    assert b.facts["target_grade"].value == 15 and b.facts["current_grade"].value == 14
    b = bound("grade_band_promotion_eligibility",
              "I supervise a GS-0134-3 intelligence aide. I'd like to promote her to a GS-4 aide position.")
    assert b.facts["current_grade"].value == 3 and b.facts["target_grade"].value == 4


def test_a_date_is_never_bound_by_elimination() -> None:
    b = bound("downgrade_appeal_deadline", "I got the downgrade notice on Feb 20 and it took effect March 2.")
    assert b.facts.get("action_date") is None or b.facts["action_date"].value == "2026-03-02"


def test_a_list_of_years_ending_with_the_current_rating_is_a_streak() -> None:
    b = bound("epa_eligibility", "My analyst is a GS-0132-12, step 6. She has been a 12 since spring 2021. Her "
                                 "appraisals were Exceptional in 2024, in 2025, and on the current one for 2026.", "other")
    assert b.facts["consecutive_exceptional_ratings"].value == 3
    assert b.facts["years_in_grade"].value in ("4", 4)
    assert b.facts["step"].value == 6  # "my analyst": the step is hers, not the asker's


def test_a_streak_followed_by_another_rating_the_year_before_is_counted_as_it_is() -> None:
    b = bound("epa_eligibility", "employee was exceptional the last 2 years but fully successful the year before that.")
    assert b.facts["consecutive_exceptional_ratings"].value == 2


def test_months_in_cipms_are_the_length_of_cipms_service() -> None:
    b = bound("competitive_service_eligibility", "coworker came in from the private sector, 7 months in CIPMS.")
    assert float(b.facts["cipms_service_years"].value) == 7 / 12
    b = bound("competitive_service_eligibility", "She's been in her CIPMS position continuously for 2 years and 3 months.")
    assert b.facts["cipms_service_years"].value in ("2.25", 2.25)


def test_a_share_in_words_is_a_percentage_of_the_duties() -> None:
    b = bound("cipms_coverage", "GS-0080-12 security specialist. About a quarter of the work is intel-related.")
    assert b.facts["intelligence_duties_percent"].value in ("25", 25)


def test_a_competitive_service_position_is_not_filled_under_schedule_a() -> None:
    b = bound("cipms_coverage", "GS-0080-12. It's an ordinary competitive service position.")
    assert b.facts["schedule_a_213_3106d"].value is False


def test_someone_on_my_team_is_someone_else_and_met_but_did_not_exceed_is_no_element_exceeded() -> None:
    b = bound("performance_award_eligibility", "gs-9 on my team got fully successful for the most recent rating "
                                               "period. she met every element but did not exceed any of them.", "other")
    assert b.facts["rating"].value == "Fully Successful"
    assert b.facts["element_exceeded"].value is False


def test_currently_in_another_commands_cipms_office_is_serving_in_cipms_now() -> None:
    b = bound("recruitment_bonus_eligibility",
              "My selectee is currently a GS-0132-11 in another Army command's CIPMS office.", "other")
    assert b.facts["currently_in_cipms"].value is True
