"""What one web process shares between the page and the REST API, each built once.

``Services`` holds the settings, the Advisor (given, or loaded once by ``load_advisor`` --
in a background thread at startup so the page is up at once, then warmed with one answer --
never per request), the parsed documents, the calculators and the feedback store, and says
whether the process is ready (``problem``, ``health``): not before the warm-up answer, and
not once the index it opened is damaged or gone. It builds nothing when created; no Gradio
and no FastAPI here.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from advisor.calculators.base import Calculator, Context
from advisor.chain import Advisor
from advisor.config import Settings
from advisor.corpus import load_corpus
from advisor.errors import InvalidQuestion, without_paths
from advisor.feedback import FeedbackStore
from advisor.models import Answer
from advisor.web.passages import Library

log = logging.getLogger(__name__)


class AdvisorUnavailable(RuntimeError):
    """The advisor cannot answer now (starting, failed to load, index damaged); says what to do."""


class AnswerFailed(RuntimeError):
    """An unexpected failure while answering one question (logged); says to try again."""


WARM_UP_QUESTION = "Can I appeal the grade of my position?"
STARTING = "The advisor is still starting (loading the model and the index). Try again in a minute."
FAILED = ("The advisor failed on this question. Try again or rephrase it; if it keeps failing, "
          "tell the administrator.")


class Services:
    """Process-wide state for the web app; safe to share between request threads.

    Ready means: the model, the index, the documents, the calculators and the roadmap data
    are loaded, one warm-up answer was produced, and the index is still as it was opened.
    An Advisor passed in is taken as loaded and warm (tests, embedding).
    """

    def __init__(self, settings: Settings, advisor: Advisor | None = None) -> None:
        self.settings = settings
        self._advisor = advisor
        self._warm = advisor is not None
        self._load_error: str | None = None
        self._created = time.monotonic()
        self.ready_after_s: float | None = None
        self._load_lock = threading.Lock()
        self._ask_lock = threading.Lock()  # the model and index answer one question at a time
        self._lib_lock = threading.Lock()
        self._check_lock = threading.Lock()
        self.feedback = FeedbackStore(settings.data_dir)

    # -- the advisor ---------------------------------------------------------------------

    def start_loading(self) -> threading.Thread:
        """Load everything and produce the warm-up answer in the background; returns the thread."""
        thread = threading.Thread(target=self._load_quietly, name="advisor-loader", daemon=True)
        thread.start()
        return thread

    def _load_quietly(self) -> None:
        try:
            self.load()
        except AdvisorUnavailable:
            pass  # recorded; readiness and requests report it

    def load(self) -> None:
        """Load the advisor and every data set a request reads, then answer one question."""
        from advisor.roadmap.schema import load_career_data

        with self._load_lock:
            if self._warm or self._load_error:
                return
            try:
                if self._advisor is None:
                    from advisor.factory import load_advisor

                    self._advisor = load_advisor(self.settings, progress=log.info)
                    self._advisor.warm()  # the model too: the warm-up question may be a stored text
                load_career_data()
                _ = self.library, self.calculators
                started = time.perf_counter()
                self._answer(self._advisor, WARM_UP_QUESTION, [])
                log.info("warm-up answer in %.1f s", time.perf_counter() - started)
            except Exception as e:  # reported to every caller, logged once
                log.exception("could not load the advisor")
                self._load_error = f"The advisor could not start ({type(e).__name__}: {without_paths(str(e))})."
                raise AdvisorUnavailable(self._load_error) from e
            self._warm = True
            self.ready_after_s = round(time.monotonic() - self._created, 1)
            log.info("ready %.1f s after start", self.ready_after_s)

    @property
    def loaded(self) -> bool:
        return self._advisor is not None

    def problem(self) -> str | None:
        """Why this process cannot answer now (None when it can)."""
        if self._load_error:
            return self._load_error
        if self._advisor is None or not self._warm:
            return STARTING
        with self._check_lock:
            return self._advisor.index.problem()

    def ask(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        """Answer one question; raises InvalidQuestion, AdvisorUnavailable or AnswerFailed."""
        problem = self.problem()
        if problem or self._advisor is None:
            raise AdvisorUnavailable(problem or STARTING)
        return self._answer(self._advisor, question, list(history or []))

    def _answer(self, advisor: Advisor, question: str, history: list[Any]) -> Answer:
        with self._ask_lock:
            try:
                return advisor.ask(question, history)
            except InvalidQuestion:
                raise
            except Exception as e:
                with self._check_lock:
                    damaged = advisor.index.problem()
                log.exception("answering failed")
                if damaged:
                    raise AdvisorUnavailable(damaged) from e
                raise AnswerFailed(FAILED) from e

    def browser_secret(self) -> str:
        """The key the page's browser storage is encrypted with: made once, kept in the data
        folder (owner-only), so a conversation kept in the browser survives a server restart
        and every worker process reads it the same."""
        path = self.settings.data_dir / "browser-storage.key"
        with self._lib_lock:
            try:
                return path.read_text(encoding="utf-8").strip()
            except FileNotFoundError:
                pass
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(secrets.token_urlsafe(32))
            try:
                os.link(tmp, path)  # atomic and never replaces: another worker's key wins
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
            return path.read_text(encoding="utf-8").strip()

    # -- documents, calculators ----------------------------------------------------------

    @property
    def library(self) -> Library:
        with self._lib_lock:
            return self._library

    @cached_property
    def _library(self) -> Library:
        return Library(load_corpus(self.settings.corpus_dir))

    @cached_property
    def calculators(self) -> tuple[Calculator, ...]:
        from advisor.calculators.registry import all_calculators

        return tuple(all_calculators())

    def calculator(self, name: str) -> Calculator:
        """The calculator called ``name``; KeyError naming the known ones otherwise."""
        for calc in self.calculators:
            if calc.name == name:
                return calc
        raise KeyError(f"Unknown calculator {name!r}; known: {', '.join(c.name for c in self.calculators)}.")

    def context(self) -> Context:
        return Context(today=self.settings.today or date.today(),
                       pay_period_anchor=self.settings.pay_period_anchor)

    # -- health --------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """Readiness: ``status`` is ok only when a question can be answered now."""
        advisor = self._advisor
        problem = self.problem()
        status = "ok" if not problem else "loading" if problem == STARTING else "error"
        return {
            "status": status,
            "ready": status == "ok",
            "index_loaded": advisor is not None,
            "warm": self._warm,
            "build": advisor.index.path.name if advisor else "",
            "documents": len(advisor.index.documents) if advisor else 0,
            "chunks": len(advisor.index.chunks) if advisor else 0,
            "index_built_at": str(advisor.index.manifest.get("built_at", "")) if advisor else "",
            "ready_after_s": self.ready_after_s,
            "version": package_version(),
            **({"error": problem} if problem else {}),
        }


def package_version() -> str:
    try:
        return version("regs-advisor")
    except PackageNotFoundError:
        return "0+unknown"
