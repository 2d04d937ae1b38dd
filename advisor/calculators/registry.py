"""The catalog of calculators: every deadline row, pay calculator and eligibility checklist.

``all_calculators`` gives them in catalog order, each with what the intake matches and binds
(description, example questions, facts; ``intake_specs`` for pay and checklists; a checklist's
``needs`` come with its rows); ``get`` finds one by name. Choosing a calculator for a question
is the intake's job, not this module's. No I/O.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from advisor.calculators.base import Calculator
from advisor.calculators.deadlines import DEADLINES
from advisor.calculators.eligibility import ELIGIBILITY
from advisor.calculators.intake_specs import SPECS
from advisor.calculators.pay import PAY


@cache
def all_calculators() -> tuple[Calculator, ...]:
    """Every registered calculator: deadlines, then pay, then eligibility checklists."""
    out: list[Calculator] = list(DEADLINES)
    for calc in (*PAY, *ELIGIBILITY):
        spec = SPECS.get(calc.name)
        if spec is None:
            raise LookupError(f"calculator {calc.name!r} has no intake spec in intake_specs.SPECS")
        out.append(replace(calc, description=spec.description, examples=spec.examples,
                           facts=spec.facts))
    return tuple(out)


def get(name: str) -> Calculator:
    """The registered calculator called ``name``.

    Args:
        name: A calculator name from the catalog, e.g. "downgrade_appeal_deadline".

    Raises:
        KeyError: naming the known calculators when ``name`` is not one of them.
    """
    calculators = {c.name: c for c in all_calculators()}
    if name not in calculators:
        raise KeyError(f"Unknown calculator {name!r}; known: {', '.join(sorted(calculators))}.")
    return calculators[name]
