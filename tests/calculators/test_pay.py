"""The pay calculators: AR 690-13 limits on the 2026 GS table, edges, bad input, properties."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.calculators.base import CalculatorError, Context
from advisor.calculators.pay import PAY
from advisor.calculators.pay_hiring import AdvancedHiringInputs, advanced_hiring_salary
from advisor.calculators.pay_steps import GradeStepInputs, epa_pay, reassignment_step_increase
from advisor.calculators.paytable import PayTable, load_pay_table

CTX = Context(today=date(2026, 11, 23))
CALC = {c.name: c for c in PAY}
TABLE = load_pay_table()
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "ar-690-13.md"
CATALOG = ("gs_max_rate", "recruitment_bonus_range", "advanced_hiring_salary",
           "reassignment_step_increase", "advance_pay_max", "award_approval_level",
           "recognition_budget", "performance_award_range", "epa_pay")  # fmt: skip


def run(name: str, **inputs: object) -> object:
    return CALC[name](inputs, CTX)


def test_pay_exports_every_pay_calculator_of_the_catalog() -> None:
    assert tuple(c.name for c in PAY) == CATALOG
    assert all(c.kind == "pay" and c.rule.source == "AR 690-13" for c in PAY)


def test_every_pay_rule_quote_is_verbatim_in_the_corpus() -> None:
    corpus = " ".join(CORPUS.read_text(encoding="utf-8").split())
    for calc in PAY:
        for rule in (calc.rule, *calc.extra_rules):
            assert rule.quote in corpus, (calc.name, rule.section)


@pytest.mark.parametrize(
    ("name", "inputs"),
    [("gs_max_rate", {"proposed_salary": "1"}), ("advanced_hiring_salary", {"current_pay": "1"}),
     ("reassignment_step_increase", {"grade": 9, "step": 1}), ("epa_pay", {"grade": 9, "step": 1})],
)  # fmt: skip
def test_results_from_the_gs_table_name_its_year_and_source(name: str, inputs: dict) -> None:
    calc = CALC[name](inputs, CTX)
    assert "2026" in calc.explanation and "OPM Salary Table 2026-GS" in calc.explanation
    assert calc.details["table_year"] == 2026
    assert calc.details["table_source"] == "OPM Salary Table 2026-GS, effective January 2026"


def test_basic_pay_is_capped_at_gs15_step10_with_ex_iv_as_context() -> None:
    calc = run("gs_max_rate", proposed_salary=Decimal(170000))
    assert calc.result == 164301
    assert calc.details["within_cap"] is False and calc.details["payable"] == 164301
    assert "$197,200" in calc.explanation and "outside AR 690-13" in calc.explanation


def test_a_salary_equal_to_the_gs_maximum_is_within_the_cap() -> None:
    assert run("gs_max_rate", proposed_salary=Decimal(164301)).details["within_cap"] is True


@pytest.mark.parametrize(
    ("amount", "fits"), [("499.99", False), ("500", True), ("10000", True), ("10000.01", False)]
)
def test_recruitment_bonus_edges_are_500_and_10000_inclusive(amount: str, fits: bool) -> None:
    calc = run("recruitment_bonus_range", amount=Decimal(amount))
    assert calc.result == {"min": 500, "max": 10000}
    assert calc.details["amount_in_range"] is fits


def test_advanced_hiring_salary_is_exactly_20_percent_above_the_basis() -> None:
    calc = run("advanced_hiring_salary", current_pay=Decimal("80712.50"), grade=12)
    assert calc.result == 96855
    assert calc.details["highest_step"] == 9 and calc.details["highest_step_rate"] == 96855


def test_advanced_hiring_salary_shows_each_basis_and_takes_the_higher() -> None:
    calc = run("advanced_hiring_salary", current_pay=Decimal(80000), offer=Decimal(85000))
    assert calc.result == 102000
    assert [b["max_salary"] for b in calc.details["bases"]] == [96000, 102000]


def test_advanced_hiring_salary_never_passes_the_gs_maximum() -> None:
    calc = run("advanced_hiring_salary", current_pay=Decimal(150000), grade=15)
    assert calc.result == 164301 and calc.details["bases"][0]["capped_at_gs_max"] is True
    assert calc.details["highest_step"] == 10


def test_advanced_hiring_salary_says_when_even_step_1_is_too_high() -> None:
    calc = run("advanced_hiring_salary", current_pay=Decimal(50000), grade=13)
    assert calc.result == 60000 and calc.details["highest_step"] is None


def test_advanced_hiring_salary_rounds_down_so_it_never_exceeds_the_limit() -> None:
    assert run("advanced_hiring_salary", current_pay=Decimal("55555.55")).result == 66666


@pytest.mark.parametrize(("step", "new_step", "result"), [(1, 3, 56243), (8, 10, 68549),
                                                          (9, 10, 68549), (10, 10, 68549)])  # fmt: skip
def test_reassignment_adds_at_most_two_steps_and_stops_at_step_10(
    step: int, new_step: int, result: int
) -> None:
    calc = run("reassignment_step_increase", grade=9, step=step)
    assert calc.result == result and calc.details["new_step"] == new_step


def test_no_advance_pay_for_a_position_without_a_special_salary_rate() -> None:
    calc = run("advance_pay_max", annual_salary=Decimal(100000), special_rate_position=False)
    assert calc.result == 0 and "special salary rate" in calc.explanation


def test_advance_pay_is_two_biweekly_periods_by_5_usc_5504_named_as_outside_rule() -> None:
    calc = run("advance_pay_max", annual_salary=Decimal(100000))
    assert calc.result == 7667
    assert calc.details["hourly_rate"] == "47.92" and calc.details["biweekly_rate"] == "3833.60"
    assert "5 U.S.C. 5504(b)" in calc.explanation and "outside" in calc.explanation


@pytest.mark.parametrize(
    ("amount", "route"),
    [("10000", "commander or delegated official"),
     ("10000.01", "HQDA approval through the IPMO, forwarded to OSD"),
     ("10001", "HQDA approval through the IPMO, forwarded to OSD")],
)  # fmt: skip
def test_awards_over_10000_go_to_hqda_and_10000_stays_local(amount: str, route: str) -> None:
    assert run("award_approval_level", amount=Decimal(amount)).result == route


def test_recognition_budget_is_1_5_to_2_percent_and_20_to_30_percent_of_people() -> None:
    calc = run("recognition_budget", aggregate_salaries=Decimal(1234567), workforce=45)
    assert calc.result == {"min": 18519, "max": 24691}
    assert calc.details["employees_to_recognize"] == {"min": 9, "max": 14}


@pytest.mark.parametrize(
    ("rating", "exceeded", "expected"),
    [("Exceptional", None, {"min": 4000, "max": 7000}),
     ("highly successful", None, {"min": 2000, "max": 4000}),
     ("Fully Successful", True, {"min": 1000, "max": 2000}),
     ("Fully Successful", False, {"min": 0, "max": 0}),
     ("Minimally Successful", None, {"min": 0, "max": 0}),
     ("Unacceptable", None, {"min": 0, "max": 0}),
     ("unsatisfactory", None, {"min": 0, "max": 0})],
)  # fmt: skip
def test_performance_award_range_follows_the_rating(
    rating: str, exceeded: bool | None, expected: dict
) -> None:
    calc = run("performance_award_range", salary=Decimal(100000), rating=rating,
               element_exceeded=exceeded)  # fmt: skip
    assert calc.result == expected


def test_fully_successful_without_the_element_fact_states_the_condition() -> None:
    calc = run("performance_award_range", salary=Decimal(50000), rating="Fully Successful")
    assert calc.result == {"min": 500, "max": 1000}
    assert calc.details["eligible"] is None and "element" in calc.details["condition"]


@pytest.mark.parametrize(
    ("grade", "step", "result", "capped"),
    [(9, 5, 63275, False), (13, 8, 118204, False), (13, 9, 121235, False),
     (13, 10, 124266, False), (15, 8, 164301, False), (15, 9, 164301, True),
     (15, 10, 164301, True), (2, 8, 31953, False)],
)  # fmt: skip
def test_epa_is_two_steps_fixed_past_step_10_and_held_to_the_pay_cap(
    grade: int, step: int, result: int, capped: bool
) -> None:
    calc = run("epa_pay", grade=grade, step=step)
    assert calc.result == result and calc.details["capped_at_gs_max"] is capped


def test_epa_from_step_10_lands_exactly_on_the_12th_step_equivalent() -> None:
    calc = run("epa_pay", grade=13, step=10)
    assert calc.result == calc.details["twelfth_step_equivalent"] == 90925 + 11 * 3031


@pytest.mark.parametrize(("grade", "step"), [(1, 9), (1, 10), (2, 9), (2, 10)])
def test_epa_above_step_10_at_gs1_or_gs2_gives_no_figure_and_says_why(
    grade: int, step: int
) -> None:
    calc = run("epa_pay", grade=grade, step=step)
    assert calc.result is None and calc.missing
    assert "VARIES" in calc.explanation and "uniform increment" in calc.explanation


def test_epa_at_gs1_below_step_9_says_only_the_gs_maximum_applies() -> None:
    calc = run("epa_pay", grade=1, step=3)
    assert calc.result == 25589 and "only the GS maximum cap is applied" in calc.explanation


@pytest.mark.parametrize(
    ("name", "inputs", "message"),
    [("gs_max_rate", {"proposed_salary": "-1"}, "more than \\$0"),
     ("gs_max_rate", {"proposed_salary": "0"}, "more than \\$0"),
     ("gs_max_rate", {"proposed_salary": "10000000.01"}, "10,000,000"),
     ("advanced_hiring_salary", {}, "current rate of pay"),
     ("advanced_hiring_salary", {"current_pay": "90000", "grade": 16}, "1 to 15"),
     ("reassignment_step_increase", {"grade": 16, "step": 1}, "1 to 15"),
     ("epa_pay", {"grade": 12, "step": 11}, "1 to 10"),
     ("advance_pay_max", {"annual_salary": "0"}, "more than \\$0"),
     ("award_approval_level", {"amount": "-500"}, "more than \\$0"),
     ("recognition_budget", {"aggregate_salaries": "1000000", "workforce": 0}, "1 to"),
     ("performance_award_range", {"salary": "90000", "rating": "Outstanding"}, "Exceptional"),
     ("performance_award_range", {"salary": "20000000", "rating": "Exceptional"}, "10,000,000")],
)  # fmt: skip
def test_bad_input_raises_an_error_naming_the_valid_range(
    name: str, inputs: dict, message: str
) -> None:
    with pytest.raises(CalculatorError, match=message):
        CALC[name](inputs, CTX)


def test_calculators_use_the_table_they_are_given() -> None:
    doubled = PayTable(
        year=2099, source="test table", locality_cap=TABLE.locality_cap,
        locality_cap_source="test", increments={g: (i * 2 if i else None) for g, i in TABLE.increments.items()},
        rates={g: tuple(r * 2 for r in rates) for g, rates in TABLE.rates.items()},
    )  # fmt: skip
    calc = reassignment_step_increase(GradeStepInputs(grade=9, step=1), CTX, table=doubled)
    assert calc.result == 2 * 56243 and calc.details["table_year"] == 2099


money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10_000_000), places=2)


@given(current=st.none() | money, offer=st.none() | money, grade=st.none() | st.integers(1, 15))
def test_advanced_salary_never_exceeds_the_cap_or_120_percent_of_the_basis(
    current: Decimal | None, offer: Decimal | None, grade: int | None
) -> None:
    if current is None and offer is None:
        return
    calc = advanced_hiring_salary(
        AdvancedHiringInputs(current_pay=current, offer=offer, grade=grade), CTX
    )
    basis = max(v for v in (current, offer) if v is not None)
    assert calc.result <= 164301 and calc.result <= basis * Decimal("1.2")
    if grade is not None and calc.details["highest_step_rate"] is not None:
        assert calc.details["highest_step_rate"] <= calc.result


@given(grade=st.integers(3, 15), step=st.integers(1, 10))
def test_epa_never_exceeds_the_12th_step_or_the_gs_maximum(grade: int, step: int) -> None:
    calc = epa_pay(GradeStepInputs(grade=grade, step=step), CTX)
    twelfth = TABLE.step_equivalent(grade, 12)
    assert twelfth is not None
    assert TABLE.rate(grade, step) <= calc.result <= min(twelfth, TABLE.max_rate)


salaries = st.decimals(min_value=Decimal(100), max_value=Decimal(10_000_000), places=2)


@given(
    salary=salaries,
    rating=st.sampled_from(["Exceptional", "Highly Successful", "Fully Successful"]),
)
def test_performance_award_range_stays_inside_its_percentages(salary: Decimal, rating: str) -> None:
    calc = run("performance_award_range", salary=salary, rating=rating, element_exceeded=True)
    low, high = {"Exceptional": (4, 7), "Highly Successful": (2, 4), "Fully Successful": (1, 2)}[
        rating
    ]
    assert salary * low / 100 <= calc.result["min"] <= calc.result["max"] <= salary * high / 100


