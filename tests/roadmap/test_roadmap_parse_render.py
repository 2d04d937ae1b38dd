"""Chat questions become roadmap requests; roadmaps become Markdown and verbatim citations."""

from __future__ import annotations

import pytest

from advisor.corpus import split_pin_cite
from advisor.models import Citation
from advisor.roadmap.parse import parse_roadmap_question, render_markdown, to_answer_parts
from advisor.roadmap.planner import plan_request
from advisor.text import squash


def test_a_gs0335_computer_assistant_asking_about_it_management():
    req = parse_roadmap_question(
        "I'm a GS-0335 computer assistant — how do I move into IT management?"
    )
    assert req.position.series == "0335" and req.target.role == "IT management"
    r = plan_request(req)
    assert [s.kind for s in r.steps][:2] == ["move", "entry"]


def test_a_gs13_it_specialist_aiming_for_gs15_it_program_manager():
    req = parse_roadmap_question(
        "I'm a GS-13 IT specialist; what do I need to become a GS-15 IT program manager?"
    )
    assert (req.position.grade, req.position.title) == (13, "IT specialist")
    assert (req.target.grade, req.target.role) == (15, "IT program manager")


def test_an_idp_question_for_the_next_grade_band_from_a_cipms_gs7():
    req = parse_roadmap_question(
        "What should be in my IDP to reach the next grade band? I'm a CIPMS GS-7"
    )
    assert req.position.grade == 7 and req.position.cipms is True
    assert req.target.next_band and req.target.focus == "idp"
    assert [s.kind for s in plan_request(req).steps] == ["band", "band", "idp"]


def test_a_follow_up_narrows_the_previous_roadmap_to_gs15_training():
    first = parse_roadmap_question(
        "I'm a GS-13 IT specialist; what do I need to become a GS-15 IT program manager?"
    )
    follow = parse_roadmap_question("and what training for the GS-15 part?", first)
    assert follow.position == first.position
    assert (follow.target.focus, follow.target.focus_grade) == ("training", 15)
    assert [s.kind for s in plan_request(follow).steps] == ["competencies", "idp"]


def test_a_follow_up_without_a_previous_roadmap_is_not_a_roadmap_question():
    assert parse_roadmap_question("and what training for the GS-15 part?") is None


@pytest.mark.parametrize(
    "question",
    [
        "What is the deadline to file a classification appeal?",
        "How do I file a grievance?",
        "What does AR 690-13 say about details?",
        "How much is the premium recruitment bonus?",
        "",
    ],
)
def test_questions_that_are_not_about_a_career_path_return_none(question):
    assert parse_roadmap_question(question) is None


def test_a_series_the_documents_never_name_still_parses_so_the_roadmap_can_say_so():
    req = parse_roadmap_question("How do I get from GS-0335 to criminal investigator 1811?")
    assert (req.position.series, req.target.series) == ("0335", "1811")
    assert not plan_request(req).supported


def test_markdown_shows_each_step_and_its_pin_cites():
    req = parse_roadmap_question("How can a GS-0335 move into the 2210 series?")
    text = render_markdown(plan_request(req))
    assert "**1. Take the CP-34 bridge from GS-0335" in text
    assert "Sources: CP-34 — Para-Professional Series" in text


def test_answer_parts_carry_citations_whose_quotes_are_verbatim_corpus_text(docs):
    req = parse_roadmap_question(
        "I'm a CIPMS GS-0335-07; how do I become a GS-15 IT program manager?"
    )
    markdown, citations = to_answer_parts(plan_request(req))
    assert markdown.startswith("### Career roadmap")
    assert citations and all(isinstance(c, Citation) for c in citations)
    for c in citations:
        source, section = split_pin_cite(c.pin_cite)
        assert (source, section) == (c.source, c.section)
        assert c.chunk_id == f"{c.doc_id}:{c.section}"
        assert squash(c.quote) in squash(docs[c.source].full_text(c.section))
    assert {"AR 690-13 para 4-10b", "CP-34 — Para-Professional Series"} <= {
        c.pin_cite for c in citations
    }
