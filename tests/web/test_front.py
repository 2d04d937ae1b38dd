"""The front of ``advisor serve --workers``: pages stay on their worker, the API is balanced, streams pass.

Two stand-in workers (small ASGI apps that say who they are) on Unix sockets, the real
``Front`` on a loopback port.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from advisor.web.front import COOKIE, Front, Worker, worker_client


def _stand_in(name: str):
    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = dict(scope["headers"])
        if scope["path"] == "/stream":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"text/event-stream")]})
            for i in range(3):
                await send({"type": "http.response.body", "body": f"data: {i}\n\n".encode(), "more_body": True})
                await asyncio.sleep(0.05)
            await send({"type": "http.response.body", "body": b""})
            return
        out = json.dumps({"worker": name, "path": scope["path"], "body": body.decode(),
                          "xff": headers.get(b"x-forwarded-for", b"").decode()}).encode()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": out})

    return app


def _serve(app, **where) -> tuple:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", **where))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    return server, thread


@pytest.fixture(scope="module")
def front(tmp_path_factory) -> Iterator[tuple[str, Front]]:
    from tests.web.conftest import free_port

    folder: Path = tmp_path_factory.mktemp("sockets")
    servers = []
    workers = []
    for i in range(2):
        sock = str(folder / f"w{i}.sock")
        servers.append(_serve(_stand_in(f"w{i}"), uds=sock))
        workers.append(Worker(index=i, socket=sock, client=worker_client(sock), ready=True))
    the_front = Front(workers)
    port = free_port()
    servers.append(_serve(the_front, host="127.0.0.1", port=port, proxy_headers=False))  # a client, not a proxy
    yield f"http://127.0.0.1:{port}", the_front
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=5)


def test_a_browser_stays_on_the_worker_that_served_its_page(front):
    url, _ = front
    with httpx.Client(base_url=url) as browser:
        first = browser.get("/")
        worker = first.json()["worker"]
        assert browser.cookies[COOKIE] == worker[1:]
        assert {browser.get("/gradio_api/queue/data").json()["worker"] for _ in range(10)} == {worker}


def test_a_page_whose_worker_is_not_ready_moves_to_a_ready_one(front):
    url, the_front = front
    the_front.workers[0].ready = False
    try:
        with httpx.Client(base_url=url, cookies={COOKIE: "0"}) as browser:
            r = browser.get("/config")
            assert r.json()["worker"] == "w1" and r.headers["set-cookie"].startswith(f"{COOKIE}=1;")
    finally:
        the_front.workers[0].ready = True


def test_the_api_goes_to_either_worker_and_carries_the_client_address(front):
    url, _ = front

    async def many() -> list[dict]:
        async with httpx.AsyncClient(base_url=url, cookies={COOKIE: "0"}) as http:
            rs = await asyncio.gather(*(http.post("/api/ask", json={"n": i}, headers={"X-Forwarded-For": "6.6.6.6"})
                                        for i in range(20)))
            return [r.json() for r in rs]

    # in a thread of its own: the browser tests' Playwright keeps an event loop in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        answers = pool.submit(asyncio.run, many()).result()
    assert {a["worker"] for a in answers} == {"w0", "w1"}  # not pinned by the cookie
    assert all(a["xff"] == "127.0.0.1" for a in answers)  # a client's own header is dropped
    assert json.loads(answers[0]["body"])["n"] in range(20)


def test_an_event_stream_is_relayed_as_it_comes(front):
    url, _ = front
    with httpx.stream("GET", f"{url}/stream") as r:
        events = [line for line in r.iter_lines() if line]
    assert events == ["data: 0", "data: 1", "data: 2"]


def test_liveness_is_the_fronts_own_and_an_unreachable_worker_is_a_json_503(front, tmp_path):
    url, the_front = front
    assert httpx.get(f"{url}/livez").json() == {"status": "alive"}
    gone = Worker(index=9, socket=str(tmp_path / "none.sock"), client=worker_client(str(tmp_path / "none.sock")))
    saved = the_front.workers
    the_front.workers = [gone]
    try:
        r = httpx.get(f"{url}/api/ask")
        assert r.status_code == 503 and r.json()["error"] and r.headers["retry-after"]
    finally:
        the_front.workers = saved
