"""Yes/no facts stated in a question ("I'm a preference eligible", "I've never had an EPA").

``FLAG_PATTERNS`` is the rule as data: for each fact a pattern that says "no" and one that
says "yes", over the lower-cased question; "no" is tried first. Statements count in the first
person and about someone else ("she's never worked for the government"), conditionals too
("can I get an EPA if I had a temporary promotion?"); a question that only names a fact ("do I
need a documented need?", "what is a hard-to-fill job?") states nothing: a "yes" right after
words like "need to", "must", "whether" or "what is" is ignored (``MENTION_ONLY``).
``IMPLIED`` fills facts that follow from another one (someone who has never worked for the
government is not a CIPMS employee); it never overrides a fact stated outright. No I/O.
"""

from __future__ import annotations

import re

_APOS = "['\u2019]"
_VET_PREF = rf"veterans?{_APOS}?s?{_APOS}?\s+preference"
_I_AM = rf"\b(?:i am|i{_APOS}m|im)"
_I_AM_NOT = rf"(?:{_I_AM} not|\bi{_APOS}?m not)"
_I_LACK = rf"\bi (?:do not|don{_APOS}?t|did not|didn{_APOS}?t) (?:have|get|claim|qualify for)"
# Someone the question is about: the asker or a third person ("my employee", "our selectee").
_PERSON = (r"(?:employee|applicant|selectee|candidate|analyst|specialist|coworker|co-worker|colleague|worker"
           r"|subordinate|new hire|hire|person|individual|staffer|agent|engineer|instructor|aide|technician)")
_SOMEONE = rf"(?:(?:^|(?<=[.;!?] ))(?:an? )?{_PERSON}|\b(?:the|our|my|this|that) (?:new |current )?{_PERSON})"
_WHO = rf"(?:\b(?:i|she|he|they|we|who)|{_SOMEONE})"
_WHO_IS = rf"(?:{_I_AM}|\b(?:she|he|it|they){_APOS}(?:s|re)|\b(?:she|he|they) (?:is|are)|{_SOMEONE} is)"
_WHO_IS_NOT = (
    rf"(?:{_I_AM} not|\b(?:she|he|it|they){_APOS}(?:s|re) not"
    rf"|\b(?:she|he|it) (?:is not|isn{_APOS}t)|{_SOMEONE} (?:is not|isn{_APOS}t)|\bthey (?:are not|aren{_APOS}t))"
)
_HAVE = rf"(?:{_APOS}ve|{_APOS}d| have| has| had)?"
_NEVER = rf"(?:never|not ever|n{_APOS}t ever|have not ever)"
_NOT = rf"(?:\bnot|\bnever|n{_APOS}t)"  # no leading \b: "didn't"
_GRADE = r"(?:gs|gg|gm)[- ]?(?:\d{4}-)?\d{1,2}(?:,? step \d{1,2})?"  # "gs-12", "gs-2210-12"
_EPA = r"(?:epa|exemplary performance award)"
_BONUS = r"(?:cipms )?(?:premium )?(?:recruitment|recruiting|hiring|sign-on|signing) (?:bonus|incentive)"
_LEFT = r"(?:left|quit|resigned from|separated from|retired from)"
_GOVERNMENT = (
    r"(?:the |a )?(?:federal |u\.?s\.? )?(?:government|federal service|civil service"
    r"|federal agency|federal job)"
)
# Work outside the government now ("I'm at a private firm now", "took a private job").
_PRIVATE = (r"\b(?:i'?m|i am|she'?s|he'?s|now|currently|working|work|works|took a(?:n)?)\b[^.?!;]{0,25}?"
            r"\b(?:at|for|with|in|job (?:at|with))? ?(?:a |an |the )?(?:private(?: sector| industry| firm| company| job)?"
            r"|(?:defense |government )?contractor|industry)\b")
_AGENCY = (r"(?:va|dhs|doe|dod|doj|dot|epa|irs|ssa|gsa|nasa|faa|fbi|usda|hhs|opm|state department"
           r"|department of [a-z]+|air force|army|navy|marine corps|veterans affairs|coast guard)\b")
