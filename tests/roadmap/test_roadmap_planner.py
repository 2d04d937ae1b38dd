"""Roadmaps written from the documents: each case checks its steps and their pin-cites."""

from __future__ import annotations

import pytest

from advisor.roadmap.models import Roadmap, Step

BRIDGES = "CP-34 — Para-Professional Series"
ENTRY = "OPM ITPM Career Path Guide — Understanding the Career Path"


def kinds(r: Roadmap) -> list[str]:
    return [s.kind for s in r.steps]


def step(r: Roadmap, kind: str, n: int = 0) -> Step:
    return [s for s in r.steps if s.kind == kind][n]


def cites(r: Roadmap) -> set[str]:
    return {c for s in r.steps for c in s.cites}


@pytest.mark.parametrize("series", ["0332", "0335", "0392"])
def test_it_related_para_professionals_bridge_to_2210(roadmap, series):
    r = roadmap({"series": series, "grade": 7}, {"series": "2210"})
    move = step(r, "move")
    assert r.supported and kinds(r)[0] == "move"
    assert "Bridge to Series 2210" in move.why and BRIDGES in move.cites
    assert move.move is not None and move.move.label == BRIDGES


def test_0335_to_2210_outside_cipms_says_the_new_occupation_exception_is_a_cipms_rule(roadmap):
    move = step(roadmap({"series": "0335", "grade": 7}, {"series": "2210"}), "move")
    assert "4-19d" in move.why and "CIPMS rule" in move.why
    assert "AR 690-13 para 4-19d" not in move.cites


def test_0335_to_2210_under_cipms_applies_4_19d_and_the_bridge_position_policy(roadmap):
    move = step(roadmap({"series": "0335", "grade": 7, "cipms": True}, {"series": "2210"}), "move")
    assert {"AR 690-13 para 4-19d", "AR 690-13 para 5-7b", "CP-34 — Definition"} <= set(move.cites)


def test_0392_to_0391_is_not_a_bridge_cp34_describes(roadmap):
    r = roadmap({"series": "0392", "grade": 7}, {"series": "0391"})
    assert not r.supported and kinds(r) == ["unsupported"]
    why = r.steps[0].why
    assert "IT Related (Bridge to Series 2210)" in why
    assert "Telecommunications Related (Bridge to Series 391)" in why and "0382, 0390, 0394" in why
    assert not r.moves[0].supported


@pytest.mark.parametrize("series", ["0382", "0390", "0394"])
def test_telecommunications_para_professionals_bridge_to_391(roadmap, series):
    r = roadmap({"series": series, "grade": 6}, {"series": "391"})
    assert r.supported and "Bridge to Series 391" in step(r, "move").why
    assert r.target.series == "0391"


@pytest.mark.parametrize("target", ["1410", "1412"])
def test_1411_library_technician_bridges_to_1410_and_1412(roadmap, target):
    r = roadmap({"series": "1411", "grade": 5}, {"series": target})
    assert r.supported and "Bridge to Series 1412/1410" in step(r, "move").why


def test_gs13_it_specialist_to_gs15_it_program_manager(roadmap):
    r = roadmap(
        {"grade": 13, "title": "IT specialist"}, {"role": "IT program manager", "grade": 15}
    )
    assert kinds(r) == [
        "entry",
        "grade",
        "competencies",
        "competencies",
        "competencies",
        "success",
        "certifications",
        "idp",
    ]
    assert (
        step(r, "entry").title
        == "Move from the IT Specialist title to IT Program Manager within GS-2210"
    )
    assert {
        "OPM ITPM Career Path Guide — IT Specialist",
        "OPM ITPM Career Path Guide — IT Program Manager",
    } <= set(step(r, "entry").cites)
    gs15 = step(r, "competencies", 2)
    assert "GS-15" in gs15.title
    assert "OPM ITPM Career Path Guide — Capital Planning and Investment Assessment" in gs15.cites
    assert any("the source lost this competency's name" in i.text for i in gs15.items)
    assert (
        "OPM ITPM Career Path Guide — Core Technical Competencies — GS-15" in step(r, "grade").cites
    )


def test_certifications_step_uses_the_guides_words_that_most_positions_do_not_require_one(roadmap):
    r = roadmap({"series": "2210", "grade": 13}, {"role": "IT program manager", "grade": 14})
    cert = step(r, "certifications")
    assert (
        "most IT Program Manager positions do not require a specific degree or certification"
        in cert.why
    )
    assert "OPM ITPM Career Path Guide — Degrees and Certifications" in cert.cites
    assert any("Project Management Certification" in i.text for i in cert.items)


def test_cipms_gs7_in_band_2_to_the_next_band(roadmap):
    r = roadmap({"grade": 7, "cipms": True}, {"next_band": True})
    assert r.target.grade == 10 and r.supported
    assert kinds(r) == ["band", "band", "idp"]
    within, crossing, idp = r.steps
    assert "Band 2 (GS 5–9, Entry/Dev.)" in within.title and "AR 690-13 para 4-11c" in within.cites
    assert {"AR 690-13 para 4-10b", "AR 690-13 para 5-2c", "AR 690-13 Figure 3-1"} <= set(
        crossing.cites
    )
    assert "note beside the figure" in crossing.why  # the Band 2/3 boundary's provenance
    assert any("Band 2 = GS 5–9" in ref.quote for ref in crossing.refs)
    assert {"AR 690-13 para 5-5a(1)", "AR 690-13 para 5-5a(2)", "AR 690-13 para 4-19e"} <= set(
        idp.cites
    )
    assert "AR 690-13 para 4-10c" in within.cites  # no OPM time-in-grade restrictions


