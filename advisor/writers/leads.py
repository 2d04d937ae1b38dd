"""The first line of an answer, in the form the question asks for, and the rules it rests on.

Written from what the intake understood (the ``Intent``) and what the act step produced (the
calculation, the rule-book entries), never from a loosely related sentence: "**No** — …" or
"**Yes**, if … — …" from an entry's yes/no answer and condition; the date or the amount of a
calculation (naming any fact carried from an earlier turn); the office from an obligation;
the expansion of an abbreviation; a complete list; the steps of a procedure in order; the one
question the interview still needs answered; a precise decline. Each lead lists the verbatim
rules to quote under it (the exception with its rule). Text only: no search, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from advisor.calculators_view import format_result, is_settled
from advisor.corpus import pin_cite
from advisor.intake.asked import GUARANTEED, LEADING_CLAUSE
from advisor.intake.declines import TOPICS
from advisor.keywords import tokenize
from advisor.models import Calculation, Intent
from advisor.rulebook.models import Entry

DECLINES = {f"decline:{t.id}": t for t in TOPICS}
# The rule-book entry must match at least this well to answer directly (intake score,
# calibrated on the dev split); below it the answer says the documents do not answer directly.
ENTRY_MIN = 0.74
_ACRONYM = re.compile(r"\b([A-Z][A-Za-z&()]*[A-Z][A-Za-z()]*s?)\b")


@dataclass
class Quote:
    """A rule to quote: where it is and its verbatim words."""

    source: str
    section: str
    text: str
    label: str = ""  # "Exception", "Condition": shown before the quote


@dataclass
class Lead:
    text: str
    kind: str  # calculation | ask | clarify | yes_no | definition | list | how_to | statement | decline | partial
    quotes: list[Quote] = field(default_factory=list)
    cited: list[Quote] = field(default_factory=list)  # quoted in the lead itself (a list's items): cited, not repeated
    refused: bool = False
    confidence: float = 1.0


def rerank(entries: list[Entry], intent: Intent, hits: list[Any], book: Any,
           similarity: Any = None, question: str = "") -> list[tuple[Entry, float]]:
    """The matched entries, and the entries of the passages retrieval ranked first, ordered by
    how well each matches the question plus how high retrieval ranked the passage it quotes:
    the two evidences together pick the provision asked about."""
    pool = list(entries)
    seen = {e.id for e in pool}
    hits = [h for h in hits if "rule" not in getattr(h, "ranks", {})]  # searched, not added for a rule
    for hit in hits[:3]:
        chunk = hit.chunk
        for e in book.entries:
            if e.id not in seen and book.source_of(e.id) == chunk.source and e.cite in chunk.sections:
                pool.append(e)
                seen.add(e.id)
    fresh: dict[str, float] = {}
    if similarity is not None and question:
        extra = [e for e in pool if e.id not in intent.scores]
        for e in extra:
            texts = [e.statement, *e.examples, *(y.question for y in e.yes_no)]
            fresh[e.id] = max(similarity(question, texts))

    def retrieval(entry: Entry) -> float:
        source = book.source_of(entry.id)
        for rank, hit in enumerate(hits[:8]):
            chunk = hit.chunk
            if chunk.source == source and (entry.cite in chunk.sections or chunk.section_id == entry.cite):
                return 1.0 / (rank + 1)
        return 0.0

    def match(entry: Entry) -> float:
        return intent.scores.get(entry.id, fresh.get(entry.id, 0.0) + FRESH_OFFSET)

    # Retrieval reorders only entries that match about equally well: it never lets a passage
    # ranked high for the question's words outvote a provision matched clearly better.
    top = max((match(e) for e in pool), default=0.0)
    scored = [(match(e) + (RETRIEVAL_WEIGHT * retrieval(e) if top - match(e) <= RERANK_WINDOW else 0.0), k, e, match(e))
              for k, e in enumerate(pool)]
    return [(e, m) for _, _, e, m in sorted(scored, key=lambda t: (-t[0], t[1]))]


RETRIEVAL_WEIGHT = 0.15  # tuned on the dev split
RERANK_WINDOW = 0.08  # how far below the best match an entry may be for retrieval to lift it
FRESH_OFFSET = 0.10  # a dense-only similarity is about this much below the intake's dense + lexical score


def lead_for(intent: Intent | None, calcs: list[Calculation], entries: list[Entry], book: Any,
             question: str, similarity: Any = None, hits: list[Any] | None = None) -> Lead | None:
    """The lead of the answer, or None when nothing answers (the writer then declines)."""
    if intent is None:
        return None
    if intent.ambiguities:
        return _clarify(intent, calcs, entries, book)
    if intent.asked == "out_of_scope":
        topic = DECLINES.get(intent.topics[0]) if intent.topics else None
        return _decline(topic)
    if calcs:
        return _calculation(intent, calcs[0], entries, book, question)
    if intent.asked == "definition":
        found = _abbreviation(question, book)
        if found is not None:
            return found
    ranked = rerank(entries, intent, hits or [], book, similarity, question) if book is not None else []
    if not ranked:
        return None
    entries = [e for e, _ in ranked]
    best, score = ranked[0]
    if score < ENTRY_MIN:
        return Lead(text="**The documents don't answer this directly.** The closest passages are below.",
                    kind="partial", quotes=_entry_quotes(best, book), confidence=0.3)
    row = _table_row(intent, question, entries[:3], book)
    if row is not None:
        return row
    parts = _parts(question)
    if len(parts) == 2 and similarity is not None:
        both = _two_parts(intent, parts, entries, book, similarity)
        if both is not None:
            return both
    listed = _whole_list(intent, ranked, question)
    if listed is not None:
        entries = [listed, *(e for e in entries if e is not listed)]
        best = listed
    return _from_entry(intent, best, entries, book, question, similarity)


PART_MIN = 0.55  # how close a part of a two-part question must be to an entry to be answered by it
_PART_SPLIT = re.compile(r"(?:\?\s+|,?\s+\band\s+(?=(?:if\s+[^,?]{3,60},\s*)?(?:who|whom|what|when|where|which|"
                         r"how|why|is|are|do|does|can|could|must|should|will|would|may)\b))", re.IGNORECASE)


def _parts(question: str) -> list[str]:
    """The two questions of "Is a written test required, and who gets a copy?" (one part when
    the question asks one thing; never more than two)."""
    text = " ".join(question.split())
    sentences = [s for s in re.split(r"(?<=[.!])\s+", text) if s.strip()]
    asking = " ".join(s for s in sentences if "?" in s) or text
    pieces = [p.strip(" ,;?") for p in _PART_SPLIT.split(asking) if p and p.strip(" ,;?")]
    pieces = [p for p in pieces if len(p.split()) >= 3]
    return pieces if len(pieces) == 2 else [asking]


def _two_parts(intent: Intent, parts: list[str], entries: list[Entry], book: Any, similarity: Any) -> Lead | None:
    """A lead for each part of a two-part question, each from the entry closest to that part;
    a part no entry is close to is named as not answered. None when one entry answers both
    (the one-question lead does) or when neither part is answered."""
    from advisor.intake.asked import asked_form

    chosen: list[tuple[str, Entry | None]] = []
    for n, part in enumerate(parts):
        # The second part may lean on the first ("…, and if we use one, who gets a copy?"): it
        # is read with the first, and answered by another entry than the first part's.
        taken = {id(e) for _, e in chosen if e is not None}
        pool = [e for e in entries[:12] if id(e) not in taken]
        scores = [_closeness(part, e, similarity) for e in pool]
        if n > 0:
            with_first = [_closeness(f"{parts[0]}; {part}", e, similarity) for e in pool]
            scores = [(a + b) / 2 for a, b in zip(scores, with_first)]
        scored = [(score, k, e) for k, (score, e) in enumerate(zip(scores, pool))]
        score, _, entry = max(scored, key=lambda t: (t[0], -t[1]), default=(0.0, 0, None))
        chosen.append((part, entry if score >= PART_MIN else None))
    found = [e for _, e in chosen if e is not None]
    if not found or (len(found) == 2 and found[0] is found[1]):
        return None
    leads: list[str] = []
    quotes: list[Quote] = []
    cited: list[Quote] = []
    for part, entry in chosen:
        if entry is None:
            leads.append(f"**The documents don't say** {_as_clause(part)}.")
            continue
        ask = intent.model_copy(update={"asked": asked_form(part + "?")})
        lead = _from_entry(ask, entry, [entry, *(e for e in entries if e is not entry)], book, part + "?", similarity)
        leads.append(lead.text)
        quotes += [q for q in lead.quotes if all(q.text != o.text for o in quotes)]
        cited += lead.cited
    return Lead(text="\n\n".join(leads), kind="partial_parts" if len(found) == 1 else "parts",
                quotes=quotes, cited=cited)


def _closeness(text: str, entry: Entry, similarity: Any) -> float:
    return max(similarity(text, [entry.statement, *entry.examples, *(y.question for y in entry.yes_no)]))


def _as_clause(part: str) -> str:
    """The unanswered part as it was asked, for "The documents don't say …"."""
    return f"“{part.rstrip('?')}?”"


LIST_WINDOW = 0.12  # a list entry this close to the best match answers a question asking for a list
_LIST_WORDS = re.compile(r"^\W*(?:and |so )?what (?:\w+ )?(?:training|courses|classes|opportunities|assignments|"
                         r"behaviors|duties|responsibilities|requirements|conditions|steps|kinds|types)\b|"
                         r"\bwhat (?:does|do|should|will) .{0,60}\b(?:expect|require|include|suggest|recommend)\b",
                         re.IGNORECASE)


_ROW = re.compile(r"^\s*(\d{3})\s*\|\s*([^|]+?)\s*$")
_CODE = re.compile(r"\b(?:code|noa|nature of action)\b", re.IGNORECASE)


def _table_row(intent: Intent, question: str, entries: list[Entry], book: Any) -> Lead | None:
    """One row of a table of codes (Table 11-1: "885 | Performance award"): the row whose code
    the question names ("what does NOA code 885 mean?"), or, for "the code for a reassignment",
    the one row whose name the question holds word for word (the longest such name)."""
    if intent.asked == "yes_no" or not _CODE.search(question):
        return None
    asked = set(tokenize(question))
    numbers = set(re.findall(r"\b\d{3}\b", question))
    for entry in entries:
        rows = [(m.group(1), m.group(2), frozenset(tokenize(m.group(2))), p)
                for p in entry.items if (m := _ROW.match(p.quote))]
        if len(rows) < 2 or len(rows) != len(entry.items):
            continue
        named = [r for r in rows if r[0] in numbers]
        if not named:
            held = [r for r in rows if r[2] and r[2] <= asked]
            longest = max((len(r[2]) for r in held), default=0)
            named = [r for r in held if len(r[2]) == longest]
        if len(named) != 1:
            continue
        code, name, _words, part = named[0]
        source = book.source_of(entry.id)
        return Lead(text=f"**{code}: {name}** ({pin_cite(source, part.cite)})", kind="statement",
                    quotes=_entry_quotes(entry, book))
    return None


def _whole_list(intent: Intent, ranked: list[tuple[Entry, float]], question: str) -> Entry | None:
    """The list entry to answer with instead of the best match: when the question asks for a
    list ("what kinds of conditions…?", "what training does OPM suggest…?") and a list entry
    matches nearly as well, or when the best match is one member of a list that matches nearly
    as well and the question is not a yes/no one (what is expected of me is the whole list)."""
    best, top = ranked[0]
    if intent.asked in ("yes_no", "who", "date", "amount", "definition") or best.kind in ("list", "procedure"):
        return None
    wants_list = intent.asked in ("list", "how_to") or bool(_LIST_WORDS.search(_asking(question)))
    lists = [(e, score) for e, score in ranked[1:8] if e.kind in ("list", "procedure") and e.items]
    near = [e for e, score in lists if top - score <= LIST_WINDOW]
    if wants_list and not near:
        # "which job series does CIPMS cover?" best matches one member (1-6a(1)): the list that
        # holds it answers, a little further off
        near = [e for e, score in lists if top - score <= 2 * LIST_WINDOW and _holds(e, best)]
    if not near:
        return None
    if wants_list:
        return near[0]
    return next((e for e in near if _holds(e, best)), None)


def _holds(listing: Entry, entry: Entry) -> bool:
    """Whether an entry is one member of a list entry (the same cite or the same words)."""
    return any(p.cite == entry.cite or _trim(p.quote) == _trim(entry.quote) for p in listing.items)


# --- calculations ---------------------------------------------------------------------------

def _carried(intent: Intent, calc: Calculation) -> str:
    used = [f for f in intent.facts if f.source == "earlier_turn" and f.name in calc.inputs]
    if not used:
        return ""
    parts = [f"{f.role} you gave earlier, {_shown(f.value, f.text)}" for f in used]
    return "Using " + "; and ".join(parts) + "."


def _shown(value: Any, text: str) -> str:
    shown = format_result(value) if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
    if shown:
        return shown
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and re.fullmatch(r"\d+(?:\.\d+)?", value):
        return f"${int(float(value)):,}" if float(value) >= 100 else value
    return text or str(value)


_PERCENT_ASKED = re.compile(r"\b(?:percent(?:age)?s?|pct)\b|%", re.IGNORECASE)


def _rule_entry(calc: Calculation, book: Any) -> Entry | None:
    """The rule-book entry that states the calculator's own rule (its quote holds the rule's)."""
    if book is None:
        return None
    rule = _trim(calc.rule.quote)
    return next((e for e in book.entries if e.cite == calc.rule.section and rule in _trim(e.quote)), None)


def _calculation(intent: Intent, calc: Calculation, entries: list[Entry], book: Any, question: str = "") -> Lead:
    rule = Quote(calc.rule.source, calc.rule.section, calc.rule.quote)
    carried = _carried(intent, calc)
    if calc.details.get("error"):
        return Lead(text=f"**I can't compute that:** {calc.explanation}", kind="calculation", quotes=[rule])
    if calc.missing or calc.result is None:
        ask = (intent.pending.ask if intent.pending and intent.pending.ask else calc.explanation)
        asked_percent = _PERCENT_ASKED.search(question) or _PERCENT_ASKED.search(intent.query or "")
        rule_entry = _rule_entry(calc, book) if asked_percent else None
        if rule_entry is not None:
            # "what percentage is recommended for Highly Successful?": the rule's percentages are
            # the answer; the salary only turns them into dollars
            cite = pin_cite(book.source_of(rule_entry.id), rule_entry.cite)
            return Lead(text=f"**{rule_entry.statement}** ({cite})\n\nTo work out the dollar figures: {ask}"
                        + (f"\n\n{carried}" if carried else ""), kind="statement",
                        quotes=_entry_quotes(rule_entry, book))
        return Lead(text=f"**To work this out I need one more thing:** {ask}" + (f"\n\n{carried}" if carried else ""),
                    kind="ask", quotes=[rule], confidence=0.5)
    if calc.result == "need more information":
        ask = (intent.pending.ask if intent.pending and intent.pending.ask else
               next(iter(calc.details.get("questions") or []), ""))
        met = [r for r in calc.details.get("criteria", []) if r.get("status") == "met" and not r.get("assumed")]
        known = f" So far: {'; '.join(r['text'] for r in met)}." if met else ""
        return Lead(text=f"**It depends on a few facts I don't have yet.**{known} **Next question:** {ask}"
                    + (f"\n\n{carried}" if carried else ""), kind="ask", quotes=[rule], confidence=0.5)
    if calc.result in ("eligible", "not eligible"):
        yes = calc.result == "eligible"
        rows = calc.details.get("criteria", [])
        meaning = calc.explanation.split(":", 1)[0]  # "Eligible (the position is covered)"
        if yes:
            presumed = calc.details.get("presumed") or []
            why = "every condition that applies is met" + (
                f", assuming {'; and '.join(presumed)} — tell me if that is not so" if presumed else "")
        else:
            failed = [r for r in rows if r.get("status") == "not met"]
            why = "not met: " + "; ".join(f"{r['text'][:1].lower()}{r['text'][1:]} ({r['cite']})" for r in failed)
        return Lead(text=f"**{'Yes' if yes else 'No'}** — {meaning[:1].lower()}{meaning[1:]}: {why}."
                    + (f"\n\n{carried}" if carried else ""), kind="calculation", quotes=[rule])
    head = f"**{format_result(calc.result)}** — {calc.explanation}"
    return Lead(text=head + (f"\n\n{carried}" if carried else ""), kind="calculation", quotes=[rule])


# --- questions back -------------------------------------------------------------------------

def _clarify(intent: Intent, calcs: list[Calculation], entries: list[Entry], book: Any) -> Lead:
    a = intent.ambiguities[0]
    quotes = [Quote(c.rule.source, c.rule.section, c.rule.quote) for c in calcs]
    if a.kind == "calculator":
        from advisor.calculators.registry import get

        rules = [get(n) for n in a.options]
        quotes = [Quote(c.rule.source, c.rule.section, c.rule.quote, label=c.title) for c in rules]
        if a.about == "statement":  # facts given with no question yet
            return Lead(text=f"**What would you like to know?** {a.question}", kind="clarify", quotes=quotes,
                        confidence=0.4)
        return Lead(text=f"**Which one do you mean?** {a.question} Tell me and I will work it out.",
                    kind="clarify", quotes=quotes, confidence=0.4)
    return Lead(text=f"**I need to check one thing first:** {a.question}", kind="clarify", quotes=quotes,
                confidence=0.4)


# --- declines -------------------------------------------------------------------------------

DOCUMENTS_COVERED = (
    "AR 690-13 (Civilian Intelligence Personnel Management System, 1990), the OPM IT Program "
    "Management Career Path Guide (2011) and Army Career Program 34 (IT Management)"
)


def _decline(topic: Any) -> Lead:
    if topic is None:
        return Lead(text=(f"**I can't answer that from the documents I have.** They cover {DOCUMENTS_COVERED}, "
                          "and none of their passages addresses this question. Please ask your servicing CPAC "
                          "or HR office, who can also tell you which current rules apply."),
                    kind="decline", refused=True, confidence=0.0)
    return Lead(text=(f"**The documents I have don't cover {topic.name}.** They cover {DOCUMENTS_COVERED}. "
                      f"For this question, ask {topic.ask}."),
                kind="decline", refused=True, confidence=0.0)


# --- rule-book answers ----------------------------------------------------------------------

def _entry_quotes(entry: Entry, book: Any) -> list[Quote]:
    source = book.source_of(entry.id)
    quotes = [Quote(source, entry.cite, entry.quote)]
    if entry.kind in ("list", "procedure"):
        quotes += [Quote(source, p.cite, p.quote) for p in entry.items]
    by_id = book.by_id()
    for ex in entry.exceptions[:3]:
        other = by_id.get(ex)
        if other is not None:
            quotes.append(Quote(book.source_of(other.id), other.cite, other.quote, label="Exception"))
    return quotes


def _from_entry(intent: Intent, entry: Entry, entries: list[Entry], book: Any, question: str,
                similarity: Any) -> Lead:
    source = book.source_of(entry.id)
    cite = pin_cite(source, entry.cite)
    quotes = _entry_quotes(entry, book)
    asked = intent.asked
    if asked == "yes_no":
        member = _membership(question, book)
        if member is not None:
            return member
        wrong = _contradicted(_asking(question), entry)
        if wrong is not None:  # "para 3-9b says the window is 60 days, right?"
            _said, says = wrong  # the user's figure is not repeated: only the document's is stated
            return Lead(text=f"**No — {book.short_names.get(source, source)} says {says}.** "
                             f"{entry.statement} ({cite})", kind="yes_no", quotes=quotes)
        question = _first_alternative(question)
        pick = _yes_no_item(entries, question, similarity)
        if pick is not None:
            chosen, item, wordings = pick
            wording = max(wordings, key=lambda w: w[0])[1]  # the item's wording closest to the user's question
            if chosen is not entry:
                entry, source = chosen, book.source_of(chosen.id)
                cite, quotes = pin_cite(source, chosen.cite), _entry_quotes(chosen, book)
            word = "Yes" if item.answer == "yes" else "No"
            cond = f", {item.condition.rstrip('.')}" if item.condition else ""
            if _substituted(question, f"{item.question} {item.condition}") \
                    or _other_section(question, entry, item, book.titles) or _borrowed(question, entry, item):
                # "Fully Successful gets 4 to 7 percent, right?" is near "Is the award for an
                # Exceptional rating 4 to 7 percent? Yes": not the user's question; the rule's
                # statement (with its real figures) answers, without a yes or no.
                return Lead(text=f"**{entry.statement}** ({cite})", kind="statement", quotes=quotes)
            rule_first = Lead(text=f"**{item.question.rstrip('?')}? {word}{cond}.** {entry.statement} ({cite})",
                              kind="yes_no", quotes=quotes)
            if _rivals(entry, item, question, similarity) or _contrary(question, wording):
                # Two items of opposite answers are about as close: the rule's own question
                # comes first, so its yes or no cannot be read as the answer to another one.
                return rule_first
            confirm = _proposition(question) is not None
            if confirm and _flipped(question, wording):
                # "Is it true the time-in-grade rules don't apply?" asks the rule's question the
                # other way round: its answer is the opposite word; with a condition, the rule's
                # question is restated first so the condition cannot be read backwards.
                if cond:
                    return rule_first
                word = "No" if word == "Yes" else "Yes"
            elif not confirm and _negated_apart(question, wordings):
                # "Can they keep extending it without competing it?" near "Must it be competed?
                # Yes": a negation one has and the other lacks may turn the answer round; the
                # rule's own question is restated with its answer.
                return rule_first
            return Lead(text=f"**{word}{cond}.** {entry.statement} ({cite})", kind="yes_no", quotes=quotes)
    if entry.kind in ("list", "procedure") and entry.items:
        numbered = entry.kind == "procedure" or asked == "how_to"
        lines = [f"{k}. " if numbered else "- " for k in range(1, len(entry.items) + 1)]
        body = "\n".join(f"{mark}{p.plain or _trim(p.quote)} ({pin_cite(source, p.cite)})"
                         for mark, p in zip(lines, entry.items))
        return Lead(text=f"**{entry.statement}** ({cite})\n\n{body}", kind="how_to" if numbered else "list",
                    quotes=quotes[:1] + quotes[1 + len(entry.items):],
                    cited=quotes[1:1 + len(entry.items)])
    if entry.kind == "definition" and entry.term:
        term = f"{entry.term[:1].upper()}{entry.term[1:]}"
        short = (getattr(book, "abbreviations", {}) or {}).get(entry.term.strip())
        if short is not None and short.full.lower() not in entry.statement.lower():
            term = f"{term} ({short.full})"  # "EPA (Exemplary Performance Award): ..."
        return Lead(text=f"**{term}:** {entry.statement} ({cite})", kind="definition", quotes=quotes)
    return Lead(text=f"**{entry.statement}** ({cite})", kind="statement", quotes=quotes)


_QUANTITY = re.compile(r"\b(\d+(?:\.\d+)?)[- ]?(calendar |work(?:ing)? |business )?"
                       r"(days?|weeks?|months?|years?|percent|%|hours?|pay periods?)\b", re.IGNORECASE)


def _quantities(text: str) -> dict[str, set[str]]:
    """Unit -> the numbers the text gives in it ("15 calendar days" -> {"day": {"15"}}, "40%" ->
    {"percent": {"40"}})."""
    out: dict[str, set[str]] = {}
    for m in _QUANTITY.finditer(re.sub(r"(?<=\d)\s?%", " percent", text)):
        out.setdefault(_unit(m), set()).add(m.group(1))
    return out


def _contradicted(question: str, entry: Entry) -> tuple[str, str] | None:
    """(what the question says, what the rule says) when the question states a figure in a unit
    the entry's own words give only other figures for; else None."""
    asked = _quantities(question)
    words = " ".join([entry.quote, entry.statement, *(p.quote for p in entry.items)])
    rule = _quantities(words)
    for unit, numbers in asked.items():
        given = rule.get(unit)
        if given and not numbers & given:
            m = next(m for m in _QUANTITY.finditer(words) if _unit(m) == unit)
            return f"{min(numbers)} {unit}s", m.group(0)
    return None


