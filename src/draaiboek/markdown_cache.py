"""Markdown of definitions, converted once and kept between builds.

Every question, help text, label and advice of every definition goes through
the site's Markdown extensions; that was most of the time a build spends on
forms, and it is the same work every build. A conversion only depends on
the text and on the Markdown setup (extensions, their settings, the versions
of Python-Markdown and draaiboek), so the results are kept in the build
cache under a hash of that setup. A setup that cannot be written down as
JSON (an extension given as an object, a setting that is a function) is
never cached: nothing could tell whether it changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from draaiboek.atomicfile import write_atomically
from draaiboek.codehash import code_hash

# Python-Markdown and the extension packages a handbook commonly uses.
_VERSIONED = ("markdown", "pymdown-extensions")


class MarkdownCache:
    """Conversions from an earlier build, and those of this one to keep."""

    def __init__(self, path: Path | None, entries: dict[str, str]) -> None:
        self.path = path
        self.entries = entries

    @classmethod
    def open(
        cls,
        cache_dir: Path,
        extensions: Sequence[Any],
        configs: Mapping[str, Any],
    ) -> MarkdownCache:
        """The kept conversions for this Markdown setup (none if it cannot be cached)."""
        key = setup_key(extensions, configs)
        if key is None:
            return cls(None, {})
        path = cache_dir / "markdown" / f"{key}.json"
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        if not isinstance(entries, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
        ):
            entries = {}
        return cls(path, entries)

    def save(self, used: Mapping[str, str]) -> None:
        """Keep this build's conversions (only these: the file never outgrows the site)."""
        if self.path is None or dict(used) == self.entries:
            return
        text = json.dumps(dict(used), ensure_ascii=False, sort_keys=True)
        try:
            write_atomically(self.path, text.encode("utf-8"))
        except OSError:
            return  # a cache that cannot be written: the next build converts again


def setup_key(extensions: Sequence[Any], configs: Mapping[str, Any]) -> str | None:
    """A hash of everything a conversion depends on besides its text, or None."""
    if not all(isinstance(name, str) for name in extensions):
        return None
    versions: dict[str, str | None] = {}
    for package in _VERSIONED:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    try:
        setup = json.dumps(
            [list(extensions), configs, versions, code_hash()],
            sort_keys=True,
            ensure_ascii=False,
        )
    except (TypeError, ValueError):
        return None
    return hashlib.sha256(setup.encode()).hexdigest()[:32]
