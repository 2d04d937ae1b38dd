"""What form of answer a question asks for: a date, an amount, yes or no, who, a definition...

Read from the question's own form (its question words and how it opens), never from its
topic: "when must I appeal?" asks a date whichever rule it is about, "who approves …?" an
office, "what does CPO stand for?" an expansion. ``FORMS`` is the table, tried in order; the
first that matches wins, and a question matching none asks for a ``fact``. Whether it is in
scope is the matcher's call, not this module's. No I/O.
"""

from __future__ import annotations

import re

from advisor.models import Asked

_AUX = r"(?:can|could|may|might|do|does|did|is|are|am|was|were|will|would|should|shall|must|has|have|had)"
_WHO = r"(?:i|we|you|she|he|they|my|our|his|her|their|it|this|that|there|a|an|the|someone|anyone|employees?)"

# (asked, pattern over the lower-cased question), in order of precedence.
FORMS: tuple[tuple[Asked, str], ...] = (
    ("roadmap", (r"\b(?:career path|roadmap)\b|\bhow (?:do|can|could|would|should) (?:i|someone|an? \w+) "
                r"(?:get|move|go|progress|advance|transition|become)\b|\bhow (?:do|can) i get there\b"
                r"|\b(?:my|the) path to\b|\bwhat(?:'s| is) (?:my|the) (?:path|route|way) (?:to|into)\b"
                r"|\b(?:gs-?)?\d{4}(?:-\d{1,2})?\s*(?:to|->|→)\s*(?:gs-?)?\d{4}\b")),
    ("definition", (r"\bstand for\b|\bstands for\b|\bwhat (?:does|do) (?:the )?(?:term |word |abbreviation |acronym )?"
                   r"[\w\"'()-]+(?: [\w\"'()-]+){0,4} mean\b|\bmeaning of\b|\bdefin(?:e|ition)\b|\bwhat(?:'s| is) "
                   r"(?:an?|the term) [\w -]{2,40}\?*$|\bwhat(?:'s| is| are) (?:an? )?[A-Z]{2,}s?\b\??$")),
    ("who", (r"^\s*(?:and |so |but )?(?:who|whom|whose|which (?:office|official|person|level|authority|agency|organization))\b"
            r"|\bwho (?:approves|decides|signs|handles|is responsible|has to|must|can|should|makes|gets|does|hears)\b"
            r"|\bto whom\b|\bwho do i\b")),
    ("date", (r"\bwhen\b|\bwhat date\b|\bwhich date\b|\bby what date\b|\bdeadline\b|\blast day\b|\bdue date\b"
             r"|\bhow (?:long|much time|many days|many months|soon)\b.*\b(?:have|until|left|before|after|get|to)\b"
             r"|\buntil when\b|\bby when\b|\bhow late\b|\btoo late\b|\bexpire|\bearliest\b|\blatest\b"
             r"|\bat what point\b|\bis there a (?:point|time|day) (?:where|when|at which|after which|by which)\b")),
    ("amount", (r"\bhow (?:much|big|large|high|many)\b|\bis there (?:a |an |any )?(?:upper )?(?:cap|ceiling|maximum|max"
               r"|(?<!time )limit)\b(?! (?:of|on) (?:how (?:long|many (?:days|times))|the number of))|\bwhat(?:'s|s| is)? (?:the |my )?(?:recommended|usual|"
               r"typical|normal|standard|expected) (?:\w+ )?(?:award|amount|bonus|increase|pay|salary)"
               r"|\b(?:award|pay|salary|bonus) range\b|\bwhat (?:award|amount|salary|bonus|step)\b"
               r"|\bwhat(?:'s|s| is| would be| will be)? (?:the |my )?(?:amount|salary|pay|rate"
               r"|range|max(?:imum)?|min(?:imum)?|cap|limit|budget|percent(?:age)?)\b|\bhow many dollars\b"
               r"|\bwhat (?:step|salary|pay)\b|\bwhat would (?:i|my|she|he) (?:make|earn|get paid)\b"
               r"|\bwhat (?:would|will) (?:my|the|her|his|our) (?:salary|pay|rate|award|bonus|step|budget) be\b"
               r"|\bwhat(?:'s| is) the (?:most|least|highest|lowest) (?:\w+ )?(?:can|could|may|might) "
               r"(?:offer|pay|give|get|set|award|receive)\b"
               r"|\bwhat(?:'s| is| would be) the (?:highest|lowest|top|most|least) (?:\w+ ){0,3}"
               r"(?:salary|pay|rate|amount|award|bonus|step|offer)\b"
               r"|\bwhat (?:would|will|does|did) .{0,40}\b(?:bring|take|raise|put|make|set) (?:my|the|her|his|our|their) "
               r"(?:pay|salary|rate|basic pay)\b")),
    ("how_to", (r"^\s*(?:and |so )?how (?:do|can|should|would) (?:i|we|you|one|an? employee|employees|my \w+)\b"
               r"|\bhow to\b|\bwhat (?:are the |is the )?(?:steps|process|procedure)\b|\bwhat should i do\b"
               r"|\bwhere do i (?:file|send|submit)\b")),
    ("list", (r"\bwhat (?:are|were) (?:the|all the|some)\b|\b(?:list|name) (?:the|all)\b|\b(?:what|which) (?:kinds?|types?|forms?|sorts?) of\b"
             r"|\bwhich (?:[\w-]+ )?(?:series|competencies|positions|awards|forms|matters|grades|titles|factors)\b"
             r"|\bwhat (?:competencies|series|awards|factors|matters|titles|certifications)\b")),
    ("yes_no", (rf"^\s*(?:and |so |but |ok,? |also,? |then,? )?(?:(?:{_AUX})(?:n['’]?t| not)?|ca[n]?['’]?t|cannot|wo[n]?['’]?t) (?:{_WHO}\b|[\w$'()-]+ [\w$%'()-]+)"
               rf"|^\s*(?:if|once|after|when)\s+(?!(?:{_AUX})\b)[^?]{{3,120}}?\b(?:{_AUX})(?:n['’]?t)? (?:i|we|you|she|he|they|it|the|my|this|that)\b[^?]*\?\s*$"
               r"|^\s*(?:so\s+)?(?:is\s+)?(?:that['’]?s|thats|that is|is that|isn['’]?t that|is this)?\s*(?:really\s+)?"
               r"(?:right|true|correct|accurate|so)\s*\?\s*$"
               rf"|^\s*(?:is it true|isn't it true|am i (?:eligible|allowed|entitled)|any chance|any way|is there any way)\b"
               rf"|,\s*(?:{_AUX})(?:n't)? (?:i|we|she|he|they)\b[^,]*\?\s*$"
               r"|,\s*(?:right|correct|true|yes|no)\s*\?|\bcan you confirm\b|\bis that (?:right|true|correct)\b"
               r"|\b(?:isn'?t|aren'?t|doesn'?t|don'?t|won'?t|can'?t) (?:it|they|he|she|i)\s*\?"
               r"|\b(?:possible|allowed|permitted|ok|okay|an option|legit|legal)\s*\?\s*$"
               r"|^\s*(?:[\w-]+\s+){0,3}(?:eligible|covered|entitled|qualified)\s*\?\s*$")),
)
_COMPILED = tuple((asked, re.compile(p, re.IGNORECASE)) for asked, p in FORMS)


