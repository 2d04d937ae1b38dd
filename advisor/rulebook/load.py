"""Read the rule book (``corpus/rules/**/*.yaml``) and check every entry against the corpus.

``load_rulebook`` parses and validates the files (a broken file raises ``CorpusError`` naming
the file and the entry); ``check`` lists every problem that makes an entry untrustworthy: a
quote that is not verbatim in its section, a cite that names no section or no indexed chunk, a
figure or office in a plain statement that its quote does not contain, a link to an unknown id.
``coverage`` says which AR 690-13 subparagraphs no entry covers. It answers nothing.

    python -m advisor.rulebook.load [--doc ar-690-13] [--chapters 3,4]   # problems + coverage
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ValidationError

from advisor.chunking import Chunk, chunk_documents
from advisor.corpus import AR_SHORT, Document, load_corpus, read_front_matter
from advisor.errors import CorpusError
from advisor.rulebook.figures import missing_figures
from advisor.rulebook.models import Abbreviation, Entry, RuleFile, Skip
from advisor.text import find_verbatim, squash

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster


@dataclass
class RuleBook:
    """Every entry and skip of the rule files, by document."""

    entries: list[Entry] = field(default_factory=list)
    doc_of: dict[str, str] = field(default_factory=dict)  # entry id -> document id
    skipped: dict[str, list[Skip]] = field(default_factory=dict)  # document id -> skips
    files: dict[str, Path] = field(default_factory=dict)  # entry id -> file
    short_names: dict[str, str] = field(default_factory=dict)  # document id -> 'AR 690-13'
    abbreviations: dict[str, Abbreviation] = field(default_factory=dict)  # 'CPO' -> its definition

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def titles(self) -> frozenset[str]:
        """The named sections entries cite ("it core series", "risk management"; lower case, two
        words or more): a question naming one asks about that section. Read once."""
        return frozenset(" ".join(e.cite.lower().split()) for e in self.entries
                         if len(re.findall(r"[a-z]{2,}", e.cite.lower())) >= 2)

    @cached_property
    def code_lists(self) -> list[tuple[Entry, frozenset[str]]]:
        """The list entries whose quote names two or more four-digit series codes ("IT Core
        Series: 2210, 0391, 0301-I"), each with its codes. Read once."""
        lists = [(e, re.findall(r"(?<![\w-])(\d{4})(?![\w-])", e.quote)) for e in self.entries if e.kind == "list"]
        return [(e, frozenset(codes)) for e, codes in lists if len(codes) >= 2]

    def source_of(self, entry_id: str) -> str:
        """The short name of the document an entry comes from ('AR 690-13')."""
        doc = self.doc_of[entry_id]
        return self.short_names.get(doc, doc)


def rule_files(corpus_dir: Path) -> list[Path]:
    """The rule book's YAML files, in a stable order."""
    return sorted((corpus_dir / "rules").glob("**/*.yaml"))


def load_rulebook(corpus_dir: Path) -> RuleBook:
    """Parse every rule file; raise ``CorpusError`` on a file that breaks the format."""
    book = RuleBook()
    for md in sorted(corpus_dir.glob("*.md")):
        if md.name in ("FORMAT.md", "README.md"):
            continue
        meta, _ = read_front_matter(md.read_text(encoding="utf-8"), md)
        book.short_names[str(meta["id"])] = str(meta["short_name"])
    for path in rule_files(corpus_dir):
        where = path.relative_to(corpus_dir)
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
            data = RuleFile.model_validate(raw)
        except yaml.YAMLError as e:
            raise CorpusError(f"{where}: not valid YAML ({e}).") from e
        except ValidationError as e:
            raise CorpusError(f"{where}: {_explain(e, raw)} (see corpus/rules/FORMAT.md).") from e
        for entry in data.entries:
            if entry.id in book.doc_of:
                raise CorpusError(f"{where}: id {entry.id!r} is already used in {book.files[entry.id].name}.")
            book.entries.append(entry)
            book.doc_of[entry.id] = data.document
            book.files[entry.id] = path
        book.skipped.setdefault(data.document, []).extend(data.skipped)
    return book


def check(book: RuleBook, docs: Sequence[Document], chunks: Sequence[Chunk] | None = None) -> list[str]:
    """Every problem of the rule book, one line each (empty: it holds)."""
    by_doc = {d.doc_id: d for d in docs}
    chunks = list(chunks) if chunks is not None else chunk_documents(list(docs))
    ids = set(book.doc_of)
    problems: list[str] = []
    for e in book.entries:
        doc = by_doc.get(book.doc_of[e.id])
        if doc is None:
            problems.append(f"{e.id}: unknown document {book.doc_of[e.id]!r}")
            continue
        problems += [f"{e.id}: {p}" for p in _entry_problems(e, doc, chunks, ids)]
    for doc_id, skips in book.skipped.items():
        doc = by_doc.get(doc_id)
        for s in skips:
            if doc is None or s.cite not in doc.by_id:
                problems.append(f"skipped {s.cite!r}: names no section of {doc_id}")
    return problems


def _entry_problems(e: Entry, doc: Document, chunks: Sequence[Chunk], ids: set[str]) -> list[str]:
    out: list[str] = []
    if e.cite not in doc.by_id:
        return [f"cite {e.cite!r} names no section of {doc.short_name}"]
    if squash(e.quote) not in squash(doc.full_text(e.cite)):
        out.append(f"quote is not verbatim in {e.cite}: {e.quote[:70]!r}")
    elif _chunk_holding(doc, e.cite, e.quote, chunks) is None:
        out.append(f"no indexed chunk holds the quote under {e.cite}")
    for part in e.items:
        if part.cite not in doc.by_id:
            out.append(f"item cite {part.cite!r} names no section")
        elif squash(part.quote) not in squash(doc.full_text(part.cite)):
            out.append(f"item quote is not verbatim in {part.cite}: {part.quote[:60]!r}")
    quotes = [e.quote, *(p.quote for p in e.items)]
    texts = [e.statement, *(y.condition for y in e.yes_no), *(p.plain for p in e.items)]
    for text in texts:
        for fig in missing_figures(text, quotes):
            out.append(f"{fig!r} in {text[:60]!r} is not in the quote(s)")
    for link in [*e.exceptions, *([e.qualifies] if e.qualifies else [])]:
        if link not in ids:
            out.append(f"links to unknown entry {link!r}")
    if e.id in e.exceptions or e.qualifies == e.id:
        out.append("links to itself")
    return out


def _chunk_holding(doc: Document, cite: str, quote: str, chunks: Sequence[Chunk]) -> Chunk | None:
    """An indexed chunk of ``doc`` that holds ``quote`` verbatim at or under ``cite``."""
    under = {s.section_id for s in doc.subtree(cite)}
    for c in chunks:
        if c.doc_id != doc.doc_id or not (under & set(c.sections) or c.section_id in under):
            continue
        if find_verbatim(c.text, quote) is not None:
            return c
    return None


def coverage(book: RuleBook, doc: Document) -> tuple[list[str], list[str], list[str]]:
    """(covered, skipped, missing) section ids of ``doc`` that have text of their own.

    A section is covered when an entry cites it or a section under it, or when an entry's
    quote (or one of its items) holds the section's own text; a skip covers its section and
    everything under it.
    """
    mine = [e for e in book.entries if book.doc_of[e.id] == doc.doc_id]
    cited = {e.cite for e in mine} | {p.cite for e in mine for p in e.items}
    quoted = squash(" \x00 ".join([*(e.quote for e in mine), *(p.quote for e in mine for p in e.items)]))
    skipped: set[str] = set()
    for s in book.skipped.get(doc.doc_id, []):
        if s.cite in doc.by_id:
            skipped |= {x.section_id for x in doc.subtree(s.cite)}
    covered, skip, missing = [], [], []
    for s in doc.sections:
        body = _own_words(s.text)
        if not body:
            continue
        under = {x.section_id for x in doc.subtree(s.section_id)}
        if under & cited or body in quoted:
            covered.append(s.section_id)
        elif s.section_id in skipped:
            skip.append(s.section_id)
        else:
            missing.append(s.section_id)
    return covered, skip, missing


_MARKER = re.compile(r"^(?:[a-z]\.|\(\d{1,2}\)|\([a-z]\))\s+")


def _own_words(text: str) -> str:
    return squash(_MARKER.sub("", text.strip()))


def _explain(e: ValidationError, raw: object) -> str:
    parts = []
    for err in e.errors()[:5]:
        loc = list(err["loc"])
        where = ".".join(str(x) for x in loc)
        if len(loc) >= 2 and loc[0] == "entries" and isinstance(raw, dict):
            try:
                where = f"entry {raw['entries'][loc[1]].get('id', loc[1])!r} " + ".".join(str(x) for x in loc[2:])
            except (KeyError, IndexError, TypeError, AttributeError):
                pass
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def _in_chapters(section_id: str, chapters: Iterable[str]) -> bool:
    head = re.match(r"^(?:Figure |Table )?(\d{1,2})-", section_id)
    return bool(head) and head.group(1) in set(chapters)


def main(argv: list[str] | None = None) -> int:
    from advisor.config import Settings

    p = argparse.ArgumentParser(prog="python -m advisor.rulebook.load", description=__doc__.splitlines()[0])
    p.add_argument("--doc", help="Only this document id (coverage and problems).")
    p.add_argument("--chapters", help="AR 690-13 chapters to report coverage for, e.g. 3,4.")
    args = p.parse_args(argv)
    corpus_dir = Settings().corpus_dir
    docs = load_corpus(corpus_dir)
    try:
        book = load_rulebook(corpus_dir)
    except CorpusError as e:
        print(e, file=sys.stderr)
        return 2
    problems = check(book, docs)
    if args.doc:
        problems = [p for p in problems if book.doc_of.get(p.split(":", 1)[0]) in (args.doc, None)]
    for line in problems:
        print(line)
    for doc in docs:
        if args.doc and doc.doc_id != args.doc:
            continue
        covered, skipped, missing = coverage(book, doc)
        if args.chapters and doc.short_name == AR_SHORT:
            chapters = args.chapters.split(",")
            covered, skipped, missing = ([s for s in group if _in_chapters(s, chapters)]
                                         for group in (covered, skipped, missing))
        n = sum(1 for e in book.entries if book.doc_of[e.id] == doc.doc_id)
        print(f"{doc.short_name}: {n} entries; sections covered {len(covered)}, skipped {len(skipped)}, "
              f"missing {len(missing)}" + (f": {', '.join(missing)}" if missing else ""))
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
