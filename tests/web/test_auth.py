"""Optional login: ADVISOR_AUTH pairs or file, and the constant-time check (the gate: test_login.py)."""

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
