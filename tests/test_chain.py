"""The offline chain answers with verbatim, resolvable citations, declines what it cannot answer,
resolves follow-ups and rejects bad input with a clear message."""

from __future__ import annotations

import pytest

from advisor.errors import InvalidQuestion
from advisor.models import Answer

pytestmark = pytest.mark.slow


def _chunk_texts(advisor) -> dict[str, str]:
    return {c.chunk_id: c.text for c in advisor.index.chunks}


def test_answer_cites_the_paragraph_that_states_the_rule(advisor):
    ans = advisor.ask("How long is the trial period for a new CIPMS employee?")
    assert not ans.refused
    assert any(c.source == "AR 690-13" and c.section.startswith("4-7") for c in ans.citations)
    assert "1-year trial period" in ans.answer


def test_every_quote_is_verbatim_from_its_cited_chunk(advisor):
    texts = _chunk_texts(advisor)
    for q in ["Which series make up the IT core of CP-34?",
              "What does an IT program manager do about risk?",
              "Can I appeal the grade of my position?"]:
        ans = advisor.ask(q)
        assert ans.citations, q
        for c in ans.citations:
            assert c.quote in texts[c.chunk_id]


def test_answer_json_has_the_stable_contract_fields(advisor):
    data = advisor.ask("Which series are in the IT core of CP-34?").model_dump(mode="json")
    for key in ("answer", "citations", "calculations", "refused", "confidence", "latency_ms", "writer"):
        assert key in data
    cite = data["citations"][0]
    assert set(cite) >= {"source", "section", "title", "quote", "doc_id", "chunk_id"}
    assert data["writer"] == "extractive"


@pytest.mark.parametrize("question", [
    "How many hours of sick leave do I earn each pay period?",
    "Can I telework three days a week?",
    "How do I change my TSP contribution?",
])
def test_questions_the_documents_do_not_cover_are_declined_without_citations(advisor, question):
    ans = advisor.ask(question)
    assert ans.refused and not ans.citations
    assert "CPAC" in ans.answer


def test_follow_up_carries_the_earlier_topic_into_retrieval(advisor):
    first = "What is the premium recruitment bonus under CIPMS?"
    ans = advisor.ask("And how long do I have to stay after getting it?", [first])
    assert not ans.refused
    assert any(c.section.startswith("6-3") for c in ans.citations)


def test_historical_source_is_flagged_once(advisor):
    ans = advisor.ask("Who approves a grade band promotion?")
    assert ans.answer.count("DoDD 1400.35") == 1


def test_calculator_answer_comes_first_with_weekday_and_rule(advisor):
    ans = advisor.ask("My position was downgraded by a personnel action on October 5, 2026. "
                      "By when must I appeal to keep retroactive benefits?")
    assert ans.answer.startswith("**Tuesday, October 20, 2026**")
    assert ans.calculations[0].name == "downgrade_appeal_deadline"
    assert ans.calculations[0].result == "2026-10-20"
    assert any(c.section == "3-9b" for c in ans.citations)


def test_without_a_date_the_answer_asks_for_it_and_quotes_the_deadline_rule_once(advisor):
    ans = advisor.ask("How long do I have to request a higher level review?",
                      ["My classification appeal was decided against me by the MACOM."])
    calc = ans.calculations[0]
    assert calc.name == "higher_level_review_deadline" and calc.missing
    assert ans.answer.startswith("**To work this out I need one more thing:** What is the date of the MACOM's")
    assert ans.answer.count(calc.rule.quote) == 1 and "AR 690-13 para 3-13f(2)" in ans.answer


@pytest.mark.parametrize("bad, message", [
    ("", "empty"), ("   \n\t ", "empty"), ("x" * 4001, "4,000"), ("\x00\x01\x02", "empty"),
])
def test_bad_questions_get_a_clear_message(advisor, bad, message):
    with pytest.raises(InvalidQuestion, match=message):
        advisor.ask(bad)


def test_control_characters_and_odd_unicode_are_cleaned(advisor):
    ans = advisor.ask("Ｗｈｏ approves\u200b a grade band promotion?\x07")
    assert isinstance(ans, Answer) and not ans.refused


def test_career_question_gets_a_cited_roadmap_and_a_follow_up_narrows_it(advisor):
    texts = _chunk_texts(advisor)
    first = "I'm a GS-13 IT specialist; what do I need to become a GS-15 IT program manager?"
    ans = advisor.ask(first)
    assert ans.answer.startswith("### Career roadmap") and ans.roadmap
    assert ans.citations and all(c.quote in texts[c.chunk_id] for c in ans.citations)
    narrowed = advisor.ask("and what training for the GS-15 part?", [first])
    assert "Capital Planning and Investment Assessment" in narrowed.answer
    assert len(narrowed.answer) < len(ans.answer)


def test_a_can_i_qualify_question_gets_the_checklist_not_a_career_roadmap(advisor):
    ans = advisor.ask(
        "I'm a GS-7 nonsupervisory analyst. Could I get a grade band promotion to a GS-9 "
        "supervisory position?"
    )
    assert not ans.answer.startswith("### Career roadmap") and ans.roadmap is None
    assert [c.name for c in ans.calculations] == ["grade_band_promotion_eligibility"]
