"""Helpers shared by the hardening tests and tools: a fake embedder, CLI subprocesses, free ports.

No fixtures here (they live in conftest.py) and nothing runs at import.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


class HashEmbedder:
    """A deterministic 384-dimensional unit vector per text: no model, no I/O."""

    def encode(self, texts, batch_size=32, progress=False):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            rng = np.random.default_rng(int(hashlib.sha256(t.encode()).hexdigest()[:12], 16))
            v = rng.standard_normal(384).astype(np.float32)
            out[i] = v / np.linalg.norm(v)
        return out


def cli_env(settings, **extra: str) -> dict[str, str]:
    """The environment of an `advisor` subprocess working on these settings, offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update({
        "ADVISOR_INDEX_DIR": str(settings.index_dir), "ADVISOR_CORPUS_DIR": str(settings.corpus_dir),
        "ADVISOR_DATA_DIR": str(settings.data_dir), "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "PYTHONUNBUFFERED": "1",
    })
    if settings.today:
        env["ADVISOR_TODAY"] = settings.today.isoformat()
    env.update(extra)
    return env


def run_cli(args: Sequence[str], env: dict[str, str], timeout: float = 600,
            stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `advisor ARGS` in a fresh interpreter and capture its output."""
    return subprocess.run([sys.executable, "-m", "advisor.cli", *args], check=False,
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          input=stdin)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
