"""What every writer receives and must return; no writing logic here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from advisor.models import Answer, Calculation, Intent
from advisor.retrieval import Hit


@dataclass
class WriteRequest:
    question: str  # as the user typed it (cleaned)
    query: str  # standalone query used for retrieval
    hits: list[Hit]
    calculations: list[Calculation]
    embed: Callable[[list[str]], np.ndarray]
    documents: dict[str, dict] = field(default_factory=dict)  # doc_id -> front matter
    history: list[str] = field(default_factory=list)
    intent: Intent | None = None  # what the intake understood
    entries: list[Any] = field(default_factory=list)  # rule-book entries matched, best first
    rulebook: Any = None  # the whole rule book (exceptions, abbreviations)


class Writer(Protocol):
    name: str

    def write(self, request: WriteRequest) -> Answer: ...
