"""What the intake knows of each pay calculator and eligibility checklist, as data.

For each: a description and example questions in everyday words (what the intake matches a
question against), and its facts (``FactSpec``): the role each input plays, the one plain
question that asks for it, the words that mark it near a value and, for yes/no facts, the
statement reader that gives it (``facts_flags``). A checklist's ``needs`` (the facts that
settle each criterion) come from its criteria rows, not from here.
The deadlines carry the same data in their own rows (``deadlines.py``). No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.calculators.base import FactSpec

_SALARY = ("salary", "make", "making", "earn", "paid", "pay", "base", "annual", "income", "per year",
           "a year")
_GRADE = ("gs", "grade", "gs-")
# The words of a job offer's amount ("offered me $95k", "an offer of $100,000"); not the verb of
# the question ("the most we could offer someone making $95,000").
_OFFER = ("offered", "job offer", "offer of", "offer for", "offer at", "offer is", "offer was", "offer from",
          "offer pays", "bona fide", "competing", "an offer", "other offer", "the offer", "her offer", "his offer",
          "my offer", "their offer")
_STEP = ("step",)


def _flag(name: str, role: str, ask: str, reads: str | None = None, cues: tuple[str, ...] = ()) -> FactSpec:
    return FactSpec(name=name, type="flag", role=role, ask=ask, reads=reads or name, cues=cues,
                    required=False)


@dataclass(frozen=True)
class Spec:
    description: str
    examples: tuple[str, ...]
    facts: tuple[FactSpec, ...]


_PURPOSE = _flag("meets_6_1b_purpose", "whether it is needed to recruit or retain someone with "
                 "unusually high or unique qualifications or scarce skills, to fill a shortage "
                 "category position, or a position at a remote or undesirable work site",
                 "Is it needed to recruit someone with unusually high or unique qualifications or "
                 "scarce skills, to fill a shortage category position, or to fill a position at a "
                 "remote or undesirable work site?")
_NEED = _flag("documented_need", "whether there is a clearly documented need and a positive cost "
              "benefit", "Is there a clearly documented need and a positive cost benefit?",
              reads="documented_need_and_cost_benefit")

SPECS: dict[str, Spec] = {
    "gs_max_rate": Spec(
        "The highest rate of basic pay payable (the GS-15 step 10 cap), and whether a proposed "
        "salary is above it.",
        ("what is the maximum salary a CIPMS employee can be paid?",
         "can my pay go above the GS-15 step 10 rate?", "is $170,000 over the pay cap?"),
        (FactSpec(name="proposed_salary", type="money", role="the proposed annual rate of basic pay",
                  ask="What annual salary is proposed?", cues=(*_SALARY, "propos", "offer"),
                  required=False),),
    ),
    "recruitment_bonus_range": Spec(
        "How much a premium recruitment bonus can be (its lowest and highest amount), and "
        "whether a proposed bonus fits.",
        ("how much can a CIPMS recruitment bonus be?", "is a $12,000 signing bonus allowed?",
         "what's the range for the premium recruitment bonus?"),
        (FactSpec(name="amount", type="money", role="the proposed bonus amount",
                  ask="What bonus amount is proposed?", cues=("bonus", "incentive", "propos"),
                  avoid=_SALARY, required=False),),
    ),
    "advanced_hiring_salary": Spec(
        "The highest starting salary an advanced hiring (above step 1) offer may pay, based on "
        "the candidate's current pay or another job offer.",
        ("I make $80,000 now, how high can my starting salary be with advanced hiring?",
         "they offered me a job at $95k, can CIPMS match it with an advanced in-hire rate?",
         "what step can I start at if I earn more than step 1?"),
        (FactSpec(name="current_pay", type="money", role="the candidate's current annual pay",
                  ask="What is your current annual rate of pay?", cues=(*_SALARY, "current", "now"),
                  avoid=_OFFER, required=False),
         FactSpec(name="offer", type="money", role="another bona fide job offer (annual)",
                  ask="What is the annual salary of the other job offer?",
                  cues=_OFFER, required=False),
         FactSpec(name="grade", type="grade", role="the GS grade of the position",
                  ask="What GS grade is the position you are being hired into?", cues=_GRADE,
                  required=False)),
    ),
    "reassignment_step_increase": Spec(
        "The salary after an increase of up to two steps on reassignment (para 6-6).",
        ("what would my pay be with the two-step increase on reassignment? I'm a GS-11 step 3",
         "how much is the reassignment step increase for a GS-12 step 5?"),
        (FactSpec(name="grade", type="grade", role="the current GS grade",
                  ask="What is your current GS grade and step (for example GS-12 step 4)?", cues=_GRADE),
         FactSpec(name="step", type="step", role="the current step",
                  ask="What is your current step?", cues=_STEP)),
    ),
    "advance_pay_max": Spec(
        "The most that can be advanced of basic pay to a new appointee in a special-rate "
        "position (two pay periods of basic pay).",
        ("how much of an advance in pay can a new hire get?",
         "what is the maximum advance payment of basic pay on a $90,000 salary?"),
        (FactSpec(name="annual_salary", type="money", role="the annual rate of basic pay",
                  ask="What is the annual rate of basic pay of the position?", cues=_SALARY),
         _flag("special_rate_position", "whether OPM or DOD authorized a special salary rate for "
               "the position", "Has OPM or DOD authorized a special salary rate for the position?",
               reads="special_salary_rate")),
    ),
    "award_approval_level": Spec(
        "Who approves a monetary award of a given amount (awards over a threshold go to HQDA).",
        ("who has to approve a $12,000 award?", "does a $5,000 cash award need HQDA approval?",
         "who signs off on a large monetary award?"),
        (FactSpec(name="amount", type="money", role="the monetary award amount",
                  ask="How much is the award?", cues=("award", "cash", "bonus", "monetary")),),
    ),
    "recognition_budget": Spec(
        "How much an organization should budget each year for monetary awards (a percentage of "
        "aggregate CIPMS salaries), and how many employees to recognize.",
        ("how much should we budget for awards if our CIPMS payroll is $4 million?",
         "what award budget is recommended for an organization?"),
        (FactSpec(name="aggregate_salaries", type="money",
                  role="the aggregate annual salaries of the organization's CIPMS employees",
                  ask="What are the total (aggregate) annual salaries of the organization's CIPMS "
                      "employees?", cues=("payroll", "aggregate", "total", "salaries", "combined")),
         FactSpec(name="workforce", type="count", role="the number of CIPMS employees",
                  ask="How many CIPMS employees does the organization have?",
                  cues=("employees", "people", "staff", "workforce", "work force"), required=False)),
    ),
    "performance_award_range": Spec(
        "The recommended performance award amount range for a rating of record, as a "
        "percentage of base salary.",
        ("what's the recommended performance award for an Exceptional rating?",
         "I was rated Highly Successful and make $70,000, how big should my award be?",
         "how much is a performance award for fully successful?"),
        (FactSpec(name="salary", type="money", role="the employee's annual base salary",
                  ask="What is your annual base salary?", cues=_SALARY, avoid=("award", "bonus")),
         FactSpec(name="rating", type="rating", role="the rating of record",
                  ask="What was your rating of record for the most recent rating period (for "
                      "example Exceptional or Highly Successful)?",
                  cues=("rated", "rating", "appraisal")),
         _flag("element_exceeded", "whether at least one critical or noncritical element was "
               "exceeded", "Was at least one critical or noncritical element exceeded?")),
    ),
    "epa_pay": Spec(
        "The new salary after an Exemplary Performance Award (two quality step increases).",
        ("how much would an EPA raise my pay? I'm a GS-13 step 4",
         "what is my salary after an exemplary performance award at GS-12 step 9?"),
        (FactSpec(name="grade", type="grade", role="the current GS grade",
                  ask="What is your current GS grade and step (for example GS-12 step 4)?", cues=_GRADE),
         FactSpec(name="step", type="step", role="the current step",
                  ask="What is your current step?", cues=_STEP)),
    ),
    "performance_award_eligibility": Spec(
        "Whether an employee can receive a performance award, given the rating of record.",
        ("can I get a performance award with a fully successful rating?",
         "am I eligible for a performance award if I was rated minimally acceptable?"),
        (FactSpec(name="rating", type="rating", role="the rating of record",
                  ask="What was your rating of record for the most recent rating period?",
                  cues=("rated", "rating", "appraisal", "this year", "most recent", "of record", "latest",
                        "came in"),
                  avoid=("last year", "previous", "prior", "year before", "used to"), required=False),
         _flag("element_exceeded", "whether at least one critical or noncritical element was "
               "exceeded", "Was at least one critical or noncritical element exceeded in that "
               "rating?")),
    ),
    "epa_eligibility": Spec(
        "Whether an employee qualifies for an Exemplary Performance Award (EPA): GS CIPMS, "
        "Exceptional ratings in a row, time at the same grade, no recent EPA.",
        ("can I get an EPA? I've been rated Exceptional three years in a row",
         "am I eligible for the exemplary performance award?",
         "does my employee qualify for an EPA if she had a temporary promotion?"),
        (_flag("gs_cipms_employee", "whether the employee is a GS CIPMS employee",
               "Is the employee a GS employee in a CIPMS position?", reads="gs_cipms_employee"),
         FactSpec(name="consecutive_exceptional_ratings", type="count",
                  role="how many consecutive annual ratings, ending with the current one, are "
                       "Exceptional",
                  ask="Were the current and the two preceding annual ratings all Exceptional?",
                  reads="exceptional_streak", required=False),
         FactSpec(name="years_in_grade", type="years", role="the years at the current grade",
                  ask="Has the employee been at the same grade for the last 3 years?",
                  reads="years_in_grade", required=False),
         _flag("prior_epa", "whether the employee has received an EPA before",
               "Has the employee received an EPA before (and if so, on what date)?"),
         FactSpec(name="last_epa_date", type="date", role="the date of the last EPA",
                  ask="On what date was the last EPA received?", reads="last_epa_date",
                  cues=("epa", "exemplary"), required=False),
         FactSpec(name="step", type="step", role="the current step",
                  ask="What is the employee's current step?", cues=_STEP, required=False)),
    ),
    "recruitment_bonus_eligibility": Spec(
        "Whether someone can receive the once-in-a-lifetime CIPMS premium recruitment bonus: a "
        "new CIPMS employee, selected, never paid it before, the 6-1b conditions, a service "
        "agreement.",
        ("can I get a recruitment bonus when I'm hired into CIPMS?",
         "I got a CIPMS recruitment bonus in 2019, can I get another one?",
         "does a new hire from outside government qualify for the premium recruitment bonus?"),
        (_flag("currently_in_cipms", "whether the person is serving in a CIPMS position now",
               "Are you serving in a CIPMS position now?", reads="cipms_employee"),
         _flag("held_cipms_before", "whether the person has held a CIPMS position before",
               "Have you held a CIPMS position before?"),
         FactSpec(name="last_cipms_position_end", type="date",
                  role="the last day the person held a CIPMS position",
                  ask="A break of at least 90 days is needed: on what date did you last hold a CIPMS "
                      "position?", reads="last_day_left",
                  required=False),
         _flag("selected_for_cipms_position", "whether the person has been selected for a CIPMS "
               "position", "Have you been selected for a CIPMS position?", reads="selected_for_cipms"),
         _flag("received_bonus_before", "whether the person has ever received this bonus",
               "Have you ever received a CIPMS premium recruitment bonus?"),
         _PURPOSE, _NEED,
         _flag("service_agreement", "whether the person will sign a service agreement for 1 to 3 "
               "years", "Will you sign a service agreement (DA Form 5935-R) for 1 to 3 years of "
               "service?", reads="service_agreement_with_length")),
    ),
    "advanced_hiring_eligibility": Spec(
        "Whether a new hire can be paid an advanced hiring salary (above the first step): not "
        "on federal rolls, a 90-day break if a former federal employee, the 6-1b conditions.",
        ("can I be hired above step 1 since I'm coming from private industry?",
         "does a former federal employee qualify for an advanced hiring salary?"),
        (_flag("on_federal_rolls", "whether the person is on the rolls of a Federal agency as a "
               "civilian now", "Are you on the rolls of a Federal agency as a civilian now?",
               reads="federal_employee"),
         _flag("held_federal_civilian_before", "whether the person has held a Federal civilian "
               "position before", "Have you held a Federal civilian position before?",
               reads="held_federal_before"),
         FactSpec(name="last_federal_position_end", type="date",
                  role="the last day the person held a Federal civilian position",
                  ask="A break of at least 90 days is needed: on what date did you last hold a "
                      "Federal civilian position?",
                  reads="last_day_left", required=False),
         _PURPOSE, _NEED),
    ),
    "trial_period_required": Spec(
        "Whether a new CIPMS employee has to serve a trial period, or is exempt because of an "
        "earlier completed trial or probationary period.",
        ("do I have to serve a trial period if I already finished probation in the competitive service?",
         "is a trial period required for new CIPMS employees?"),
        (_flag("new_employee", "whether the person is a new employee", "Are you a new employee?"),
         _flag("completed_prior_trial_or_probation", "whether the person already completed a "
               "trial or probationary period in the excepted or competitive service",
               "Have you already completed a trial or probationary period in the excepted or "
               "competitive service?", reads="completed_probation")),
    ),
    "grade_band_promotion_eligibility": Spec(
        "Whether a promotion can be made noncompetitively as a grade band promotion: same "
        "servicing CPO, a higher grade in the same grade band, the same line of work, not into a "
        "supervisory job.",
        ("can I be promoted from GS-7 to GS-9 without competing, as a grade band promotion?",
         "does a grade band promotion work from a nonsupervisory to a supervisory job?"),
        (FactSpec(name="current_grade", type="grade", role="the current GS grade",
                  ask="What is your current GS grade?",
                  cues=("from", "current", "now", "i'm a", "i am", "i'm", "currently", "as a", "my grade",
                        "here", "been a", "employee is a", "she is a", "he is a", "she's a", "he's a",
                        "i've got a", "i have a"),
                  required=False),
         FactSpec(name="target_grade", type="grade", role="the grade of the new position",
                  ask="What is the grade of the new position?",
                  cues=("to", "new", "into", "target", "job", "position", "want", "applying", "looking at", "the job is",
                        "slot", "opening", "vacancy", "billet", "there's a", "there is a"),
                  required=False),
         _flag("same_servicing_cpo", "whether the new position is within the scope of the same "
               "servicing CPO", "Is the new position serviced by the same CPO?"),
         _flag("same_line_of_work", "whether the new position is within the current line of work",
               "Is the new position in the same line of work (no significant difference in the "
               "knowledge, skills and abilities required)?"),
         _flag("currently_supervisory", "whether the current position is supervisory",
               "Is your current position supervisory?", reads="current_supervisory"),
         _flag("target_supervisory", "whether the new position is supervisory",
               "Is the new position supervisory?", reads="target_supervisory")),
    ),
    "cipms_coverage": Spec(
        "Whether a position (by its occupational series) is covered by CIPMS, and the groups "
        "that are excluded.",
        ("is a GS-0132 intelligence specialist position covered by CIPMS?",
         "are GS-0080 security specialists in CIPMS?", "is my 1712 training job under CIPMS?"),
        (FactSpec(name="series", type="series", role="the position's occupational series",
                  ask="What is the position's occupational series (for example 0132)?",
                  cues=("series", "gs-", "position"), required=False),
         FactSpec(name="intelligence_duties_percent", type="percent",
                  role="the share of the duties that are intelligence-related",
                  ask="What share of the position's duties is intelligence-related?",
                  cues=("percent", "%", "intelligence"), required=False),
         _flag("intelligence_mission_organization", "whether the position is in an organization "
               "performing an intelligence mission", "Is the position in an organization "
               "performing an intelligence mission?", reads="intelligence_mission_org"),
         _flag("requires_intelligence_ksas", "whether the position requires intelligence-related "
               "knowledge, skills and abilities", "Does the position require intelligence-related "
               "knowledge, skills and abilities?"),
         _flag("scientific_technical_intelligence", "whether it is a scientific or technical position "
               "engaged in targeting or the engineering, physical or technical sciences in an "
               "intelligence function", "Is it a scientific or technical position engaged in "
               "targeting or the engineering, physical or technical sciences in an intelligence "
               "function?", reads="none"),
         _flag("two_grade_interval", "whether the position is classified in a two-grade interval series",
               "Is the position classified in a two-grade interval series?", reads="none"),
         _flag("schedule_a_213_3106d", "whether the position is filled under Schedule A, section "
               "213.3106(d)(1) or (2)", "Is the position filled under Schedule A, section 213.3106(d)(1) "
               "or (2)?"),
         _flag("nonclerical", "whether the position is nonclerical", "Is the position nonclerical?"),
         _flag("excluded_category", "whether the employee is a National Guard technician, a "
               "nonappropriated fund employee or a local national employee",
               "Are you a National Guard technician, a nonappropriated fund employee or a local "
               "national employee?", reads="excluded_category")),
    ),
    "mspb_appeal_rights": Spec(
        "Whether a CIPMS employee has appeal rights to the Merit Systems Protection Board (MSPB): "
        "preference eligible, a year of current continuous service, a matter under MSPB "
        "jurisdiction.",
        ("do I have MSPB appeal rights as a CIPMS employee?",
         "I'm a preference eligible with 2 years in my job, can I appeal to the MSPB?",
         "can a non-veteran CIPMS employee appeal a removal to MSPB?"),
        (_flag("preference_eligible", "whether the employee is preference eligible",
               "Are you preference eligible (veterans' preference)?"),
         FactSpec(name="service_start_date", type="date",
                  role="the start of current continuous service in the same or similar positions",
                  ask="When did your current continuous service in the same or similar positions "
                      "begin?", cues=("start", "began", "since", "hired", "appointed"), required=False),
         FactSpec(name="years_of_service", type="years", role="the length of that service in years",
                  ask="How long have you served continuously in the same or similar positions?",
                  reads="years_of_service", required=False),
         _flag("mspb_jurisdiction", "whether the matter is under MSPB jurisdiction",
               "Is the action one the MSPB hears (for example an adverse action such as a "
               "removal or suspension)?", reads="adverse_action")),
    ),
    "competitive_service_eligibility": Spec(
        "Whether a CIPMS employee may be considered for a competitive service position: a year "
        "of continuous CIPMS service, competitive status, or an open competitive examination.",
        ("can I apply to competitive service jobs from CIPMS?",
         "I've been in CIPMS for 8 months, can I be considered for a competitive service position?"),
        (FactSpec(name="cipms_service_start", type="date",
                  role="the start of continuous service in a CIPMS position",
                  ask="When did your continuous service in a CIPMS position begin?",
                  cues=("start", "began", "since", "joined", "cipms"), required=False),
         FactSpec(name="cipms_service_years", type="years", role="the length of that service in years",
                  ask="How long have you served continuously in a CIPMS position?",
                  reads="years_of_service", required=False),
         _flag("has_competitive_status", "whether the employee has competitive status from earlier "
               "competitive-service employment", "Do you have competitive status from earlier "
               "employment in the competitive service?", reads="none"),
         _flag("passed_open_competitive_exam", "whether the employee passed an open competitive "
               "examination under OPM guidelines", "Have you passed an open competitive "
               "examination conducted by or under the guidelines of OPM?", reads="none")),
    ),
    "reassignment_step_eligibility": Spec(
        "Whether an employee can get up to two steps on reassignment: a current federal "
        "employee, the same grade, the 6-1b conditions, not a CIPMS move within the same "
        "commuting area.",
        ("can I get a step increase for a reassignment to another CIPMS job in the same city?",
         "does a lateral reassignment qualify for the two-step increase?"),
        (_flag("current_federal_employee", "whether the person is a current Federal employee",
               "Are you a current Federal employee?", reads="federal_employee"),
         _flag("same_grade", "whether the new position is at the grade currently held",
               "Is the new position at the same grade as your current one?"),
         _flag("currently_cipms", "whether the person is a current CIPMS employee",
               "Are you a CIPMS employee now?", reads="cipms_employee"),
         _flag("same_commuting_area", "whether the new position is in the same geographic "
               "commuting area", "Is the new position in the same geographic commuting area?"),
         _PURPOSE, _NEED),
    ),
}


# What a user writes when a yes/no fact is true, in plain first-person words: the intake's
# statement reader compares each clause of a turn with these (sentence model) and reads the
# clause's negation ("I'm not on any federal rolls" -> False). Facts read by a pattern of
# ``facts_flags`` first; these catch the other phrasings.
SAYS: dict[str, tuple[str, ...]] = {
    "element_exceeded": ("I exceeded a critical or noncritical element", "one of my elements was rated as exceeded"),
    "special_rate_position": ("the position has a special salary rate authorized by OPM",
                              "it is a special rate position", "a DOD special-rate position"),
    "gs_cipms_employee": ("I am a GS employee in CIPMS", "I'm a General Schedule CIPMS employee",
                          "she is a GS CIPMS employee"),
    "prior_epa": ("I have received an EPA before", "I got an exemplary performance award in the past"),
    "currently_in_cipms": ("I am serving in a CIPMS position now", "I currently work in CIPMS"),
    "currently_cipms": ("I am a CIPMS employee now", "I currently work in CIPMS", "I'm a federal employee in CIPMS"),
    "held_cipms_before": ("I held a CIPMS position before", "I used to work in CIPMS"),
    "selected_for_cipms_position": ("I have been selected for a CIPMS position", "I was picked for a CIPMS job"),
    "received_bonus_before": ("I already received a recruitment bonus", "I got the CIPMS bonus before",
                              "I already received one"),
    "meets_6_1b_purpose": ("the job needs scarce skills or unique qualifications",
                           "it is a hard to fill shortage position", "the duty station is remote or undesirable",
                           "they have had trouble filling the job", "there is a shortage of people with these skills",
                           "few applicants have the skills the job needs",
                           "the position has been vacant for a long time despite recruiting",
                           "the job sat empty even though we advertised it",
                           "qualified candidates turned down our job offers", "we lost our selectees to higher offers",
                           "her skills are scarce"),
    "documented_need": ("the need is documented and there is a positive cost benefit",
                        "the hiring manager documented the recruiting problem and the cost benefit",
                        "they wrote up the need and it is cost effective",
                        "it is documented in the case file with a cost comparison",
                        "our write-up shows the extra pay costs less than leaving the job vacant",
                        "we documented why the extra cost is worth it"),
    "service_agreement": ("I will sign a service agreement to stay",),
    "on_federal_rolls": ("I am on the rolls of a federal agency now", "I currently work for the federal government",
                         "she is on federal rolls",
                         "she is currently a civilian employee of a federal agency", "he works for the VA now",
                         "I currently work at a federal department as a GS employee"),
    "held_federal_civilian_before": ("I held a federal civilian job before", "I used to be a federal civilian employee",
                                     "she last held a federal civilian position in the past"),
    "new_employee": ("I am a new employee", "I was just hired, a new hire", "a new hire"),
    "completed_prior_trial_or_probation": ("I already finished a probationary period",
                                           "I completed a trial period in federal service before"),
    "same_servicing_cpo": ("the new job is serviced by the same CPO",),
    "same_line_of_work": ("the new job is in the same line of work",),
    "currently_supervisory": ("my current job is supervisory", "I am a supervisor now"),
    "target_supervisory": ("the new job is a supervisory position",),
    "intelligence_mission_organization": ("the organization performs an intelligence mission",),
    "requires_intelligence_ksas": ("the job requires intelligence-related knowledge, skills and abilities",),
    "excluded_category": ("I am a National Guard technician", "I am a nonappropriated fund employee",
                          "I am a local national employee"),
    "preference_eligible": ("I am preference eligible", "I have veterans' preference"),
    "mspb_jurisdiction": ("the matter is under MSPB jurisdiction", "it is an adverse action like a removal"),
    "has_competitive_status": ("I have competitive status from earlier competitive service employment",
                               "I worked in the competitive service before", "I have competitive status"),
    "passed_open_competitive_exam": ("I passed an OPM open competitive examination",),
    "current_federal_employee": ("I am a current federal employee", "I work for the federal government now",
                                 "I'm a federal employee"),
    "same_grade": ("the new job is at my same grade", "moving to a job at the same grade"),
    "same_commuting_area": ("the new job is in the same commuting area",),
    "schedule_a_213_3106d": ("the position was filled under Schedule A 213.3106(d)",),
    "nonclerical": ("the position is not clerical",),
    "two_grade_interval": ("the position is in a two-grade interval series",),
    "scientific_technical_intelligence": ("it is a scientific or technical job doing targeting in an intelligence function",),
}
