"""The login in front of everything: with ``ADVISOR_AUTH`` set, no route but liveness answers a stranger.

``LoginGate`` is ASGI middleware around the whole app (page, REST API, ``/docs``,
``/openapi.json``, readiness). A request passes with a valid session cookie (set by the
login form at ``/login``) or valid HTTP Basic credentials; otherwise a browser asking for a
page is sent to ``/login?next=...`` and anything else gets JSON 401 with a Basic challenge.
Every failed password counts in ``LoginThrottle`` (per client and per user); while locked,
the form and Basic answer 429 with ``Retry-After``, even to the right password.

Sessions are signed cookies (``itsdangerous``) with a key kept in ``ADVISOR_DATA_DIR``, so any
worker of the machine accepts a session another worker started, and a restart keeps them; a
session ends after ``SESSION_HOURS`` or at ``/logout`` (which clears the cookie). Checking a
password is ``auth.check``'s; counting failures is ``throttle``'s.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import os
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

import anyio.to_thread
from itsdangerous import BadSignature, URLSafeTimedSerializer

from advisor.web.auth import check
from advisor.web.throttle import LoginThrottle

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

COOKIE = "advisor_session"
SESSION_HOURS = 12
OPEN_PATHS = frozenset({"/livez"})
KEY_FILE = "session.key"
MAX_FORM_BYTES = 8192
INTERNAL_HEADER = b"x-advisor-internal"


def session_key(data_dir: Path) -> bytes:
    """The signing key shared by every worker using ``data_dir``; made once, owner-only."""
    path = Path(data_dir) / KEY_FILE
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_name(f".{KEY_FILE}.{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
        try:
            os.link(tmp, path)  # atomic, and never replaces a key another worker made first
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_bytes()


class Sessions:
    """Signed, expiring session tokens naming a user."""

    def __init__(self, key: bytes, max_age_s: int = SESSION_HOURS * 3600) -> None:
        self._signer = URLSafeTimedSerializer(key, salt="advisor-session")
        self.max_age_s = max_age_s

    def issue(self, user: str) -> str:
        return self._signer.dumps({"u": user})

    def user(self, token: str | None) -> str | None:
        if not token:
            return None
        try:
            data = self._signer.loads(token, max_age=self.max_age_s)
        except BadSignature:  # also expired (SignatureExpired is a BadSignature)
            return None
        return data.get("u") if isinstance(data, dict) else None


class LoginGate:
    """ASGI middleware: pass logged-in requests, answer everything else with the login."""

    def __init__(self, app: Any, users: dict[str, str], throttle: LoginThrottle, sessions: Sessions,
                 internal_key: str = "") -> None:
        self.app, self.users, self.throttle, self.sessions = app, users, throttle, sessions
        self.internal_key = internal_key.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or not self.users or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        if self.internal_key and secrets.compare_digest(headers.get(INTERNAL_HEADER, b""), self.internal_key):
            await self.app(scope, receive, send)  # the front of `advisor serve --workers`
            return
        if scope["type"] == "websocket":  # the page uses none; never one without a session
            if self.sessions.user(_cookies(headers).get(COOKIE)) in self.users:
                await self.app(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": 1008})
            return
        path, method = scope["path"], scope.get("method", "GET")
        if path == "/login" and method == "POST":
            await self._login(scope, receive, send)
            return
        if path == "/login":
            await _page(send, 200, _next_of(scope))
            return
        if path == "/logout":
            await _respond(send, 303, b"", [(b"location", b"/login"), _cookie(scope, "", 0)])
            return
        user = self.sessions.user(_cookies(headers).get(COOKIE))
        if user in self.users:
            scope["advisor.user"] = user
            await self.app(scope, receive, send)
            return
        basic = _basic(headers.get(b"authorization", b""))
        if basic is None:
            if method == "GET" and b"text/html" in headers.get(b"accept", b""):
                target = scope["path"] + (f"?{scope['query_string'].decode('latin-1')}" if scope.get("query_string") else "")
                await _respond(send, 303, b"", [(b"location", f"/login?next={quote(target, safe='')}".encode())])
            else:
                await _json(send, 401, "Log in: HTTP Basic with a user of ADVISOR_AUTH, or the form at /login.",
                            [(b"www-authenticate", b'Basic realm="advisor"')])
            return
        name, password = basic
        verdict = await self._verify(_client(scope), name, password)
        if verdict is True:
            scope["advisor.user"] = name
            await self.app(scope, receive, send)
        elif verdict is False:
            await _json(send, 401, "Wrong user name or password.", [(b"www-authenticate", b'Basic realm="advisor"')])
        else:
            await _json(send, 429, _locked_message(verdict), [(b"retry-after", str(int(verdict) + 1).encode())])

    async def _verify(self, client: str, name: str, password: str) -> bool | float:
        """True (right), False (wrong, counted) or the seconds a lockout still lasts."""
        def run() -> bool | float:
            wait = self.throttle.locked_for(client, name)
            if wait > 0:
                return wait
            if check(self.users, name, password):
                self.throttle.succeeded(client, name)
                return True
            self.throttle.failed(client, name)
            return False

        return await anyio.to_thread.run_sync(run)

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(receive, MAX_FORM_BYTES)
        form = {k: v[0] for k, v in parse_qs((body or b"").decode("utf-8", "replace")).items()}
        target = _safe_next(form.get("next", "/"))
        name = form.get("username", "").strip()
        verdict = await self._verify(_client(scope), name, form.get("password", ""))
        if verdict is True:
            await _respond(send, 303, b"", [(b"location", target.encode()),
                                            _cookie(scope, self.sessions.issue(name), self.sessions.max_age_s)])
        elif verdict is False:
            await _page(send, 401, target, "Wrong user name or password.")
        else:
            await _page(send, 429, target, _locked_message(verdict),
                        [(b"retry-after", str(int(verdict) + 1).encode())])


def _locked_message(wait: float) -> str:
    return f"Too many failed logins. Try again in {int(wait) + 1} seconds."


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


def _cookies(headers: dict[bytes, bytes]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            out.setdefault(name, value)
    return out


def _basic(value: bytes) -> tuple[str, str] | None:
    scheme, _, encoded = value.partition(b" ")
    if scheme.lower() != b"basic":
        return None
    try:
        name, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")  # garbled: a failed login like any other
    return (name, password) if sep else ("", "")


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def _next_of(scope: Scope) -> str:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return _safe_next(query.get("next", ["/"])[0])


def _safe_next(target: str) -> str:
    """Only a path on this site: never an outside address (``//host`` or ``scheme:``)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target or ":" in target.split("?")[0]:
        return "/"
    return target


def _cookie(scope: Scope, value: str, max_age: int) -> tuple[bytes, bytes]:
    secure = "; Secure" if scope.get("scheme") == "https" else ""
    return (b"set-cookie", f"{COOKIE}={value}; Max-Age={max_age}; Path=/; HttpOnly; SameSite=Lax{secure}".encode())


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body"):
            return body


async def _respond(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]],
                   content_type: bytes = b"text/plain; charset=utf-8") -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", content_type), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), *headers]})
    await send({"type": "http.response.body", "body": body})


