"""The checklists for moves between positions, as rows: the step increase on reassignment
(para 6-6) and the grade band promotion (para 4-11c), with how each is read from a question.

Each input left out is an unknown criterion with a question to ask. Grade bands: the
extracted Figure 3-1 lost the Band 2/3 boundary; it is taken from outside sources (Army CPOL
DCIPS grade bands; HQDA DAMI-CP memo of 2 Apr 1992; shared/reference/facts.md §9), as the
corpus note under Figure 3-1 says. The step amount itself is computed in ``pay_steps.py``;
the rows are run by ``checklist_engine``. No I/O.
"""

from __future__ import annotations

import re

from advisor.calculators.base import CalculatorError, Context, ar_rule
from advisor.calculators.checklist_engine import (
    Checklist,
    Criterion,
    Input,
    Outcome,
    every,
    not_all,
    status,
    yes,
)
from advisor.calculators.eligibility_common import (
    CONDITIONS_6_1B,
    NEED_INPUT,
    NEED_RULE,
    PURPOSE_INPUT,
    PURPOSE_RULE,
)
from advisor.calculators.facts import Facts
from advisor.calculators.pay_steps import REASSIGN_RULE

COMMUTING_RULE = ar_rule(
    "6-6",
    "This pay increase may not be used for reassignment of a CIPMS employee (regardless of "
    "employing department) within the same geographic commuting area.",
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


def higher_grade(_: Context, current: int | None, target: int | None) -> Outcome:
    """4-11c: the new grade is above the current one."""
    if current is None or target is None:
        return "unknown", ""
    return status(target > current), f"GS-{current} to GS-{target}"


def within_band(_: Context, current: int | None, target: int | None) -> Outcome:
    """4-11c: both grades in the same band of Figure 3-1; the band of each grade known is
    what was found."""
    bands = {g: band_of(g) for g in (current, target) if g is not None}
    found = ", ".join(f"GS-{g}: Band {b}" for g, b in bands.items())
    if current is None or target is None:
        return "unknown", found
    return status(bands[current] == bands[target]), found


def not_to_supervisory(_: Context, now: bool | None, new: bool | None) -> Outcome:
    """4-11c: not from a nonsupervisory position (``now`` False) to a supervisory one."""
    up = every((None if now is None else not now, new))
    return status(None if up is None else not up)


_SUPERVISORY = re.compile(r"\b(non-?)?supervisory\b|\b(not )?an? supervisor\b"
                          r"|\b(?:which|that|who) supervises (?:\d+|a team|a staff|several|\w+ (?:people|employees))")
_TO_TARGET = re.compile(r"\b(?:to|into) (?:an?|the)(?: [\w-]+){0,3} \(?$")  # "into a team chief (supervisory)"
_FROM_CURRENT = re.compile(r"\bfrom (?:my|an?|the|her|his|their)(?: [\w-]+)? $")  # "from my nonsupervisory job"
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
            unseen = [k for k in (0, 1) if not seen[k]]
            if role is None and re.search(r"\balso\s+$", low[: m.start()]) and len(unseen) == 1:
                role = unseen[0]  # "…, also nonsupervisory": the position not yet described
        elif _TO_TARGET.search(low[: m.start()]):
            role = 1
        elif _FROM_CURRENT.search(low[: m.start()]) or _I_AM.search(low[: m.start()]):
            role = 0
        if role is not None:
            seen[role].add(value)
    current, target = (next(iter(v)) if len(v) == 1 else None for v in seen.values())
    return current, target


REASSIGNMENT_STEP_ELIGIBILITY = Checklist(
    name="reassignment_step_eligibility",
    title="Step increase on reassignment eligibility",
    rule=REASSIGN_RULE,
    extra_rules=(COMMUTING_RULE, PURPOSE_RULE, NEED_RULE),
    inputs=(
        Input("current_federal_employee", bool, "A current Federal employee?"),
        Input("same_grade", bool, "Is the new position at the grade currently held?"),
        Input("currently_cipms", bool, "A current CIPMS employee?"),
        Input("same_commuting_area", bool,
              "Is the new position in the same geographic commuting area?"),
        PURPOSE_INPUT,
        NEED_INPUT,
    ),
    criteria=(
        Criterion(id="federal_employee", section="6-6", needs=("current_federal_employee",),
                  test=yes, text="A current Federal employee (a current CIPMS employee included)",
                  ask="Is the person a current Federal employee?"),
        Criterion(id="reassignment", section="6-6", needs=("same_grade",), test=yes,
                  text="A reassignment: a different position at the grade level currently held",
                  ask="Is the new position at the same grade as the current one?"),
        *CONDITIONS_6_1B,
        # Barred only for a CIPMS employee moving within the same commuting area.
        Criterion(id="not_local_cipms", section="6-6",
                  needs=("currently_cipms", "same_commuting_area"), test=not_all,
                  text="Not a reassignment of a CIPMS employee within the same geographic "
                       "commuting area",
                  ask="Is the employee in CIPMS now, and is the new position in the same "
                      "geographic commuting area?"),
    ),
)

GRADE_BAND_PROMOTION_ELIGIBILITY = Checklist(
    name="grade_band_promotion_eligibility",
    title="Grade band promotion eligibility",
    rule=BAND_RULE,
    extra_rules=(SUPERVISORY_RULE,),
    inputs=(
        Input("current_grade", int, "Current GS grade, 1-18."),
        Input("target_grade", int, "Grade of the new position, 1-18."),
        Input("same_servicing_cpo", bool, "Within the scope of the same servicing CPO?"),
        Input("same_line_of_work", bool, "Within the current line of work (alike enough that "
              "the KSAs do not differ significantly)?"),
        Input("currently_supervisory", bool, "Is the current position supervisory?"),
        Input("target_supervisory", bool, "Is the new position supervisory?"),
    ),
    criteria=(
        Criterion(id="same_cpo", section="4-11c", needs=("same_servicing_cpo",), test=yes,
                  text="The position is within the scope of the same servicing CPO",
                  ask="Is the new position serviced by the same CPO?"),
        Criterion(id="higher_grade", section="4-11c", needs=("current_grade", "target_grade"),
                  test=higher_grade, text="At a higher grade level",
                  ask="What are the current grade and the grade of the new position?"),
        Criterion(id="same_band", section="4-11c", needs=("current_grade", "target_grade"),
                  test=within_band,
                  text="The higher grade falls within the employee's current grade band "
                       f"({BAND_SOURCE})",
                  ask="What are the current grade and the grade of the new position?"),
        Criterion(id="same_line_of_work", section="4-11c", needs=("same_line_of_work",),
                  test=yes,
                  text="Within the employee's current line of work (if the series differ, the "
                       "determination is documented in the case file)",
                  ask="Is the new position in the same line of work (no significant difference "
                      "in the KSAs required)?"),
        Criterion(id="not_to_supervisory", section="4-11c",
                  needs=("currently_supervisory", "target_supervisory"), test=not_to_supervisory,
                  text="Not a promotion from a nonsupervisory to a supervisory position",
                  ask="Is the current position nonsupervisory and the new one supervisory?"),
    ),
    note="A grade band promotion is noncompetitive, temporary or permanent.",
)
