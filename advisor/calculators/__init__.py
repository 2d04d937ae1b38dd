"""Pure calculators for AR 690-13's deadlines, pay limits and eligibility rules.

The public API: the shared shapes (``Rule``, ``Context``, ``Calculator``,
``CalculatorError``), the deadline tuple ``DEADLINES``, fact extraction (``extract_facts``,
``Facts``) and the catalog (``all_calculators``, ``get``). Which calculator a question is about
is the intake's call (``advisor/intake``). No I/O.
"""

from advisor.calculators.base import (
    DEFAULT_PAY_PERIOD_ANCHOR,
    Calculator,
    CalculatorError,
    Context,
    Rule,
)
from advisor.calculators.deadlines import DEADLINES
from advisor.calculators.facts import Facts, extract_facts
from advisor.calculators.registry import all_calculators, get

__all__ = [
    "DEADLINES",
    "DEFAULT_PAY_PERIOD_ANCHOR",
    "Calculator",
    "CalculatorError",
    "Context",
    "Facts",
    "Rule",
    "all_calculators",
    "extract_facts",
    "get",
]
