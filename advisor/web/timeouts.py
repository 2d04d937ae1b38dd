"""Close connections that send a request too slowly (slowloris), which uvicorn alone never does.

uvicorn's only read timeout is ``timeout_keep_alive``, and every byte received resets it, so
a client trickling a header a byte at a time holds its connection for ever (uvicorn#157).
``protocol_class(header_s, body_s)`` returns uvicorn's HTTP protocol (httptools, else h11)
with two deadlines: a request's headers must have arrived ``header_s`` seconds after the
connection opened or the previous response ended, and its body ``body_s`` seconds after
that; otherwise the connection is closed. A response being sent (a long answer, an event
stream) is never cut. Only the reading side is timed; nothing else changes.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

log = logging.getLogger(__name__)

HEADER_TIMEOUT_S = 10.0
BODY_TIMEOUT_S = 30.0


class _Deadlines:
    """Mixed into a uvicorn HTTP protocol; relies on its ``cycle`` (the current request)."""

    header_s = HEADER_TIMEOUT_S
    body_s = BODY_TIMEOUT_S
    _timer: asyncio.TimerHandle | None = None
    _waiting_after: Any = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self) -> None:
        self._cancel()
        self._waiting_after = self.cycle  # type: ignore[attr-defined]  (a newer request must come)
        self._timer = self.loop.call_later(self.header_s, self._headers_due)  # type: ignore[attr-defined]

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _headers_due(self) -> None:
        cycle = self.cycle  # type: ignore[attr-defined]
        if cycle is None or cycle is self._waiting_after:
            self._drop("its request headers")
        elif cycle.more_body and not cycle.response_started:
            self._timer = self.loop.call_later(self.body_s, self._body_due)  # type: ignore[attr-defined]

    def _body_due(self) -> None:
        cycle = self.cycle  # type: ignore[attr-defined]
        if cycle is not None and cycle.more_body and not cycle.response_started:
            self._drop("its request body")

    def _drop(self, what: str) -> None:
        transport = self.transport  # type: ignore[attr-defined]
        if transport is not None and not transport.is_closing():
            log.info("closing a connection that did not send %s in time", what)
            transport.close()


def protocol_class(header_s: float = HEADER_TIMEOUT_S, body_s: float = BODY_TIMEOUT_S,
                   impl: str = "auto") -> type:
    """uvicorn's HTTP protocol class with the two read deadlines (pass as ``Config(http=...)``).

    ``impl``: ``httptools``, ``h11`` or ``auto`` (httptools when installed, as uvicorn does).
    """
    base: type
    try:
        if impl == "h11":
            raise ImportError
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as base
    except ImportError:  # httptools is optional for uvicorn
        from uvicorn.protocols.http.h11_impl import H11Protocol as base
    return type("TimedHttpProtocol", (_Deadlines, base), {"header_s": header_s, "body_s": body_s})
