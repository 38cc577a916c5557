"""The repository's own handbook: its content, its instruments and its links.

These tests hold the handbook to what issue 6 promises counsellors: every
instrument from the sources exists and sits on the page that discusses it,
every page names its source, no link is broken, and nothing the sources
asked to keep private is published.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from draaiboek.glossary import load_glossary
from draaiboek.loader import load_catalog
from draaiboek.origins import scan_site
from draaiboek.plugin import macro_calls
from tests.sitelib import ROOT, draaiboek

CONTENT = ROOT / "content"
CHECKLISTS = ROOT / "checklists"

INSTRUMENTS = {
    "digitaal-profiel",
    "weerstand-email",
    "digitale-noden",
    "klaar-voor-nec",
    "jobhunting-diagnose",
    "jobhunting-stappen",
    "prospectie",
    "groepsaanbod",
    "speeddate",
    "organisatie-doorstroomklaar",
    "kpi-doorstroom",
    "doorstroomklaar-gesprek",
    "starr",
    "sam-observatie",
    "pdp-actieplan",
}
FAQS = {"faq-werkgeversbenadering", "faq-digitaal"}
# The abbreviations issue 6 names; the glossary may hold more.
REQUIRED_ABBREVIATIONS = [
    *[
        "VDAB",
        "NEC",
        "SEC",
        "MLB",
        "BVS",
        "TBS",
        "IBO",
        "BIS",
        "ACTIVA",
        "OCMW",
        "MO",
        "NT2",
        "CGVS",
        "LOI",
        "PDP",
        "KPI",
    ],
    *["STARR", "WAKKER", "SAM", "RVA", "VFU", "Gsiw", "CBE", "OKAN"],
    "art. 60",
]
# Pages whose text comes from the sources (the others are about the handbook itself).
SOURCE_PARTS = ("digitale-inclusie", "werkgevers", "doorstroom", "faq")


def pages() -> Iterator[Path]:
    yield from sorted(CONTENT.rglob("*.md"))


def calls(name: str) -> dict[str, list[str]]:
    """Per id, the pages that call ``{{ name("id") }}`` (outside code)."""
    found: dict[str, list[str]] = {}
    for page in pages():
        for macro, ref, _line in macro_calls(page.read_text(encoding="utf-8")):
            if macro == name and ref is not None:
                found.setdefault(ref, []).append(page.relative_to(CONTENT).as_posix())
    return found


# -- instruments and where they stand -----------------------------------------


def test_every_instrument_and_faq_of_the_sources_exists_and_passes_check() -> None:
    catalog = load_catalog([CHECKLISTS])  # raises with every problem if one fails the check
    assert set(catalog.instruments) == INSTRUMENTS
    assert set(catalog.faqs) == FAQS
    entries = catalog.faqs["faq-werkgeversbenadering"].model.entries
    assert len(entries) == 17, "the source has seventeen questions"


def test_every_instrument_and_faq_is_embedded_in_a_page() -> None:
    forms, faqs = calls("checklist"), calls("faq")
    instrument_files = {p.stem for p in CHECKLISTS.glob("*.yaml") if not p.name.startswith("_")}
    assert instrument_files - set(forms) == set(), "instrument files no page embeds"
    assert FAQS - set(faqs) == set()
    # Embedded where the text discusses the topic, not only in an overview.
    assert forms["digitaal-profiel"] == ["digitale-inclusie/digitale-profielen.md"]
    assert forms["weerstand-email"] == ["digitale-inclusie/weerstand.md"]
    assert forms["sam-observatie"] == ["doorstroom/assessment.md"]
    assert forms["prospectie"] == ["werkgevers/prospectie.md"]
    assert forms["pdp-actieplan"] == ["doorstroom/doorstroom.md"]


def test_every_page_from_a_source_ends_with_its_source() -> None:
    missing = []
    for page in pages():
        relative = page.relative_to(CONTENT)
        if relative.parts[0] not in SOURCE_PARTS:
            continue
        closing = page.read_text(encoding="utf-8").rsplit("\n---\n", 1)[-1]
        if not closing.lstrip().startswith("*Bron"):
            missing.append(relative.as_posix())
    assert missing == []


def test_the_sources_page_covers_every_source() -> None:
    text = (CONTENT / "bronnen.md").read_text(encoding="utf-8")
    for title in (
        "VDAB-intranet",
        "Wij Willen Waardig Werk",
        "Gsiw-projectfiche",
        "Werkgeversbenadering & jobhunting",
        "DOne-draaiboek",
    ):
        assert title in text
    # Left-out parts say why.
    assert "enkel voor intern gebruik" in text
    assert text.count("Weggelaten") >= 8


def test_examples_in_the_authors_guide_pass_the_check(tmp_path: Path) -> None:
    guide = (CONTENT / "voor-auteurs.md").read_text(encoding="utf-8")
    examples = re.findall(r"```yaml\n(# (checklists/[^\n]+)\n.*?)```", guide, re.DOTALL)
    assert len(examples) >= 4
    shutil.copy(CHECKLISTS / "_scales.yaml", tmp_path / "_scales.yaml")
    for text, path in examples:
        target = tmp_path / path.removeprefix("checklists/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert len(catalog.instruments) + len(catalog.faqs) == len(examples)


# -- privacy and the sources' restrictions ------------------------------------


def published_text() -> str:
    files = [*pages(), *CHECKLISTS.rglob("*.yaml"), ROOT / "woordenlijst.yaml"]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def test_no_contact_details_or_internal_figures_are_published() -> None:
    text = published_text()
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) == []
    assert re.findall(r"\b0\d{1,2} ?\d{2} ?\d{2} ?\d{2}\b", text) == []
    # The Ghent figures by age are "enkel voor intern gebruik".
    for figure in ("1749", "1227", "12,6", "413", "407"):
        assert figure not in text
    # No surnames of people in the cases, no lists of participants or authors.
    for name in ("Hussine", "Sauviller", "Paelinck", "Lambrechts", "Stanislav"):
        assert name not in text


# -- the glossary ----------------------------------------------------------------


def test_the_glossary_explains_every_abbreviation_the_sources_use() -> None:
    glossary = load_glossary(ROOT / "woordenlijst.yaml")
    assert [a for a in REQUIRED_ABBREVIATIONS if a not in glossary] == []


# -- the built handbook ----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`draaiboek build --strict` of the repository, as CI and `make serve` see it."""
    site = tmp_path_factory.mktemp("handbook") / "site"
    done = draaiboek(["build", "--strict", "-d", str(site)], cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return site


def test_the_handbook_builds_strict_with_every_item_type(built: Path) -> None:
    catalog = load_catalog([CHECKLISTS])
    for instrument_id in catalog.instruments:
        assert (built / "instrumenten" / instrument_id / "index.html").is_file()
    types = {item.type for d in catalog.instruments.values() for item in d.resolved.items.values()}
    assert types == {"choice", "multi", "number", "text", "table"}
    layouts = {s.layout for d in catalog.instruments.values() for s in d.model.sections}
    assert layouts == {"list", "grid"}
    assert scan_site(built) == []


class _Links(HTMLParser):
    """Every id in a page and every link it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def test_no_internal_link_is_broken(built: Path) -> None:
    parsed: dict[Path, _Links] = {}
    for page in built.rglob("*.html"):
        if page.name == "404.html":
            continue  # MkDocs writes it with root-relative links: it is served at any path
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken = []
    for page, parser in parsed.items():
        for href in parser.links:
            url = urlsplit(href)
            if url.scheme or url.netloc:
                continue  # another site: a link, never fetched
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if target not in parsed and not target.is_file():
                broken.append(f"{page.relative_to(built)}: {href}")
                continue
            fragment = unquote(url.fragment)
            if fragment and target in parsed and fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(built)}: {href} (anker)")
    assert broken == []


def test_abbreviations_get_their_tooltip_on_pages_and_in_forms(built: Path) -> None:
    glossary = load_glossary(ROOT / "woordenlijst.yaml")
    steps = (built / "werkgevers/stappenplan/index.html").read_text(encoding="utf-8")
    assert f'<abbr title="{glossary["NEC"]}">NEC</abbr>' in steps
    profile = (built / "digitale-inclusie/digitale-profielen/index.html").read_text(
        encoding="utf-8"
    )
    form = profile[profile.index('<form class="db-instrument') :]
    form = form[: form.index("</form>")]
    assert f'<abbr title="{glossary["VDAB"]}">VDAB</abbr>' in form
    table = (built / "woordenlijst/index.html").read_text(encoding="utf-8")
    assert table.count("<tr>") == len(glossary) + 1


def test_a_link_in_a_definition_points_at_the_built_page(built: Path) -> None:
    profile = (built / "digitale-inclusie/digitale-profielen/index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="../weerstand/"' in profile
    own_page = (built / "instrumenten/digitaal-profiel/index.html").read_text(encoding="utf-8")
    assert 'href="../../digitale-inclusie/weerstand/"' in own_page


# -- honest labels, dated law, anonymised quotes (issue 14) -------------------------

OWN_LABEL = "Eigen aanvulling van het handboek"


def test_the_handbooks_own_rules_are_labelled_in_the_form_and_the_result(built: Path) -> None:
    page = (built / "instrumenten/sam-observatie/index.html").read_text(encoding="utf-8")
    legends = dict(
        re.findall(
            r'data-section="(\w+)".*?<legend class="db-section-title">(.*?)</legend>', page, re.S
        )
    )
    # Initiatief is the source's own rubric; the other competencies are the handbook's.
    assert OWN_LABEL not in legends["initiatief"]
    assert OWN_LABEL in legends["samenwerken"]
    # The result region carries the list of additions and the caveat, never hidden,
    # so the printed result (a copy of that region) carries them too.
    note = re.search(r"<div class=\"db-origin-note\" data-origin-note>(.*?)</div>", page, re.S)
    assert note is not None
    assert "vertrekpunt" in note.group(1)
    assert "onderdelen: Samenwerken; Zelfstandigheid" in note.group(1)
    assert "Initiatief;" not in note.group(1).split("onderdelen:")[1].split("</li>")[0]
    profile = (built / "instrumenten/digitaal-profiel/index.html").read_text(encoding="utf-8")
    outcome = re.search(r'data-outcome="laaggeletterd".*?</p>', profile, re.S)
    assert outcome is not None and OWN_LABEL in outcome.group(0)
    no_means = re.search(r'data-outcome="geen_middelen_profiel".*?</p>', profile, re.S)
    assert no_means is not None and OWN_LABEL not in no_means.group(0)


def test_every_instrument_with_additions_is_listed_on_the_sources_page() -> None:
    sources = (CONTENT / "bronnen.md").read_text(encoding="utf-8")
    additions = sources[sources.index("## Eigen aanvullingen") :]
    catalog = load_catalog([CHECKLISTS])
    for instrument_id, definition in catalog.instruments.items():
        model = definition.model
        own = (
            model.origin_note
            or any(s.origin == "handboek" for s in model.sections)
            or any(s.origin == "handboek" for s in model.scores or [])
            or any(o.origin == "handboek" for o in [*model.flags, *model.outcomes])
        )
        if own:
            assert f"(instrumenten/{instrument_id}.md)" in additions, instrument_id


def test_abolished_measures_are_stated_with_their_dates() -> None:
    text = published_text()
    assert "Mogelijk verouderd" not in text
    permit = (CHECKLISTS / "faq/faq-werkgeversbenadering.yaml").read_text(encoding="utf-8")
    assert "afgeschaft (1 januari 2019)" in permit
    exit_page = (CONTENT / "doorstroom/uitstroom.md").read_text(encoding="utf-8")
    assert "Afgeschaft in Vlaanderen" in exit_page
    assert "1 januari 2017" in exit_page and "31 december 2018" in exit_page


def test_quotes_name_no_one() -> None:
    text = published_text()
    for name in ("Mohammed", "Ali ", "McDonald", 'Stad Gent"'):
        assert name not in text, name
