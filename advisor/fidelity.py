"""Measure how faithfully a cleaned corpus file keeps its raw source: shared word 5-grams.

The raw text first gets the document's listed OCR fixes (``corpus/fixes/<id>.yaml``); then
both sides are lower-cased, stripped of punctuation and Markdown, and split into words.
Fidelity is the share of the raw text's distinct 5-grams found in the cleaned file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from advisor.corpus import read_front_matter

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def words(text: str) -> list[str]:
    text = text.replace("’", "'").lower()
    return re.findall(r"[a-z0-9½]+", text)


def grams(tokens: list[str], n: int = 5) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def apply_fixes(raw: str, fixes: list[dict]) -> str:
    for fix in fixes:
        raw = raw.replace(str(fix["from"]), str(fix["to"]))
    return raw


def fidelity(corpus_file: Path, sources_dir: Path) -> tuple[float, float]:
    """(raw->clean share of raw 5-grams kept, clean->raw share of clean 5-grams found in raw)."""
    meta, body = read_front_matter(corpus_file.read_text(encoding="utf-8"), corpus_file)
    raw = (sources_dir / Path(str(meta["origin"])).name).read_text(encoding="utf-8", errors="replace")
    fixes_file = corpus_file.parent / "fixes" / f"{meta['id']}.yaml"
    fixes = yaml.safe_load(fixes_file.read_text(encoding="utf-8")) if fixes_file.exists() else []
    raw_grams = grams(words(apply_fixes(raw, fixes or [])))
    clean_grams = grams(words(_COMMENT.sub(" ", body)))
    kept = len(raw_grams & clean_grams) / max(1, len(raw_grams))
    found = len(clean_grams & raw_grams) / max(1, len(clean_grams))
    return kept, found
