"""The live index while a server uses it: damage turns readiness red and answers into a JSON 503;
a read-only mount serves (nothing is written) while a rebuild swaps in beside it; an orphan
build left by a killed rebuild is swept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from hardening_support import ROOT, HashEmbedder, cli_env, free_port

from advisor.index_store import build_index

HINT = "advisor index --rebuild"
QUESTION = {"question": "Can I appeal the grade of my position?"}


def _build(settings) -> Path:
    return settings.index_dir / "builds" / (settings.index_dir / "CURRENT").read_text().strip()


def _overwrite_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 3: len(data) // 3 + 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))


DAMAGE = {
    "vector store overwritten": lambda b: _overwrite_middle(b / "chroma" / "chroma.sqlite3"),
    "vector store deleted": lambda b: (b / "chroma" / "chroma.sqlite3").unlink(),
    "chunks garbled": lambda b: (b / "chunks.jsonl").write_text("{not json"),
    "the whole build deleted": shutil.rmtree,
}


@pytest.fixture
def running(copied_index):
    """The app over a copy of the index, started (model, index, warm-up) like a real server."""
    from advisor.web.server import create_app

    with TestClient(create_app(copied_index, advisor=None, tabs=[])) as client:
        deadline = time.monotonic() + 300
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, client.get("/readyz").json()
            time.sleep(0.2)
        yield client, copied_index


@pytest.mark.parametrize("damage", DAMAGE)
def test_damage_under_a_running_server_turns_readiness_red_and_answers_into_a_json_503(running, damage):
    client, settings = running
    assert client.post("/api/ask", json=QUESTION).status_code == 200
    DAMAGE[damage](_build(settings))
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["status"] == "error"
    asked = client.post("/api/ask", json=QUESTION)
    assert asked.status_code == 503 and asked.headers["retry-after"]
    for message in (ready.json()["error"], asked.json()["error"]):
        assert HINT in message and "restart the server" in message
        assert str(settings.index_dir) not in message and "/tmp" not in message
    assert client.get("/livez").status_code == 200  # alive: it is the index that is gone


def test_touching_the_live_build_without_changing_it_keeps_the_server_ready(running):
    client, settings = running
    os.utime(_build(settings) / "chunks.jsonl")
    assert client.get("/readyz").status_code == 200


def test_an_orphan_build_left_between_rename_and_swap_is_swept(small_settings, embedder):
    live = build_index(small_settings, embedder=embedder)
    orphan = small_settings.index_dir / "builds" / "29991231-235959-0rphan00"
    shutil.copytree(small_settings.index_dir / "builds" / live.build, orphan)
    again = build_index(small_settings, embedder=embedder)  # unchanged corpus: no new build
    assert not again.changed and not orphan.exists()
    assert (small_settings.index_dir / "builds" / live.build).is_dir()


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _can_unshare() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _can_unshare(), reason="needs root and `unshare -m` for a read-only bind mount")
def test_a_read_only_index_serves_and_a_rebuild_swaps_in_beside_it(copied_index, tmp_path):
    index = copied_index.index_dir
    served = _build(copied_index).name
    before = _files(_build(copied_index))
    port = free_port()
    script = (f'mount --bind "{index}" "{index}" && mount -o remount,bind,ro "{index}" "{index}" '
              f'&& ! touch "{index}/probe" 2>/dev/null '
              f'&& exec "{sys.executable}" -m advisor.cli serve --host 127.0.0.1 --port {port}')
    log = (tmp_path / "server.log").open("w")
    env = cli_env(copied_index, OMP_NUM_THREADS="1")
    server = subprocess.Popen(["unshare", "-m", "sh", "-c", script], cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, (tmp_path / "server.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the server on a read-only index never became ready"
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        first = httpx.post(f"{url}/api/ask", json=QUESTION, timeout=60)
        assert first.status_code == 200 and first.json()["citations"]
        rebuilt = build_index(copied_index, rebuild=True, embedder=HashEmbedder())  # the writable side
        assert rebuilt.changed and (index / "CURRENT").read_text().strip() == rebuilt.build
        again = httpx.post(f"{url}/api/ask", json=QUESTION, timeout=60)
        assert again.status_code == 200 and again.json()["answer"] == first.json()["answer"]
        assert httpx.get(f"{url}/readyz", timeout=5).json()["build"] == served  # it keeps its own build
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    assert not (index / "probe").exists()
    assert _files(index / "builds" / served) == before  # serving wrote nothing into the build


def test_a_private_copy_left_by_a_killed_process_is_removed_by_the_next_open(settings, advisor):
    import tempfile

    from advisor.index_live import private_copy, remove_private_copy

    dead = Path(tempfile.gettempdir()) / "advisor-chroma-999999999-left"  # no such process
    (dead / "chroma").mkdir(parents=True, exist_ok=True)
    copy = private_copy(_build(settings) / "chroma")
    try:
        assert not dead.exists() and (copy / "chroma.sqlite3").is_file()
        assert copy.parent.stat().st_mode & 0o777 == 0o700
    finally:
        remove_private_copy(copy)
    assert not copy.parent.exists()
