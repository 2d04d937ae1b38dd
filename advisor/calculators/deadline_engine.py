"""The one engine that runs every deadline row: a count of days, months, years or pay periods.

A deadline is data (``Deadline``): its rule (pin-cite and verbatim quote), the event it counts
from (a ``FactSpec``), how it counts (``Count``), what the date means (``says``), other dates
worth knowing (``Also``) and notes. ``run_deadline`` computes the date, says whether it has
passed, and writes the explanation from the row itself, so each figure is written once (the
``Count``); ``make_calculator`` registers a row with a pydantic input model made from its facts.

Counting conventions (``dates``): calendar days after an event start the day after it; months
and years go by the calendar, clamped at month end; a period of service (``through``) includes
its first day; pay periods are the agency's biweekly periods from ``Context.pay_period_anchor``
and those "after" a date begin strictly after it. No I/O; ``today`` comes from the ``Context``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from advisor.calculators import dates
from advisor.calculators.base import (
    Calculator,
    CalculatorError,
    Context,
    FactSpec,
    Rule,
    ar_rule,
)
from advisor.models import Calculation

# ``ar_rule`` (base.py) is re-exported: the deadline rows and their tests write rules with it.
__all__ = ["NOT_MOVED", "Also", "Count", "Deadline", "Variant", "ar_rule", "check_input_dates",
           "finish", "input_model", "make_calculator", "run_deadline"]
NOT_MOVED = (
    "AR 690-13 says nothing about a last day that falls on a weekend or federal holiday, "
    "so the date is not moved; act earlier if in doubt."
)
_ORDINAL = {1: "1st", 2: "2nd", 3: "3rd"}


class Count(BaseModel):
    """How a date follows from an event.

    ``after``: the event plus the amount (calendar days start the day after). ``before``: the
    event minus the amount. ``through``: the last day of a period of service that includes the
    event day. ``window_end``: the last day of the n-th pay period beginning after the event.
    ``period_start``: the first day of the n-th pay period beginning after the event.
    """

    model_config = ConfigDict(frozen=True)

    amount: int = Field(default=0, ge=0)
    unit: Literal["days", "months", "years", "pay periods"]
    how: Literal["after", "before", "through", "window_end", "period_start"] = "after"
    calendar: bool = Field(default=True, description="Days the rule calls calendar days.")
    amount_fact: str | None = Field(default=None, description="The amount is this input instead.")
    bounds: tuple[int, int] | None = Field(default=None, description="Allowed range of that input.")
    plus_fact: str | None = Field(default=None, description="This input is added to the amount.")

    def total(self, values: dict[str, Any]) -> int:
        n = int(values[self.amount_fact]) if self.amount_fact else self.amount
        if self.bounds and not self.bounds[0] <= n <= self.bounds[1]:
            lo, hi = self.bounds
            allowed = ", ".join(str(i) for i in range(lo, hi)) + f" or {hi}"
            raise CalculatorError(f"{n} {self.unit} is not allowed here: the rule allows from {lo} to "
                                  f"{hi} {self.unit} ({allowed}).")
        return n + (int(values.get(self.plus_fact) or 0) if self.plus_fact else 0)

    def apply(self, event: date, n: int, anchor: date) -> date:
        match self.how, self.unit:
            case "after", "days":
                return dates.add_days(event, n)
            case "after", "months":
                return dates.add_months(event, n)
            case "after", "years":
                return dates.add_years(event, n)
            case "before", "days":
                return dates.add_days(event, -n)
            case "through", "days":
                return dates.period_last_day(event, days=n)
            case "through", "months":
                return dates.period_last_day(event, months=n)
            case "through", "years":
                return dates.period_last_day(event, years=n)
            case "window_end", "pay periods":
                return dates.add_days(dates.nth_pp_start_after(event, n, anchor), dates.PAY_PERIOD_DAYS - 1)
            case "period_start", "pay periods":
                return dates.nth_pp_start_after(event, n, anchor)
        raise ValueError(f"count {self.how!r} of {self.unit!r} is not defined")

    def phrase(self, n: int) -> str:
        """'15 calendar days after', 'the end of the 4th pay period beginning after', ..."""
        unit = self.unit if n != 1 else self.unit.rstrip("s").replace("pay period", "pay period")
        if self.unit == "days" and self.calendar:
            unit = "calendar " + unit
        match self.how:
            case "after":
                return f"{n} {unit} after"
            case "before":
                return f"{n} {unit} before"
            case "through":
                return f"a period of {n} {unit} that includes its first day, counted from"
            case "window_end":
                return f"the end of the {_nth(n)} pay period beginning after"
            case _:
                return f"the beginning of the {_nth(n)} pay period after"


def _nth(n: int) -> str:
    return _ORDINAL.get(n, f"{n}th")


class Also(BaseModel):
    """Another date worth knowing, counted from the event, the result or another date."""

    model_config = ConfigDict(frozen=True)

    key: str
    count: Count | None = Field(default=None, description="None: the date itself.")
    counts: tuple[Count, ...] = Field(default=(), description="Several dates, as a list.")
    start: str = Field(default="event", description="'event', 'result', an input or an earlier key.")
    on_or_after: str | None = Field(
        default=None, description="Instead of a date: whether ``start`` is on or after this one."
    )


class Variant(BaseModel):
    """Wording that depends on a choice input (e.g. supervisor or employee)."""

    model_config = ConfigDict(frozen=True)

    says: str
    event_role: str


class Deadline(BaseModel):
    """One deadline rule as a row; ``run_deadline`` computes it."""

    model_config = ConfigDict(frozen=True)

    name: str
    title: str
    rule: Rule
    events: tuple[FactSpec, ...] = Field(
        description="The date(s) it counts from; the first one given is used (later ones are fallbacks)."
    )
    count: Count
    says: str = Field(description="What the date is, with '{result}' where it goes; no figures.")
    event_says: dict[str, str] = Field(
        default_factory=dict, description="Another 'says' when counting from a later event."
    )
    act_by: bool = Field(default=True, description="A last day someone must act by.")
    other_facts: tuple[FactSpec, ...] = Field(default=(), description="Inputs that are not the event.")
    variants_by: str | None = Field(default=None, description="The choice input the wording follows.")
    variants: dict[str, Variant] = Field(default_factory=dict)
    also: tuple[Also, ...] = ()
    order: tuple[tuple[str, str], ...] = Field(
        default=(), description="(earlier, later) input pairs that must be in that order."
    )
    requires: dict[str, str] = Field(
        default_factory=dict, description="flag input -> the input it makes required."
    )
    notes: dict[str, str] = Field(default_factory=dict, description="Static details shown with it.")
    description: str = ""
    examples: tuple[str, ...] = ()

    @property
    def facts(self) -> tuple[FactSpec, ...]:
        return (*self.events, *self.other_facts)


def check_input_dates(values: dict[str, Any]) -> None:
    """Raise CalculatorError if any date input is outside 1990-01-01..2100-12-31."""
    for name, value in values.items():
        if isinstance(value, date):
            dates.check_date(value, name.replace("_", " "))


def run_deadline(row: Deadline, inputs: BaseModel, context: Context) -> Calculation:
    """Compute one deadline row for the given inputs.

    Args:
        row: The deadline's data.
        inputs: Its validated input model (made by ``input_model``).
        context: ``today`` (has the date passed?) and the pay-period anchor.
    """
    values = dict(inputs)
    check_input_dates(values)
    for flag, needed in row.requires.items():
        if values.get(flag) and values.get(needed) is None:
            spec = next(f for f in row.facts if f.name == needed)
            return Calculation(name=row.name, inputs=inputs.model_dump(mode="json"), result=None,
                               explanation=spec.ask, rule=row.rule.ref(), missing=[needed])
    for earlier, later in row.order:
        a, b = values.get(earlier), values.get(later)
        if a is not None and b is not None and a > b:
            raise CalculatorError(
                f"The {_label(row, earlier)} ({a.isoformat()}) is after the {_label(row, later)} "
                f"({b.isoformat()}): the second must be on or after the first."
            )
    event_spec = next(e for e in row.events if values.get(e.name) is not None)
    event: date = values[event_spec.name]
    n = row.count.total(values)
    result = row.count.apply(event, n, context.pay_period_anchor)
    says, role = row.says, event_spec.role
    if row.variants_by:
        variant = row.variants[str(values[row.variants_by])]
        says, role = variant.says, variant.event_role
    says = row.event_says.get(event_spec.name, says)
    text = (f"{says.format(result=dates.fmt(result))}: {row.count.phrase(n)} {role}, "
            f"{dates.fmt(event)}")
    details: dict[str, Any] = {event_spec.name: event.isoformat()}
    known = {"event": event, "result": result, **{k: v for k, v in values.items() if isinstance(v, date)}}
    for also in row.also:
        start = known.get(also.start)
        if start is None:
            continue
        if also.on_or_after:
            details[also.key] = start >= known[also.on_or_after]
            continue
        if also.counts:
            details[also.key] = [c.apply(start, c.total(values), context.pay_period_anchor).isoformat()
                                 for c in also.counts]
            continue
        when = start if also.count is None else also.count.apply(start, also.count.total(values),
                                                                 context.pay_period_anchor)
        known[also.key] = when
        details[also.key] = when.isoformat()
    details.update(row.notes)
    return finish(row.name, row.rule, inputs, context, result, text, details, act_by=row.act_by)


def _label(row: Deadline, name: str) -> str:
    spec = next((f for f in row.facts if f.name == name), None)
    return spec.role if spec else name.replace("_", " ")


def finish(name: str, rule: Rule, inputs: BaseModel, context: Context, result: date,
           explanation: str, details: dict[str, Any], *, act_by: bool = True) -> Calculation:
    """The ``Calculation`` of a date: ISO result, weekday, days from today, pin-cite and, for a
    last day someone must act by, the weekend/holiday note and whether the day has passed."""
    dates.check_date(result, "resulting date")
    out = dict(details)
    out["weekday"] = dates.weekday_name(result)
    out["days_from_today"] = dates.days_between(context.today, result)
    text = explanation.rstrip(".") + f" ({rule.pin_cite})."
    if act_by:
        out["note"] = NOT_MOVED
        if dates.is_weekend(result):
            text += f" It falls on a {dates.weekday_name(result)};"
            text += " AR 690-13 does not move it for a weekend or holiday."
        else:
            text += " AR 690-13 does not move it for a holiday."
        if result < context.today:
            out["status"] = "passed"
            text += f" That day has passed (today is {dates.fmt(context.today)})."
        else:
            out["status"] = "today" if result == context.today else "upcoming"
    return Calculation(name=name, inputs=inputs.model_dump(mode="json"), result=result.isoformat(),
                       explanation=text, rule=rule.ref(), details=out)


_PY_TYPES: dict[str, Any] = {"date": date, "flag": bool, "count": int, "years": int}


def input_model(row: Deadline) -> type[BaseModel]:
    """A pydantic model of the row's inputs: required facts first, each with its help text."""
    fields: dict[str, Any] = {}
    fallback = {e.name for e in row.events[:-1]}  # every event but the last may be absent
    for spec in row.facts:
        kind: Any = Literal[spec.choices] if spec.type == "choice" else _PY_TYPES[spec.type]  # type: ignore[valid-type]
        help_text = spec.help or spec.role[:1].upper() + spec.role[1:] + "."
        if spec.required and spec.name not in fallback:
            fields[spec.name] = (kind, Field(description=help_text))
        else:
            fields[spec.name] = (kind | None if spec.default is None else kind,
                                 Field(default=spec.default, description=help_text))
    model_name = "".join(p.title() for p in row.name.split("_")) + "Input"
    return create_model(model_name, __config__=ConfigDict(extra="forbid"), **fields)


def make_calculator(row: Deadline) -> Calculator:
    """Register a deadline row as a ``Calculator`` (the catalog, forms, tools and API read it)."""
    model = input_model(row)

    def run(inputs: BaseModel, context: Context) -> Calculation:
        return run_deadline(row, inputs, context)

    args = "\n".join(f"            ``{f.name}``: {f.role}." for f in row.facts)
    run.__doc__ = (f"{row.title} ({row.rule.pin_cite}).\n\n    Args:\n        inputs:\n{args}\n"
                   "        context: ``today`` and the pay-period anchor.\n")

    return Calculator(name=row.name, title=row.title, kind="deadline", rule=row.rule, inputs=model,
                      run=run, description=row.description, examples=row.examples, facts=row.facts)
