"""Find a section of the corpus by document and id or by a written citation, and show it.

Used by the passage panel, the Browse tab, deep links (``?section=AR 690-13 3-13``) and
``GET /api/sources``. Accepts a document's id or short name and the usual ways of writing a
section (``AR 690-13 para 3-13``, ``AR 690-13 ¶ 3-13``, ``CP-34 — IT Core Series``). Renders
Markdown with the quoted sentence marked (``<mark>``); the corpus text in it goes through
``escape.markdown_text``, so no HTML, image or link comes out of a document. It reads no
files itself: the parsed documents are passed in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote as urlquote

from pydantic import BaseModel

from advisor.corpus import AR_SHORT, Document, Section, pin_cite
from advisor.text import find_verbatim
from advisor.web.escape import markdown_text

HOW_TO_CITE = (
    "Write a section as its document and its paragraph or heading, for example "
    "“AR 690-13 3-13”, “AR 690-13 para 3-13f(2)”, “AR 690-13 Figure 3-1”, "
    "“OPM ITPM Career Path Guide — Risk Management” or “CP-34 — IT Core Series”."
)
_LEAD = re.compile(r"^\s*(?:[—–:/,-]\s*)?(?:para(?:graph)?\.?\s+|¶\s*)?", re.IGNORECASE)


class SectionNotFound(LookupError):
    """No such document or section; the message says how to write one."""


class SectionView(BaseModel):
    """A section as the API returns it: where it is and its full text (children included)."""

    doc_id: str
    source: str
    section: str
    title: str
    pin_cite: str
    breadcrumb: list[str]
    text: str
    status: str = ""
    status_note: str = ""


def chip_label(source: str, section: str) -> str:
    """'AR 690-13 ¶ 3-9b', 'AR 690-13 Figure 3-1', 'CP-34 — IT Core Series'."""
    return pin_cite(source, section).replace(f"{AR_SHORT} para ", f"{AR_SHORT} ¶ ")


def link_for(section: Section) -> str:
    """The query string of a deep link that opens ``section`` in the Browse tab."""
    return "?section=" + urlquote(f"{section.source} {section.section_id}", safe="")


class Library:
    """The parsed documents, indexed for lookup by id, short name and written citation."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = list(documents)
        self._by_key = {k.lower(): d for d in self.documents for k in (d.doc_id, d.short_name)}

    def document(self, key: str) -> Document:
        doc = self._by_key.get(key.strip().lower())
        if doc is None:
            names = ", ".join(f"{d.short_name} ({d.doc_id})" for d in self.documents)
            raise SectionNotFound(f"There is no document {key!r}. The documents are: {names}.")
        return doc

    def section(self, doc_key: str, section_id: str) -> Section:
        doc = self.document(doc_key)
        found = _match_section(doc, section_id) or _match_section(doc, _LEAD.sub("", section_id, count=1))
        if found is None:
            raise SectionNotFound(f"{doc.short_name} has no section {section_id.strip()!r}. {HOW_TO_CITE}")
        return found

    def resolve(self, ref: str) -> Section:
        """The section a written citation names, or SectionNotFound saying how to write one."""
        text = " ".join((ref or "").split())
        if not text:
            raise SectionNotFound(f"No section given. {HOW_TO_CITE}")
        # Longest key first, so 'AR 690-13' is tried before any shorter name it contains.
        for key in sorted(self._by_key, key=len, reverse=True):
            if text.lower().startswith(key):
                rest = _LEAD.sub("", text[len(key):], count=1).strip()
                doc = self._by_key[key]
                found = _match_section(doc, rest) if rest else None
                if found is not None:
                    return found
                raise SectionNotFound(f"{doc.short_name} has no section {rest!r}. {HOW_TO_CITE}")
        raise SectionNotFound(f"{text!r} does not name a document. {HOW_TO_CITE}")

    def toc(self, doc_key: str = "", query: str = "", limit: int = 200) -> tuple[list[Section], int]:
        """Sections to list (chapters and paragraphs; every level when searching) and the total."""
        docs = [self.document(doc_key)] if doc_key else self.documents
        q = " ".join(query.lower().split())
        found: list[Section] = []
        for doc in docs:
            for s in doc.sections:
                if q:
                    hay = f"{s.pin_cite} {chip_label(s.source, s.section_id)} {s.title} {s.text}".lower()
                    if q in hay:
                        found.append(s)
                elif s.source != AR_SHORT or s.depth <= 1:
                    found.append(s)
        return found[:limit], len(found)

    def view(self, section: Section) -> SectionView:
        doc = self.document(section.doc_id)
        return SectionView(
            doc_id=section.doc_id, source=section.source, section=section.section_id,
            title=section.title, pin_cite=section.pin_cite, breadcrumb=breadcrumb(section),
            text=section_text(doc, section), status=str(doc.meta.get("status", "")),
            status_note=str(doc.meta.get("status_note", "")),
        )

    def passage_markdown(self, section: Section, quotes: Sequence[str] = ()) -> str:
        """The section as Markdown: heading, breadcrumb, its text with each quote marked.

        When a quote is not inside the section's own subtree, the nearest enclosing section
        that holds it is shown instead, so the highlight is never silently lost.
        """
        doc = self.document(section.doc_id)
        shown = section
        for candidate in [section, *_ancestors(doc, section)]:
            if all(find_verbatim(section_text(doc, candidate), q) for q in quotes):
                shown = candidate
                break
        text = _mark(section_text(doc, shown), quotes)
        crumbs = markdown_text(" › ".join(breadcrumb(shown)))
        head = f"### {markdown_text(chip_label(section.source, section.section_id))}"
        if section.title and section.title != section.section_id:
            head += f" — {markdown_text(section.title)}"
        parts = [head, f"*{crumbs}*" if crumbs else "", text or "_(This heading has no text of its own.)_"]
        if shown is not section:
            parts.insert(2, f"_Shown within {markdown_text(chip_label(shown.source, shown.section_id))}._")
        if str(doc.meta.get("status")) == "historical":
            parts.append(f"> **Status:** {markdown_text(doc.meta.get('status_note', 'historical document'))}")
        return "\n\n".join(p for p in parts if p)


