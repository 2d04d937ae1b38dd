"""Present a roadmap as Markdown, and as the chat's (markdown, citations) answer parts.

``render_markdown`` writes the steps, their reasons and pin-cites; ``to_answer_parts`` adds one
``advisor.models.Citation`` per distinct (pin-cite, verbatim quote). It plans nothing and
reads only the cached career data (for section titles and document ids).
"""

from __future__ import annotations

from advisor.models import Citation
from advisor.roadmap.models import Roadmap, Step
from advisor.roadmap.schema import CareerData, load_career_data


def _step_markdown(n: int, step: Step) -> list[str]:
    mark = "⚠ " if step.kind == "unsupported" else ""
    lines = [f"**{n}. {mark}{step.title}**", "", step.why]
    if step.items:
        lines.append("")
        lines += [
            f"- {i.text}" + (f" — *{'; '.join(i.cites)}*" if i.cites else "") for i in step.items
        ]
    if step.refs:
        lines += ["", "Sources: " + "; ".join(dict.fromkeys(r.cite for r in step.refs))]
    return lines + [""]


def render_markdown(roadmap: Roadmap) -> str:
    """The roadmap as Markdown: summary, numbered steps with reasons and pin-cites, then notes."""
    lines = [f"### Career roadmap: {roadmap.summary}", ""]
    if not roadmap.supported:
        lines += [
            "The documents do not support every part of this move; the steps marked ⚠ say which.",
            "",
        ]
    for n, step in enumerate(roadmap.steps, 1):
        lines += _step_markdown(n, step)
    if not roadmap.steps:
        lines += ["Nothing in the documents applies to this part of the roadmap.", ""]
    if roadmap.notes:
        lines += ["**Notes**", ""] + [f"- {note}" for note in roadmap.notes] + [""]
    return "\n".join(lines).rstrip() + "\n"


def to_answer_parts(roadmap: Roadmap, data: CareerData | None = None) -> tuple[str, list[Citation]]:
    """(markdown, citations) for an ``advisor.models.Answer``.

    Each citation's ``quote`` is verbatim corpus text (one line of the section). Its
    ``chunk_id`` is provisional: ``f"{doc_id}:{section_id}"``, the id the chunker gives the
    first (or only) chunk of a section. A long section split into several chunks gets ids
    with a ``#n`` suffix, and a short subparagraph may ride in its paragraph's chunk, so the
    integrator must map each provisional id to the chunk that holds the quote before
    ``advisor.verify`` checks it.
    """
    data = data or load_career_data()
    citations: dict[tuple[str, str], Citation] = {}
    for step in roadmap.steps:
        for ref in step.refs:
            info = data.sections[ref.cite]
            citations.setdefault(
                (ref.cite, ref.quote),
                Citation(
                    source=info.source,
                    section=info.section,
                    title=info.title,
                    quote=ref.quote,
                    doc_id=info.doc_id,
                    chunk_id=f"{info.doc_id}:{info.section}",
                ),
            )
    return render_markdown(roadmap), list(citations.values())
