"""Readers' feedback on answers, kept in SQLite under ``ADVISOR_DATA_DIR`` and exported as CSV.

The database (``feedback.sqlite3``) is created on the first write, owner-only (0600) in an
owner-only folder, in WAL mode. Every write opens its own connection under a process lock,
with a busy timeout for writers in other processes, so concurrent submissions are never
lost. The CSV export is formula-safe (a cell starting ``=``, ``+``, ``-``, ``@`` is prefixed with
``'``). This module stores and exports; it does not judge, aggregate or display feedback.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

FILENAME = "feedback.sqlite3"
BUSY_TIMEOUT_MS = 30_000
COLUMNS = ("id", "time", "question", "answer", "citations", "writer", "rating", "comment",
           "wrong_citation", "answer_id")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    writer TEXT NOT NULL,
    rating TEXT,
    comment TEXT NOT NULL,
    wrong_citation INTEGER NOT NULL,
    answer_id TEXT NOT NULL DEFAULT ''
)
"""
# Databases made before answers had ids get the column (empty for their old rows).
_ADD_ANSWER_ID = "ALTER TABLE feedback ADD COLUMN answer_id TEXT NOT NULL DEFAULT ''"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def formula_safe(value: Any) -> Any:
    """A text cell a spreadsheet would take for a formula, prefixed with ``'`` (OWASP's advice)."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


class FeedbackIn(BaseModel):
    """One reader's verdict on one answer: a rating, a comment and/or a wrong-citation flag."""

    answer_id: str = Field(default="", max_length=64, pattern=r"^[\w-]*$",
                           description="The id of the answer rated (the web page gives each answer one).")
    question: str = Field(max_length=4000, description="The question that was answered.")
    answer: str = Field(default="", max_length=50_000, description="The answer text shown.")
    citations: list[dict[str, Any] | str] = Field(
        default_factory=list, max_length=50,
        description="The answer's citations (Citation JSON objects or pin-cites).",
    )
    writer: str = Field(default="", max_length=40, description="Which writer produced the answer.")
    rating: Literal["up", "down"] | None = Field(default=None, description="Thumbs up or down.")
    comment: str = Field(default="", max_length=2000, description="Optional free text.")
    wrong_citation: bool = Field(default=False, description="The reader says a citation is wrong.")

    @model_validator(mode="after")
    def _says_something(self) -> FeedbackIn:
        if self.rating is None and not self.comment.strip() and not self.wrong_citation:
            raise ValueError("Give a rating (up or down), a comment or the wrong-citation flag.")
        return self


class FeedbackStore:
    """The feedback table of one data folder; safe to share between threads."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILENAME
        self._lock = threading.Lock()
        self._init_lock = threading.Lock()
        self._ready = False

    def add(self, item: FeedbackIn) -> int:
        """Store one submission; returns its row id."""
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"), item.answer_id,
            item.question, item.answer, json.dumps(item.citations, ensure_ascii=False),
            item.writer, item.rating, item.comment.strip(), int(item.wrong_citation),
        )
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (time, answer_id, question, answer, citations, writer, rating,"
                " comment, wrong_citation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row,
            )
            return int(cur.lastrowid or 0)

    def count(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    def rows(self) -> list[dict[str, Any]]:
        """Every submission, oldest first, as plain dicts (citations still JSON text)."""
        if not self.path.exists():
            return []
        with self._connect() as db:
            cur = db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")
            return [dict(zip(COLUMNS, r, strict=True)) for r in cur.fetchall()]

    def export_csv(self, out: Path) -> int:
        """Write every submission to ``out`` as CSV with a header; returns the row count.

        Text cells are formula-safe (``formula_safe``): a spreadsheet opening the file shows
        what readers typed and never runs it.
        """
        rows = self.rows()
        with Path(out).open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows({k: formula_safe(v) for k, v in row.items()} for row in rows)
        return len(rows)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self._create()
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            with db:  # commits, or rolls back on error
                yield db
        finally:
            db.close()

    def _create(self) -> None:
        if self._ready:
            return
        with self._init_lock:
            if not self._ready:
                self._create_file()
                self._ready = True

    def _create_file(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Create the file ourselves so it is owner-only from the first byte; SQLite gives the
        # -wal and -shm files the same permissions as the database.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(self.path, 0o600)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _use_wal(db)
            db.execute(_SCHEMA)
            if "answer_id" not in {r[1] for r in db.execute("PRAGMA table_info(feedback)")}:
                db.execute(_ADD_ANSWER_ID)
            db.commit()
        finally:
            db.close()


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch the file to write-ahead logging. Another store (another worker) may be creating or
    writing the same file at that moment: SQLite then answers "database is locked" at once,
    without waiting out the busy timeout, so the switch is tried again for up to that timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)
