"""With the sentence vectors precomputed at index time, answers are the same and a question costs
only embeddings of the user's own words.

Runs the real model over the session's index: a sample of dev questions is answered by the
advisor as built (vectors from the index) and by one that embeds every sentence per question.
"""

from __future__ import annotations

import dataclasses
import re

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


def test_a_question_never_seen_before_costs_only_embeddings_of_its_own_words(advisor, sample):
    """The model embeds the question (and, in a conversation, the question with its context,
    and the clauses the intake reads yes/no facts from), never a passage or a rule-book text."""
    advisor.ask("Can I appeal the grade of my position?")  # the model loaded, lazy imports done
    encoder = advisor.index.embed
    seen: list[str] = []
    real = encoder.encode

    def recording(texts: list[str]):
        seen.extend(texts)
        return real(texts)

    encoder.encode = recording
    try:
        for case in sample:
            fresh = f"{case.question} (asked on a new day)"
            seen.clear()
            advisor.ask(fresh, case.history)
            words = set(re.findall(r"[\w'-]+", " ".join([*case.history, fresh]).lower()))
            assert 1 <= len(seen) <= 4, (case.id, seen)
            for text in seen:  # the user's words, whatever punctuation the intake took off them
                own = set(re.findall(r"[\w'-]+", text.lower()))
                assert len(own & words) >= 0.8 * len(own), (case.id, text)
    finally:
        encoder.encode = real