_NEGATIVE = re.compile(r"\b(?:not|never|cannot|can'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|"
                       r"won'?t|wouldn'?t|shouldn'?t|haven'?t|hasn'?t|hadn'?t|excluded?|excludes|excluding|"
                       r"left out|exempt(?:ed)?|barred|prohibited|forbidden|no longer)\b|\w+n't\b", re.IGNORECASE)


_CONFIRM_LEAD = re.compile(r"^\W*(?:so\s+|but\s+|and\s+)?(?:is it|isn'?t it|am i|is that)\s+(?:really\s+)?(?:true|right|correct|"
                           r"the case|so)\b(?:\s+that)?", re.IGNORECASE)
_CONFIRM_TAIL = re.compile(r"(?:,|\.|\s)\s*(?:is that |isn'?t that |am i |that'?s )?(?:right|correct|true|so|accurate)\s*\??\s*$"
                           r"|,\s*(?:isn'?t it|aren'?t they|doesn'?t it|don'?t they|can'?t they|right)\s*\??\s*$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:because|since|if|when|unless|although|though|after|before|while|even though)\b.*$",
                          re.IGNORECASE)


def _proposition(question: str) -> str | None:
    """What a question asks to have confirmed ("Is it true that X?", "X, right?", "I heard X.
    True?"), without its subordinate clauses; None when it asks no such thing ("Can't I X?"
    is answered by the rule's own polarity, as people answer it)."""
    text = " ".join(question.split())
    sentences = [t for t in re.split(r"(?<=[.!?])\s+", text) if t.strip()]
    asking = sentences[-1] if sentences else text
    if len(asking.split()) <= 4 and len(sentences) > 1 and _CONFIRM_TAIL.search(" " + asking):
        return _SUBORDINATE.sub("", sentences[-2]).strip()  # "CIPMS doesn't use GM. True?"
    if _CONFIRM_LEAD.search(asking):
        return _SUBORDINATE.sub("", _CONFIRM_LEAD.sub("", asking, count=1)).strip()
    if _CONFIRM_TAIL.search(asking):
        return _SUBORDINATE.sub("", _CONFIRM_TAIL.sub("", asking)).strip()
    return None


