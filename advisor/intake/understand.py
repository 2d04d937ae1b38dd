"""The intake step: a question and the user's earlier turns become one typed ``Intent``.

Run once per turn of the chain. The conversation's state is derived again from the user's turns
each time (``history`` is all the REST API and the web app keep): every turn is replayed in
order, and each either starts a task (a calculator or checklist, a rule lookup, a decline, a
roadmap), or continues the open one — a reply to the one fact asked for, a correction, more
facts, the same question again — or switches topic. For the last turn the intent says what is
asked (``asked``), what it is about, the facts bound to their roles (each with the turn it came
from, so an answer can name a fact carried from earlier), what is still ambiguous and, for an
open task, the next fact the interview asks for. Safety rules: a value is bound only when its
role is clear; two calculators that fit about equally are asked about, never both guessed; a
new unrelated question ends the pending task. No I/O; ``today`` and the embedding function are
passed in.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
from pydantic import ValidationError

from advisor.calculators.base import Calculator, CalculatorError, Context, FactSpec
from advisor.calculators.facts_dates import MONTHS
from advisor.calculators.facts_flags import flags
from advisor.calculators.intake_specs import SAYS
from advisor.intake import replies
from advisor.intake.asked import GUARANTEED, asked_form
from advisor.intake.bind import bind
from advisor.intake.declines import TOPICS, DeclineTopic
from advisor.intake.match import Match, Matcher, Target, confidence
from advisor.intake.spelling import Speller
from advisor.intake.statements import Statements
from advisor.intake.values import Reading, read, subject_at
from advisor.models import Ambiguity, Asked, BoundFact, Intent, Pending

Embed = Callable[[list[str]], np.ndarray]

# Thresholds of the decision, tuned on the golden table (evals/intake.py); see README.
CALC_MIN = 0.80  # a calculator needs at least this score...
CALC_OVER_RULE = 0.12  # ...and may trail the best rule-book entry by at most this much
CALC_MIN_WITH_VALUE = 0.65  # a date or amount asked, with the value it counts from: this suffices
FOCUS_WORDS = 6  # an asking sentence this long is matched on its own too ("Am I under CIPMS?" is too bare)
CALC_MIN_NAMED = 0.55  # a yes/no about someone's case, the checklist named outright (its title or acronym)
LEXICAL_MIN = 0.25  # with no such value, the question must share this much of its words with it
PREFER = 0.12  # how far behind the best a preferred kind of calculator may be
TIE = 0.10  # a lead this clear, with a word of the question only the best one has, decides
TIE_WIDE = 0.25  # calculators this close to the best compete; only evidence tells them apart
_REQUEST = re.compile(r"^\W*(?:please\s+)?(?:tell|explain|show|list|describe|give|summari[sz]e|define|compare|"
                      r"what|how|who|when|where|why|which)\b|\b(?:confirm|verify|check|true|right|correct|"
                      r"agree|ignore)\b", re.IGNORECASE)
_ME = r"i|i'?m|i'?ve|i'?d|me|my|mine|we|our|us"
_FIRST_PERSON = re.compile(rf"\b(?:{_ME})\b", re.IGNORECASE)
# Someone's case, not a rule in general: the asker, or a person the question is about.
_A_CASE = re.compile(rf"\b(?:{_ME}|she|he|her|him|his|she'?s|he'?s)\b", re.IGNORECASE)
# Values that make a question about a case ("is a GS-1710 job in an intel unit covered?"); a rating
# or a grade alone does not ("can someone rated Fully Successful get an award?" asks the rule).
_CASE_FACTS = frozenset({"series", "date", "money"})
_OWN_FACTS = frozenset({"date", "money", "grade", "step", "rating", "years", "months", "days"})
_YES = re.compile(r"^\W*(?:yes|yeah|yep|sure|ok(?:ay)?|please|do it|go ahead|that one)\b", re.IGNORECASE)
MARKED, MARK_LEAD = 0.3, 0.3  # a value's words mark a calculator's fact; by this much more than another's
OWN_MIN = 1.5  # words only the best one has, this rare among the calculators, decide between them
DECLINE_MIN = 0.85
DECLINE_LEAD = 0.10
# The answer forms each kind of calculator gives.
FORMS: dict[str, tuple[Asked, ...]] = {
    "deadline": ("date",),
    "pay": ("amount", "who"),
    "eligibility": ("yes_no",),
}
# Forms a calculator answers only when the question gives the value it counts from ("is it too
# late to appeal my March 2 downgrade?", "is a $12,000 bonus allowed?").
FORMS_WITH_VALUE: dict[str, tuple[Asked, ...]] = {
    "deadline": ("yes_no", "fact"),
    "pay": ("yes_no", "fact"),
    "eligibility": (),
}
_GENERIC_SUBJECT = re.compile(r"^\W*(?:can|could|may|does|do|is|are|will|would|must|should)\s+(?:a|an|the|any|someone|"
                              r"anyone|somebody|employees|people|supervisors|managers|cipms employees)\b", re.IGNORECASE)


@dataclass
class Task:
    """The calculator or checklist being worked out, and what is known so far."""

    calc: Calculator
    started: int
    question: str
    facts: dict[str, BoundFact] = field(default_factory=dict)
    next_fact: str | None = None
    proposed: Any = None  # a value offered in a role question ("Is Feb 20 the effective date?")


@dataclass
class State:
    task: Task | None = None
    pool: list[tuple[int, Reading]] = field(default_factory=list)  # statements not yet used
    options: list[str] = field(default_factory=list)  # calculators asked about (a tie)
    offered: bool = False  # the options were offered for a statement; its facts stay in the pool
    last_question: int = -1  # the turn of the last question (statements after it set its context)
    thread: list[str] = field(default_factory=list)  # the turns of the current topic


def own_targets(calculators: Sequence[Calculator], declines: Sequence[DeclineTopic] = TOPICS) -> list[Target]:
    """The calculators and declined topics as things a question can be about (the rule book's
    entries are ``rulebook.targets``)."""
    out = [Target(c.name, "calculator", (c.title, c.description, *c.examples), group=c.kind,
                  core=f"{c.title} {c.description} {c.rule.quote}") for c in calculators]
    out += [Target(f"decline:{d.id}", "decline", (d.name, d.description, *d.examples), terms=d.terms)
            for d in declines]
    return out


def texts_to_embed(calculators: Sequence[Calculator], declines: Sequence[DeclineTopic] = TOPICS,
                   says: dict[str, tuple[str, ...]] | None = None) -> list[tuple[str, str]]:
    """``(id, text)`` of every text the intake compares a question with, besides the rule book's:
    what the index build embeds ahead of any question (``advisor/precompute.py``)."""
    out = [(f"{t.id}:{n}", text) for t in own_targets(calculators, declines) for n, text in enumerate(t.texts)]
    for fact, statements in (SAYS if says is None else says).items():
        out += [(f"says:{fact}:{n}", text) for n, text in enumerate(statements)]
    return out


class Intake:
    """Understands questions; build once (it embeds every target), use for every turn."""

    def __init__(self, calculators: Sequence[Calculator], embed: Embed, *, rules: Sequence[Target] = (),
                 declines: Sequence[DeclineTopic] = TOPICS, vocabulary: Sequence[str] = (),
                 says: dict[str, tuple[str, ...]] | None = None) -> None:
        says = SAYS if says is None else says
        self.calculators = {c.name: c for c in calculators}
        self.declines = {f"decline:{d.id}": d for d in declines}
        targets = [*own_targets(calculators, declines), *rules]
        # The rule-book entries that state a calculator's own rule count for the calculator.
        self.family = {c.name: {r.id for r in rules if r.quote and _same_words(r.quote, c)} for c in calculators}
        self.embed = embed
        self.matcher = Matcher(targets, embed)
        texts = [t for target in targets for t in target.texts]
        self.speller = Speller([*vocabulary, *texts])
        self.statements = Statements(says, embed)

    # --- the step -------------------------------------------------------------------------

    def understand(self, question: str, history: Sequence[str], today: date) -> Intent:
        """The intent of ``question``, the last of the user's turns ``history + [question]``."""
        turns = [*history, question]
        fixed = [self.speller.fix(t) for t in turns]
        vectors = self._own_vectors(fixed)
        state = State()
        intent = Intent(asked="fact")
        for i, turn in enumerate(turns):
            intent, state = self._turn(turn, fixed[i], vectors, i, len(turns) - 1, state, today)
            if _is_question(turn, asked_form(turn)):
                state.last_question = i
        return intent

    def _own_vectors(self, fixed: list[str]) -> dict[str, np.ndarray]:
        """The vectors of the earlier turns as spelled right, from one model call (in a chat they
        were embedded when each was the question, so this is a lookup). The last turn's texts
        are embedded when it is read (``_last_vectors``)."""
        texts = list(dict.fromkeys(fixed[:-1]))
        return dict(zip(texts, self.embed(texts), strict=True)) if texts else {}

    def _last_vectors(self, vectors: dict[str, np.ndarray], texts: list[str]) -> None:
        """The last turn's own texts (the question, and the question joined to its context when
        it has one) from one model call: the texts it is matched as, no guesses."""
        missing = [t for t in dict.fromkeys(texts) if t not in vectors]
        if missing:
            vectors.update(zip(missing, self.embed(missing), strict=True))

    def _turn(self, turn: str, fixed: str, vectors: dict[str, np.ndarray], i: int, last: int, state: State,
              today: date) -> tuple[Intent, State]:
        reading = _reading(fixed, today)
        asked = asked_form(fixed)
        question = _is_question(fixed, asked)
        # Statements since the last question are the context of this one ("I'm a GS-12." "Step 4."
        # "What would an EPA bring my pay to?"); older ones still give facts, not the topic.
        context = " ".join(r.text for j, r in state.pool if j > state.last_question) if state.task is None else ""
        if question and state.thread and _leans_back(fixed) and not replies.is_switch(fixed):
            # "What if the person I pick doesn't have a clearance?": the thread's last question
            last_question = next((t for t in reversed(state.thread) if _is_question(t, asked_form(t))), None)
            if last_question or not context:
                context = " ".join(x for x in (context, last_question or state.thread[-1]) if x)
        joined = f"{context} {fixed}"
        # In a longer turn the sentence that asks is matched too: facts around it do not dilute it.
        focus = _asking_sentence(fixed) if question else ""
        focus = focus if focus and focus != fixed and len(focus.split()) >= FOCUS_WORDS else ""
        if i == last:
            self._last_vectors(vectors, [t for t in (fixed, joined if question and context else "", focus) if t])
        bare = self.matcher.rank(fixed, vector=vectors.get(fixed), focus=focus, focus_vector=vectors.get(focus))
        ranking = self.matcher.rank(joined, vector=vectors.get(joined), focus=focus,
                                    focus_vector=vectors.get(focus)) if question and context else bare
        task = state.task
        if state.options and not replies.is_switch(fixed):
            picked = self._pick_offered(fixed, question, ranking, state.options) if state.offered \
                else self._pick(fixed, state.options)
            if picked:
                state = State(pool=state.pool, thread=[*state.thread, turn], last_question=state.last_question)
                return self._start(self.calculators[picked], turn, fixed, i, last, reading, state, today,
                                   asked=_asked_for(self.calculators[picked]))
        if task is not None and not replies.is_switch(fixed):
            how = self._continues(task, fixed, reading, question, bare, today)
            if how:
                return self._continue(task, how, turn, fixed, i, last, reading, state, today, asked)
        if question and task is None and state.thread and _leans_back(fixed) and not replies.is_switch(fixed) \
                and asked in ("roadmap", "how_to", "fact", "list"):
            previous = next((t for t in reversed(state.thread) if _is_question(t, asked_form(t))), None)
            if previous is not None and _roadmap(previous, asked_form(previous)):
                # "and what training for the GS-15 part?" narrows the roadmap asked for before
                state = State(pool=state.pool, thread=[*state.thread, turn], last_question=state.last_question)
                return Intent(asked="roadmap", query=fixed, confidence=0.5), state
        if not question and task is None and (not state.options or not state.offered) and state.thread \
                and any(v.type in ("date", "money") for v in reading.values):
            # (with rules offered for this question, only one of them may be taken)
            after = self._after_question(turn, fixed, i, last, state, today, among=state.options)
            if after is not None:
                return after
        # A new topic: earlier statements of this thread may hold its facts.
        previous = next((t for t in reversed(state.thread) if _is_question(t, asked_form(t))), None) \
            if question and not replies.is_switch(fixed) else None
        pool = state.pool if task is None and (not state.options or state.offered) else []
        thread = [turn] if question or task is not None else [*state.thread, turn]

        def begun() -> State:  # the state a new topic starts from (each reading gets its own)
            return State(pool=list(pool), thread=list(thread), last_question=state.last_question)

        intent, after = self._new(turn, fixed, i, last, reading, asked, question, ranking, begun(), today)
        tie = intent.ambiguities[0] if intent.ambiguities else None
        if previous is not None and tie is not None and tie.kind == "calculator" and tie.about == "calculator":
            # Two rules fit this question alike; the question before it may tell them apart
            # ("can I get an advance on my pay?" then "how much could the advance be?"). Only its
            # words are used: its facts are not borrowed.
            again, kept = self._new(turn, fixed, i, last, reading, asked, question,
                                    self.matcher.rank(f"{self.speller.fix(previous)} {fixed}"), begun(), today)
            if not again.ambiguities and again.about and again.about[0] in tie.options:
                return again, kept
        return intent, after

    def _after_question(self, turn: str, fixed: str, i: int, last: int, state: State,
                        today: date, among: Sequence[str] = ()) -> tuple[Intent, State] | None:
        """A date or amount given right after a question that had none ("The MACOM turned down my
        appeal. Can I keep going?" then "The decision memo is dated November 12."): the question
        and the statement together, when they make a deadline or an amount one rule computes."""
        previous = next((t for t in reversed(state.thread) if _is_question(t, asked_form(t))), None)
        if previous is None:
            return None
        text = f"{self.speller.fix(previous)} {fixed}"
        reading = _reading(text, today)
        fresh = State(pool=list(state.pool), thread=[*state.thread, turn], last_question=state.last_question)
        intent, after = self._new(turn, text, i, last, reading, asked_form(previous), True,
                                  self.matcher.rank(text), fresh, today)
        calc = self.calculators.get(intent.about[0]) if intent.about else None
        if calc is None or calc.kind == "eligibility" or intent.ambiguities or not intent.facts \
                or (among and calc.name not in among):
            return None
        return intent, after

    # --- a new topic ----------------------------------------------------------------------

    def _new(self, turn: str, fixed: str, i: int, last: int, reading: Reading, asked: Asked,
             question: bool, ranking: list[Match], state: State, today: date) -> tuple[Intent, State]:
        scores = {m.target.id: round(m.score, 3) for m in ranking[:8]}
        scores.update({m.target.id: round(m.score, 3) for m in [r for r in ranking if r.target.kind == "rule"][:10]})
        rules = [m for m in ranking if m.target.kind == "rule"]
        calcs = self._with_family([m for m in ranking if m.target.kind == "calculator"], rules)
        declines = [m for m in ranking if m.target.kind == "decline"]
        best_rule = rules[0].score if rules else 0.0
        own = self.family.get(calcs[0].target.id, set()) if calcs else set()
        other_rule = next((m.score for m in rules if m.target.id not in own), 0.0)
        in_scope = max(best_rule, calcs[0].score if calcs else 0.0)
        if declines and _declines(declines[0], in_scope):
            top = declines[0]
            return Intent(asked="out_of_scope", topics=[top.target.id], query=fixed, scores=scores,
                          confidence=round(confidence(top.score, in_scope), 3)), state
        if asked in ("roadmap", "how_to", "fact") and _roadmap(fixed, asked):
            return Intent(asked="roadmap", query=fixed, scores=scores, confidence=0.5), state
        fitting = [m for m in calcs if asked in FORMS[m.target.group] or (
            asked in FORMS_WITH_VALUE[m.target.group] and self._has_event(m.target.id, reading))] if question else []
        if not question and not state.pool:
            offer = self._offer(calcs, reading, scores, fixed, state, i)
            if offer is not None:
                return offer
        own = [v for v in reading.values if v.type in _OWN_FACTS and v.subject != "other"]
        if not question and i == last and own and not _REQUEST.search(fixed):
            # Facts of one's own with no question yet ("I'm a GS-12."): kept for the question that follows.
            state.pool = [*state.pool, (i, reading)]
            told = ", ".join(dict.fromkeys(v.text for j, r in state.pool for v in r.values if v.type in _OWN_FACTS))
            amb = Ambiguity(kind="calculator", about="statement", options=[],
                            question=f"Noted: {told}. Ask your question and I will use it.")
            return Intent(asked="fact", ambiguities=[amb], query=fixed, scores=scores, confidence=0.5), state
        asking = _asking_sentence(fixed)
        if _GENERIC_SUBJECT.search(asking) and not _FIRST_PERSON.search(asking) \
                and not any(v.type in _CASE_FACTS for v in reading.values):
            # a question about the rule, not a case ("can an employee ...?"; not "does X change my ...?")
            fitting = [m for m in fitting if self.calculators[m.target.id].kind != "eligibility"]
        chosen = self._choose(self._prefer(fitting, asked, reading), other_rule, asked, reading,
                              rules[0].target.id if rules else "")
        if isinstance(chosen, list):  # a tie: ask which rule is meant
            state.options = [m.target.id for m in chosen]
            state.pool = [*state.pool, (i, reading)]
            names = [self.calculators[n] for n in state.options]
            ask = "Which do you mean: " + "; or ".join(f"{c.title} ({c.rule.pin_cite})" for c in names) + "?"
            amb = Ambiguity(kind="calculator", about="calculator", options=state.options, question=ask)
            return Intent(asked=asked, about=[], ambiguities=[amb], query=fixed, scores=scores,
                          confidence=round(confidence(chosen[0].score, chosen[1].score), 3)), state
        if chosen is None:
            if not question:  # a statement of facts with no question yet
                state.pool = [*state.pool, (i, reading)]
            topics = [m.target.id for m in rules[:10] if m.score >= best_rule - 0.15]
            topics += self._uncovered(declines)
            conf = confidence(best_rule, rules[1].score if len(rules) > 1 else None) if rules else 0.0
            return Intent(asked=asked, topics=topics, query=fixed, scores=scores,
                          confidence=round(conf, 3), subject=self._subject(fixed)), state
        calc = self.calculators[chosen.target.id]
        runner = next((m.score for m in calcs if m is not chosen), None)
        intent, state = self._start(calc, turn, fixed, i, last, reading, state, today, asked=asked,
                                    conf=confidence(chosen.score, runner))
        intent.scores = scores
        intent.topics = [*intent.topics, *self._uncovered(declines)]
        return intent, state

    @staticmethod
    def _uncovered(declines: list[Match]) -> list[str]:
        """A subject the documents do not cover, named outright beside one they do ("…and how
        much leave do I get?"): the answer says that part is not covered."""
        return [declines[0].target.id] if declines and declines[0].phrase else []

    def _prefer(self, calcs: list[Match], asked: Asked, reading: Reading) -> list[Match]:
        """Order the candidates by what the question gives: a yes/no question with an amount the
        user gave goes to the pay rule that checks that amount; one about qualifying goes to the
        checklist (which holds the deadline as one of its conditions)."""
        if asked != "yes_no" or len(calcs) < 2:
            return calcs
        top = calcs[0].score
        kinds = {m.target.id: self.calculators[m.target.id].kind for m in calcs}
        money = any(v.type == "money" for v in reading.values)
        def rank(m: Match) -> tuple[int, float]:
            kind = kinds[m.target.id]
            near = m.score >= top - PREFER
            if money and kind == "pay" and _event_type(self.calculators[m.target.id]) == "money" and near:
                return (0, -m.score)
            if not money and kind == "eligibility" and near:
                return (0, -m.score)
            return (1, -m.score)
        return sorted(calcs, key=rank)

    def _acronym_named(self, calc: Calculator, text: str) -> bool:
        """The question names the calculator's subject by its acronym ("EPA", "QSI")."""
        title_words = re.findall(r"[A-Za-z]+", calc.title)
        acronym = "".join(w[0] for w in title_words if w[0].isupper() and w.lower() not in ("eligibility",))
        return len(acronym) >= 2 and re.search(rf"\b{acronym}s?\b", text) is not None

    def _with_family(self, calcs: list[Match], rules: list[Match]) -> list[Match]:
        """Each calculator scored as the better of itself and the entries stating its rule."""
        by_id = {m.target.id: m for m in rules}
        out = []
        for m in calcs:
            fam = [by_id[r] for r in self.family.get(m.target.id, ()) if r in by_id]
            best = max(fam, key=lambda r: r.score, default=None)
            if best is not None and best.score > m.score:
                m = Match(m.target, best.dense, best.lexical, best.phrase or m.phrase)
            out.append(m)
        return sorted(out, key=lambda m: -m.score)

    def _choose(self, calcs: list[Match], best_rule: float, asked: Asked, reading: Reading,
                best_rule_id: str = "") -> Match | list[Match] | None:
        if not calcs:
            return None
        top = calcs[0]
        calc = self.calculators[top.target.id]
        has_event = any(v.type == _event_type(calc) for v in reading.values)
        # A date or an amount asked for, with the value the calculator counts from: only a
        # calculator can answer it, whatever rule-book entry scores higher.
        computes = has_event and asked == {"deadline": "date", "pay": "amount"}.get(calc.kind)
        outright = False
        if calc.kind == "eligibility" and asked == "yes_no":
            if GUARANTEED.search(reading_text(reading)):
                return None  # "am I guaranteed an award?": being eligible is not being owed it
            stated = self._bind(calc, reading, "unknown", reading.facts.today).facts
            coverage = self.matcher.title_coverage(reading_text(reading), calc.name)
            acronym = self._acronym_named(calc, reading_text(reading))
            named = coverage >= 0.5 or acronym
            computes = computes or (bool(stated) and named and top.score >= best_rule - 1.5 * CALC_OVER_RULE)
            outright = coverage >= 0.999 or acronym
            if not stated and (not _A_CASE.search(reading_text(reading)) or (
                    not outright and best_rule_id not in self.family.get(calc.name, set()) and top.score < best_rule)):
                # No fact of anyone's own: a question about the rule ("Are National Guard
                # technicians ever put under CIPMS?"), or one another rule answers better than
                # the checklist's own ("Do I need a year in grade before I can be promoted?").
                return None
        if not computes and best_rule_id in self.family.get(calc.name, set()) and asked in FORMS[calc.kind]:
            computes = True  # the best rule-book entry is this calculator's own rule: it can work it out
        if not has_event and top.lexical < LEXICAL_MIN and not computes:
            return None  # no word of the question is the calculator's
        bonus = 0.05 if has_event else 0.0
        floor = CALC_MIN_WITH_VALUE if computes else CALC_MIN
        if calc.kind == "eligibility" and asked == "yes_no" and computes and (outright or len(stated) >= 2):
            floor = CALC_MIN_NAMED  # "can a GS-7 on my staff get a performance award? He's ...": named, a case
        if top.score + bonus < floor or (not computes and top.score + bonus < best_rule - CALC_OVER_RULE):
            return None
        text = reading_text(reading)
        if has_event:
            # The words around the user's value say which event it is and that it is not the
            # best one's ("I complained on Nov 2" is the complaint's date, not a decision's):
            # only the rule counting from that event may use it, however the descriptions score.
            near = [top] + [m for m in calcs[1:5] if top.score - m.score < TIE_WIDE and m.score >= CALC_MIN_WITH_VALUE
                            and self.calculators[m.target.id].kind == calc.kind]
            marks = {m.target.id: self._mark(self.calculators[m.target.id], reading) for m in near}
            marked = [m for m in near if marks[m.target.id] > MARKED]
            if len(marked) == 1 and marks[top.target.id] < 0:
                return marked[0]
        group = [top] + [m for m in calcs[1:5] if top.score - m.score < TIE_WIDE and m.score >= floor
                         and self.calculators[m.target.id].kind == calc.kind
                         and not self._decided_by_facts(calc, self.calculators[m.target.id], reading)]
        if len(group) == 1:
            return top
        # Evidence that tells close calculators apart, strongest first: the calculator named
        # outright; words of the question only the best one has; a clear lead; the words around
        # the user's own values, among the closest ones only.
        named = [m for m in group if self.matcher.title_coverage(text, m.target.id) >= 0.999]
        if len(named) == 1:
            return named[0]
        runner = group[1]
        own = self.matcher.distinctive(text, [m.target.id for m in group])
        lead = top.score - runner.score
        if own[top.target.id] >= OWN_MIN and all(own[m.target.id] == 0 for m in group[1:]):
            return top
        if own[top.target.id] >= 2 * OWN_MIN and all(2 * own[m.target.id] <= own[top.target.id] for m in group[1:]):
            return top  # the question's own words mark the best one twice as strongly as any other
        if lead >= TIE and own[top.target.id] > 0:
            return top
        if lead >= TIE_WIDE / 2 and own[top.target.id] >= own[runner.target.id]:
            return top
        close = [m for m in group if top.score - m.score < TIE]
        marks = {m.target.id: self._mark(self.calculators[m.target.id], reading) for m in close}
        marked = [m for m in close if marks[m.target.id] > MARKED]
        if len(marked) == 1 and marked[0] is top:
            return top
        if marks[top.target.id] > MARKED and all(marks[top.target.id] - marks[m.target.id] >= MARK_LEAD for m in close[1:]):
            return top  # the words around the user's value are the best one's, far more than another's
        return group[:3]  # no evidence tells them apart: ask which is meant, never guess a number

    def _offer(self, calcs: list[Match], reading: Reading, scores: dict[str, float], fixed: str, state: State,
               i: int) -> tuple[Intent, State] | None:
        """A statement alone, no question yet, with the event a deadline or amount counts from
        ("I was downgraded on 2026-11-02."): which of the rules of that event it can work out,
        asked back; no number is given before the user says which one is meant."""
        fitting = [m for m in calcs if m.target.group != "eligibility" and m.score >= CALC_MIN_WITH_VALUE
                   and self._has_event(m.target.id, reading)]
        if not fitting:
            return None
        options = [m for m in fitting if fitting[0].score - m.score < TIE_WIDE][:3]
        state.options = [m.target.id for m in options]
        state.offered = True
        state.pool = [*state.pool, (i, reading)]
        names = [self.calculators[m.target.id] for m in options]
        listed = "; or ".join(f"{c.title} ({c.rule.pin_cite})" for c in names)
        ask = (f"From that I can work out: {listed}. Is that what you want to know?" if len(names) == 1
               else f"From that I can work out: {listed}. Which one?")
        amb = Ambiguity(kind="calculator", about="statement", options=state.options, question=ask)
        return Intent(asked="fact", about=[], ambiguities=[amb], query=fixed, scores=scores,
                      confidence=round(confidence(options[0].score, options[1].score if len(options) > 1 else None), 3)), state

    def _mark(self, calc: Calculator, reading: Reading) -> float:
        """How strongly some value of the turn is marked by the words of one of ``calc``'s facts
        (the best ``bind.evidence``; 0 when no value is)."""
        from advisor.intake.bind import evidence

        best = 0.0
        for spec in calc.facts:
            values = reading.of(spec.type)
            if spec.cues:
                best = max([best, *(evidence(spec, reading.text, v, values) for v in values)])
        return best

    def _marks(self, calc: Calculator, reading: Reading) -> bool:
        """Whether some value of the turn is marked by the words of one of ``calc``'s facts."""
        return self._mark(calc, reading) > MARKED

    def _has_event(self, name: str, reading: Reading) -> bool:
        calc = self.calculators[name]
        return any(v.type == _event_type(calc) for v in reading.values)


    def _decided_by_facts(self, a: Calculator, b: Calculator, reading: Reading) -> bool:
        """Two close calculators, but only the first has a fact the question states."""
        ka, kb = _event_type(a), _event_type(b)
        return ka != kb and any(v.type == ka for v in reading.values)

    def _pick_offered(self, text: str, question: bool, ranking: list[Match], options: list[str]) -> str | None:
        """Which rule offered for a statement the next turn takes: "yes" to the only one, a
        question whose best calculator is one of them, or a reply naming one by its title. More
        facts ("Step 4, and I was rated Exceptional.") take none: they join the statement."""
        if len(options) == 1 and _YES.match(text):
            return options[0]
        if question:
            best = next((m.target.id for m in ranking if m.target.kind == "calculator"), None)
            return best if best in options else None
        named = [o for o in options if self.matcher.title_coverage(text, o) >= 0.5]
        return named[0] if len(named) == 1 else None

    def _pick(self, text: str, options: list[str]) -> str | None:
        ranked = [m for m in self.matcher.rank(text, kinds=["calculator"]) if m.target.id in options]
        # A correction ("sorry, I meant Nov 12") names a value, not a rule: it picks none.
        if len(ranked) >= 2 and ranked[0].score - ranked[1].score >= 0.03 and not replies.is_correction(text) \
                and ranked[0].lexical > 0:
            return ranked[0].target.id
        low = text.lower()
        named = [o for o in options if any(w in low for w in _words(self.calculators[o].title))]
        return named[0] if len(named) == 1 else None

    # --- a task ---------------------------------------------------------------------------

    def _start(self, calc: Calculator, turn: str, fixed: str, i: int, last: int, reading: Reading,
               state: State, today: date, *, asked: Asked, conf: float = 1.0) -> tuple[Intent, State]:
        task = Task(calc=calc, started=i, question=fixed)
        subject = self._subject(fixed)
        ambiguities: list[Ambiguity] = []
        for j, earlier in state.pool:  # facts stated before the question, in this thread
            self._merge(task, self._bind(calc, earlier, subject, today), j, "earlier_turn" if j < last else "stated")
        binding = self._bind(calc, reading, subject, today)
        self._merge(task, binding, i, "stated")
        ambiguities = [a for a in binding.ambiguities if a.about not in task.facts]
        state = replace(state, task=task, pool=[], options=[])
        return self._finish(task, i, last, asked, ambiguities, state, today, fixed, conf, subject)

    def _continues(self, task: Task, fixed: str, reading: Reading, question: bool,
                   ranking: list[Match], today: date) -> str | None:
        """How the turn continues the task: 'reply', 'correction', 'facts', 'same'; None: it does not."""
        spec = task.calc.fact(task.next_fact) if task.next_fact else None
        if spec is not None and not question and replies.words(fixed) <= 12 and not replies.is_correction(fixed) \
                and replies.reply_value(spec, reading, today) is not None:
            return "reply"  # ("sorry, I meant Nov 12" corrects what was said; it answers nothing asked)
        if spec is not None and spec.type == "flag" and not question and replies.words(fixed) <= 30 \
                and not replies.is_correction(fixed):
            return "reply"  # a statement answering the yes/no question asked
        if task.proposed is not None and reading.reply is not None and replies.words(fixed) <= 4:
            return "reply"
        if replies.is_correction(fixed) and (reading.values or reading.reply is not None or
                                              self._bind(task.calc, reading, "unknown", today).facts):
            return "correction"
        if replies.is_what_if(fixed) and reading.values:
            return "correction"
        top = next((m for m in ranking if m.target.kind in ("calculator", "rule", "decline")), None)
        if not question:
            if self._bind(task.calc, reading, "unknown", today).facts or spec is not None:
                return "facts"
            return None
        if top is not None and top.target.id == task.calc.name:
            return "same"
        if top is not None and top.score >= CALC_MIN:
            return None  # another question
        if self._bind(task.calc, reading, "unknown", today).facts and (top is None or top.score < CALC_MIN):
            return "facts"
        return None

    def _continue(self, task: Task, how: str, turn: str, fixed: str, i: int, last: int, reading: Reading,
                  state: State, today: date, asked: Asked) -> tuple[Intent, State]:
        subject = self._subject(fixed)
        ambiguities: list[Ambiguity] = []
        if how == "reply":
            spec = task.calc.fact(task.next_fact) if task.next_fact else None
            value = replies.reply_value(spec, reading, today) if spec and spec.type != "flag" else None
            if spec is not None and spec.type == "flag":
                stated = self._bind(task.calc, reading, subject, today).facts
                if spec.name in stated:
                    value = stated[spec.name].value
                elif reading.reply is not None and not stated:
                    value = reading.reply
                elif not stated and replies.words(fixed) <= 6:  # "I do.", "not really", "never have"
                    value = replies.polarity(reading.text)
            if value is None and task.proposed is not None and reading.reply:
                value = task.proposed
            if spec is not None and value is not None:
                task.facts[spec.name] = BoundFact(name=spec.name, value=value, role=spec.role, text=turn.strip(),
                                                  turn=i, source="reply")
            # The reply may state other facts too ("Fully Successful, and I exceeded an element").
            self._merge(task, self._bind(task.calc, reading, subject, today), i, "reply", keep=spec.name if spec else None)
        elif how == "correction":
            binding = self._bind(task.calc, reading, "unknown", today)
            if not binding.facts and reading.values:
                # "Nov 12, not Nov 2": the value not denied replaces the one of its type given before
                binding = _correct_by_type(task, replace(reading, values=replies.meant(reading.values, reading.text)))
            for name, bound in binding.facts.items():
                for other in [k for k, f in task.facts.items() if k != name and f.value == bound.value
                              and _same_type(task.calc, k, name)]:
                    del task.facts[other]  # the value was given the wrong role before
            self._merge(task, binding, i, "correction")
        else:
            binding = self._bind(task.calc, reading, subject, today)
            self._merge(task, binding, i, "stated")
            ambiguities = [a for a in binding.ambiguities if a.about not in task.facts]
        task.proposed = None
        state = replace(state, thread=[*state.thread, turn])
        return self._finish(task, i, last, _asked_for(task.calc) if how != "same" else asked, ambiguities,
                            state, today, f"{task.question} {fixed}", 1.0, subject, continues=True)

    def _merge(self, task: Task, binding: Any, turn: int, source: str, keep: str | None = None) -> None:
        for name, b in binding.facts.items():
            if name == keep:
                continue
            old = task.facts.get(name)
            if old is not None and source == "earlier_turn":
                continue
            task.facts[name] = BoundFact(name=name, value=b.value, role=b.spec.role, text=b.text or "",
                                         turn=turn, source=source)  # type: ignore[arg-type]

    def _finish(self, task: Task, i: int, last: int, asked: Asked, ambiguities: list[Ambiguity], state: State,
                today: date, query: str, conf: float, subject: str, continues: bool = False) -> tuple[Intent, State]:
        for f in task.facts.values():  # a fact from an earlier turn is carried into this one
            if f.turn < i and f.source != "earlier_turn" and i == last:
                f.source = "earlier_turn"
        ambiguities = [a for a in ambiguities if not _settles_with_any_day(task, a, i, today)]
        next_fact = None if ambiguities else next_needed(task.calc, task.facts, today)
        task.next_fact = ambiguities[0].about if ambiguities and ambiguities[0].kind in ("role", "value") else next_fact
        if ambiguities and ambiguities[0].kind == "role" and len(ambiguities[0].options) == 1:
            task.proposed = _value_of(ambiguities[0].options[0], today)
        pending = None
        if task.next_fact:
            spec = task.calc.fact(task.next_fact)
            pending = Pending(task=task.calc.name, next_fact=task.next_fact,
                              ask=ambiguities[0].question if ambiguities else (spec.ask if spec else None))
        intent = Intent(asked=asked, about=[task.calc.name], facts=list(task.facts.values()), pending=pending,
                        ambiguities=ambiguities, subject=subject, confidence=round(conf, 3), query=query,  # type: ignore[arg-type]
                        continues=continues)
        return intent, replace(state, task=task)

    def _bind(self, calc: Calculator, reading: Reading, subject: str, today: date) -> Any:
        return bind(calc, reading, subject, today, self.statements)

    def _subject(self, text: str) -> str:
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
        asking = next((s for s in reversed(sentences) if s.rstrip().endswith("?")), sentences[-1] if sentences else text)
        return subject_at(asking, 0, len(asking))


