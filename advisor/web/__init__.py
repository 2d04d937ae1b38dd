"""The web app's pieces: shared services, passage lookup, calculator forms and the Gradio tabs.

``services``, ``passages``, ``forms``, ``render`` and ``chat_state`` (the conversation as
data) work without Gradio (the REST API and the tests use them); the ``*_tab`` modules,
``chat_panels`` and ``ui`` build the Gradio page. ``server.create_app`` wires both onto
one FastAPI app. Importing this package does no I/O; it only switches Gradio's analytics
off before any module here imports Gradio.
"""

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # must precede the first `import gradio`
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
