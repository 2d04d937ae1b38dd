"""The eligibility checklists: verdicts, criteria rows, questions, date edges and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advisor.calculators.base import CalculatorError, Context
from advisor.calculators.eligibility import ELIGIBILITY
from advisor.calculators.eligibility_placement import band_of
from advisor.models import Calculation

TODAY = date(2026, 11, 23)
CTX = Context(today=TODAY)
CALC = {c.name: c for c in ELIGIBILITY}
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "ar-690-13.md"
CATALOG = ("performance_award_eligibility", "epa_eligibility", "recruitment_bonus_eligibility",
           "advanced_hiring_eligibility", "trial_period_required",
           "grade_band_promotion_eligibility", "cipms_coverage", "mspb_appeal_rights",
           "competitive_service_eligibility", "reassignment_step_eligibility")  # fmt: skip
EPA_OK = {"gs_cipms_employee": True, "consecutive_exceptional_ratings": 3, "years_in_grade": "3",
          "prior_epa": False, "step": 10}  # fmt: skip
BAND_OK = {"same_servicing_cpo": True, "same_line_of_work": True, "currently_supervisory": False,
           "target_supervisory": False}  # fmt: skip


def run(name: str, today: date = TODAY, **inputs: object) -> Calculation:
    return CALC[name](inputs, Context(today=today))


def statuses(calc: Calculation) -> dict[str, str]:
    return {c["id"]: c["status"] for c in calc.details["criteria"]}


def test_eligibility_exports_every_checklist_of_the_catalog() -> None:
    assert tuple(c.name for c in ELIGIBILITY) == CATALOG
    assert all(c.kind == "eligibility" for c in ELIGIBILITY)


def test_every_checklist_rule_quote_is_verbatim_in_the_corpus() -> None:
    corpus = " ".join(CORPUS.read_text(encoding="utf-8").split())
    for calc in ELIGIBILITY:
        for rule in (calc.rule, *calc.extra_rules):
            assert rule.quote in corpus, (calc.name, rule.section)


@pytest.mark.parametrize("name", CATALOG)
def test_with_nothing_known_every_checklist_asks_its_questions(name: str) -> None:
    calc = run(name)
    assert calc.result == "need more information"
    assert calc.details["questions"]
    for row in calc.details["criteria"]:
        assert row["status"] in ("met", "not met", "unknown")
        assert row["cite"].startswith("AR 690-13 ") and row["text"]
        assert (row["status"] == "unknown" or row.get("assumed", False)) == ("question" in row)


def test_coverage_assumes_no_exclusion_of_1_6d_only_while_unsaid_and_says_so() -> None:
    said_nothing = run("cipms_coverage", series="0132")
    assert said_nothing.result == "eligible"
    assert said_nothing.details["presumed"] == [
        ("the employee is not a National Guard technician, nonappropriated fund or local national "
         "employee (AR 690-13 para 1-6d)")]
    assert "assuming the employee is not a National Guard technician" in said_nothing.explanation
    row = next(r for r in said_nothing.details["criteria"] if r["id"] == "not_excluded")
    assert row["assumed"] and row["status"] == "met" and row["question"]
    excluded = run("cipms_coverage", series="0132", excluded_category=True)
    assert excluded.result == "not eligible" and "presumed" not in excluded.details
    stated = run("cipms_coverage", series="0132", excluded_category=False)
    assert stated.result == "eligible" and "presumed" not in stated.details


@pytest.mark.parametrize(
    ("inputs", "verdict"),
    [({"rating": "Exceptional"}, "eligible"), ({"rating": "Highly Successful"}, "eligible"),
     ({"rating": "Fully Successful", "element_exceeded": True}, "eligible"),
     ({"rating": "Fully Successful", "element_exceeded": False}, "not eligible"),
     ({"rating": "Fully Successful"}, "need more information"),
     ({"rating": "Minimally Successful"}, "not eligible"), ({"rating": "Unacceptable"}, "not eligible")],
)  # fmt: skip
def test_performance_award_eligibility_follows_para_8_9a(inputs: dict, verdict: str) -> None:
    assert run("performance_award_eligibility", **inputs).result == verdict


def test_an_unknown_rating_names_the_valid_ratings() -> None:
    with pytest.raises(CalculatorError, match="Highly Successful"):
        run("performance_award_eligibility", rating="Outstanding")


@pytest.mark.parametrize(
    ("change", "failing"),
    [({"consecutive_exceptional_ratings": 2}, "three_exceptional"), ({"years_in_grade": "2.9"}, "same_grade"),
     ({"gs_cipms_employee": False}, "gs_cipms"), ({"step": 11}, "twelfth_step"),
     ({"prior_epa": True, "last_epa_date": "2024-01-01"}, "one_per_3_years")],
)  # fmt: skip
def test_epa_eligibility_fails_on_each_criterion_of_para_8_10(change: dict, failing: str) -> None:
    calc = run("epa_eligibility", **(EPA_OK | change))
    assert calc.result == "not eligible" and statuses(calc)[failing] == "not met"


def test_epa_eligibility_is_met_from_step_10_since_that_reaches_only_the_12th_step() -> None:
    assert run("epa_eligibility", **EPA_OK).result == "eligible"


@pytest.mark.parametrize(("today", "verdict"), [(date(2026, 1, 14), "not eligible"),
                                                (date(2026, 1, 15), "eligible")])  # fmt: skip
def test_a_second_epa_is_possible_from_the_3rd_anniversary_of_the_last(
    today: date, verdict: str
) -> None:
    inputs = EPA_OK | {"prior_epa": True, "last_epa_date": "2023-01-15"}
    assert run("epa_eligibility", today=today, **inputs).result == verdict


@pytest.mark.parametrize(("today", "status"), [(date(2026, 2, 28), "not met"),
                                               (date(2026, 3, 1), "met")])  # fmt: skip
def test_the_90_day_break_is_reached_90_days_after_the_last_day_held(
    today: date, status: str
) -> None:
    calc = run("recruitment_bonus_eligibility", today=today, currently_in_cipms=False,
               held_cipms_before=True, last_cipms_position_end="2025-12-01")  # fmt: skip
    assert statuses(calc)["break_90_days"] == status


def test_a_recruitment_bonus_is_once_in_a_lifetime() -> None:
    calc = run("recruitment_bonus_eligibility", received_bonus_before=True)
    assert calc.result == "not eligible" and statuses(calc)["once_in_lifetime"] == "not met"


def test_the_recruitment_bonus_checklist_includes_the_6_1b_conditions() -> None:
    rows = {c["id"]: c["cite"] for c in run("recruitment_bonus_eligibility").details["criteria"]}
    assert rows["purpose_6_1b"] == "AR 690-13 para 6-1b(1)"
    assert rows["documented_need"] == "AR 690-13 para 6-1b(2)"


def test_advanced_hiring_needs_the_applicant_off_the_federal_rolls() -> None:
    assert run("advanced_hiring_eligibility", on_federal_rolls=True).result == "not eligible"


def test_advanced_hiring_counts_the_break_from_any_federal_civilian_position() -> None:
    calc = run("advanced_hiring_eligibility", today=date(2026, 3, 1), on_federal_rolls=False,
               held_federal_civilian_before=True, last_federal_position_end="2025-12-02",
               meets_6_1b_purpose=True, documented_need=True)  # fmt: skip
    assert calc.result == "not eligible" and "2026-03-02" in statuses_text(calc, "break_90_days")


def statuses_text(calc: Calculation, key: str) -> str:
    return next(c.get("finding", "") for c in calc.details["criteria"] if c["id"] == key)


@pytest.mark.parametrize(
    ("new", "done", "verdict"),
    [(True, False, "eligible"), (True, True, "not eligible"), (False, False, "not eligible")],
)
def test_a_trial_period_is_required_of_new_employees_without_one_completed(
    new: bool, done: bool, verdict: str
) -> None:
    calc = run("trial_period_required", new_employee=new, completed_prior_trial_or_probation=done)
    assert calc.result == verdict
    said = (
        "a 1-year trial period is required"
        if verdict == "eligible"
        else "no trial period is required"
    )
    assert said in calc.explanation


@pytest.mark.parametrize(("grade", "band"), [(1, 1), (4, 1), (5, 2), (9, 2), (10, 3), (13, 3),
                                             (14, 4), (15, 4), (16, 5), (18, 5)])  # fmt: skip
def test_grade_bands_follow_figure_3_1_with_the_outside_2_3_boundary(grade: int, band: int) -> None:
    assert band_of(grade) == band


@pytest.mark.parametrize(
    ("current", "target", "verdict"),
    [(5, 9, "eligible"), (9, 10, "not eligible"), (10, 13, "eligible"), (13, 14, "not eligible"),
     (12, 12, "not eligible"), (12, 11, "not eligible"), (14, 15, "eligible")],
)  # fmt: skip
def test_grade_band_promotion_stays_inside_the_current_band(
    current: int, target: int, verdict: str
) -> None:
    calc = run(
        "grade_band_promotion_eligibility", current_grade=current, target_grade=target, **BAND_OK
    )
    assert calc.result == verdict


def test_the_band_criterion_says_the_boundary_comes_from_outside_sources() -> None:
    row = next(
        c
        for c in run("grade_band_promotion_eligibility").details["criteria"]
        if c["id"] == "same_band"
    )
    assert "outside sources" in row["text"] and "GS 5-9" in row["text"]


def test_grade_band_promotion_never_makes_a_nonsupervisor_a_supervisor() -> None:
    inputs = BAND_OK | {"current_grade": 10, "target_grade": 12, "target_supervisory": True}
    calc = run("grade_band_promotion_eligibility", **inputs)
    assert calc.result == "not eligible" and statuses(calc)["not_to_supervisory"] == "not met"


def test_grade_band_promotion_rejects_grades_past_gs18() -> None:
    with pytest.raises(CalculatorError, match="1 to 18"):
        run("grade_band_promotion_eligibility", current_grade=19, target_grade=12)


@pytest.mark.parametrize(
    ("inputs", "verdict", "section"),
    [({"series": "GS-0132", "excluded_category": False}, "eligible", "1-6a(1)"),
     ({"series": "0134", "excluded_category": False}, "eligible", "1-6a(1)"),
     ({"series": "0086", "intelligence_duties_percent": "51", "excluded_category": False}, "eligible", "1-6a(2)"),
     ({"series": "0080", "intelligence_duties_percent": "50.9", "nonclerical": False,
       "excluded_category": False}, "not eligible", "1-6a(2)"),
     ({"series": "1712", "intelligence_mission_organization": True, "requires_intelligence_ksas": True,
       "excluded_category": False}, "eligible", "1-6a(3)"),
     ({"series": "1702", "intelligence_mission_organization": False, "schedule_a_213_3106d": False},
      "not eligible", "1-6a(3)"),
     ({"series": "0855", "scientific_technical_intelligence": True, "two_grade_interval": True,
       "intelligence_mission_organization": True, "excluded_category": False}, "eligible", "1-6a(4)"),
     ({"series": "2210", "nonclerical": True, "schedule_a_213_3106d": True, "excluded_category": False},
      "eligible", "1-6a"),
     ({"series": "0132", "excluded_category": True}, "not eligible", "1-6d"),  # 1-6d decides
     ({"series": "0132"}, "eligible", "1-6a(1)")],  # 1-6d assumed while unsaid, and said
)  # fmt: skip
def test_cipms_coverage_follows_the_series_routes_of_para_1_6(
    inputs: dict, verdict: str, section: str
) -> None:
    calc = run("cipms_coverage", **inputs)
    assert calc.result == verdict and calc.rule.section == section


def test_cipms_coverage_rejects_a_share_above_100_percent() -> None:
    with pytest.raises(CalculatorError, match="0 to 100"):
        run("cipms_coverage", series="0080", intelligence_duties_percent="120")


@pytest.mark.parametrize(("today", "verdict"), [(date(2026, 2, 28), "not eligible"),
                                                (date(2026, 3, 1), "eligible")])  # fmt: skip
def test_mspb_rights_begin_on_the_first_anniversary_of_continuous_service(
    today: date, verdict: str
) -> None:
    calc = run("mspb_appeal_rights", today=today, preference_eligible=True,
               service_start_date="2025-03-01", mspb_jurisdiction=True)  # fmt: skip
    assert calc.result == verdict


def test_para_9_5a_gives_no_mspb_rights_to_a_nonpreference_eligible() -> None:
    calc = run("mspb_appeal_rights", preference_eligible=False)
    assert (
        calc.result == "not eligible"
        and "para 9-5a gives no MSPB appeal rights" in calc.explanation
    )


@pytest.mark.parametrize(
    ("inputs", "verdict"),
    [({"cipms_service_start": "2025-11-23"}, "eligible"),
     ({"cipms_service_start": "2025-11-24", "has_competitive_status": False,
       "passed_open_competitive_exam": False}, "not eligible"),
     ({"passed_open_competitive_exam": True}, "eligible"),
     ({"cipms_service_start": "2025-11-24"}, "need more information")],
)  # fmt: skip
def test_competitive_service_consideration_needs_any_one_route_of_figure_4_1(
    inputs: dict, verdict: str
) -> None:
    assert run("competitive_service_eligibility", **inputs).result == verdict


@pytest.mark.parametrize(
    ("cipms", "local", "status"),
    [(True, True, "not met"), (True, False, "met"), (False, True, "met"), (None, True, "unknown"),
     (True, None, "unknown"), (False, None, "met")],
)  # fmt: skip
def test_the_reassignment_step_is_barred_only_for_cipms_moves_in_the_same_commuting_area(
    cipms: bool | None, local: bool | None, status: str
) -> None:
    calc = run("reassignment_step_eligibility", currently_cipms=cipms, same_commuting_area=local)
    assert statuses(calc)["not_local_cipms"] == status


def test_an_ineligible_verdict_drops_the_open_questions() -> None:
    calc = run("reassignment_step_eligibility", currently_cipms=True, same_commuting_area=True)
    assert calc.result == "not eligible" and calc.details["questions"] == []


