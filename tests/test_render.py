"""The renderer: golden outlines of each layout, escaping, Markdown, generated pages."""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest

from draaiboek.loader import Catalog, load_catalog
from draaiboek.render import Renderer, builtin_macros_dir
from tests.htmltree import outline
from tests.sitelib import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DRAAIBOEK_UPDATE_GOLDEN") == "1"
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details"]
# What MkDocs adds to a site's own list.
MKDOCS_DEFAULTS = ["toc", "tables", "fenced_code"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([FIXTURES / "valid"])


@pytest.fixture(scope="module")
def renderer(catalog: Catalog) -> Renderer:
    return Renderer(catalog, markdown_extensions=EXTENSIONS, site_id="test")


def renderer_for(tmp_path: Path, definition: str) -> Renderer:
    """A renderer for one instrument ``definitie`` (version 1 plus the given YAML)."""
    (tmp_path / "definitie.yaml").write_text("version: 1\n" + definition, encoding="utf-8")
    return Renderer(load_catalog([tmp_path]))


def parts(html: str) -> dict[str, str]:
    """The form split into what the golden files hold: each layout, result, actions."""
    found: dict[str, str] = {}
    for match in re.finditer(
        r'<fieldset class="db-section db-section-(list|grid)".*?\n</fieldset>', html, re.DOTALL
    ):
        found[f"section-{match.group(1)}"] = match.group(0)
    result = re.search(r"<section class=\"db-result\".*?</section>", html, re.DOTALL)
    actions = re.search(r'<div class="db-actions".*?</p>', html, re.DOTALL)
    head = html.split('<fieldset class="db-section', 1)[0]
    assert result and actions
    found["result"] = result.group(0)
    found["actions"] = actions.group(0)
    found["form-start"] = head
    return found


@pytest.mark.parametrize(
    "part", ["form-start", "section-list", "section-grid", "result", "actions"]
)
def test_rendered_form_matches_its_golden_outline(renderer: Renderer, part: str) -> None:
    html = renderer.instrument_form("volledig", page_link="../instrumenten/volledig/")
    actual = outline(parts(html)[part])
    golden = GOLDEN / f"volledig-{part}.txt"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{golden.name} did not exist; written now, review and commit it")
    assert actual == golden.read_text(encoding="utf-8")


def test_every_label_points_at_an_input_and_ids_are_unique(renderer: Renderer) -> None:
    html = renderer.instrument_form("volledig")
    live = html.split("<template", 1)[0] + html.split("</template>", 1)[1]
    ids = re.findall(r'\sid="([^"]+)"', live)
    assert len(ids) == len(set(ids)), "duplicate ids"
    for target in re.findall(r'<label [^>]*for="([^"]+)"', live):
        assert target in ids, target
    inputs = re.findall(r"<(?:input|select|textarea)\b[^>]*>", live)
    for tag in inputs:
        own_id = re.search(r'\sid="([^"]+)"', tag)
        assert own_id is not None, tag
        assert f'for="{own_id.group(1)}"' in live, tag


def test_text_from_definitions_is_escaped_in_attributes(tmp_path: Path) -> None:
    html = renderer_for(
        tmp_path,
        "title: 'Titel met \"aanhalingstekens\" & <tekens>'\n"
        "sections:\n  - id: s\n    items:\n      - {id: a, text: Vraag, options: [{value: '\"x\"', label: '<b>'}]}\n",
    ).instrument_form("definitie")
    assert 'data-title="Titel met &#34;aanhalingstekens&#34; &amp; &lt;tekens&gt;"' in html
    assert 'value="&#34;x&#34;" data-json="&#34;\\&#34;x\\&#34;&#34;"' in html
    assert "<span>&lt;b&gt;</span>" in html


def test_inline_markdown_loses_only_its_paragraph(renderer: Renderer) -> None:
    assert renderer.inline("Heeft **internet**") == "Heeft <strong>internet</strong>"
    assert renderer.inline("een\n\ntwee") == "<p>een</p>\n<p>twee</p>"
    # Titles such as "2. Startpakket" stay titles, not lists or headings.
    assert renderer.inline("2. Digitaal startpakket") == "2. Digitaal startpakket"
    assert renderer.inline("- los") == "- los"
    assert renderer.inline("# niet groot") == "# niet groot"


def test_a_sites_own_template_replaces_the_built_in_one(catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "actions.html").write_text('<p class="eigen">Geen knoppen hier.</p>\n')
    html = Renderer(catalog, template_dirs=[tmp_path]).instrument_form("volledig")
    assert '<p class="eigen">Geen knoppen hier.</p>' in html
    assert 'data-action="export"' not in html


def test_builtin_templates_are_found() -> None:
    assert (builtin_macros_dir() / "instrument.html").is_file()


def test_overview_and_faq_markdown(renderer: Renderer) -> None:
    overview = renderer.overview_page(lambda i: f"{i}.md")
    assert "## [Volledig voorbeeld](volledig.md)" in overview
    assert "- *Voor:* jobcoach, trainer" in overview
    faq = renderer.faq("faq-voorbeeld", lambda i: f"../instrumenten/{i}.md")
    assert (
        "## Is er een minimum taalniveau Nederlands nodig? { #minimum-taalniveau .db-faq-question }"
        in faq
    )
    assert "*Zie ook:* [Volledig voorbeeld](../instrumenten/volledig.md)" in faq


def test_titles_cannot_inject_markdown(tmp_path: Path) -> None:
    page = renderer_for(
        tmp_path,
        "title: '[klik](https://example.org) *nadruk*'\n"
        "sections:\n  - id: s\n    items:\n      - {id: a, text: Vraag, type: text}\n",
    ).instrument_page("definitie")
    assert "# \\[klik\\]\\(https://example.org\\) \\*nadruk\\*" in page
    assert 'title: "[klik](https://example.org) *nadruk*"' in page


PLAIN_TEXTS = [
    "Heeft internet thuis",
    "Kan de klant zelf een e-mail versturen?",
    "Werkt met een smartphone (Android of iOS).",
    "Schrijft 'ja' of \"neen\" op; 50% of meer",
    "Laag",
    "Ik kan dit - soms",
    "Zelfstandig, zonder hulp!",
]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_text_renders_as_markdown_would(text: str) -> None:
    """The shortcut for plain text gives exactly what the full Markdown setup gives."""
    glossary = {"VDAB": "Vlaamse Dienst voor Arbeidsbemiddeling"}
    fast = Renderer(
        Catalog(),
        markdown_extensions=[*MKDOCS_DEFAULTS, *EXTENSIONS, "abbr"],
        extension_configs={"abbr": {"glossary": glossary}},
    )
    assert fast._is_plain(text)
    slow = markdown.Markdown(
        extensions=[*MKDOCS_DEFAULTS, *EXTENSIONS, "abbr"],
        extension_configs={"abbr": {"glossary": glossary}},
    )
    assert fast.markdown(text) == slow.convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "1. Eerste",
        "- punt",
        "Een *nadruk*",
        "Naar de VDAB",
        "a <b>",
        "x & y",
        "Twee\nregels",
        "Zie [link](a.md)",
        " spatie",
    ],
)
def test_text_with_markdown_or_a_glossary_term_takes_the_full_road(text: str) -> None:
    renderer = Renderer(
        Catalog(),
        markdown_extensions=[*MKDOCS_DEFAULTS, *EXTENSIONS, "abbr"],
        extension_configs={"abbr": {"glossary": {"VDAB": "Vlaamse Dienst"}}},
    )
    assert not renderer._is_plain(text)
    assert not Renderer(Catalog(), markdown_extensions=["smarty"])._is_plain("Heeft internet")


