"""Build, open, check and swap the search index: Chroma vectors, a bm25s keyword index and
the precomputed vectors of every sentence an answer may compare with a question.

Layout under ``Settings.index_dir``::

    CURRENT                 name of the live build (replaced atomically with os.replace)
    builds/<name>/          chroma/ (persistent Chroma), bm25/, chunks.jsonl, vectors.npz
                            (texts -> vectors, ``advisor/vectors.py``), manifest.json
    cache/embeddings.npz    vectors by chunk content hash (so unchanged chunks are not re-embedded)

A build is written beside the live one and only becomes live when complete, so an
interrupted or failed build never replaces a good index; once complete it is never written
again: ``open_index`` serves a private copy of its Chroma store (``index_live``), so the index
may be mounted read-only. Messages name builds, never file paths. Searching lives in
retrieval.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import time
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from advisor.chunking import Chunk, chunk_documents
from advisor.config import Settings
from advisor.corpus import load_corpus
from advisor.embeddings import MODEL_NAME, ChromaEmbedding, Embedder, shared_embedder
from advisor.errors import IndexCorrupt, IndexMissing, without_paths
from advisor.index_live import Fingerprint, private_copy, remove_private_copy
from advisor.keywords import KeywordIndex
from advisor.precompute import texts_to_embed
from advisor.vectors import FILENAME as VECTORS
from advisor.vectors import CachedEncoder, TextVectors, embed_texts, text_hash

log = logging.getLogger(__name__)

COLLECTION = "advisor_chunks"
FORMAT_VERSION = 3  # 2: vectors.npz, the precomputed sentence vectors; 3: keyword stems (keywords._SPLIT_STEMS)
REBUILD_HINT = "Run `advisor index --rebuild` to build it again."

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    build: str
    chunks: int
    embedded: int
    reused: int
    removed: int
    seconds: float
    changed: bool
    texts: int = 0  # distinct texts with a precomputed vector
    texts_embedded: int = 0  # of which the model embedded now (the others were known)


@dataclass
class OpenIndex:
    """A live, checked index: the chunks, the Chroma collection, the keyword index and the
    precomputed text vectors; ``embed`` gives any text's vector (a lookup when precomputed)."""

    path: Path
    chunks: list[Chunk]
    collection: Any
    keywords: KeywordIndex
    manifest: dict
    embedder: Embedder
    fingerprint: Fingerprint | None = None  # the files as opened (local store only)
    vectors: TextVectors = field(default_factory=TextVectors.empty)
    embed: CachedEncoder = field(init=False)

    def __post_init__(self) -> None:
        self.embed = CachedEncoder(self.vectors, self.embedder.encode)

    def problem(self) -> str | None:
        """None while the build and its private copy are as opened; else what is wrong."""
        return self.fingerprint.problem() if self.fingerprint else None

    @property
    def by_id(self) -> dict[str, Chunk]:
        return {c.chunk_id: c for c in self.chunks}

    @property
    def documents(self) -> list[str]:
        return sorted({c.doc_id for c in self.chunks})


