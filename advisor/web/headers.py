"""Security headers on every response: a Content-Security-Policy and the usual companions.

The policy lets the page load only its own scripts, styles, fonts and images (plus
``data:``/``blob:`` images Gradio draws), connect only to its own origin, submit forms only
to itself, embed no frames and be framed by no one. Gradio's page needs inline styles and
scripts and evaluates the page's ``js=`` code, hence ``'unsafe-inline'`` and
``'unsafe-eval'`` for scripts: the policy's job here is to stop what an injected tag could
fetch or send (outside images, frames, form targets), not to replace the escaping in
``escape``. Also sets ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``
and ``X-Frame-Options: DENY`` (for browsers without ``frame-ancestors``). Changes nothing else.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
CSP = "; ".join(_DIRECTIVES)

HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_NAMES = {name for name, _ in HEADERS}


class SecurityHeaders:
    """ASGI middleware adding ``HEADERS`` to every HTTP response (replacing any of the same name)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                message["headers"] = kept + HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)
