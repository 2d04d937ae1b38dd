"""Shared fixtures: settings on a temporary index, one Advisor per session, and a network guard."""

from __future__ import annotations

import ipaddress
import os
import socket
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
attempts: list[object] = []


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # a Unix socket path
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _guarded(real):
    def connect(self, address):  # type: ignore[no-untyped-def]
        attempts.append(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address):
            raise OSError(f"test network guard: connection to {address!r} refused (tests stay offline)")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch):
    """No test may reach a non-loopback address; attempts are recorded for the network test."""
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))
    yield


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def settings(index_dir: Path):
    from advisor.config import Settings

    return Settings(index_dir=index_dir, data_dir=index_dir.parent / "data", today=TODAY,
                    corpus_dir=ROOT / "corpus")


@pytest.fixture(scope="session")
def advisor(settings):
    from advisor.factory import load_advisor

    return load_advisor(settings)


@pytest.fixture
def small_settings(tmp_path: Path):
    """Settings over a one-document corpus (CP-34) with an index folder in tmp_path."""
    import shutil

    from advisor.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "cp-34.md", corpus / "cp-34.md")
    return Settings(index_dir=tmp_path / "index", corpus_dir=corpus)
