"""The About tab: the three documents with their dates and status, where they come from, and the
disclaimer. Everything shown is read from each corpus file's front matter; nothing is fetched.
"""

from __future__ import annotations

import gradio as gr

from advisor.web.passages import Library
from advisor.web.ui import Page

DISCLAIMER = (
    "**This is information from these documents, not legal advice.** The documents are old "
    "or undated and the rules that apply to you today may differ. Before you act on a deadline, "
    "a pay figure or an eligibility result, confirm it with your servicing CPAC/HR office."
)

_STATUS = {"historical": "Historical", "current-as-published": "Current as published"}


def about_markdown(library: Library) -> str:
    rows = ["| Document | Issued by | Date | Status |", "|---|---|---|---|"]
    notes = []
    for d in library.documents:
        m = d.meta
        date = str(m.get("date", "")) + (f" (effective {m['effective_date']})" if m.get("effective_date") else "")
        status = _STATUS.get(str(m.get("status")), str(m.get("status", "")))
        rows.append(f"| **{d.short_name}** — {m.get('title', '')} | {m.get('issuer', '')} | {date} | {status} |")
        notes.append(f"- **{d.short_name}:** {m.get('status_note', '')} "
                     f"_Source file: `corpus/{m.get('origin', '')}`._")
    return "\n\n".join([
        "## What this advisor answers from",
        "\n".join(rows),
        "### Status of each document",
        "\n".join(notes),
        ("AR 690-13 is the Army's 1990 regulation for the Civilian Intelligence Personnel Management "
         "System (CIPMS); the Defense Civilian Intelligence Personnel System (DCIPS) replaced CIPMS, "
         "so its rules are historical."),
        "### How it answers",
        ("Every statement is quoted from a document with its paragraph (for example "
         "`AR 690-13 para 3-9b`); deadlines and pay are computed by calculators that quote the rule "
         "they apply. Questions the documents do not cover are declined. Everything runs on this "
         "server; no question leaves it."),
        "### Disclaimer",
        DISCLAIMER,
    ])


def build(page: Page) -> None:
    with gr.Tab("About", id="about"):
        gr.Markdown(about_markdown(page.services.library), elem_id="about")
