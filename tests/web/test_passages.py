"""Finding sections by document and id or written citation, and marking quotes in a passage."""

from __future__ import annotations

import pytest

from advisor.config import PROJECT_ROOT
from advisor.corpus import load_corpus
from advisor.web.passages import Library, SectionNotFound, chip_label, link_for


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(load_corpus(PROJECT_ROOT / "corpus"))


@pytest.mark.parametrize("ref,doc,section", [
    ("AR 690-13 3-13", "ar-690-13", "3-13"),
    ("AR 690-13 para 3-13", "ar-690-13", "3-13"),
    ("AR 690-13 paragraph 3-13f(2)", "ar-690-13", "3-13f(2)"),
    ("AR 690-13 ¶ 3-9b", "ar-690-13", "3-9b"),
    ("ar 690-13 figure 3-1", "ar-690-13", "Figure 3-1"),
    ("ar-690-13 3-13", "ar-690-13", "3-13"),
    ("CP-34 — IT Core Series", "cp-34", "IT Core Series"),
    ("CP-34 - it core series", "cp-34", "IT Core Series"),
    ("OPM ITPM Career Path Guide — Risk Management", "opm-itpm-guide-2011", "Risk Management"),
    ("OPM ITPM Career Path Guide — Core Technical Competencies — GS-13, GS-14, GS-15",
     "opm-itpm-guide-2011", "Core Technical Competencies — GS-13, GS-14, GS-15"),
])
def test_written_citations_resolve(library, ref, doc, section):
    found = library.resolve(ref)
    assert (found.doc_id, found.section_id) == (doc, section)


@pytest.mark.parametrize("ref", ["", "AR 690-13", "AR 690-13 9-99", "Something 3-13", "CP-34 — Nope"])
def test_unknown_citations_say_how_to_write_one(library, ref):
    with pytest.raises(SectionNotFound, match="e.g.|for example|documents are"):
        library.resolve(ref)


def test_chip_labels_use_the_paragraph_sign():
    assert chip_label("AR 690-13", "3-9b") == "AR 690-13 ¶ 3-9b"
    assert chip_label("AR 690-13", "Figure 3-1") == "AR 690-13 Figure 3-1"
    assert chip_label("CP-34", "IT Core Series") == "CP-34 — IT Core Series"


def test_passage_marks_the_quote_and_shows_the_breadcrumb(library):
    quote = ("This notice must inform the employee that an appeal may only be filed within 15 "
             "calendar days of the personnel action to preserve entitlement to retroactive benefits.")
    md = library.passage_markdown(library.section("AR 690-13", "3-9b"), [quote])
    assert f"<mark>{quote}</mark>" in md
    assert "Chapter 3" in md and "AR 690-13 ¶ 3-9b" in md and "Status:" in md


def test_a_quote_outside_the_section_is_shown_in_its_enclosing_section(library):
    sibling = "CIPMS employees may appeal the pay plan, series, title, and/or grade"  # in 3-9a
    md = library.passage_markdown(library.section("AR 690-13", "3-9b"), [sibling])
    assert "<mark>" in md and "Shown within AR 690-13 ¶ 3-9" in md


def test_view_has_full_text_with_children(library):
    view = library.view(library.section("ar-690-13", "3-13"))
    assert "3-13a" not in view.text and "appeal" in view.text.lower()
    assert view.pin_cite == "AR 690-13 para 3-13" and view.breadcrumb[-1] == "AR 690-13 ¶ 3-13"


def test_toc_lists_paragraphs_and_search_reaches_subparagraphs(library):
    toc, total = library.toc("ar-690-13")
    assert all(s.depth <= 1 for s in toc) and total == len(toc)
    found, _ = library.toc("", "retroactive benefits")
    assert any(s.section_id == "3-9b" for s in found)


def test_deep_link_round_trips(library):
    section = library.section("CP-34", "IT Core Series")
    assert link_for(section) == "?section=CP-34%20IT%20Core%20Series"
