"""Bind the values of a turn to a calculator's facts by the role each value plays.

A fact (``FactSpec``) takes a value of its type only when its role is clear: the words around
the value (in its clause, the words before it counting most) are the fact's ``cues`` and not
its ``avoid`` words, or it is the only value of that type and nothing marks it as something
else. Two values competing for one fact with nothing to tell them apart, or a lone value
marked only as another role ("I got the notice on Feb 20" for the effective date), become an
``Ambiguity``: the answer asks which it is instead of guessing. A value about someone else is
not bound to the asker's facts (and the other way round). Yes/no facts and special readings
come from ``readers``. No I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.calculators.base import Calculator, FactSpec
from advisor.intake.readers import read_special
from advisor.intake.values import Reading, Value
from advisor.models import Ambiguity

_BEFORE, _AFTER = 60, 35  # characters of context read before and after a value
_BOUNDARY = re.compile(r"[.;!?]|\bbut\b|\band then\b|,\s*(?:and|but)\b|\bif\b|\bbecause\b")
# After a value its own words end at the next clause or "and": "on D1 and was appointed on D2".
_RIGHT_END = re.compile(r"[.;!?,(]|\band\b|\bbut\b|\bthen\b|\bwhile\b")


@dataclass
class Bound:
    """A value bound to a fact, with how sure the role is."""

    spec: FactSpec
    value: Any
    text: str
    evidence: float
    inferred: str = ""


@dataclass
class Binding:
    facts: dict[str, Bound] = field(default_factory=dict)
    ambiguities: list[Ambiguity] = field(default_factory=list)


def _context(text: str, v: Value, others: list[Value] = ()) -> tuple[str, str]:  # type: ignore[assignment]
    """The words of the value's clause before and after it, lower-cased, never reaching past
    another value of the same type (its words are that value's)."""
    low = text.lower()
    start = max([o.end for o in others if o.end <= v.start] + [max(0, v.start - _BEFORE)])
    stop = min([o.start for o in others if o.start >= v.end] + [v.end + _AFTER])
    left = low[start: v.start]
    cut = [m.end() for m in _BOUNDARY.finditer(left)]
    left = left[cut[-1]:] if cut else left
    right = low[v.end: stop]
    m = _RIGHT_END.search(right)
    return left, right[: m.start()] if m else right


def _hits(words: tuple[str, ...], left: str, right: str) -> float:
    """How strongly ``words`` mark the value: nearer before counts most, after counts less."""
    best = 0.0
    for w in words:
        pattern = rf"(?<![a-z]){re.escape(w)}"
        for m in re.finditer(pattern, left):
            best = max(best, 1.0 - 0.5 * (len(left) - m.end()) / _BEFORE)
        m2 = re.search(pattern, right)
        if m2:
            best = max(best, 0.6 - 0.3 * m2.start() / _AFTER)
    return best


def evidence(spec: FactSpec, text: str, v: Value, others: list[Value] = (), choice: str | None = None) -> float:  # type: ignore[assignment]
    """Cue strength minus avoid strength around ``v`` for ``spec`` (-1..1). With a choice made
    (supervisor or employee), that choice's words mark the fact and the other choices' do not."""
    left, right = _context(text, v, [o for o in others if o is not v])
    cues, avoid = spec.cues, spec.avoid
    if spec.variants and choice in spec.variants:
        cues = (*cues, *spec.variants[choice])
        avoid = (*avoid, *(w for k, ws in spec.variants.items() if k != choice for w in ws))
    return _hits(cues, left, right) - _hits(avoid, left, right)


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal(1))) if value == value.to_integral() else format(value.normalize(), "f")
    return value


def bind(calc: Calculator, reading: Reading, subject: str, today: date, statements: Any = None) -> Binding:
    """Bind what ``reading`` states to ``calc``'s facts (see the module docstring); yes/no facts
    no pattern reads come from ``statements`` (an ``intake.statements.Statements``) when given."""
    out = Binding()
    by_type: dict[str, list[FactSpec]] = {}
    choice: str | None = None
    for spec in calc.facts:
        if spec.reads:
            found = read_special(spec.reads, reading, today)
            if found is not None:
                out.facts[spec.name] = Bound(spec, _json(found), "", 1.0)
            continue
        if spec.type == "choice":
            low = reading.text.lower()
            said = [c for c in spec.choices if re.search(rf"\b{c}", low)]
            chosen = _choice(spec, low, said)
            if chosen:
                out.facts[spec.name] = Bound(spec, chosen, chosen, 1.0)
                choice = chosen
            continue
        if spec.type == "flag":
            continue
        by_type.setdefault(spec.type, []).append(spec)
    for kind, specs in by_type.items():
        values = [v for v in reading.of(kind) if _belongs(v.subject, subject)]
        _assign(specs, values, reading.text, out, choice)
        if kind == "date" and not values:
            partial = [v for v in reading.of("partial_date") if _belongs(v.subject, subject)]
            open_specs = [s for s in specs if s.name not in out.facts and s.required] or specs
            if partial:
                spec = open_specs[0]
                out.ambiguities.append(Ambiguity(
                    kind="value", about=spec.name, options=[partial[0].text],
                    question=f"You said {partial[0].text}; the count runs from the exact day. {spec.ask}"))
    if statements is not None:
        for name, value in statements.read(reading.text, calc, skip=out.facts, subject=subject).items():
            spec = calc.fact(name)
            if spec is not None:
                out.facts[name] = Bound(spec, value, "", 0.8)
    return out


