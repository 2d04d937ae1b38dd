"""The Calculators tab: pick a calculator, fill in the form drawn from its inputs, get the result.

Each form is generated from the calculator's pydantic input model (``forms.field_specs``):
dates as text with a YYYY-MM-DD hint, numbers, checkboxes, yes/no/unknown and fixed choices.
The result is the calculator's own (formatted by ``calculators_view``) with the quoted rule
and its pin-cite; a bad or missing value gets a message naming the field. ``today`` is
``Settings.today`` or the clock, taken per calculation.
"""

from __future__ import annotations

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


def widget(spec: FieldSpec, key: str) -> gr.components.Component:
    """The Gradio input for one field, labelled, with the field's description as its hint."""
    common: dict[str, Any] = {"label": spec.label, "info": spec.hint or None, "key": key,
                              "elem_classes": f"field-{spec.name}"}
    match spec.kind:
        case "date":
            return gr.Textbox(placeholder="YYYY-MM-DD", max_length=10, **common)
        case "int":
            return gr.Number(precision=0, value=spec.default, **common)
        case "decimal":
            return gr.Number(value=spec.default, **common)
        case "bool":
            return gr.Checkbox(value=bool(spec.default), **common)
        case "tristate":
            return gr.Radio(list(spec.choices), value="Unknown", **common)
        case "choice":
            return gr.Dropdown(list(spec.choices), value=spec.default, **common)
        case _:
            return gr.Textbox(value=spec.default or "", max_length=200, **common)


def _choices(calcs: tuple[Calculator, ...]) -> list[tuple[str, str]]:
    return [(f"{c.title} ({KIND_LABELS.get(c.kind, c.kind).lower()}, {c.rule.pin_cite})", c.name)
            for c in calcs]


def build(page: Page) -> None:
    services = page.services
    calcs = services.calculators
    with gr.Tab("Calculators", id="calculators"):
        gr.Markdown("Each calculator applies one rule of the documents to your facts and quotes "
                    "the rule it used. Dates are written YYYY-MM-DD.")
        chooser = gr.Dropdown(_choices(calcs), value=calcs[0].name if calcs else None,
                              label="Calculator", elem_id="calc-choice", filterable=True)

        @gr.render(inputs=[chooser])
        def form(name: str | None) -> None:
            if not name:
                gr.Markdown("Choose a calculator above.")
                return
            calc = services.calculator(name)
            gr.Markdown(f"### {calc.title}\n\nRule: **{pin_cite(calc.rule.source, calc.rule.section)}**",
                        key=f"head-{name}")
            inputs = [widget(s, f"in-{name}-{s.name}") for s in field_specs(calc.inputs)]
            run = gr.Button("Calculate", variant="primary", elem_id="calc-run", key=f"run-{name}")
            out = gr.Markdown(elem_id="calc-result", key=f"out-{name}")
            run.click(partial(calculate, services, name), inputs, out)