# --- a month or a year for a date -----------------------------------------------------------

def day_range(text: str) -> tuple[date, date] | None:
    """The first and last day of "March 2019" or "2021" (None when it is neither)."""
    m = re.fullmatch(r"\s*(?:(?P<m>[a-z]{3})[a-z]*\.?\s+)?(?P<y>(?:19|20)\d\d)\s*", text.lower())
    if m is None or (m.group("m") and m.group("m") not in MONTHS):
        return None
    year = int(m.group("y"))
    if not m.group("m"):
        return date(year, 1, 1), date(year, 12, 31)
    month = MONTHS[m.group("m")]
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _settles_with_any_day(task: Task, amb: Ambiguity, turn: int, today: date) -> bool:
    """A checklist given a month or a year for a date ("in my job since March 2019") whose every
    criterion comes out the same on the first and the last day it can be: the exact day does
    not matter, so it is not asked; the fact is bound (as the last day, with the user's words).
    Deadlines always need the exact day."""
    calc = task.calc
    spec = calc.fact(amb.about)
    if calc.kind != "eligibility" or amb.kind != "value" or spec is None or spec.type != "date" or not amb.options:
        return False
    span = day_range(amb.options[0])
    if span is None:
        return False
    known = {k: f.value for k, f in task.facts.items() if k in calc.inputs.model_fields}
    outcomes = []
    for day in span:
        try:
            result = calc({**known, spec.name: day.isoformat()}, Context(today=today))
        except (ValidationError, CalculatorError, ValueError):
            return False
        outcomes.append((result.result, [(r.get("id"), r.get("status")) for r in result.details.get("criteria", [])]))
    if outcomes[0] != outcomes[1]:
        return False
    task.facts[spec.name] = BoundFact(name=spec.name, value=span[1].isoformat(), role=spec.role,
                                      text=amb.options[0], turn=turn, source="stated")
    return True


