"""Find verbatim pieces of parsed corpus sections for the career-data extractor.

Helpers that take a sentence from an anchor, the items of a Markdown list, and the editor's
HTML notes (``<!-- lost: ... -->``) that the parser strips. Each returns text exactly as it
stands in the section, so it can be cited. Reads the corpus file only when asked for notes;
it decides nothing about careers.
"""

from __future__ import annotations

import re

from advisor.corpus import Document
from advisor.errors import CorpusError
from advisor.roadmap.schema import Item, Sourced

_COMMENT = re.compile(r"<!--\s*(.*?)\s*-->", re.DOTALL)
_HEADING = re.compile(r"^#{1,3}\s+(.+?)\s*$")
_LIST = re.compile(r"^(\s*)(?:-|\d{1,2}\.)\s+(.*\S)\s*$")


def sourced(doc: Document, section_id: str, quote: str) -> Sourced:
    return Sourced(cite=doc.by_id[section_id].pin_cite, quote=quote)


def sentence(doc: Document, section_id: str, anchor: str, whole_line: bool = False) -> Sourced:
    """The sentence (or the rest of the line) of ``section_id`` that starts at ``anchor``."""
    text = doc.full_text(section_id)
    at = text.find(anchor)
    if at < 0:
        raise CorpusError(f"{doc.short_name} {section_id}: expected text {anchor!r} not found.")
    line_end = text.find("\n", at)
    line = text[at:] if line_end < 0 else text[at:line_end]
    m = re.search(r"\.(?=\s|\*|$)", line[len(anchor) - 1 :])
    quote = line if m is None or whole_line else line[: len(anchor) - 1 + m.end()]
    section = _owner(doc, section_id, quote)
    return sourced(doc, section, quote.strip())


def _owner(doc: Document, section_id: str, quote: str) -> str:
    """The most specific section in the subtree whose own text holds the quote."""
    for s in reversed(doc.subtree(section_id)):
        if quote in s.text:
            return s.section_id
    return section_id


def list_items(
    doc: Document,
    section_id: str,
    after: str | None = None,
    until: str | None = None,
    depth: int | None = None,
) -> list[tuple[int, Item]]:
    """(indent, item) for the list lines of a section, optionally between two labels."""
    text = doc.by_id[section_id].text
    if after is not None:
        at = text.find(after)
        if at < 0:
            raise CorpusError(f"{doc.short_name} {section_id}: no {after!r}.")
        text = text[at + len(after) :]
    if until is not None and until in text:
        text = text[: text.find(until)]
    cite = doc.by_id[section_id].pin_cite
    lost = lost_lines(doc, section_id)
    out: list[tuple[int, Item]] = []
    for line in text.splitlines():
        m = _LIST.match(line)
        if not m or (depth is not None and len(m.group(1)) != depth):
            continue
        body = m.group(2)
        damaged = "…" in body or any(" ".join(body.split()) in lo for lo in lost)
        out.append((len(m.group(1)), Item(cite=cite, quote=body, damaged=damaged)))
    return out


def raw_block(doc: Document, title: str) -> str:
    """The corpus file's own lines under heading ``title`` (comments kept), to the next heading."""
    lines = doc.path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        m = _HEADING.match(line)
        if m:
            if inside:
                break
            inside = m.group(1) == title or m.group(1).startswith(f"{title}.")
            continue
        if inside:
            out.append(line)
    return "\n".join(out)


def corpus_notes(doc: Document, title: str) -> list[str]:
    """The editor's HTML notes under a heading, as written (they are not document text)."""
    return [" ".join(n.split()) for n in _COMMENT.findall(raw_block(doc, title))]


def lost_lines(doc: Document, title: str) -> list[str]:
    """Whitespace-normalised lines that carry a 'lost' note, with the note removed."""
    out = []
    for line in raw_block(doc, title).splitlines():
        if "<!--" in line and "lost" in line:
            out.append(" ".join(_COMMENT.sub(" ", line).split()))
    return out
