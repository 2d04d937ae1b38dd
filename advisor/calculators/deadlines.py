"""Every deadline calculator of the catalog (``README.md``), in one tuple: ``DEADLINES``.

The calculators live by chapter of AR 690-13:

- ``deadlines_complaints``: 3-3b, 3-9b, 3-12f, 3-12g (guides, downgrades, informal complaints)
- ``deadlines_appeals``: 3-13f, 3-13f(2) (a pending formal appeal)
- ``deadlines_appeal_outcomes``: 3-13i(1), 3-13k(1) (effective date, reopening)
- ``deadlines_employment``: 4-7, 4-12, Figure 4-1 (trial period, records, competitive service)
- ``deadlines_promotion``: 4-11a, 4-11b (temporary promotions, details)
- ``deadlines_compensation``: 6-3, 6-3b, 6-4a, 6-7 (breaks, service agreements, payback)
- ``deadlines_career``: 5-2e, 5-5a(1), 8-10d (training, IDPs, EPAs)
- ``deadlines_rights``: 9-5a, 10-3c, 10-3e (MSPB rights, special termination)

Each result is an ISO date string; the counting conventions are in ``dates``. No I/O.
"""

from __future__ import annotations

from advisor.calculators.base import Calculator
from advisor.calculators.deadlines_appeal_outcomes import APPEAL_OUTCOME_DEADLINES
from advisor.calculators.deadlines_appeals import APPEAL_DEADLINES
from advisor.calculators.deadlines_career import CAREER_DEADLINES
from advisor.calculators.deadlines_compensation import COMPENSATION_DEADLINES
from advisor.calculators.deadlines_complaints import COMPLAINT_DEADLINES
from advisor.calculators.deadlines_employment import EMPLOYMENT_DEADLINES
from advisor.calculators.deadlines_promotion import PROMOTION_DEADLINES
from advisor.calculators.deadlines_rights import RIGHTS_DEADLINES

DEADLINES: tuple[Calculator, ...] = (
    *COMPLAINT_DEADLINES,
    *APPEAL_DEADLINES,
    *APPEAL_OUTCOME_DEADLINES,
    *EMPLOYMENT_DEADLINES,
    *PROMOTION_DEADLINES,
    *COMPENSATION_DEADLINES,
    *CAREER_DEADLINES,
    *RIGHTS_DEADLINES,
)

__all__ = ["DEADLINES"]
