"""Keyword tokens: stemmed words, with stems Snowball merges kept apart where they differ here."""

from __future__ import annotations

from advisor.keywords import tokenize


def test_compete_and_competitive_share_a_stem_and_competency_has_its_own() -> None:
    assert tokenize("compete")[0] == tokenize("competitive procedures")[0] == tokenize("competition")[0]
    assert tokenize("competencies")[0] == tokenize("competency")[0]
    assert tokenize("compete")[0] != tokenize("competency")[0]


def test_other_words_are_stemmed_as_snowball_stems_them() -> None:
    assert tokenize("appeals appealed") == ["appeal", "appeal"]
    assert tokenize("GS-2210 the series") == ["gs-2210", "gs", "2210", "seri"]