# --- what the interview asks next -----------------------------------------------------------

def next_needed(calc: Calculator, facts: dict[str, BoundFact], today: date) -> str | None:
    """The one fact the calculation still needs (None: it can be computed or is decided)."""
    values = {k: f.value for k, f in facts.items()}
    try:
        result = calc({k: v for k, v in values.items() if k in calc.inputs.model_fields}, Context(today=today))
    except ValidationError as e:
        missing = [str(err["loc"][0]) for err in e.errors() if err["type"] == "missing"]
        ordered = [f.name for f in calc.facts if f.name in missing] or missing
        return ordered[0] if ordered else None
    except (CalculatorError, ValueError):
        return None
    if result.missing:
        return result.missing[0]
    if result.result == "need more information":
        needs = dict(calc.needs)
        for row in result.details.get("criteria", []):
            if row.get("status") != "unknown":
                continue
            for name in needs.get(row["id"], ()):
                if name not in values:
                    return name
    return None


_LEANS_BACK = re.compile(r"^\W*(?:and|but|so|also|then|what if|what about|how about|and if|in that case|"
                         r"what happens if|does that|is that|can (?:it|they|he|she)|who (?:decides|approves) (?:it|that))\b"
                         r"|\b(?:it|that|this|they|them|one|the person|that person)\b", re.IGNORECASE)


