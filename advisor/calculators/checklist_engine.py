"""The one engine that runs every eligibility checklist row: criteria, verdict, explanation.

A checklist is data (``Checklist``): its rule and other rules, its inputs (``Input``), its
criteria (``Criterion``: id, pin-cite, text, the inputs it needs, the plain question asked while
it is unknown, and the test that decides "met", "not met" or "unknown"), how the verdict
combines (``verdict_all``, ``verdict_any`` or a named function), what "eligible" and "not
eligible" mean there, and a note. ``run_checklist`` decides the criteria in order and writes the
explanation from the rows; ``make_calculator`` registers a row with an input model made from
its inputs and the interview's ``needs`` made from its criteria, so each name is written once.

A test is called with the ``Context`` and then the values of the criterion's ``needs`` (and
``reads``), in that order; it returns a status, or a status and what was found. The tests
several checklists share (``yes``, ``no``, ``all_yes``, ``not_all``, ``at_least``,
``at_most``) are here; a special one lives beside its rule. Reading facts out of a question
is the intake's; this module does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from advisor.calculators.base import AR, Calculator, CalculatorError, Context, Rule, pin_cite
from advisor.models import Calculation

Status = Literal["met", "not met", "unknown"]
Outcome = Status | tuple[Status, str]
Test = Callable[..., Outcome]  # test(context, *values of needs and reads) -> Outcome
ELIGIBLE, NOT_ELIGIBLE, NEED_INFO = "eligible", "not eligible", "need more information"


@dataclass(frozen=True)
class Input:
    """One input of a checklist: always optional, since an unknown fact is a question."""

    name: str
    type: type
    help: str


@dataclass(frozen=True)
class Criterion:
    """One condition of a rule, decided by ``test`` from the inputs it ``needs``.

    ``needs`` are the facts that settle it (the interview asks for the first one unknown);
    ``reads`` are inputs the test also reads that are known whenever the criterion is shown.
    ``when`` shows the criterion only for some inputs; ``unless_met`` drops it when one of
    those earlier criteria is met ("otherwise: ..."). ``rule`` is the provision it applies when
    that is not the checklist's own rule (a route of coverage). ``presume`` is for an exception
    the rule lists (1-6d: National Guard technicians ... are excluded): while the facts are not
    stated, the ordinary case is assumed, the criterion counts as met, and the result says what
    was assumed ("assuming the employee is not ..."), so the answer is never silently bent.
    """

    id: str
    section: str
    text: str
    needs: tuple[str, ...]
    test: Test
    ask: str = ""  # empty only for a criterion that can never be unknown
    reads: tuple[str, ...] = ()
    when: Callable[[Mapping[str, Any]], bool] | None = None
    unless_met: tuple[str, ...] = ()
    rule: Rule | None = None
    presume: str = ""


@dataclass(frozen=True)
class Decided:
    """A criterion with its status and what was found, as the result shows it."""

    criterion: Criterion
    status: Status
    finding: str = ""
    assumed: bool = False

    def row(self) -> dict[str, Any]:
        """The ``details["criteria"]`` row; the question is kept only while it is unknown, or
        while it is only assumed (``assumed``: the ``presume`` wording is the finding)."""
        c = self.criterion
        row: dict[str, Any] = {"id": c.id, "status": self.status, "cite": pin_cite(AR, c.section),
                               "text": c.text}
        if self.finding:
            row["finding"] = self.finding
        if self.assumed:
            row["assumed"] = True
        if self.status == "unknown" or self.assumed:
            row["question"] = c.ask
        return row


@dataclass(frozen=True)
class Bound:
    """A range an input must fall in, checked before any criterion; ``message`` may say {value}."""

    name: str
    low: int | Decimal
    high: int | Decimal | None
    message: str

    def check(self, value: Any) -> None:
        high = self.high
        if value is not None and (value < self.low or (high is not None and value > high)):
            raise CalculatorError(self.message.format(value=value))


def verdict_all(decided: Sequence[Decided]) -> str:
    """Every criterion must be met."""
    states = {d.status for d in decided}
    if "not met" in states:
        return NOT_ELIGIBLE
    return NEED_INFO if "unknown" in states else ELIGIBLE


def verdict_any(decided: Sequence[Decided]) -> str:
    """Any one criterion suffices (alternative routes)."""
    states = {d.status for d in decided}
    if "met" in states:
        return ELIGIBLE
    return NEED_INFO if "unknown" in states else NOT_ELIGIBLE


@dataclass(frozen=True)
class Checklist:
    """One eligibility rule as a row; ``run_checklist`` decides it.

    ``meaning`` says what "eligible" and "not eligible" say here when it is not plain
    eligibility; ``rule_of`` picks the rule the result cites when it depends on the criteria
    (default: ``rule``).
    """

    name: str
    title: str
    rule: Rule
    inputs: tuple[Input, ...]
    criteria: tuple[Criterion, ...]
    verdict: Callable[[Sequence[Decided]], str] = verdict_all
    meaning: tuple[str, str] | None = None
    note: str = ""
    bounds: tuple[Bound, ...] = ()
    rule_of: Callable[[Sequence[Decided]], Rule] | None = None
    extra_rules: tuple[Rule, ...] = ()

    def __post_init__(self) -> None:
        names, seen = {i.name for i in self.inputs}, set[str]()
        for c in self.criteria:
            unknown = set(c.needs + c.reads) - names
            if unknown or c.id in seen or not set(c.unless_met) <= seen:
                raise ValueError(f"{self.name}: criterion {c.id!r} names unknown inputs "
                                 f"{sorted(unknown)}, repeats an id or an unknown earlier one")
            seen.add(c.id)

    @property
    def needs(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Criterion id -> the facts that settle it, for every criterion that needs one."""
        return tuple((c.id, c.needs) for c in self.criteria if c.needs)


