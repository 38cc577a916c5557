"""Run the benchmarks, print a table, write bench/results.json.

Not timed tests: `make test` never depends on machine speed. Every figure is
shown next to its floor (what the tools themselves cost, measured in the same
run) and the goal from issue 17. Compare ratios, never milliseconds between runs.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from bench.browser import bench_browser
from bench.build import bench_handbook, bench_scaling
from bench.scorer import bench_scorer

RESULTS = Path(__file__).parent / "results.json"


def mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def ms(value: float) -> str:
    return f"{value:.0f} ms"


def ratio(value: float, floor: float) -> str:
    return f"×{value / floor:.2f}"


def rows(
    browser: dict[str, Any],
    handbook: dict[str, Any],
    scaling: list[dict[str, Any]],
    scorer: list[dict[str, Any]],
) -> list[tuple[str, str, str, str]]:
    """(what, measured, floor, goal) per line of the table; ratios are within this run."""
    cold, repeat = browser["cold"], browser["repeat"]
    slow, cpu = browser["throttled"], browser["cpu_slowed"]

    def against_floors(figures: dict[str, Any]) -> tuple[str, str]:
        ours, floor = figures["formulier"]["median_ms"], figures["vloer"]["median_ms"]
        measured = f"{ms(ours)} ({ratio(ours, floor)})"
        floors = f"Pyodide + 1+1: {ms(floor)}"
        if "vloer-trim" in figures:
            trim = figures["vloer-trim"]["median_ms"]
            floors += f"; eigen runtime + 1+1: {ms(trim)} ({ratio(trim, floor)})"
        return measured, floors

    def breakdown(figures: dict[str, Any]) -> str:
        """Where the form's time went: the median moment of each milestone."""
        found = figures["formulier"].get("stages_median_ms", {})
        names = {
            "page_dom_ready": "pagina klaar",
            "worker_modules": "Pyodide-scripts geladen",
            "worker_python": "Python klaar",
            "worker_scorer": "rekenmodule",
            "worker_definition": "definitie",
            "result": "resultaat",
        }
        shown = [f"{label} {found[key]:.0f}" for key, label in names.items() if key in found]
        return ", ".join(shown)

    build_ratio = handbook["draaiboek_s"] / handbook["mkdocs_s"]
    first, again = browser["first_visit"], browser["repeat_visit"]
    tasks = browser["long_tasks"]
    link = browser["link"]
    parts = ", ".join(f"{name} {mb(size)}" for name, size in first["gzip_by_part"].items())
    table = [
        ("Eerste resultaat, koude cache (mediaan van 5)", *against_floors(cold), "≤ ×0,5"),
        ("  waarvan (ms na het openen, mediaan)", breakdown(cold), "–", "–"),
        ("Eerste resultaat, tweede bezoek (nieuw tabblad)", *against_floors(repeat), "≤ ×0,4"),
        ("  waarvan (ms na het openen, mediaan)", breakdown(repeat), "–", "–"),
        (
            f"Eerste resultaat, trage lijn ({link['mbit_per_s']} Mbit/s, "
            f"+{link['latency_ms']} ms per antwoord)",
            *against_floors(slow),
            "–",
        ),
        (
            f"Eerste resultaat, trage CPU (×{browser['cpu_slowdown']}, zoals een gsm)",
            *against_floors(cpu),
            "–",
        ),
        (
            "Warm formulier (instant navigation)",
            ms(browser["warm_form_ms"]),
            "0 ms",
            "≤ 100 ms",
        ),
        (
            f"Antwoord → resultaat, p50 / p95 ({browser['updates']} wijzigingen, 60 vragen)",
            f"{browser['update_p50_ms']:.1f} / {browser['update_p95_ms']:.1f} ms",
            "16,7 ms (1 frame)",
            "p95 ≤ 8 ms",
        ),
        (
            "Lange taken (> 50 ms) tijdens laden en Pyodide-start",
            f"{tasks['count']} (langste {tasks['longest_ms']:.0f} ms), "
            f"door draaiboek: {tasks['caused_by_draaiboek']}",
            "0",
            "0 door draaiboek",
        ),
        (
            "Eerste bezoek: overgedragen (ruw / gzip)",
            f"{mb(first['raw'])} / {mb(first['gzip'])} ({parts})",
            f"Pyodide-deel: {mb(first['pyodide_raw'])} / {mb(first['pyodide_gzip'])}",
            "≤ 5,3 MB gzip",
        ),
        (
            "Tweede bezoek: overgedragen (ruw / gzip)",
            f"{mb(again['raw'])} / {mb(again['gzip'])} ({again['requests']} verzoeken)",
            f"Pyodide-deel: {mb(again['pyodide_raw'])}",
            "0 voor Pyodide",
        ),
        (
            f"Bouw van het handboek ({handbook['pages']['a']} pagina's; draaiboek / mkdocs)",
            f"{handbook['draaiboek_s']:.2f} s (×{build_ratio:.2f})",
            f"{handbook['mkdocs_s']:.2f} s (mkdocs zonder plugin, dezelfde "
            f"{handbook['pages']['b']} pagina's als Markdown)",
            "≤ ×1,3",
        ),
        (
            "  idem, tegenover enkel de eigen inhoudspagina's",
            f"×{handbook['draaiboek_s'] / handbook['mkdocs_content_only_s']:.2f}",
            f"{handbook['mkdocs_content_only_s']:.2f} s ({handbook['pages']['c']} pagina's)",
            "–",
        ),
    ]
    for row in scaling:
        table.append(
            (
                f"Bouw met {row['instruments']} instrumenten van 30 vragen",
                f"{row['seconds']:.1f} s ({row['ms_per_instrument']:.0f} ms per instrument)",
                "–",
                "< 60 s bij 1000; vlak per instrument",
            )
        )
    for row in scorer:
        table.append(
            (
                f"{row['what']} (p50 / p95)",
                f"{row['p50_ms']:.2f} / {row['p95_ms']:.2f} ms",
                "–",
                f"< {row['goal_ms']:.1f} ms",
            )
        )
    return table


def print_table(table: list[tuple[str, str, str, str]]) -> None:
    headers = ("meting", "gemeten", "vloer", "doel")
    widths = [max(len(row[i]) for row in [headers, *table]) for i in range(4)]
    for row in [headers, tuple("-" * w for w in widths), *table]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def main() -> None:
    scorer = bench_scorer()
    handbook = bench_handbook()
    scaling = bench_scaling()
    browser = bench_browser()
    table = rows(browser, handbook, scaling, scorer)
    print_table(table)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "table": [
                    dict(zip(("what", "measured", "floor", "goal"), r, strict=True)) for r in table
                ],
                "browser": browser,
                "handbook_build": handbook,
                "scaling": scaling,
                "scorer": scorer,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
