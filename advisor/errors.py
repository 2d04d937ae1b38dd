"""The few named errors the advisor raises, each with a message that says what to do."""

from __future__ import annotations

import re

_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s\\/'\"(),:;]+){2,}[\\/]?")


class AdvisorError(Exception):
    """Base of every error the advisor reports to a user."""


class InvalidQuestion(AdvisorError, ValueError):
    """The question is empty, too long or unreadable; the message says what is valid."""


class IndexMissing(AdvisorError):
    """No built index where the settings point."""


class IndexCorrupt(AdvisorError):
    """The index exists but cannot be read or does not match its manifest."""


class CorpusError(AdvisorError, ValueError):
    """A corpus file breaks the format in corpus/FORMAT.md."""


def without_paths(message: str) -> str:
    """``message`` with every absolute file path cut to its last part (for users' eyes)."""
    return _PATH.sub(lambda m: m.group(0).rstrip("/\\").rsplit("/", 1)[-1].rsplit("\\", 1)[-1], message)
