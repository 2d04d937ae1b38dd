"""Fixtures for the roadmap tests: the committed career data, the parsed corpus, a plan helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.corpus import Document, load_corpus
from advisor.roadmap.models import Position, Roadmap, Target
from advisor.roadmap.planner import plan
from advisor.roadmap.schema import CareerData, load_career_data

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def data() -> CareerData:
    return load_career_data()


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    """Parsed corpus documents by short name ('AR 690-13', 'CP-34', ...)."""
    return {d.short_name: d for d in load_corpus(CORPUS)}


@pytest.fixture
def roadmap():
    """plan() with keyword arguments: roadmap(current={...}, target={...})."""

    def make(current: dict, target: dict) -> Roadmap:
        return plan(Position(**current), Target(**target))

    return make
