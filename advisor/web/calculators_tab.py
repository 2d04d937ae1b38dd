"""The Calculators tab: pick a calculator, fill in the form drawn from its inputs, get the result.

Each form is generated from the calculator's pydantic input model (``forms.field_specs``):
dates as text written any way the chat reads one, numbers, checkboxes, yes/no/unknown and
fixed choices. Choosing another calculator draws its form afresh, with no earlier result.
The result is the calculator's own (formatted by ``calculators_view``) with the quoted rule
and its pin-cite; a bad or missing value gets a message naming the field. ``today`` is
``Settings.today`` or the clock, taken per calculation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import gradio as gr

from advisor.calculators.base import Calculator
from advisor.corpus import pin_cite
from advisor.web.escape import plain
from advisor.web.forms import FieldSpec, FormError, field_specs, run_form
from advisor.web.render import calc_card
from advisor.web.services import Services
from advisor.web.ui import Page

KIND_LABELS = {"deadline": "Deadline", "pay": "Pay", "eligibility": "Eligibility"}


def calculate(services: Services, name: str, *values: Any) -> str:
    """Markdown for the result of calculator ``name`` on the form's values (or what is wrong)."""
    try:
        calc = services.calculator(name)
    except KeyError as e:
        return f"⚠️ {plain(e.args[0])}"
    specs = field_specs(calc.inputs)
    try:
        result = run_form(calc, dict(zip((s.name for s in specs), values, strict=False)),
                          services.context())
    except FormError as e:
        return f"⚠️ {plain(e)}"
    return calc_card(result, calc.title)


def widget(spec: FieldSpec) -> gr.components.Component:
    """The Gradio input for one field, labelled, with the field's description as its hint."""
    common: dict[str, Any] = {"label": spec.label, "info": spec.hint or None,
                              "elem_classes": f"field-{spec.name}", "value": initial(spec)}
    match spec.kind:
        case "date":
            return gr.Textbox(placeholder="2026-11-02 or November 2, 2026", max_length=60, **common)
        case "int":
            return gr.Number(precision=0, **common)
        case "decimal":
            return gr.Number(**common)
        case "bool":
            return gr.Checkbox(**common)
        case "tristate":
            return gr.Radio(list(spec.choices), **common)
        case "choice":
            return gr.Dropdown(list(spec.choices), **common)
        case _:
            return gr.Textbox(max_length=200, **common)


def initial(spec: FieldSpec) -> Any:
    """What a field holds when its form is opened."""
    match spec.kind:
        case "date":
            return ""
        case "bool":
            return bool(spec.default)
        case "tristate":
            return "Unknown"
        case "text":
            return spec.default or ""
        case _:
            return spec.default


def _choices(calcs: tuple[Calculator, ...]) -> list[tuple[str, str]]:
    return [(f"{c.title} ({KIND_LABELS.get(c.kind, c.kind).lower()}, {c.rule.pin_cite})", c.name)
            for c in calcs]


@dataclass
class _Form:
    name: str
    group: gr.Group
    specs: list[FieldSpec]
    inputs: list[gr.components.Component]
    run: gr.Button


def build(page: Page) -> None:
    """One form per calculator, drawn once; choosing a calculator shows its form with every
    field reset and no result (so nothing typed or computed for another one is left behind)."""
    services = page.services
    calcs = services.calculators
    with gr.Tab("Calculators", id="calculators"):
        gr.Markdown("Each calculator applies one rule of the documents to your facts and quotes "
                    "the rule it used. Write dates as you would in the chat, e.g. 2026-11-02 or "
                    "November 2, 2026.")
        chooser = gr.Dropdown(_choices(calcs), value=calcs[0].name if calcs else None,
                              label="Calculator", elem_id="calc-choice", filterable=True)
        forms = [_form(calc, first=n == 0) for n, calc in enumerate(calcs)]
        result = gr.Markdown(elem_id="calc-result")
    for form in forms:
        form.run.click(partial(calculate, services, form.name), form.inputs, result)

    def switch(name: str | None) -> list[Any]:
        shown = [gr.Group(visible=f.name == name) for f in forms]
        return [*shown, *(initial(s) for f in forms for s in f.specs), ""]

    chooser.change(switch, chooser, [*(f.group for f in forms), *(i for f in forms for i in f.inputs), result])


def _form(calc: Calculator, first: bool) -> _Form:
    specs = field_specs(calc.inputs)
    with gr.Group(visible=first, elem_classes="calc-form") as group:
        gr.Markdown(f"### {calc.title}\n\nRule: **{pin_cite(calc.rule.source, calc.rule.section)}**",
                    padding=True)
        inputs = [widget(s) for s in specs]
        run = gr.Button("Calculate", variant="primary", elem_classes="calc-run")
    return _Form(calc.name, group, specs, inputs, run)