_ALTERNATIVE = re.compile(r",?\s+or\s+(?:is|are|was|were|does|do|did|can|could|will|would|should|must|has|have|"
                          r"ca[n]?['’]?t|cannot)\s+(?!not\b)(?:it|they|there|that|this|i|we|you|he|she)\b.*$",
                          re.IGNORECASE)


def _first_alternative(question: str) -> str:
    """"Can it be used at GS-15, or is it only for lower grades?" is answered as its first
    question (yes, at any grade): the second is the other answer offered, not a second rule."""
    cut = _ALTERNATIVE.sub("?", question.rstrip())
    return cut if len(cut) > 12 else question


# Words that ask a rule's question the other way round without a negation: "one standard for
# internal candidates and a different one for outside ones?" against "the same standard?".
_CONTRARIES = (("same", ("different", "separate", "another")), ("before", ("after",)),
               ("more", ("less", "fewer")), ("earlier", ("later",)))


def _contrary(question: str, item_question: str) -> bool:
    mine, theirs = set(re.findall(r"[a-z]+", question.lower())), set(re.findall(r"[a-z]+", item_question.lower()))
    for word, opposites in _CONTRARIES:
        other = set(opposites)
        if (word in theirs and not theirs & other and mine & other) or \
                (word in mine and not mine & other and theirs & other):
            return True
    return False


