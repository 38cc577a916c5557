"""The checked definitions, kept between builds while nothing they come from changed.

Reading, validating and checking fifteen definitions is a tenth of the
handbook's build, every build, also when `mkdocs serve` rebuilds for a
changed page. The result only depends on the definition files and on
draaiboek's own code, so it is kept on disk under a hash of both and read
back with :mod:`pickle`.

Only a catalog without problems is kept: a wrong definition is read and
reported on every build, with its messages as :func:`load_catalog` gives them.
Anything odd about the files (a folder that cannot be read, a FIFO, a file
too large to hash cheaply) skips the cache, so :func:`load_catalog` meets it.
The cache folder is the user's own, like the compiled templates beside it.
"""

from __future__ import annotations

import hashlib
import pickle
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pydantic

from draaiboek.atomicfile import write_atomically
from draaiboek.codehash import code_hash
from draaiboek.errors import Problem
from draaiboek.loader import Catalog, definition_files, load_catalog

# Larger files are not hashed here: load_catalog refuses them with a message.
_MAX_HASHED_BYTES = 2_000_000


def cached_catalog(paths: Sequence[Path], cache_dir: Path) -> Catalog:
    """:func:`load_catalog` of ``paths``, from ``cache_dir`` when nothing changed."""
    key = _key(paths)
    if key is None:
        return load_catalog(paths)
    target = cache_dir / "catalog" / f"{key}.pickle"
    try:
        catalog = pickle.loads(target.read_bytes())
    except Exception:  # none yet, or damaged (a build stopped while writing): make it anew
        catalog = None
    if isinstance(catalog, Catalog):
        return catalog
    catalog = load_catalog(paths)
    _store(target, catalog)
    return catalog


def _key(paths: Sequence[Path]) -> str | None:
    """A hash of every definition file's path and bytes and of the code; None: do not cache."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{pydantic.VERSION}\0{code_hash()}\0".encode())
    problems: list[Problem] = []
    try:
        files = definition_files(paths, problems)
    except OSError:
        return None
    if problems:
        return None
    for path in [*paths, *files]:
        digest.update(f"{Path(path).resolve()}\0".encode())
    for file in files:
        data = _regular_file_bytes(file)
        if data is None:
            return None
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def _regular_file_bytes(path: Path) -> bytes | None:
    """The bytes of a small regular file; None for anything else (load_catalog explains it)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_HASHED_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _store(target: Path, catalog: Catalog) -> None:
    """Write the catalog for the next build; a cache that cannot be written is no error."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("*.pickle"):
            # One catalog per set of definitions is enough; old ones only take space.
            if old != target and old.stat().st_mtime < time.time() - 3600:
                old.unlink(missing_ok=True)
        write_atomically(target, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return
