"""Finding references to other origins in a built site.

The handbook promises that opening it never contacts another server. This
module scans built HTML and CSS for anything a browser would fetch on its own
(scripts, stylesheets, fonts, images, frames, media), so the build fails before
such a reference ships. Ordinary links (``<a href>``) are fine: a person
chooses to follow them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
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


# A start tag that can make the browser fetch something, with its attributes;
# quoted values may contain ">". Other tags only matter for a style attribute.
_ATTRS = r"""(?P<attrs>(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"""
_TAG = re.compile(
    r"<(?P<tag>" + "|".join([*_FETCHED, "link"]) + r")(?![a-zA-Z0-9:-])" + _ATTRS,
    re.IGNORECASE,
)
_FETCH_ATTRIBUTE = re.compile(r"(?:src|srcset|href|data|poster)\s*=", re.IGNORECASE)
_STYLED_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9:-]*)" + _ATTRS)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
# What a browser never fetches from: comments, and the text of scripts (a
# string "<img src=…>" in JavaScript is not a tag).
_INERT = re.compile(
    r"<!--.*?-->|(?P<open><script\b[^>]*>).*?(?=</script\s*>)", re.DOTALL | re.IGNORECASE
)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(?P<css>.*?)</style\s*>", re.DOTALL | re.IGNORECASE)


def _urls(value: str, *, srcset: bool) -> list[str]:
    if not value:
        return []
    if srcset:
        return [part.split()[0] for part in value.split(",") if part.strip()]
    return [value]


def _blank_keeping_offsets(match: re.Match[str]) -> str:
    """Blank out inert text (a script keeps its start tag); offsets and lines stay put."""
    kept = match.group("open") or ""
    return kept + re.sub(r"[^\n]", " ", match.group(0)[len(kept) :])


def _attributes(attrs: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for attr in _ATTR.finditer(attrs):
        raw = next((v for v in attr.group(2, 3, 4) if v is not None), "")
        values.setdefault(attr.group(1).lower(), html.unescape(raw))
    return values


def scan_html(text: str, file: str) -> list[ForeignReference]:
    """Every fetched URL in ``text`` that points at another origin.

    A regular-expression scan of the start tags, not a full HTML parse: this
    runs over every page of every build, and only tags and style text matter.
    Character references in attribute values are decoded first, as a browser
    would, so ``https&#58;//`` does not slip through.
    """
    text = _INERT.sub(_blank_keeping_offsets, text)
    found: list[ForeignReference] = []

    def add(position: int, what: str, url: str) -> None:
        # Rare (a build with a finding stops), so the line is counted only then.
        found.append(ForeignReference(file, text.count("\n", 0, position) + 1, what, url))

    for tag_match in _TAG.finditer(text):
        if not _FETCH_ATTRIBUTE.search(tag_match.group("attrs")):
            continue  # e.g. a radio button: nothing to fetch
        tag = tag_match.group("tag").lower()
        values = _attributes(tag_match.group("attrs"))
        names = list(_FETCHED.get(tag, ()))
        if tag == "link" and _FETCHED_LINKS & set(values.get("rel", "").lower().split()):
            names.append("href")
        for name in names:
            for url in _urls(values.get(name, ""), srcset=name == "srcset"):
                if is_foreign(url):
                    add(tag_match.start(), f"<{tag} {name}>", url)
    # CSS in style attributes and blocks fetches only through url() and @import.
    if "url(" not in text and "@import" not in text:
        return found
    for tag_match in _STYLED_TAG.finditer(text):
        if "style" not in tag_match.group("attrs").lower():
            continue
        style = _attributes(tag_match.group("attrs")).get("style", "")
        for url in _foreign_css_urls(style):
            add(tag_match.start(), f"<{tag_match.group('tag').lower()} style>", url)
    for block in _STYLE_BLOCK.finditer(text):
        for url in _foreign_css_urls(block.group("css")):
            add(block.start("css"), "<style>", url)
    return found


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
