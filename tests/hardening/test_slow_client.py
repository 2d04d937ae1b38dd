"""Slow clients are cut off (headers and body each have a deadline); slow answers are not."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from hardening_support import free_port

from advisor.web.timeouts import protocol_class

DEADLINE_S = 0.5


async def _app(scope, receive, send):  # reads the whole body, then answers slowly on /slow
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    if scope["path"] == "/slow":
        for _ in range(4):
            await asyncio.sleep(DEADLINE_S)
            await send({"type": "http.response.body", "body": b"tick ", "more_body": True})
    await send({"type": "http.response.body", "body": b"done"})


@pytest.fixture(scope="module", params=["httptools", "h11"])
def port(request) -> Iterator[int]:
    import uvicorn

    proto = protocol_class(DEADLINE_S, DEADLINE_S, impl=request.param)
    p = free_port()
    server = uvicorn.Server(uvicorn.Config(_app, host="127.0.0.1", port=p, http=proto, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield p
    server.should_exit = True
    thread.join(timeout=5)


def _closed_within(sock: socket.socket, seconds: float, trickle: bytes = b"") -> float | None:
    """Seconds until the server closed ``sock`` (sending ``trickle`` a byte at a time), or None."""
    started = time.monotonic()
    sock.settimeout(0.1)
    for i in range(int(seconds / 0.1)):
        if trickle and i < len(trickle):
            try:
                sock.send(trickle[i:i + 1])
            except OSError:
                return time.monotonic() - started
        try:
            if sock.recv(1024) == b"":
                return time.monotonic() - started
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started
    return None


def test_a_connection_that_never_sends_its_headers_is_closed(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        assert _closed_within(s, 5) is not None


def test_headers_trickled_a_byte_at_a_time_are_cut_off(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        took = _closed_within(s, 5, trickle=b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100)
        assert took is not None and took < 3


def test_a_body_that_stops_half_way_is_cut_off(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + b"x" * 10)
        took = _closed_within(s, 5)
        assert took is not None and took < 3


def test_a_slow_answer_and_a_kept_alive_connection_are_left_alone(port):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while not data.endswith(b"done\r\n0\r\n\r\n"):
            chunk = s.recv(4096)
            assert chunk, "the server cut off its own slow answer"
            data += chunk
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        rest = b""
        while chunk := s.recv(4096):
            rest += chunk
        assert b"200 OK" in rest and b"done" in rest
