"""A question's own texts reach the model in one call: every call costs beyond its texts."""

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


def test_a_follow_up_s_turns_and_the_question_joined_with_the_turn_before_are_one_call(intake_and_calls):
    intake, calls = intake_and_calls
    first = "The MACOM decided my classification appeal against me."
    question = "How long do I have to ask for a higher-level review?"
    intake.understand(question, [first], date(2026, 11, 23))
    assert len(calls) == 1
    assert calls[0][:2] == [first, question] and f"{first} {question}" in calls[0]
    assert len(calls[0]) == len(set(calls[0]))  # no text twice


def test_no_joined_text_is_embedded_when_the_last_turn_is_not_a_question(intake_and_calls):
    intake, calls = intake_and_calls
    intake.understand("I'm a GS-12.", ["What is a grade band?"], date(2026, 11, 23))
    assert calls == [["What is a grade band?", "I'm a GS-12."]]
