"""Extract the OPM IT Program Management Career Path Guide's career data from its parsed sections.

Competencies (grades, definitions, key work behaviors, courses, developmental opportunities),
GS-13 entry points, success factors, GS-2210 job titles, certifications and degrees. Every
item keeps its pin-cite and verbatim text; where the corpus marks a name or words as lost,
the item says so. It decides nothing about anyone's career (see ``planner``).
"""

from __future__ import annotations

import re

from advisor.corpus import Document
from advisor.errors import CorpusError
from advisor.roadmap.codes import normalize_series
from advisor.roadmap.schema import Competency, EntryPoints, Item, Series
from advisor.roadmap.sourcing import corpus_notes, list_items, lost_lines, sentence

COMPETENCY_TABLES = ("Core Technical Competencies", "Core General Competencies")
_LABEL = re.compile(
    r"^\*\*(Critical for|Definition|Key work behaviors|Courses/Subject Areas"
    r"|Developmental Opportunities):\*\*\s*(.*?)\s*$"
)
_FIELDS = {
    "Definition": "definition",
    "Key work behaviors": "behaviors",
    "Courses/Subject Areas": "courses",
    "Developmental Opportunities": "developmental",
}
_ITEM = re.compile(r"^\s*(?:-|\d{1,2}\.)\s+(.*\S)\s*$")
ENTRY_ANCHOR = "At the GS-13 level, it is common"
TITLES = ("IT Specialist", "IT Project Manager", "IT Program Manager")


def competencies(doc: Document) -> list[Competency]:
    """Every competency row of the guide's four competency tables, in document order."""
    out = []
    for s in doc.sections:
        if s.parent and s.parent.startswith(COMPETENCY_TABLES):
            out.append(_competency(doc, s.section_id, s.parent))
    if not out:
        raise CorpusError(f"{doc.short_name}: no competency tables found.")
    return out


def _competency(doc: Document, title: str, table: str) -> Competency:
    section = doc.by_id[title]
    cite = section.pin_cite
    lost = lost_lines(doc, title)
    fields: dict[str, list[Item]] = {f: [] for f in _FIELDS.values()}
    critical = ""
    current: str | None = None
    for line in section.text.splitlines():
        if m := _LABEL.match(line):
            label, rest = m.groups()
            if label == "Critical for":
                critical, current = rest, None
                continue
            current = _FIELDS[label]
            if rest:  # a one-line definition
                fields[current].append(_item(cite, rest, lost))
            continue
        if current and (m := _ITEM.match(line)):
            fields[current].append(_item(cite, m.group(1), lost))
        elif line.strip() and not line.startswith("*"):
            current = None
    grades = [int(g) for g in re.findall(r"GS-(\d{1,2})", critical)]
    if not grades or not fields["behaviors"]:
        raise CorpusError(f"{cite}: a competency row needs 'Critical for' grades and behaviors.")
    notes = corpus_notes(doc, title)
    named = not title.startswith("Unnamed") and not any("competency name" in n for n in notes)
    return Competency(
        cite=cite,
        quote=critical,
        name=title,
        name_in_source=named,
        corpus_notes=notes,
        group=table,
        critical_for=grades,
        **fields,
    )


def _item(cite: str, text: str, lost: list[str]) -> Item:
    damaged = "…" in text or any(" ".join(text.split()) in lo for lo in lost)
    return Item(cite=cite, quote=text.strip(), damaged=damaged)


def entry_points(doc: Document) -> EntryPoints:
    """'At the GS-13 level, it is common ... (GS-2210, GS-1101, ...)' as data."""
    s = sentence(doc, "Understanding the Career Path", ENTRY_ANCHOR)
    grade = int(re.search(r"GS-(\d{1,2}) level", s.quote).group(1))  # type: ignore[union-attr]
    codes = [normalize_series(c) for c in re.findall(r"GS-(\d{3,4})", s.quote)]
    return EntryPoints(
        cite=s.cite,
        quote=s.quote,
        grade=grade,
        series=[c for c in codes if c],
        private_sector="private sector" in s.quote,
    )


def success_factors(doc: Document) -> list[Item]:
    return [i for _, i in list_items(doc, "Success Factors")]


def parenthetical_titles(doc: Document) -> list[Item]:
    return [i for _, i in list_items(doc, "Parenthetical Titles")]


def job_titles(doc: Document) -> list[Series]:
    """The three GS-2210 titles, each with the guide's definition as its quote."""
    out = []
    for title in TITLES:
        text = doc.by_id[title].text
        definition = (
            text[len(title) + 1 :].strip().split("\n")[0] if text.startswith(f"{title}:") else ""
        )
        if not definition:
            raise CorpusError(f"{doc.short_name} — {title}: no definition line.")
        s = sentence(doc, title, definition[:40])
        out.append(Series(cite=s.cite, quote=s.quote, code="2210", title=title))
    return out


def certifications_and_degrees(doc: Document) -> tuple[list[Item], list[Item]]:
    """The section's two lists: certifications first, then degrees (a blank line between)."""
    text = doc.by_id["Degrees and Certifications"].text
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.lstrip().startswith("- ")]
    if len(blocks) != 2:
        raise CorpusError(
            f"{doc.short_name} — Degrees and Certifications: expected two lists, found {len(blocks)}."
        )
    cite = doc.by_id["Degrees and Certifications"].pin_cite
    certs, degrees = (
        [Item(cite=cite, quote=m.group(1)) for m in map(_ITEM.match, b.splitlines()) if m]
        for b in blocks
    )
    return certs, degrees