_LOCAL_NATIONAL = r"local national"
_GUARD = r"(?:national )?guard technician"
_NAF = r"(?:naf|nonappropriated[- ]fund(?:ed)?|non-appropriated[- ]fund(?:ed)?)"
_NOT_LISTED = r"\b(?:not|nor|neither)\b(?! sure| certain)[^.?!;)]{0,40}\b"
_REGULAR = r"\bregular (?:appropriated[- ]fund(?:ed)? )?(?:army |dod |da |federal )?civilian"


def _category(name: str) -> tuple[str, str]:
    """(no, yes) for being in an excluded category of para 1-6d (local national, ...)."""
    return (
        rf"{_NOT_LISTED}{name}|{_REGULAR}",
        rf"(?:{_WHO_IS}|\b(?:i|she|he) (?:work|works) as) (?:an? |currently (?:an? )?)?{name}",
    )


# name -> (pattern for "no", pattern for "yes").
FLAG_PATTERNS: dict[str, tuple[str, str]] = {
    "preference_eligible": (
        (
            rf"{_I_AM_NOT} (?:an? )?(?:veterans?{_APOS}? )?preference[- ]eligible"
            rf"|{_WHO_IS_NOT} (?:an? )?(?:veterans?{_APOS}? )?preference[- ]eligible"
            rf"|{_I_AM} (?:an? )?non-?preference[- ]eligible"
            rf"|{_I_LACK} (?:any )?{_VET_PREF}|\b(?:have|has|having|with) no {_VET_PREF}"
            rf"|\b(?:do|does)(?: not|n{_APOS}?t) have (?:any )?{_VET_PREF}"
        ),
        (
            rf"{_WHO_IS} (?:an? )?(?:\w+ )?(?:veterans?{_APOS}? )?preference[- ]eligible"
            rf"|\bi (?:have|get|receive|claim|qualify for) (?:\w+ )?{_VET_PREF}"
            r"|\b(?:10|5|ten|five)[- ]point (?:vet|veteran|preference)"
        ),
    ),
    "supervisory": (
        rf"\bnon-?supervisory\b|{_I_AM_NOT} an? supervisor",
        rf"\bsupervisory\b|{_I_AM} an? (?:new )?supervisor\b",
    ),
    "forwarded_to_dcsint": (
        r"\b(?:not|never) (?:been |yet )?(?:forwarded|sent|referred)\b[^.?!]{0,40}\bdcsint\b",
        r"\b(?:forwarded|sent|referred|elevated|escalated)\b[^.?!]{0,40}\bdcsint\b",
    ),
    "special_salary_rate": (
        r"\b(?:no|not|without) (?:a |any )?special (?:salary )?rate",
        r"\bspecial (?:salary )?rate",
    ),
    "same_commuting_area": (
        r"\b(?:different|another|outside the|new) (?:geographic )?commuting area",
        (r"\bsame (?:geographic )?(?:commuting )?area\b|\bsame (?:commute|metro(?:politan)? area|building|installation"
         r"|base|post|campus|city|town)\b|\bfrom one building to another\b|\bacross town\b|\bdown the hall\b"
         r"|\bkeep living in the same\b"),
    ),
    # Para 8-9a: with Fully Successful, at least one critical or noncritical element exceeded.
    "element_exceeded": (
        (rf"(?:{_NOT}|\b(?:didnt|dont|doesnt|havent|hasnt|wasnt))\b(?: \w+){{0,2}} exceed\w*\b[^.?!]{{0,40}}\belements?\b"
        r"|\bno (?:\w+ ){0,2}elements? (?:\w+ ){0,2}exceeded\b"
        r"|\bnone of (?:my|her|his|their|the) (?:\w+ )?elements\b[^.?!]{0,20}\bexceeded\b"
        rf"|\belements?\b[^.?!]{{0,40}}(?:{_NOT}|\bdidnt)\b(?: \w+){{0,2}} exceed\w* (?:any|one|a single one)\b"),
        (r"\bexceed(?:ed|s)\b(?: the standards?)?(?: on| in)? (?:at least )?(?:one|two|three|some"
        r"|several|all|most|many|an?|\d+|my|her|his|their)\b[^.?!]{0,40}\belements?\b"
        r"|\belements?\b[^.?!]{0,30}\b(?:was|were|got|been|are|is) (?:rated )?(?:as )?exceeded\b"),
    ),
    # Para 8-10d: one EPA in any 3 years. "No EPA in the last 3 years" also says "no".
    "prior_epa": (
        (rf"\b{_NEVER}(?: \w+){{0,2}} (?:had|received|gotten|got|been (?:given|awarded|paid))"
        rf"\b[^.?!]{{0,15}}\b{_EPA}"
        rf"|\bno (?:prior |previous |earlier |past |other )?{_EPA}s?\b"
        rf"|\b(?:have|has|did)(?: not|n{_APOS}t)(?: \w+)? (?:had|received|gotten|got|get|receive)"
        rf" (?:an? |any )?{_EPA}"),
        (rf"{_WHO}{_HAVE} (?:already )?(?:received|got|gotten|had|was given|was awarded)"
        rf" (?:an? |my |her |his )?{_EPA}"
        rf"|\b(?:my|her|his|their) (?:last|previous|prior|most recent) {_EPA}\b"),
    ),
    "cipms_employee": (
        (rf"\bnon-?cipms\b|\bnot (?:currently )?(?:in|under|covered by|an?) (?:a )?cipms\b"
        rf"|{_I_AM_NOT} (?:an? )?cipms"),
        (rf"{_WHO_IS} (?:an? |currently (?:an? )?|already (?:an? )?)?cipms (?:employee|civilian|{_GRADE}\b)"
        rf"|{_WHO_IS} (?:currently |already |now )?cipms(?= and\b| now\b| here\b|\s*[,.;!?]|\s*$)"
        rf"|{_WHO_IS} (?:an? |currently (?:an? )?|already (?:an? )?)?(?:{_GRADE}|employee|employed"
        rf"|working|civilian)(?: \w+)? (?:in|under) (?:the )?cipms\b"
        rf"|{_WHO_IS} (?:currently |already |now )?(?:in|under) (?:the |an? )?cipms\b"
        rf"|\b(?:in|at|from) my (?:current )?cipms (?:job|position)\b"
        rf"|\b(?:i|she|he) (?:work|works|serve|serves) (?:in|as) (?:an? )?cipms\b"
        # "a current cipms analyst", "one of our cipms employees", "in our CIPMS unit"
        rf"|\b(?:a current|current|one of (?:our|my) |our|my) cipms {_PERSON}s?\b|^(?:an? )?(?:{_AGENCY} )?cipms {_PERSON}\b"
        r"|\b(?:in|at|from) (?:our|my|her|his|their) (?:current )?cipms (?:unit|office|position|job|organization"
        r"|billet|slot|directorate|command)\b"
        # "is currently a GS-0132-11 in another Army command's CIPMS office"
        r"|\b(?:currently|now) (?:an? )?(?:[\w-]+ ){0,3}?(?:in|at|with) (?:an? |the |another |our |their )?"
        r"(?:[\w'’-]+ ){0,3}cipms (?:unit|office|position|job|organization|billet|slot|directorate|command|activity)\b"),
    ),
    "federal_employee": (
        (rf"{_WHO_IS_NOT} (?:an? )?(?:federal|government) (?:employee|civilian|worker)"
        rf"|{_PRIVATE}"),
        (rf"{_WHO_IS} (?:an? |currently (?:an? )?)?(?:{_AGENCY} )?(?:{_GRADE}\b"
        rf"|(?:federal|government|army civilian|dod civilian|civil service) (?:employee|civilian|worker))"
        r"|\bi work for the (?:federal government|department of|army|dod|navy|air force)\b"
        rf"|\b(?:i|she|he)(?: currently| now)? (?:work|works) (?:at|for) (?:the )?{_AGENCY}"
        rf"|\b{_GRADE}\b[^.?!;]{{0,40}}\b(?:from|at|with) (?:the )?{_AGENCY}"),
    ),
    "never_federal": (
        r"(?!)",
        (rf"\b{_NEVER}(?: \w+){{0,2}} (?:worked|served|been employed) (?:for|in|with) {_GOVERNMENT}"
        rf"|\bnever (?:actually |really )?(?:(?:been|had|was|held) )?(?:an? )(?:fed\b|(?:federal|government|civil service)"
        r"(?: civilian)? (?:employee|job|position|worker))"
        r"|\b(?:her|his|my|their|this is (?:her|his|my|their)|it'?s (?:her|his|my|their)) first (?:ever )?"
        r"(?:federal|government|civil service) (?:job|position)"
        rf"|\b{_NEVER}(?: \w+){{0,2}} (?:worked|served) as an? (?:federal|government|civil service)"
        r" (?:civilian|employee)"),
    ),
    "left_cipms": (
        r"(?!)",
        rf"{_WHO}{_HAVE} {_LEFT} (?:my|her|his|their|a|the|an) (?:[\w-]+ )?cipms (?:job|position)",
    ),
    "left_federal": (
        r"(?!)",
        (rf"{_WHO}{_HAVE} {_LEFT} (?:an?|my|her|his|their|the) (?:federal|government|civil[- ]service)"
        r"[\w -]{0,20}?(?:job|position)"
        rf"|{_WHO}{_HAVE} {_LEFT} (?:an?|my|her|his|their) civilian (?:job|position) (?:at|with|in)"
        r" (?:the )?(?:air force|army|navy|marine corps|dod|department of|federal)"
        rf"|{_WHO}{_HAVE} {_LEFT} (?:an?|my|her|his|their|the) (?:[\w&.-]+ ){{1,3}}civilian (?:[\w-]+ ){{0,2}}"
        r"(?:job|position)"
        rf"|{_WHO}{_HAVE} (?:left|quit) (?:the )?(?:federal )?(?:government|civil service|federal service)\b"),
    ),
    # Para 6-3: once in a lifetime.
    "received_bonus_before": (
        (rf"\b{_NEVER}(?: \w+){{0,2}} (?:got|gotten|received|had|been paid|been given)"
        rf" (?:an?|the|any) (?:[\w-]+ ){{0,2}}?{_BONUS}"
        rf"|\bno (?:prior|previous|earlier) {_BONUS}"),
        (rf"{_WHO}{_HAVE} (?:already )?(?:got|gotten|received|was paid|were paid|was given|took"
        rf"|accepted) (?:an? |the |my |her |his |their )?(?:[\w-]+ ){{0,2}}?{_BONUS}"
        r"|\b(?:bonus|incentive) again\b|\ba second (?:cipms )?(?:recruitment|hiring) (?:bonus|incentive)"
        rf"|\banother (?:cipms )?(?:premium )?{_BONUS}"),
    ),
    "selected_for_cipms": (
        r"\bnot (?:yet )?(?:been )?selected\b",
        (r"\b(?:selected|hired|hiring|picked|chosen|bringing (?:on|in)|being (?:re)?hired|rehired)\b"
        r"[^.?!]{0,60}\bcipms\b(?: [\w-]+){0,2} (?:job|position)"),
    ),
    # Para 6-1b(1): the purposes the incentives serve.
    "meets_6_1b_purpose": (
        (r"\bnot (?:an? )?(?:hard[- ]to[- ]fill|shortage)\b|\bno (?:scarce|shortage)\b"
        r"|\beasy to fill\b|\bno (?:recruiting|recruitment|hiring|retention) (?:problem|issue|difficult\w*)"),
        (r"\bhard[- ]to[- ]fill\b|\bshortage(?: category)?(?: [\w-]+){0,2} (?:position|job|occupation|skill)s?\b"
        r"|\bscarce skills?\b|\b(?:unique|unusually high) qualifications\b"
        r"|\b(?:skills?|skill set|talent|expertise)\b[^.?!,;]{0,15}\b(?:are|is) (?:scarce|rare|in short supply)\b"
        r"|\bscarcity of\b|\bstruggl\w* to (?:fill|find|recruit)\b|\b(?:difficult|tough) to (?:fill|recruit)\b"
        r"|\b(?:remote|undesirable) (?:work )?(?:site|location|duty station|post)s?\b"),
    ),
    # Para 6-1b(2): a clearly documented need and a positive cost benefit.
    "documented_need": (
        (rf"{_NOT}\b(?: \w+){{0,2}} documented\b|\bundocumented\b"
         rf"|\bnothing(?:{_APOS}s| is| was| has been)? documented\b|\bno documentation\b"),
        r"\bdocumented\b",
    ),
    "cost_benefit": (
        (rf"\b(?:no|not|without|negative|n{_APOS}t)\b(?: \w+){{0,3}} cost[- ]benefit"
        r"|\bcost[- ]benefit\b[^.?!]{0,20}\b(?:negative|not positive|is not|isn't)\b"),
        r"\bcost[- ]benefit\b|\bpencils? out\b|\bcost[- ](?:effective|justified)\b",
    ),
    # Para 6-3b: the service agreement.
    "service_agreement": (
        (rf"\b(?:won{_APOS}t|will not|wouldn{_APOS}t|would not|refuses? to|not)(?: \w+)? sign\b"
        r"[^.?!]{0,20}\bservice agreement|\bno service agreement\b"),
        (r"\b(?:sign|signed|signing|agree to|agreed to|agrees to|accept|accepted)\b[^.?!]{0,20}"
        r"\bservice agreement|\bagree(?:s|d)? to serve\b"),
    ),
    # Para 4-7: new employees and earlier trial or probationary periods.
    "new_employee": (
        rf"{_WHO_IS_NOT} (?:an? )?new (?:employee|hire)",
        (rf"{_WHO_IS} (?:now |just )?(?:an? )?(?:new hire|new employee|newly hired|just hired|being hired|been hired)\b"
         r"|(?:^|[.;!?] )(?:a |the |our |my )?new hire (?:started|starts|is|was|who|just)\b"
         rf"|{_WHO}{_HAVE} (?:now |just )?(?:been )?hired into (?:an? |the )?(?:[\w-]+ )?(?:cipms )?(?:job|position)\b"),
    ),
    "completed_probation": (
        (rf"(?:{_NOT}|\bhave not|\bhas not|\bdid not)\b[^.?!]{{0,20}}\b(?:completed|finished|served)\b"
        r"[^.?!]{0,30}\b(?:trial|probation)"
        r"|\b(?:before|prior to) (?:his|her|my|their|the) (?:trial|probation)(?:ary)?(?: period)? (?:ended|was over|finished|was up)"),
        r"\b(?:completed|finished|served|passed)\b[^.?!]{0,30}\b(?:trial|probationary|probation)\b",
    ),
    # Para 1-6: coverage.
    "local_national": _category(_LOCAL_NATIONAL),
    "guard_technician": _category(_GUARD),
    "nonappropriated_fund": (
        (rf"{_NOT_LISTED}{_NAF}|{_REGULAR}"
        r"|(?<!non)(?<!non-)\bappropriated[- ]fund(?:ed)? (?:army |dod |federal |da )?"
        r"(?:civilian|employee|position)"),
        rf"(?:{_WHO_IS}|\b(?:i|she|he) (?:work|works) as) (?:an? )?{_NAF}",
    ),
    # Para 1-6a(5): a position filled under Schedule A 213.3106(d)(1)/(2) is excepted; a
    # competitive service position is not filled under Schedule A.
    "schedule_a_213_3106d": (
        (r"\b(?:an? |the )?(?:ordinary |regular |normal )?competitive[- ]service (?:position|job|slot)\b"
         r"|\b(?:not|never) (?:filled |hired )?(?:under |in |on )?schedule a\b"),
        r"\b(?:filled|hired|appointed) (?:under|on|through) (?:a )?schedule a\b|\b213\.3106\s?\(d\)",
    ),
    # Para 1-6a(5) covers only nonclerical positions: a secretary's or a clerk's job is clerical.
    "nonclerical": (
        (r"(?<!non)(?<!non-)(?<!not )(?<!not a )\bclerical (?:job|position|work|duties|series)\b"
         r"|\b(?:is|it's|its|as) (?:a |an )?(?:purely |mostly )?clerical\b"
         r"|(?:\b0?3(?:03|05|18|22|26)\b[^.?!]{0,15})?\b(?:secretary|secretarial|clerk|clerk-typist|typist"
         r"|receptionist|office automation assistant)\b(?! of the army| of defense)"),
        r"\bnon-?clerical\b|\bnot (?:a )?clerical\b",
    ),
    "intelligence_mission_org": (
        (r"\b(?:not|no|without|isn't|doesn't have)\b[^.?!]{0,30}\bintelligence mission\b"
        r"|\bnon-?intelligence (?:organization|unit|command|activity)"),
        (r"\bintelligence (?:school|battalion|brigade|command|center|centre|unit|organi[sz]ation"
        r"|agency|activity|group|squadron|detachment|directorate|component)\b"
        r"|\bintelligence mission\b"),
    ),
    "requires_intelligence_ksas": (
        (rf"\b(?:does|do)(?: not|n{_APOS}?t) (?:require|need|call for)\b[^.?!]{{0,20}}\bintel(?:ligence)?\b"
        r"|\bno intelligence[- ]related\b|\bno intel(?:ligence)?(?:[- ]related)? (?:knowledge|skills|ksas?|background)"
        r"(?: \w+)? (?:needed|required)\b"),
        (r"\b(?:requires|required|calls for|demands|needs)\b[^.?!]{0,20}\bintel(?:ligence)?(?:[- ]related)?"
        r" (?:knowledge|skills|ksas?|abilities|expertise)"
        r"|\bintelligence[- ]related (?:knowledge|skills|ksas?)\b[^.?!]{0,20}\b(?:are|is) required"),
    ),
    # Para 4-11c: grade band promotions.
    "same_servicing_cpo": (
        (r"\b(?:different|another|other|new) (?:servicing )?(?:cpo|civilian personnel office)\b"
        r"|\bnot (?:serviced by |in |within )?(?:the )?same (?:servicing )?cpo\b"),
        r"\bsame (?:servicing )?(?:cpo|civilian personnel office)\b",
    ),
    "same_line_of_work": (
        r"\b(?:different|another|other|new) line of work\b|\bnot (?:in )?(?:the |my )?same line of work",
        r"\bsame (?:line|kind|type) of work\b|\b(?:same|my) (?:same )?(?:job )?series\b(?! code)",
    ),
    # Para 6-6: a reassignment is at the grade currently held.
    "same_grade": (
        (r"\b(?:to |at )?a (?:higher|lower|different) grade\b"
         r"|\bfrom (?:an? |the |her |his |my )?(?:gs|gg|gm)[- ]?(\d{1,2})\b[^.?!]{0,30}\bto (?:an? |the )?(?:gs|gg|gm)[- ]?(?!\1\b)\d{1,2}\b"),
        (r"\bsame grade\b(?! band)|\bgrade (?:i|she|he) (?:currently )?holds?\b"
         # "a GS-12 ... being reassigned to a GS-12 job": the same grade written twice
         r"|\b(?:gs|gg|gm|grade)[- ]?(?:\d{4}-)?(\d{1,2})\b[^?!]{0,100}\b(?:reassign\w*|mov(?:e|ed|ing)|transfer\w*)"
         r"[^.?!]{0,30}\b(?:gs|gg|gm|grade)[- ]?(?:\d{4}-)?\1\b(?!-?\d)"),
    ),
    # Para 9-5a: the matter is under MSPB jurisdiction (an adverse action under chapter 75).
    # A removal or a demotion is one (5 U.S.C. 7512); a suspension only when over 14 days.
    "adverse_action": (
        r"(?!)",
        (r"\b(?:appeal|contest|challenge) (?:an? |my |the |his |her )?(?:adverse action|removal)\b"
         r"|\b(?:propos\w*|decided|decision|going|plans?|planning|wants?|trying) to (?:remove|fire|demote)\b"
         r"|\b(?:remov|fir|demot)(?:e|ed|ing) (?:me|her|him|them|my employee)\b"
         r"|\b(?:removal|demotion|reduction in grade)\b"
         r"|\b(?:i|she|he|they) (?:was|were|got|am being|is being|are being) (?:removed|fired|demoted)\b"
         r"|\bsuspen\w*\b[^.?!]{0,20}\b(?:(?:1[5-9]|[2-9]\d|\d{3})[- ]days?|more than (?:14|two weeks))\b"
         r"|\b(?:1[5-9]|[2-9]\d|\d{3})[- ]day suspension\b"),
    ),
}

