"""Fuzzing the question path and the calculators' parsers: nothing but the documented errors.

Hypothesis feeds random and adversarial text to ``clean_question``, ``Advisor.ask`` (few
examples: each ask costs a fraction of a second), ``extract_facts``, the intake and act steps
(with a hashed-word embedding, so without the model) and the
``advisor calc NAME --arg value`` parser. Any exception other than ``InvalidQuestion`` or
``CalculatorError`` is a failure; so is an answer whose citations do not hold.
"""

from __future__ import annotations

import contextlib
import io
import time
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import cli
from advisor.act import act
from advisor.calc_cli import _pairs
from advisor.calculators.base import CalculatorError, Context
from advisor.calculators.facts import extract_facts
from advisor.calculators.registry import all_calculators
from advisor.errors import InvalidQuestion
from advisor.intake import Intake
from advisor.validation import clean_question
from tests.fakes import hash_embed

CALCULATORS = all_calculators()
INTAKE = Intake(CALCULATORS, hash_embed)
BY_NAME = {c.name: c for c in CALCULATORS}
FIELDS = sorted({f for c in CALCULATORS for f in c.inputs.model_fields})
FRAGMENTS = [
    "on", "April 8", "Feb 29", "2026-02-30", "9999-12-31", "0001-01-01", "13/45/2026", "1/1/1",
    "GS-13 step 4", "GG-15", "step 11", "grade 16", "$120,000", "$-5", "1e308", "NaN", "99999999999999",
    "rated outstanding", "exceptional", "30 days", "-5 days", "10,000,000 days", "3 days ago",
    "yesterday", "today", "last month", "next year", "received", "decision", "downgraded", "appeal",
    "QSI", "EPA", "within-grade", "bonus", "promoted", "series 0391", "2210", "para 3-9b", "Figure 3-1",
    "para 99-1", "when", "deadline", "how long", "how much", "?", "\u200b", "\x00", "\ufdfa", "Ⅻ",
    "١٢٣", "二〇二六年", "\U0001F600",
]
questions = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=16).map(" ".join),
)


def fuzz(examples: int) -> settings:
    """Deterministic runs (the same examples in CI each time), no per-example deadline."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


@fuzz(1500)
@given(st.text(max_size=400))
def test_clean_question_returns_clean_bounded_text_or_invalid_question(text):
    try:
        out = clean_question(text, 300)
    except InvalidQuestion as e:
        assert str(e)
        return
    assert 0 < len(out) <= 300 and out == out.strip() and "  " not in out
    assert not any(unicodedata.category(ch)[0] == "C" for ch in out)
    assert clean_question(out, 300) == out  # cleaning twice changes nothing


@fuzz(400)
@given(questions, st.lists(questions, max_size=2),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_fact_extraction_intake_and_act_raise_nothing(question, history, today):
    for past in (False, True):
        extract_facts(question, today, past_dates=past)
    intent = INTAKE.understand(question, history, today)
    for calc in act(intent, BY_NAME, Context(today=today)):
        assert calc.rule.quote and (calc.result is not None or calc.missing or calc.details.get("error"))


@pytest.mark.slow
@fuzz(12)
@given(questions, st.lists(st.one_of(questions, st.none(), st.integers(),
                                     st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant"]),
                                                            "content": questions})), max_size=3))
def test_ask_answers_or_rejects_any_text_with_citations_that_hold(advisor, question, history):
    try:
        answer = advisor.ask(question, history)
    except InvalidQuestion:
        return
    assert answer.answer
    for c in answer.citations:
        assert c.quote in advisor.index.by_id[c.chunk_id].text


json_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=8,
).map(lambda v: __import__("json").dumps(v))
values = st.one_of(
    st.sampled_from(["2026-04-08", "2026-02-30", "-1", "1e400", "true", "null", "[]", "{}", "NaN",
                     "Infinity", "99999999999999999999", "0", '""', "1.5", "-", "---x", "13",
                     "[" * 3000, "[" * 2000 + "]" * 2000, '{"a":' * 1500]),
    json_like, st.text(max_size=12),
)
tokens = st.one_of(st.sampled_from([f"--{f.replace('_', '-')}" for f in FIELDS]), values)


@fuzz(600)
@given(st.sampled_from([c.name for c in CALCULATORS]), st.lists(tokens, max_size=8))
def test_advisor_calc_arguments_give_a_result_or_a_message(name, extra):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = cli.main(["calc", name, "--today", "2026-11-23", *extra])
    assert code in (0, 2)
    if code == 2:
        assert err.getvalue().startswith("error: ")


@fuzz(300)
@given(st.lists(tokens, max_size=8))
def test_arg_pairs_parse_or_raise_value_error(extra):
    try:
        pairs = _pairs(extra)
    except (ValueError, RecursionError):  # RecursionError: deep JSON; cli.main reports it
        return
    assert all(isinstance(k, str) for k in pairs)


def test_calculator_errors_are_the_documented_kind():
    calc = next(c for c in CALCULATORS if c.name == "downgrade_appeal_deadline")
    with pytest.raises((CalculatorError, ValueError)):
        calc({"action_date": "not a date"}, Context(today=date(2026, 11, 23)))


def test_a_4000_character_question_is_understood_in_under_a_second():
    question = ("My position was downgraded on October 5, 2026 and I received the decision. "
                "By when must I appeal? ") * 20
    started = time.perf_counter()
    INTAKE.understand((question * 2)[:4000], [], date(2026, 11, 23))
    assert time.perf_counter() - started < 1.0
