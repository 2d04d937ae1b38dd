"""Every deadline of AR 690-13 as a row of data, in chapter order; ``DEADLINES`` registers them.

Each row names its rule (pin-cite and verbatim quote), the event it counts from with the
role that event plays and the plain question that asks for it, the count, and what the date
means. ``deadline_engine.run_deadline`` computes every row the same way and writes the
explanation from the row, so each figure is written once, in its ``Count`` (a test checks it
against the quote). Adding a plain deadline is one row here and one line in
``tests/calculators/golden_deadlines.csv``. No I/O.
"""

from __future__ import annotations

from advisor.calculators.base import Calculator, FactSpec
from advisor.calculators.deadline_engine import (
    Also,
    Count,
    Deadline,
    Variant,
    ar_rule,
    make_calculator,
)

_RECEIVED = ("receiv", "got", "arriv", "came in", "came to me", "reached", "delivered", "handed", "served",
             "in hand", "landed")
# Words that date a document or an approval, not its receipt or its taking effect.
_SIGNED = ("signed", "dated", "issued", "approved", "drafted", "prepared", "announced",
           "nominat", "selected", "requested", "offer")
_NOTICE = ("notice", "notif", "told", "letter", "memo", "proposal", "propos", "warned", "heads up")
_START = ("start", "began", "begin", "effective", "since", "from", "as of")
_LEFT = ("left", "last day", "separat", "resign", "quit", "retir", "ended", "out of", "departed")
_HIRED = ("appoint", "hired", "entered on duty", "eod", "joined", "started", "onboard", "came on")


def _date(name: str, role: str, ask: str, cues: tuple[str, ...] = (), avoid: tuple[str, ...] = (),
          required: bool = True, help: str = "", variants: dict[str, tuple[str, ...]] | None = None) -> FactSpec:
    return FactSpec(name=name, type="date", role=role, ask=ask, cues=cues, avoid=avoid,
                    required=required, help=help, variants=variants or {})


