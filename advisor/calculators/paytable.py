"""The 2026 General Schedule base pay table as typed data, and the one loader that reads it.

Holds rates by grade and step (``Decimal``), the within-grade step increment per grade and
the two pay caps the calculators mention. ``load_pay_table()`` is the only I/O in the
calculators folder: it reads ``advisor/data/gs_2026.csv`` and ``gs_wgi_2026.csv`` once
(cached) when first called, never at import. Calculators take a ``PayTable`` argument so
tests can pass another table. It holds no AR 690-13 rule itself.
"""

from __future__ import annotations

import csv
import functools
import io
from decimal import Decimal
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.base import CalculatorError

GRADES = range(1, 16)
STEPS = range(1, 11)

# shared/reference/facts.md §1 (OPM page headings) and §2 (OPM Salary Table No. 2026-EX).
SOURCE_2026 = "OPM Salary Table 2026-GS, effective January 2026"
EX_IV_2026 = Decimal(197200)
EX_IV_SOURCE_2026 = "OPM Salary Table No. 2026-EX, effective January 2026"


class PayTable(BaseModel):
    """One year's GS base table (annual rates, before locality)."""

    model_config = ConfigDict(frozen=True)

    year: int = Field(description="Calendar year of the table, e.g. 2026.")
    source: str = Field(description="Where the figures come from, shown with every result.")
    rates: dict[int, tuple[Decimal, ...]] = Field(
        description="Annual base rate by grade (1-15), ten steps each."
    )
    increments: dict[int, Decimal | None] = Field(
        description="OPM's within-grade (WGI) step amount per grade; None where OPM prints VARIES."
    )
    locality_cap: Decimal = Field(description="Cap on locality-adjusted GS pay (EX-IV).")
    locality_cap_source: str = Field(description="Where the locality cap comes from.")

    @model_validator(mode="after")
    def _complete(self) -> PayTable:
        if set(self.rates) != set(GRADES) or any(len(r) != len(STEPS) for r in self.rates.values()):
            raise ValueError("a pay table needs grades 1-15 with 10 steps each")
        if set(self.increments) != set(GRADES):
            raise ValueError("a pay table needs a step increment entry for grades 1-15")
        return self

    @property
    def label(self) -> str:
        """'2026 GS table (OPM Salary Table 2026-GS, effective January 2026)'."""
        return f"{self.year} GS table ({self.source})"

    @property
    def max_rate(self) -> Decimal:
        """The highest GS base rate: GS-15 step 10."""
        return self.rates[15][-1]

    def rate(self, grade: int, step: int) -> Decimal:
        """Annual base rate of a grade and step; CalculatorError outside GS-1..15, steps 1..10."""
        check_grade_step(grade, step)
        return self.rates[grade][step - 1]

    def increment(self, grade: int) -> Decimal | None:
        """The uniform step amount of a grade, or None for GS-1/2 (OPM: 'VARIES')."""
        check_grade_step(grade, 1)
        return self.increments[grade]

    def step_equivalent(self, grade: int, step: int) -> Decimal | None:
        """Rate of a step past 10 (11, 12) as step 1 + (step - 1) x increment; None for GS-1/2."""
        inc = self.increment(grade)
        if inc is None:
            return None
        return self.rates[grade][0] + (step - 1) * inc

    def highest_step_within(self, grade: int, limit: Decimal) -> int | None:
        """The highest step of a grade whose rate is at or below ``limit`` (None if none is)."""
        check_grade_step(grade, 1)
        fitting = [s for s in STEPS if self.rates[grade][s - 1] <= limit]
        return max(fitting) if fitting else None


def check_grade_step(grade: int, step: int) -> None:
    """Raise CalculatorError unless grade is GS-1..15 and step is 1..10."""
    if grade not in GRADES:
        raise CalculatorError(
            f"GS grade {grade} is not in the General Schedule table: use 1 to 15."
        )
    if step not in STEPS:
        raise CalculatorError(f"Step {step} is not a GS step: use 1 to 10.")


def parse_pay_table(
    rates_csv: str, increments_csv: str, *, year: int = 2026, source: str = SOURCE_2026
) -> PayTable:
    """Build a PayTable from the text of the two CSV files (header grade,step1..step10)."""
    rates: dict[int, tuple[Decimal, ...]] = {}
    for row in csv.DictReader(io.StringIO(rates_csv)):
        rates[int(row["grade"])] = tuple(Decimal(row[f"step{s}"]) for s in STEPS)
    increments: dict[int, Decimal | None] = {}
    for row in csv.DictReader(io.StringIO(increments_csv)):
        amount = row["wgi_amount"].strip()
        increments[int(row["grade"])] = None if amount.upper() == "VARIES" else Decimal(amount)
    return PayTable(
        year=year,
        source=source,
        rates=rates,
        increments=increments,
        locality_cap=EX_IV_2026,
        locality_cap_source=EX_IV_SOURCE_2026,
    )


@functools.cache
def load_pay_table() -> PayTable:
    """Read the packaged 2026 GS table once (the only file read of the calculators)."""
    data = resources.files("advisor").joinpath("data")
    return parse_pay_table(
        data.joinpath("gs_2026.csv").read_text(encoding="utf-8"),
        data.joinpath("gs_wgi_2026.csv").read_text(encoding="utf-8"),
    )
