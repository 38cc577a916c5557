"""A hash of draaiboek's own Python code, for the caches kept between builds.

A cache that outlived an upgrade of draaiboek (or an edit in a checkout)
must not be used: its key includes this hash.
"""

from __future__ import annotations

import hashlib
import importlib
from functools import cache
from pathlib import Path

# This package (loader, models, checker, render …) and the scorer's.
_PACKAGES = ("draaiboek", "draaiboek_scoring")


@cache
def code_hash() -> str:
    """The SHA-256 of every ``.py`` file of both packages (once per process)."""
    digest = hashlib.sha256()
    for package in _PACKAGES:
        root = Path(importlib.import_module(package).__file__ or "").parent
        for file in sorted(root.rglob("*.py")):
            digest.update(f"{package}/{file.relative_to(root).as_posix()}\0".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()
