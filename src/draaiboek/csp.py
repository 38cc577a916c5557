"""The Content-Security-Policy a built site satisfies, for the web server to send.

The static scan (:mod:`draaiboek.origins`) keeps other origins out of what we
build; this policy makes the browser enforce it too, for whatever the scan
cannot see (a script that builds a URL at run time). Everything comes from the
site itself ('self'); the few inline scripts of the theme and the plugin are
allowed by their hashes, computed from the final HTML after every plugin ran.

Pyodide compiles WebAssembly, hence 'wasm-unsafe-eval' (which allows no
JavaScript eval). Styles allow 'unsafe-inline': the theme sets style
attributes, and a style cannot run code or, with the rest of the policy,
fetch from another host.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

POLICY_FILE = "draaiboek-csp.txt"
NGINX_FILE = "draaiboek-csp.nginx.conf"
APACHE_FILE = "draaiboek-csp.apache.conf"
HEADER = "Content-Security-Policy"

# A script element without src; its type decides whether the browser runs it.
_INLINE_SCRIPT = re.compile(
    r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE
)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Types a browser executes (the HTML standard's JavaScript MIME types and "module").
_SCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "application/x-javascript",
    "text/jscript",
}


def _runs(attrs: str) -> bool:
    if _SRC.search(attrs):
        return False
    match = _TYPE.search(attrs)
    kind = next((g for g in match.groups() if g is not None), "") if match else ""
    return kind.strip().lower().split(";")[0] in _SCRIPT_TYPES


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions (``'sha256-…'``) of every inline script ``html`` runs."""
    hashes: set[str] = set()
    for match in _INLINE_SCRIPT.finditer(html):
        if not _runs(match.group("attrs")):
            continue
        # The browser hashes the text as parsed: line breaks normalised to \n.
        text = match.group("body").replace("\r\n", "\n").replace("\r", "\n")
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def site_policy(site_dir: Path) -> str:
    """The policy for every page of the site (one header for the whole folder)."""
    hashes: set[str] = set()
    for path in sorted(site_dir.rglob("*.html")):
        hashes |= inline_script_hashes(path.read_text(encoding="utf-8", errors="replace"))
    directives = [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(sorted(hashes)),
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
    return "; ".join(directive.strip() for directive in directives)


def write_policy(site_dir: Path) -> str:
    """Write the policy and ready-made server snippets into the site; return the policy."""
    policy = site_policy(site_dir)
    (site_dir / POLICY_FILE).write_text(policy + "\n", encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(
        f"# Na elke bouw opnieuw gemaakt door draaiboek build.\n"
        f'add_header {HEADER} "{policy}" always;\n',
        encoding="utf-8",
    )
    (site_dir / APACHE_FILE).write_text(
        f"# Na elke bouw opnieuw gemaakt door draaiboek build.\n"
        f'Header always set {HEADER} "{policy}"\n',
        encoding="utf-8",
    )
    return policy
