"""Parse the cleaned Markdown corpus into documents and sections with canonical pin-cites.

Reads ``corpus/*.md`` (format in ``corpus/FORMAT.md``): YAML front matter, then headings and
AR-style subparagraph markers. Produces ``Document`` objects holding ordered ``Section``s.
It does not chunk, embed or index anything.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

from advisor.errors import CorpusError

AR_SHORT = "AR 690-13"

_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*$")
_AR_PARA = re.compile(r"^(\d{1,2}-\d{1,2})\.\s*(.*)$")
_AR_NAMED = re.compile(r"^((?:Figure|Table)\s+\d{1,2}-\d{1,2}|Appendix\s+[A-Z]|Glossary)\.?\s*(.*)$")
_AR_CHAPTER = re.compile(r"^(Chapter\s+\d{1,2})\s*[:.]\s*(.*)$")
_MARKER = re.compile(r"^(?:([a-z])\.|\((\d{1,2})\)|\(([a-z])\))\s+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class Section(BaseModel):
    """One addressable part of a document: a chapter, paragraph, subparagraph or named part."""

    doc_id: str
    source: str = Field(description="The document's short name, e.g. 'AR 690-13'.")
    section_id: str = Field(description="'3-13f(2)', 'Figure 3-1', 'Chapter 3', 'Risk Management'.")
    title: str = Field(description="Heading title of the enclosing paragraph or part.")
    breadcrumb: list[str] = Field(default_factory=list, description="Enclosing headings, outermost first.")
    text: str = Field(default="", description="The section's own text, without its children.")
    parent: str | None = None
    depth: int = 0
    order: int = 0

    @property
    def pin_cite(self) -> str:
        return pin_cite(self.source, self.section_id)


class Document(BaseModel):
    """A parsed corpus file: its front matter and its sections in reading order."""

    meta: dict
    path: Path
    sections: list[Section]

    @property
    def doc_id(self) -> str:
        return str(self.meta["id"])

    @property
    def short_name(self) -> str:
        return str(self.meta["short_name"])

    @cached_property
    def by_id(self) -> dict[str, Section]:
        return {s.section_id: s for s in self.sections}

    def subtree(self, section_id: str) -> list[Section]:
        """The section and every descendant, in order."""
        ids = {section_id}
        out: list[Section] = []
        for s in self.sections:
            if s.section_id in ids or s.parent in ids:
                ids.add(s.section_id)
                out.append(s)
        return out

    def full_text(self, section_id: str) -> str:
        return "\n".join(s.text for s in self.subtree(section_id) if s.text)


def pin_cite(source: str, section_id: str) -> str:
    """The canonical citation: 'AR 690-13 para 3-13f(2)', 'CP-34 — IT Core Series'."""
    if source == AR_SHORT:
        if section_id[:1].isdigit():
            return f"{AR_SHORT} para {section_id}"
        return f"{AR_SHORT} {section_id}"
    return f"{source} — {section_id}"


def split_pin_cite(cite: str) -> tuple[str, str]:
    """Inverse of ``pin_cite``: 'AR 690-13 para 3-9b' -> ('AR 690-13', '3-9b')."""
    cite = cite.strip()
    if cite.startswith(AR_SHORT):
        rest = cite[len(AR_SHORT):].strip()
        rest = re.sub(r"^(para(graph)?\.?|¶)\s*", "", rest, flags=re.IGNORECASE)
        return AR_SHORT, rest
    for sep in (" — ", " – ", " - "):
        if sep in cite:
            source, section = cite.split(sep, 1)
            return source.strip(), section.strip()
    raise CorpusError(f"Not a pin-cite: {cite!r}. Expected e.g. 'AR 690-13 para 3-9b' or 'CP-34 — IT Core Series'.")


def read_front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---"):
        raise CorpusError(f"{path.name}: no YAML front matter (the file must start with '---').")
    try:
        _, head, body = text.split("---", 2)
        meta = yaml.safe_load(head) or {}
    except (ValueError, yaml.YAMLError) as e:
        raise CorpusError(f"{path.name}: unreadable front matter: {e}") from e
    for key in ("id", "short_name", "title", "status", "origin"):
        if key not in meta:
            raise CorpusError(f"{path.name}: front matter lacks '{key}' (see corpus/FORMAT.md).")
    return meta, body


def parse_document(path: Path) -> Document:
    """Parse one corpus file into a ``Document``."""
    meta, body = read_front_matter(path.read_text(encoding="utf-8"), path)
    body = _COMMENT.sub("", body)
    parser = _ArParser if meta["short_name"] == AR_SHORT else _NamedParser
    sections = parser(str(meta["id"]), str(meta["short_name"])).parse(body.splitlines())
    return Document(meta=meta, path=path, sections=sections)


def load_corpus(corpus_dir: Path) -> list[Document]:
    """Every ``*.md`` document in the folder (FORMAT.md and README.md excluded), sorted by id."""
    paths = sorted(p for p in corpus_dir.glob("*.md") if p.name not in {"FORMAT.md", "README.md"})
    if not paths:
        raise CorpusError(f"No corpus files in {corpus_dir}.")
    docs = [parse_document(p) for p in paths]
    return sorted(docs, key=lambda d: d.doc_id)


class _Builder:
    """Collects sections and their text while a parser walks the lines."""

    def __init__(self, doc_id: str, source: str) -> None:
        self.doc_id, self.source = doc_id, source
        self.sections: list[Section] = []
        self.lines: dict[str, list[str]] = {}

    def open(self, section_id: str, title: str, breadcrumb: list[str], parent: str | None, depth: int) -> None:
        if section_id in self.lines:
            raise CorpusError(f"{self.doc_id}: section {section_id!r} appears twice.")
        self.sections.append(
            Section(doc_id=self.doc_id, source=self.source, section_id=section_id, title=title,
                    breadcrumb=list(breadcrumb), parent=parent, depth=depth, order=len(self.sections))
        )
        self.lines[section_id] = []

    def add(self, line: str) -> None:
        if self.sections:
            self.lines[self.sections[-1].section_id].append(line)

    def finish(self) -> list[Section]:
        for s in self.sections:
            s.text = _tidy("\n".join(self.lines[s.section_id]))
        return self.sections


def _tidy(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _NamedParser:
    """OPM guide and CP-34: every heading is a section named by its title."""

    def __init__(self, doc_id: str, source: str) -> None:
        self.b = _Builder(doc_id, source)

    def parse(self, lines: list[str]) -> list[Section]:
        stack: list[tuple[int, str]] = []
        for line in lines:
            m = _HEADING.match(line)
            if not m:
                self.b.add(line)
                continue
            level, title = len(m.group(1)), m.group(2).strip()
            stack = [(lv, t) for lv, t in stack if lv < level]
            parent = stack[-1][1] if stack else None
            self.b.open(title, title, [t for _, t in stack], parent, len(stack))
            stack.append((level, title))
        return self.b.finish()


class _ArParser:
    """AR 690-13: chapters, section groupings, numbered paragraphs and nested subparagraphs."""

    def __init__(self, doc_id: str, source: str) -> None:
        self.b = _Builder(doc_id, source)
        self.chapter = ""
        self.group = ""
        self.para: str | None = None
        self.para_title = ""
        self.sub: list[str] = []  # marker path below the paragraph, e.g. ["f", "(2)"]
        self.named = False

    def parse(self, lines: list[str]) -> list[Section]:
        for line in lines:
            m = _HEADING.match(line)
            if m:
                self._heading(m.group(2).strip())
                continue
            mk = _MARKER.match(line)
            if mk and self.para and not self.named:
                self._subparagraph(mk, line)
            else:
                self.b.add(line)
        return self.b.finish()

    def _crumbs(self) -> list[str]:
        return [c for c in (self.chapter, self.group) if c]

    def _heading(self, title: str) -> None:
        if m := _AR_CHAPTER.match(title):
            self.chapter, self.group, self.para, self.sub = title, "", None, []
            self.b.open(m.group(1), title, [], None, 0)
            self.named = True
            return
        if title.lower().startswith("section "):
            self.group = title
            return
        if m := _AR_PARA.match(title):
            self.para, self.para_title, self.sub, self.named = m.group(1), m.group(2), [], False
            self.b.open(self.para, self.para_title, self._crumbs(), None, 1)
            return
        if m := _AR_NAMED.match(title):
            sid = m.group(1)
            self.para, self.para_title, self.sub, self.named = sid, m.group(2) or sid, [], True
            self.b.open(sid, self.para_title, self._crumbs(), None, 1)
            return
        raise CorpusError(f"{self.b.doc_id}: heading {title!r} is not a chapter, section, paragraph, figure, table, appendix or glossary.")

    def _subparagraph(self, mk: re.Match[str], line: str) -> None:
        letter, number, small = mk.groups()
        level = 1 if letter else 2 if number else 3
        token = letter if letter else f"({number})" if number else f"({small})"
        # Keep the ancestors above this level; an (a) may sit directly under an a.
        self.sub = self.sub[: level - 1] + [token]
        assert self.para is not None
        sid = self.para + "".join(self.sub)
        parent = self.para + "".join(self.sub[:-1])
        crumbs = self._crumbs() + [f"{self.para}. {self.para_title}".strip()]
        self.b.open(sid, self.para_title, crumbs, parent, 1 + len(self.sub))
        self.b.add(line)