def _leans_back(text: str) -> bool:
    """A short question that leans on the one before ("And who decides it?")."""
    return len(text.split()) <= 16 and bool(_LEANS_BACK.search(text))


def _asking_sentence(text: str) -> str:
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
    return next((s for s in reversed(sentences) if s.rstrip().endswith("?")), sentences[-1] if sentences else text)


def _roadmap(text: str, asked: Asked) -> bool:
    """A career-path question from a stated position (the roadmap parser decides)."""
    from advisor.roadmap.parse import parse_roadmap_question

    request = parse_roadmap_question(text, None)
    if request is None:
        return False
    pos = request.position
    return bool(pos.series or pos.grade or pos.title) and (asked == "roadmap" or request.target is not None)


def _reading(fixed: str, today: date) -> Reading:
    """What a (spell-fixed) text states: its values, its yes/no flags, and the text itself."""
    reading = read(fixed, today)
    reading.facts.flags = flags(fixed)
    reading.fixed = fixed  # type: ignore[attr-defined]
    return reading


def reading_text(reading: Reading) -> str:
    return getattr(reading, "fixed", reading.text)


def _asked_for(calc: Calculator) -> Asked:
    return {"deadline": "date", "pay": "amount", "eligibility": "yes_no"}[calc.kind]  # type: ignore[return-value]


