"""Precomputed text vectors: built with the index, opened with it, and looked up instead of embedded."""

from __future__ import annotations

import numpy as np
import pytest
from test_index import CountingEmbedder

from advisor.errors import IndexCorrupt
from advisor.index_store import build_index, open_index
from advisor.text import sentence_spans
from advisor.vectors import CachedEncoder, TextVectors, embed_texts, text_hash

RULE_FILE = """document: cp-34
entries:
  - id: cp34-fcr-role
    cite: Functional Chief Representative
    quote: The Functional Chief Representative manages the career program.
    kind: fact
    applies_to: CP-34 members
    about: who runs the career program
    statement: The Functional Chief Representative runs the career program.
    examples:
      - who runs cp-34
      - who is in charge of the it career program
"""


def test_every_sentence_of_every_chunk_has_a_vector_in_the_live_build(small_settings):
    build_index(small_settings, embedder=CountingEmbedder())
    index = open_index(small_settings, embedder=CountingEmbedder())
    for chunk in index.chunks:
        assert index.vectors.get(chunk.embed_text) is not None
        for a, b in sentence_spans(chunk.text):
            assert index.vectors.get(chunk.text[a:b]) is not None, chunk.text[a:b]
    assert (index.path / "vectors.npz").is_file()


def test_a_sentence_costs_a_lookup_and_a_new_text_one_model_call(small_settings):
    build_index(small_settings, embedder=CountingEmbedder())
    model = CountingEmbedder()
    index = open_index(small_settings, embedder=model)
    chunk = index.chunks[0]
    sentences = [chunk.text[a:b] for a, b in sentence_spans(chunk.text)]
    index.embed(sentences + [chunk.embed_text])
    assert model.calls == 0 and index.embed.model_texts == 0
    index.embed(["A question nobody asked before?"])
    index.embed(["A question nobody asked before?"])
    assert model.calls == 1  # embedded once, then cached


def test_changing_one_chunk_embeds_only_its_new_texts(small_settings):
    emb = CountingEmbedder()
    first = build_index(small_settings, embedder=emb)
    path = small_settings.corpus_dir / "cp-34.md"
    path.write_text(path.read_text().replace("Functional Chief Representative",
                                             "Functional Chief Representative (FCR)", 1))
    second = build_index(small_settings, embedder=emb)
    assert second.changed and 0 < second.texts_embedded < first.texts / 4


def test_rule_book_entries_get_vectors_and_adding_one_makes_a_new_build(small_settings):
    first = build_index(small_settings, embedder=CountingEmbedder())
    rules = small_settings.corpus_dir / "rules" / "cp-34"
    rules.mkdir(parents=True)
    (rules / "roles.yaml").write_text(RULE_FILE)
    second = build_index(small_settings, embedder=CountingEmbedder())
    assert second.changed and second.build != first.build
    vectors = open_index(small_settings, embedder=CountingEmbedder()).vectors
    assert vectors.by_id("rule:cp34-fcr-role:statement") is not None
    assert vectors.get("who runs cp-34") is not None


def test_a_damaged_vectors_file_is_detected_and_a_rebuild_repairs_it(small_settings):
    report = build_index(small_settings, embedder=CountingEmbedder())
    (small_settings.index_dir / "builds" / report.build / "vectors.npz").write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt, match="advisor index --rebuild"):
        open_index(small_settings, embedder=CountingEmbedder())
    build_index(small_settings, embedder=CountingEmbedder())
    assert len(open_index(small_settings, embedder=CountingEmbedder()).vectors) == report.texts


def test_the_same_text_under_two_ids_is_stored_once(tmp_path):
    calls: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.eye(384, dtype=np.float32)[: len(texts)]

    store, embedded = embed_texts([("a", "same"), ("b", "same"), ("c", "other")], encode, {})
    assert embedded == 2 and len(store) == 2 and calls == [["same", "other"]]
    store.save(tmp_path / "v.npz")
    again = TextVectors.load(tmp_path / "v.npz")
    assert np.array_equal(again.by_id("b"), store.get("same"))
    assert again.known().keys() == {text_hash("same"), text_hash("other")}


def test_the_process_cache_is_bounded():
    encoder = CachedEncoder(TextVectors.empty(), lambda ts: np.ones((len(ts), 384), np.float32), max_cached=2)
    for t in ("one", "two", "three"):
        encoder([t])
    encoder(["one"])
    assert encoder.model_texts == 4  # "one" had been dropped for "three"


def test_a_question_is_embedded_on_one_thread_and_the_setting_is_restored():
    import torch

    from advisor.embeddings import _threads

    before = torch.get_num_threads()
    with _threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
