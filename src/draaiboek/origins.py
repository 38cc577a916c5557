"""Finding references to other origins in a built site.

The handbook promises that opening it never contacts another server. This
module scans built HTML and CSS for anything a browser would fetch on its own
(scripts, stylesheets, fonts, images, frames, media), so the build fails before
such a reference ships. Ordinary links (``<a href>``) are fine: a person
chooses to follow them.
"""

from __future__ import annotations

import hashlib
import html
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from draaiboek.atomicfile import write_atomically

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
    "feimage": ("href", "xlink:href"),
    # <base href> moves every relative URL of the page to its host.
    "base": ("href",),
    # Legacy attribute that Chromium still fetches.
    "body": ("background",),
    "table": ("background",),
    "thead": ("background",),
    "tbody": ("background",),
    "tfoot": ("background",),
    "tr": ("background",),
    "td": ("background",),
    "th": ("background",),
}
# An SVG <script> loads from href as well as src.
_FETCHED_SCRIPT_SVG = ("href", "xlink:href")
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
# After comments and escapes are gone: url(…), src(…), @import "…" and the
# strings of image-set(), which Chromium fetches without url().
_CSS_URL = re.compile(
    r"""\b(?:url|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]+))|@import\s+(?:"([^"]*)"|'([^']*)')"""
    r"""|image-set\((?P<set>[^)]*)\)""",
    re.IGNORECASE,
)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# A CSS escape: up to six hex digits and one optional white space, or any other character.
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
# What the URL parser ignores: tabs and newlines anywhere, C0 controls and spaces around.
# An escape that could spell one of those names (a hex digit or one of their letters).
_CSS_ESCAPE_HINT = re.compile(r"\\[0-9a-f@(urlimagetsc]")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(chr(code) for code in range(0x21))


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
    """True for URLs that leave the site: ``https://…``, ``//host/…``, ``http:…``.

    The URL is first read as a browser's URL parser reads it: tabs and
    newlines anywhere are dropped, controls and spaces around it trimmed, and a
    backslash counts as a slash (so ``/\\host/x`` and ``/&#9;/host`` are
    scheme-relative too).
    """
    url = _URL_IGNORED.sub("", url).strip(_URL_TRIMMED).replace("\\", "/")
    if url.startswith("//"):
        return True
    scheme = urlsplit(url).scheme.lower()
    return scheme in ("http", "https", "ftp", "ws", "wss")


def _css_unescaped(css: str) -> str:
    """CSS as the browser reads it: comments gone, ``\\68 ttps`` back to ``https``."""

    def character(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))  # lines stay where they were

    return _CSS_ESCAPE.sub(character, _CSS_COMMENT.sub(blank, css))


# A start tag that can make the browser fetch something, with its attributes;
# quoted values may contain ">". Other tags only matter for a style attribute.
_ATTRS = r"""(?P<attrs>(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"""
_TAG = re.compile(
    r"<(?P<tag>" + "|".join([*_FETCHED, "link", "meta"]) + r")(?![a-zA-Z0-9:-])" + _ATTRS,
    re.IGNORECASE,
)
_FETCH_ATTRIBUTE = re.compile(
    r"(?:src|srcset|href|data|poster|background|content|imagesrcset|srcdoc)\s*=", re.IGNORECASE
)
# <meta http-equiv="refresh" content="0; url=…"> loads another page by itself.
_REFRESH_URL = re.compile(r"""^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)""", re.IGNORECASE)
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
            names += ["href", "imagesrcset"]
        if tag == "script":
            names += _FETCHED_SCRIPT_SVG
        for name in names:
            for url in _urls(values.get(name, ""), srcset=name.endswith("srcset")):
                if is_foreign(url):
                    add(tag_match.start(), f"<{tag} {name}>", url)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = _REFRESH_URL.match(values.get("content", ""))
            if target and is_foreign(target.group(1)):
                add(tag_match.start(), "<meta refresh>", target.group(1))
        if tag == "iframe" and "srcdoc" in values:
            # A document inside the attribute: scanned as a page of its own.
            for inner in scan_html(values["srcdoc"], file):
                add(tag_match.start(), f"<iframe srcdoc> {inner.what}", inner.url)
    # CSS in style attributes and blocks fetches only through url(), src(),
    # image-set() and @import; an escape may hide any of them.
    lowered = text.lower()
    if not any(
        needle in lowered for needle in ("url(", "@import", "image-set(", "src(")
    ) and not _CSS_ESCAPE_HINT.search(lowered):
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


def _css_urls(css: str) -> list[tuple[int, str]]:
    """Every URL the CSS fetches, with its offset in the unescaped text."""
    found: list[tuple[int, str]] = []
    for match in _CSS_URL.finditer(css):
        if match.group("set") is not None:
            found += [
                (match.start(), inner.group(1) or inner.group(2) or "")
                for inner in _CSS_STRING.finditer(match.group("set"))
            ]
        else:
            found.append(
                (match.start(), next(g for g in match.group(1, 2, 3, 4, 5) if g is not None))
            )
    return found


def _foreign_css_urls(css: str) -> list[str]:
    return [url for _, url in _css_urls(_css_unescaped(css)) if is_foreign(url)]


def scan_css(text: str, file: str) -> list[ForeignReference]:
    """Every foreign URL of a stylesheet, with its line (comments and escapes keep lines)."""
    css = _css_unescaped(text)
    return [
        ForeignReference(file, css.count("\n", 0, offset) + 1, "CSS-bron", url)
        for offset, url in _css_urls(css)
        if is_foreign(url)
    ]


# Part of every digest of a file found clean: a changed scanner scans everything again.
_SCANNER = hashlib.sha256(Path(__file__).read_bytes()).digest()


def scan_site(site_dir: Path, *, clean_list: Path | None = None) -> list[ForeignReference]:
    """Every reference to another origin in the site's HTML and CSS files.

    ``clean_list`` (a file in the build cache) holds digests of the files the
    previous build found clean; those are not scanned again. A rebuild mostly
    writes the same pages, and scanning them was a third of the plugin's time.
    Only clean files are remembered, so a finding is reported on every build.
    """
    known = _read_clean(clean_list)
    clean: set[str] = set()
    found: list[ForeignReference] = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        data = path.read_bytes()
        digest = hashlib.blake2b(_SCANNER + path.suffix.encode() + data, digest_size=16)
        key = digest.hexdigest()
        if key in known:
            clean.add(key)
            continue
        relative = path.relative_to(site_dir).as_posix()
        text = data.decode("utf-8", errors="replace")
        refs = scan_html(text, relative) if path.suffix == ".html" else scan_css(text, relative)
        if not refs:
            clean.add(key)
        found.extend(refs)
    if clean_list is not None and clean != known:
        _write_clean(clean_list, clean)
    return found


def _read_clean(clean_list: Path | None) -> set[str]:
    if clean_list is None:
        return set()
    try:
        return set(clean_list.read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()  # none yet, or unreadable: scan everything


def _write_clean(clean_list: Path, clean: set[str]) -> None:
    """This build's clean files only (the list never grows past one site)."""
    # Whole or not at all, should two builds race; a read-only cache: scan everything next time.
    with suppress(OSError):
        write_atomically(clean_list, "".join(f"{key}\n" for key in sorted(clean)).encode("ascii"))
