"""The service worker that keeps a built handbook available offline.

After the build, every file in the site is listed with a hash of its content
(what is in the site decides what is kept: the runtime's folder name and
files are never spelled out here). The list goes into the service worker, so
each build gets a worker with different bytes, which is how browsers notice
an update. The worker's logic is ``assets/offline.js``; the page side (the
registration, the update banner, ``navigator.storage.persist()``) is
``assets/offline-register.js``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SERVICE_WORKER = "service-worker.js"
REGISTER_SCRIPT = "offline-register.js"
_TEMPLATE = Path(__file__).parent / "assets" / "offline.js"
# Characters of a file's SHA-256 the worker compares (64 bits: enough to tell
# two builds of a file apart, short enough to keep the worker small).
HASH_LENGTH = 16
# Not part of the handbook a counsellor reads: the worker itself, the
# gzipped sitemap (no browser asks for it) and what a release zip adds.
_LEFT_OUT = {SERVICE_WORKER, "sitemap.xml.gz"}


def site_files(site_dir: Path) -> list[tuple[str, str]]:
    """Every file of the built site as ``(path relative to the root, hash)``, sorted."""
    files: list[tuple[str, str]] = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative in _LEFT_OUT:
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]
        files.append((relative, digest))
    return files


def service_worker(files: list[tuple[str, str]], site_id: str) -> str:
    """The service worker for a site with these files; ``site_id`` keeps two handbooks apart."""
    listing = json.dumps([list(entry) for entry in files], separators=(",", ":"))
    version = hashlib.sha256(listing.encode()).hexdigest()[:HASH_LENGTH]
    source = _TEMPLATE.read_text(encoding="utf-8")
    for placeholder in ("__VERSION__", "__FILES__", "__PREFIX__"):
        if source.count(placeholder) != 1:
            raise ValueError(f"{_TEMPLATE.name} noemt '{placeholder}' niet precies één keer")
    return (
        source.replace("__FILES__", listing)
        .replace("__VERSION__", version)
        .replace("__PREFIX__", f"draaiboek-{site_id}-")
    )


def write_service_worker(site_dir: Path, site_id: str) -> Path:
    """Write ``service-worker.js`` at the root of the built site; return its path."""
    target = site_dir / SERVICE_WORKER
    target.write_text(service_worker(site_files(site_dir), site_id), encoding="utf-8")
    return target
