"""The rule book holds against the corpus: verbatim quotes, resolvable cites, no added figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.corpus import load_corpus
from advisor.errors import CorpusError
from advisor.rulebook.abbreviations import extract
from advisor.rulebook.figures import missing_figures
from advisor.rulebook.load import check, load_rulebook
from advisor.text import squash

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def docs():
    return load_corpus(CORPUS)


@pytest.fixture(scope="module")
def book():
    return load_rulebook(CORPUS)


def test_every_entry_holds_against_the_corpus(book, docs):
    assert check(book, docs) == []


def test_a_figure_the_quote_lacks_is_reported():
    assert missing_figures("File within 30 days with the IPMO.", ["within 15 calendar days"]) == ["30", "IPMO"]


def test_a_figure_written_another_way_is_found():
    assert missing_figures("Awards over $10,000 go to HQDA.", ["in excess of $10000 ... HQDA"]) == []
    assert missing_figures("at least three years", ["for at least 3 consecutive years"]) == []


def test_a_duplicate_id_is_refused(tmp_path):
    (tmp_path / "rules" / "x").mkdir(parents=True)
    entry = ("  - {id: ar-1-1-x, cite: 1-1, quote: 'This regulation prescribes', kind: fact, "
             "applies_to: all, about: purpose, statement: It sets the policy., examples: [why]}\n")
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / "rules" / "x" / name).write_text("document: ar-690-13\nentries:\n" + entry)
    with pytest.raises(CorpusError, match="already used"):
        load_rulebook(tmp_path)


def test_a_broken_entry_names_its_file_and_id(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.yaml").write_text(
        "document: ar-690-13\nentries:\n  - {id: ar-x, cite: 1-1, quote: 'This regulation', "
        "kind: rule, applies_to: all, about: x, statement: It sets policy., examples: [why]}\n")
    with pytest.raises(CorpusError, match=r"bad\.yaml: entry 'ar-x' kind"):
        load_rulebook(tmp_path)


def test_every_abbreviation_is_defined_verbatim_where_it_is_cited(docs):
    table = extract(docs)
    by_doc = {d.doc_id: d for d in docs}
    assert len(table) >= 40
    for a in table:
        assert squash(a.quote) in squash(by_doc[a.doc_id].by_id[a.cite].text), a


def test_the_civilian_personnel_officer_is_the_cpo(docs):
    table = {(a.abbr, a.doc_id): a for a in extract(docs)}
    cpo = table[("CPO", "ar-690-13")]
    assert (cpo.full, cpo.cite) == ("civilian personnel officer", "1-5c")


def test_every_ar_690_13_section_with_text_is_covered_or_skipped_with_a_reason(book, docs):
    from advisor.rulebook.load import coverage

    for doc in docs:
        covered, _skipped, missing = coverage(book, doc)
        assert missing == [], f"{doc.short_name}: no entry covers {missing}"
        assert covered


def test_every_yes_no_answer_is_yes_or_no_with_a_plain_condition(book):
    items = [y for e in book.entries for y in e.yes_no]
    assert len(items) >= 300
    assert all(y.answer in ("yes", "no") for y in items)


def test_another_phrasing_of_a_yes_no_question_must_be_a_question() -> None:
    from pydantic import ValidationError

    from advisor.rulebook.models import YesNo

    item = YesNo(question="Can I appeal my downgrade?", answer="yes", also=["  may I appeal the downgrade? "])
    assert item.also == ["may I appeal the downgrade?"]
    with pytest.raises(ValidationError, match="ending in"):
        YesNo(question="Can I appeal my downgrade?", answer="yes", also=["I can appeal."])
