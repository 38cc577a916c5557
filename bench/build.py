"""What an organisation's build costs.

- the handbook: ``draaiboek build`` against ``mkdocs build`` of the same
  Markdown with the plugin switched off (the floor set by MkDocs and the theme);
- scaling: 10, 100 and 1,000 generated instruments of 30 items each, each on
  its own generated page; the time per instrument should stay flat.

Builds run in this process after one warm-up, so Python's start-up and
imports are not counted for either side.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

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


def bench_handbook() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="draaiboek-bench-") as folder:
        plain = ROOT / ".bench-plain.yml"
        plain.write_text(plain_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
        try:
            sites = Path(folder)
            _timed(ROOT / "mkdocs.yml", sites / "a")
            _timed(plain, sites / "b")
            ours, floor = [], []
            for _ in range(RUNS):  # alternate, so drift hits both alike
                ours.append(_timed(ROOT / "mkdocs.yml", sites / "a"))
                floor.append(_timed(plain, sites / "b"))
        finally:
            plain.unlink()
    return {"draaiboek_s": statistics.median(ours), "mkdocs_s": statistics.median(floor)}


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
