"""The Roadmap tab: a career question in, the cited steps and the diagram (SVG) side by side.

Presentation only: parsing and planning are advisor/roadmap's; bad input shows its message.
"""

from __future__ import annotations

import html

import gradio as gr

from advisor.web.ui import Page

EXAMPLE = "I'm a GS-0335 computer assistant at GS-7 — how do I become a GS-15 IT program manager?"


def roadmap_view(question: str) -> tuple[str, str]:
    """(steps as Markdown, diagram as inline SVG) for a career question, or a clear message."""
    from advisor.roadmap.diagram import render_svg
    from advisor.roadmap.models import RoadmapError
    from advisor.roadmap.parse import parse_roadmap_question, render_markdown
    from advisor.roadmap.planner import plan_request

    request = parse_roadmap_question((question or "").strip())
    if request is None:
        return ("Describe where you are and where you want to go, e.g. “" + EXAMPLE + "”. "
                "Known roles: IT specialist, IT project manager, IT program manager, IT management.", "")
    try:
        roadmap = plan_request(request)
    except RoadmapError as e:
        return f"**I can't plan that roadmap:** {html.escape(str(e))}", ""
    svg = render_svg(roadmap)
    return render_markdown(roadmap), f'<div role="img" aria-label="Roadmap diagram">{svg}</div>'


def build(page: Page) -> None:
    with gr.Tab("Roadmap"):
        question = gr.Textbox(label="Where are you, and where do you want to go?", placeholder=EXAMPLE)
        go = gr.Button("Plan my roadmap", variant="primary")
        with gr.Row():
            steps = gr.Markdown(label="Steps")
            diagram = gr.HTML(label="Diagram")
        go.click(roadmap_view, inputs=question, outputs=[steps, diagram])
        question.submit(roadmap_view, inputs=question, outputs=[steps, diagram])
