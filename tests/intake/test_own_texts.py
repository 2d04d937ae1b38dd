"""A question's own texts reach the model in one call (the earlier turns', stored in a chat, in one
before it), and a conversation read again is not ranked again."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from advisor.calculators.registry import all_calculators
from advisor.intake.understand import Intake


class RecordingEmbed:
    """A deterministic stand-in for the model that records every call after the intake's own."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, sum(map(ord, t)) % 384] = 1.0
        return out


@pytest.fixture
def intake_and_calls():
    embed = RecordingEmbed()
    intake = Intake(all_calculators(), embed)
    embed.calls.clear()  # the targets, embedded once when the intake is built
    return intake, embed.calls


def test_a_single_question_is_one_model_call_of_one_text(intake_and_calls):
    intake, calls = intake_and_calls
    intake.understand("How long do I have to appeal my classification decision?", [], date(2026, 11, 23))
    assert calls == [["How long do I have to appeal my classification decision?"]]


def test_a_follow_up_s_question_and_the_text_it_is_matched_as_are_one_call_after_the_earlier_turns(
        intake_and_calls):
    intake, calls = intake_and_calls
    first = "The MACOM decided my classification appeal against me."
    question = "How long do I have to ask for a higher-level review?"
    intake.understand(question, [first], date(2026, 11, 23))
    # the earlier turns (in a chat, stored vectors: no model time), then the last turn's own
    # texts: the question and the question with its context, no guessed joins
    assert calls == [[first], [question, f"{first} {question}"]]


def test_a_question_after_questions_embeds_no_joined_text(intake_and_calls):
    intake, calls = intake_and_calls
    earlier = ["What is a grade band?", "Who approves a promotion?"]
    intake.understand("What does CPO stand for?", earlier, date(2026, 11, 23))
    assert calls == [earlier, ["What does CPO stand for?"]]


def test_no_joined_text_is_embedded_when_the_last_turn_is_not_a_question(intake_and_calls):
    intake, calls = intake_and_calls
    intake.understand("I'm a GS-12.", ["What is a grade band?"], date(2026, 11, 23))
    assert calls == [["What is a grade band?"], ["I'm a GS-12."]]


def test_a_text_ranked_again_is_not_scored_or_embedded_again():
    import numpy as np

    from advisor.intake.match import Matcher, Target

    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.array([[1.0, float(len(t) % 3)] for t in texts]) / 2

    targets = [Target("a", "calculator", ("downgrade appeal deadline",)), Target("b", "rule", ("award amount",))]
    m = Matcher(targets, embed)
    first = m.rank("when must I appeal my downgrade")
    again = m.rank("when must I appeal my downgrade")
    assert [x.target.id for x in first] == [x.target.id for x in again] == ["a", "b"]
    assert [x.score for x in first] == [x.score for x in again]
    assert len(calls) == 2  # the targets once, the question once
    assert [x.target.id for x in m.rank("when must I appeal my downgrade", kinds=["rule"])] == ["b"]
