"""The Roadmap tab shows cited steps beside a diagram, and a clear message for other input."""

from advisor.web.roadmap_tab import roadmap_view


def test_roadmap_tab_shows_steps_and_a_diagram_with_pin_cites():
    steps, diagram = roadmap_view("I'm a GS-0335 computer assistant at GS-7 — how do I move into IT management?")
    assert steps.startswith("### Career roadmap") and "CP-34 — Para-Professional Series" in steps
    assert "<svg" in diagram and "CP-34" in diagram


def test_roadmap_tab_explains_what_to_type_for_a_non_career_question():
    steps, diagram = roadmap_view("hello")
    assert "Describe where you are" in steps and diagram == ""
