"""Cache rules: content-addressed files are kept for good, everything else is revalidated."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.build import plain_config
from bench.site import instrument_yaml

from draaiboek.caching import IMMUTABLE, REVALIDATE, cache_control
from draaiboek.loader import load_catalog
from tests.sitelib import ROOT, build_site, write_site


@pytest.mark.parametrize(
    "path",
    [
        "assets/draaiboek/pyodide-314.0.7-0123456789/pyodide.asm.wasm",
        "/assets/draaiboek/pyodide-314.0.7-0123456789/pyodide-lock.json",
        "assets/draaiboek/instruments/digitaal-profiel.0123456789.json",
        "assets/javascripts/bundle.79ae519e.min.js",
        "assets/stylesheets/main.484c7ddc.min.css",
        "assets/draaiboek/forms.0123456789.js",
        "assets/draaiboek/worker.0123456789.mjs",
        "assets/draaiboek/draaiboek.0123456789.css",
    ],
)
def test_content_addressed_files_are_kept_for_good(path: str) -> None:
    assert cache_control(path) == IMMUTABLE


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "werkgevers/prospectie/",
        "search/search_index.json",
        "assets/draaiboek/forms.js",
        "assets/draaiboek/worker.mjs",
        "assets/draaiboek/draaiboek.css",
        # An old, unversioned runtime folder must never be kept.
        "assets/draaiboek/pyodide/pyodide-lock.json",
        "assets/draaiboek/instruments/digitaal-profiel.json",
    ],
)
def test_everything_else_is_checked_on_every_visit(path: str) -> None:
    assert cache_control(path) == REVALIDATE


def test_every_cached_file_of_a_built_site_is_content_addressed(tmp_path: Path) -> None:
    """The rules fit the real layout: the runtime and every instrument JSON match."""
    site = build_site(write_site(tmp_path))
    kept = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and cache_control(p.relative_to(site).as_posix()) == IMMUTABLE
    ]
    assert any(p.endswith("pyodide.asm.wasm") for p in kept)
    assert any(p.startswith("assets/draaiboek/instruments/volledig.") for p in kept)
    assert any(p.startswith("assets/draaiboek/forms.") for p in kept)
    assert any(p.startswith("assets/draaiboek/worker.") for p in kept)
    assert not any(p.endswith(".html") for p in kept)


def test_the_benchmarks_generated_instruments_pass_the_check(tmp_path: Path) -> None:
    (tmp_path / "gen.yaml").write_text(instrument_yaml(60, "Zestig"), encoding="utf-8")
    instrument = load_catalog([tmp_path]).instruments["gen"]
    assert len(instrument.resolved.items) == 60


def test_the_plain_build_drops_only_the_plugin() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain = plain_config(text)
    assert "draaiboek:" not in plain and "glossary:" not in plain
    assert "- search:" in plain and "- offline:" in plain and "nav:" in plain
