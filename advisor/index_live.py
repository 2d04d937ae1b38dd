"""Serve a built index without writing to it, and notice when it changes under a running server.

Chroma cannot open a persistent store read-only: every ``PersistentClient`` opens its SQLite
file read-write and rewrites the HNSW files' ``length.bin`` (chroma-core/chroma#1438 asks for a
read-only client). So ``private_copy`` copies a build's ``chroma/`` folder (a few MB) into a
temporary folder of this process, and the copy is what Chroma opens: the build itself is
never written after it was made, and it may sit on a read-only mount.

A copy is removed when its index is garbage-collected or the process exits, and a copy
whose process died without cleaning up is removed by the next ``private_copy``.

``Fingerprint`` records every file of the build (and of the private copy) when it is opened:
size, modification time, inode and SHA-256. ``Fingerprint.problem()`` re-reads only files
whose ``stat`` changed and says, without file paths, what is wrong: a file gone, or changed.
It checks; it does not repair, reopen or rebuild anything.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REBUILD_THEN_RESTART = "Run `advisor index --rebuild`, then restart the server."


def private_copy(chroma_dir: Path) -> Path:
    """A copy of ``chroma_dir`` in a new owner-only temporary folder; returns the copy's path.

    Copies left by processes that are gone (killed before they could clean up) are removed
    first; the folder's name carries the owner's process id for that.
    """
    _sweep_dead_copies()
    folder = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-"))  # 0700 by mkdtemp
    target = folder / "chroma"
    shutil.copytree(chroma_dir, target)
    return target


_PREFIX = "advisor-chroma-"


def _sweep_dead_copies() -> None:
    for folder in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*-*"):
        pid = folder.name.removeprefix(_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            pass  # alive, another user's


def remove_private_copy(copy: Path) -> None:
    shutil.rmtree(copy.parent, ignore_errors=True)


def _stat_key(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class _Tree:
    root: Path
    label: str  # how a message names it: never a path
    files: dict[str, tuple[tuple[int, int, int], str]] = field(default_factory=dict)


class Fingerprint:
    """What a build's files were when it was opened, to compare with what they are now."""

    def __init__(self, build: Path, copy: Path | None = None) -> None:
        self.build_name = build.name
        self._trees = [_Tree(build, f"the index build {build.name}")]
        if copy is not None:
            self._trees.append(_Tree(copy, "this server's private copy of the vector store"))
        for tree in self._trees:
            for f in sorted(p for p in tree.root.rglob("*") if p.is_file()):
                rel = f.relative_to(tree.root).as_posix()
                tree.files[rel] = (_stat_key(f.stat()), _sha256(f))

    def problem(self) -> str | None:
        """None while every file is as it was at open; else what changed, and the fix."""
        for tree in self._trees:
            if not tree.root.is_dir():
                return f"{tree.label.capitalize()} is gone. {self._fix(tree)}"
            for rel, (key, digest) in tree.files.items():
                path = tree.root / rel
                try:
                    now = _stat_key(path.stat())
                    if now == key:
                        continue
                    if _sha256(path) != digest:
                        return f"{tree.label.capitalize()} is damaged: {rel} has changed. {self._fix(tree)}"
                except OSError:
                    return f"{tree.label.capitalize()} is damaged: {rel} is missing. {self._fix(tree)}"
                tree.files[rel] = (now, digest)  # touched, same bytes
        return None

    def _fix(self, tree: _Tree) -> str:
        return "Restart the server." if tree is not self._trees[0] else REBUILD_THEN_RESTART
