"""The Roadmap tab shows cited steps beside a diagram, reads short forms, folds long roadmaps."""

import pytest

from advisor.web.roadmap_tab import roadmap_view


def test_roadmap_tab_shows_steps_and_a_diagram_with_pin_cites():
    steps, full, diagram = roadmap_view("I'm a GS-0335 computer assistant at GS-7 — how do I move into IT management?")
    shown = steps + full
    assert steps.startswith("### Career roadmap") and "CP-34 — Para-Professional Series" in shown
    assert diagram.startswith('<div role="img"') and "<svg" in diagram and "CP-34" in diagram
    assert "<?xml" not in diagram  # inline SVG in HTML, no XML prolog


def test_roadmap_tab_explains_what_to_type_for_a_non_career_question():
    steps, full, diagram = roadmap_view("hello")
    assert "Describe where you are" in steps and "GS-0335-7 to 2210" in steps and full == diagram == ""


@pytest.mark.parametrize("short,summary", [
    ("GS-0335-7 to 2210", "GS-0335-07 → GS-2210-07"),
    ("0335-7 → 2210-11", "GS-0335-07 → GS-2210-11"),
    ("GS-0335-7 to GS-2210-11 IT specialist", "GS-0335-07 → GS-2210-11"),
    ("from 2210-12 to GS-15 IT program manager", "GS-2210-12 → GS-2210-15 IT Program Manager"),
])
def test_short_forms_plan_a_roadmap(short, summary):
    steps, _full, diagram = roadmap_view(short)
    assert f"### Career roadmap: {summary}" in steps and "<svg" in diagram


def test_a_long_roadmap_shows_an_overview_and_folds_the_details():
    steps, full, _diagram = roadmap_view("I'm a GS-0335 computer assistant at GS-7 — how do I become a GS-15 "
                                         "IT program manager?")
    assert "1. Take the CP-34 bridge" in steps and "Sources:" not in steps
    assert full.startswith("### Career roadmap") and "Sources:" in full and len(steps) < len(full) / 4
