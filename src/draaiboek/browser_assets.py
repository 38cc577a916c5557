"""The site's own browser files under names that change with their content.

``forms.js``, ``worker.mjs``, ``draaiboek.css`` and the other scripts are
written as ``forms.<hash>.js`` and so on, so a server may let browsers keep
them for good (:mod:`draaiboek.caching`): a second visit then asks the server
for nothing but the page. Without this, every visit revalidated ``forms.js``
and ``worker.mjs`` before the scorer could start — a round trip each, and one
that a slow link makes long.

Files name each other, so the order matters: ``worker.mjs`` names the runtime
folder (already content-addressed) and comes first; ``forms.js`` names the
worker and the QR decoder, and gets their final names written into its table
of asset names (see ``base.js``) before its own hash is taken.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

# Characters of the SHA-256 in a file name: as the instruments' JSON files.
HASH_CHARS = 10
# What forms.js (from base.js) says before the build fills in the final names;
# the bundler writes the declaration as `var`, the module as `const`.
NAMES_MARKER = "ASSET_NAMES = {};"


class AssetError(Exception):
    """A browser file does not have the shape the build relies on."""


@dataclass(frozen=True)
class BrowserAsset:
    """One browser file: its name in the sources, its name in the site, its bytes."""

    source_name: str
    name: str
    content: bytes


def addressed_name(source_name: str, content: bytes) -> str:
    """``forms.js`` → ``forms.<first 10 hex of SHA-256>.js``."""
    stem, dot, suffix = source_name.rpartition(".")
    if not dot or not stem:
        raise AssetError(f"'{source_name}' heeft geen extensie")
    digest = hashlib.sha256(content).hexdigest()[:HASH_CHARS]
    return f"{stem}.{digest}.{suffix}"


def address(source_name: str, content: bytes) -> BrowserAsset:
    return BrowserAsset(source_name, addressed_name(source_name, content), content)


def with_names(script: str, names: dict[str, str], *, source_name: str = "forms.js") -> str:
    """``script`` with its asset-name table filled in with ``names``.

    The table must appear exactly once: a bundler that renamed or dropped it
    would otherwise leave a site whose forms look for files that are not there.
    """
    found = script.count(NAMES_MARKER)
    if found != 1:
        raise AssetError(
            f"{source_name} bevat '{NAMES_MARKER}' {found} keer in plaats van één keer; "
            "voer 'make bundle' uit"
        )
    table = json.dumps(names, separators=(",", ":"), sort_keys=True)
    return script.replace(NAMES_MARKER, f"ASSET_NAMES = {table};")