def breadcrumb(section: Section) -> list[str]:
    """Enclosing headings, outermost first, ending with the section's own pin-cite."""
    return [section.source, *section.breadcrumb, chip_label(section.source, section.section_id)]


def section_text(doc: Document, section: Section) -> str:
    """The section's text with its children's, separated as paragraphs."""
    return "\n\n".join(s.text for s in doc.subtree(section.section_id) if s.text)


def _ancestors(doc: Document, section: Section) -> list[Section]:
    out: list[Section] = []
    parent = section.parent
    while parent and parent in doc.by_id:
        out.append(doc.by_id[parent])
        parent = doc.by_id[parent].parent
    return out


def _match_section(doc: Document, wanted: str) -> Section | None:
    wanted = " ".join(wanted.split())
    if wanted in doc.by_id:
        return doc.by_id[wanted]
    squashed = wanted.replace(" ", "").lower()
    for sid, s in doc.by_id.items():
        if sid.lower() == wanted.lower() or sid.replace(" ", "").lower() == squashed:
            return s
    return None


def _mark(text: str, quotes: Sequence[str]) -> str:
    """The text made safe (``markdown_text``) with the first occurrence of each quote marked."""
    spans: list[tuple[int, int]] = []
    for q in quotes:
        exact = find_verbatim(text, q)
        start = text.find(exact) if exact else -1
        if start >= 0 and not any(a < start + len(exact) and start < b for a, b in spans):
            spans.append((start, start + len(exact)))
    out, at = [], 0
    for a, b in sorted(spans):
        out += [markdown_text(text[at:a]), "<mark>", markdown_text(text[a:b]), "</mark>"]
        at = b
    return "".join([*out, markdown_text(text[at:])])
