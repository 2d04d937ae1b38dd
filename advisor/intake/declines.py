"""Subjects the documents do not cover, as data: what the intake declines, precisely.

Each topic says what it is (description and example questions in everyday words, matched like
any calculator or rule), the words that name it, and who can answer instead. The documents
sometimes touch a topic in passing (travel follows the JTR, benefits are those of other
employees); the answer then shows those passages as what the documents say nearby, found by
retrieval, never a figure of its own. Written by the project from the three documents'
contents (what they leave out); no I/O.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

CPAC = "your servicing CPAC or HR office"


class DeclineTopic(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str = Field(description="What is not covered, as the answer names it.")
    description: str
    examples: tuple[str, ...]
    terms: tuple[str, ...] = Field(description="Words that name the topic (lower case).")
    ask: str = Field(description="Who can answer it instead.")


TOPICS: tuple[DeclineTopic, ...] = (
    DeclineTopic(
        id="leave", name="leave (annual, sick, family or other leave)",
        description="How much annual or sick leave federal employees earn or can carry over, family "
                    "and medical leave, parental leave, leave donation.",
        examples=("how many hours of sick leave do I earn per pay period?",
                  "can I carry over annual leave into next year?", "am I covered by FMLA?",
                  "how much annual leave does a CIPMS employee get?"),
        terms=("sick leave", "annual leave", "fmla", "maternity", "paternity", "parental leave", "family leave",
               "leave balance", "hours of leave", "days of leave", "leave without pay", "lwop",
               "vacation", "use or lose", "carry over", "leave donation"),
        ask=f"{CPAC}, or OPM's leave rules (opm.gov)"),
    DeclineTopic(
        id="retirement", name="retirement, pensions and the Thrift Savings Plan",
        description="Retirement eligibility and annuities (FERS, CSRS), the Thrift Savings Plan, "
                    "service credit for retirement, early retirement.",
        examples=("when can I retire under FERS?", "how is my pension calculated?",
                  "does my CIPMS time count toward retirement?", "what is the TSP match?"),
        terms=("retirement", "when can i retire", "pension", "annuity", "fers", "csrs", "tsp", "thrift savings", "401k",
               "mra", "vera", "voluntary early"),
        ask=f"{CPAC} or your agency's retirement counselor"),
    DeclineTopic(
        id="insurance", name="health, life and other insurance benefits",
        description="Health insurance (FEHB), dental and vision (FEDVIP), life insurance (FEGLI), "
                    "long-term care, flexible spending accounts.",
        examples=("what health insurance can I get as a CIPMS employee?", "how does FEGLI work?",
                  "does CIPMS have different dental coverage?"),
        terms=("health insurance", "fehb", "fegli", "fedvip", "dental", "vision", "life insurance",
               "long-term care", "fsa", "flexible spending", "health benefits"),
        ask=f"{CPAC}, or OPM's insurance pages (opm.gov)"),
    DeclineTopic(
        id="locality", name="locality pay and annual pay raises",
        description="Locality pay percentages, the annual pay raise or cost-of-living adjustment, "
                    "this year's pay increase.",
        examples=("what is the locality pay for Washington DC?", "how big is the 2026 pay raise?",
                  "do CIPMS employees get locality pay?", "when is the next cost of living raise?"),
        terms=("locality", "pay raise", "cola", "cost of living", "raise this year", "annual raise",
               "pay increase this year", "january raise"),
        ask=f"{CPAC}, or OPM's pay tables (opm.gov)"),
    DeclineTopic(
        id="telework", name="telework and remote work",
        description="Whether an employee may telework or work remotely, telework agreements, "
                    "remote work locations.",
        examples=("can I telework in a CIPMS position?", "how many days a week can I work from home?",
                  "is remote work allowed for intelligence jobs?"),
        terms=("telework", "remote work", "work from home", "wfh", "working remotely"),
        ask=f"your supervisor and {CPAC} (your agency's telework policy)"),
    DeclineTopic(
        id="dcips-today", name="today's DCIPS rules",
        description="The current Defense Civilian Intelligence Personnel System (DCIPS), which "
                    "replaced CIPMS: current pay bands, DCIPS performance ratings and pay pools today.",
        examples=("what is the DCIPS pay band for a GS-13 equivalent today?",
                  "how do DCIPS performance ratings work now?", "what are the current DCIPS rules for bonuses?"),
        terms=("dcips", "pay band today", "current dcips", "dcips today", "pay pool", "dcips band"),
        ask=f"{CPAC} or your component's DCIPS guidance (DoD Instruction 1400.25)"),
    DeclineTopic(
        id="other-regulations", name="the contents of other regulations the documents only name",
        description="What another regulation or law says in detail (AR 690-700, AR 672-20, AR 690-400, "
                    "chapters of the Federal Personnel Manual, title 5 sections) when the documents only "
                    "refer to it.",
        examples=("what does AR 690-700 chapter 771 say about grievance timelines?",
                  "what are the award amounts in AR 672-20?", "what does FPM chapter 315 require?"),
        terms=("ar 690-700", "ar 672-20", "ar 690-400", "ar 690-300", "fpm chapter", "5 cfr", "chapter 771",
               "chapter 315"),
        ask=f"{CPAC}, who can point you to the current version of that regulation"),
    DeclineTopic(
        id="other-incentives", name="incentives and benefits the documents do not include",
        description="Retention and relocation incentives under title 5, student loan repayment, "
                    "tuition assistance, awards and incentives of other pay systems.",
        examples=("how do I apply for the student loan repayment program?",
                  "is the retention incentive still capped at 25 percent?", "can I get a relocation incentive?"),
        terms=("student loan", "loan repayment", "retention incentive", "relocation incentive", "5754", "5753",
               "tuition assistance", "5 usc 57"),
        ask=f"{CPAC}"),
    DeclineTopic(
        id="clearance", name="security clearances and their adjudication",
        description="How security clearances are granted, investigated, adjudicated, suspended or "
                    "revoked, polygraphs, SF-86.",
        examples=("how long does a TS/SCI clearance take?", "what do they look at when adjudicating a clearance?",
                  "what goes on the SF-86 form?"),
        terms=("sf-86", "sf86", "adjudicat", "background investigation", "clearance take", "clearance process",
               "secret clearance"),
        ask="your security office"),
    DeclineTopic(
        id="overtime", name="overtime, compensatory time, holidays and hours of work",
        description="Overtime pay rates, compensatory time, holiday pay, alternative work schedules, "
                    "hours of duty.",
        examples=("do CIPMS employees get overtime pay?", "how does comp time work?",
                  "am I paid extra for working on a federal holiday?", "can I work a 9/80 schedule?"),
        terms=("overtime", "comp time", "compensatory time", "holiday pay", "9/80", "compressed schedule",
               "alternative work schedule", "flex time", "flextime", "hours of duty"),
        ask=f"{CPAC} or your timekeeper"),
    DeclineTopic(
        id="travel", name="travel allowances and relocation entitlements in detail",
        description="Per diem rates, travel claims, permanent change of station and relocation "
                    "allowances, housing allowances overseas.",
        examples=("what is the per diem rate for a TDY?", "how much relocation money do I get for a PCS?",
                  "what housing allowance do I get overseas?"),
        terms=("per diem", "tdy", "pcs", "relocation", "travel claim", "living quarters allowance",
               "housing allowance", "moving expenses"),
        ask=f"{CPAC} or your travel office (the Joint Travel Regulations)"),
    DeclineTopic(
        id="injury", name="injury compensation, disability and accommodation",
        description="Workers' compensation (OWCP), disability retirement, reasonable accommodation, "
                    "light duty after an injury.",
        examples=("how do I file an OWCP claim?", "can I get a reasonable accommodation for my disability?"),
        terms=("owcp", "workers comp", "workers' compensation", "injury", "disability", "accommodation",
               "light duty"),
        ask=f"{CPAC} or your agency's disability program manager"),
    DeclineTopic(
        id="courses", name="the content, schedule or cost of particular courses and certifications",
        description="Where and when a training course is offered, its cost, how to register, exam "
                    "details of a certification.",
        examples=("when is the next PMP exam and how much does it cost?",
                  "how do I register for the CIPMS overview course?", "what does the ACTEDS course catalog offer this year?"),
        terms=("exam fee", "course schedule", "tuition", "enroll in", "sign up for the course"),
        ask="your training coordinator"),
    DeclineTopic(
        id="hiring-today", name="today's job openings, hiring processes and USAJOBS",
        description="Current vacancies, how to apply on USAJOBS, resume formats, hiring timelines "
                    "today.",
        examples=("are there any open CIPMS jobs right now?", "how do I write a federal resume for USAJOBS?"),
        terms=("usajobs", "resume", "job opening", "vacancy announcement", "hiring freeze", "open jobs"),
        ask="USAJOBS and the hiring office named in the announcement"),
    DeclineTopic(
        id="conduct", name="ethics, outside employment and political activity",
        description="The Hatch Act, gifts, outside employment, financial disclosure, social media "
                    "rules.",
        examples=("can I work a second job while in CIPMS?", "what does the Hatch Act allow?"),
        terms=("hatch act", "outside employment", "second job", "gift", "financial disclosure", "ethics"),
        ask="your agency's ethics official"),
)
