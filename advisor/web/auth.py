"""Optional login: read ``ADVISOR_AUTH`` and check a user name and password against it.

``ADVISOR_AUTH`` is either ``user:password`` pairs separated by commas, or the path of a
file holding one ``user:password`` per line (blank lines and ``#`` comments skipped). Empty
means no login. The same check serves Gradio's login form and HTTP Basic on ``/api``.
Passwords are compared in constant time; nothing is logged.
"""

from __future__ import annotations

import hmac
from pathlib import Path


class AuthConfigError(ValueError):
    """ADVISOR_AUTH is set but unreadable; the message shows the expected form."""


def parse_auth(value: str) -> dict[str, str]:
    """The user -> password table ADVISOR_AUTH describes ({} when login is off)."""
    value = (value or "").strip()
    if not value:
        return {}
    path = Path(value).expanduser()
    if ":" not in value or path.is_file():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise AuthConfigError(
                f"ADVISOR_AUTH={value!r} is neither 'user:password' pairs nor a readable file ({e})."
            ) from e
        entries = [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]
    else:
        entries = [p.strip() for p in value.split(",") if p.strip()]
    users: dict[str, str] = {}
    for entry in entries:
        user, sep, password = entry.partition(":")
        if not sep or not user.strip() or not password:
            raise AuthConfigError("Each ADVISOR_AUTH entry must be 'user:password' (e.g. 'ana:s3cret').")
        users[user.strip()] = password
    return users


def check(users: dict[str, str], username: str, password: str) -> bool:
    """True when the pair is in the table; constant-time over the password."""
    expected = users.get(username)
    if expected is None:
        hmac.compare_digest(password.encode(), password.encode())  # same work as a real check
        return False
    return hmac.compare_digest(expected.encode(), password.encode())