def _flipped(question: str, item_question: str) -> bool:
    """Whether the user asks to confirm the rule's yes/no question negated ("Is it true the
    time-in-grade rules don't apply?", "…are left out of…, right?" against "Do they apply?",
    "Are they covered?")."""
    mine = _proposition(question)
    if mine is None:
        return False
    return len(_NEGATIVE.findall(mine)) % 2 != len(_NEGATIVE.findall(item_question)) % 2


_NEGATIVE_ASKING = re.compile(r"^\W*(?:so\s+|but\s+|and\s+)?(?:isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|can'?t|cannot|"
                             r"won'?t|wouldn'?t|shouldn'?t|wasn'?t|weren'?t|haven'?t|hasn'?t|couldn'?t|mustn'?t)\b",
                             re.IGNORECASE)


def _negations(text: str) -> int:
    """How many negations a question holds ("not", "never", "without", "excluded", "-n't"), the
    negative way of asking ("Isn't it ...?", "Can't I ...?") not counted: people answer it as the
    positive question."""
    sentences = [t for t in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if t.strip()]
    if sentences:
        sentences[-1] = _NEGATIVE_ASKING.sub("", sentences[-1], count=1)
    joined = " ".join(sentences)
    # a refusal or denial told twice ("refused a polygraph ... just for refusing") is one
    return len(_NEGATIVE.findall(joined)) + len({m.group(0).lower()[:5] for m in _NEGATING.finditer(joined)})


