"""Liveness, readiness, the errors a user sees when the advisor cannot answer, and the security headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from advisor.web.headers import CSP


@pytest.fixture(scope="module")
def cold(settings, tmp_path_factory):
    """The app before its advisor is loaded (no lifespan: nothing loads)."""
    from advisor.web.server import create_app

    s = settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("cold")})
    return TestClient(create_app(s, advisor=None, tabs=[]))


def test_liveness_answers_at_once_while_readiness_says_starting(cold):
    assert cold.get("/livez").json() == {"status": "alive"}
    r = cold.get("/readyz")
    assert r.status_code == 503 and r.headers["retry-after"]
    body = r.json()
    assert body["status"] == "loading" and body["ready"] is False and "still starting" in body["error"]
    assert cold.get("/healthz").status_code == 503


def test_a_question_before_the_warm_up_is_a_json_503_not_a_wait(cold):
    r = cold.post("/api/ask", json={"question": "Can I appeal the grade of my position?"})
    assert r.status_code == 503 and "still starting" in r.json()["error"] and r.headers["retry-after"]


def test_ready_reports_the_build_and_how_long_start_took(client):
    body = client.get("/readyz").json()
    assert body["status"] == "ok" and body["ready"] and body["warm"] and body["build"]


@pytest.mark.parametrize("path", ["/", "/docs", "/openapi.json", "/livez", "/api/sources/ar-690-13/3-9b", "/api/nope"])
def test_every_response_carries_the_security_headers(client, path):
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer" and r.headers["x-frame-options"] == "DENY"


def test_the_policy_forbids_outside_images_frames_and_form_targets():
    rules = dict(d.split(" ", 1) for d in CSP.split("; "))
    assert rules["img-src"] == "'self' data: blob:" and rules["frame-src"] == "'none'"
    assert rules["form-action"] == "'self'" and rules["frame-ancestors"] == "'none'"
    assert rules["connect-src"] == "'self'" and rules["default-src"] == "'self'"


class _Broken:
    """An advisor whose chain fails as a bug would (not as a damaged index)."""

    def __init__(self, real) -> None:
        self.index = real.index

    def ask(self, question, history):
        raise RuntimeError("/secret/path/in/a/traceback")


def test_an_unexpected_failure_is_a_json_500_without_details(web_settings, advisor):
    from advisor.web.server import create_app

    app = create_app(web_settings, _Broken(advisor), tabs=[])  # type: ignore[arg-type]
    r = TestClient(app).post("/api/ask", json={"question": "Can I appeal the grade of my position?"})
    assert r.status_code == 500 and "Try again" in r.json()["error"] and "/secret" not in r.text


def test_the_page_shows_a_plain_message_and_never_stays_on_searching(web_settings, advisor):
    from advisor.web.chat_tab import respond
    from advisor.web.services import Services

    for services in (Services(web_settings), Services(web_settings, _Broken(advisor))):  # type: ignore[arg-type]
        steps = list(respond(services, "Can I appeal the grade of my position?", []))
        chat, _turns, _box, status, *_buttons = steps[-1]
        assert status.startswith("⚠️") and ("still starting" in status or "Try again" in status)
        assert "Searching" not in str(chat) and "/secret" not in status