async def _json(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]]) -> None:
    await _respond(send, status, json.dumps({"error": message}).encode(), headers, b"application/json")


async def _page(send: Send, status: int, target: str, message: str = "",
                headers: list[tuple[bytes, bytes]] | None = None) -> None:
    note = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    body = LOGIN_PAGE.format(next=html.escape(target, quote=True), note=note).encode()
    await _respond(send, status, body, headers or [], b"text/html; charset=utf-8")


LOGIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in — Regulations advisor</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0;
       display: flex; min-height: 100vh; align-items: center; justify-content: center; background: #f5f6f8; }}
main {{ background: #fff; padding: 2rem; border-radius: 8px; width: min(22rem, 90vw);
       box-shadow: 0 1px 4px rgba(0,0,0,.15); }}
h1 {{ font-size: 1.3rem; margin-top: 0; }}
label {{ display: block; margin: 1rem 0 .25rem; font-weight: 600; }}
input {{ width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }}
button {{ margin-top: 1.25rem; width: 100%; padding: .6rem; font-size: 1rem; color: #fff;
         background: #1d4ed8; border: 0; border-radius: 6px; cursor: pointer; }}
.error {{ color: #b91c1c; font-weight: 600; }}
</style></head>
<body><main>
<h1>Regulations advisor</h1>
<p>Log in with the user name and password your administrator gave you.</p>
{note}
<form method="post" action="/login">
<input type="hidden" name="next" value="{next}">
<label for="username">User name</label>
<input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
</form>
</main></body></html>
"""