def _choice(spec: FactSpec, low: str, said: list[str]) -> str | None:
    said = [c for c in said if not re.search(rf"\b(?:not|never|no longer|isn'?t|i'?m not|am not)\b(?:\s+\w+){{0,2}}\s+{c}", low)]
    if len(said) == 1:
        return said[0]
    if spec.name == "role":  # cipms_training_deadline: supervisor training or the employee overview
        if re.search(r"(?<!non)(?<!non-)supervis", low):
            return "supervisor"
        if re.search(r"entered on duty|\beod\b|new (?:cipms )?employee|new hire|overview|just (?:hired|started)", low):
            return "employee"
    return None


def _belongs(value_subject: str, subject: str) -> bool:
    """A value about someone else never fills the asker's facts, nor the reverse."""
    if subject == "self":
        return value_subject != "other"
    if subject == "other":
        return value_subject != "self"
    return True


def _assign(specs: list[FactSpec], values: list[Value], text: str, out: Binding, choice: str | None = None) -> None:
    """One fact: the clearly marked value, else ask. Several facts of one type: the best-marked
    (fact, value) pairs first; a leftover value no words mark is asked about, never guessed."""
    unique: list[Value] = []
    for v in values:  # "March 2 ... on March 2" is one date
        if all(_json(u.value) != _json(v.value) for u in unique):
            unique.append(v)
    if not unique:
        return
    score = {(s.name, i): evidence(s, text, _lead(v, unique, text), values, choice)
             for s in specs for i, v in enumerate(unique)}
    if len(specs) == 1:
        spec = specs[0]
        ranked = sorted(range(len(unique)), key=lambda i: -score[(spec.name, i)])
        top = score[(spec.name, ranked[0])]
        if len(ranked) == 1 and top >= 0 or len(ranked) > 1 and top > 0 and top - score[(spec.name, ranked[1])] >= 0.15:
            _put(out, spec, unique[ranked[0]], top)
        elif spec.required or top < 0 or len(ranked) > 1:
            out.ambiguities.append(_which_role(spec, [unique[i] for i in ranked[:3]]))
        return
    pairs = sorted(((score[(s.name, i)], n, s, i) for n, s in enumerate(specs) for i in range(len(unique))),
                   key=lambda p: (-p[0], p[1]))
    done: set[str] = set()
    used: set[int] = set()
    for sc, _, spec, i in pairs:
        if sc <= 0 or spec.name in done or i in used:
            continue
        _put(out, spec, unique[i], sc)
        done.add(spec.name)
        used.add(i)
    left = [i for i in range(len(unique)) if i not in used]
    open_specs = [s for s in specs if s.name not in done]
    if specs[0].type == "grade" and len(left) == 1 and len(open_specs) == 1 and done \
            and score[(open_specs[0].name, left[0])] >= 0:
        # "My GS-14 analyst wants the GS-15 job": the new position's grade is marked, so the
        # other grade is the current one (grades only; a date or an amount is never inferred)
        _put(out, open_specs[0], unique[left[0]], 0.0)
        return
    required = [s for s in open_specs if s.required] or (open_specs if not done else [])
    if left and required:
        spec = required[0]
        lone = len(left) == 1 and not done and score[(spec.name, left[0])] >= 0
        if lone and len(open_specs) == 1:
            _put(out, spec, unique[left[0]], 0.0)  # the lone value of its type: this fact's
        else:  # a value two facts could take, with no words to say which: ask
            out.ambiguities.append(_which_role(spec, [unique[i] for i in left[:3]], open_specs))


_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or|,)\s*(?:either\s+)?$|^\s*,?\s*or\s+(?:maybe\s+)?$", re.IGNORECASE)


def _lead(v: Value, values: list[Value], text: str) -> Value:
    """The value whose words ``v`` shares: in "D1 or D2" and "D1 and D2" the second is read
    with the first one's words, so two values of one list are never told apart by position."""
    for u in values:
        if u.end <= v.start and _JOINED.match(text[u.end:v.start]):
            return _lead(u, values, text)
    return v


def _put(out: Binding, spec: FactSpec, v: Value, strength: float) -> None:
    out.facts[spec.name] = Bound(spec, _json(v.value), v.text, strength, v.inferred)


def _which_role(spec: FactSpec, values: list[Value], specs: list[FactSpec] = ()) -> Ambiguity:  # type: ignore[assignment]
    shown = [v.text for v in values]
    if len(shown) == 1 and len(specs) > 1:
        roles = " or ".join(s.role for s in specs)
        return Ambiguity(kind="role", about=spec.name, options=shown,
                         question=f"Is {shown[0]} {roles}?")
    if len(shown) == 1:
        question = f"Is {shown[0]} {spec.role}? If not, {spec.ask[0].lower()}{spec.ask[1:]}"
    else:
        question = f"Which of these is {spec.role}: {', '.join(shown[:-1])} or {shown[-1]}?"
    return Ambiguity(kind="role", about=spec.name, options=shown, question=question)
