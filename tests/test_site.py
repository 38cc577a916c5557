"""Build tests: a real handbook built with mkdocs in a temporary folder."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jinja2
import pytest

from draaiboek.caching import IMMUTABLE, cache_control
from draaiboek.loader import load_catalog
from draaiboek.origins import scan_site
from tests.sitelib import (
    FIXTURES,
    BuildFailed,
    browser_asset,
    build_site,
    draaiboek,
    write_site,
)

EMBED_PAGE = """\
# Formulieren

Hieronder het volledige voorbeeld.

{{ checklist("volledig") }}

Zo schrijf je het zelf: `{{ checklist("bestaat-niet") }}`

```
{{ checklist("ook-niet") }}
```
"""

FAQ_PAGE = """\
# Vragen

{{ faq("faq-voorbeeld") }}
"""


def build_error(root: Path, *, strict: bool = True) -> str:
    """Why the build of ``root`` stopped (and fail when it did not)."""
    with pytest.raises(BuildFailed) as raised:
        build_site(root, strict=strict)
    return str(raised.value)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("site"),
        definitions={"tweede.yaml": (FIXTURES / "site" / "tweede.yaml").read_text()},
        pages={"formulieren.md": EMBED_PAGE, "gids/vragen.md": FAQ_PAGE},
    )
    return build_site(root)


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_an_embedded_form_has_every_item_type_and_layout(site: Path) -> None:
    page = html(site, "formulieren/index.html")
    assert page.count('<form class="db-instrument"') == 1
    for item_type in ("choice", "multi", "number", "text", "table"):
        assert f'data-type="{item_type}"' in page
    assert 'class="db-section db-section-list"' in page
    assert 'class="db-section db-section-grid"' in page
    assert 'name="acties.0.actie"' in page
    assert 'type="checkbox" name="drempels"' in page
    assert '<textarea name="notities"' in page
    # The link back to the instrument's own page.
    assert '<a href="../instrumenten/volledig/">Volledig voorbeeld</a>' in page


def test_macros_in_code_are_left_alone(site: Path) -> None:
    page = html(site, "formulieren/index.html")
    assert "checklist(&quot;bestaat-niet&quot;)" in page or 'checklist("bestaat-niet")' in page
    assert "ook-niet" in page


def test_forms_carry_the_dom_hooks(site: Path) -> None:
    page = html(site, "instrumenten/volledig/index.html")
    form = re.search(r"<form class=\"db-instrument\"[^>]*>", page)
    assert form is not None
    tag = form.group(0)
    for hook in (
        'class="db-instrument"',
        'data-instrument="volledig"',
        'data-version="3"',
        'data-scorer="loading"',
        'data-site="test"',
        'data-storage="local"',
    ):
        assert hook in tag
    assert re.search(r'<section class="db-result" data-result aria-live="polite"', page)
    for hook in (
        'data-score="middelen"',
        'data-score="competenties"',
        'data-band-for="middelen"',
        'data-outcome="doorverwijzen"',
        'data-flag="geen_middelen"',
        'button type="button" class="md-button md-button--primary" data-action="export"',
        'type="file"',
        'data-action="import"',
        'data-action="print"',
        'data-action="clear"',
    ):
        assert hook in page, hook
    # Option values are the option's value as a string; the JSON keeps its type.
    assert 'value="ja" data-json="&#34;ja&#34;"' in page
    assert 'value="3" data-json="3"' in page


def test_items_hidden_by_show_if_start_hidden(site: Path) -> None:
    page = html(site, "instrumenten/volledig/index.html")
    hidden = re.search(r'<fieldset [^>]*data-item="internet_elders"[^>]*>', page)
    assert hidden is not None and " hidden" in hidden.group(0)
    assert "data-conditional" in hidden.group(0)
    shown = re.search(r'<fieldset [^>]*data-item="internet_thuis"[^>]*>', page)
    assert shown is not None and " hidden" not in shown.group(0)
    # answered(basis) > 0 is false for an empty form.
    section = re.search(r'<fieldset [^>]*data-section="rubric"[^>]*>', page)
    assert section is not None and " hidden" in section.group(0)


def test_markdown_in_definitions_is_rendered(site: Path) -> None:
    page = html(site, "instrumenten/volledig/index.html")
    assert "Een <strong>voorbeeld</strong> met alles erop en eraan." in page
    assert "Heeft <strong>internet</strong> thuis" in page
    assert "<p>Vraag ook naar mobiele data.</p>" in page


def test_generated_pages_and_overview(site: Path) -> None:
    assert (site / "instrumenten/volledig/index.html").is_file()
    assert (site / "instrumenten/tweede/index.html").is_file()
    overview = html(site, "instrumenten/index.html")
    for text in (
        '<a href="volledig/">Volledig voorbeeld</a>',
        '<a href="tweede/">Tweede instrument</a>',
        "Gebruikt elke sleutel van het formaat.",
        "jobcoach, trainer",
        "jobhunter",
    ):
        assert text in overview, text
    assert "<title>Tweede instrument - Testhandboek</title>" in html(
        site, "instrumenten/tweede/index.html"
    )


def test_faq_pages_have_stable_anchors_and_links(site: Path) -> None:
    generated = html(site, "faq/faq-voorbeeld/index.html")
    assert 'id="minimum-taalniveau"' in generated
    assert '<a href="../../instrumenten/volledig/">Volledig voorbeeld</a>' in generated
    embedded = html(site, "gids/vragen/index.html")
    assert 'id="minimum-taalniveau"' in embedded
    assert '<a href="../../instrumenten/volledig/">Volledig voorbeeld</a>' in embedded


def test_search_index_has_words_from_forms_and_faqs(site: Path) -> None:
    index = json.loads(html(site, "search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "zwerfwifi" in text  # only in an item's help text
    assert "minimum taalniveau" in " ".join(doc["title"] for doc in index["docs"]).lower()
    assert index["config"]["lang"] == ["nl"]


def test_search_leaves_out_the_compare_and_group_tools(site: Path) -> None:
    """Tools reached from their instrument's page; in results they would crowd out the texts."""
    index = json.loads(html(site, "search/search_index.json"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "instrumenten/volledig/" in locations
    assert not [loc for loc in locations if loc.endswith(("/vergelijken/", "/groep/"))]


def test_search_reads_a_form_s_words_not_its_controls(site: Path) -> None:
    """Search gets a form's questions and help, not its option cells and buttons."""
    index = json.loads(html(site, "search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "zwerfwifi" in text
    assert "Rekenmodule wordt geladen" not in text  # the form's status line
    assert "Wis mijn antwoorden" not in text  # its buttons
    page = html(site, "formulieren/index.html")
    # The form itself is on the page, its search stand-in is not.
    assert "draaiboek-form" not in page
    assert "Rekenmodule wordt geladen" in page


def test_runtime_and_definitions_are_in_the_site(site: Path) -> None:
    (runtime,) = (site / "assets/draaiboek").glob("pyodide-*")
    # Named after Pyodide's version and a hash of all it holds: cacheable for good.
    assert re.fullmatch(r"pyodide-\d+\.\d+\.\d+-[0-9a-f]{10}", runtime.name)
    worker = browser_asset(site, "worker.mjs").read_text()
    assert f'from "./{runtime.name}/pyodide.mjs"' in worker
    assert "./pyodide/" not in worker
    # The trimmed runtime: Pyodide's engine and the scorer's own standard library, no wheel.
    assert sorted(p.name for p in runtime.iterdir()) == [
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "pyodide.mjs",
        "scorer_stdlib.zip",
    ]
    options = json.loads(re.search(r"const RUNTIME = (\{.*\});", worker).group(1))  # type: ignore[union-attr]
    assert options["stdLibURL"] == "scorer_stdlib.zip"
    assert options["lockFileContents"]["packages"] == {}
    for name in ("forms.js", "qrdecode.js", "worker.mjs", "draaiboek.css"):
        # Named after their content, so browsers keep them for good.
        asset = browser_asset(site, name)
        assert cache_control(asset.relative_to(site).as_posix()) == IMMUTABLE
        assert not (site / "assets/draaiboek" / name).exists()
    # forms.js finds the worker under its new name.
    forms = browser_asset(site, "forms.js").read_text()
    names = {name: browser_asset(site, name).name for name in ("qrdecode.js", "worker.mjs")}
    assert f"ASSET_NAMES = {json.dumps(names, separators=(',', ':'), sort_keys=True)};" in forms
    catalog = load_catalog([FIXTURES / "valid"])
    page = html(site, "instrumenten/volledig/index.html")
    match = re.search(r'data-definition="([^"]+)"', page)
    assert match is not None
    compiled = json.loads((site / "assets/draaiboek/instruments" / match.group(1)).read_text())
    assert compiled == catalog.instruments["volledig"].compiled


def test_python_stdlib_full_ships_pyodide_s_own_with_the_wheel(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      site_id: test\n", "      site_id: test\n      python_stdlib: full\n"
        )
    )
    site = build_site(root)
    (runtime,) = (site / "assets/draaiboek").glob("pyodide-*")
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (runtime / name).is_file(), name
    lock = json.loads((runtime / "pyodide-lock.json").read_text())
    entry = lock["packages"]["draaiboek-scoring"]
    assert (runtime / entry["file_name"]).is_file()
    assert len(entry["sha256"]) == 64
    worker = browser_asset(site, "worker.mjs").read_text()
    assert 'const RUNTIME = {"packages":["draaiboek-scoring"]};' in worker


def test_the_built_site_references_no_other_origin(site: Path) -> None:
    assert scan_site(site) == []
    assert 'src="https://' not in html(site, "index.html")


def test_a_page_loading_from_another_origin_fails_the_build(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        pages={"extern.md": '# Extern\n\n<img src="https://example.org/logo.png" alt="">\n'},
    )
    message = build_error(root)
    assert "extern/index.html" in message
    assert "https://example.org/logo.png" in message


def test_an_invalid_definition_fails_the_build_with_its_location(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        definitions={
            "kapot.yaml": """\
                version: 1
                title: Kapot
                sections:
                  - id: een
                    items:
                      - id: vraag
                        text: Vraag
                        scale: bestaat-niet
            """
        },
    )
    for strict in (False, True):
        message = build_error(root, strict=strict)
        assert "checklists/kapot.yaml:8:" in message
        assert "bestaat-niet" in message


def test_an_unknown_id_in_a_page_fails_with_the_page_name(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages={"werk/pagina.md": '# Pagina\n\nTekst.\n\n{{ checklist("volledik") }}\n'}
    )
    message = build_error(root)
    assert "content/werk/pagina.md:5: onbekende instrument 'volledik'" in message
    assert "bedoel je 'volledig'?" in message


def test_a_broken_macro_fails_with_the_page_name(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"pagina.md": "# Pagina\n\n{{ checklist(volledig) }}\n"})
    message = build_error(root)
    assert "content/pagina.md:3: '{{ checklist' is niet goed geschreven" in message


def test_the_same_form_twice_on_a_page_fails(tmp_path: Path) -> None:
    twice = '# Twee\n\n{{ checklist("volledig") }}\n\n{{ checklist("volledig") }}\n'
    root = write_site(tmp_path, pages={"twee.md": twice})
    message = build_error(root)
    assert "content/twee.md:5: het instrument 'volledig' staat al eerder op deze pagina" in message


def test_a_missing_checklists_folder_is_explained(tmp_path: Path) -> None:
    root = write_site(tmp_path, checklists=None)
    (root / "checklists").rmdir()
    message = build_error(root)
    assert "de map met instrumenten 'checklists' bestaat niet" in message


def test_an_authors_own_page_replaces_the_generated_one(tmp_path: Path) -> None:
    own = "# Eigen overzicht\n\nOnze keuze.\n"
    root = write_site(tmp_path, pages={"instrumenten/index.md": own})
    site = build_site(root)
    assert "Onze keuze." in html(site, "instrumenten/index.html")


def test_storage_setting_reaches_the_form(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path, storage="session"))
    page = html(site, "instrumenten/volledig/index.html")
    assert 'data-storage="session"' in page
    assert "wordt gewist als je de browser sluit" in page


def test_draaiboek_build_offline_makes_a_folder_site(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml")
        .read_text()
        .replace("enabled: false", "enabled: !ENV [DRAAIBOEK_OFFLINE, false]")
    )
    done = draaiboek(["build", "--offline"], cwd=root)
    assert done.returncode == 0, done.stderr
    site = root / "site"
    # Pages as files (no directory URLs) and the search index as a script.
    assert (site / "instrumenten/volledig.html").is_file()
    assert (site / "search/search_index.js").is_file()
    assert scan_site(site) == []


def test_draaiboek_build_offline_explains_a_missing_offline_plugin(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    text = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(
        text.split("  - offline:")[0]
        + "markdown_extensions:"
        + text.split("markdown_extensions:")[1]
    )
    done = draaiboek(["build", "--offline"], cwd=root)
    assert done.returncode == 1
    assert "--offline heeft de offline-plugin van mkdocs-material nodig" in done.stderr


# -- glossary --------------------------------------------------------------------

GLOSSARY = """\
VDAB: "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding."
art. 60: "Tewerkstelling via het OCMW."
"""

LINKED = """\
version: 1
title: Gelinkt
intro: "Lees eerst [de gids](gids/uitleg.md#stappen) of vraag het aan VDAB."
sections:
  - id: deel
    items:
      - {id: vraag, text: "Kent de klant VDAB?", scale: zelf-hulp-niet}
"""

LINKED_FAQ = """\
kind: faq
id: faq-gelinkt
title: Vragen met een link
entries:
  - id: waar
    question: Waar staat de uitleg?
    answer: "In [de gids](gids/uitleg.md#stappen), en bij art. 60 ook bij het OCMW."
"""

GUIDE = "# Uitleg\n\n## Stappen\n\nEerst VDAB bellen, dan art. 60 bekijken.\n"


@pytest.fixture(scope="module")
def glossary_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("woordenlijst"),
        glossary=GLOSSARY,
        definitions={"gelinkt.yaml": LINKED, "faq/faq-gelinkt.yaml": LINKED_FAQ},
        pages={
            "gids/uitleg.md": GUIDE,
            "diep/in/de/map.md": '# Diep\n\n{{ checklist("gelinkt") }}\n\n{{ faq("faq-gelinkt") }}\n',
            "woordenlijst.md": "# Woordenlijst\n\n{{ woordenlijst() }}\n",
        },
    )
    return build_site(root)


def test_abbreviations_get_a_tooltip_on_pages_and_in_forms(glossary_site: Path) -> None:
    tooltip = (
        '<abbr title="Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding.">VDAB</abbr>'
    )
    assert tooltip in html(glossary_site, "gids/uitleg/index.html")
    page = html(glossary_site, "diep/in/de/map/index.html")
    form = page[page.index('id="db-gelinkt"') :]
    assert tooltip in form[: form.index("</form>")]
    assert '<abbr title="Tewerkstelling via het OCMW.">art. 60</abbr>' in html(
        glossary_site, "diep/in/de/map/index.html"
    )


def test_the_glossary_macro_lists_every_term_sorted(glossary_site: Path) -> None:
    page = html(glossary_site, "woordenlijst/index.html")
    assert page.index(">art. 60<") < page.index(">VDAB<")
    assert page.count("<tr>") == 3  # header and two terms


def test_links_to_pages_in_definitions_and_faqs_work_from_any_depth(glossary_site: Path) -> None:
    deep = html(glossary_site, "diep/in/de/map/index.html")
    assert 'href="../../../../gids/uitleg/#stappen"' in deep  # the form's intro
    assert 'href="../../../../gids/uitleg/#stappen">de gids</a>, en bij' in deep  # the FAQ
    own = html(glossary_site, "instrumenten/gelinkt/index.html")
    assert 'href="../../gids/uitleg/#stappen"' in own
    faq_page = html(glossary_site, "faq/faq-gelinkt/index.html")
    assert 'href="../../gids/uitleg/#stappen"' in faq_page


def test_a_link_to_a_missing_page_in_a_definition_fails_with_its_file(tmp_path: Path) -> None:
    broken = LINKED.replace("gids/uitleg.md", "gids/uitlg.md")
    root = write_site(
        tmp_path,
        definitions={"gelinkt.yaml": broken},
        pages={"gids/uitleg.md": GUIDE},
    )
    message = build_error(root)
    assert "checklists/gelinkt.yaml: een link in het instrument 'gelinkt'" in message
    assert "'gids/uitlg.md', maar die pagina bestaat niet" in message
    assert "bedoel je 'gids/uitleg.md'?" in message


def test_a_link_to_a_missing_page_in_a_faq_fails_the_strict_build(tmp_path: Path) -> None:
    broken = LINKED_FAQ.replace("gids/uitleg.md", "gids/weg.md")
    root = write_site(
        tmp_path,
        definitions={"faq/faq-gelinkt.yaml": broken},
        pages={"gids/uitleg.md": GUIDE, "vragen.md": '# V\n\n{{ faq("faq-gelinkt") }}\n'},
    )
    assert "gids/weg.md" in build_error(root)


def test_a_broken_glossary_fails_with_its_line(tmp_path: Path) -> None:
    root = write_site(tmp_path, glossary='VDAB: "Vlaamse Dienst."\nNEC:\n')
    message = build_error(root)
    assert "fout in de woordenlijst" in message
    assert "woordenlijst.yaml:2:" in message
    assert "'NEC' heeft geen uitleg" in message


def test_the_glossary_macro_without_a_glossary_is_explained(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"lijst.md": "# Lijst\n\n{{ woordenlijst() }}\n"})
    message = build_error(root)
    assert "content/lijst.md:3: er is geen woordenlijst" in message
    assert "glossary: woordenlijst.yaml" in message