# Facts that follow from another: (name, value) -> the facts it settles.
IMPLIED: dict[tuple[str, bool], dict[str, bool]] = {
    ("never_federal", True): {
        "federal_employee": False,
        "cipms_employee": False,
        "held_cipms_before": False,
        "held_federal_before": False,
        "completed_probation": False,
        "received_bonus_before": False,
        "new_employee": True,
    },
    ("left_cipms", True): {
        "cipms_employee": False,
        "held_cipms_before": True,
        "held_federal_before": True,
    },
    ("left_federal", True): {"federal_employee": False, "held_federal_before": True},
    ("cipms_employee", True): {"federal_employee": True},
    # CIPMS positions are Federal civilian positions (1-6): outside the government, outside CIPMS
    ("federal_employee", False): {"cipms_employee": False},
}

# Flags only used to imply others; kept in the result when true ("left_cipms": True).
_HELPERS = frozenset({"never_federal", "left_cipms", "left_federal"})

# Words just before a "yes" that make it a mere mention ("do I need to have exceeded ...").
MENTION_ONLY = re.compile(
    r"(?:\b(?:must|should|whether|required)\b(?:\s+\w+){0,4}"
    r"|\b(?:need|needs|needed|have|has) to(?:\s+\w+){0,3}"
    r"|\b(?:do|does|did) (?:i|we|you|she|he|they) need\b(?:\s+\w+){0,4}"
    rf"|\bwhat(?:{_APOS}s| is| are| counts as| makes)(?: an?| the)?)\s+$"
)


# Doubt earlier in the same sentence ("I'm not sure I'm a local national") states nothing.
UNSURE = re.compile(
    rf"\b(?:not sure|unsure|not certain|don{_APOS}?t know|do not know|wonder)\b[^.?!;]*$"
)


def _stated(pattern: str, low: str) -> bool:
    """Whether ``pattern`` matches somewhere not introduced as a mere mention or a doubt."""
    return any(
        not MENTION_ONLY.search(low[: m.start()]) and not UNSURE.search(low[: m.start()])
        for m in re.finditer(pattern, low)
    )


def flags(text: str) -> dict[str, bool]:
    """The yes/no facts the question states; a fact not stated is absent."""
    low = text.lower().replace("\u2019", "'")
    found: dict[str, bool] = {}
    for name, (no, yes) in FLAG_PATTERNS.items():
        if re.search(no, low):
            found[name] = False
        elif _stated(yes, low):
            found[name] = True
    for (name, value), implied in IMPLIED.items():
        if found.get(name) is value:
            for other, other_value in implied.items():
                found.setdefault(other, other_value)
    return {k: v for k, v in found.items() if k not in _HELPERS or v}
