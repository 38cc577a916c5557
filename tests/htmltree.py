"""HTML as an indented outline of tags, sorted attributes and collapsed text.

Golden tests compare this outline, so they catch changes in structure,
attributes and wording, not in whitespace.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = " ".join(
            name if value is None else f'{name}="{value}"' for name, value in sorted(attrs)
        )
        self.lines.append("  " * self.depth + f"<{tag}{' ' + shown if shown else ''}>")
        if tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.lines.append("  " * self.depth + text)


def outline(html: str) -> str:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines) + "\n"