# A clause that sets the scene before the question ("If I leave my job, is the appeal canceled?").
LEADING_CLAUSE = re.compile(r"^\s*(?:if|when|after|once|since|because|while|before|now that|given that)\b[^,?]{3,120},\s*",
                            re.IGNORECASE)
# Asking whether something is owed, not whether it may be ("Am I guaranteed an award?").
GUARANTEED = re.compile(r"\b(?:guarantee[ds]?|automatic(?:ally)?|entitled to|owed|must (?:they|he|she) give)\b",
                        re.IGNORECASE)
# Words that open a new question without being part of it ("unrelated: do I need a PMP?").
TOPIC_MARKER = re.compile(
    r"^\s*(?:(?:totally |completely |a )?(?:different|unrelated|new|another|separate|other|next|quick) "
    r"(?:question|topic|thing|one)|unrelated|also|one more (?:question|thing)|by the way|btw|question)\s*[:,\-–—]\s*",
    re.IGNORECASE)
_DATE_WORDS_BUT_WHEN = re.compile(dict(FORMS)["date"].replace(r"\bwhen\b|", "", 1), re.IGNORECASE)
_YES_NO = dict(_COMPILED)["yes_no"]


def asked_form(question: str) -> Asked:
    """The form of answer ``question`` asks for (``fact`` when no form in ``FORMS`` fits)."""
    text = " ".join(question.split())
    # The question itself is the last sentence that asks something; earlier ones give facts.
    sentences = [s for s in re.split(r"(?<=[.?!;])\s+", text) if s.strip()]
    asks = [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:] or [text]
    for sentence in reversed(asks):
        sentence = TOPIC_MARKER.sub("", sentence) or sentence
        sentence = LEADING_CLAUSE.sub("", sentence) or sentence
        for asked, pattern in _COMPILED:
            if pattern.search(sentence):
                # "Does preference apply when CIPMS hires from outside?": "when" joins a clause
                # to a yes/no question; it asks for a date only with a date word of its own
                if asked == "date" and _YES_NO.search(sentence) and not _DATE_WORDS_BUT_WHEN.search(sentence) \
                        and not re.match(r"\W*when\b", sentence, re.IGNORECASE):
                    return "yes_no"
                return asked
    return "fact"