def test_a_form_is_rendered_once_and_only_its_caption_differs(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    renderer = Renderer(catalog, markdown_extensions=EXTENSIONS, site_id="test")
    renders: list[object] = []
    original = Renderer._render_form

    def counted(self: Renderer, parts: dict[str, object], page_link: object, caption: str) -> str:
        renders.append(page_link)
        return original(self, parts, page_link, caption)  # type: ignore[arg-type]

    monkeypatch.setattr(Renderer, "_render_form", counted)
    own = renderer.instrument_form("volledig")
    near = renderer.instrument_form("volledig", page_link="../instrumenten/volledig/")
    deep = renderer.instrument_form("volledig", page_link="../../instrumenten/volledig/")
    assert len(renders) == 1
    model = catalog.instruments["volledig"].model
    caption = (
        '<p class="db-caption">Instrument: <a href="../instrumenten/volledig/">'
        f"{model.title}</a> · versie {model.version}</p>\n"
    )
    assert caption in near
    assert near.replace(caption, "", 1) == own
    assert deep == near.replace('href="../instrumenten/', 'href="../../instrumenten/', 1)
    assert "db-caption" not in own
    assert "\ue000" not in own + near


def test_a_site_template_reading_page_link_is_rendered_per_page(
    catalog: Catalog, tmp_path: Path
) -> None:
    (tmp_path / "instrument.html").write_text(
        '<form>{% if page_link %}<a href="{{ page_link }}">eigen pagina</a>{% endif %}</form>\n'
    )
    renderer = Renderer(catalog, template_dirs=[tmp_path])
    assert renderer.instrument_form("volledig", page_link="../x/") == (
        '<form><a href="../x/">eigen pagina</a></form>\n'
    )
    assert renderer.instrument_form("volledig") == "<form></form>\n"
    assert renderer.instrument_form("volledig", page_link="../../x/") == (
        '<form><a href="../../x/">eigen pagina</a></form>\n'
    )


def test_an_author_text_holding_the_caption_slot_is_left_alone(tmp_path: Path) -> None:
    slot = "\ue000db-caption\ue000"
    renderer = renderer_for(
        tmp_path,
        f"title: Vreemd {slot}\n"
        "sections:\n  - id: s\n    items:\n      - {id: a, text: Vraag, type: text}\n",
    )
    own = renderer.instrument_form("definitie")
    linked = renderer.instrument_form("definitie", page_link="../p/")
    assert own.count(slot) == 2  # data-title and aria-label, as written
    assert linked.count('class="db-caption"') == 1
    assert re.sub(r'<p class="db-caption">.*\n', "", linked, count=1) == own
