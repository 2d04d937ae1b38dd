"""Precomputed text vectors: texts with ids -> unit vectors, one file in each index build.

The index build embeds, once, every text an answer may need besides the question (each
chunk, each of its sentences, each rule-book entry's words; see ``advisor/precompute.py``)
and stores them here keyed by the content hash of the text, so a text that occurs twice is
one row; the ids say where each text came from (``sentence:<chunk id>:<offset>``,
``rule:<entry id>:statement``...). ``TextVectors`` is that store; ``CachedEncoder`` serves a
running process: a stored text costs a lookup, any other text (the question) is embedded by
the model once and kept in a bounded cache. No model is loaded here and nothing is read at
import; which texts are embedded is the caller's choice.
"""

from __future__ import annotations

import hashlib
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

DIM = 384
FILENAME = "vectors.npz"
Encode = Callable[[list[str]], np.ndarray]


def text_hash(text: str) -> str:
    """The key of a text: the same text always has the same key, whatever its id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class TextVectors:
    """Rows of unit vectors keyed by text hash, and which ids name each row's text."""

    def __init__(self, hashes: Sequence[str], matrix: np.ndarray, ids: Sequence[str] = (),
                 id_rows: Sequence[int] = ()) -> None:
        if len(hashes) != len(matrix) or len(ids) != len(id_rows):
            raise ValueError("text vectors: keys, rows and ids do not line up")
        self.hashes = list(hashes)
        self.matrix = np.asarray(matrix, dtype=np.float32).reshape(len(self.hashes), DIM)
        self.ids = list(ids)
        self._row = {h: i for i, h in enumerate(self.hashes)}
        self._id_row = dict(zip(self.ids, (int(r) for r in id_rows), strict=True))

    @classmethod
    def empty(cls) -> TextVectors:
        return cls([], np.zeros((0, DIM), dtype=np.float32))

    def __len__(self) -> int:
        return len(self.hashes)

    def get(self, text: str) -> np.ndarray | None:
        """The stored vector of ``text``, or None when the build did not embed it."""
        row = self._row.get(text_hash(text))
        return None if row is None else self.matrix[row]

    def by_id(self, item_id: str) -> np.ndarray | None:
        """The vector of the text stored under ``item_id`` (e.g. ``rule:<id>:statement``)."""
        row = self._id_row.get(item_id)
        return None if row is None else self.matrix[row]

    def known(self) -> dict[str, np.ndarray]:
        """Hash -> vector for every row (what the next build may reuse)."""
        return {h: self.matrix[i] for i, h in enumerate(self.hashes)}

    def save(self, path: Path) -> None:
        rows = [self._id_row[i] for i in self.ids]
        with path.open("wb") as f:
            np.savez(f, hashes=np.array(self.hashes, dtype="<U32"), vectors=self.matrix,
                     ids=np.array(self.ids, dtype=str), id_rows=np.array(rows, dtype=np.int64))

    @classmethod
    def load(cls, path: Path) -> TextVectors:
        """Read a saved store; ``ValueError``/``OSError`` when the file is damaged."""
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls([str(h) for h in data["hashes"]], data["vectors"],
                           [str(i) for i in data["ids"]], data["id_rows"].tolist())
        except (zipfile.BadZipFile, KeyError, EOFError) as e:
            raise ValueError(f"{path} is not a readable vectors file ({e})") from e


def embed_texts(items: Iterable[tuple[str, str]], encode: Encode,
                known: Mapping[str, np.ndarray]) -> tuple[TextVectors, int]:
    """The store for ``(id, text)`` items, and how many distinct texts the model embedded.

    A text whose hash is in ``known`` (an earlier build, the chunk vectors) is not embedded again.
    """
    ids: list[str] = []
    id_rows: list[int] = []
    hashes: list[str] = []
    texts: dict[str, str] = {}
    row_of: dict[str, int] = {}
    for item_id, text in items:
        key = text_hash(text)
        if key not in row_of:
            row_of[key] = len(hashes)
            hashes.append(key)
            texts[key] = text
        ids.append(item_id)
        id_rows.append(row_of[key])
    todo = [k for k in hashes if k not in known]
    fresh = dict(zip(todo, encode([texts[k] for k in todo]), strict=True)) if todo else {}
    matrix = np.stack([fresh[k] if k in fresh else known[k] for k in hashes]) if hashes \
        else np.zeros((0, DIM), dtype=np.float32)
    return TextVectors(hashes, matrix, ids, id_rows), len(todo)


class CachedEncoder:
    """Vectors for any texts: stored ones from the build, others from the model (kept, bounded).

    ``model_texts`` counts the texts this process had to embed (tests and the benchmark read it).
    Safe to share between threads.
    """

    def __init__(self, store: TextVectors, encode: Encode, max_cached: int = 20_000) -> None:
        self.store = store
        self.encode = encode
        self.max_cached = max_cached
        self.model_texts = 0
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for t in texts:
                if t in found:
                    continue
                v = self.store.get(t)
                if v is None and t in self._cache:
                    self._cache.move_to_end(t)
                    v = self._cache[t]
                if v is not None:
                    found[t] = v
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            vectors = self.encode(todo)
            with self._lock:
                self.model_texts += len(todo)
                for t, v in zip(todo, vectors, strict=True):
                    found[t] = v
                    self._cache[t] = v
                while len(self._cache) > self.max_cached:
                    self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts])