def test_a_macro_without_its_id_is_explained(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"leeg.md": "# Leeg\n\n{{ checklist() }}\n"})
    message = build_error(root)
    assert "content/leeg.md:3: {{ checklist() }} mist de id" in message
    assert 'schrijf {{ checklist("de-id") }}' in message


def test_pages_with_a_form_start_the_scorer_from_the_head(site: Path) -> None:
    page = html(site, "formulieren/index.html")
    head = page[page.index("<head>") : page.index("</head>")]
    assert head.startswith('<head><script>if(location.protocol!=="file:"')
    worker = browser_asset(site, "worker.mjs").name
    assert f'new Worker("../assets/draaiboek/{worker}",{{type:"module"}})' in head
    # The definitions of the page's forms are fetched and read as soon as Python is up.
    preloads = re.search(r"for\(const d of (\[.*?\])\)w\.postMessage", head)
    assert preloads is not None
    (definition,) = json.loads(preloads.group(1))
    assert re.fullmatch(
        r"\.\./assets/draaiboek/instruments/volledig\.[0-9a-f]{10}\.json", definition
    )
    assert (site / "formulieren" / definition).resolve().is_file()
    assert "draaiboekWorker" not in html(site, "index.html")


def test_a_form_is_the_same_on_every_page_but_for_its_caption(site: Path) -> None:
    def form(page: str) -> str:
        found = re.search(
            r'<div class="db-instrument-wrap" id="db-volledig">.*?\n</form>\n</div>',
            html(site, page),
            re.DOTALL,
        )
        assert found, page
        return found.group(0)

    own, embedded = form("instrumenten/volledig/index.html"), form("formulieren/index.html")
    caption = re.search(r'<p class="db-caption">.*?</p>\n', embedded)
    assert caption and 'href="../instrumenten/volledig/"' in caption.group(0)
    assert embedded.replace(caption.group(0), "", 1) == own


def test_a_second_build_compiles_no_theme_template_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(tmp_path, pages={"formulieren.md": EMBED_PAGE})
    first = (build_site(root) / "formulieren/index.html").read_bytes()
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: Any, name: Any = None, *rest: Any) -> Any:
        compiled.append(name)
        return compile_template(self, source, name, *rest)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    second = (build_site(root) / "formulieren/index.html").read_bytes()
    assert second == first
    assert "main.html" not in compiled and "base.html" not in compiled
    assert "instrument.html" not in compiled
