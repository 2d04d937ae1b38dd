"""The conversation as data: citation links, what a reload restores, feedback and export, no model."""

from __future__ import annotations

from datetime import date

from advisor.feedback import FeedbackStore
from advisor.models import Answer, Citation
from advisor.web import chat_state
from advisor.web.render import link_citations


def _answer(text: str = "**In short:** Appeal within 15 days (AR 690-13 para 3-9b).") -> Answer:
    cite = Citation(source="AR 690-13", section="3-9b", title="Overview", quote="within 15 calendar days",
                    doc_id="ar-690-13", chunk_id="ar-690-13:3-9")
    return Answer(answer=text, citations=[cite], writer="extractive")


def test_a_cited_reference_becomes_a_link_but_a_longer_one_it_prefixes_does_not():
    cite = Citation(source="AR 690-13", section="3-9", title="t", quote="q", doc_id="d", chunk_id="c")
    text = link_citations("See AR 690-13 para 3-9 and AR 690-13 para 3-9b.", [cite], "abc")
    assert text == "See [AR 690-13 para 3-9](?section=AR%20690-13%203-9&answer=abc&cite=0) and AR 690-13 para 3-9b."


def test_a_reload_restores_only_well_formed_turns():
    good = chat_state.new_turn("When must I appeal?", _answer())
    stored = [good, {"id": 3, "question": "x"}, {"id": "y", "question": "q", "answer": {"nope": 1}}, "junk"]
    assert chat_state.restore(stored) == [good]
    assert chat_state.restore("not a list") == [] and chat_state.restore(None) == []


def test_feedback_names_its_answer_and_is_kept_in_that_turn(tmp_path):
    store = FeedbackStore(tmp_path)
    turns = [chat_state.new_turn("First?", _answer()), chat_state.new_turn("Second?", _answer("Other."))]
    updated, message = chat_state.give_feedback(store, turns, turns[0]["id"], "up", " good ", False)
    assert message.startswith("Thank you") and "👍 Helpful" in message and "“good”" in message
    assert updated[0]["feedback"]["rating"] == "up" and "feedback" not in updated[1]
    row = store.rows()[0]
    assert (row["answer_id"], row["question"], row["comment"]) == (turns[0]["id"], "First?", "good")
    again = chat_state.restore(updated)
    assert chat_state.feedback_status(again[0]) == chat_state.feedback_status(updated[0])


def test_feedback_on_an_answer_no_longer_there_is_refused_plainly(tmp_path):
    turns = [chat_state.new_turn("First?", _answer())]
    updated, message = chat_state.give_feedback(FeedbackStore(tmp_path), turns, "gone", "up", "", False)
    assert updated is None and "no longer in the conversation" in message


def test_the_export_holds_every_question_answer_and_source():
    turns = [chat_state.new_turn("When must I appeal?", _answer())]
    md = chat_state.export_markdown(turns, date(2026, 11, 23))
    assert md.startswith("# Conversation with the regulations advisor (2026-11-23)")
    assert "## 1. When must I appeal?" in md and "(AR 690-13 para 3-9b)" in md
    assert "- AR 690-13 para 3-9b: “within 15 calendar days”" in md and "](?section=" not in md


def test_an_open_checklist_asks_its_questions_once():
    from advisor.calculators_view import render_calculation
    from advisor.models import Calculation, RuleRef

    q1, q2 = "Is the employee covered by CIPMS?", "What is the current step?"
    calc = Calculation(name="epa_eligibility", result="need more information",
                       explanation=f"Need more information: still needed: {q1} {q2} {q2}.",
                       rule=RuleRef(source="AR 690-13", section="8-10", quote="It recognizes..."),
                       details={"criteria": [], "questions": [q1, q2, q2]})
    md = render_calculation(calc)
    assert md.count(q1) == 1 and md.count(q2) == 1 and md.count("Need more information") == 1


def test_the_browser_storage_key_is_made_once_owner_only_and_kept(tmp_path):
    import stat

    from advisor.config import Settings
    from advisor.web.services import Services

    settings = Settings(data_dir=tmp_path / "data", index_dir=tmp_path / "index")
    key = Services(settings).browser_secret()
    assert len(key) >= 40 and Services(settings).browser_secret() == key  # a restart reads it back
    path = tmp_path / "data" / "browser-storage.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
