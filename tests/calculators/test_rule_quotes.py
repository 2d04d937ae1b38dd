"""Every rule a calculator carries quotes its document verbatim (after collapsing whitespace).

The document of a rule is the ``corpus/*.md`` file whose front matter ``short_name`` equals
the rule's ``source``. A rule whose document is not written yet is skipped, saying so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.calculators import all_calculators

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _documents() -> dict[str, str]:
    docs: dict[str, str] = {}
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^short_name:\s*['\"]?(.+?)['\"]?\s*$", text, re.MULTILINE)
        if m:
            docs[m.group(1)] = _squash(text)
    return docs


RULES = [(f"{c.name}:{r.section}", r) for c in all_calculators() for r in (c.rule, *c.extra_rules)]


@pytest.mark.parametrize("rule", [r for _, r in RULES], ids=[k for k, _ in RULES])
def test_rule_quote_occurs_verbatim_in_its_corpus_document(rule) -> None:  # type: ignore[no-untyped-def]
    docs = _documents()
    if rule.source not in docs:
        pytest.skip(f"corpus document for {rule.source!r} is not written yet (no short_name match)")
    assert _squash(rule.quote) in docs[rule.source], f"{rule.section}: quote not found verbatim"
