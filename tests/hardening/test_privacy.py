"""Privacy: questions stay out of the logs, feedback is owner-only, and nothing leaves the machine.

* The question text is logged only with ``ADVISOR_LOG_QUESTIONS=1`` (chain, CLI, REST API).
* The feedback database, its folder and its WAL files are owner-only whatever the umask.
* ``advisor index`` and ``advisor ask`` run in subprocesses whose ``sitecustomize`` installs an
  audit hook on ``socket.connect``/``sendto``/``getaddrinfo``: every address is recorded, and a
  non-loopback one is refused before any packet leaves (so the test itself never reaches out).
  The offline switches (HF_HUB_OFFLINE, ...) are removed from the environment: the product must
  stay offline by itself. Where ``strace`` works, a second run also watches native code.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hardening_support import ROOT, cli_env

from advisor import cli
from advisor.chain import Advisor

pytestmark = pytest.mark.slow
CANARY = "Zebracanary quokka question about my grade band promotion"
OFFLINE_SWITCHES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "ANONYMIZED_TELEMETRY", "HF_DATASETS_OFFLINE",
                    "GRADIO_ANALYTICS_ENABLED", "DO_NOT_TRACK")


@pytest.fixture
def everything_logged(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.mark.parametrize("log_questions", [False, True])
def test_the_chain_logs_the_question_only_when_asked_to(settings, advisor, everything_logged, log_questions):
    adv = Advisor(settings.model_copy(update={"log_questions": log_questions}), advisor.index)
    adv.ask(CANARY, ["An earlier zebracanary turn about pay"])
    assert ("Zebracanary" in everything_logged.text) is log_questions
    assert "earlier zebracanary" not in everything_logged.text.lower() or log_questions


@pytest.mark.parametrize("flag", ["", "1"])
def test_the_cli_logs_the_question_only_with_advisor_log_questions(monkeypatch, advisor, everything_logged,
                                                                    capsys, flag):
    from advisor import factory

    monkeypatch.setenv("ADVISOR_LOG_QUESTIONS", flag or "0")
    monkeypatch.setattr(factory, "load_advisor", lambda s, **_k: Advisor(s, advisor.index))
    assert cli.main(["ask", CANARY]) == 0
    capsys.readouterr()
    assert ("Zebracanary" in everything_logged.text) is bool(flag)


def test_the_rest_api_does_not_log_the_question(settings, advisor, everything_logged, tmp_path):
    if not (ROOT / "app.py").exists():
        pytest.skip("app.py does not exist yet")
    from fastapi.testclient import TestClient

    from advisor.web.server import create_app

    with TestClient(create_app(settings.model_copy(update={"data_dir": tmp_path}), advisor)) as client:
        assert client.post("/api/ask", json={"question": CANARY, "history": ["zebracanary before"]}).status_code == 200
        assert client.post("/api/ask", json={"question": "\x00" + CANARY * 200}).status_code in (400, 422)
    assert "zebracanary" not in everything_logged.text.lower()


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_feedback_database_is_owner_only_whatever_the_umask(tmp_path, umask):
    from advisor.feedback import FeedbackIn, FeedbackStore

    old = os.umask(umask)
    try:
        store = FeedbackStore(tmp_path / "data")
        store.add(FeedbackIn(question=CANARY, rating="up"))
        store.add(FeedbackIn(question=CANARY, comment="second", wrong_citation=True))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    files = [p for p in (tmp_path / "data").iterdir() if p.name.startswith("feedback.sqlite3")]
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files), \
        {p.name: oct(p.stat().st_mode) for p in files}


def test_feedback_through_the_api_lands_in_an_owner_only_file(settings, advisor, tmp_path):
    if not (ROOT / "app.py").exists():
        pytest.skip("app.py does not exist yet")
    from fastapi.testclient import TestClient

    from advisor.web.server import create_app

    data = tmp_path / "data"
    with TestClient(create_app(settings.model_copy(update={"data_dir": data}), advisor)) as client:
        r = client.post("/api/feedback", json={"question": CANARY, "rating": "down", "comment": "odd"})
        assert r.status_code == 201
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "feedback.sqlite3").stat().st_mode) == 0o600


# --- no socket to a non-loopback address -----------------------------------------------------

SITECUSTOMIZE = '''
"""Test-only: record every socket address this process uses; refuse non-loopback ones."""
import ipaddress, json, os, sys

_LOG = os.environ["NET_AUDIT_LOG"]

def _local(host):
    if host in (None, "", "localhost", b"localhost"):
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False

def _hook(event, args):
    if event not in ("socket.connect", "socket.sendto", "socket.getaddrinfo"):
        return
    if event == "socket.getaddrinfo":
        family, host = "dns", args[0]
    else:
        sock, address = args[0], args[1]
        family = int(getattr(sock, "family", 0))
        if isinstance(address, (str, bytes)):  # a Unix socket path
            host = None
        else:
            host = address[0] if isinstance(address, tuple) else address
    local = family == 1 or _local(host)  # 1 = AF_UNIX
    with open(_LOG, "a") as f:
        f.write(json.dumps({"event": event, "family": str(family), "host": repr(host), "local": local}) + "\\n")
    if not local:
        raise PermissionError(f"net audit: {event} to {host!r} refused (the product must stay offline)")

sys.addaudithook(_hook)
with open(_LOG, "a") as f:  # proof that the hook was active in this process
    f.write(json.dumps({"event": "hook loaded", "argv": sys.argv[1:3], "local": True}) + "\\n")
'''


def _audited_env(settings, tmp_path: Path) -> tuple[dict[str, str], Path]:
    hook_dir = tmp_path / "audit"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(textwrap.dedent(SITECUSTOMIZE))
    log = tmp_path / "net.jsonl"
    env = cli_env(settings, NET_AUDIT_LOG=str(log),
                  PYTHONPATH=os.pathsep.join([str(hook_dir), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    for switch in OFFLINE_SWITCHES:
        env.pop(switch, None)
    env["HOME"] = str(tmp_path / "home")  # no cached tokens or configs from the developer's home
    return env, log


def _records(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_the_audit_hook_sees_and_refuses_what_it_should(tmp_path, small_settings):
    """Control: the hook records a loopback connect and refuses a lookup of an outside name."""
    env, log = _audited_env(small_settings, tmp_path)
    code = ("import socket\n"
            "s = socket.socket(); s.connect_ex(('127.0.0.1', 9)); s.close()\n"
            "try:\n    socket.getaddrinfo('example.com', 443)\nexcept PermissionError as e:\n    print('refused', e)\n")
    res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                         check=False)
    assert "refused" in res.stdout, res.stderr
    events = _records(log)
    assert any(e["event"] == "socket.connect" and e["local"] for e in events)
    assert any(e["event"] == "socket.getaddrinfo" and not e["local"] for e in events)


def _run_index_and_ask(small_settings, env: dict[str, str], prefix: list[str] | None = None) -> None:
    for args in (["index", "--rebuild"], ["ask", "Which series make up the IT core of CP-34?"]):
        cmd = [*(prefix or []), sys.executable, "-m", "advisor.cli", *args]
        res = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
        assert res.returncode == 0, f"{args}: {res.stderr[-2000:]}"
        assert "net audit" not in res.stderr


def test_index_and_ask_open_no_socket_to_a_non_loopback_address(small_settings, tmp_path):
    env, log = _audited_env(small_settings, tmp_path)
    _run_index_and_ask(small_settings, env)
    events = _records(log)
    assert sum(e["event"] == "hook loaded" for e in events) >= 2  # both commands were watched
    outside = [e for e in events if not e["local"]]
    assert not outside, outside


def test_native_code_connects_nowhere_either_under_strace(small_settings, tmp_path):
    strace = shutil.which("strace")
    if strace is None or subprocess.run([strace, "-qq", "-o", os.devnull, "true"], check=False,
                                        capture_output=True).returncode != 0:
        pytest.skip("strace is not available (or ptrace is not permitted) here")
    env, _log = _audited_env(small_settings, tmp_path)
    trace = tmp_path / "strace.txt"
    # every connect() fails at once (nothing can leave even if asked to), and is written down
    _run_index_and_ask(small_settings, env, [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg",
                                             "-e", "inject=connect:error=ENETUNREACH", "-o", str(trace)])
    calls = [ln for ln in trace.read_text().splitlines() if re.search(r"AF_INET6?\b", ln)]
    outside = [ln for ln in calls if not re.search(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"', ln)]
    assert not outside, outside[:5]
