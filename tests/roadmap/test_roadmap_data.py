"""The career data is extracted from corpus/, committed as generated, and traceable item by item."""

from __future__ import annotations

import json
from pathlib import Path

from advisor.corpus import split_pin_cite
from advisor.roadmap.extract import OUT, extract, render
from advisor.text import squash

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _sourced(node: object) -> list[dict]:
    """Every object in the JSON that carries a pin-cite and a quote."""
    if isinstance(node, dict):
        found = (
            [node]
            if isinstance(node.get("cite"), str) and isinstance(node.get("quote"), str)
            else []
        )
        return found + [x for v in node.values() for x in _sourced(v)]
    if isinstance(node, list):
        return [x for v in node for x in _sourced(v)]
    return []


def test_committed_career_json_equals_a_fresh_extraction_from_the_corpus():
    assert OUT.read_text(encoding="utf-8") == render(extract(CORPUS)), (
        "advisor/data/career.json is stale: run `python -m advisor.roadmap.extract`"
    )


def test_every_item_is_traceable_to_the_section_its_pin_cite_names(docs):
    items = _sourced(json.loads(OUT.read_text(encoding="utf-8")))
    assert len(items) > 400
    for item in items:
        source, section = split_pin_cite(item["cite"])
        doc = docs[source]
        assert section in doc.by_id, item["cite"]
        assert squash(item["quote"]) in squash(doc.full_text(section)), (
            item["cite"],
            item["quote"],
        )


def test_every_list_entry_carries_its_own_cite_and_quote(data):
    entries = [
        *data.bridges,
        *data.success_factors,
        *data.certifications,
        *data.degrees,
        *data.grade_bands,
        *data.career_paths,
        *data.cipms_series,
        *data.entry_points.model_dump()["series"],
    ]
    for c in data.competencies:
        entries += [*c.definition, *c.behaviors, *c.courses, *c.developmental]
    for e in entries:
        if isinstance(e, str):  # series codes of the entry points rest on the entry_points quote
            assert f"GS-{e.lstrip('0')}" in data.entry_points.quote
            continue
        assert e.cite and e.quote


def test_every_pin_cite_in_the_data_has_its_section_facts_for_citations(data):
    cites = {i["cite"] for i in _sourced(data.model_dump(mode="json"))}
    assert cites <= set(data.sections)


def test_cp34_bridges_follow_the_para_professional_series_list(data):
    bridges = {b.name: b for b in data.bridges}
    assert bridges["IT Related"].from_series == ["0332", "0335", "0392"]
    assert bridges["IT Related"].to_series == ["2210"]
    assert bridges["Telecommunications Related"].from_series == ["0382", "0390", "0394"]
    assert bridges["Telecommunications Related"].to_series == ["0391"]
    assert bridges["Telecommunications Related"].to_as_written == "391"
    assert bridges["Librarian Related"].from_series == ["1411"]
    assert bridges["Librarian Related"].to_series == ["1412", "1410"]
    assert {b.cite for b in data.bridges} == {"CP-34 — Para-Professional Series"}


def test_cp34_series_groups_list_the_it_core_and_im_specialty_series(data):
    groups = {g.name: g for g in data.series_groups}
    assert [m.code for m in groups["IT Core Series"].members] == ["2210", "0391", "0301-i"]
    assert {"1410", "1412"} <= set(groups["IM Specialty Series"].codes)


def test_opm_competencies_are_grouped_by_the_grade_their_table_names(data):
    by_table: dict[str, list[str]] = {}
    for c in data.competencies:
        by_table.setdefault(c.group, []).append(c.name)
    assert len(by_table["Core Technical Competencies — GS-13, GS-14, GS-15"]) == 7
    assert len(by_table["Core Technical Competencies — GS-14, GS-15"]) == 4
    assert len(by_table["Core Technical Competencies — GS-15"]) == 3
    assert len(by_table["Core General Competencies — GS-13, GS-14, GS-15"]) == 3
    risk = next(c for c in data.competencies if c.name == "Risk Management")
    assert risk.critical_for == [13, 14, 15] and len(risk.behaviors) == 8
    assert "Risk Analysis Techniques" in [i.quote for i in risk.courses]


def test_competencies_whose_names_the_source_lost_are_flagged_not_named(data):
    unnamed = sorted(c.name for c in data.competencies if not c.name_in_source)
    assert unnamed == [
        "Stakeholder Management",
        "Unnamed GS-15 Competency: Data Management",
        "Unnamed GS-15 Competency: Program Assessment and Contingency Planning",
    ]
    stakeholder = next(c for c in data.competencies if c.name == "Stakeholder Management")
    assert any("inferred" in n for n in stakeholder.corpus_notes)
    assert all(d.damaged for d in stakeholder.definition)


def test_gs13_entry_points_are_the_series_the_guide_names_and_the_private_sector(data):
    ep = data.entry_points
    assert ep.grade == 13 and ep.private_sector
    assert ep.series == ["2210", "1101", "0801", "1550", "0301", "0340", "0343", "0346"]


def test_figure_3_1_band_2_3_boundary_keeps_the_provenance_of_the_labelled_note(data):
    bands = {b.band: b for b in data.grade_bands}
    assert bands[1].grades == [1, 2, 3, 4] and bands[1].from_figure
    assert bands[2].grades == [5, 6, 7, 8, 9] and not bands[2].from_figure
    assert bands[3].grades == [10, 11, 12, 13] and not bands[3].from_figure
    assert bands[5].grades == [16, 17, 18]
    assert "Band 2 = GS 5–9 and Band 3 = GS 10–13" in bands[2].boundary.quote
    assert "Army CPOL" in bands[2].provenance and "2 Apr 1992" in bands[2].provenance
    paths = {p.name: p.levels for p in data.career_paths}
    assert paths["Clerical"] == {1: "Entry", 2: "Full Perf.*"}


def test_the_guide_says_a_degree_or_certificate_is_not_required(data):
    assert data.rule("degree_not_required").quote.startswith(
        "While a degree or certificate is not required"
    )
    assert data.rule("most_not_required").quote.startswith(
        "most IT Program Manager positions do not require"
    )
    assert len(data.certifications) == 20 and len(data.degrees) == 6


def test_the_ar_rules_the_planner_applies_cite_their_paragraphs(data):
    expected = {
        "band_competencies": "4-10b",
        "no_time_in_grade": "4-10c",
        "band_promotion": "4-11c",
        "new_occupation": "4-19d",
        "training_agreements": "4-19e",
        "present_band_competencies": "5-2c",
        "idp_form": "5-5a(1)",
    }
    for key, para in expected.items():
        assert data.rule(key).cite == f"AR 690-13 para {para}"
