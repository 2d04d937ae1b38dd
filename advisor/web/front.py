"""The front of ``advisor serve --workers N``: one port, N worker processes, each browser kept on one.

Gradio's page needs every request of a browser session on the worker that holds it (its
event queue and its state live there), so ``Front`` sends a page request carrying the
``advisor_worker`` cookie to that worker while it is ready, and a new browser to the ready
worker with the fewest requests in flight, setting the cookie on the answer. The REST API
and the health checks are stateless: each such request goes to the least busy ready worker. Logins survive a change of worker (signed sessions, see ``login``).
Requests and answers are relayed over each worker's private Unix socket, answers streamed
as they come (event streams included); ``X-Forwarded-For`` carries the client's address
(the client's own such header is dropped).
``/livez`` is answered here; everything else, login included, is the workers'. Starting and
restarting the workers is ``workers``' job; this only routes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import anyio
import httpx

log = logging.getLogger(__name__)

COOKIE = "advisor_worker"
# Stateless routes: each request carries all it needs, so any ready worker may answer it.
STATELESS = ("/api/", "/readyz", "/healthz", "/docs", "/openapi.json")
MAX_BODY_BYTES = 2_000_000  # the API refuses over 1,000,000 itself; this only bounds buffering
_HOP = {b"connection", b"keep-alive", b"transfer-encoding", b"te", b"trailer", b"upgrade",
        b"proxy-connection"}
_NOT_FORWARDED = _HOP | {b"content-length", b"x-forwarded-for", b"x-forwarded-proto"}
_NOT_RETURNED = _HOP | {b"date", b"server"}  # the front's own server sets these


@dataclass
class Worker:
    """One worker as the front sees it: where it listens and whether it may take requests."""

    index: int
    socket: str
    client: httpx.AsyncClient
    ready: bool = False
    in_flight: int = 0


def worker_client(socket: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.AsyncHTTPTransport(uds=socket, retries=0),
        timeout=httpx.Timeout(connect=5.0, read=None, write=30.0, pool=30.0),
        limits=httpx.Limits(max_connections=2000, max_keepalive_connections=200),
    )


class Front:
    """ASGI app relaying each request to a worker (see the module docstring)."""

    def __init__(self, workers: list[Worker]) -> None:
        self.workers = workers

    def choose(self, cookie: str | None) -> Worker:
        ready = [w for w in self.workers if w.ready] or self.workers  # none ready: it says so itself
        for w in ready:
            if cookie == str(w.index):
                return w
        return min(ready, key=lambda w: w.in_flight)

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # the page uses no websockets
        if scope["path"] == "/livez":
            await _reply(send, 200, {"status": "alive"})
            return
        headers = [(k.lower(), v) for k, v in scope["headers"]]
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > MAX_BODY_BYTES:
                await _reply(send, 413, {"error": f"The request body is over {MAX_BODY_BYTES:,} bytes."})
                return
            if not message.get("more_body"):
                break
        sticky = not scope["path"].startswith(STATELESS)
        worker = self.choose(_cookie(headers, COOKIE) if sticky else None)
        worker.in_flight += 1
        try:
            await self._relay(worker, scope, headers, body, receive, send, sticky)
        finally:
            worker.in_flight -= 1

    async def _relay(self, worker: Worker, scope: MutableMapping[str, Any], headers: list[tuple[bytes, bytes]],
                     body: bytes, receive: Any, send: Any, sticky: bool) -> None:
        client = scope.get("client")
        forwarded = [(k, v) for k, v in headers if k not in _NOT_FORWARDED]
        # Only the address uvicorn determined (it trusts X-Forwarded-For from local proxies
        # only): the workers trust this header whole, so a client's own copy is dropped.
        address = (client[0] if client else "unknown").encode()
        forwarded += [(b"x-forwarded-for", address),
                      (b"x-forwarded-proto", scope.get("scheme", "http").encode())]
        query = scope.get("query_string", b"")
        url = httpx.URL(f"http://worker{scope.get('root_path', '')}{scope['path']}"
                        + (f"?{query.decode('latin-1')}" if query else ""))
        request = worker.client.build_request(scope["method"], url, headers=forwarded, content=body)
        try:
            upstream = await worker.client.send(request, stream=True)
        except httpx.HTTPError as e:
            worker.ready = False
            log.warning("worker %d did not take a request: %s", worker.index, e)
            await _reply(send, 503, {"error": "The advisor is restarting. Try again in a few seconds."},
                         [(b"retry-after", b"5")])
            return
        try:
            out = [(k.lower(), v) for k, v in upstream.headers.raw if k.lower() not in _NOT_RETURNED]
            if sticky and _cookie(headers, COOKIE) != str(worker.index):
                out.append((b"set-cookie", f"{COOKIE}={worker.index}; Path=/; HttpOnly; SameSite=Lax".encode()))
            await send({"type": "http.response.start", "status": upstream.status_code, "headers": out})
            async with anyio.create_task_group() as tasks:
                async def watch_disconnect() -> None:
                    while (await receive())["type"] != "http.disconnect":
                        pass
                    tasks.cancel_scope.cancel()

                tasks.start_soon(watch_disconnect)
                async for chunk in upstream.aiter_raw():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b""})
                tasks.cancel_scope.cancel()
        except httpx.HTTPError as e:  # the worker went away mid-answer: end this answer
            log.warning("worker %d broke off an answer: %s", worker.index, e)
        finally:
            await upstream.aclose()


def _cookie(headers: list[tuple[bytes, bytes]], name: str) -> str | None:
    for k, v in headers:
        if k == b"cookie":
            for part in v.decode("latin-1").split(";"):
                key, sep, value = part.strip().partition("=")
                if sep and key == name:
                    return value
    return None


async def _reply(send: Any, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] | None = None) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": data})


async def _lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
