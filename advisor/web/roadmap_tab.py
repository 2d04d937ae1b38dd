"""The Roadmap tab: where you are and where you want to go in, the cited steps and a diagram out.

Accepts a sentence ("I'm a GS-0335 computer assistant at GS-7 — how do I become a GS-15 IT
program manager?") or a short form ("GS-0335-7 to 2210", "0335-7 → 2210-11"). The steps
come first as an overview; a long roadmap keeps its full steps (reasons, items, pin-cites)
in a collapsed section. The diagram (SVG) scales to its column and keeps its text 12 px or
larger. Presentation only: parsing and planning are advisor/roadmap's; bad input shows its
message.
"""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from advisor.web.ui import Page

EXAMPLE = "I'm a GS-0335 computer assistant at GS-7 — how do I become a GS-15 IT program manager?"
SHORT_EXAMPLE = "GS-0335-7 to 2210"
HINT = ("Describe where you are and where you want to go, e.g. “" + EXAMPLE + "”, or write it short: "
        "“GS-0335-7 to 2210”, “0335-7 → 2210-11”, “GS-0335-7 to GS-2210-11 IT specialist”. "
        "Known roles: IT specialist, IT project manager, IT program manager, IT management.")
COLLAPSE_OVER = 3  # steps: a longer roadmap shows its overview and keeps the details folded


def roadmap_view(question: str) -> tuple[str, str, str]:
    """(overview Markdown, full steps Markdown or "", diagram HTML) for a career question."""
    from advisor.roadmap.diagram import render_svg
    from advisor.roadmap.models import RoadmapError
    from advisor.roadmap.parse import parse_roadmap_question, render_markdown
    from advisor.roadmap.planner import plan_request
    from advisor.roadmap.short_form import parse_short_form

    text = (question or "").strip()
    request = parse_roadmap_question(text) or parse_short_form(text)
    if request is None:
        return HINT, "", ""
    try:
        roadmap = plan_request(request)
    except RoadmapError as e:
        return f"**I can't plan that roadmap:** {html.escape(str(e))}", "", ""
    full = render_markdown(roadmap)
    svg = render_svg(roadmap)
    diagram = f'<div role="img" aria-label="Roadmap diagram: {html.escape(roadmap.summary)}">{svg[svg.find("<svg"):]}</div>'
    if len(roadmap.steps) <= COLLAPSE_OVER:
        return full, "", diagram
    overview = [f"### Career roadmap: {roadmap.summary}", ""]
    if not roadmap.supported:
        overview += ["The documents do not support every part of this move; the steps marked ⚠ say which.", ""]
    overview += [f"{n}. {'⚠ ' if s.kind == 'unsupported' else ''}{s.title}" for n, s in enumerate(roadmap.steps, 1)]
    overview += ["", "_Open “All steps” below for each step's reasons and sources._"]
    return "\n".join(overview), full, diagram


def _shown(question: str) -> tuple[str, Any, str, str]:
    overview, full, diagram = roadmap_view(question)
    folded = gr.Accordion(visible=bool(full), open=False, label="All steps, with their reasons and sources")
    return overview, folded, full, diagram


def build(page: Page) -> None:
    with gr.Tab("Roadmap", id="roadmap"):
        question = gr.Textbox(label="Where are you, and where do you want to go?", placeholder=EXAMPLE,
                              elem_id="roadmap-question", info=f"A sentence, or short: {SHORT_EXAMPLE}")
        go = gr.Button("Plan my roadmap", variant="primary", elem_id="roadmap-go")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=300):
                steps = gr.Markdown(elem_id="roadmap-steps")
                with gr.Accordion("All steps, with their reasons and sources", open=False, visible=False,
                                  elem_id="roadmap-details") as folded:
                    details = gr.Markdown(elem_id="roadmap-full")
            with gr.Column(scale=2, min_width=300):
                diagram = gr.HTML(elem_id="roadmap-diagram")
        outputs = [steps, folded, details, diagram]
        go.click(_shown, inputs=question, outputs=outputs)
        question.submit(_shown, inputs=question, outputs=outputs)