# Words that negate what follows them without a "not": "without a list", "denied an incentive"
# (= did not get one), "unresolved" (= not resolved), "refused to", "said no to", "failed to".
_NEGATING = re.compile(r"\b(?:without|denied|denial|turned down|non-?receipt|refus(?:e|es|ed|ing|al)|"
                       r"fail(?:s|ed|ing)? to|unable|unresolved|unsettled|sa(?:y|id|ying) no to)\b", re.IGNORECASE)


def _borrowed(question: str, entry: Entry, item: Any) -> bool:
    """Whether the question takes a title or office from another yes/no item of the entry that
    the chosen item's wordings never use ("Is the Deputy CIO/G-6 the Functional Chief
    Representative?" near "Is the Deputy CIO/G-6 the functional chief?" while "Is the Director
    the functional chief representative?" is the other item): two of the rule's facts mixed,
    whose yes is neither's. A title is what the question writes capitalized inside a sentence."""
    titled = set(tokenize(" ".join(_CAPITALIZED.findall(question))))
    if not titled:
        return False
    own = set(tokenize(" ".join([item.question, *item.also, item.condition])))
    return any((titled & set(tokenize(" ".join([other.question, *other.also])))) - own
               for other in entry.yes_no if other is not item)


_CAPITALIZED = re.compile(r"(?<=[\w,;:)] )[A-Z][\w/-]*")