def _event_type(calc: Calculator) -> str:
    required = [f for f in calc.facts if f.required and f.type != "flag"]
    return required[0].type if required else (calc.facts[0].type if calc.facts else "")


def _is_question(text: str, asked: Asked) -> bool:
    return text.rstrip().endswith("?") or asked != "fact" or bool(
        re.match(r"^\W*(?:what|which|who|whom|when|where|why|how|can|could|may|do|does|did|is|are|am|will|"
                 r"would|should|must|tell me|explain)\b", text, re.IGNORECASE))


def _declines(top: Match, in_scope: float) -> bool:
    if top.phrase:  # the question names the subject ("sick leave", "TSP", "telework")
        return top.score >= in_scope - (0.10 if in_scope < DECLINE_MIN else 0.0)
    return top.score >= DECLINE_MIN and top.score >= in_scope + DECLINE_LEAD


def _states_flag(spec: FactSpec, reading: Reading, today: date) -> bool:
    from advisor.intake.readers import read_special

    return spec.reads is not None and read_special(spec.reads, reading, today) is not None


def _flag_reply(spec: FactSpec, reading: Reading, today: date) -> bool | None:
    """A statement answering a yes/no question: its own reading, else its polarity."""
    from advisor.intake.readers import read_special

    stated = read_special(spec.reads, reading, today) if spec.reads else None
    if stated is not None:
        return bool(stated)
    return replies.polarity(reading.text)


