"""What can go wrong with a model server, named, and a circuit breaker that stops hammering it.

``ModelError`` is any failure of one model call (timeout, refused connection, HTTP 5xx,
malformed JSON, a stalled stream, tool calls the writer cannot run); its ``kind`` is a short
tag for logs and tests and its message is fit to show a user. ``ModelConfigError`` is a
setting that cannot work (a missing model name, a missing optional package): raised when
the writer is built, never mid-answer. ``CircuitBreaker`` counts consecutive failures and,
past a threshold, refuses calls for a cooldown; its clock is passed in so tests need not
sleep. No I/O here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from advisor.errors import AdvisorError


class ModelError(AdvisorError):
    """One model call failed; the writer answers extractively instead."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class ModelConfigError(AdvisorError, ValueError):
    """The ``ADVISOR_LLM*`` settings cannot make a working writer; the message says what to set."""


class CircuitBreaker:
    """Open after ``threshold`` consecutive failures; stay open ``cooldown`` seconds.

    While open, ``allow()`` is False and the model is not called. After the cooldown one
    trial call is let through (half-open): success closes the breaker, failure reopens it.
    Thread-safe: the web app answers several questions at once.
    """

    def __init__(self, threshold: int = 3, cooldown: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self.clock = clock
        self.failures = 0
        self.opened_at: float | None = None
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            if self.opened_at is None:
                return True
            if self.clock() - self.opened_at >= self.cooldown:
                self.opened_at = None  # half-open: one more failure reopens at once
                self.failures = self.threshold - 1
                return True
            return False

    def retry_in(self) -> float:
        """Seconds until the model is tried again (0 when closed)."""
        with self._lock:
            if self.opened_at is None:
                return 0.0
            return max(0.0, self.cooldown - (self.clock() - self.opened_at))

    def success(self) -> None:
        with self._lock:
            self.failures = 0
            self.opened_at = None

    def failure(self) -> None:
        with self._lock:
            self.failures += 1
            if self.failures >= self.threshold:
                self.opened_at = self.clock()