_RATING_OR_GRADE = re.compile(r"\b(?:exceptional|highly successful|fully successful|minimally (?:acceptable|successful)|"
                              r"unacceptable|unsatisfactory|gs-?\d{1,2}|band \d)\b", re.IGNORECASE)


def _key_terms(text: str) -> set[str]:
    """The ratings, grades and figures with a unit a text names, written one way ("15 day")."""
    figures = {f"{n} {unit}" for unit, numbers in _quantities(text).items() for n in numbers}
    return figures | {" ".join(m.group(0).lower().replace("-", " ").split()) for m in _RATING_OR_GRADE.finditer(text)}


_NAMED = re.compile(r"(?<!\w)['\"‘“]([^'\"’”]{3,40})['\"’”](?!\w)|\b(\d{4})\b")


def _named(text: str) -> set[str]:
    """The quoted names and four-digit series codes a text names ("'Cybersecurity'", "0332")."""
    return {(a or b).lower() for a, b in _NAMED.findall(text)}


def _substituted(question: str, item_text: str) -> bool:
    """Whether the question and a yes/no item each name a rating, grade or figure the other does
    not, or the question names a title or series the item does not: the same shape of question
    about another case, whose yes or no is not the user's."""
    mine, theirs = _key_terms(question), _key_terms(item_text)
    if mine - theirs and theirs - mine:
        return True
    named = _named(question)
    if named and not all(n in item_text.lower() for n in named):
        return True
    # "Am I guaranteed an award?" against "Am I eligible for an award? Yes": may is not must;
    # "does the termination wait until the appeal is decided?" against "Does SecDef decide
    # the appeal? Yes": when something happens is not who decides
    return any(p.search(question) and not p.search(item_text) for p in (GUARANTEED, _SEQUENCE))