def _correct_by_type(task: Task, reading: Reading) -> Any:
    """A corrected value with no role words: it replaces the one fact of its type given before."""
    from advisor.intake.bind import Binding, Bound

    out = Binding()
    for v in reading.values:
        same = [f for f in task.calc.facts if f.type == v.type and f.name in task.facts]
        if len(same) == 1:
            spec = same[0]
            value = v.value.isoformat() if isinstance(v.value, date) else (
                str(v.value) if not isinstance(v.value, (int, str)) else v.value)
            out.facts[spec.name] = Bound(spec, value, v.text, 1.0)
    return out


def _same_type(calc: Calculator, a: str, b: str) -> bool:
    fa, fb = calc.fact(a), calc.fact(b)
    return bool(fa and fb and fa.type == fb.type)


def _value_of(text: str, today: date) -> Any:
    r = read(text, today)
    return r.values[0].value.isoformat() if r.values and isinstance(r.values[0].value, date) else (
        str(r.values[0].value) if r.values else None)


def _same_words(quote: str, calc: Calculator) -> bool:
    """Whether an entry's quote is, for the most part, the calculator's rule quote: at least half
    of its eight-word runs are in it (one shared phrase such as "forwarded through command
    channels to HQDA" does not make another rule the calculator's own)."""
    a = re.findall(r"[a-z0-9]+", quote.lower())
    b = " ".join(re.findall(r"[a-z0-9]+", " ".join(r.quote for r in (calc.rule, *calc.extra_rules)).lower()))
    if len(a) < 8:
        return " ".join(a) in b
    runs = [" ".join(a[k:k + 8]) in b for k in range(len(a) - 7)]
    return sum(runs) >= 0.5 * len(runs)


def _words(title: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]{5,}", title.lower()) if w not in {"deadline", "limit", "eligibility"}]
