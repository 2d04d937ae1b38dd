"""Eligibility checklists for moves between positions: the step increase on reassignment
(para 6-6) and the grade band promotion (para 4-11c).

Each input left out is an unknown criterion with a question to ask. Grade bands: the
extracted Figure 3-1 lost the Band 2/3 boundary; it is taken from outside sources (Army CPOL
DCIPS grade bands; HQDA DAMI-CP memo of 2 Apr 1992; shared/reference/facts.md §9), as the
corpus note under Figure 3-1 says. The step amount itself is computed in ``pay_steps.py``.
No I/O.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, CalculatorError, Context, ar_rule
from advisor.calculators.eligibility_common import (
    NEED_RULE,
    PURPOSE_RULE,
    asks_eligibility,
    checklist,
    criterion,
    purpose_rows,
    status,
    verdict_all,
)
from advisor.calculators.eligibility_hiring import NEED_FIELD, PURPOSE_FIELD, conditions_6_1b
from advisor.calculators.fact_access import flag, grades
from advisor.calculators.facts import Facts
from advisor.calculators.pay_steps import REASSIGN_RULE, REASSIGN_TOPIC
from advisor.models import Calculation

COMMUTING_RULE = ar_rule(
    "6-6",
    "This pay increase may not be used for reassignment of a CIPMS employee (regardless of "
    "employing department) within the same geographic commuting area.",
)


class ReassignmentStepEligibilityInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_federal_employee: bool | None = Field(
        default=None, description="A current Federal employee?"
    )
    same_grade: bool | None = Field(
        default=None, description="Is the new position at the grade currently held?"
    )
    currently_cipms: bool | None = Field(default=None, description="A current CIPMS employee?")
    same_commuting_area: bool | None = Field(
        default=None, description="Is the new position in the same geographic commuting area?"
    )
    meets_6_1b_purpose: bool | None = PURPOSE_FIELD
    documented_need: bool | None = NEED_FIELD


def reassignment_step_eligibility(
    inputs: ReassignmentStepEligibilityInputs, context: Context
) -> Calculation:
    """Checklist of para 6-6: who may get up to two steps on reassignment.

    Args:
        inputs: What is known about the employee and the move; omitted facts become questions.
        context: Unused; part of the calculator signature.
    """
    cipms, local = inputs.currently_cipms, inputs.same_commuting_area
    # Barred only for a CIPMS employee moving within the same commuting area.
    barred = False if cipms is False or local is False else (True if cipms and local else None)
    rows = [
        criterion(
            "federal_employee",
            "6-6",
            "A current Federal employee (a current CIPMS employee included)",
            status(inputs.current_federal_employee),
            "Is the person a current Federal employee?",
        ),
        criterion(
            "reassignment",
            "6-6",
            "A reassignment: a different position at the grade level currently held",
            status(inputs.same_grade),
            "Is the new position at the same grade as the current one?",
        ),
        *purpose_rows(inputs.meets_6_1b_purpose, inputs.documented_need),
        criterion(
            "not_local_cipms",
            "6-6",
            "Not a reassignment of a CIPMS employee within the same geographic commuting area",
            status(None if barred is None else not barred),
            "Is the employee in CIPMS now, and is the new position in the same geographic "
            "commuting area?",
        ),
    ]
    return checklist(
        "reassignment_step_eligibility",
        inputs.model_dump(mode="json"),
        REASSIGN_RULE,
        rows,
        verdict_all(rows),
    )


def _reassign_elig_from_facts(facts: Facts, question: str) -> ReassignmentStepEligibilityInputs:
    return ReassignmentStepEligibilityInputs(
        current_federal_employee=flag(facts, "federal_employee"),
        same_grade=flag(facts, "same_grade"),
        currently_cipms=flag(facts, "cipms_employee"),
        same_commuting_area=flag(facts, "same_commuting_area"),
        **conditions_6_1b(facts),
    )


REASSIGNMENT_STEP_ELIGIBILITY = Calculator(
    name="reassignment_step_eligibility",
    title="Step increase on reassignment eligibility",
    kind="eligibility",
    rule=REASSIGN_RULE,
    inputs=ReassignmentStepEligibilityInputs,
    run=reassignment_step_eligibility,
    triggers=(REASSIGN_TOPIC, asks_eligibility(REASSIGN_TOPIC), r"reassign.*commuting area"),
    from_facts=_reassign_elig_from_facts,
    extra_rules=(COMMUTING_RULE, PURPOSE_RULE, NEED_RULE),
)


BAND_RULE = ar_rule(
    "4-11c",
    "A grade band promotion is a noncompetitive promotion (either temporary or permanent) to a "
    "position which is within the scope of the same servicing CPO, at a higher grade level which "
    "falls within the employee's current grade band, and is within the employee's current line "
    "of work.",
)


SUPERVISORY_RULE = ar_rule(
    "4-11c",
    "This authority may not be used to promote an employee from a nonsupervisory to a "
    "supervisory position.",
)


BAND_TOPIC = r"grade[- ]band promot\w*|promot.*(within|inside|same) (my |the )?(grade )?band|noncompetitive(ly)? promot"
# Figure 3-1; Band 2 = 5-9 and Band 3 = 10-13 come from outside sources (facts.md §9).
BANDS = {1: range(1, 5), 2: range(5, 10), 3: range(10, 14), 4: range(14, 16), 5: range(16, 19)}


BAND_SOURCE = (
    "bands per Figure 3-1: Band 1 = GS 1-4, Band 2 = GS 5-9, Band 3 = GS 10-13, Band 4 = GS "
    "14-15, Band 5 = GS 16-18; the Band 2/3 boundary is lost in the extracted figure and comes "
    "from outside sources (Army CPOL DCIPS grade bands; HQDA DAMI-CP memo of 2 Apr 1992)"
)


def band_of(grade: int) -> int:
    """The CIPMS grade band (1-5) of a 1990 GS grade (1-18)."""
    for band, span in BANDS.items():
        if grade in span:
            return band
    raise CalculatorError(f"GS grade {grade} is not a 1990 CIPMS grade: use 1 to 18.")


class GradeBandInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_grade: int | None = Field(default=None, description="Current GS grade, 1-18.")
    target_grade: int | None = Field(default=None, description="Grade of the new position, 1-18.")
    same_servicing_cpo: bool | None = Field(
        default=None, description="Within the scope of the same servicing CPO?"
    )
    same_line_of_work: bool | None = Field(
        default=None,
        description="Within the current line of work (alike enough that the KSAs do not differ significantly)?",
    )
    currently_supervisory: bool | None = Field(
        default=None, description="Is the current position supervisory?"
    )
    target_supervisory: bool | None = Field(
        default=None, description="Is the new position supervisory?"
    )


def grade_band_promotion_eligibility(inputs: GradeBandInputs, context: Context) -> Calculation:
    """Checklist of para 4-11c: a noncompetitive promotion inside the current grade band.

    Args:
        inputs: Grades, servicing CPO, line of work and supervisory status.
        context: Unused; part of the calculator signature.
    """
    cur, tgt = inputs.current_grade, inputs.target_grade
    bands = {g: band_of(g) for g in (cur, tgt) if g is not None}
    higher = None if cur is None or tgt is None else tgt > cur
    same_band = None if cur is None or tgt is None else bands[cur] == bands[tgt]
    sup_now, sup_new = inputs.currently_supervisory, inputs.target_supervisory
    to_supervisor = (
        False
        if sup_new is False or sup_now is True
        else (True if sup_new and sup_now is False else None)
    )
    rows = [
        criterion(
            "same_cpo",
            "4-11c",
            "The position is within the scope of the same servicing CPO",
            status(inputs.same_servicing_cpo),
            "Is the new position serviced by the same CPO?",
        ),
        criterion(
            "higher_grade",
            "4-11c",
            "At a higher grade level",
            status(higher),
            "What are the current grade and the grade of the new position?",
            f"GS-{cur} to GS-{tgt}" if higher is not None else "",
        ),
        criterion(
            "same_band",
            "4-11c",
            f"The higher grade falls within the employee's current grade band ({BAND_SOURCE})",
            status(same_band),
            "What are the current grade and the grade of the new position?",
            ", ".join(f"GS-{g}: Band {b}" for g, b in bands.items()),
        ),
        criterion(
            "same_line_of_work",
            "4-11c",
            "Within the employee's current line of work (if the series differ, the "
            "determination is documented in the case file)",
            status(inputs.same_line_of_work),
            "Is the new position in the same line of work (no significant difference in the "
            "KSAs required)?",
        ),
        criterion(
            "not_to_supervisory",
            "4-11c",
            "Not a promotion from a nonsupervisory to a supervisory position",
            status(None if to_supervisor is None else not to_supervisor),
            "Is the current position nonsupervisory and the new one supervisory?",
        ),
    ]
    return checklist(
        "grade_band_promotion_eligibility",
        inputs.model_dump(mode="json"),
        BAND_RULE,
        rows,
        verdict_all(rows),
        notes=["A grade band promotion is noncompetitive, temporary or permanent."],
    )


_SUPERVISORY = re.compile(r"\b(non-?)?supervisory\b|\b(not )?an? supervisor\b")
_TO_TARGET = re.compile(r"\b(?:to|into) (?:an?|the)(?: [\w-]+)? $")
_I_AM = re.compile(r"\b(?:i am|i'm|i’m|im)\b[^.?!]*$")


def _supervisory_roles(facts: Facts, question: str) -> tuple[bool | None, bool | None]:
    """(current position supervisory?, new position supervisory?) as the question says.

    With two grades, each "(non)supervisory" belongs to the grade written next to it
    ("a nonsupervisory GS-14 ... a GS-15 supervisory position"); otherwise "to a supervisory
    job" describes the new position and "I'm a supervisor" the current one. Conflicting
    words leave the role unknown.
    """
    low = question.lower()
    found = [g for g in facts.grades if g.grade is not None][:2]
    seen: dict[int, set[bool]] = {0: set(), 1: set()}
    for m in _SUPERVISORY.finditer(low):
        value = not (m.group(1) or m.group(2))
        role: int | None = None
        if len(found) == 2:
            gaps = [max(g.start - m.end(), m.start() - g.end) for g in found]
            role = gaps.index(min(gaps)) if min(gaps) <= 30 else None
        elif _TO_TARGET.search(low[: m.start()]):
            role = 1
        elif _I_AM.search(low[: m.start()]):
            role = 0
        if role is not None:
            seen[role].add(value)
    current, target = (next(iter(v)) if len(v) == 1 else None for v in seen.values())
    return current, target


def _band_from_facts(facts: Facts, question: str) -> GradeBandInputs:
    found = grades(facts)
    current, target = _supervisory_roles(facts, question)
    return GradeBandInputs(
        current_grade=found[0] if found else None,
        target_grade=found[1] if len(found) > 1 else None,
        same_servicing_cpo=flag(facts, "same_servicing_cpo"),
        same_line_of_work=flag(facts, "same_line_of_work"),
        currently_supervisory=current,
        target_supervisory=target,
    )


GRADE_BAND_PROMOTION_ELIGIBILITY = Calculator(
    name="grade_band_promotion_eligibility",
    title="Grade band promotion eligibility",
    kind="eligibility",
    rule=BAND_RULE,
    inputs=GradeBandInputs,
    run=grade_band_promotion_eligibility,
    triggers=(
        BAND_TOPIC,
        asks_eligibility(BAND_TOPIC),
    ),
    from_facts=_band_from_facts,
    extra_rules=(SUPERVISORY_RULE,),
)