_SEQUENCE = re.compile(r"\b(?:wait(?:s|ing)?|until|pending|suspend(?:s|ed)?|on hold|delay(?:s|ed)?|in the meantime)\b",
                       re.IGNORECASE)


_CODE_ASKED = re.compile(r"(?<![\w-])(\d{4})(?![\w-])")


def _membership(question: str, book: Any) -> Lead | None:
    """"Is 0332 one of CP-34's IT core series?": a question naming a section that is a list of
    series codes ("IT Core Series: 2210, 0391, 0301-I") and one code is answered from the list
    itself, complete as the document gives it; where else the code is listed is said too."""
    low = " ".join(question.lower().split())
    codes = set(_CODE_ASKED.findall(low))
    if len(codes) != 1:
        return None
    lists = [(e, listed) for e, listed in book.code_lists
             if re.search(rf"(?<![\w-]){re.escape(' '.join(e.cite.lower().split()))}(?![\w-])", low)]
    if len({e.cite for e, _ in lists}) != 1:
        return None
    code, (entry, listed) = codes.pop(), lists[0]
    source = book.source_of(entry.id)
    cite = pin_cite(source, entry.cite)
    quotes = _entry_quotes(entry, book)
    if code in listed:
        return Lead(text=f"**Yes — {code} is one of the {entry.cite}.** {entry.statement} ({cite})",
                    kind="yes_no", quotes=quotes)
    elsewhere = next((e for e, theirs in book.code_lists if e.cite != entry.cite and code in theirs), None)
    text = f"**No — it is not one of the {entry.cite}.** {entry.statement} ({cite})"
    if elsewhere is not None:
        where = pin_cite(book.source_of(elsewhere.id), elsewhere.cite)
        text += f" {code} is listed under the {elsewhere.cite} ({where})."
        quotes = [*quotes, Quote(book.source_of(elsewhere.id), elsewhere.cite, elsewhere.quote)]
    return Lead(text=text, kind="yes_no", quotes=quotes)


