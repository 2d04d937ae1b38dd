"""The eligibility checklists of the catalog: every checklist row, registered in one tuple.

Each result is "eligible", "not eligible" or "need more information", with
``details["criteria"]`` (status, cite, text per criterion) and ``details["questions"]``.
The rows live by topic in ``eligibility_pay.py``, ``eligibility_hiring.py``,
``eligibility_coverage.py``, ``eligibility_placement.py`` and ``eligibility_status.py``
(shared criteria in ``eligibility_common.py``); ``checklist_engine`` runs them all. A new
checklist is a row there and a line in ``ROWS``. No I/O here.
"""

from __future__ import annotations

from advisor.calculators.base import Calculator
from advisor.calculators.checklist_engine import Checklist, make_calculator
from advisor.calculators.eligibility_coverage import CIPMS_COVERAGE
from advisor.calculators.eligibility_hiring import (
    ADVANCED_HIRING_ELIGIBILITY,
    RECRUITMENT_BONUS_ELIGIBILITY,
)
from advisor.calculators.eligibility_pay import EPA_ELIGIBILITY, PERFORMANCE_AWARD_ELIGIBILITY
from advisor.calculators.eligibility_placement import (
    GRADE_BAND_PROMOTION_ELIGIBILITY,
    REASSIGNMENT_STEP_ELIGIBILITY,
)
from advisor.calculators.eligibility_status import (
    COMPETITIVE_SERVICE_ELIGIBILITY,
    MSPB_APPEAL_RIGHTS,
    TRIAL_PERIOD_REQUIRED,
)

ROWS: tuple[Checklist, ...] = (
    PERFORMANCE_AWARD_ELIGIBILITY,
    EPA_ELIGIBILITY,
    RECRUITMENT_BONUS_ELIGIBILITY,
    ADVANCED_HIRING_ELIGIBILITY,
    TRIAL_PERIOD_REQUIRED,
    GRADE_BAND_PROMOTION_ELIGIBILITY,
    CIPMS_COVERAGE,
    MSPB_APPEAL_RIGHTS,
    COMPETITIVE_SERVICE_ELIGIBILITY,
    REASSIGNMENT_STEP_ELIGIBILITY,
)

ELIGIBILITY: tuple[Calculator, ...] = tuple(make_calculator(row) for row in ROWS)

__all__ = ["ELIGIBILITY", "ROWS"]
