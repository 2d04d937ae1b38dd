"""The page's handlers without a browser: chat, citation links, passages, feedback, forms, deep links."""

from __future__ import annotations

from types import SimpleNamespace

import pytest


def _run(services, message, turns=None):
    from advisor.web.chat_tab import respond

    return list(respond(services, message, turns or []))


def test_the_question_shows_at_once_with_a_progress_line_then_the_whole_answer(services):
    steps = _run(services, "I was downgraded on 2026-11-02. When is my appeal deadline?")
    assert len(steps) == 2  # no replayed chunks: the answer is shown whole as soon as it exists
    first, last = steps
    assert first[0][-1] == {"role": "user", "content": "I was downgraded on 2026-11-02. When is my appeal deadline?"}
    assert first[3].startswith("⏳") and first[4].interactive is False and first[5].visible is True
    assert last[2] == ""  # the question leaves its box once answered
    assert last[4].interactive is True and last[5].visible is False and last[3] == ""
    turns = last[1]
    assert turns[0]["answer"]["calculations"][0]["result"] == "2026-11-17"
    assert last[0][-1]["content"].startswith("**Tuesday, November 17, 2026**")


def test_citations_in_the_answer_text_are_links_that_open_their_passage(services):
    from advisor.web.chat_tab import open_citation

    turns = _run(services, "I was downgraded on 2026-11-02. When is my appeal deadline?")[-1][1]
    shown = _run(services, "Thanks", turns)[0][0][1]["content"]  # the first answer as shown again
    turn_id = turns[0]["id"]
    assert f"[AR 690-13 para 3-9b](?section=AR%20690-13%203-9b&answer={turn_id}&cite=0)" in shown
    md = open_citation(services, f"{turn_id}:0:12345", turns)
    assert "<mark>" in md and "15 calendar days" in md
    assert open_citation(services, "gone:0", turns).startswith("⚠️")


def test_a_follow_up_passes_earlier_questions_as_history(services, monkeypatch):
    seen = {}
    real = services.ask

    def spy(question, history=None):
        seen["history"] = history
        return real(question, history)

    monkeypatch.setattr(services, "ask", spy)
    first = _run(services, "I was downgraded on 2026-11-02.")[-1][1]
    _run(services, "When is my appeal deadline?", first)
    assert seen["history"] == ["I was downgraded on 2026-11-02."]


@pytest.mark.parametrize("message,words", [("", "empty"), ("   ", "empty"), ("x" * 4001, "limit is 4,000")])
def test_empty_or_oversized_messages_get_a_clear_status(services, message, words):
    steps = _run(services, message)
    assert len(steps) == 1
    assert steps[0][3].startswith("⚠️") and words in steps[0][3]


def test_a_chip_opens_the_passage_with_the_quote_marked(services):
    from advisor.web.chat_tab import show_passage

    quote = "A position classification appeal will be canceled if the appellant requests cancellation in writing."
    md = show_passage(services, "AR 690-13", "3-13j(1)", [quote])
    assert f"<mark>{quote}</mark>" in md and "3-13. Formal appeal procedures" in md


def test_feedback_is_stored_with_the_answer_it_was_given_for(services):
    from advisor.web.chat_panels import save_feedback
    from advisor.web.chat_state import feedback_status

    turns = _run(services, "Can I appeal the grade of my position?")[-1][1]
    turns = _run(services, "What is the IT Core Series in CP-34?", turns)[-1][1]
    first, _second = turns
    before = services.feedback.count()
    updated, message, box, flag = save_feedback(services, first["id"], "down", "para is wrong", True, turns)
    assert (box, flag) == ("", False)  # emptied once sent
    assert message.startswith("Thank you") and "👎 Not helpful" in message
    row = services.feedback.rows()[-1]
    assert services.feedback.count() == before + 1
    assert (row["rating"], row["comment"], row["wrong_citation"]) == ("down", "para is wrong", 1)
    assert row["answer_id"] == first["id"] and row["question"] == "Can I appeal the grade of my position?"
    assert row["answer"] == first["answer"]["answer"] and "3-" in row["citations"]
    assert feedback_status(updated[0]).startswith("Thank you") and feedback_status(updated[1]) == ""


def test_sending_an_empty_comment_says_so_in_plain_words(services):
    from advisor.web.chat_panels import save_feedback

    turns = _run(services, "Can I appeal the grade of my position?")[-1][1]
    before = services.feedback.count()
    _unchanged, message, _box, _flag = save_feedback(services, turns[0]["id"], None, "  ", False, turns)
    assert message == "⚠️ Type a comment first, or choose 👍 Helpful or 👎 Not helpful."
    assert services.feedback.count() == before


@pytest.mark.parametrize("values,words", [(("",), "is required"), (("2026-13-01",), "not a real"),
                                          (("last season",), "YYYY-MM-DD")])
def test_calculator_form_errors_are_shown(services, values, words):
    from advisor.web.calculators_tab import calculate

    out = calculate(services, "downgrade_appeal_deadline", *values)
    assert out.startswith("⚠️") and words in out


def test_calculator_form_shows_result_rule_and_pin_cite(services):
    from advisor.web.calculators_tab import calculate

    out = calculate(services, "downgrade_appeal_deadline", "2026-11-02")
    assert "**Tuesday, November 17, 2026**" in out and "— AR 690-13 para 3-9b" in out


@pytest.mark.parametrize("query,ok", [({"section": "AR 690-13 3-13"}, True), ({"section": "AR 690-13 para 3-13"}, True),
                                      ({"section": "CP-34 — IT Core Series"}, True), ({"section": "AR 690-13 77-1"}, False)])
def test_deep_links_open_the_section_or_say_how_to_write_one(services, query, ok):
    from advisor.web.browse_tab import on_load

    _tabs, viewer, ref = on_load(services, SimpleNamespace(query_params=query))
    assert ref == query["section"]
    assert ("Section not found" not in viewer) is ok
    assert ("Write a section as" in viewer) is not ok


def test_no_deep_link_changes_nothing(services):
    from advisor.web.browse_tab import on_load

    assert all(type(x).__name__ == "dict" or x is not None for x in on_load(services, SimpleNamespace(query_params={})))


def test_table_of_contents_search(services):
    from advisor.web.browse_tab import toc_choices

    choices, note = toc_choices(services.library, "cp-34", "")
    assert ("CP-34 — IT Core Series", "cp-34::IT Core Series") in choices and note.startswith("7 sections")
    choices, note = toc_choices(services.library, "", "zzzz-nothing")
    assert choices == [] and "No section matches" in note


def test_about_names_dates_status_and_the_disclaimer(services):
    from advisor.web.about_tab import about_markdown

    md = about_markdown(services.library)
    assert "1990-09-28" in md and "DCIPS" in md and "not legal advice" in md and "CPAC/HR" in md


def test_default_tabs_include_the_roadmap_before_about(services):
    import gradio as gr

    from advisor.web.ui import build_ui, default_tabs

    blocks = build_ui(services, default_tabs())
    labels = [b.label for b in blocks.blocks.values() if isinstance(b, gr.Tab)]
    assert labels == ["Chat", "Calculators", "Browse", "Roadmap", "About"]