def _other_section(question: str, entry: Entry, item: Any, titles: frozenset[str]) -> bool:
    """Whether the question names a section of the documents ("one of CP-34's IT core series")
    that the entry is not and that its item and words never mention: an item of another section
    ("Is 0332 a para-professional series? Yes") does not answer it."""
    low = " ".join(question.lower().split())
    own = " ".join(f"{entry.cite} {item.question} {item.condition} {entry.quote} {entry.statement}".lower().split())
    return any(re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", low) and t not in own for t in titles)


def _unit(m: re.Match[str]) -> str:
    return m.group(3).lower().rstrip("s").replace("%", "percent")


def _yes_no_item(entries: list[Entry], question: str, similarity: Any) -> tuple[Entry, Any, list[tuple[float, str]]] | None:
    """The yes/no item of the best entry whose question is the user's, with how close the user's
    question is to each of its wordings (the item's question and its other phrasings): the
    closest item when it is close; else, when every item near the question gives the same
    unconditional answer, that one."""
    entry = entries[0]
    items = list(entry.yes_no)
    if not items or similarity is None:
        return None
    wordings = _wordings(similarity, question, items)
    scores = [max(s for s, _ in ws) for ws in wordings]
    main = LEADING_CLAUSE.sub("", question)
    if main != question and len(main) > 12:
        # "If I appeal to SecDef, does the termination wait?": the item must be close to what is
        # asked, not only to the situation set before it ("Does SecDef decide appeals?")
        scores = [min(a, max(s for s, _ in ws)) for a, ws in zip(scores, _wordings(similarity, main, items), strict=True)]
    order = sorted(range(len(items)), key=lambda i: -scores[i])
    best = order[0]
    if scores[best] >= YES_NO_MIN:
        return entry, items[best], wordings[best]
    near = [i for i in order if scores[i] >= YES_NO_NEAR]
    if len(near) >= 2 and len({(items[i].answer, items[i].condition) for i in near}) == 1:
        return entry, items[near[0]], wordings[near[0]]  # one item this far off is another question
    return None


def _wordings(similarity: Any, question: str, items: list[Any]) -> list[list[tuple[float, str]]]:
    """Per item, how close the question is to each of its wordings (its question first)."""
    texts = [q for y in items for q in (y.question, *y.also)]
    flat = similarity(question, texts)
    out, at = [], 0
    for y in items:
        n = 1 + len(y.also)
        # another phrasing counts a little less than the item's own question: more wordings are
        # more chances to be near a different question that shares the rule's words
        out.append([(flat[i] - (ALSO_DISCOUNT if i > at else 0.0), texts[i]) for i in range(at, at + n)])
        at += n
    return out


def _negated_apart(question: str, wordings: list[tuple[float, str]]) -> bool:
    """Whether every wording of the item near the question holds one negation more or fewer than
    the question ("Can they keep extending it without competing it?" against "Must it be
    competed?"): a negation one has and the other lacks may turn the answer round. A wording as
    close with the question's negations ("…because I didn't get an incentive?" against "…because
    I was denied one?" and "…because I did not get one?") keeps the answer."""
    mine = _negations(question) % 2
    best = max(s for s, _ in wordings)
    return not any(s >= best - NEGATION_SLACK and _negations(w) % 2 == mine for s, w in wordings)


def _rivals(entry: Entry, item: Any, question: str, similarity: Any) -> bool:
    """Whether another yes/no item of the entry with the other answer is about as close to the
    question ("Do I have 15 days to appeal?" is near both "after 15 days, can I still...? No" and
    "can I keep retroactive benefits? Yes, only if within 15 days"): then the answer restates the
    rule's own question, so its yes or no cannot be read the wrong way round."""
    others = [y for y in entry.yes_no if y is not item and y.answer != item.answer]
    if not others or similarity is None:
        return False
    mine, *theirs = similarity(question, [item.question, *(y.question for y in others)])
    return any(mine - t < YES_NO_RIVAL for t in theirs)


NEGATION_SLACK = 0.06  # how far below the closest wording one with the question's negations may be
ALSO_DISCOUNT = 0.03  # what another phrasing of an item's question gives up against the question itself
YES_NO_RIVAL = 0.10  # another item of the other answer this close makes a bare yes/no ambiguous
YES_NO_MIN = 0.72  # how close the user's question must be to an entry's yes/no question (cosine)
YES_NO_NEAR = 0.55  # ...or at least this close, with two or more such items of the entry, all agreeing


_EXPANSION = re.compile(r"\bstands? for\b|\bmean(?:s|ing)?\b|\babbreviat|\bacronym|\bshort for\b|"
                        r"^\W*what(?:'s| is| are)\s+(?:an?\s+|the\s+)?[A-Z][A-Za-z&()]*[A-Z]\w*s?\W*$", re.IGNORECASE)


def _abbreviation(question: str, book: Any) -> Lead | None:
    table = getattr(book, "abbreviations", {}) or {}
    if not _EXPANSION.search(_asking(question).strip()):
        return None  # "how does the OPM guide define X?" asks about X, not what OPM stands for
    for m in _ACRONYM.finditer(question):
        key = m.group(1)
        a = table.get(key) or table.get(key.rstrip("s"))
        if a is not None:
            cite = pin_cite(a.source, a.cite)
            return Lead(text=f"**{a.abbr}** stands for **{a.full}** ({cite}).", kind="definition",
                        quotes=[Quote(a.source, a.cite, a.quote)])
    return None


def _asking(question: str) -> str:
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", question) if s.strip()]
    return next((s for s in reversed(sentences) if s.rstrip().endswith("?")), question)


def _trim(text: str) -> str:
    return re.sub(r"^\s*(?:[a-z]\.|\(\d{1,2}\)|\([a-z]\))\s+", "", " ".join(text.split()))


def settled(calcs: list[Calculation]) -> list[Calculation]:
    return [c for c in calcs if is_settled(c)]
