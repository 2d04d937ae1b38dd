"""The REST API: ask, calculators, sources, feedback and a health check, on the web app's server.

``install_api(app, services)`` adds ``POST /api/ask``, ``POST /api/calc/{name}``,
``GET /api/sources/{doc}/{section}``, ``POST /api/feedback``, liveness ``GET /livez`` and
readiness ``GET /readyz`` (and ``/healthz``, the same) to a FastAPI app. Every error is JSON
``{"error": message}``: 4xx for bad input (400 bad question, 401 login, 404 unknown
calculator or section, 413 too large, 422 invalid body, 429 too many failed logins), 503
while the advisor cannot answer (starting, or its index damaged: the message says the fix),
500 for anything unexpected (logged, never a traceback). The login itself is
``advisor.web.login``'s, in front of every route. Wiring only: the answers, results and
passages come from ``Services``.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from advisor.calculators.base import CalculatorError
from advisor.errors import InvalidQuestion
from advisor.feedback import FeedbackIn
from advisor.models import Answer, Calculation
from advisor.validation import MAX_CHARS, MAX_HISTORY_TURNS
from advisor.web.passages import SectionNotFound, SectionView
from advisor.web.services import AdvisorUnavailable, AnswerFailed, Services

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1_000_000
RETRY_AFTER_S = "30"


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with ``status``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


class Turn(BaseModel):
    """One earlier message; only the user's turns feed a follow-up."""

    role: Literal["user", "assistant", "system"] = "user"
    content: str = Field(max_length=50_000)


class AskRequest(BaseModel):
    question: str = Field(max_length=MAX_CHARS, description="The question, at most 4,000 characters.",
                          examples=["Can I appeal the grade of my position?"])
    history: list[Annotated[str, Field(max_length=MAX_CHARS)] | Turn] = Field(
        default_factory=list, max_length=2 * MAX_HISTORY_TURNS,
        description="Earlier turns, oldest first: questions as strings or {role, content} "
                    "messages; at most 20 user turns.",
    )

    @model_validator(mode="after")
    def _at_most_20_user_turns(self) -> AskRequest:
        users = sum(1 for t in self.history if isinstance(t, str) or t.role == "user")
        if users > MAX_HISTORY_TURNS:
            raise ValueError(f"history has {users} user turns; at most {MAX_HISTORY_TURNS} are accepted.")
        return self


class ErrorBody(BaseModel):
    error: str


class Health(BaseModel):
    """Readiness: ``ok`` only once a question can be answered (model, index and data loaded,
    one warm-up answer produced, the index as it was opened)."""

    status: Literal["ok", "loading", "error"]
    ready: bool
    index_loaded: bool
    warm: bool
    build: str
    documents: int
    chunks: int
    index_built_at: str
    ready_after_s: float | None = None
    version: str
    error: str | None = None


class Alive(BaseModel):
    status: Literal["alive"]


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 404, 413, 422, 429, 500, 503)
}


def install_api(app: FastAPI, services: Services) -> None:
    """Add the API routes, the health checks, the JSON error handlers and the body-size limit."""
    app.include_router(_router(services), prefix="/api", responses=_ERRORS)
    _install_errors(app)

    @app.get("/livez", response_model=Alive, tags=["health"])
    def livez() -> dict[str, str]:
        """Liveness: the process serves HTTP. No login, no detail; never waits for the advisor."""
        return {"status": "alive"}

    @app.get("/readyz", response_model=Health, tags=["health"], responses={503: {"model": Health}})
    @app.get("/healthz", response_model=Health, tags=["health"], responses={503: {"model": Health}})
    def readyz() -> JSONResponse:
        """Readiness (``/healthz`` is the same): 200 when a question can be answered now, else
        503 with the reason and its fix (still starting, or the index damaged or gone)."""
        health = services.health()
        return JSONResponse(health, status_code=200 if health["ready"] else 503,
                            headers=None if health["ready"] else {"Retry-After": RETRY_AFTER_S})

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    def no_such_endpoint(rest: str, request: Request) -> None:
        raise ApiError(404, f"No API endpoint {request.method} /api/{rest}. See /docs.")


