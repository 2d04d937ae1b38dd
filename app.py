"""The web entry point: ``python app.py`` serves the advisor's page and REST API.

Binds ADVISOR_HOST:ADVISOR_PORT (127.0.0.1:7860 by default). ``create_app(settings,
advisor=None)`` builds the FastAPI app with the Gradio page mounted at ``/`` (also usable as
``uvicorn --factory app:create_app``); the advisor is loaded once when the server starts,
not at import. The wiring lives in ``advisor/web/server.py`` so ``advisor serve`` shares it.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before anything imports gradio

from advisor.web.server import create_app, serve

__all__ = ["create_app", "serve"]

if __name__ == "__main__":
    serve()
