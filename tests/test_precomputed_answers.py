"""With the sentence vectors precomputed at index time, answers are the same and cost one embedding.

Runs the real model over the session's index: a sample of dev questions is answered by the
advisor as built (vectors from the index) and by one that embeds every sentence per question.
"""

from __future__ import annotations

import dataclasses

import pytest

from advisor.chain import Advisor
from advisor.vectors import TextVectors
from evals.dataset import load_split, stratified

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample():
    cases, _ = load_split("dev")
    return stratified(cases, 24)


@pytest.fixture(scope="module")
def embeds_per_question(advisor) -> Advisor:
    """The same advisor over the same index, but with no precomputed vectors."""
    index = dataclasses.replace(advisor.index, vectors=TextVectors.empty())
    return Advisor(advisor.settings, index, writer=advisor.writer)


def _shown(answer) -> tuple:
    return (answer.answer, [(c.source, c.section, c.quote) for c in answer.citations], answer.refused,
            [c.name for c in answer.calculations], answer.retrieved)


def test_answers_are_the_same_with_precomputed_sentence_vectors(advisor, embeds_per_question, sample):
    for case in sample:
        assert _shown(advisor.ask(case.question, case.history)) == \
            _shown(embeds_per_question.ask(case.question, case.history)), case.id


def test_a_question_never_seen_before_costs_one_model_embedding(advisor, sample):
    advisor.ask("Can I appeal the grade of my position?")  # the model loaded, lazy imports done
    for case in sample:
        fresh = f"{case.question} (asked on a new day)"
        before = advisor.index.embed.model_texts
        advisor.ask(fresh, case.history)
        assert advisor.index.embed.model_texts - before <= 1, case.id
