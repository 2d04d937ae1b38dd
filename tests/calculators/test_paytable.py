"""The packaged 2026 GS table: its figures, increments, caps and the one cached loader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor.calculators.base import CalculatorError
from advisor.calculators.paytable import PayTable, load_pay_table, parse_pay_table


@pytest.fixture(scope="module")
def table() -> PayTable:
    return load_pay_table()


@pytest.mark.parametrize(
    ("grade", "step", "rate"),
    [(1, 1, 22584), (1, 10, 28248), (5, 1, 34799), (7, 5, 48854), (9, 10, 68549),
     (11, 5, 72303), (12, 10, 99404), (13, 5, 103049), (14, 10, 139684), (15, 10, 164301)],
)  # fmt: skip
def test_table_holds_the_opm_2026_spot_values(
    table: PayTable, grade: int, step: int, rate: int
) -> None:
    assert table.rate(grade, step) == Decimal(rate)


def test_table_names_its_year_and_source(table: PayTable) -> None:
    assert table.year == 2026
    assert table.source == "OPM Salary Table 2026-GS, effective January 2026"
    assert "2026" in table.label and table.source in table.label


def test_gs_maximum_is_gs15_step10_and_locality_cap_is_ex_iv(table: PayTable) -> None:
    assert table.max_rate == Decimal(164301)
    assert table.locality_cap == Decimal(197200)
    assert "EX" in table.locality_cap_source


def test_rates_are_decimals_rising_with_each_step(table: PayTable) -> None:
    for grade in range(1, 16):
        rates = [table.rate(grade, s) for s in range(1, 11)]
        assert all(isinstance(r, Decimal) for r in rates)
        assert rates == sorted(rates) and len(set(rates)) == 10


def test_grades_1_and_2_have_no_uniform_increment(table: PayTable) -> None:
    assert table.increment(1) is None and table.increment(2) is None
    assert table.step_equivalent(1, 12) is None and table.step_equivalent(2, 11) is None


@pytest.mark.parametrize("grade", range(3, 16))
def test_each_step_of_grades_3_to_15_adds_the_opm_increment(table: PayTable, grade: int) -> None:
    inc = table.increment(grade)
    assert inc is not None
    for step in range(2, 11):
        assert table.rate(grade, step) - table.rate(grade, step - 1) == inc


def test_twelfth_step_equivalent_is_step1_plus_eleven_increments(table: PayTable) -> None:
    assert table.step_equivalent(13, 12) == Decimal(90925 + 11 * 3031)
    assert table.step_equivalent(15, 12) == Decimal(172727)
    assert table.step_equivalent(9, 10) == table.rate(9, 10)


@pytest.mark.parametrize(
    ("limit", "step"),
    [("96855", 9), ("96854.99", 8), ("76463", 1), ("76462", None), ("1000000", 10)],
)
def test_highest_step_within_a_limit_includes_an_exact_match(
    table: PayTable, limit: str, step: int | None
) -> None:
    assert table.highest_step_within(12, Decimal(limit)) == step


@pytest.mark.parametrize(("grade", "step", "message"), [(16, 1, "1 to 15"), (0, 1, "1 to 15"),
                                                        (5, 11, "1 to 10"), (5, 0, "1 to 10")])  # fmt: skip
def test_grades_and_steps_outside_the_table_name_the_valid_range(
    table: PayTable, grade: int, step: int, message: str
) -> None:
    with pytest.raises(CalculatorError, match=message):
        table.rate(grade, step)


def test_the_loader_reads_once_and_returns_the_same_table() -> None:
    assert load_pay_table() is load_pay_table()


def test_a_table_missing_a_grade_is_rejected() -> None:
    rates = "grade," + ",".join(f"step{s}" for s in range(1, 11)) + "\n1," + ",".join(["1"] * 10)
    with pytest.raises(ValueError, match="grades 1-15"):
        parse_pay_table(rates, "grade,wgi_amount\n1,VARIES\n")
