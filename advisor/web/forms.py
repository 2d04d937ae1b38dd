"""Describe a calculator's input form from its pydantic model, and read a filled-in form back.

``field_specs`` turns each model field into a ``FieldSpec`` (date, whole number, amount,
yes/no checkbox, yes/no/unknown choice, a fixed choice, or text) with its label and hint.
``run_form`` checks the raw widget values, runs the calculator and raises ``FormError``
with one plain sentence per problem. A date may be written any way the chat reads one
("2026-11-02", "November 2, 2026", "11/2/2026", "yesterday"; a missing year is this year's).
No Gradio here: the Calculators tab draws the widgets.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from advisor.calculators.base import Calculator, CalculatorError, Context
from advisor.calculators.facts_dates import find_dates
from advisor.models import Calculation

Kind = Literal["date", "int", "decimal", "bool", "tristate", "choice", "text"]
UNKNOWN, YES, NO = "Unknown", "Yes", "No"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FormError(ValueError):
    """The form's values cannot be used; the message lists each problem and what is valid."""


@dataclass(frozen=True)
class FieldSpec:
    """One input of a calculator form."""

    name: str
    label: str
    kind: Kind
    required: bool
    hint: str
    choices: tuple[str, ...] = ()
    default: Any = None


def field_specs(model: type[BaseModel]) -> list[FieldSpec]:
    """The form fields of a calculator's input model, in declaration order."""
    specs: list[FieldSpec] = []
    for name, info in model.model_fields.items():
        inner, optional = _unwrap(info.annotation)
        required = info.is_required()
        default = None if required else info.get_default(call_default_factory=True)
        kind, choices = _kind(inner, optional)
        hint = (info.description or "").strip()
        if kind == "date":
            hint = f"{hint} For example 2026-11-02 or November 2, 2026.".strip()
        label = name.replace("_", " ").capitalize() + ("" if required else " (optional)")
        if kind == "bool":
            label = name.replace("_", " ").capitalize()
        specs.append(FieldSpec(name, label, kind, required, hint, choices, default))
    return specs


def run_form(calc: Calculator, values: dict[str, Any], context: Context) -> Calculation:
    """Run ``calc`` on raw form values, or raise FormError naming every bad or missing value."""
    inputs = parse_form(calc, values, context.today)
    try:
        return calc(inputs, context)
    except ValidationError as e:
        raise FormError(_validation_message(calc, e)) from e
    except (CalculatorError, ValueError, ArithmeticError) as e:  # impossible values
        raise FormError(str(e) or "These values cannot be used.") from e


def parse_form(calc: Calculator, values: dict[str, Any], today: date) -> dict[str, Any]:
    """Widget values -> model inputs; empty optional fields are left out; ``today`` resolves
    relative dates ("yesterday") and dates written without a year."""
    problems: list[str] = []
    out: dict[str, Any] = {}
    for spec in field_specs(calc.inputs):
        try:
            value = _parse(spec, values.get(spec.name), today)
        except ValueError as e:
            problems.append(f"{spec.label.removesuffix(' (optional)')}: {e}")
            continue
        if value is None:
            if spec.required:
                problems.append(f"{spec.label} is required — {spec.hint or 'fill it in'}")
            continue
        out[spec.name] = value
    if problems:
        raise FormError("Please correct the form: " + " ".join(_sentence(p) for p in problems))
    return out


def _parse(spec: FieldSpec, raw: Any, today: date) -> Any:
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        return None
    match spec.kind:
        case "date":
            return parse_date(str(raw), today)
        case "int":
            number = _number(raw)
            if number != number.to_integral_value():
                raise ValueError(f"{raw} is not a whole number")
            return int(number)
        case "decimal":
            return _number(raw)
        case "bool":
            return bool(raw)
        case "tristate":
            return {YES: True, NO: False}.get(str(raw))  # Unknown -> None (left out)
        case "choice":
            if str(raw) not in spec.choices:
                raise ValueError(f"choose one of {', '.join(spec.choices)}")
            return str(raw)
        case _:
            return str(raw)


def parse_date(text: str, today: date) -> date:
    """The one date ``text`` writes, as the chat reads dates; ValueError saying what is wrong."""
    text = " ".join(text.split()).rstrip(".")
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text} is not a real calendar date") from None
    hits = find_dates(text, today)
    if len(hits) == 1 and len(hits[0].text) >= len(text) - 1:  # the whole value, maybe a comma
        hit = hits[0]
        if hit.value is None:
            raise ValueError(f"{text} is not a real calendar date ({hit.error})" if hit.error
                             else f"{text} is not a real calendar date")
        return hit.value
    raise ValueError(f"{text!r} is not a date; write it like 2026-11-02 (YYYY-MM-DD) or November 2, 2026")


def _number(raw: Any) -> Decimal:
    try:
        number = Decimal(str(raw).replace(",", "").replace("$", ""))
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{raw!r} is not a number")
    return number


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type inside Optional[...], whether None is allowed)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _kind(tp: Any, optional: bool) -> tuple[Kind, tuple[str, ...]]:
    if typing.get_origin(tp) is Literal:
        return "choice", tuple(str(a) for a in typing.get_args(tp))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "choice", tuple(str(m.value) for m in tp)
    if tp is bool:
        return ("tristate", (UNKNOWN, YES, NO)) if optional else ("bool", ())
    if tp is date:
        return "date", ()
    if tp is int:
        return "int", ()
    if tp in (Decimal, float):
        return "decimal", ()
    return "text", ()


def _validation_message(calc: Calculator, e: ValidationError) -> str:
    labels = {s.name: s.label.removesuffix(" (optional)") for s in field_specs(calc.inputs)}
    parts = []
    for err in e.errors():
        field = str(err["loc"][0]) if err["loc"] else ""
        msg = str(err["msg"]).removeprefix("Value error, ")
        parts.append(_sentence(f"{labels.get(field, field) or 'Input'}: {msg}"))
    return "Please correct the form: " + " ".join(parts)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
