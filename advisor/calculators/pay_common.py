"""Shared arithmetic and wording for the pay calculators: money checks, rounding, table notes.

Money is ``Decimal`` throughout and is rounded to whole dollars only at the end: a maximum is
rounded down and a minimum up, so a rounded figure never falls outside the rule's range. It
holds no AR 690-13 rule and does no I/O.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from advisor.calculators.base import CalculatorError
from advisor.calculators.paytable import PayTable, load_pay_table

# An amount above this is a typo, not a salary or an award (the catalog's "absurd" bound).
MAX_AMOUNT = Decimal(10000000)
CENT = Decimal("0.01")
FLOOR_NOTE = "rounded down to whole dollars so the figure never exceeds the limit"
RANGE_NOTE = "minimum rounded up and maximum rounded down to whole dollars, so both stay in range"


# Words that ask for a figure; combined with a topic so a bare "how much" selects nothing.
ASKS_AMOUNT = (
    r"(how (much|big|many)|maximum|\bmax\b|highest|\blimit|amount|range|calculat"
    r"|what (would|will|is) my (new )?(pay|salary)|\$\s?\d)"
)


def table_or_default(table: PayTable | None) -> PayTable:
    """The table passed in, or the packaged 2026 table."""
    return table if table is not None else load_pay_table()


def check_money(
    value: Decimal, what: str, *, allow_zero: bool = False, limit: Decimal = MAX_AMOUNT
) -> Decimal:
    """Return ``value`` if it is a plausible dollar amount, else raise CalculatorError.

    Args:
        value: The amount in dollars.
        what: How to name the amount in the error message.
        allow_zero: Whether $0 is a meaningful value for this amount.
        limit: The largest plausible amount.
    """
    low = "$0" if allow_zero else "more than $0"
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero) or value > limit:
        raise CalculatorError(f"{what} must be {low} and at most {dollars(limit)}; got {value}.")
    return value


def floor_dollars(amount: Decimal) -> int:
    """Whole dollars, rounded down (for maxima)."""
    return int(amount.to_integral_value(rounding=ROUND_FLOOR))


def ceil_dollars(amount: Decimal) -> int:
    """Whole dollars, rounded up (for minima)."""
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def to_cent(amount: Decimal) -> Decimal:
    """Nearest cent, half a cent and over counting as a whole cent."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def dollars(amount: Decimal | int) -> str:
    """'$164,301' for whole amounts, '$7,667.20' otherwise."""
    value = Decimal(amount)
    if value == value.to_integral_value():
        return f"${int(value):,}"
    return f"${to_cent(value):,.2f}"


def plain(amount: Decimal) -> str:
    """A JSON-safe string of a Decimal without exponent, e.g. '7667.20'."""
    return format(amount, "f")


def table_details(table: PayTable) -> dict[str, object]:
    """The table year and source that every GS-table result shows in its details."""
    return {"table_year": table.year, "table_source": table.source}
