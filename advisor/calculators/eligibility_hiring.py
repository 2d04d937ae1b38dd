"""The checklists for hiring incentives, as rows: the premium recruitment bonus (paras 6-3,
6-1b) and the advanced hiring salary (para 6-4), with how each is read from a question.

Each input left out is an unknown criterion with a question to ask. The amounts are computed
in ``pay_hiring.py``, the dates the 90-day breaks are met by the deadline rows; the rows are
run by ``checklist_engine``. No I/O.
"""

from __future__ import annotations

from datetime import date

from advisor.calculators.base import ar_rule
from advisor.calculators.checklist_engine import Checklist, Criterion, Input, no, yes
from advisor.calculators.eligibility_common import (
    CONDITIONS_6_1B,
    NEED_INPUT,
    NEED_RULE,
    PURPOSE_INPUT,
    PURPOSE_RULE,
    break_of_90_days,
)
from advisor.calculators.fact_access import date_after, duration_years, flag
from advisor.calculators.facts import Facts
from advisor.calculators.pay_hiring import (
    AGREEMENT_RULE,
    AGREEMENT_YEARS,
)

BONUS_RULE = ar_rule(
    "6-3",
    "This is a once-in-a-lifetime payment over and above scheduled basic salary and benefits to "
    "a new CIPMS employee upon selection under the conditions described in paragraph 6-1b. For "
    "this purpose, a new CIPMS employee is defined as one who is not currently serving in a "
    "CIPMS position and, if a former Federal employee, has a break of at least 90 days since "
    "last holding a CIPMS position.",
)
ADVANCED_RULE = ar_rule(
    "6-4a",
    "A new employee is defined for this purpose as one who is not currently on the rolls of a "
    "Federal agency as a civilian and, if a former Federal civilian employee, has a break of at "
    "least 90 days since last holding a Federal civilian position of any type.",
)
ADVANCED_NEED_RULE = ar_rule(
    "6-4b",
    "This authority may only be used when needed to recruit an applicant under the conditions "
    "described in paragraph 6-1b.",
)

# Words just before the day someone last held a position ("left my CIPMS job 60 days ago").
LEFT_WORDS = r"\b(?:left|quit|resigned|separated|retired)\b"


def last_day(facts: Facts, question: str, held_before: bool | None) -> date | None:
    """The day a position was left, read only when the question says it was held."""
    return date_after(facts, question, LEFT_WORDS) if held_before else None


def _agreement(facts: Facts, question: str) -> bool | None:
    """6-3b: a service agreement of 1 to 3 years; its length must be said."""
    signed = flag(facts, "service_agreement")
    if signed is not True:
        return signed
    length = duration_years(facts, question, r"\bsign|\bagree|\bserve")
    fewest, most = AGREEMENT_YEARS
    return None if length is None else fewest <= length <= most


RECRUITMENT_BONUS_ELIGIBILITY = Checklist(
    name="recruitment_bonus_eligibility",
    title="Recruitment bonus eligibility",
    rule=BONUS_RULE,
    extra_rules=(AGREEMENT_RULE, PURPOSE_RULE, NEED_RULE),
    inputs=(
        Input("currently_in_cipms", bool, "Serving in a CIPMS position now?"),
        Input("held_cipms_before", bool, "Ever held a CIPMS position?"),
        Input("last_cipms_position_end", date, "Last day in a CIPMS position."),
        Input("selected_for_cipms_position", bool, "Selected for a CIPMS position?"),
        Input("received_bonus_before", bool, "Ever received this bonus?"),
        PURPOSE_INPUT,
        NEED_INPUT,
        Input("service_agreement", bool,
              "Will sign DA Form 5935-R for 1 to 3 years of service (6-3b, 6-3c)?"),
    ),
    criteria=(
        Criterion(id="not_in_cipms", section="6-3", needs=("currently_in_cipms",), test=no,
                  text="Not currently serving in a CIPMS position",
                  ask="Is the person serving in a CIPMS position now?"),
        Criterion(id="break_90_days", section="6-3",
                  needs=("held_cipms_before", "last_cipms_position_end"), test=break_of_90_days,
                  text="If a former Federal employee, a break of at least 90 days since last "
                       "holding a CIPMS position",
                  ask="Has the person held a CIPMS position before, and if so what was the last "
                      "day?"),
        Criterion(id="selected", section="6-3", needs=("selected_for_cipms_position",), test=yes,
                  text="Selected for a CIPMS position",
                  ask="Has the person been selected for a CIPMS position?"),
        Criterion(id="once_in_lifetime", section="6-3", needs=("received_bonus_before",), test=no,
                  text="Never received this bonus before (once in a lifetime)",
                  ask="Has the person ever received a CIPMS premium recruitment bonus?"),
        *CONDITIONS_6_1B,
        Criterion(id="service_agreement", section="6-3b", needs=("service_agreement",), test=yes,
                  text="Agrees to serve 1 to 3 years in an Army CIPMS position, on DA Form "
                       "5935-R completed before payment (6-3c)",
                  ask="Will the person sign a service agreement (DA Form 5935-R) for 1 to 3 "
                      "years?"),
    ),
    note="1990 CIPMS rule; current recruitment incentives follow other rules.",
)

ADVANCED_HIRING_ELIGIBILITY = Checklist(
    name="advanced_hiring_eligibility",
    title="Advanced hiring salary eligibility",
    rule=ADVANCED_RULE,
    extra_rules=(ADVANCED_NEED_RULE, PURPOSE_RULE, NEED_RULE),
    inputs=(
        Input("on_federal_rolls", bool, "On the rolls of a Federal agency as a civilian now?"),
        Input("held_federal_civilian_before", bool, "Ever held a Federal civilian position?"),
        Input("last_federal_position_end", date, "Last day in a Federal civilian position."),
        PURPOSE_INPUT,
        NEED_INPUT,
    ),
    criteria=(
        Criterion(id="not_on_rolls", section="6-4a", needs=("on_federal_rolls",), test=no,
                  text="Not currently on the rolls of a Federal agency as a civilian",
                  ask="Is the applicant on the rolls of a Federal agency as a civilian now?"),
        Criterion(id="break_90_days", section="6-4a",
                  needs=("held_federal_civilian_before", "last_federal_position_end"),
                  test=break_of_90_days,
                  text="If a former Federal civilian employee, a break of at least 90 days since "
                       "last holding a Federal civilian position of any type",
                  ask="Has the applicant held a Federal civilian position before, and if so what "
                      "was the last day?"),
        *CONDITIONS_6_1B,
    ),
)
