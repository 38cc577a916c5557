"""Finding references to other origins in a built site.

The handbook promises that opening it never contacts another server. This
module scans built HTML and CSS for anything a browser would fetch on its own
(scripts, stylesheets, fonts, images, frames, media), so the build fails before
such a reference ships. Ordinary links (``<a href>``) are fine: a person
chooses to follow them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes whose URL the browser fetches without anyone clicking.
_FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "source": ("src", "srcset"),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
# <link rel=...> values that make the browser fetch the target.
_FETCHED_LINKS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


@dataclass(frozen=True)
class ForeignReference:
    """One reference to another origin: where it is and what it points at."""

    file: str
    line: int
    what: str
    url: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what} van een andere website: {self.url}"


def is_foreign(url: str) -> bool:
    """True for URLs that leave the site: ``https://…``, ``//host/…``, ``http:…``."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = urlsplit(url).scheme.lower()
    return scheme in ("http", "https", "ftp", "ws", "wss")


class _HtmlScanner(HTMLParser):
    def __init__(self, file: str) -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.found: list[ForeignReference] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        names = list(_FETCHED.get(tag, ()))
        if tag == "link" and _FETCHED_LINKS & set(values.get("rel", "").lower().split()):
            names.append("href")
        for name in names:
            for url in _urls(values.get(name, ""), srcset=name == "srcset"):
                if is_foreign(url):
                    self._add(f"<{tag} {name}>", url)
        if "style" in values:
            self._scan_css(values["style"], f"<{tag} style>")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._scan_css(data, "<style>")

    def _scan_css(self, css: str, what: str) -> None:
        for url in _foreign_css_urls(css):
            self._add(what, url)

    def _add(self, what: str, url: str) -> None:
        self.found.append(ForeignReference(self.file, self.getpos()[0], what, url))


def _urls(value: str, *, srcset: bool) -> list[str]:
    if not value:
        return []
    if srcset:
        return [part.split()[0] for part in value.split(",") if part.strip()]
    return [value]


def scan_html(text: str, file: str) -> list[ForeignReference]:
    scanner = _HtmlScanner(file)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def _foreign_css_urls(css: str) -> list[str]:
    urls = (match.group(1) or match.group(2) for match in _CSS_URL.finditer(css))
    return [url for url in urls if is_foreign(url)]


def scan_css(text: str, file: str) -> list[ForeignReference]:
    return [
        ForeignReference(file, number, "CSS-bron", url)
        for number, line in enumerate(text.splitlines(), start=1)
        for url in _foreign_css_urls(line)
    ]


def scan_site(site_dir: Path) -> list[ForeignReference]:
    """Every reference to another origin in the site's HTML and CSS files."""
    found: list[ForeignReference] = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        found.extend(
            scan_html(text, relative) if path.suffix == ".html" else scan_css(text, relative)
        )
    return found
