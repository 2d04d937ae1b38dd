"""Cut parsed sections into retrieval chunks that follow the document's own structure.

A chunk is a paragraph (or a run of its subparagraphs) carrying its parent headings as
context. Long paragraphs are split at subparagraph boundaries, tiny subparagraphs ride
with their siblings, and every chunk keeps ``anchors``: where in its text each section
starts, so a quote can be pinned to the most specific subparagraph. No embedding here.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel, Field

from advisor.corpus import Document, Section, pin_cite

MAX_CHARS = 900  # all-MiniLM-L6-v2 reads ~256 word pieces; keep a chunk within that
SOFT_CHARS = 450  # past this, a new top-level subparagraph starts a new chunk


class Anchor(BaseModel):
    start: int
    section_id: str


class Chunk(BaseModel):
    """One unit of retrieval, with everything a citation needs."""

    chunk_id: str
    doc_id: str
    source: str
    section_id: str = Field(description="The most specific section containing the whole chunk.")
    title: str
    breadcrumb: str
    text: str
    anchors: list[Anchor]
    date: str = ""
    status: str = ""

    @property
    def pin_cite(self) -> str:
        return pin_cite(self.source, self.section_id)

    @property
    def sections(self) -> list[str]:
        return [a.section_id for a in self.anchors]

    @property
    def embed_text(self) -> str:
        """What is embedded and keyword-indexed: context headings, then the text."""
        return f"{self.source} {self.section_id}. {self.breadcrumb}. {self.title}\n{self.text}"

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(
            (self.embed_text + "\x00" + self.model_dump_json(include={"anchors", "date", "status"})).encode()
        ).hexdigest()[:32]

    def section_at(self, offset: int) -> str:
        """The most specific section whose text covers ``offset``."""
        best = self.anchors[0].section_id
        for a in self.anchors:
            if a.start <= offset:
                best = a.section_id
        return best


def chunk_documents(docs: list[Document]) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d)]


def chunk_document(doc: Document) -> list[Chunk]:
    """All chunks of one document in reading order."""
    groups: list[list[Section]] = []
    for s in doc.sections:
        starts_group = s.parent is None or s.depth <= 1
        if starts_group or not groups:
            groups.append([s])
        else:
            groups[-1].append(s)
    chunks: list[Chunk] = []
    for group in groups:
        for run in _pack(group):
            chunks.extend(_make_chunks(doc, run))
    return chunks


def _pack(group: list[Section]) -> list[list[Section]]:
    """Greedy runs of sections, breaking before MAX_CHARS or at a top-level subparagraph."""
    runs: list[list[Section]] = []
    size = 0
    for s in group:
        n = len(s.text) + 1
        top_level_sub = s.depth == 2
        if runs and (size + n > MAX_CHARS or (top_level_sub and size >= SOFT_CHARS)):
            runs.append([s])
            size = n
        elif runs:
            runs[-1].append(s)
            size += n
        else:
            runs.append([s])
            size = n
    return [r for r in runs if any(x.text for x in r)]


def _common_ancestor(doc: Document, ids: list[str]) -> str:
    chains = [_ancestry(doc, i) for i in ids]
    common = chains[0]
    for c in chains[1:]:
        common = [a for a, b in zip(common, c) if a == b]
    return common[-1] if common else ids[0]


def _ancestry(doc: Document, section_id: str) -> list[str]:
    chain = [section_id]
    while (parent := doc.by_id[chain[0]].parent) is not None:
        chain.insert(0, parent)
    return chain


def _make_chunks(doc: Document, run: list[Section]) -> list[Chunk]:
    texts, anchors, pos = [], [], 0
    for s in run:
        if not s.text:
            continue
        anchors.append(Anchor(start=pos, section_id=s.section_id))
        texts.append(s.text)
        pos += len(s.text) + 1
    text = "\n".join(texts)
    primary = _common_ancestor(doc, [a.section_id for a in anchors])
    head = doc.by_id[primary]
    base = {
        "doc_id": doc.doc_id, "source": doc.short_name, "section_id": primary, "title": head.title,
        "breadcrumb": " > ".join(_crumbs(head)),
        "date": str(doc.meta.get("effective_date") or doc.meta.get("date") or ""),
        "status": str(doc.meta.get("status", "")),
    }
    pieces = _split_long(text) if len(text) > MAX_CHARS * 1.5 else [(0, text)]
    out = []
    for n, (offset, piece) in enumerate(pieces):
        local = [Anchor(start=max(0, a.start - offset), section_id=a.section_id)
                 for a in anchors if a.start < offset + len(piece)]
        local = [a for i, a in enumerate(local) if i == len(local) - 1 or local[i + 1].start > 0]
        suffix = f"#{n + 1}" if len(pieces) > 1 else ""
        out.append(Chunk(chunk_id=f"{doc.doc_id}:{anchors[0].section_id}{suffix}", text=piece, anchors=local, **base))
    return out


def _crumbs(head: Section) -> list[str]:
    """Enclosing headings down to the section's own paragraph or part."""
    if head.source != "AR 690-13":
        return [*head.breadcrumb, head.title]
    if head.depth <= 1:
        label = head.title if head.section_id.startswith("Chapter") else f"{head.section_id}. {head.title}"
        return [*head.breadcrumb, label] if not head.section_id.startswith("Chapter") else [label]
    return head.breadcrumb


def _split_long(text: str) -> list[tuple[int, str]]:
    """Split at line breaks, then sentence ends, into pieces of at most MAX_CHARS."""
    cuts = [m.end() for m in re.finditer(r"\n+|(?<=[.;:])\s+", text)]
    pieces, start, last = [], 0, 0
    for c in cuts + [len(text)]:
        if c - start > MAX_CHARS and last > start:
            pieces.append((start, text[start:last].strip()))
            start = last
        last = c
    pieces.append((start, text[start:].strip()))
    return [(o + len(text[o:]) - len(text[o:].lstrip()), p) for o, p in pieces if p]
