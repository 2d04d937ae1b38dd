"""Fixtures for the hardening tests: a cheap embedder, small and copied indexes.

The session's real index and Advisor come from tests/conftest.py; what is here builds on them
(a copy of the live index to damage or kill a build in) or avoids them (a one-document corpus
indexed with a deterministic fake embedder, for tests that only need the index's plumbing).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hardening_support import ROOT, HashEmbedder


@pytest.fixture
def embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def small_settings(tmp_path: Path, settings):
    """Settings over a one-document corpus (CP-34) with an index folder in tmp_path."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "cp-34.md", corpus / "cp-34.md")
    return settings.model_copy(update={"index_dir": tmp_path / "index", "corpus_dir": corpus,
                                       "data_dir": tmp_path / "data"})


@pytest.fixture
def copied_index(tmp_path: Path, settings, advisor):
    """Settings over a copy of the session's live index and corpus (the advisor built it)."""
    index = tmp_path / "index"
    shutil.copytree(settings.index_dir, index, ignore=shutil.ignore_patterns(".partial-*"))
    corpus = tmp_path / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    return settings.model_copy(update={"index_dir": index, "corpus_dir": corpus,
                                       "data_dir": tmp_path / "data"})
