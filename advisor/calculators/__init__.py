"""Pure calculators for AR 690-13's deadlines, pay limits and eligibility rules.

The public API: the shared shapes (``Rule``, ``Context``, ``Calculator``,
``CalculatorError``), the deadline tuple ``DEADLINES``, fact extraction (``extract_facts``,
``Facts``) and the router (``route``, ``all_calculators``, ``get``). The pay and eligibility
tuples are reached through ``all_calculators()``, which imports them lazily. No I/O.
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
from advisor.calculators.router import all_calculators, get, route

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
    "route",
]
