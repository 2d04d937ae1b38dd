"""Optional login: ADVISOR_AUTH pairs or file; Gradio login for the page, HTTP Basic for /api."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.web.auth import AuthConfigError, check, parse_auth


def test_pairs_and_files_are_read(tmp_path: Path):
    assert parse_auth("") == {}
    assert parse_auth("ana:s3cret, bo:p:w") == {"ana": "s3cret", "bo": "p:w"}
    f = tmp_path / "users"
    f.write_text("# users\nana:one\n\nbo:two\n")
    assert parse_auth(str(f)) == {"ana": "one", "bo": "two"}


@pytest.mark.parametrize("value", ["/no/such/file", "ana:", ":pw", "ana:ok,bo"])
def test_bad_auth_settings_say_the_expected_form(value):
    with pytest.raises(AuthConfigError):
        parse_auth(value)


def test_check_accepts_only_the_right_pair():
    users = {"ana": "s3cret"}
    assert check(users, "ana", "s3cret")
    assert not check(users, "ana", "wrong") and not check(users, "bo", "s3cret")


@pytest.fixture(scope="module")
def locked(settings, tmp_path_factory):
    from fastapi.testclient import TestClient

    from advisor.web.server import create_app

    s = settings.model_copy(update={"auth": "ana:s3cret", "data_dir": tmp_path_factory.mktemp("auth")})
    return TestClient(create_app(s, advisor=None, tabs=[]))  # no lifespan: nothing is loaded


def test_api_needs_basic_auth_but_healthz_does_not(locked):
    r = locked.post("/api/calc/downgrade_appeal_deadline", json={"action_date": "2026-11-02"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
    assert "error" in r.json()
    ok = locked.post("/api/calc/downgrade_appeal_deadline", json={"action_date": "2026-11-02"},
                     auth=("ana", "s3cret"))
    assert ok.status_code == 200
    assert locked.get("/healthz").status_code == 200


def test_the_page_needs_a_gradio_login(locked):
    assert locked.get("/config").status_code == 401
    assert locked.post("/login", data={"username": "ana", "password": "nope"}).status_code >= 400
    assert locked.post("/login", data={"username": "ana", "password": "s3cret"}).status_code == 200
    assert locked.get("/config").status_code == 200
