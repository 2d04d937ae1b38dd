"""Slow password guessing down: count failed logins per client and per user, then lock out briefly.

``LoginThrottle`` keeps each failure (when, and for which key: ``client:<address>`` and
``user:<name>``) in SQLite, ``ADVISOR_DATA_DIR/logins.sqlite3`` (owner-only, WAL), so every
worker of one machine sees the same count. A key with ``limit`` failures inside ``window_s``
is locked for ``lockout_s`` after its latest failure: every login on it is refused, the right
password too, and refusals are not counted (so a lockout ends). A success clears the user's
and the client's failures. It counts and answers; checking passwords is ``auth.check``'s.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

FILENAME = "logins.sqlite3"


@dataclass(frozen=True)
class Limits:
    """How many failures within how long lock a client or a user out, and for how long."""

    per_client: int = 10
    per_user: int = 5
    window_s: float = 300.0
    lockout_s: float = 60.0


class LoginThrottle:
    """Failed-login counts shared by the workers using one data folder."""

    def __init__(self, data_dir: Path, limits: Limits | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / FILENAME
        self.limits = limits or Limits()
        self.clock = clock
        self._ready = False

    def locked_for(self, client: str, user: str) -> float:
        """Seconds until a login from ``client`` as ``user`` may be tried again (0: now)."""
        now = self.clock()
        waits = [0.0]
        with self._connect() as db:
            for key, limit in self._keys(client, user):
                count, last = db.execute("SELECT COUNT(*), MAX(at) FROM failures WHERE key = ? AND at > ?",
                                         (key, now - self.limits.window_s)).fetchone()
                if count >= limit:
                    waits.append(last + self.limits.lockout_s - now)
        return max(waits)

    def failed(self, client: str, user: str) -> None:
        now = self.clock()
        with self._connect() as db:
            db.execute("DELETE FROM failures WHERE at <= ?", (now - self.limits.window_s,))
            db.executemany("INSERT INTO failures (key, at) VALUES (?, ?)",
                           [(key, now) for key, _ in self._keys(client, user)])

    def succeeded(self, client: str, user: str) -> None:
        with self._connect() as db:
            db.executemany("DELETE FROM failures WHERE key = ?", [(k,) for k, _ in self._keys(client, user)])

    def _keys(self, client: str, user: str) -> list[tuple[str, int]]:
        return [(f"client:{client}", self.limits.per_client),
                (f"user:{user.strip().lower()}", self.limits.per_user)]

    def _connect(self) -> closing[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        if not self._ready:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("CREATE TABLE IF NOT EXISTS failures (key TEXT NOT NULL, at REAL NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS failures_key_at ON failures (key, at)")
            self._ready = True
        return closing(db)  # autocommit: each statement is its own transaction
