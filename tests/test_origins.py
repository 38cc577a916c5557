"""The other-origin scan: what a browser would fetch by itself is found; names and links are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from draaiboek import origins
from draaiboek.origins import is_foreign, scan_css, scan_html, scan_site

ASSETS = Path(__file__).resolve().parent.parent / "src" / "draaiboek" / "assets"
MACROS = Path(__file__).resolve().parent.parent / "macros"


@pytest.mark.parametrize(
    ("html", "what", "url"),
    [
        (
            '<script src="https://cdn.example.org/x.js"></script>',
            "<script src>",
            "https://cdn.example.org/x.js",
        ),
        (
            '<link rel="stylesheet" href="//fonts.example.org/f.css">',
            "<link href>",
            "//fonts.example.org/f.css",
        ),
        (
            '<link rel="preconnect" href="https://fonts.example.org">',
            "<link href>",
            "https://fonts.example.org",
        ),
        (
            '<img src="a.png" srcset="b.png 2x, http://example.org/c.png 3x">',
            "<img srcset>",
            "http://example.org/c.png",
        ),
        (
            '<iframe src="https://example.org/embed"></iframe>',
            "<iframe src>",
            "https://example.org/embed",
        ),
        (
            '<div style="background: url(https://example.org/bg.png)"></div>',
            "<div style>",
            "https://example.org/bg.png",
        ),
        (
            "<style>@import 'https://example.org/x.css';</style>",
            "<style>",
            "https://example.org/x.css",
        ),
        # A ">" inside a quoted value does not end the tag.
        (
            '<img alt="a > b" src="https://example.org/x.png">',
            "<img src>",
            "https://example.org/x.png",
        ),
        # Character references are decoded, as the browser does.
        (
            '<IMG SRC="https&#58;//example.org/x.png">',
            "<img src>",
            "https://example.org/x.png",
        ),
        (
            "<video poster='//example.org/p.jpg' src=film.mp4></video>",
            "<video poster>",
            "//example.org/p.jpg",
        ),
    ],
)
def test_what_a_browser_fetches_is_found(html: str, what: str, url: str) -> None:
    found = scan_html(f"<p>x</p>\n{html}", "pagina.html")
    assert [(f.what, f.url, f.line) for f in found] == [(what, url, 2)]
    assert str(found[0]) == f"pagina.html:2: {what} van een andere website: {url}"


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://www.vdab.be">VDAB</a>',
        '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
        '<link rel="canonical" href="https://handboek.example.org/">',
        '<script src="../assets/draaiboek/forms.js"></script>',
        '<img src="data:image/png;base64,AAAA">',
        # Text the browser never fetches from.
        "<script>const tag = \"<img src='https://example.org/x.png'>\";</script>",
        '<!-- <script src="https://example.org/old.js"></script> -->',
    ],
)
def test_links_namespaces_and_own_files_are_not_requests(html: str) -> None:
    assert scan_html(html, "pagina.html") == []


def test_lines_stay_right_after_scripts_and_comments() -> None:
    page = (
        "<script>\nlet a = 1;\nlet b = 2;\n</script>\n<!--\n\n-->\n"
        '<script src="https://example.org/x.js"></script>\n'
    )
    assert [f.line for f in scan_html(page, "p.html")] == [8]


def test_css_files_are_scanned_line_by_line() -> None:
    css = "body { color: red }\n@font-face { src: url('https://fonts.example.org/f.woff2') }\n"
    found = scan_css(css, "extra.css")
    assert [(f.line, f.url) for f in found] == [(2, "https://fonts.example.org/f.woff2")]


def test_a_site_folder_is_scanned(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<img src="https://example.org/x.png">')
    (tmp_path / "b.css").write_text("p { background: url(ok.png) }")
    (tmp_path / "c.js").write_text("fetch('https://example.org/')")  # scripts are not parsed
    assert [str(f) for f in scan_site(tmp_path)] == [
        "a/index.html:1: <img src> van een andere website: https://example.org/x.png"
    ]


def test_a_rebuild_does_not_scan_files_found_clean_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, clean_list = tmp_path / "site", tmp_path / "cache" / "origins-clean.txt"
    site.mkdir()
    (site / "ok.html").write_text('<img src="x.png">')
    (site / "bad.html").write_text('<img src="https://example.org/x.png">')
    (site / "ok.css").write_text("p { background: url(ok.png) }")
    expected = ["bad.html:1: <img src> van een andere website: https://example.org/x.png"]
    assert [str(f) for f in scan_site(site, clean_list=clean_list)] == expected
    assert len(clean_list.read_text().split()) == 2

    scanned: list[str] = []
    scan = origins.scan_html

    def counted(text: str, file: str) -> list[origins.ForeignReference]:
        scanned.append(file)
        return scan(text, file)

    monkeypatch.setattr(origins, "scan_html", counted)
    # A finding is never remembered: reported again. Clean files are skipped.
    assert [str(f) for f in scan_site(site, clean_list=clean_list)] == expected
    assert scanned == ["bad.html"]
    # A clean page that changes is scanned again.
    (site / "ok.html").write_text('<img src="https://example.org/y.png">')
    assert len(scan_site(site, clean_list=clean_list)) == 2
    assert scanned == ["bad.html", "bad.html", "ok.html"]
    # Without the list (or with an unreadable one) everything is scanned.
    clean_list.write_bytes(b"\xff\xfe")
    scanned.clear()
    assert len(scan_site(site, clean_list=clean_list)) == 2
    assert scanned == ["bad.html", "ok.html"]


def test_is_foreign() -> None:
    assert is_foreign(" HTTPS://example.org")
    assert is_foreign("//example.org/x")
    assert not is_foreign("/assets/x.js")
    assert not is_foreign("mailto:info@example.org")


def test_our_browser_files_and_templates_name_no_other_origin() -> None:
    """Not even a namespace name: the only address is the local one we tell people to open."""
    # The browser modules (assets/js/) too, not only the bundle made of them.
    for path in [p for p in (*ASSETS.rglob("*"), *MACROS.iterdir()) if p.is_file()]:
        text = path.read_text(encoding="utf-8")
        others = re.findall(r"\b(?:https?:)?//(?!127\.0\.0\.1[:/])[\w.-]+\.[a-z]{2,}", text)
        assert others == [], f"{path.name}: {others}"
