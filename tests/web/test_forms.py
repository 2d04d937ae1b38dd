"""Calculator forms generated from the input models, and what a bad form says."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.calculators.base import Context
from advisor.calculators.registry import all_calculators, get
from advisor.web.forms import FormError, field_specs, run_form

CONTEXT = Context(today=date(2026, 11, 23))


@pytest.mark.parametrize("calc", all_calculators(), ids=lambda c: c.name)
def test_every_calculator_gets_a_labelled_form(calc):
    specs = field_specs(calc.inputs)
    assert specs and all(s.label and s.kind in {"date", "int", "decimal", "bool", "tristate", "choice", "text"}
                         for s in specs)


def test_kinds_follow_the_annotations():
    kinds = {s.name: s.kind for s in field_specs(get("cipms_training_deadline").inputs)}
    assert kinds == {"start_date": "date", "role": "choice"}
    kinds = {s.name: s.kind for s in field_specs(get("appeal_decision_due").inputs)}
    assert kinds == {"received_date": "date", "forwarded_to_dcsint": "bool", "dcsint_received_date": "date"}
    assert {s.kind for s in field_specs(get("epa_eligibility").inputs)} >= {"tristate", "int", "decimal"}


def test_a_filled_form_computes():
    calc = run_form(get("downgrade_appeal_deadline"), {"action_date": "2026-11-02"}, CONTEXT)
    assert calc.result == "2026-11-17"


@pytest.mark.parametrize("written", ["2026-11-02", "November 2, 2026", "Nov. 2, 2026", "2 November 2026",
                                     "11/2/2026", "Monday, November 2, 2026", "november 2nd 2026",
                                     "three weeks ago"])
def test_a_date_is_read_the_way_the_chat_reads_it(written):
    calc = run_form(get("downgrade_appeal_deadline"), {"action_date": written}, CONTEXT)
    assert calc.result == "2026-11-17"


def test_unknown_answers_are_left_out():
    calc = run_form(get("trial_period_required"), {"new_employee": "Unknown",
                                                   "completed_prior_trial_or_probation": "No"}, CONTEXT)
    assert calc.inputs.get("new_employee") is None


@pytest.mark.parametrize("name,values,words", [
    ("downgrade_appeal_deadline", {}, "is required"),
    ("downgrade_appeal_deadline", {"action_date": "2026-02-30"}, "not a real calendar date"),
    ("downgrade_appeal_deadline", {"action_date": "sometime in March"}, "YYYY-MM-DD"),
    ("downgrade_appeal_deadline", {"action_date": "February 30, 2026"}, "not a real calendar date"),
    ("reassignment_step_increase", {"grade": 3.5, "step": 1}, "not a whole number"),
    ("reassignment_step_increase", {"grade": 16, "step": 1}, "use 1 to 15"),
    ("award_approval_level", {"amount": "abc"}, "not a number"),
    ("service_agreement_end", {"start_date": "2026-01-05", "years": 9}, "not allowed"),
])
def test_bad_forms_say_what_to_fix(name, values, words):
    with pytest.raises(FormError, match=words):
        run_form(get(name), values, CONTEXT)
