"""Crashes and damage: a killed build never costs the live index, and damage is found and repaired.

``kill -9`` lands on a real ``advisor index --rebuild`` over a copy of the session's index,
while its new build is being written; the previous build must keep serving and the next run
must sweep the remains and build. Each part of an index is then damaged in turn (on a small
index with a fake embedder): opening it must fail with a message naming
``advisor index --rebuild``, the CLI and the web app must say so at start, and both
``advisor index --rebuild`` and a plain ``advisor index`` must repair it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardening_support import ROOT, HashEmbedder, cli_env, run_cli

from advisor import cli, index_store
from advisor.chain import Advisor
from advisor.errors import IndexCorrupt
from advisor.index_store import build_index, open_index
from advisor.retrieval import Retriever

HINT = "advisor index --rebuild"


def _wait_for(predicate, proc: subprocess.Popen, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        if proc.poll() is not None:
            pytest.fail(f"the build ended (exit {proc.returncode}) before {what}")
        time.sleep(0.005)
    proc.kill()
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.slow
def test_kill_9_during_a_rebuild_leaves_the_previous_index_serving_and_the_next_run_recovers(
        copied_index, advisor, tmp_path):
    s = copied_index
    builds = s.index_dir / "builds"
    live = (s.index_dir / "CURRENT").read_text().strip()
    with (tmp_path / "build.log").open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "advisor.cli", "index", "--rebuild"], cwd=ROOT,
                                env=cli_env(s), stdout=log, stderr=subprocess.STDOUT)
        partial = _wait_for(lambda: next(builds.glob(".partial-*"), None), proc, 900, "a .partial build")
        # let it get into the vector store, then kill it mid-write
        _wait_for(lambda: (partial / "chroma").exists() or (partial / "manifest.json").exists(),
                  proc, 30, "the vector store to be written")
        assert proc.poll() is None, "the build finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL

    assert partial.exists() and (s.index_dir / "CURRENT").read_text().strip() == live
    served = open_index(s, embedder=advisor.index.embedder)
    assert served.path.name == live and len(served.chunks) == len(advisor.index.chunks)
    answer = Advisor(s, served).ask("How long is the trial period for a new CIPMS employee?")
    assert not answer.refused and answer.citations

    cp34 = s.corpus_dir / "cp-34.md"  # the next run has real work to do: one changed paragraph
    cp34.write_text(cp34.read_text().replace("Functional Chief Representative",
                                             "Functional Chief Representative (FCR)", 1))
    res = run_cli(["index"], cli_env(s))
    assert res.returncode == 0, res.stderr
    assert "Built index" in res.stdout and "1 embedded" in res.stdout
    assert not list(builds.glob(".partial-*"))
    new = (s.index_dir / "CURRENT").read_text().strip()
    assert new != live and {p.name for p in builds.iterdir()} == {live, new}
    assert open_index(s, embedder=advisor.index.embedder).path.name == new


def _garbage_middle(path: Path, size: int = 4096) -> None:
    data = bytearray(path.read_bytes())
    at = max(0, len(data) // 2 // 4096 * 4096)
    data[at:at + size] = bytes((i * 131 + 7) % 256 for i in range(size))
    path.write_bytes(bytes(data))


def _sqlite(build: Path) -> Path:
    return build / "chroma" / "chroma.sqlite3"


DAMAGE = {
    "chunks.jsonl garbled": lambda b, _i: _garbage_middle(b / "chunks.jsonl", 64),
    "chunks.jsonl truncated": lambda b, _i: (b / "chunks.jsonl").write_bytes(
        (b / "chunks.jsonl").read_bytes()[:1000]),
    "a bm25 file garbled": lambda b, _i: next(p for p in (b / "bm25").iterdir() if p.is_file()).write_bytes(b"garbage"),
    "the bm25 folder deleted": lambda b, _i: shutil.rmtree(b / "bm25"),
    "Chroma sqlite page garbled": lambda b, _i: _garbage_middle(_sqlite(b)),
    "Chroma sqlite header garbled": lambda b, _i: _sqlite(b).write_bytes(
        b"\x00" * 100 + _sqlite(b).read_bytes()[100:]),
    "Chroma sqlite emptied": lambda b, _i: _sqlite(b).write_bytes(b""),
    "Chroma sqlite deleted": lambda b, _i: _sqlite(b).unlink(),
    "vectors.npz garbled": lambda b, _i: _garbage_middle(b / "vectors.npz", 64),
    "vectors.npz deleted": lambda b, _i: (b / "vectors.npz").unlink(),
    "manifest.json garbled": lambda b, _i: (b / "manifest.json").write_text("{not json"),
    "manifest.json not an object": lambda b, _i: (b / "manifest.json").write_text("[1, 2]"),
    "manifest.json without a count": lambda b, _i: _drop_manifest_key(b, "count"),
    "CURRENT names a missing build": lambda _b, i: (i / "CURRENT").write_text("20990101-000000-deadbeef"),
    "CURRENT is binary garbage": lambda _b, i: (i / "CURRENT").write_bytes(b"\xff\xfe\x00\x9c"),
    "CURRENT points outside builds": lambda _b, i: (i / "CURRENT").write_text("../../.."),
    "the live build deleted": lambda b, _i: shutil.rmtree(b),
}


def _drop_manifest_key(build: Path, key: str) -> None:
    import json

    manifest = json.loads((build / "manifest.json").read_text())
    del manifest[key]
    (build / "manifest.json").write_text(json.dumps(manifest))


@pytest.fixture
def damaged(small_settings, embedder, monkeypatch, request):
    """A small live index damaged as the test's parameter says; the CLI sees it via ADVISOR_*."""
    report = build_index(small_settings, embedder=embedder)
    DAMAGE[request.param](small_settings.index_dir / "builds" / report.build, small_settings.index_dir)
    monkeypatch.setattr(index_store, "shared_embedder", HashEmbedder)
    for key, value in cli_env(small_settings).items():
        if key.startswith("ADVISOR_"):
            monkeypatch.setenv(key, value)
    return small_settings


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_damage_is_detected_at_open_with_a_message_naming_the_fix(damaged, embedder):
    with pytest.raises(IndexCorrupt, match=HINT.replace("-", r"\-")):
        open_index(damaged, embedder=embedder)


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_cli_ask_on_a_damaged_index_says_to_rebuild_and_exits_2(damaged, capsys):
    assert cli.main(["ask", "Who is the Functional Chief Representative?"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and HINT in err and "Traceback" not in err


@pytest.mark.parametrize("damaged", list(DAMAGE)[::3], indirect=True)
def test_the_web_app_reports_a_damaged_index_on_readiness_without_paths(damaged):
    from advisor.web.services import AdvisorUnavailable, Services

    services = Services(damaged)
    with pytest.raises(AdvisorUnavailable, match=HINT.replace("-", r"\-")):
        services.load()
    health = services.health()
    assert health["status"] == "error" and not health["ready"] and HINT in health["error"]
    assert str(damaged.index_dir) not in health["error"] and "/" not in health["error"].split("`")[0]


@pytest.mark.parametrize("command", [["index", "--rebuild"], ["index"]], ids=["rebuild", "plain"])
@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_advisor_index_repairs_the_damage(damaged, embedder, capsys, command):
    assert cli.main(command) == 0, capsys.readouterr().err
    repaired = open_index(damaged, embedder=embedder)
    hits = Retriever(repaired).search("Functional Chief Representative", k=3)
    assert hits and repaired.chunks
    assert not list((damaged.index_dir / "builds").glob(".partial-*"))


def test_a_stale_partial_build_and_temp_files_are_swept_by_the_next_build(small_settings, embedder):
    first = build_index(small_settings, embedder=embedder)
    index = small_settings.index_dir
    (index / "builds" / ".partial-20260101-000000-0badc0de" / "chroma").mkdir(parents=True)
    (index / ".CURRENT.12345").write_text("junk")
    (index / "cache" / ".embeddings.12345.npz").write_bytes(b"half a file")
    again = build_index(small_settings, embedder=embedder)
    assert not again.changed and again.build == first.build
    assert not list(index.rglob(".partial-*")) and not list(index.glob(".CURRENT.*"))
    assert not list((index / "cache").glob(".embeddings.*"))
