"""The embedder spreads an index build's many texts over the cores and keeps every vector in place."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from advisor import embeddings
from advisor.embeddings import Embedder


class WordTokenizer:
    """One token per word plus the two special tokens: tokens and characters disagree."""

    def __call__(self, texts, truncation=True, max_length=None):
        return {"input_ids": [[0] * (len(t.split()) + 2) for t in texts]}


class RecordingModel:
    """A stand-in for the sentence model: a text's vector is a function of the text alone."""

    max_seq_length = 256

    def __init__(self, fail_on: str | None = None) -> None:
        self.tokenizer = WordTokenizer()
        self.batches: list[list[str]] = []
        self.threads: set[int] = set()
        self.torch_threads: set[int] = set()
        self.fail_on = fail_on
        self._lock = threading.Lock()

    def encode(self, texts, batch_size, normalize_embeddings, show_progress_bar, convert_to_numpy):
        import torch

        if self.fail_on in texts:
            raise RuntimeError("the model failed on a batch")
        with self._lock:
            self.batches.append(list(texts))
            self.threads.add(threading.get_ident())
            self.torch_threads.add(torch.get_num_threads())
        return np.stack([vector(t) for t in texts])


def vector(text: str) -> np.ndarray:
    v = np.zeros(384, dtype=np.float32)
    v[sum(map(ord, text)) % 384] = 1.0
    v[len(text) % 384] += 1.0
    return v


def embedder_with(model: RecordingModel, monkeypatch, cores: int = 2) -> Embedder:
    monkeypatch.setattr(embeddings, "_cores", lambda: cores)
    e = Embedder()
    e._model = model
    return e


def texts(n: int) -> list[str]:
    # long words in short texts and short words in long ones: characters mislead about tokens
    return [("a " * (i % 13)) + ("extraordinarily " * (i % 5)) + f"text {i}" for i in range(n)]


def test_many_texts_are_spread_over_a_worker_thread_per_core_on_one_torch_thread_each(monkeypatch):
    import torch

    model = RecordingModel()
    before = torch.get_num_threads()
    embedder_with(model, monkeypatch).encode(texts(600))
    assert len(model.threads) >= 2 and threading.get_ident() in model.threads
    assert model.torch_threads == {1}
    assert torch.get_num_threads() == before


def test_spread_vectors_come_back_in_the_order_of_the_texts(monkeypatch):
    items = texts(600)
    out = embedder_with(RecordingModel(), monkeypatch).encode(items)
    assert out.shape == (600, 384) and out.dtype == np.float32
    assert np.array_equal(out, np.stack([vector(t) for t in items]))


def test_a_build_s_batches_hold_texts_of_about_the_same_number_of_tokens(monkeypatch):
    model = RecordingModel()
    embedder_with(model, monkeypatch).encode(texts(600))
    tokens = WordTokenizer()
    spans = [[len(ids) for ids in tokens(batch)["input_ids"]] for batch in model.batches]
    longest_first = sorted(spans, key=lambda s: -max(s))
    for shorter, longer in zip(longest_first[1:], longest_first):
        assert max(shorter) <= min(longer)  # no batch mixes lengths another batch lies between
    assert all(len(b) <= 32 for b in model.batches) and sum(map(len, model.batches)) == 600


def test_a_few_texts_or_one_core_stay_one_model_call(monkeypatch):
    model = RecordingModel()
    embedder_with(model, monkeypatch).encode(texts(40))
    embedder_with(model, monkeypatch, cores=1).encode(texts(600))
    assert [len(b) for b in model.batches] == [40, 600]


def test_a_failure_in_a_worker_reaches_the_caller(monkeypatch):
    items = texts(600)
    with pytest.raises(RuntimeError, match="failed on a batch"):
        embedder_with(RecordingModel(fail_on=items[0]), monkeypatch).encode(items)
    with pytest.raises(RuntimeError, match="failed on a batch"):
        embedder_with(RecordingModel(fail_on=items[-7]), monkeypatch).encode(items)
