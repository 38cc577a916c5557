"""Plain-text fields (title, summary, labels) reach every page as text, never as markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.sitelib import build_site, write_site

TITLE = 'Boos </title><script>alert("titel")</script> & co'
SUMMARY = 'Een "aanhaling" "><script>alert("samenvatting")</script>'
HOSTILE = f"""\
version: 1
title: '{TITLE}'
summary: '{SUMMARY}'
audience: ['<img src=x onerror=alert(1)>']
sections:
  - id: deel
    items:
      - id: vraag
        text: Vraag
        options:
          - {{value: 1, label: '<script>alert("label")</script>'}}
          - {{value: 0, label: nee}}
"""


class _Page(HTMLParser):
    """What a browser would run and show: script texts, the title, the description."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.title = ""
        self.description: str | None = None
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handlers += [name for name, _ in attrs if name.startswith("onerror")]
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append("")
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("escaping"), definitions={"boos.yaml": HOSTILE})
    return build_site(root, strict=False)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_no_page_runs_or_loads_what_a_plain_text_field_contains(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = parse(path)
        assert not any("alert(" in script for script in page.scripts), path
        assert page.handlers == [], path


def test_title_and_description_show_the_text_as_written(site: Path) -> None:
    page = parse(site / "instrumenten/boos/index.html")
    assert page.title.startswith(TITLE + " - ")
    assert page.description == SUMMARY
    text = (site / "instrumenten/boos/index.html").read_text(encoding="utf-8")
    # The heading shows the characters, not Markdown's escapes.
    assert "Boos &lt;/title&gt;&lt;script&gt;" in text
    assert "\\&lt;" not in text
