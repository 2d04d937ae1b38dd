"""The pay calculators of the catalog, in one tuple for the router and the tools.

Each result is whole dollars (``int``) or a ``{"min": int, "max": int}`` range, except
``award_approval_level`` (a route string). The calculators live in ``pay_hiring.py``,
``pay_steps.py`` and ``pay_awards.py``; the GS table in ``paytable.py``. No I/O here.
"""

from __future__ import annotations

from advisor.calculators.base import Calculator
from advisor.calculators.pay_awards import (
    AWARD_APPROVAL_LEVEL,
    PERFORMANCE_AWARD_RANGE,
    RECOGNITION_BUDGET,
)
from advisor.calculators.pay_hiring import (
    ADVANCED_HIRING_SALARY,
    GS_MAX_RATE,
    RECRUITMENT_BONUS_RANGE,
)
from advisor.calculators.pay_steps import ADVANCE_PAY_MAX, EPA_PAY, REASSIGNMENT_STEP_INCREASE

PAY: tuple[Calculator, ...] = (
    GS_MAX_RATE,
    RECRUITMENT_BONUS_RANGE,
    ADVANCED_HIRING_SALARY,
    REASSIGNMENT_STEP_INCREASE,
    ADVANCE_PAY_MAX,
    AWARD_APPROVAL_LEVEL,
    RECOGNITION_BUDGET,
    PERFORMANCE_AWARD_RANGE,
    EPA_PAY,
)

__all__ = ["PAY"]
