"""Build the web server: the REST API and the Gradio page on one FastAPI app, and run it.

``create_app(settings, advisor=None)`` wires ``Services`` (advisor loaded once per process:
given, or loaded in a background thread when the server starts -- never at import, never per
request), the API, the offline ``/docs`` page and the Gradio page at ``/`` with optional
login. ``serve(settings)`` runs it with uvicorn on ADVISOR_HOST:ADVISOR_PORT.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Sequence

from fastapi import FastAPI

import advisor.web  # noqa: F401  (switches Gradio analytics off before gradio is imported)
from advisor.chain import Advisor
from advisor.config import Settings
from advisor.web.auth import check, parse_auth
from advisor.web.services import Services, package_version

log = logging.getLogger(__name__)

DESCRIPTION = (
    "Answers from AR 690-13 (CIPMS, 1990), the OPM IT Program Management Career Path Guide "
    "(2011) and Army Career Program 34, with pin-cites; calculators for deadlines, pay and "
    "eligibility. Errors are JSON `{\"error\": message}`."
)


def create_app(settings: Settings | None = None, advisor: Advisor | None = None, *,
               tabs: Sequence | None = None) -> FastAPI:
    """The whole app; pass ``advisor`` to reuse one already loaded (tests)."""
    import gradio as gr
    from fastapi_offline import FastAPIOffline

    from advisor.api import install_api
    from advisor.web.ui import CSS, JS, build_ui, theme

    settings = settings or Settings()
    services = Services(settings, advisor)
    users = parse_auth(settings.auth)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if not services.loaded:
            services.start_loading()
        yield

    app = FastAPIOffline(title="Regulations advisor", version=package_version(), description=DESCRIPTION,
                         docs_url="/docs", redoc_url=None, lifespan=lifespan)
    app.state.services = services
    install_api(app, services, users)
    blocks = build_ui(services, tabs)
    blocks.queue(default_concurrency_limit=4)
    return gr.mount_gradio_app(
        app, blocks, path="/", server_name=settings.host, server_port=settings.port,
        auth=(lambda u, p: check(users, u, p)) if users else None,
        auth_message="Log in with the user name and password your administrator gave you.",
        theme=theme(), css=CSS, js=JS, footer_links=["settings"], run_history=False,
        ssr_mode=False, mcp_server=False, enable_monitoring=False, pwa=False, show_error=True,
    )


def serve(settings: Settings | None = None) -> None:
    """Run the app until interrupted (``python app.py``, ``advisor serve``)."""
    import uvicorn

    settings = settings or Settings()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = create_app(settings)
    log.info("Serving on http://%s:%d (REST API docs at /docs)", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