def chroma_client(path: Path | None, settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1", port=url.port or 8000, ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    assert path is not None
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _connect(path: Path, settings: Settings) -> Any:
    """The Chroma client; an unreachable server is named as such (rebuilding would not help)."""
    try:
        return chroma_client(path, settings)
    except Exception as e:
        if not settings.chroma_url:
            raise
        raise IndexCorrupt(f"Cannot reach the Chroma server at {settings.chroma_url} ({e}). Start it, "
                           "or unset ADVISOR_CHROMA_URL to use the local index.") from e


def _current_build(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    name = pointer.read_bytes().decode("utf-8", "replace").strip()
    if name and not re.fullmatch(r"[\w-]+", name):  # damaged: never follow it out of builds/
        name = "(unreadable CURRENT pointer)"
    return index_dir / "builds" / name if name else None


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(f.relative_to(path).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def build_index(
    settings: Settings, *, rebuild: bool = False, embedder: Embedder | None = None,
    progress: Progress = lambda _msg: None,
) -> BuildReport:
    """Build (or incrementally refresh) the index and make it live atomically.

    Builds of one index folder run one at a time (a lock file), so the sweeps below never
    remove the build another process is about to make live.
    """
    index_dir = settings.index_dir
    (index_dir / "builds").mkdir(parents=True, exist_ok=True)
    (index_dir / "cache").mkdir(exist_ok=True)
    with (index_dir / ".build.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build_locked(settings, rebuild, embedder, progress)


def _build_locked(settings: Settings, rebuild: bool, embedder: Embedder | None,
                  progress: Progress) -> BuildReport:
    t0 = time.perf_counter()
    index_dir = settings.index_dir
    _sweep_partial(index_dir, settings)
    _sweep_orphans(index_dir, settings)

    chunks = chunk_documents(load_corpus(settings.corpus_dir))
    progress(f"Parsed corpus: {len(chunks)} chunks.")
    current = _current_build(index_dir)
    previous = _read_manifest(current) if current and not rebuild else None
    hashes = {c.chunk_id: c.content_hash for c in chunks}
    items = texts_to_embed(settings.corpus_dir, chunks)
    texts = _texts_digest(items)
    if (previous and previous.get("hashes") == hashes and previous.get("texts") == texts
            and _healthy(current, settings, embedder)):
        return BuildReport(current.name, len(chunks), 0, len(chunks), 0, time.perf_counter() - t0, False,
                           int(previous.get("vectors", 0)))

    cache = {} if rebuild else _load_cache(index_dir)
    todo = [c for c in chunks if c.content_hash not in cache]
    progress(f"Embedding {len(todo)} new or changed chunks ({len(chunks) - len(todo)} unchanged).")
    embedder = embedder or shared_embedder()
    if todo:
        vectors = embedder.encode([c.embed_text for c in todo], progress=False)
        for c, v in zip(todo, vectors):
            cache[c.content_hash] = v
    removed = len(set(previous.get("hashes") or {}) - set(hashes)) if previous else 0
    known = {} if rebuild else _known_vectors(current)
    known.update({text_hash(c.embed_text): cache[c.content_hash] for c in chunks})
    store, texts_embedded = embed_texts(items, lambda batch: embedder.encode(batch, progress=False), known)
    progress(f"Precomputed vectors of {len(store)} sentences and other texts ({texts_embedded} embedded now).")

    # unique per build: Chroma caches clients by path, so a path is never reused
    name = time.strftime("%Y%m%d-%H%M%S") + f"-{uuid.uuid4().hex[:8]}"
    tmp = index_dir / "builds" / f".partial-{name}"
    tmp.mkdir()
    progress("Writing the vector store and keyword index.")
    _write_build(tmp, chunks, cache, settings, embedder, name)
    _write_vectors(tmp, store, texts)  # last: a build without its vectors never opens
    final = index_dir / "builds" / name
    tmp.rename(final)
    _save_cache(index_dir, {c.content_hash: cache[c.content_hash] for c in chunks})
    pointer_tmp = index_dir / f".CURRENT.{os.getpid()}"
    pointer_tmp.write_text(name)
    os.replace(pointer_tmp, index_dir / "CURRENT")
    _prune(index_dir, keep={name, current.name if current else ""}, settings=settings)
    progress(f"Index {name} is live.")
    return BuildReport(name, len(chunks), len(todo), len(chunks) - len(todo), removed,
                       time.perf_counter() - t0, True, len(store), texts_embedded)


def _texts_digest(items: list[tuple[str, str]]) -> str:
    """One hash over every precomputed item's id and text: a change means a new build."""
    h = hashlib.sha256()
    for item_id, text in items:
        h.update(f"{item_id}\x00{text_hash(text)}\n".encode())
    return h.hexdigest()


def _known_vectors(build: Path | None) -> dict:
    """The live build's text vectors by hash (reused, not re-embedded); {} when unreadable."""
    if build is None:
        return {}
    try:
        return TextVectors.load(build / VECTORS).known()
    except (OSError, ValueError):
        return {}


def _write_vectors(path: Path, store: TextVectors, texts: str) -> None:
    """Save the text vectors in a finished build and record them in its manifest."""
    store.save(path / VECTORS)
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["files"][VECTORS] = _file_hash_one(path / VECTORS)
    manifest.update(texts=texts, vectors=len(store))
    (path / "manifest.json").write_text(json.dumps(manifest, indent=1))


def _write_build(path: Path, chunks: list[Chunk], cache: dict, settings: Settings,
                 embedder: Embedder, name: str) -> None:
    with (path / "chunks.jsonl").open("w", encoding="utf-8") as f:
        for c in chunks:
            f.write(c.model_dump_json() + "\n")
    KeywordIndex.build([c.embed_text for c in chunks]).save(path / "bm25")
    client = chroma_client(path / "chroma", settings)
    coll_name = _collection_name(name, settings)
    coll = client.get_or_create_collection(
        coll_name, embedding_function=ChromaEmbedding(embedder), metadata={"hnsw:space": "cosine"}
    )
    for i in range(0, len(chunks), 256):
        batch = chunks[i : i + 256]
        coll.add(
            ids=[c.chunk_id for c in batch],
            embeddings=[cache[c.content_hash].tolist() for c in batch],
            documents=[c.text for c in batch],
            metadatas=[{"doc_id": c.doc_id, "source": c.source, "section": c.section_id,
                        "title": c.title, "date": c.date, "status": c.status} for c in batch],
        )
    manifest = {
        "format": FORMAT_VERSION, "model": MODEL_NAME, "collection": coll_name,
        "count": len(chunks), "hashes": {c.chunk_id: c.content_hash for c in chunks},
        "files": {"chunks.jsonl": _file_hash_one(path / "chunks.jsonl"), "bm25": _file_hash(path / "bm25")},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    (path / "manifest.json").write_text(json.dumps(manifest, indent=1))


def _collection_name(build: str, settings: Settings) -> str:
    # one Chroma server serves every build (and maybe other machines): a name per build
    return COLLECTION if not settings.chroma_url else f"{COLLECTION}_{build.replace('-', '_')}"


def _file_hash_one(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_index(settings: Settings, embedder: Embedder | None = None) -> OpenIndex:
    """Open and check the live index without writing to it; IndexMissing or IndexCorrupt say the fix.

    A local store is served from a private copy (``index_live.private_copy``), removed when
    the returned index is garbage-collected or the process exits.
    """
    current = _current_build(settings.index_dir)
    if current is None:
        raise IndexMissing("No index has been built in ADVISOR_INDEX_DIR yet. Run `advisor index` to build it.")
    name = current.name
    if not current.is_dir():
        raise IndexCorrupt(f"The live index build {name} is missing. {REBUILD_HINT}")
    manifest = _read_manifest(current)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise IndexCorrupt(f"The manifest of index build {name} is unreadable or outdated. {REBUILD_HINT}")
    copy: Path | None = None
    try:
        if _file_hash_one(current / "chunks.jsonl") != manifest["files"]["chunks.jsonl"]:
            raise IndexCorrupt(f"chunks.jsonl of index build {name} does not match its checksum. {REBUILD_HINT}")
        if _file_hash(current / "bm25") != manifest["files"]["bm25"]:
            raise IndexCorrupt(f"The keyword index of build {name} does not match its checksum. {REBUILD_HINT}")
        chunks = [Chunk.model_validate_json(line) for line in
                  (current / "chunks.jsonl").read_text(encoding="utf-8").splitlines() if line]
        keywords = KeywordIndex.load(current / "bm25")
        if _file_hash_one(current / VECTORS) != manifest["files"][VECTORS]:
            raise IndexCorrupt(f"The precomputed vectors of build {name} do not match their checksum. "
                               f"{REBUILD_HINT}")
        vectors = TextVectors.load(current / VECTORS)
        if len(vectors) != manifest.get("vectors"):
            raise IndexCorrupt(f"The precomputed vectors of build {name} hold {len(vectors)} texts; expected "
                               f"{manifest.get('vectors')}. {REBUILD_HINT}")
        embedder = embedder or shared_embedder()
        if not settings.chroma_url:
            if not (current / "chroma" / "chroma.sqlite3").is_file():
                raise IndexCorrupt(f"The vector store of index build {name} is missing. {REBUILD_HINT}")
            copy = private_copy(current / "chroma")
            _check_sqlite(copy / "chroma.sqlite3", name)
        client = _connect(copy or current / "chroma", settings)
        coll = client.get_collection(manifest["collection"], embedding_function=ChromaEmbedding(embedder))
        count = coll.count()
        if chunks:  # read one vector back and search with it: damage can hide until a query
            probe = coll.get(ids=[chunks[0].chunk_id], include=["embeddings"])["embeddings"]
            coll.query(query_embeddings=[list(probe[0])], n_results=1, include=["distances"])
        if count != manifest.get("count") or len(chunks) != manifest.get("count"):
            raise IndexCorrupt(f"Index build {name} holds {count} vectors for {len(chunks)} chunks; "
                               f"expected {manifest.get('count')}. {REBUILD_HINT}")
        fingerprint = Fingerprint(current, copy) if copy is not None else None
    except (KeyboardInterrupt, SystemExit):
        _discard(copy)
        raise
    except IndexCorrupt:
        _discard(copy)
        raise
    except BaseException as e:  # any failure to read a part of the index means it is damaged
        # (BaseException: Chroma's Rust core reports some damage as a pyo3 PanicException)
        _discard(copy)
        raise IndexCorrupt(f"Index build {name} cannot be read ({type(e).__name__}: "
                           f"{without_paths(str(e))}). {REBUILD_HINT}") from e
    index = OpenIndex(current, chunks, coll, keywords, manifest, embedder, fingerprint, vectors)
    if copy is not None:
        weakref.finalize(index, remove_private_copy, copy)
    return index


def _discard(copy: Path | None) -> None:
    if copy is not None:
        remove_private_copy(copy)


def _healthy(path: Path | None, settings: Settings, embedder: Embedder | None = None) -> bool:
    """Whether the live build at ``path`` passes every check ``open_index`` makes."""
    if path is None:
        return False
    try:
        return open_index(settings, embedder).path == path
    except (IndexCorrupt, IndexMissing):
        return False


def _check_sqlite(db: Path, build: str) -> None:
    """SQLite's own page check: Chroma opens some damaged files and fails only on a query."""
    if not db.is_file():
        raise IndexCorrupt(f"The vector store of index build {build} is missing. {REBUILD_HINT}")
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise IndexCorrupt(f"The vector store of index build {build} is damaged ({e}). {REBUILD_HINT}") from e
    if result != [("ok",)]:
        raise IndexCorrupt(f"The vector store of index build {build} is damaged "
                           f"({without_paths(str(result[0][0]))}). {REBUILD_HINT}")


def _read_manifest(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        manifest = json.loads((path / "manifest.json").read_text())
    except (OSError, ValueError, RecursionError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _load_cache(index_dir: Path) -> dict[str, np.ndarray]:
    path = index_dir / "cache" / "embeddings.npz"
    try:
        with np.load(path) as data:
            return {k[1:]: data[k] for k in data.files}  # keys are "h" + hash
    except (OSError, ValueError, EOFError):
        return {}  # a damaged cache only costs re-embedding


def _save_cache(index_dir: Path, cache: dict[str, np.ndarray]) -> None:
    tmp = index_dir / "cache" / f".embeddings.{os.getpid()}.npz"
    np.savez(tmp, **{f"h{k}": v for k, v in cache.items()})
    os.replace(tmp, index_dir / "cache" / "embeddings.npz")


def _sweep_partial(index_dir: Path, settings: Settings) -> None:
    """Remove what an interrupted build left behind (and its collection on a Chroma server)."""
    for p in (index_dir / "builds").glob(".partial-*"):
        if _drop_collection(p.name.removeprefix(".partial-"), settings):
            shutil.rmtree(p, ignore_errors=True)
    for p in [*index_dir.glob(".CURRENT.*"), *(index_dir / "cache").glob(".embeddings.*.npz")]:
        p.unlink(missing_ok=True)


def _sweep_orphans(index_dir: Path, settings: Settings) -> None:
    """Remove complete builds newer than the live one: a build killed after its folder's
    rename but before the CURRENT swap never became live, and nothing serves it."""
    current = _current_build(index_dir)
    if current is None or not current.is_dir():
        return  # nothing is live: a later good build's prune keeps what it must
    for p in (index_dir / "builds").iterdir():
        if p.is_dir() and not p.name.startswith(".") and p.name > current.name \
                and _drop_collection(p.name, settings):
            log.info("removing build %s, which never became live", p.name)
            shutil.rmtree(p, ignore_errors=True)


def _prune(index_dir: Path, keep: set[str], settings: Settings) -> None:
    """Keep the live build and the one before it (a process may still be serving it)."""
    for p in (index_dir / "builds").iterdir():
        if p.name not in keep and not p.name.startswith(".partial-") and _drop_collection(p.name, settings):
            shutil.rmtree(p, ignore_errors=True)


def _drop_collection(build: str, settings: Settings) -> bool:
    """Delete a build's collection on the Chroma server (only builds this index dir made).

    False when the server could not do it: the build's folder then stays, so the next build
    tries again. Locally there is nothing to do: the vectors live in the build's folder.
    """
    if not settings.chroma_url:
        return True
    from chromadb.errors import NotFoundError

    try:
        chroma_client(None, settings).delete_collection(_collection_name(build, settings))
    except NotFoundError:
        pass  # already gone
    except Exception as e:  # noqa: BLE001  (the server is away: retried by the next build)
        log.warning("could not delete the collection of build %s on %s: %s", build, settings.chroma_url, e)
        return False
    return True
