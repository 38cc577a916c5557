"""Markdown conversions kept between builds, per Markdown setup."""

from __future__ import annotations

from pathlib import Path

from draaiboek.loader import load_catalog
from draaiboek.markdown_cache import MarkdownCache, setup_key
from draaiboek.render import Renderer
from tests.sitelib import FIXTURES

EXTENSIONS = ["abbr", "admonition", "toc"]
CONFIGS = {"toc": {"permalink": True}, "abbr": {"glossary": {"VDAB": "Vlaamse dienst"}}}


def renderer(cache: MarkdownCache) -> Renderer:
    return Renderer(
        load_catalog([FIXTURES / "valid"]),
        markdown_extensions=EXTENSIONS,
        extension_configs=CONFIGS,
        converted=cache.entries,
    )


def test_a_second_build_uses_the_first_build_s_conversions(tmp_path: Path) -> None:
    first = renderer(MarkdownCache.open(tmp_path, EXTENSIONS, CONFIGS))
    form = first.instrument_form("volledig")
    MarkdownCache.open(tmp_path, EXTENSIONS, CONFIGS).save(first.conversions())

    kept = MarkdownCache.open(tmp_path, EXTENSIONS, CONFIGS)
    assert kept.entries == first.conversions()
    second = renderer(kept)
    # Nothing is converted again: a Markdown object that fails would show it.
    second._markdown.convert = None  # type: ignore[assignment,method-assign]
    assert second.instrument_form("volledig") == form


def test_each_setup_has_its_own_conversions(tmp_path: Path) -> None:
    base = setup_key(EXTENSIONS, CONFIGS)
    assert base is not None
    assert setup_key([*EXTENSIONS, "footnotes"], CONFIGS) != base
    other_glossary = {**CONFIGS, "abbr": {"glossary": {"VDAB": "iets anders"}}}
    assert setup_key(EXTENSIONS, other_glossary) != base
    # A setting that is a function cannot be compared between builds: never cached.
    assert setup_key(EXTENSIONS, {"toc": {"slugify": len}}) is None
    assert setup_key([object()], {}) is None
    uncached = MarkdownCache.open(tmp_path, EXTENSIONS, {"toc": {"slugify": len}})
    uncached.save({"x": "<p>x</p>"})
    assert not list(tmp_path.rglob("*.json"))


def test_a_damaged_or_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    cache = MarkdownCache.open(tmp_path, EXTENSIONS, CONFIGS)
    assert cache.path is not None
    cache.path.parent.mkdir(parents=True)
    cache.path.write_text("{niet: json", encoding="utf-8")
    assert MarkdownCache.open(tmp_path, EXTENSIONS, CONFIGS).entries == {}
    cache.path.write_text('{"x": 1}', encoding="utf-8")
    assert MarkdownCache.open(tmp_path, EXTENSIONS, CONFIGS).entries == {}
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    MarkdownCache.open(blocked, EXTENSIONS, CONFIGS).save({"x": "<p>x</p>"})
