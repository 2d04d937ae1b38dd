"""Web fixtures: the app over the session's Advisor, a TestClient, and a live loopback server.

The live server runs uvicorn in a thread of this process with the injected Advisor, so the
model and index are loaded once for the whole session.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest


@pytest.fixture(scope="session")
def web_settings(settings, tmp_path_factory: pytest.TempPathFactory):
    """The session settings with a data folder of the web tests' own."""
    return settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("web-data")})


@pytest.fixture(scope="session")
def services(web_settings, advisor):
    from advisor.web.services import Services

    return Services(web_settings, advisor)


@pytest.fixture(scope="session")
def client(web_settings, advisor) -> Iterator:
    from fastapi.testclient import TestClient

    from advisor.web.server import create_app

    with TestClient(create_app(web_settings, advisor)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(web_settings, advisor) -> Iterator[str]:
    """The real app served by uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    from advisor.web.server import create_app

    advisor.warm()  # as `advisor serve` does before it reports ready (an Advisor passed in is taken as warm)
    advisor.ask("Can I appeal the grade of my position?")
    port = free_port()
    settings = web_settings.model_copy(update={"port": port})
    server = uvicorn.Server(uvicorn.Config(create_app(settings, advisor), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the live server did not start")
        time.sleep(0.05)
    assert httpx.get(f"{url}/healthz", timeout=10).json()["index_loaded"]
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from browser_support import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def requests_seen() -> list[str]:
    return []


@pytest.fixture
def page_at(browser, live_server, requests_seen):
    """Open the page (``query`` appended) in a fresh browser context; a phone below 500 px."""
    pages = []

    def open_page(query: str = "", width: int = 1280, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=width < 500, has_touch=width < 500, accept_downloads=True)
        page = ctx.new_page()
        page.on("request", lambda r: requests_seen.append(r.url))
        page.goto(f"{live_server}/{query}")
        page.get_by_role("tab", name="Chat").wait_for(timeout=60_000)
        pages.append(ctx)
        return page

    yield open_page
    for ctx in pages:
        ctx.close()
