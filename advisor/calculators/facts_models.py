"""The data shapes of extracted facts: each item with its span, and the ``Facts`` bundle.

Every item records where it was written (``question[start:end] == text``) so that a
calculator can read the words around it. Shapes only: the extraction is in ``facts`` and
``facts_items``. No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, Field

RatingName = Literal[
    "Exceptional", "Highly Successful", "Fully Successful", "Minimally Successful", "Unacceptable"
]
Unit = Literal["days", "weeks", "months", "years", "pay periods"]


class Item(BaseModel):
    """Where an extracted fact was written: ``question[start:end] == text``."""

    start: int
    end: int
    text: str


class DateFact(Item):
    value: date
    relative: bool = Field(default=False, description="Written as 'yesterday', '3 days ago'...")
    year_inferred: bool = Field(default=False, description="Written without a year.")


class MoneyFact(Item):
    value: Decimal = Field(description="Dollars, exactly as written ('118.5k' -> 118500).")

    @property
    def dollars(self) -> int:
        """Whole dollars, rounded half up."""
        return int(self.value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class GradeFact(Item):
    plan: str | None = Field(default=None, description="'GS', 'GG' or 'GM' when written.")
    grade: int | None = Field(default=None, description="1-15.")
    step: int | None = Field(default=None, description="1-10.")


class RatingFact(Item):
    value: RatingName | None = Field(description="None when the word is not an AR 690-13 level.")


class DurationFact(Item):
    amount: int
    unit: Unit


class SeriesFact(Item):
    series: str = Field(description="Four digits, zero-padded: '0132', '2210'.")


class Facts(BaseModel):
    """Everything ``extract_facts`` found, in order of appearance within each list."""

    today: date
    dates: list[DateFact] = Field(default_factory=list)
    amounts: list[MoneyFact] = Field(default_factory=list)
    grades: list[GradeFact] = Field(default_factory=list)
    ratings: list[RatingFact] = Field(default_factory=list)
    durations: list[DurationFact] = Field(default_factory=list)
    series: list[SeriesFact] = Field(default_factory=list)
    flags: dict[str, bool] = Field(
        default_factory=dict, description="Yes/no facts simply stated; absent = not said."
    )
    errors: list[str] = Field(default_factory=list, description="Impossible values, verbatim.")