def run_checklist(row: Checklist, inputs: BaseModel, context: Context) -> Calculation:
    """Decide every criterion of a checklist row shown for these inputs and combine them.

    Args:
        row: The checklist's data.
        inputs: Its validated input model (made by ``input_model``).
        context: ``today``, for the criteria counted in time.
    """
    values = dict(inputs)
    for bound in row.bounds:
        bound.check(values[bound.name])
    decided: list[Decided] = []
    for c in row.criteria:
        if c.when is not None and not c.when(values):
            continue
        if any(d.status == "met" for d in decided if d.criterion.id in c.unless_met):
            continue
        outcome = c.test(context, *(values[n] for n in (*c.needs, *c.reads)))
        state, found = outcome if isinstance(outcome, tuple) else (outcome, "")
        if state == "unknown" and c.presume:
            decided.append(Decided(c, "met", c.presume, assumed=True))
            continue
        decided.append(Decided(c, state, found))
    verdict = row.verdict(decided)
    rule = row.rule_of(decided) if row.rule_of else row.rule
    return _calculation(row, inputs, rule, decided, verdict)


def _calculation(row: Checklist, inputs: BaseModel, rule: Rule, decided: list[Decided],
                 verdict: str) -> Calculation:
    """The verdict, the criteria rows, the open questions and the explanation made of them."""
    rows = [d.row() for d in decided]
    questions = [r["question"] for r in rows if r["status"] == "unknown"]
    failed = [r["text"] for r in rows if r["status"] == "not met"]
    assumed = [f"{r['finding']} ({r['cite']})" for r in rows if r.get("assumed")]
    if verdict == ELIGIBLE:
        why = "met: " + "; ".join(r["text"] for r in rows if r["status"] == "met" and not r.get("assumed"))
        if assumed:
            why += "; assuming " + "; ".join(assumed)
    elif verdict == NOT_ELIGIBLE:
        why = "not met: " + "; ".join(failed) if failed else "no route is met"
    else:
        why = "still needed: " + " ".join(questions)
    said = dict(zip((ELIGIBLE, NOT_ELIGIBLE), row.meaning or ())).get(verdict)
    explanation = f"{verdict.capitalize()}{f' ({said})' if said else ''}: {why}."
    # Questions matter only while the verdict is open; the rows keep theirs regardless.
    details: dict[str, Any] = {"criteria": rows,
                               "questions": questions if verdict == NEED_INFO else []}
    if assumed and verdict == ELIGIBLE:
        details["presumed"] = assumed
    if row.note:
        details["notes"] = [row.note]
    return Calculation(name=row.name, inputs=inputs.model_dump(mode="json"), result=verdict,
                       explanation=explanation, rule=rule.ref(), details=details)


def input_model(row: Checklist) -> type[BaseModel]:
    """A pydantic model of the row's inputs, each optional (None: unknown) with its help text."""
    fields: dict[str, Any] = {
        i.name: (i.type | None, Field(default=None, description=i.help)) for i in row.inputs
    }
    model_name = "".join(p.title() for p in row.name.split("_")) + "Inputs"
    return create_model(model_name, __config__=ConfigDict(extra="forbid"), **fields)


def make_calculator(row: Checklist) -> Calculator:
    """Register a checklist row as a ``Calculator`` (the catalog, forms, tools and API read it)."""
    model = input_model(row)

    def run(inputs: BaseModel, context: Context) -> Calculation:
        return run_checklist(row, inputs, context)

    args = "\n".join(f"            ``{i.name}``: {i.help}" for i in row.inputs)
    run.__doc__ = (f"{row.title} ({row.rule.pin_cite}): a checklist; an input left out is a "
                   f"question.\n\n    Args:\n        inputs:\n{args}\n"
                   "        context: ``today``, for the criteria counted in time.\n")
    return Calculator(name=row.name, title=row.title, kind="eligibility", rule=row.rule,
                      inputs=model, run=run, extra_rules=row.extra_rules, needs=row.needs)


# --- the tests several checklists share ---------------------------------------------------


def status(value: bool | None) -> Status:
    """met for True, not met for False, unknown for None."""
    return "unknown" if value is None else ("met" if value else "not met")


def every(values: Sequence[bool | None]) -> bool | None:
    """True when all hold, False as soon as one does not, else None (still unknown)."""
    if any(v is False for v in values):
        return False
    return True if all(values) else None


def yes(_: Context, value: bool | None) -> Status:
    """Met when the fact holds."""
    return status(value)


def no(_: Context, value: bool | None) -> Status:
    """Met when the fact does not hold ("not currently serving in CIPMS")."""
    return status(None if value is None else not value)


def given(_: Context, value: object) -> Status:
    """Met once the value is known."""
    return "unknown" if value is None else "met"


def all_yes(_: Context, *values: bool | None) -> Status:
    """Met when every fact holds."""
    return status(every(values))


def not_all(_: Context, *values: bool | None) -> Status:
    """Met unless every fact holds: a bar that applies only when all of them do."""
    barred = every(values)
    return status(None if barred is None else not barred)


def at_least(least: int, found: str = "") -> Test:
    """A test met when the number is ``least`` or more; ``found`` (with '{}') says what it was."""

    def test(_: Context, value: int | Decimal | None) -> Outcome:
        if value is None:
            return "unknown"
        return status(value >= least), found.format(value) if found else ""

    test.__doc__ = f"Met when the number is {least} or more."
    return test


def at_most(most: int) -> Test:
    """A test met when the number is ``most`` or less."""

    def test(_: Context, value: int | Decimal | None) -> Status:
        return "unknown" if value is None else status(value <= most)

    test.__doc__ = f"Met when the number is {most} or less."
    return test
