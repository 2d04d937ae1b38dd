"""What one web process shares between the page and the REST API, each built once.

``Services`` holds the settings, the Advisor (given, or loaded once by ``load_advisor`` --
in a background thread at startup so the page is up at once -- never per request), the
parsed documents, the calculators and the feedback store. It builds nothing when created;
no Gradio and no FastAPI here.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from advisor.calculators.base import Calculator, Context
from advisor.chain import Advisor
from advisor.config import Settings
from advisor.corpus import load_corpus
from advisor.feedback import FeedbackStore
from advisor.models import Answer
from advisor.web.passages import Library

log = logging.getLogger(__name__)


class AdvisorUnavailable(RuntimeError):
    """The advisor could not be loaded; the message says why and what to do."""


class Services:
    """Process-wide state for the web app; safe to share between request threads."""

    def __init__(self, settings: Settings, advisor: Advisor | None = None) -> None:
        self.settings = settings
        self._advisor = advisor
        self._load_error: Exception | None = None
        self._load_lock = threading.Lock()
        self._ask_lock = threading.Lock()  # the model and index answer one question at a time
        self._lib_lock = threading.Lock()
        self.feedback = FeedbackStore(settings.data_dir)

    # -- the advisor ---------------------------------------------------------------------

    def start_loading(self) -> threading.Thread:
        """Load the advisor (and warm the model) in the background; returns the thread."""
        thread = threading.Thread(target=self._load_quietly, name="advisor-loader", daemon=True)
        thread.start()
        return thread

    def _load_quietly(self) -> None:
        try:
            self.advisor()
            self.warm_up()
        except AdvisorUnavailable:
            pass  # recorded; health and requests report it

    @property
    def loaded(self) -> bool:
        return self._advisor is not None

    def advisor(self) -> Advisor:
        """The one Advisor of this process; loads it on first use (building the index if missing)."""
        if self._advisor is not None:
            return self._advisor
        with self._load_lock:
            if self._advisor is None:
                if self._load_error is not None:
                    raise AdvisorUnavailable(str(self._load_error))
                from advisor.factory import load_advisor

                try:
                    self._advisor = load_advisor(self.settings, progress=log.info)
                except Exception as e:  # reported to every caller, logged once
                    log.exception("could not load the advisor")
                    self._load_error = e
                    raise AdvisorUnavailable(
                        f"The advisor could not start ({type(e).__name__}: {e})."
                    ) from e
        return self._advisor

    def warm_up(self) -> None:
        """Load the model and warm every step now rather than on the first visitor's question."""
        self.ask("Can I appeal the grade of my position?")

    def ask(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        """Answer one question; raises InvalidQuestion for bad input, AdvisorUnavailable."""
        advisor = self.advisor()
        with self._ask_lock:
            return advisor.ask(question, list(history or []))

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
        from advisor.calculators.router import all_calculators

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
        advisor = self._advisor
        status = "ok" if advisor else "error" if self._load_error else "loading"
        return {
            "status": status,
            "index_loaded": advisor is not None,
            "documents": len(advisor.index.documents) if advisor else 0,
            "chunks": len(advisor.index.chunks) if advisor else 0,
            "index_built_at": str(advisor.index.manifest.get("built_at", "")) if advisor else "",
            "version": package_version(),
            **({"error": str(self._load_error)} if self._load_error else {}),
        }


def package_version() -> str:
    try:
        return version("regs-advisor")
    except PackageNotFoundError:
        return "0+unknown"