ROWS: tuple[Deadline, ...] = (
    Deadline(
        name="occupational_guide_deadline",
        title="Deadline to apply an Army Occupational Guide",
        rule=ar_rule("3-3b", "AOGs will be applied within 120 days of receipt unless otherwise "
                             "authorized by the Director of the IPMO."),
        events=(_date("received_date", "the date the Army Occupational Guide was received",
                      "On what date was the Army Occupational Guide (AOG) received?",
                      cues=(*_RECEIVED, "aog", "guide"), avoid=(*_SIGNED, "effective")),),
        count=Count(amount=120, unit="days", calendar=False),
        says="Apply the AOG by {result}, unless the Director of the IPMO authorizes otherwise",
        notes={"day_kind": "'days' (not said to be calendar days; counted as calendar days)"},
        description="When an activity must apply a newly received Army Occupational Guide (AOG) "
                    "to its positions.",
        examples=("we got a new army occupational guide, how long do we have to apply it?",
                  "deadline to apply an AOG after it arrives"),
    ),
    Deadline(
        name="downgrade_appeal_deadline",
        title="Deadline to appeal a downgrade with retroactive benefits",
        rule=ar_rule("3-9b", "This notice must inform the employee that an appeal may only be filed "
                             "within 15 calendar days of the personnel action to preserve "
                             "entitlement to retroactive benefits."),
        events=(_date("action_date", "the effective date of the personnel action that lowered "
                      "the grade or pay",
                      "On what date did the personnel action that lowered your grade or pay take "
                      "effect (the effective date on the SF-50)?",
                      cues=("effective", "took effect", "takes effect", "downgrad", "reclassif",
                            "lowered", "demot", "reduc", "action", "sf-50", "sf50", "processed"),
                      avoid=(*_NOTICE, "informed", "decid", "decision", "approved", "signed")),),
        count=Count(amount=15, unit="days"),
        says="File the appeal by {result} to keep entitlement to retroactive benefits",
        notes={"after_this_date": "an appeal may still be filed at any time (para 3-9a) but "
                                  "without the entitlement to retroactive benefits"},
        description="The last day to file a classification appeal after a downgrade (a lower grade "
                    "or rate of pay) and still keep back pay (retroactive benefits).",
        examples=("my job was reclassified to a lower grade, when is the last day to appeal and keep back pay?",
                  "I was downgraded from GS-12 to GS-11, what's my appeal deadline?",
                  "how long do I have to appeal a demotion from a classification decision?",
                  "deadline to file a classification appeal after my pay was lowered"),
    ),
    Deadline(
        name="classification_change_deadline",
        title="Deadline to make a change decided on an informal complaint",
        rule=ar_rule("3-12f", "If a change in pay plan, title, series, or grade is necessary, the "
                              "change will be made within 4 pay periods from the date of the "
                              "decision."),
        events=(_date("decision_date", "the date of the decision on the informal complaint",
                      "On what date was the decision made that the change is necessary?",
                      cues=("decid", "decision", "agreed", "determin", "concluded", "ruled"),
                      avoid=("complain", "raised", "brought up", "filed")),),
        count=Count(amount=4, unit="pay periods", how="window_end"),
        says="Make the change by {result}",
        also=(Also(key="window_start", count=Count(amount=1, unit="pay periods", how="period_start")),
              Also(key="fourth_pay_period_start",
                   count=Count(amount=4, unit="pay periods", how="period_start"))),
        notes={"reading": "the pay periods counted are those beginning after the decision date"},
        description="When a change of pay plan, title, series or grade decided on an informal "
                    "classification complaint must be made (a number of pay periods).",
        examples=("the informal complaint decided my grade should change, how soon must HR make the change?",
                  "how many pay periods do they have to process the correction after my informal complaint?"),
    ),
    Deadline(
        name="informal_complaint_deadline",
        title="Target length of the informal classification complaint process",
        rule=ar_rule("3-12g", "The informal complaint process should take no more than 15 "
                              "calendar days."),
        events=(_date("filed_date", "the date the informal complaint was made",
                      "On what date did you make the informal complaint (to your supervisor)?",
                      cues=("filed", "file", "made", "raised", "submit", "complain", "told",
                            "brought up", "spoke"), avoid=("decid", "decision", "answer", "respon")),),
        count=Count(amount=15, unit="days"),
        says="The informal complaint process should be finished by {result} (a target: 'should')",
        notes={"nature": "a target ('should take no more than'), not a limit on the employee; an "
                         "appeal may be filed at any time (para 3-12h, 3-13a)"},
        description="How long the informal classification complaint process should take, and by "
                    "what date it should be finished.",
        examples=("I raised an informal classification complaint with my supervisor, when should I hear back?",
                  "how long should the informal complaint process take?"),
    ),
    Deadline(
        name="appeal_decision_due",
        title="When a classification appeal decision is normally due",
        rule=ar_rule("3-13f", "Appeal decisions will normally be made within 30 calendar days of "
                              "receipt. If a decision cannot be made within that period, the "
                              "appellant will be informed in writing of the expected date of "
                              "decision and the reasons for the delay. If the appeal is later "
                              "forwarded to the DCSINT for decision, an additional 30-day period "
                              "begins upon receipt at that level."),
        events=(_date("dcsint_received_date", "the date the DCSINT received the forwarded appeal",
                      "On what date did the DCSINT receive the forwarded appeal?",
                      cues=("dcsint",), required=False),
                _date("received_date", "the date the appellate authority (the MACOM or FOA) "
                      "received the appeal",
                      "On what date did the MACOM or FOA receive your appeal?",
                      cues=(*_RECEIVED, "macom", "foa", "logged"),
                      avoid=(*_SIGNED, "submitted", "sent", "mailed", "filed", "dcsint", "forwarded"),
                      help="Date the appellate authority (MACOM or FOA; the DCSINT for their "
                           "headquarters positions) received the appeal.")),
        other_facts=(FactSpec(name="forwarded_to_dcsint", type="flag",
                              role="whether the appeal was later forwarded to the DCSINT",
                              ask="Was the appeal later forwarded to the DCSINT for decision?",
                              cues=("forwarded", "dcsint", "elevated", "sent up"), required=False,
                              default=False, reads="forwarded_to_dcsint"),),
        count=Count(amount=30, unit="days"),
        says="A decision is normally due by {result}",
        event_says={"dcsint_received_date": "The DCSINT decision is normally due by {result}"},
        act_by=True,
        requires={"forwarded_to_dcsint": "dcsint_received_date"},
        order=(("received_date", "dcsint_received_date"),),
        also=(Also(key="received_date", start="received_date"),
              Also(key="first_level_due", count=Count(amount=30, unit="days"), start="received_date")),
        notes={"nature": "'normally': if later, the appellant must be told in writing of the "
                         "expected date and the reasons for the delay"},
        description="When a decision on a formal classification appeal is normally due after the "
                    "MACOM or FOA (or the DCSINT, when forwarded) receives it.",
        examples=("the MACOM got my classification appeal on May 4, when should I get a decision?",
                  "how long does it take to decide a classification appeal?",
                  "my appeal was forwarded to the DCSINT, when will they decide?"),
    ),
    Deadline(
        name="higher_level_review_deadline",
        title="Deadline to request higher level review of an unfavorable appeal decision",
        rule=ar_rule("3-13f(2)", "The notice will also advise that in order to continue the appeal, "
                                 "the appellant or his or her representative must request, in "
                                 "writing, a higher level review. This request must be received "
                                 "by the MACOM or FOA which rendered the initial decision within 15 "
                                 "calendar days after the date of the original decision "
                                 "memorandum."),
        events=(_date("decision_memo_date", "the date of the MACOM or FOA decision memorandum",
                      "What is the date of the MACOM's or FOA's decision memorandum on your appeal?",
                      cues=("memo", "dated", "decision", "decided", "denied", "issued", "ruled",
                            "unfavorable", "lost", "rejected"),
                      avoid=("received", "got it", "arrived", "reached")),),
        count=Count(amount=15, unit="days"),
        says="The written request for higher level review must be received by the MACOM or FOA "
             "by {result}",
        notes={"counts": "receipt by the MACOM or FOA, not the date of mailing"},
        description="The last day a written request for a higher level review of an unfavorable "
                    "classification appeal decision must reach the MACOM or FOA.",
        examples=("the MACOM denied my classification appeal, how long do I have to ask for a higher level review?",
                  "I lost my appeal, when is the deadline to continue it?",
                  "the MACOM turned down my classification appeal, can I keep going with it?",
                  "deadline to request further review of an unfavorable appeal decision"),
    ),
    Deadline(
        name="appeal_effective_date_window",
        title="Effective date window of an action required by an appeal decision",
        rule=ar_rule("3-13i(1)", "The effective date of any action required by a classification "
                                 "appeal decision will not be earlier than the date of decision. "
                                 "However, it will not be later than the beginning of the fourth "
                                 "pay period after the decision."),
        events=(_date("decision_date", "the date of the appeal decision",
                      "On what date was the classification appeal decided?",
                      cues=("decid", "decision", "granted", "won", "upheld", "favorable", "ruled"),
                      avoid=("received", "filed", "submitted", "effective")),),
        count=Count(amount=4, unit="pay periods", how="period_start"),
        says="The action must take effect no later than {result}, and not before the decision",
        act_by=False,
        also=(Also(key="earliest_effective_date"),
              Also(key="pay_periods_after_decision",
                   counts=tuple(Count(amount=n, unit="pay periods", how="period_start")
                                for n in (1, 2, 3, 4)))),
        description="The latest (and earliest) effective date of a personnel action that a "
                    "classification appeal decision requires, such as a regrade after winning.",
        examples=("I won my classification appeal, by when must the upgrade take effect?",
                  "what is the latest effective date for the action after an appeal decision?"),
    ),
    Deadline(
        name="reopening_evidence_window",
        title="Awareness window for new evidence in a request to reopen an appeal",
        rule=ar_rule("3-13k(1)", "No classification appeal may be reopened after the decision has "
                                 "been made, unless the appellant presents new and material "
                                 "evidence. Any such request must include the appellant's "
                                 "certification that he or she became aware of the new evidence "
                                 "no earlier than 10 calendar days prior to submission of the "
                                 "request."),
        events=(_date("submission_date", "the date the request to reopen is submitted",
                      "On what date will you submit (or did you submit) the request to reopen?",
                      cues=("submi", "send", "sent", "file", "request", "mail", "plan to")),),
        other_facts=(_date("awareness_date", "the date you became aware of the new evidence",
                           "On what date did you become aware of the new evidence?",
                           cues=("aware", "learn", "found out", "discover", "came across", "heard about"),
                           required=False),),
        count=Count(amount=10, unit="days", how="before"),
        says="You must have become aware of the new evidence no earlier than {result}",
        act_by=False,
        order=(("awareness_date", "submission_date"),),
        also=(Also(key="latest_submission_date", count=Count(amount=10, unit="days"),
                   start="awareness_date"),
              Also(key="certification_possible", start="awareness_date", on_or_after="result")),
        description="How recent new and material evidence must be to reopen a decided "
                    "classification appeal, measured back from the date the request is submitted.",
        examples=("I found new evidence after my appeal was decided, can I still reopen it?",
                  "how soon after finding new evidence must I ask to reopen my appeal?"),
    ),
    Deadline(
        name="trial_period_end",
        title="End of the 1-year trial period",
        rule=ar_rule("4-7", "All new employees will serve a 1-year trial period. A new employee who "
                            "has previously completed a trial or probationary period in either the "
                            "excepted or the competitive service need not serve another trial "
                            "period."),
        events=(_date("appointment_date", "the date of appointment (entry on duty)",
                      "On what date were you appointed (your entry-on-duty date)?",
                      cues=(*_HIRED, "trial", "probation"), avoid=(*_SIGNED, "accepted", "tentative"),
                      help="Date of appointment (entry on duty)."),),
        count=Count(amount=1, unit="years", how="through"),
        says="The trial period runs through {result}",
        act_by=False,
        also=(Also(key="appointment_date"),
              Also(key="completed_on", count=Count(amount=1, unit="days"), start="result")),
        notes={"exception": "not required if a trial or probationary period was already completed "
                            "in the excepted or competitive service"},
        description="When a new CIPMS employee's trial (probationary) period ends.",
        examples=("when does my probation end? I started on March 2",
                  "I was hired in CIPMS last June, when is my trial period over?"),
    ),
    Deadline(
        name="temporary_promotion_limits",
        title="Limits of a temporary promotion",
        rule=ar_rule("4-11a", "Temporary promotions must be made for a definite period of 2 years or "
                              "less, but may be extended for additional periods of up to 1 year at "
                              "a time at the discretion of the local commander. Except as provided "
                              "in paragraph 4-11c, temporary promotions beyond 180 days must be made "
                              "under competitive procedures."),
        events=(_date("start_date", "the effective date of the temporary promotion",
                      "On what date did the temporary promotion take effect?",
                      cues=("promot", "took effect", *_START), avoid=_SIGNED),),
        other_facts=(FactSpec(name="extensions", type="count",
                              role="the number of 1-year extensions granted by the local commander",
                              ask="How many 1-year extensions has the local commander granted?",
                              cues=("extension", "extended"), required=False, default=0),),
        count=Count(amount=2, unit="years", how="through", plus_fact="extensions"),
        says="The temporary promotion may run through {result}",
        act_by=False,
        also=(Also(key="definite_period_end", count=Count(amount=2, unit="years", how="through")),
              Also(key="day_180", count=Count(amount=180, unit="days", how="through")),
              Also(key="competitive_procedures_if_beyond", count=Count(amount=1, unit="days"),
                   start="day_180")),
        notes={"exception": "grade band promotions (para 4-11c) are noncompetitive"},
        description="How long a temporary promotion may last (with extensions), and from when "
                    "it must be made under competitive procedures.",
        examples=("how long can a temporary promotion last? mine started January 5",
                  "my temp promotion began in March, when does it have to end?"),
    ),
    Deadline(
        name="detail_competition_date",
        title="180-day limit of a noncompetitive detail",
        rule=ar_rule("4-11b", "Except as in paragraph 4-11c, details to a higher grade beyond 180 "
                              "days must be made under competitive procedures."),
        events=(_date("start_date", "the first day of the detail to a higher grade",
                      "On what date did the detail to the higher-graded position start?",
                      cues=("detail", "first day", "took effect", *_START), avoid=_SIGNED),),
        count=Count(amount=180, unit="days", how="through", calendar=False),
        says="The detail reaches its last noncompetitive day on {result}",
        act_by=False,
        also=(Also(key="competitive_procedures_if_beyond", count=Count(amount=1, unit="days"),
                   start="result"),),
        notes={"exception": "grade band promotions (para 4-11c)"},
        description="The last day a detail to a higher grade may run without competitive "
                    "procedures.",
        examples=("I was detailed to a higher grade position on April 6, how long can it last without competition?",
                  "when does my detail have to be competed?",
                  "I'm detailed to a higher-graded job, is there a point where they have to compete it?",
                  "when does my detail to a higher graded job reach 180 days?",
                  "how long can someone be detailed to a higher grade without competitive procedures?"),
    ),
    Deadline(
        name="records_retention_until",
        title="Retention of merit promotion records",
        rule=ar_rule("4-12", "Records must be available for review for a minimum period of 5 years "
                             "from the effective date of the resulting personnel action."),
        events=(_date("effective_date", "the effective date of the resulting personnel action",
                      "What was the effective date of the personnel action the records support?",
                      cues=("effective", "took effect", "action", "promot", "processed", "selection"),
                      avoid=_SIGNED),),
        count=Count(amount=5, unit="years"),
        says="Keep the records available for review through {result} (a minimum)",
        act_by=False,
        also=(Also(key="disposal_not_before", count=Count(amount=1, unit="days"), start="result"),),
        description="How long merit promotion records must be kept available for review.",
        examples=("how long do we have to keep promotion case files?",
                  "when can the merit promotion records from a March 2021 action be destroyed?"),
    ),
    Deadline(
        name="competitive_service_consideration_date",
        title="When a CIPMS employee may be considered for the competitive service",
        rule=ar_rule("Figure 4-1", "I understand in accordance with an agreement between the Office "
                                   "of Personnel Management (OPM) and DOD, effective March 9, 1990, "
                                   "I may be considered for a position in the competitive service "
                                   "after serving continuously for at least 1 year in a CIPMS "
                                   "position."),
        events=(_date("cipms_service_start", "the first day of continuous service in a CIPMS position",
                      "On what date did your continuous service in a CIPMS position begin?",
                      cues=("cipms", "appoint", "joined", "hired", "converted", *_START),
                      avoid=_SIGNED),),
        count=Count(amount=1, unit="years"),
        says="Consideration for a competitive service position is possible from {result}",
        act_by=False,
        also=(Also(key="last_day_of_first_year", count=Count(amount=1, unit="days", how="before"),
                   start="result"),),
        notes={"condition": "service must be continuous, in a CIPMS position"},
        description="The first date a CIPMS employee can be considered for a competitive-service "
                    "position after continuous CIPMS service.",
        examples=("when can I apply for competitive service jobs? I started in CIPMS on 2026-01-12",
                  "after how long in CIPMS can I move to a competitive service position?"),
    ),
    Deadline(
        name="cipms_training_deadline",
        title="CIPMS training within 3 months",
        rule=ar_rule("5-2e", "In addition to training in civilian personnel management required for "
                             "all new supervisors, new CIPMS supervisors will receive training on "
                             "the CIPMS program within 3 months of assuming supervisory "
                             "responsibility. The training will stress the major differences "
                             "between the Army competitive service personnel system and CIPMS. A "
                             "CIPMS overview is also required for all new CIPMS employees within 3 "
                             "months of entering on duty."),
        events=(_date("start_date", "the date supervisory responsibility was assumed (supervisor) "
                      "or the date of entering on duty (employee)",
                      "On what date did you become a supervisor (or, for the overview, enter on duty)?",
                      cues=("began", "became", "started"), avoid=_SIGNED,
                      variants={"supervisor": ("supervis", "took over", "assum", "promot", "lead", "branch chief"),
                                "employee": ("entered on duty", "eod", "hired", "joined", "came on board",
                                             "onboard", "appoint")}),),
        other_facts=(FactSpec(name="role", type="choice", choices=("supervisor", "employee"),
                              role="whether the training is a new supervisor's CIPMS program "
                                   "training or a new employee's CIPMS overview",
                              ask="Is this the training for a new CIPMS supervisor, or the CIPMS "
                                  "overview for a new employee?",
                              help="'supervisor' for CIPMS program training, 'employee' for the "
                                   "CIPMS overview."),),
        count=Count(amount=3, unit="months"),
        says="Complete the training by {result}",
        variants_by="role",
        variants={"supervisor": Variant(says="Complete CIPMS program training by {result}",
                                        event_role="assuming supervisory responsibility"),
                  "employee": Variant(says="Complete the CIPMS overview by {result}",
                                      event_role="entering on duty")},
        description="When a new CIPMS supervisor must receive CIPMS program training, or a new "
                    "CIPMS employee the CIPMS overview.",
        examples=("I became a CIPMS supervisor on June 1, when must I finish the CIPMS training?",
                  "new employee here, by when do I need the CIPMS overview?"),
    ),
    Deadline(
        name="idp_review_due",
        title="Next IDP due (at least annually)",
        rule=ar_rule("5-5a(1)", "DD Form 1917 will be used as the IDP. It will be completed at least "
                                "annually and forwarded to the Defense Intelligence Agency upon "
                                "completion, according to ICDP procedures."),
        events=(_date("last_idp_date", "the date the last IDP (DD Form 1917) was completed",
                      "On what date was your last IDP (DD Form 1917) completed?",
                      cues=("idp", "development plan", "1917", "last", "complet", "signed", "did",
                            "finished", "done"), avoid=("due",)),),
        count=Count(amount=1, unit="years"),
        says="The next IDP is due by {result} (at least annually)",
        notes={"practice": "IDPs are done with the performance appraisal (para 5-5a(3))"},
        description="When the next individual development plan (IDP, DD Form 1917) is due.",
        examples=("my last IDP was done in February, when is the next one due?",
                  "how often do I have to redo my IDP?"),
    ),
    Deadline(
        name="new_cipms_employee_break",
        title="90-day break for a recruitment bonus",
        rule=ar_rule("6-3", "For this purpose, a new CIPMS employee is defined as one who is not "
                            "currently serving in a CIPMS position and, if a former Federal "
                            "employee, has a break of at least 90 days since last holding a CIPMS "
                            "position."),
        events=(_date("last_cipms_position_end", "the last day the person held a CIPMS position",
                      "What was the last day you held a CIPMS position?",
                      cues=(*_LEFT, "cipms"), avoid=("hired", "selected", "offer", "start", "join")),),
        count=Count(amount=90, unit="days", calendar=False),
        says="The break since last holding a CIPMS position reaches the required length on {result}",
        act_by=False,
        also=(Also(key="first_day_after_90_full_days", count=Count(amount=1, unit="days"),
                   start="result"),),
        notes={"reading": "days counted from the day after the last day held"},
        description="When a former CIPMS employee's break in service is long enough to count as "
                    "a new CIPMS employee for a recruitment bonus.",
        examples=("I left CIPMS on May 1, when would I count as a new employee for the recruitment bonus?",
                  "how long a break do I need before coming back to CIPMS to get the bonus?"),
    ),
    Deadline(
        name="service_agreement_end",
        title="End of a recruitment bonus service agreement",
        rule=ar_rule("6-3b", "The recipient of a bonus incurs an obligation to serve in an Army "
                             "CIPMS position for an agreed upon period of time, which is not less "
                             "than 1 year and may not exceed 3 years."),
        events=(_date("start_date", "the first day of service under the bonus agreement",
                      "On what date did your service under the bonus agreement start?",
                      cues=("start", "began", "appoint", "hired", "joined", "eod", "first day"),
                      avoid=("signed", "offer", "selected", "paid")),),
        other_facts=(FactSpec(name="years", type="years",
                              role="the agreed period of service, in whole years",
                              ask="How many years of service did the agreement commit you to (1, 2 or 3)?",
                              cues=("agreement", "commit", "obligat", "serve", "year"),
                              help="Agreed period of service in whole years: 1, 2 or 3."),),
        count=Count(unit="years", how="through", amount_fact="years", bounds=(1, 3)),
        says="The service obligation runs through {result}",
        act_by=False,
        also=(Also(key="complete_on", count=Count(amount=1, unit="days"), start="result"),),
        notes={"if_leaving_earlier": "leaving voluntarily or for cause before the end means "
                                     "repaying any part of the bonus already paid (para 6-3b(1))"},
        description="When the service obligation of a recruitment bonus agreement ends.",
        examples=("I signed a 2 year service agreement for my recruitment bonus starting June 1, when can I leave?",
                  "when does my bonus service obligation end?"),
    ),
    Deadline(
        name="advanced_hiring_break",
        title="90-day break for an advanced hiring salary",
        rule=ar_rule("6-4a", "A new employee is defined for this purpose as one who is not "
                             "currently on the rolls of a Federal agency as a civilian and, if a "
                             "former Federal civilian employee, has a break of at least 90 days "
                             "since last holding a Federal civilian position of any type."),
        events=(_date("last_federal_position_end",
                      "the last day the person held any Federal civilian position",
                      "What was the last day you held any Federal civilian position?",
                      cues=(*_LEFT, "federal"), avoid=("hired", "selected", "offer", "start", "join")),),
        count=Count(amount=90, unit="days", calendar=False),
        says="The break since last holding a Federal civilian position reaches the required "
             "length on {result}",
        act_by=False,
        also=(Also(key="first_day_after_90_full_days", count=Count(amount=1, unit="days"),
                   start="result"),),
        notes={"reading": "days counted from the day after the last day held"},
        description="When a former Federal civilian employee's break is long enough to count as "
                    "a new employee for an advanced hiring salary.",
        examples=("I left my federal job on August 14, when can I be hired at an advanced salary?",
                  "how long do I have to be out of federal service to get advanced in-hire pay?"),
    ),
    Deadline(
        name="advance_pay_payback_min",
        title="Minimum payback period of an advance of pay",
        rule=ar_rule("6-7", "The pay-back period will be not less than 6 months from the date of the "
                            "employee's appointment."),
        events=(_date("appointment_date", "the date of the employee's appointment",
                      "On what date were you appointed?", cues=_HIRED,
                      avoid=(*_SIGNED, "advance", "paid", "repay")),),
        count=Count(amount=6, unit="months"),
        says="The payback period may end no earlier than {result}",
        act_by=False,
        description="The shortest payback period allowed for an advance payment of basic pay to a "
                    "new appointee.",
        examples=("I got an advance of pay when I was appointed in August, how fast can I pay it back?",
                  "minimum repayment period for an advance of basic pay"),
    ),
    Deadline(
        name="epa_next_eligible",
        title="Earliest next Exemplary Performance Award",
        rule=ar_rule("8-10d", "An employee may not receive more than one EPA during any 3 year period."),
        events=(_date("last_epa_date", "the effective date of the last EPA",
                      "On what date did you receive your last Exemplary Performance Award (EPA)?",
                      cues=("epa", "exemplary", "receiv", "got", "awarded", "last", "effective"),
                      avoid=("nominat", "recommend", "propos", "submitted", "approved")),),
        count=Count(amount=3, unit="years"),
        says="The next EPA may be received no earlier than {result}",
        act_by=False,
        notes={"other_conditions": "Exceptional ratings in consecutive years and time at the same "
                                   "grade (para 8-10, 8-10a)"},
        description="The earliest date an employee can receive another Exemplary Performance Award "
                    "(EPA) after the last one.",
        examples=("I got an EPA in March 2024, when can I get another one?",
                  "how often can someone receive an exemplary performance award?"),
    ),
    Deadline(
        name="mspb_appeal_rights_date",
        title="One year of service for MSPB appeal rights",
        rule=ar_rule("9-5a", "Preference-eligible CIPMS employees who have completed 1 year of "
                             "current continuous service in the same or similar positions retain "
                             "all appeal rights to the Merit Systems Protection Board (MSPB) on "
                             "matters under MSPB jurisdiction."),
        events=(_date("service_start_date",
                      "the first day of current continuous service in the same or similar positions",
                      "On what date did your current continuous service in the same or similar "
                      "positions begin?",
                      cues=("start", "began", "appoint", "hired", "joined", "since", "service"),
                      avoid=_SIGNED),),
        count=Count(amount=1, unit="years"),
        says="Current continuous service reaches the required length on {result}; MSPB appeal "
             "rights apply only to preference eligibles",
        act_by=False,
        also=(Also(key="last_day_of_first_year", count=Count(amount=1, unit="days", how="before"),
                   start="result"),),
        notes={"condition": "preference eligible; same or similar positions"},
        description="When a preference-eligible CIPMS employee completes the year of current "
                    "continuous service that gives MSPB appeal rights.",
        examples=("I'm a preference eligible vet who started March 3, when do I get MSPB appeal rights?",
                  "when do I have a year of service for MSPB rights?"),
    ),
    Deadline(
        name="termination_reply_deadline",
        title="Deadline to answer a proposed termination",
        rule=ar_rule("10-3c", "The employee has the opportunity to answer the charges within 30 days "
                              "of receipt of the proposal memorandum letter."),
        events=(_date("notice_received_date", "the date the proposal memorandum was received",
                      "On what date did you receive the proposal memorandum (the letter proposing "
                      "the termination)?",
                      cues=(*_RECEIVED, "proposal", "proposed", "proposing"), avoid=_SIGNED,
                      help="Date the employee received the proposed termination memorandum."),),
        count=Count(amount=30, unit="days", calendar=False),
        says="Answer the charges in writing by {result}",
        notes={"day_kind": "'days' (not said to be calendar days; counted as calendar days)"},
        description="The last day to answer the charges of a proposed termination under the "
                    "special termination authority (10 USC 1590).",
        examples=("how long do I have to answer a proposed termination under 10 USC 1590?",
                  "I got a letter proposing to remove me under the special termination authority, when must I reply?"),
    ),
    Deadline(
        name="termination_appeal_deadline",
        title="Deadline to appeal a termination decision",
        rule=ar_rule("10-3e", "Adverse decisions by the Secretary of the Army may be appealed by the "
                              "employee within 20 calendar days of receipt of the written decision."),
        events=(_date("decision_received_date",
                      "the date the Secretary of the Army's written decision was received",
                      "On what date did you receive the Secretary of the Army's written decision?",
                      cues=_RECEIVED, avoid=(*_SIGNED, "effective", "decided", "made")),),
        count=Count(amount=20, unit="days"),
        says="Appeal to the Secretary of Defense by {result}",
        notes={"note_effective": "the termination is not held in abeyance pending the appeal "
                                 "(para 10-3h)"},
        description="The last day to appeal a Secretary of the Army decision to terminate under "
                    "the special termination authority (10 USC 1590).",
        examples=("the Secretary of the Army decided to terminate me, how long do I have to appeal?",
                  "deadline to appeal a 1590 termination decision"),
    ),
)

DEADLINES: tuple[Calculator, ...] = tuple(make_calculator(row) for row in ROWS)

__all__ = ["DEADLINES", "ROWS"]
