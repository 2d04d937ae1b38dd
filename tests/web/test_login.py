"""The login in front of everything: the auth matrix, the login form, sessions, the throttle."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from advisor.web.login import COOKIE, LoginGate, Sessions, session_key
from advisor.web.throttle import Limits, LoginThrottle

USERS = "ana:s3cret"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# endpoint -> (method, path, JSON body)
ENDPOINTS = {
    "liveness": ("GET", "/livez", None),
    "readiness": ("GET", "/readyz", None),
    "healthz": ("GET", "/healthz", None),
    "docs": ("GET", "/docs", None),
    "openapi": ("GET", "/openapi.json", None),
    "ask": ("POST", "/api/ask", {"question": "Can I appeal the grade of my position?"}),
    "calculator": ("POST", "/api/calc/downgrade_appeal_deadline", {"action_date": "2026-11-02"}),
    "sources": ("GET", "/api/sources/ar-690-13/para%203-9a", None),
    "feedback": ("POST", "/api/feedback", {"question": "q?", "rating": "up"}),
    "page": ("GET", "/", None),
    "page config": ("GET", "/config", None),
    "gradio api info": ("GET", "/gradio_api/info", None),
    "gradio queue": ("POST", "/gradio_api/queue/join", {"data": [], "fn_index": 0, "session_hash": "x"}),
}


@pytest.fixture(scope="module")
def login_data(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("login")


@pytest.fixture(scope="module")
def locked(settings, advisor, login_data):
    from advisor.web.server import create_app

    s = settings.model_copy(update={"auth": USERS, "data_dir": login_data})
    with TestClient(create_app(s, advisor)) as client:
        yield client


def _forget_failures(data_dir: Path) -> None:
    """Keep the throttle out of tests about something else (it has its own tests below)."""
    import sqlite3

    with sqlite3.connect(data_dir / "logins.sqlite3") as db:
        db.execute("CREATE TABLE IF NOT EXISTS failures (key TEXT, at REAL)")
        db.execute("DELETE FROM failures")


def _basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_every_endpoint_but_liveness_needs_the_login(locked, login_data):
    matrix: dict[str, dict[str, int]] = {}
    for name, (method, path, body) in ENDPOINTS.items():
        row = {}
        for creds, headers in [("none", {}), ("wrong", _basic("ana", "nope")), ("right", _basic("ana", "s3cret"))]:
            r = locked.request(method, path, json=body, headers=headers, follow_redirects=False)
            row[creds] = r.status_code
            locked.cookies.clear()
            if creds == "wrong":
                _forget_failures(login_data)
        matrix[name] = row
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "auth_matrix.json").write_text(json.dumps(matrix, indent=1))
    print("\n" + "\n".join(f"{k:16} {v}" for k, v in matrix.items()))
    assert matrix.pop("liveness") == {"none": 200, "wrong": 200, "right": 200}
    for name, row in matrix.items():
        assert row["none"] in (401, 303) and row["wrong"] == 401, (name, row)
        assert row["right"] not in (401, 403, 429), (name, row)
    assert matrix["ask"]["right"] == 200 and matrix["docs"]["right"] == 200 and matrix["page"]["right"] == 200
    assert matrix["sources"]["right"] == 200  # the "para" form the error messages recommend


def test_a_browser_is_sent_to_the_login_form_and_back(locked, login_data):
    r = locked.get("/docs", headers={"Accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fdocs"
    form = locked.get("/login?next=%2Fdocs")
    assert form.status_code == 200 and 'name="password"' in form.text and 'value="/docs"' in form.text
    bad = locked.post("/login", data={"username": "ana", "password": "x", "next": "/docs"})
    assert bad.status_code == 401 and "Wrong user name or password" in bad.text
    _forget_failures(login_data)
    ok = locked.post("/login", data={"username": "ana", "password": "s3cret", "next": "/docs"},
                     follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/docs" and COOKIE in ok.cookies
    assert locked.get("/openapi.json").status_code == 200  # the session cookie is enough
    assert locked.get("/logout", follow_redirects=False).headers["location"] == "/login"
    locked.cookies.clear()
    assert locked.get("/openapi.json").status_code == 401


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil", "javascript:alert(1)"])
def test_the_login_form_never_sends_anyone_off_the_site(locked, target):
    ok = locked.post("/login", data={"username": "ana", "password": "s3cret", "next": target},
                     follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    locked.cookies.clear()


def test_a_session_from_one_worker_is_accepted_by_another(tmp_path):
    first, second = Sessions(session_key(tmp_path)), Sessions(session_key(tmp_path))
    assert second.user(first.issue("ana")) == "ana"
    assert (tmp_path / "session.key").stat().st_mode & 0o777 == 0o600
    assert Sessions(b"another key").user(first.issue("ana")) is None
    assert Sessions(session_key(tmp_path), max_age_s=-1).user(first.issue("ana")) is None  # expired
    assert first.user("garbage") is None and first.user(None) is None


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_throttle_locks_a_user_after_five_failures_then_lets_go(tmp_path):
    clock = Clock()
    throttle = LoginThrottle(tmp_path, Limits(per_user=5, per_client=100, window_s=300, lockout_s=60), clock)
    for i in range(5):
        assert throttle.locked_for(f"10.0.0.{i}", "ana") == 0
        throttle.failed(f"10.0.0.{i}", "Ana")
    assert throttle.locked_for("10.0.0.99", "ana") == pytest.approx(60)  # any client, same user
    assert throttle.locked_for("10.0.0.99", "bo") == 0
    clock.now += 61
    assert throttle.locked_for("10.0.0.99", "ana") == 0
    throttle.failed("10.0.0.99", "ana")  # still five within the window: locked again at once
    assert throttle.locked_for("10.0.0.1", "ana") > 0
    throttle.succeeded("10.0.0.99", "ana")
    assert throttle.locked_for("10.0.0.1", "ana") == 0


def test_the_throttle_locks_a_client_guessing_many_users(tmp_path):
    throttle = LoginThrottle(tmp_path, Limits(per_user=5, per_client=10, lockout_s=60), Clock())
    for i in range(10):
        throttle.failed("10.0.0.7", f"user{i}")
    assert throttle.locked_for("10.0.0.7", "someone-else") > 0
    assert throttle.locked_for("10.0.0.8", "someone-else") == 0


def _gated(tmp_path: Path, clock: Clock) -> TestClient:
    inner = Starlette(routes=[Route("/secret", lambda _r: PlainTextResponse("in"))])
    throttle = LoginThrottle(tmp_path, Limits(per_user=5, per_client=10, lockout_s=30), clock)
    return TestClient(LoginGate(inner, {"ana": "s3cret"}, throttle, Sessions(session_key(tmp_path))))


def test_after_five_wrong_passwords_even_the_right_one_waits_out_the_lockout(tmp_path):
    clock = Clock()
    client = _gated(tmp_path, clock)
    codes = [client.get("/secret", headers=_basic("ana", f"guess{i}")).status_code for i in range(200)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
    locked = client.get("/secret", headers=_basic("ana", "s3cret"))
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) <= 31
    assert "Try again in" in locked.json()["error"]
    form = client.post("/login", data={"username": "ana", "password": "s3cret"})
    assert form.status_code == 429 and "Too many failed logins" in form.text
    clock.now += 31
    assert client.get("/secret", headers=_basic("ana", "s3cret")).text == "in"


def test_garbled_basic_credentials_are_a_plain_401(tmp_path):
    client = _gated(tmp_path, Clock())
    for value in ["Basic !!!", "Basic " + base64.b64encode(b"no-colon").decode(), "Bearer x"]:
        r = client.get("/secret", headers={"Authorization": value})
        assert r.status_code == 401 and r.json()["error"]
