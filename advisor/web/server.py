"""Build the web server: the REST API and the Gradio page on one FastAPI app, and run it.

``create_app(settings, advisor=None)`` wires ``Services`` (advisor loaded once per process:
given, or loaded and warmed in a background thread when the server starts -- never at
import, never per request), the API with its health checks, the offline ``/docs`` page and
the Gradio page at ``/``; around all of it the login (``login.LoginGate``, when
``ADVISOR_AUTH`` is set) and the security headers (``headers.SecurityHeaders``).
``serve(settings, workers=1)`` runs it with uvicorn on ADVISOR_HOST:ADVISOR_PORT with read
deadlines (``timeouts``); more workers go through ``workers.run``.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from fastapi import FastAPI, Request

import advisor.web  # noqa: F401  (switches Gradio analytics off before gradio is imported)
from advisor.chain import Advisor
from advisor.config import Settings
from advisor.web.auth import parse_auth
from advisor.web.services import Services, package_version

log = logging.getLogger(__name__)

DESCRIPTION = (
    "Answers from AR 690-13 (CIPMS, 1990), the OPM IT Program Management Career Path Guide "
    "(2011) and Army Career Program 34, with pin-cites; calculators for deadlines, pay and "
    "eligibility. Errors are JSON `{\"error\": message}`. With a login configured, every "
    "route but `/livez` needs HTTP Basic or the session of the login form at `/login`."
)


def create_app(settings: Settings | None = None, advisor: Advisor | None = None, *,
               tabs: Sequence | None = None, internal_key: str = "") -> FastAPI:
    """The whole app; pass ``advisor`` to reuse one already loaded (tests)."""
    import gradio as gr
    from fastapi_offline import FastAPIOffline

    from advisor.api import install_api
    from advisor.web.headers import SecurityHeaders
    from advisor.web.login import LoginGate, Sessions, session_key
    from advisor.web.throttle import LoginThrottle
    from advisor.web.ui import CSS, JS, build_ui, theme

    settings = settings or Settings()
    services = Services(settings, advisor)
    users = parse_auth(settings.auth)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not services.health()["ready"]:
            services.start_loading()
        yield

    app = FastAPIOffline(title="Regulations advisor", version=package_version(), description=DESCRIPTION,
                         docs_url="/docs", redoc_url=None, lifespan=lifespan)
    app.state.services = services
    install_api(app, services)
    blocks = build_ui(services, tabs)
    blocks.queue(default_concurrency_limit=4)
    app = gr.mount_gradio_app(
        app, blocks, path="/", server_name=settings.host, server_port=settings.port,
        auth_dependency=_logged_in_user if users else None,
        theme=theme(), css=CSS, js=JS, footer_links=["settings"], run_history=False,
        ssr_mode=False, mcp_server=False, enable_monitoring=False, pwa=False, show_error=False,
    )
    if users:
        sessions = Sessions(session_key(Path(settings.data_dir)))
        app.add_middleware(LoginGate, users=users, throttle=LoginThrottle(settings.data_dir),
                           sessions=sessions, internal_key=internal_key)
    app.add_middleware(SecurityHeaders)  # outermost: the login page and its errors get them too
    return app


def _logged_in_user(request: Request) -> str | None:
    """Gradio's view of the login: the user ``LoginGate`` let through (it refuses everyone else)."""
    return request.scope.get("advisor.user")


def serve(settings: Settings | None = None, workers: int = 1, uds: str | None = None,
          internal_key: str = "") -> None:
    """Run the app until interrupted (``python app.py``, ``advisor serve [--workers N]``)."""
    import uvicorn

    from advisor.web.timeouts import protocol_class

    settings = settings or Settings()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # uvicorn re-raises SIGTERM once it has shut down; as SystemExit, cleanups still run
    # (the private index copy, the workers of `--workers`).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if workers > 1:
        from advisor.web.workers import run

        run(settings, workers)
        return
    if uds:
        from advisor.web.workers import die_with_parent

        die_with_parent()
    app = create_app(settings, internal_key=internal_key)
    where = {"uds": uds} if uds else {"host": settings.host, "port": settings.port}
    if not uds:
        log.info("Serving on http://%s:%d (REST API docs at /docs)", settings.host, settings.port)
    # Behind `advisor serve --workers`, only the front can reach the private socket: trust its
    # X-Forwarded-For, so throttling sees the real client; the front writes the access log.
    uvicorn.Server(uvicorn.Config(
        app, **where, log_level="info", http=protocol_class(), timeout_keep_alive=5,
        proxy_headers=True, **({"forwarded_allow_ips": "*", "access_log": False} if uds else {}),
    )).run()
