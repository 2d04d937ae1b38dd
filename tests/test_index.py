"""The index builds incrementally and atomically, and a damaged index is detected with its fix."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from advisor.errors import IndexCorrupt, IndexMissing
from advisor.index_store import build_index, open_index

ROOT = Path(__file__).resolve().parent.parent


class CountingEmbedder:
    """A cheap deterministic embedder that counts what it was asked to embed."""

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def encode(self, texts, batch_size=32, progress=False):
        if self.fail:
            raise RuntimeError("embedding failed half-way")
        self.calls += len(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, hash(t) % 384] = 1.0
        return out


def test_missing_index_names_the_command(small_settings):
    with pytest.raises(IndexMissing, match="advisor index"):
        open_index(small_settings)


def test_second_build_with_no_change_embeds_nothing(small_settings):
    emb = CountingEmbedder()
    first = build_index(small_settings, embedder=emb)
    assert first.embedded == first.chunks > 0
    embedded = emb.calls
    second = build_index(small_settings, embedder=emb)
    assert not second.changed and emb.calls == embedded
    assert second.texts == first.texts > first.chunks


def test_changed_chunk_is_the_only_one_reembedded_and_removed_ones_go(small_settings):
    emb = CountingEmbedder()
    first = build_index(small_settings, embedder=emb)
    path = small_settings.corpus_dir / "cp-34.md"
    text = path.read_text()
    text = text.replace("Functional Chief Representative", "Functional Chief Representative (FCR)", 1)
    path.write_text(text)
    second = build_index(small_settings, embedder=emb)
    assert second.changed and second.embedded == 1 and second.reused == first.chunks - 1
    assert open_index(small_settings, embedder=emb).manifest["count"] == second.chunks


def test_failed_build_leaves_the_previous_index_live(small_settings):
    good = build_index(small_settings, embedder=CountingEmbedder())
    path = small_settings.corpus_dir / "cp-34.md"
    path.write_text(path.read_text() + "\n\n## Late Addition\n\nNew text that needs embedding.\n")
    with pytest.raises(RuntimeError):
        build_index(small_settings, embedder=CountingEmbedder(fail=True))
    live = open_index(small_settings, embedder=CountingEmbedder())
    assert live.path.name == good.build and len(live.chunks) == good.chunks


def test_corrupted_keyword_index_is_detected_and_rebuild_repairs_it(small_settings):
    build_index(small_settings, embedder=CountingEmbedder())
    live = open_index(small_settings, embedder=CountingEmbedder())
    victim = next(p for p in (live.path / "bm25").iterdir() if p.is_file())
    victim.write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt, match="advisor index --rebuild"):
        open_index(small_settings, embedder=CountingEmbedder())
    build_index(small_settings, rebuild=True, embedder=CountingEmbedder())
    assert open_index(small_settings, embedder=CountingEmbedder()).chunks
