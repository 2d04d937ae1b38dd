"""Chroma server mode: ``ADVISOR_CHROMA_URL`` puts the vectors on a `chroma run` server.

A real server (the ``chroma`` CLI from the venv) runs on a free loopback port. The advisor
indexes into it and answers from it exactly as from the local store; the manifest, chunks and
keyword index stay in the local index folder; each build has its own collection, and the
collections of pruned or interrupted builds are deleted from the server. Timings of both
modes are written to test-artifacts/chroma_timings.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hardening_support import ROOT, free_port

from advisor.chain import Advisor
from advisor.errors import IndexCorrupt
from advisor.index_store import COLLECTION, build_index, chroma_client, open_index

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).with_name("chroma")
QUESTIONS = [
    "How long is the trial period for a new CIPMS employee?",
    "Who approves a grade band promotion?",
    "Which series make up the IT core of CP-34?",
    "What does an IT program manager do about risk?",
    "My position was downgraded by a personnel action on October 5, 2026. By when must I appeal?",
    "What is the premium recruitment bonus under CIPMS?",
]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory) -> Iterator[str]:
    """A `chroma run` server on a free loopback port, for this module."""
    if not CHROMA.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = free_port()
    log = (tmp_path_factory.mktemp("chroma-server") / "server.log").open("w")
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path_factory.mktemp("chroma-data")),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{url}/api/v2/heartbeat", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"chroma run did not start; see {log.name}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def _server_collections(settings) -> set[str]:
    return {c.name for c in chroma_client(None, settings).list_collections()}


def _ours(settings) -> set[str]:
    return {n for n in _server_collections(settings) if n.startswith(COLLECTION)}


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def test_server_mode_indexes_and_answers_like_the_local_store(copied_index, advisor, chroma_url, tmp_path):
    local = copied_index.model_copy(update={"index_dir": tmp_path / "local-index"})
    shutil.copytree(copied_index.index_dir / "cache", local.index_dir / "cache")  # vectors, not builds
    server = copied_index.model_copy(update={"chroma_url": chroma_url})
    embedder = advisor.index.embedder
    timings: dict[str, dict[str, float]] = {}
    answers = {}
    for mode, s in (("local", local), ("server", server)):
        report, t_index = _timed(lambda s=s: build_index(s, rebuild=False, embedder=embedder))
        assert report.changed and report.embedded == 0  # the cached vectors, written to the store
        index, t_open = _timed(lambda s=s: open_index(s, embedder=embedder))
        adv = Advisor(s, index)
        adv.ask(QUESTIONS[0])  # warm
        latencies = []
        for q in QUESTIONS:
            answer, took = _timed(lambda q=q, adv=adv: adv.ask(q))
            latencies.append(took)
            answers.setdefault(q, {})[mode] = answer
        timings[mode] = {"index_write_s": round(t_index, 3), "open_s": round(t_open, 3),
                         "ask_mean_s": round(sum(latencies) / len(latencies), 3),
                         "ask_max_s": round(max(latencies), 3), "chunks": report.chunks}
    build = server.index_dir / "builds" / (server.index_dir / "CURRENT").read_text().strip()
    assert not (build / "chroma").exists() and (build / "manifest.json").exists()
    assert (build / "chunks.jsonl").exists() and (build / "bm25").is_dir()
    assert f"{COLLECTION}_{build.name.replace('-', '_')}" in _server_collections(server)
    for q, by_mode in answers.items():
        assert by_mode["server"].answer == by_mode["local"].answer, q
        assert by_mode["server"].citations == by_mode["local"].citations, q
    out = ROOT / "test-artifacts" / "chroma_timings.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(timings, indent=1))
    print(json.dumps(timings))


def test_pruned_and_interrupted_builds_lose_their_server_collections(small_settings, embedder, chroma_url):
    s = small_settings.model_copy(update={"chroma_url": chroma_url})
    before = _ours(s)
    names = []
    for i in range(4):
        page = s.corpus_dir / "cp-34.md"
        page.write_text(page.read_text() + f"\n\nA paragraph added by build {i} of the prune test.\n")
        names.append(build_index(s, embedder=embedder).build)
    kept = {f"{COLLECTION}_{n.replace('-', '_')}" for n in names[-2:]}
    assert _ours(s) - before == kept
    assert {p.name for p in (s.index_dir / "builds").iterdir()} == set(names[-2:])

    # a build killed after it created its collection: the next build sweeps both
    ghost = "20260101-000000-0badc0de"
    (s.index_dir / "builds" / f".partial-{ghost}").mkdir()
    chroma_client(None, s).create_collection(f"{COLLECTION}_{ghost.replace('-', '_')}")
    build_index(s, rebuild=True, embedder=embedder)
    assert f"{COLLECTION}_{ghost.replace('-', '_')}" not in _server_collections(s)
    assert not list((s.index_dir / "builds").glob(".partial-*"))
    assert open_index(s, embedder=embedder).chunks


def test_an_unreachable_server_is_named_with_the_fix(small_settings, embedder, chroma_url):
    s = small_settings.model_copy(update={"chroma_url": chroma_url})
    build_index(s, embedder=embedder)
    down = s.model_copy(update={"chroma_url": f"http://127.0.0.1:{free_port()}"})
    with pytest.raises(IndexCorrupt, match="Cannot reach the Chroma server"):
        open_index(down, embedder=embedder)


def test_a_server_that_lost_its_collection_is_detected_and_rebuilt(small_settings, embedder, chroma_url):
    s = small_settings.model_copy(update={"chroma_url": chroma_url})
    build_index(s, embedder=embedder)
    chroma_client(None, s).delete_collection(open_index(s, embedder=embedder).manifest["collection"])
    with pytest.raises(IndexCorrupt, match="advisor index --rebuild"):
        open_index(s, embedder=embedder)
    assert build_index(s, embedder=embedder).changed  # a plain `advisor index` repairs it
    assert open_index(s, embedder=embedder).chunks


def test_local_persistent_mode_stays_the_default(monkeypatch, tmp_path):
    from advisor.config import Settings

    monkeypatch.delenv("ADVISOR_CHROMA_URL", raising=False)
    s = Settings(index_dir=tmp_path)
    assert s.chroma_url == ""
    chroma_client(tmp_path / "chroma", s).heartbeat()
    assert (tmp_path / "chroma" / "chroma.sqlite3").exists()
