"""The checklists about an employee's standing, as rows: whether a trial period is required
(para 4-7), MSPB appeal rights (para 9-5a) and consideration for the competitive service
(Figure 4-1), with how each is read from a question.

Each input left out is an unknown criterion with a question to ask. The matching dates (end of
the trial period, the 1-year marks) are computed by the deadline rows; these rows are run by
``checklist_engine``. No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from advisor.calculators.base import ar_rule
from advisor.calculators.checklist_engine import (
    Checklist,
    Criterion,
    Input,
    no,
    verdict_any,
    yes,
)
from advisor.calculators.eligibility_common import one_year_of_service

TRIAL_RULE = ar_rule(
    "4-7",
    "All new employees will serve a 1-year trial period. A new employee who has previously "
    "completed a trial or probationary period in either the excepted or the competitive service "
    "need not serve another trial period.",
)
MSPB_RULE = ar_rule(
    "9-5a",
    "Preference-eligible CIPMS employees who have completed 1 year of current continuous service "
    "in the same or similar positions retain all appeal rights to the Merit Systems Protection "
    "Board (MSPB) on matters under MSPB jurisdiction.",
)
COMPETITIVE_RULE = ar_rule(
    "Figure 4-1",
    "I understand in accordance with an agreement between the Office of Personnel Management "
    "(OPM) and DOD, effective March 9, 1990, I may be considered for a position in the "
    "competitive service after serving continuously for at least 1 year in a CIPMS position.",
)
# The other two routes; a rule of its own so each quote fits in one indexed chunk.
COMPETITIVE_OTHER_RULE = ar_rule(
    "Figure 4-1",
    "Otherwise, I understand that I may be considered for a position in the competitive service "
    "only if: (1) I have personal competitive status by virtue of previous employment in the "
    "competitive service or, (2) after I have passed an open competitive examination conducted "
    "by or under the guidelines of the OPM.",
)

# Words just before a length of service ("been in my CIPMS job for five years").
_SERVED = r"\b(?:for|served|serving|been|with)\b"
_NOT_SERVICE = r"\bago\b|temporar|\bdetail|suspen|agreement"


TRIAL_PERIOD_REQUIRED = Checklist(
    name="trial_period_required",
    title="Is a trial period required?",
    rule=TRIAL_RULE,
    inputs=(
        Input("new_employee", bool, "Is the person a new employee?"),
        Input("completed_prior_trial_or_probation", bool, "Has the person already completed a "
              "trial or probationary period in the excepted or competitive service?"),
    ),
    criteria=(
        Criterion(id="new_employee", section="4-7", needs=("new_employee",), test=yes,
                  text="A new employee", ask="Is the person a new employee?"),
        Criterion(id="no_prior_trial", section="4-7",
                  needs=("completed_prior_trial_or_probation",), test=no,
                  text="Has not already completed a trial or probationary period in the "
                       "excepted or competitive service",
                  ask="Has the person already completed a trial or probationary period in the "
                      "excepted or competitive service (FPM chapter 315 guidelines decide)?"),
    ),
    meaning=("a 1-year trial period is required", "no trial period is required"),
    note=("The probationary period for new supervisors and managers does not apply to CIPMS "
           "(para 4-1a)."),
)

MSPB_APPEAL_RIGHTS = Checklist(
    name="mspb_appeal_rights",
    title="MSPB appeal rights",
    rule=MSPB_RULE,
    inputs=(
        Input("preference_eligible", bool, "Is the employee preference eligible?"),
        Input("service_start_date", date,
              "Start of current continuous service in the same or similar positions."),
        Input("years_of_service", Decimal,
              "Length of that service in years, when no start date is given."),
        Input("mspb_jurisdiction", bool, "Is the matter under MSPB jurisdiction?"),
    ),
    criteria=(
        Criterion(id="preference_eligible", section="9-5a", needs=("preference_eligible",),
                  test=yes, text="Preference eligible",
                  ask="Is the employee preference eligible (veterans' preference)?"),
        Criterion(id="one_year", section="9-5a", needs=("service_start_date", "years_of_service"),
                  test=one_year_of_service,
                  text="Completed 1 year of current continuous service in the same or similar "
                       "positions",
                  ask="When did the current continuous service in the same or similar positions "
                      "begin?"),
        Criterion(id="jurisdiction", section="9-5a", needs=("mspb_jurisdiction",), test=yes,
                  text="The matter is under MSPB jurisdiction (5 U.S.C. 7511)",
                  ask="Is the action one the MSPB hears (e.g. an adverse action)?"),
    ),
    meaning=("MSPB appeal rights are retained", "para 9-5a gives no MSPB appeal rights"),
    note=("Para 9-5a states these rights for preference eligibles only; classification and "
           "special termination appeals follow chapters 3 and 10 (para 9-5b)."),
)

COMPETITIVE_SERVICE_ELIGIBILITY = Checklist(
    name="competitive_service_eligibility",
    title="Consideration for the competitive service",
    rule=COMPETITIVE_RULE,
    extra_rules=(COMPETITIVE_OTHER_RULE,),
    inputs=(
        Input("cipms_service_start", date, "Start of continuous service in a CIPMS position."),
        Input("cipms_service_years", Decimal,
              "Length of that service in years, when no start date is given."),
        Input("has_competitive_status", bool,
              "Personal competitive status from earlier competitive-service employment?"),
        Input("passed_open_competitive_exam", bool,
              "Passed an open competitive examination conducted by or under OPM guidelines?"),
    ),
    criteria=(
        Criterion(id="one_year_cipms", section="Figure 4-1",
                  needs=("cipms_service_start", "cipms_service_years"), test=one_year_of_service,
                  text="Served continuously for at least 1 year in a CIPMS position",
                  ask="When did continuous service in a CIPMS position begin?"),
        Criterion(id="competitive_status", section="Figure 4-1",
                  needs=("has_competitive_status",), test=yes,
                  text="Personal competitive status from previous employment in the competitive "
                       "service",
                  ask="Does the employee have competitive status from earlier "
                      "competitive-service employment?"),
        Criterion(id="open_exam", section="Figure 4-1", needs=("passed_open_competitive_exam",),
                  test=yes,
                  text="Passed an open competitive examination conducted by or under the "
                       "guidelines of OPM",
                  ask="Has the employee passed an open competitive examination under OPM "
                      "guidelines?"),
    ),
    verdict=verdict_any,  # Figure 4-1 item 2b: any one route allows consideration
    meaning=("may be considered for competitive-service positions",
             "may not yet be considered for competitive-service positions"),
    note=("Any one route suffices. A CIPMS appointment itself does not confer competitive "
           "status (Figure 4-1, item 2a)."),
)
