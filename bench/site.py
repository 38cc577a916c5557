"""The sites the benchmarks build: generated instruments, and a floor page for Pyodide.

``instrument_yaml(n)`` writes an instrument of ``n`` choice items in sections
of ten, with scores, bands, a ``show_if`` and a flag, like a real rubric.
``browser_site`` is a small handbook with a 60-item form, a 10-item form one
instant-navigation click away, and two floors: bare pages that boot stock
Pyodide, or our trimmed runtime, and run ``1 + 1``.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from textwrap import dedent

from mkdocs.commands.build import build
from mkdocs.config import load_config
from tests.sitelib import ROOT, write_site

from draaiboek.runtime import PYODIDE_CORE_FILES, load_options, pyodide_version

NODE_PYODIDE = ROOT / "node_modules" / "pyodide"


def instrument_yaml(items: int, title: str) -> str:
    """A definition with ``items`` choice items (0–6) in sections of ten."""
    lines = [
        "version: 1",
        f"title: {title}",
        "summary: Gegenereerd voor de metingen.",
        "scales:",
        "  nul-zes:",
        "    range: {min: 0, max: 6}",
        "sections:",
    ]
    sections = [range(start, min(start + 10, items)) for start in range(0, items, 10)]
    for number, section in enumerate(sections):
        lines += [f"  - id: deel_{number}", f"    title: Deel {number + 1}", "    scale: nul-zes"]
        lines.append("    items:")
        for index in section:
            lines.append(f"      - id: vraag_{index}")
            lines.append(f'        text: "Uitspraak {index + 1}: hoe goed lukt dit?"')
            if index % 10 == 9:
                lines.append(f'        show_if: "vraag_{index - 9} != 0"')
    lines.append("scores:")
    for number in range(len(sections)):
        lines += [
            f"  - id: gemiddeld_{number}",
            f"    label: Deel {number + 1}",
            f'    expr: "mean(deel_{number})"',
            "    decimals: 1",
            "    max: 6",
            "    chart: delen",
        ]
    lines += [
        "  - id: totaal",
        '    expr: "sum(all)"',
        "    bands:",
        f"      - {{id: laag, below: {items * 2}, label: Laag, advice: Plan acties.}}",
        "      - {id: hoog, label: Hoog}",
        "flags:",
        "  - id: weinig",
        '    when: "answered(all) > 0 and totaal < 10"',
        "    level: info",
        "    message: Nog weinig sterke punten.",
        "highlights: {strength_min: 6, work_point_max: 1}",
    ]
    return "\n".join(lines) + "\n"


def generated_site(
    root: Path, instruments: dict[str, str], pages: dict[str, str], *, site_url: str = ""
) -> Path:
    """A site folder (the test suite's layout) with these definitions and pages."""
    return (
        write_site(root, checklists=None, definitions=instruments, pages=pages, site_url=site_url)
        / "mkdocs.yml"
    )


def browser_site(root: Path, site_url: str) -> Path:
    """Build the browser benchmark's site into ``root/site``; return that folder."""
    config = generated_site(
        root,
        {
            "meet-zestig.yaml": instrument_yaml(60, "Zestig vragen"),
            "meet-tien.yaml": instrument_yaml(10, "Tien vragen"),
        },
        {
            "index.md": "# Meetsite\n\n[Formulier A](a.md)\n",
            "a.md": '# Formulier A\n\n[Naar formulier B](b.md)\n\n{{ checklist("meet-zestig") }}\n',
            "b.md": '# Formulier B\n\n{{ checklist("meet-tien") }}\n',
        },
        site_url=site_url,
    )
    site = build_quietly(config)
    _write_floors(site)
    return site


def _write_floors(site: Path) -> None:
    """Two floors, each a bare page whose worker boots Pyodide and runs ``1 + 1``.

    - ``vloer/``: stock Pyodide as its documentation shows it (``loadPyodide``
      with its own ``python_stdlib.zip`` and lockfile), from a copy of the npm
      package under the same cache rules as the site's runtime;
    - ``vloer-trim/``: the site's own trimmed runtime, loaded as worker.mjs
      loads it, but without the scorer: what our runtime costs before any
      scoring.
    """
    (runtime,) = (site / "assets" / "draaiboek").glob("pyodide-*")
    stock = site / "assets" / "draaiboek" / f"pyodide-{pyodide_version(NODE_PYODIDE)}-stock"
    stock.mkdir()
    for name in PYODIDE_CORE_FILES:
        shutil.copyfile(NODE_PYODIDE / name, stock / name)
    stock_worker = f"""\
        import {{ loadPyodide }} from "../assets/draaiboek/{stock.name}/pyodide.mjs";
        const pyodide = await loadPyodide({{
          indexURL: new URL("../assets/draaiboek/{stock.name}/", import.meta.url).href,
        }});
        postMessage(pyodide.runPython("1 + 1"));
        """
    options = json.dumps(load_options(NODE_PYODIDE, trimmed=True))
    trimmed_worker = f"""\
        import {{ loadPyodide }} from "../assets/draaiboek/{runtime.name}/pyodide.mjs";
        import createPyodideModule from "../assets/draaiboek/{runtime.name}/pyodide.asm.mjs";
        const indexURL = new URL("../assets/draaiboek/{runtime.name}/", import.meta.url).href;
        const options = {options};
        options.stdLibURL = new URL(options.stdLibURL, indexURL).href;
        const pyodide = await loadPyodide({{ indexURL, createPyodideModule, ...options }});
        postMessage(pyodide.runPython("1 + 1"));
        """
    for folder, worker in (("vloer", stock_worker), ("vloer-trim", trimmed_worker)):
        (site / folder).mkdir()
        (site / folder / "worker.mjs").write_text(dedent(worker))
        (site / folder / "index.html").write_text(FLOOR_PAGE)


FLOOR_PAGE = dedent(
    """\
    <!doctype html>
    <html lang="nl"><head><meta charset="utf-8"><title>Vloer</title></head>
    <body><p id="uitkomst">…</p>
    <script>
      const worker = new Worker("worker.mjs", { type: "module" });
      worker.onmessage = ({ data }) => {
        document.getElementById("uitkomst").textContent = String(data);
        performance.mark("vloer:result");
      };
    </script>
    </body></html>
    """
)


def build_quietly(config_file: Path, site_dir: Path | None = None) -> Path:
    """``mkdocs build`` in this process, INFO lines silenced; return the site folder."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        config = load_config(
            config_file=str(config_file),
            **({"site_dir": str(site_dir)} if site_dir else {}),
        )
        build(config)
    finally:
        logger.setLevel(level)
    return Path(config.site_dir)
