"""The REST API answers hostile bodies with a JSON 4xx naming the problem, never a 500.

Runs against ``app.create_app(settings, advisor=...)`` through FastAPI's TestClient with the
session's Advisor; skipped only while app.py does not exist.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (ROOT / "app.py").exists(), reason="app.py (the web app) does not exist yet"),
]

JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def api(settings, advisor, tmp_path_factory) -> Iterator:
    from fastapi.testclient import TestClient

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    app = importlib.import_module("app")
    web_settings = settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("api-input-data")})
    with TestClient(app.create_app(web_settings, advisor=advisor), raise_server_exceptions=False) as client:
        yield client


def _nested(depth: int, open_: bytes = b"[", close: bytes = b"]") -> bytes:
    return open_ * depth + close * depth


ASK_BODIES = {
    "empty": (json.dumps({"question": ""}), 400, "empty"),
    "whitespace": (json.dumps({"question": " \u3000\u200b\t "}), 400, "empty"),
    "control-characters": (json.dumps({"question": "\x00\x01\x1b\x7f"}), 400, "empty"),
    "punctuation-only": (json.dumps({"question": "?!…" * 10}), 400, "no letters"),
    "10000-emoji": (json.dumps({"question": "\U0001F600" * 10_000}), 422, "4000"),
    "3000-emoji": (json.dumps({"question": "\U0001F600" * 3_000}), 400, "no letters"),
    "nfkc-expansion": (json.dumps({"question": "\ufdfa" * 300}), 400, "spelled out"),
    "question-number": (json.dumps({"question": 5}), 422, "question"),
    "question-null": (json.dumps({"question": None}), 422, "question"),
    "question-object": (json.dumps({"question": {"a": 1}}), 422, "question"),
    "no-question": (json.dumps({"history": []}), 422, "question"),
    "lone-surrogate": ('{"question": "\\ud800 who approves a promotion?"}', 422, "question"),
    "nested-lists": (b'{"question": "a", "history": ' + _nested(100_000) + b"}", 400, "pars"),
    "nested-objects": (b'{"question": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001, 400, "pars"),
    "history-41-turns": (json.dumps({"question": "hi there", "history": ["x"] * 41}), 422, "history"),
    "history-21-user-turns": (json.dumps({"question": "hi there", "history": ["x"] * 21}), 422, "at most 20"),
    "history-turn-too-long": (json.dumps({"question": "hi there", "history": ["x" * 4001]}), 422, "history"),
    "history-not-a-list": (json.dumps({"question": "hi there", "history": "earlier"}), 422, "history"),
    "history-bad-role": (json.dumps({"question": "hi", "history": [{"role": "root", "content": "x"}]}),
                         422, "history"),
    "array-body": ("[]", 422, "Invalid request"),
    "binary-body": (bytes(range(256)) * 8, 422, "Invalid request"),
    "truncated-json": ('{"question": "who appro', 422, "Invalid request"),
    "json-nan": ('{"question": NaN}', 422, "Invalid request"),
}


@pytest.mark.parametrize("case", ASK_BODIES)
def test_a_hostile_ask_body_gets_a_json_4xx_naming_the_problem(api, case):
    body, status, words = ASK_BODIES[case]
    r = api.post("/api/ask", content=body, headers=JSON)
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("application/json")
    assert words.lower() in r.json()["error"].lower()
    assert ".." not in r.json()["error"].replace("...", "")  # one full stop, however the message ends


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_a_body_that_is_not_json_is_422(api, content_type):
    headers = {"content-type": content_type} if content_type else {}
    r = api.post("/api/ask", content=b"question=who+approves", headers=headers)
    assert r.status_code == 422 and "error" in r.json()


def test_a_body_over_a_megabyte_is_413(api):
    r = api.post("/api/ask", content=json.dumps({"question": "x" * 2_000_000}), headers=JSON)
    assert r.status_code == 413 and "1,000,000 bytes" in r.json()["error"]


def test_a_chunked_body_over_a_megabyte_is_413_too(api):
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(200):
            yield b"a" * 10_000
        yield b'"}'

    r = api.post("/api/ask", content=chunks(), headers=JSON)
    assert r.status_code == 413 and r.json() == {"error": "The request body is over 1,000,000 bytes."}


def test_a_chunked_body_under_the_limit_is_answered(api):
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "Who approves a grade band '
        yield b'promotion?"}'

    r = api.post("/api/ask", content=chunks(), headers=JSON)
    assert r.status_code == 200 and r.json()["answer"]


@pytest.mark.parametrize("question", [
    "Кто утверждает повышение? 谁批准晋升? من يوافق على الترقية؟ Who approves a grade band promotion?",
    "\u202eWho approves a grade band promotion?\u202c",
    "Ｗｈｏ ａｐｐｒｏｖｅｓ a grade band promotion?\x07",
    "Can I appeal the grade of my position? " + "\U0001F600" * 500,
])
def test_odd_but_readable_questions_get_an_answer_json(api, question):
    r = api.post("/api/ask", json={"question": question})
    assert r.status_code == 200, r.text[:300]
    assert r.json()["answer"]


@pytest.mark.parametrize(("path", "body"), [
    ("/api/feedback", b'{"question": "q", "rating": "up", "citations": [' + _nested(100_000) + b"]}"),
    ("/api/feedback", json.dumps({"question": "q", "rating": "up", "comment": "x" * 2001}).encode()),
    ("/api/feedback", json.dumps({"question": "q" * 4001, "rating": "up"}).encode()),
    ("/api/feedback", json.dumps({"question": "q", "rating": "up", "citations": ["c"] * 51}).encode()),
    ("/api/feedback", b'{"question": "\\udcff", "rating": "up"}'),
    ("/api/feedback", json.dumps({"question": "q", "rating": "sideways"}).encode()),
    ("/api/calc/downgrade_appeal_deadline", b'{"action_date": ' + _nested(100_000) + b"}"),
    ("/api/calc/downgrade_appeal_deadline", json.dumps({"action_date": "9" * 5000}).encode()),
    ("/api/calc/downgrade_appeal_deadline", json.dumps({"action_date": "2026-02-30"}).encode()),
    ("/api/calc/downgrade_appeal_deadline", b'{"action_date": 1e999}'),
    ("/api/calc/downgrade_appeal_deadline", b"[1, 2, 3]"),
    ("/api/calc/" + "x" * 5000, b"{}"),
])
def test_hostile_feedback_and_calculator_bodies_get_a_json_4xx(api, path, body):
    r = api.post(path, content=body, headers=JSON)
    assert 400 <= r.status_code < 500, r.text[:300]
    assert r.json()["error"]


@pytest.mark.parametrize("section", ["%00%01", "a" * 6000, "..%2F..%2Fetc%2Fpasswd", "%F0%9F%98%80" * 500])
def test_an_odd_source_path_is_a_json_404(api, section):
    r = api.get(f"/api/sources/ar-690-13/{section}")
    assert r.status_code == 404 and r.json()["error"]


def test_the_server_still_answers_after_the_hostile_requests(api):
    for body, _status, _words in list(ASK_BODIES.values())[:10]:
        api.post("/api/ask", content=body, headers=JSON)
    assert api.get("/healthz").json()["status"] == "ok"
    r = api.post("/api/ask", json={"question": "Can I appeal the grade of my position?"})
    assert r.status_code == 200 and r.json()["citations"]
