"""The Browse tab: each document's table of contents with a search box, and a section viewer.

Choosing a section opens it in the viewer; a citation typed in the "Open a section" box or
given in the page's address (``?section=AR%20690-13%203-13``, ``AR 690-13 para 3-13``,
``CP-34 — IT Core Series``) opens that section when the page loads. An unknown section
shows a message saying how to write one. Reads only the parsed documents in ``Services``.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import gradio as gr

from advisor.web.escape import plain
from advisor.web.passages import HOW_TO_CITE, Library, SectionNotFound, chip_label, link_for
from advisor.web.services import Services
from advisor.web.ui import SHOW_VIEWER_JS, Page

VIEWER_HINT = "Choose a section from the table of contents, or type a citation above, to read it here."
_SEP = "::"


def toc_choices(library: Library, doc: str, query: str) -> tuple[list[tuple[str, str]], str]:
    """Radio choices (label, "doc_id::section_id") and a line saying how many matched."""
    try:
        sections, total = library.toc(doc or "", query or "")
    except SectionNotFound as e:
        return [], f"⚠️ {plain(e)}"
    choices = []
    for s in sections:
        title = f" · {s.title}" if s.title and s.title != s.section_id else ""
        choices.append((f"{chip_label(s.source, s.section_id)}{title}", f"{s.doc_id}{_SEP}{s.section_id}"))
    if not sections:
        note = f"No section matches “{plain(query)}”." if query else "No sections."
    elif total > len(sections):
        note = f"Showing the first {len(sections)} of {total} matches; type more to narrow them."
    else:
        note = f"{total} section{'s' * (total != 1)}" + (f" match “{plain(query)}”." if query else ".")
    return choices, note


def open_choice(services: Services, value: str | None) -> str:
    if not value or _SEP not in value:
        return VIEWER_HINT
    doc, section = value.split(_SEP, 1)
    return _viewer(services, lambda lib: lib.section(doc, section))


def open_citation(services: Services, ref: str | None) -> str:
    """The viewer's Markdown for a written citation, or a message saying how to write one."""
    if not (ref or "").strip():
        return f"⚠️ Type a citation first. {HOW_TO_CITE}"
    return _viewer(services, lambda lib: lib.resolve(ref or ""))


def on_load(services: Services, request: gr.Request) -> tuple[Any, str, str]:
    """Deep link: with ``?section=...`` switch to Browse and open it; otherwise change nothing."""
    ref = dict(request.query_params or {}).get("section") if request else None
    if not ref:
        return gr.skip(), gr.skip(), gr.skip()
    return gr.Tabs(selected="browse"), open_citation(services, ref), ref


def _viewer(services: Services, find: Any) -> str:
    library = services.library
    try:
        section = find(library)
    except SectionNotFound as e:
        return f"⚠️ **Section not found.** {plain(e)}"
    body = library.passage_markdown(section)
    return f"{body}\n\n[Link to this section]({link_for(section)})"


def build(page: Page) -> None:
    services = page.services
    library = services.library
    first_choices, first_note = toc_choices(library, "", "")
    with gr.Tab("Browse", id="browse"), gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            doc = gr.Dropdown([("All documents", "")] + [(d.short_name, d.doc_id) for d in library.documents],
                              value="", label="Document", elem_id="browse-doc")
            search = gr.Textbox(label="Search sections", elem_id="browse-search",
                                placeholder="e.g. 3-13, appeal, Risk Management", max_length=200)
            note = gr.Markdown(first_note, elem_id="toc-note")
            toc = gr.Radio(first_choices, label="Table of contents", elem_id="toc", value=None)
        with gr.Column(scale=3, min_width=300):
            with gr.Row(equal_height=True):
                ref = gr.Textbox(label="Open a section by its citation", elem_id="browse-ref",
                                 placeholder="AR 690-13 para 3-13", max_length=300, scale=4)
                go = gr.Button("Open", elem_id="browse-open", scale=1, min_width=80)
            viewer = gr.Markdown(VIEWER_HINT, elem_id="viewer")

    def refresh(d: str, q: str) -> tuple[Any, str]:
        choices, line = toc_choices(library, d, q)
        return gr.Radio(choices=choices, value=None), line

    doc.change(refresh, [doc, search], [toc, note])
    search.change(refresh, [doc, search], [toc, note], trigger_mode="always_last")
    toc.input(partial(open_choice, services), toc, viewer).then(None, js=SHOW_VIEWER_JS)
    go.click(partial(open_citation, services), ref, viewer).then(None, js=SHOW_VIEWER_JS)
    ref.submit(partial(open_citation, services), ref, viewer).then(None, js=SHOW_VIEWER_JS)

    def deep_link(request: gr.Request) -> tuple[Any, str, str]:  # a gr.Request is injected by type
        return on_load(services, request)

    page.blocks.load(deep_link, None, [page.tabs, viewer, ref])
