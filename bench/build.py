"""What an organisation's build costs.

- the handbook: ``draaiboek build`` against ``mkdocs build`` with the plugin
  switched off, of the same pages: the handbook's Markdown plus the pages the
  plugin generates (instrument, comparison, group and FAQ pages, the overview,
  "Op dit toestel"), written out as plain Markdown. That floor is what MkDocs
  and the theme cost for the site a reader gets; the ratio is the plugin's own
  cost (forms, definitions, runtime, checks). The content pages alone (the
  floor of earlier rounds, with about 40 % of the pages) are measured too;
- scaling: 10, 100 and 1,000 generated instruments of 30 items each, each on
  its own generated page; the time per instrument should stay flat.

Builds run in this process after one warm-up, so Python's start-up and
imports are not counted for either side.
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.structure.files import Files
from tests.sitelib import ROOT

from bench.site import build_quietly, generated_site, instrument_yaml

RUNS = 5
SCALES = (10, 100, 1_000)


def _timed(config_file: Path, site_dir: Path) -> float:
    start = time.perf_counter()
    build_quietly(config_file, site_dir)
    return time.perf_counter() - start


def plain_config(text: str) -> str:
    """The handbook's mkdocs.yml without the draaiboek plugin (and its options)."""
    return re.sub(r"\n  - draaiboek:\n(?:      .*\n|\s*#.*\n)*", "\n", text)


def generated_pages(config_file: Path) -> dict[str, str]:
    """The Markdown of every page the plugin adds, by path in the docs folder."""
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins["draaiboek"].on_files(Files([]), config=config)
    return {f.src_uri: f.content_string for f in files if f.src_uri.endswith(".md")}


def _plain_site(folder: Path, *, with_generated: bool) -> Path:
    """A config (next to mkdocs.yml, so its paths resolve) for the plain build."""
    docs = folder / ("docs-all" if with_generated else "docs-content")
    shutil.copytree(ROOT / "content", docs)
    if with_generated:
        for path, text in generated_pages(ROOT / "mkdocs.yml").items():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(text, encoding="utf-8")
    text = plain_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = ROOT / f".bench-plain-{docs.name}.yml"
    config.write_text(re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs}", text), encoding="utf-8")
    return config


def bench_handbook() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="draaiboek-bench-") as folder:
        sites = Path(folder)
        same_pages = _plain_site(sites, with_generated=True)
        content_only = _plain_site(sites, with_generated=False)
        try:
            for config in (ROOT / "mkdocs.yml", same_pages, content_only):  # warm-up
                _timed(config, sites / config.stem)
            ours, floor, content = [], [], []
            for _ in range(RUNS):  # alternate, so drift hits all alike
                ours.append(_timed(ROOT / "mkdocs.yml", sites / "a"))
                floor.append(_timed(same_pages, sites / "b"))
                content.append(_timed(content_only, sites / "c"))
            pages = {
                name: len(list((sites / name).rglob("index.html"))) for name in ("a", "b", "c")
            }
        finally:
            same_pages.unlink()
            content_only.unlink()
    return {
        "draaiboek_s": statistics.median(ours),
        "mkdocs_s": statistics.median(floor),
        "mkdocs_content_only_s": statistics.median(content),
        "pages": pages,
    }


def bench_scaling() -> list[dict[str, Any]]:
    rows = []
    for count in SCALES:
        with tempfile.TemporaryDirectory(prefix="draaiboek-scale-") as folder:
            root = Path(folder)
            text = instrument_yaml(30, "Gegenereerd")
            config = generated_site(
                root,
                {f"gen-{index:04d}.yaml": text for index in range(count)},
                {"index.md": "# Schaal\n\n[Overzicht](instrumenten/index.md)\n"},
            )
            # As a real handbook: a nav of its own pages; instrument pages are reached
            # through the overview (else every page would list all of them).
            with config.open("a", encoding="utf-8") as extra:
                extra.write(
                    "nav:\n  - index.md\n  - instrumenten/index.md\n"
                    "not_in_nav: |\n  /instrumenten/*.md\n"
                )
            seconds = _timed(config, root / "site")
        rows.append(
            {"instruments": count, "seconds": seconds, "ms_per_instrument": seconds / count * 1000}
        )
    return rows
