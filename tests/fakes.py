"""Test doubles shared by several test files: a deterministic embedding with no model."""

from __future__ import annotations

import hashlib

import numpy as np

from advisor.keywords import tokenize

DIM = 384


def hash_embed(texts: list[str]) -> np.ndarray:
    """Unit vectors from hashed word stems: texts sharing words are close. No model, no I/O."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        for w in tokenize(text) or ["_"]:
            h = int(hashlib.blake2b(w.encode(), digest_size=8).hexdigest(), 16)
            out[i, h % DIM] += 1.0 if (h >> 20) & 1 else -1.0
        norm = np.linalg.norm(out[i])
        out[i] /= norm or 1.0
    return out
