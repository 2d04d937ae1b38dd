"""A scripted OpenAI/Ollama-compatible model server on 127.0.0.1 (stdlib ``http.server`` in a
thread), for the LLM writer's tests and the evaluation's scripted-writer run.

The server answers each POST with the next step of its script (or with what a function of
the request body returns): streamed text, tool calls, an HTTP error, bytes that are not
JSON, a stream that stalls, a delay before any byte, or a whole non-streamed JSON reply.
It records every request body. It listens on loopback only and contacts nothing.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass
class Step:
    """One scripted reply of the fake server."""

    content: str = ""
    tool_calls: Sequence[tuple[str, Any]] = ()  # (name, arguments as dict or raw string)
    status: int = 200
    raw: bytes | None = None  # sent as is (e.g. not JSON)
    stall_after: int | None = None  # send this many pieces, then hang for ``hang`` seconds
    delay: float = 0.0  # before the status line
    hang: float = 5.0
    whole: bool = False  # one JSON document instead of a stream


Script = Sequence[Step] | Callable[[dict[str, Any]], Step]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _openai_pieces(step: Step) -> Iterator[dict[str, Any]]:
    words = step.content.split(" ")
    for i, w in enumerate(words):
        yield {"choices": [{"index": 0, "delta": {"content": w + (" " if i < len(words) - 1 else "")}}]}
    for i, (name, args) in enumerate(step.tool_calls):
        raw = args if isinstance(args, str) else json.dumps(args)
        half = len(raw) // 2  # arguments arrive in pieces, as real servers send them
        yield {"choices": [{"index": 0, "delta": {"tool_calls": [
            {"index": i, "id": f"call_{i}", "type": "function",
             "function": {"name": name, "arguments": raw[:half]}}]}}]}
        yield {"choices": [{"index": 0, "delta": {"tool_calls": [
            {"index": i, "function": {"arguments": raw[half:]}}]}}]}
    reason = "tool_calls" if step.tool_calls else "stop"
    yield {"choices": [{"index": 0, "delta": {}, "finish_reason": reason}]}


def _ollama_pieces(step: Step) -> Iterator[dict[str, Any]]:
    for w in step.content.split(" "):
        yield {"message": {"role": "assistant", "content": w + " "}, "done": False}
    if step.tool_calls:
        yield {"message": {"role": "assistant", "content": "", "tool_calls": [
            {"function": {"name": n, "arguments": a}} for n, a in step.tool_calls]}, "done": False}
    yield {"message": {"role": "assistant", "content": ""}, "done": True}


class FakeModelServer:
    """``with FakeModelServer(script) as server: ... server.url ...``"""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self._steps = iter(script) if not callable(script) else None
        self._httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def next_step(self, body: dict[str, Any]) -> Step:
        if callable(self.script):
            return self.script(body)
        assert self._steps is not None
        return next(self._steps, Step(status=500, raw=b'{"error": "script exhausted"}'))

    def __enter__(self) -> Self:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                server.requests.append(body)
                server.paths.append(self.path)
                server.serve(self, server.next_step(body), ollama=self.path.startswith("/api/"))

        self._httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()

    def serve(self, h: BaseHTTPRequestHandler, step: Step, ollama: bool) -> None:
        time.sleep(step.delay)
        if step.status != 200 or step.raw is not None:
            payload = step.raw if step.raw is not None else b'{"error": "boom"}'
            h.send_response(step.status)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)
            return
        if step.whole:
            message: dict[str, Any] = {"role": "assistant", "content": step.content}
            if step.tool_calls:
                message["tool_calls"] = [{"id": f"call_{i}", "type": "function", "function": {
                    "name": n, "arguments": a if isinstance(a, str) else json.dumps(a)}}
                    for i, (n, a) in enumerate(step.tool_calls)]
            payload = json.dumps({"choices": [{"index": 0, "message": message}]}).encode()
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/x-ndjson" if ollama else "text/event-stream")
        h.send_header("Connection", "close")
        h.end_headers()
        pieces = _ollama_pieces(step) if ollama else _openai_pieces(step)
        try:
            for n, piece in enumerate(pieces):
                if step.stall_after is not None and n >= step.stall_after:
                    time.sleep(step.hang)
                    return
                line = json.dumps(piece) + "\n" if ollama else f"data: {json.dumps(piece)}\n\n"
                h.wfile.write(line.encode())
                h.wfile.flush()
            if not ollama:
                h.wfile.write(b"data: [DONE]\n\n")
        except (BrokenPipeError, ConnectionResetError):  # the client gave up: expected in stall tests
            pass
        h.close_connection = True


def prompt_sources(body: dict[str, Any]) -> dict[int, str]:
    """The numbered sources of a writing request, ``{n: "header\\ntext"}``, as the model sees them."""
    system = body["messages"][0]["content"]
    if "Sources:" not in system:
        return {}
    text = system.split("Sources:", 1)[1]
    parts = re.split(r"\n\n(?=\[\d+\] )", "\n\n" + text.strip())
    out: dict[int, str] = {}
    for part in parts:
        m = re.match(r"\[(\d+)\] (.*)", part.strip(), re.DOTALL)
        if m:
            out[int(m.group(1))] = m.group(2)
    return out


def source_number(body: dict[str, Any], needle: str) -> int:
    """The number of the first source whose header or text contains ``needle``."""
    for n, text in prompt_sources(body).items():
        if needle in text:
            return n
    raise AssertionError(f"no source mentions {needle!r}")


def is_condense(body: dict[str, Any]) -> bool:
    return "standalone question" in body["messages"][0]["content"] and "Sources:" not in \
        body["messages"][0]["content"]