def _router(services: Services) -> APIRouter:
    router = APIRouter()

    @router.post("/ask", response_model=Answer, tags=["ask"])
    def ask(req: AskRequest) -> Answer:
        """Answer a question from the three documents, with citations and calculations."""
        history = [t if isinstance(t, str) else t.model_dump() for t in req.history]
        try:
            return services.ask(req.question, history)
        except InvalidQuestion as e:
            raise ApiError(400, str(e)) from e
        except AdvisorUnavailable as e:
            raise ApiError(503, str(e), {"Retry-After": RETRY_AFTER_S}) from e
        except AnswerFailed as e:
            raise ApiError(500, str(e)) from e

    @router.post("/calc/{name}", response_model=Calculation, tags=["calculators"])
    def calc(name: str, inputs: Annotated[dict[str, Any], Body(
            examples=[{"action_date": "2026-11-02"}])] = {}) -> Calculation:  # noqa: B006
        """Run calculator ``name`` on a JSON object of its inputs (see each input model)."""
        try:
            calculator = services.calculator(name)
        except KeyError as e:
            raise ApiError(404, str(e.args[0])) from e
        try:
            return calculator(inputs, services.context())
        except ValidationError as e:
            raise ApiError(422, _validation_message(e.errors())) from e
        except (CalculatorError, ValueError, ArithmeticError) as e:  # impossible values
            raise ApiError(422, str(e) or type(e).__name__) from e

    @router.get("/sources/{doc}/{section:path}", response_model=SectionView, tags=["sources"])
    def source(doc: str, section: str) -> SectionView:
        """A section's text, breadcrumb and pin-cite; ``doc`` is an id or short name."""
        try:
            return services.library.view(services.library.section(doc, section))
        except SectionNotFound as e:
            raise ApiError(404, str(e)) from e

    @router.post("/feedback", status_code=201, tags=["feedback"])
    def feedback(item: FeedbackIn) -> dict[str, int]:
        """Store a rating, comment or wrong-citation flag on an answer."""
        return {"id": services.feedback.add(item)}

    return router


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_r: Request, e: ApiError) -> JSONResponse:
        return JSONResponse({"error": e.message}, status_code=e.status, headers=e.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_body(_r: Request, e: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _validation_message(e.errors())}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_r: Request, e: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(e.detail)}, status_code=e.status_code, headers=e.headers)

    @app.exception_handler(Exception)
    async def unexpected(r: Request, e: Exception) -> JSONResponse:  # logged, never shown
        log.error("unexpected error on %s %s", r.method, r.url.path, exc_info=e)
        return JSONResponse({"error": "The server failed on this request; it was logged. Try again."},
                            status_code=500)

    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)


class BodyLimit:
    """Answer 413 to an ``/api/`` request whose body is over ``limit`` bytes: at once when its
    Content-Length says so (or is not a number), else - a chunked upload has none - as soon as
    the bytes read pass the limit, so an oversized body is never read whole."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        size = dict(scope["headers"]).get(b"content-length")
        if size is not None and (not size.isdigit() or int(size) > self.limit):
            await self._too_large()(scope, receive, send)
            return
        read = 0

        async def counted() -> dict[str, Any]:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.limit:  # raised inside the route's body read: the error handler answers
                raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"The request body is over {self.limit:,} bytes."

    def _too_large(self) -> JSONResponse:
        return JSONResponse({"error": self._message()}, status_code=413)


def _validation_message(errors: Any) -> str:
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ").rstrip(". ")
        parts.append(f"{'.'.join(loc)}: {msg}" if loc else msg)
    return "Invalid request: " + "; ".join(parts or ["the body could not be read"]) + "."
