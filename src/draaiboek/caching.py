"""Which files of a built handbook a browser may keep, and for how long.

Everything the scorer needs is addressed by content: the runtime folder is
named after Pyodide's version and the scorer's hash, an instrument's JSON
after its own hash, our scripts and stylesheet (``forms.<hash>.js``,
``worker.<hash>.mjs``, see :mod:`draaiboek.browser_assets`) and
mkdocs-material's bundles after theirs. Those never change under the same
address, so a server may let browsers keep them for a year. Everything else
(pages, the search index, the service worker) must be checked with the server
on every visit ("no-cache" means: keep, but ask first), so a new build is
never shown with stale definitions.

``README.md`` and the page "Zelf hosten" give these rules for nginx, Apache
and IIS; ``bench/server.py`` applies them in the benchmarks.
"""

from __future__ import annotations

import re

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# Paths relative to the site root.
_CONTENT_ADDRESSED = re.compile(
    r"^assets/draaiboek/pyodide-[^/]+/"
    r"|^assets/draaiboek/instruments/[^/]+\.[0-9a-f]{10}\.json$"
    r"|^assets/draaiboek/[^/]+\.[0-9a-f]{10}\.(?:m?js|css)$"
    r"|^assets/(?:javascripts|stylesheets)/[^/]+\.[0-9a-f]{8}\.min\.(?:js|css)$"
)

# Types some servers do not know yet; Pyodide needs the first two exactly.
CONTENT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
}


def cache_control(path: str) -> str:
    """The ``Cache-Control`` header for a file at ``path`` (relative to the site root)."""
    return IMMUTABLE if _CONTENT_ADDRESSED.search(path.lstrip("/")) else REVALIDATE
