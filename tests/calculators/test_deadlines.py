"""The deadline calculators: counting, boundaries, pay periods, notes and bad input."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from advisor.calculators import DEADLINES, CalculatorError, Context, get
from advisor.calculators import dates as d

README = Path(__file__).resolve().parents[2] / "advisor" / "calculators" / "README.md"
CTX = Context(today=date(2026, 4, 20))

# One valid input per deadline calculator, for checks that apply to all of them.
SAMPLE = {
    "downgrade_appeal_deadline": {"action_date": "2026-10-05"},
    "classification_change_deadline": {"decision_date": "2026-03-04"},
    "informal_complaint_deadline": {"filed_date": "2026-04-01"},
    "appeal_decision_due": {"received_date": "2026-03-02"},
    "higher_level_review_deadline": {"decision_memo_date": "2026-03-02"},
    "appeal_effective_date_window": {"decision_date": "2026-03-04"},
    "reopening_evidence_window": {"submission_date": "2026-05-11"},
    "occupational_guide_deadline": {"received_date": "2026-01-15"},
    "trial_period_end": {"appointment_date": "2026-03-15"},
    "temporary_promotion_limits": {"start_date": "2026-01-11"},
    "detail_competition_date": {"start_date": "2026-02-01"},
    "records_retention_until": {"effective_date": "2026-06-01"},
    "cipms_training_deadline": {"start_date": "2026-01-05", "role": "employee"},
    "idp_review_due": {"last_idp_date": "2026-06-30"},
    "service_agreement_end": {"start_date": "2026-03-01", "years": 3},
    "advance_pay_payback_min": {"appointment_date": "2026-08-31"},
    "epa_next_eligible": {"last_epa_date": "2025-06-15"},
    "mspb_appeal_rights_date": {"service_start_date": "2025-05-01"},
    "termination_reply_deadline": {"notice_received_date": "2026-04-02"},
    "termination_appeal_deadline": {"decision_received_date": "2026-04-02"},
    "competitive_service_consideration_date": {"cipms_service_start": "2025-07-01"},
    "new_cipms_employee_break": {"last_cipms_position_end": "2026-03-01"},
    "advanced_hiring_break": {"last_federal_position_end": "2026-01-02"},
}


def run(name: str, today: date = CTX.today, anchor: date | None = None, **inputs: object):
    ctx = Context(today=today, **({"pay_period_anchor": anchor} if anchor else {}))
    return get(name)(inputs, ctx)


def test_every_deadline_row_of_the_catalog_is_implemented() -> None:
    catalog = set(re.findall(r"^\| `(\w+)` \| deadline \|", README.read_text(), re.MULTILINE))
    assert catalog == {c.name for c in DEADLINES} == set(SAMPLE)


@pytest.mark.parametrize("calc", DEADLINES, ids=lambda c: c.name)
def test_every_deadline_gives_an_iso_date_the_weekday_and_its_rule(calc) -> None:  # type: ignore[no-untyped-def]
    result = calc(SAMPLE[calc.name], CTX)
    shown = date.fromisoformat(result.result)
    assert d.weekday_name(shown) in result.explanation
    assert calc.rule.pin_cite in result.explanation
    assert result.rule == calc.rule.ref() and result.rule.source == "AR 690-13"
    assert result.details["weekday"] == d.weekday_name(shown)
    assert result.inputs == calc.inputs.model_validate(SAMPLE[calc.name]).model_dump(mode="json")


@pytest.mark.parametrize("calc", DEADLINES, ids=lambda c: c.name)
def test_every_deadline_function_has_a_google_style_docstring(calc) -> None:  # type: ignore[no-untyped-def]
    assert "Args:" in (calc.run.__doc__ or "")
    for name, field in calc.inputs.model_fields.items():
        assert field.description, f"{calc.name}.{name} has no description"


def test_downgrade_appeal_deadline_is_15_calendar_days() -> None:
    assert run("downgrade_appeal_deadline", action_date="2026-10-05").result == "2026-10-20"


def test_downgrade_appeal_deadline_is_open_on_day_15_and_passed_on_day_16() -> None:
    on_15 = run("downgrade_appeal_deadline", today=date(2026, 10, 20), action_date="2026-10-05")
    on_16 = run("downgrade_appeal_deadline", today=date(2026, 10, 21), action_date="2026-10-05")
    assert on_15.details["status"] == "today" and "passed" not in on_15.explanation
    assert on_16.details["status"] == "passed" and "has passed" in on_16.explanation


def test_a_last_day_on_a_weekend_is_not_moved_and_says_so() -> None:
    result = run("downgrade_appeal_deadline", action_date="2027-02-20")
    assert result.result == "2027-03-07"  # a Sunday
    assert "falls on a Sunday" in result.explanation and "does not move" in result.explanation
    assert "weekend" in result.details["note"]


def test_a_weekday_last_day_still_carries_the_not_moved_note() -> None:
    result = run("termination_appeal_deadline", decision_received_date="2026-04-02")
    assert result.result == "2026-04-22" and "holiday" in result.details["note"]
    assert "does not move it for a holiday" in result.explanation


def test_informal_complaint_target_is_15_calendar_days() -> None:
    assert run("informal_complaint_deadline", filed_date="2026-04-01").result == "2026-04-16"


@pytest.mark.parametrize(
    ("decision", "expected"),
    [("2026-03-04", "2026-05-02"), ("2026-03-07", "2026-05-02"), ("2026-03-08", "2026-05-16")],
)
def test_classification_change_window_is_the_4_pay_periods_after_the_decision(
    decision: str, expected: str
) -> None:
    result = run("classification_change_deadline", decision_date=decision)
    assert result.result == expected
    assert date.fromisoformat(expected).weekday() == 5  # a pay period ends on a Saturday


def test_a_decision_on_a_pay_period_sunday_counts_from_the_next_period() -> None:
    result = run("appeal_effective_date_window", decision_date="2026-03-08")
    assert result.result == "2026-05-03"
    assert result.details["pay_periods_after_decision"][0] == "2026-03-22"


def test_appeal_effective_date_is_the_start_of_the_4th_pay_period_after() -> None:
    result = run("appeal_effective_date_window", decision_date="2026-03-04")
    assert result.result == "2026-04-19"
    assert result.details["earliest_effective_date"] == "2026-03-04"


def test_an_anchor_offset_by_one_week_moves_the_pay_period_deadlines() -> None:
    offset = date(2026, 1, 18)
    assert run(
        "appeal_effective_date_window", anchor=offset, decision_date="2026-03-04"
    ).result == ("2026-04-26")
    assert run(
        "classification_change_deadline", anchor=offset, decision_date="2026-03-04"
    ).result == ("2026-05-09")


def test_an_anchor_that_is_not_a_sunday_is_an_error() -> None:
    with pytest.raises(CalculatorError, match="Sunday"):
        run("appeal_effective_date_window", anchor=date(2026, 1, 12), decision_date="2026-03-04")


def test_appeal_decision_gets_another_30_days_from_dcsint_receipt() -> None:
    result = run(
        "appeal_decision_due",
        received_date="2026-03-02",
        forwarded_to_dcsint=True,
        dcsint_received_date="2026-04-10",
    )
    assert result.result == "2026-05-10" and result.details["first_level_due"] == "2026-04-01"


def test_a_forwarded_appeal_without_the_dcsint_receipt_date_asks_for_it() -> None:
    result = run("appeal_decision_due", received_date="2026-03-02", forwarded_to_dcsint=True)
    assert result.result is None and result.missing == ["dcsint_received_date"]


def test_a_dcsint_receipt_before_the_first_receipt_is_refused() -> None:
    with pytest.raises(CalculatorError, match="on or after"):
        run("appeal_decision_due", received_date="2026-03-02", dcsint_received_date="2026-03-01")


def test_reopening_checks_the_awareness_date_against_the_10_days() -> None:
    late = run(
        "reopening_evidence_window", submission_date="2026-05-11", awareness_date="2026-04-30"
    )
    ok = run("reopening_evidence_window", submission_date="2026-05-11", awareness_date="2026-05-01")
    assert late.result == ok.result == "2026-05-01"
    assert late.details["certification_possible"] is False
    assert ok.details["certification_possible"] is True
    assert ok.details["latest_submission_date"] == "2026-05-11"


def test_trial_period_of_a_leap_day_appointment_ends_february_27() -> None:
    result = run("trial_period_end", appointment_date="2028-02-29")
    assert result.result == "2029-02-27" and result.details["completed_on"] == "2029-02-28"


def test_temporary_promotion_reaches_day_180_on_start_plus_179() -> None:
    result = run("temporary_promotion_limits", start_date="2026-01-11")
    assert result.result == "2028-01-10"
    assert result.details["day_180"] == "2026-07-09"
    assert result.details["competitive_procedures_if_beyond"] == "2026-07-10"


@pytest.mark.parametrize("years", [0, 4])
def test_a_service_agreement_outside_1_to_3_years_is_refused(years: int) -> None:
    with pytest.raises(CalculatorError, match="1, 2 or 3"):
        run("service_agreement_end", start_date="2026-03-01", years=years)


def test_month_end_clamps_for_training_and_payback() -> None:
    assert run("cipms_training_deadline", start_date="2025-11-30", role="supervisor").result == (
        "2026-02-28"
    )
    assert run("advance_pay_payback_min", appointment_date="2027-08-31").result == "2028-02-29"


@pytest.mark.parametrize("when", ["1989-12-31", "2101-01-01"])
def test_dates_outside_the_supported_range_name_the_range(when: str) -> None:
    with pytest.raises(CalculatorError, match="1990-01-01 to 2100-12-31"):
        run("downgrade_appeal_deadline", action_date=when)


def test_a_deadline_falling_after_2100_names_the_range() -> None:
    with pytest.raises(CalculatorError, match="1990-01-01 to 2100-12-31"):
        run("records_retention_until", effective_date="2098-06-01")


def test_an_impossible_date_is_refused_before_any_counting() -> None:
    with pytest.raises(ValueError, match="day"):
        run("downgrade_appeal_deadline", action_date="2026-02-30")