def test_gs12_1101_to_gs13_it_program_manager_uses_the_guides_entry_points(roadmap):
    r = roadmap({"series": "1101", "grade": 12}, {"role": "IT program manager"})
    entry = step(r, "entry")
    assert r.target.grade == 13 and "move" not in kinds(r)
    assert "GS-1101 is one of them" in entry.why and "private sector" in entry.why
    assert ENTRY in entry.cites and entry.move is not None and entry.move.label == ENTRY


def test_a_move_into_1811_criminal_investigator_is_not_described_and_nothing_is_invented(roadmap):
    r = roadmap({"series": "0335", "grade": 7}, {"series": "1811"})
    assert not r.supported and kinds(r) == ["unsupported"]
    assert "names series 1811" in r.steps[0].why
    assert r.moves[0].label.startswith("not described")


def test_a_cipms_0132_move_to_2210_is_not_described_but_names_the_4_19d_rule(roadmap):
    r = roadmap({"series": "0132", "grade": 11, "cipms": True}, {"series": "2210"})
    assert not r.supported and kinds(r)[0] == "unsupported"
    assert "AR 690-13 para 4-19d" in r.steps[0].cites and "not a path" in r.steps[0].why


def test_0391_to_it_program_manager_is_not_an_entry_series_and_the_guide_is_not_exclusive(roadmap):
    r = roadmap({"series": "0391", "grade": 13}, {"role": "IT program manager"})
    assert not r.supported
    assert (
        "not an exclusive list" in r.steps[0].why
        and "OPM ITPM Career Path Guide — Purpose and Objectives" in r.steps[0].cites
    )


def test_outside_cipms_the_grades_before_gs13_have_no_rule_in_the_documents(roadmap):
    r = roadmap({"series": "0335", "grade": 7}, {"role": "IT program manager"})
    assert kinds(r)[:3] == ["move", "grade", "entry"]
    assert "do not describe the steps between these grades" in step(r, "grade").why
    assert not step(r, "grade").move.supported
    assert "CIPMS rules" in step(r, "idp").why


def test_a_supervisory_cipms_program_manager_plans_supervisory_training_in_the_idp(roadmap):
    r = roadmap(
        {
            "series": "2210",
            "grade": 13,
            "cipms": True,
            "supervisory": True,
            "title": "IT program manager",
        },
        {"role": "IT program manager", "grade": 15},
    )
    assert "AR 690-13 para 5-7c" in step(r, "idp").cites
    assert "entry" not in kinds(r)
    assert [s.title for s in r.steps if s.kind == "competencies"] == [
        "Build the competencies the guide makes critical from GS-14",
        "Build the competencies the guide makes critical from GS-15",
    ]


def test_the_technician_career_path_has_no_band_4(roadmap):
    r = roadmap(
        {"series": "0391", "grade": 11, "cipms": True, "career_path": "technician"},
        {"series": "0391", "grade": 14},
    )
    assert "Figure 3-1 gives the technician career path no Band 4" in [s.title for s in r.steps]


def test_above_gs15_cites_the_policy_still_under_development(roadmap):
    r = roadmap({"series": "0132", "grade": 15, "cipms": True}, {"grade": 16})
    assert "AR 690-13 para 3-2c" in cites(r)


def test_it_project_manager_gets_the_guides_project_management_competency_and_a_plain_caveat(
    roadmap,
):
    r = roadmap({"series": "2210", "grade": 12}, {"role": "IT project manager"})
    assert "sets out no separate path" in step(r, "entry").why
    assert "OPM ITPM Career Path Guide — Project Management" in step(r, "competencies").cites


def test_it_specialist_lists_the_parenthetical_titles(roadmap):
    r = roadmap({"series": "0335", "grade": 9}, {"role": "IT specialist"})
    assert "Network Services" in [i.text for i in step(r, "entry").items]


def test_an_it_program_manager_below_gs13_is_not_described_by_the_guide(roadmap):
    r = roadmap({"series": "2210", "grade": 11}, {"role": "IT program manager", "grade": 12})
    assert not r.supported and "GS-12" in step(r, "unsupported").title


def test_a_training_focus_on_the_gs15_part_keeps_only_gs15_competencies_and_the_idp(roadmap):
    r = roadmap(
        {"grade": 13, "title": "IT specialist"},
        {"role": "IT program manager", "grade": 15, "focus": "training", "focus_grade": 15},
    )
    assert kinds(r) == ["competencies", "idp"]
    assert "GS-15" in r.steps[0].title and len(r.steps[0].items) == 3
    assert "OPM ITPM Career Path Guide — Risk Management" not in r.steps[0].cites


def test_every_item_cite_is_backed_by_a_quoted_ref_and_known_section(roadmap, data):
    r = roadmap(
        {"series": "0335", "grade": 7, "cipms": True, "supervisory": True},
        {"role": "IT program manager", "grade": 15},
    )
    refs = {ref.cite for s in r.steps for ref in s.refs}
    assert {c for s in r.steps for i in s.items for c in i.cites} <= refs
    assert refs <= set(data.sections)


def test_plans_are_deterministic(roadmap):
    args = (
        {"series": "0335", "grade": 7, "cipms": True},
        {"role": "IT program manager", "grade": 15},
    )
    assert roadmap(*args).model_dump_json() == roadmap(*args).model_dump_json()
