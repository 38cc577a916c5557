"""Turning checked definitions into HTML forms and Markdown pages, independent of MkDocs.

The :class:`Renderer` prepares plain view objects (what a template needs, with
Markdown already converted) and hands them to the Jinja2 templates in
``macros/``. Templates hold all markup; this module holds the decisions: which
template an item gets, which items start hidden, how ids stay unique on a page.

Anything that reads ``mkdocs.yml`` (another static-site engine, a test) can use
it: it needs the catalog, the Markdown extensions and where the templates are.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import markdown
from markupsafe import Markup, escape

from draaiboek.checker import ResolvedOption
from draaiboek.loader import Catalog, FaqDefinition, InstrumentDefinition
from draaiboek.numbers import format_number
from draaiboek_scoring.answers import MAX_TABLE_ROWS, MAX_TEXT_LENGTH
from draaiboek_scoring.group import DEFAULT_MIN_GROUP
from draaiboek_scoring.instrument import Instrument
from draaiboek_scoring.scoring import score

TEMPLATE_FOR_TYPE = {
    "choice": "item-choice.html",
    "multi": "item-multi.html",
    "number": "item-number.html",
    "text": "item-text.html",
    "table": "item-table.html",
}
TEMPLATE_FOR_LAYOUT = {"list": "section-list.html", "grid": "section-grid.html"}
FLAG_LEVELS = {"attention": "Belangrijk", "warning": "Let op", "info": "Ter info"}
HANDBOOK = "handboek"

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# Markdown that would start a block (list, heading, quote) at the start of a line.
# Text any Markdown setup below turns into just "<p>text</p>": one line that
# starts with a letter, holds only letters, digits, spaces and punctuation no
# extension reads. Most item texts and labels are like this; converting them
# with the full extension stack was a large part of rendering a form.
_PLAIN = re.compile(r"[^\W\d_][^\W_]*(?:[ ,.;:?!()'\"%/-]+[^\W_]*)*[.?!)]?")
# Extensions that leave such text alone (``abbr`` too, unless a glossary term occurs).
_PLAIN_SAFE_EXTENSIONS = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "fenced_code",
        "footnotes",
        "md_in_html",
        "tables",
        "toc",
        "pymdownx.details",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.superfences",
        "pymdownx.tabbed",
    }
)
# Where a form's caption goes. Private-use characters; should an author's text
# hold this very string, the slot is not unique and the form is rendered per page.
_CAPTION_SLOT = "\ue000db-caption\ue000"


class _UnreadLink:
    """Stands in for ``page_link`` in the one rendering of a form; notes any use.

    A template that tests or prints ``page_link`` gives a different form per
    page, so its form cannot be shared between pages.
    """

    def __init__(self) -> None:
        self.read = False

    def _use(self) -> str:
        self.read = True
        return ""

    def __bool__(self) -> bool:
        self._use()
        return True

    def __str__(self) -> str:
        return self._use()

    def __html__(self) -> str:
        return self._use()

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._use()


_BLOCK_START = re.compile(r"^(\s*\d*)([.)\-*+#>])(\s)")


def builtin_macros_dir() -> Path:
    """The templates that ship with draaiboek.

    In a wheel they sit inside the package; in a source checkout (editable
    install) they are the repository's ``macros/`` folder.
    """
    packaged = Path(str(resources.files("draaiboek"))) / "macros"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "macros"


@dataclass(frozen=True)
class OptionView:
    value: str
    json: str
    label: str
    descriptor: Markup | None = None


@dataclass(frozen=True)
class ColumnView:
    id: str
    label: str
    type: str
    options: list[OptionView]
    min: float | None
    max: float | None


@dataclass(frozen=True)
class ItemView:
    id: str
    dom_id: str
    type: str
    template: str
    text: Markup
    help: Markup | None
    required: bool
    hidden: bool
    conditional: bool
    options: list[OptionView] = field(default_factory=list)
    columns: list[ColumnView] = field(default_factory=list)
    min: float | None = None
    max: float | None = None
    step: float | str | None = None
    unit: str | None = None
    placeholder: str | None = None
    own: bool = False


@dataclass(frozen=True)
class SectionView:
    id: str
    dom_id: str
    title: Markup | None
    intro: Markup | None
    template: str
    hidden: bool
    conditional: bool
    items: list[ItemView]
    levels: list[OptionView]
    own: bool = False


@dataclass(frozen=True)
class AdviceView:
    band: str
    label: str
    advice: Markup | None
    own: bool = False


@dataclass(frozen=True)
class ScoreView:
    id: str
    label: str
    decimals: int | None
    min: float | None
    max: float | None
    chart: str | None
    bands: list[AdviceView]
    own: bool = False


@dataclass(frozen=True)
class FlagView:
    id: str
    level: str
    level_label: str
    message: Markup
    own: bool = False


@dataclass(frozen=True)
class OutcomeView:
    id: str
    label: str
    advice: Markup | None
    own: bool = False


class Renderer:
    """Renders forms, FAQ collections and generated pages with one Markdown setup."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        template_dirs: Sequence[Path] = (),
        markdown_extensions: Sequence[Any] = (),
        extension_configs: Mapping[str, Any] | None = None,
        site_id: str = "draaiboek",
        storage: str = "local",
        bytecode_cache: jinja2.BytecodeCache | None = None,
        converted: Mapping[str, str] | None = None,
    ) -> None:
        """``converted``: Markdown conversions of an earlier build with the same setup
        (:class:`draaiboek.markdown_cache.MarkdownCache`), used instead of converting again."""
        self.catalog = catalog
        self.site_id = site_id
        self.storage = storage
        self._markdown = markdown.Markdown(
            extensions=list(markdown_extensions), extension_configs=dict(extension_configs or {})
        )
        self._converted: dict[str, Markup] = {}
        self._kept = dict(converted or {})
        configs = dict(extension_configs or {})
        names = {name if isinstance(name, str) else "" for name in markdown_extensions}
        self._plain_ok = names <= _PLAIN_SAFE_EXTENSIONS
        self._glossary_terms = tuple(configs.get("abbr", {}).get("glossary", {}))
        self._form_parts: dict[str, dict[str, Any]] = {}
        # Per instrument: its form with the caption slot, or None if the
        # site's template reads page_link itself (rendered per page then).
        self._rendered: dict[str, str | None] = {}
        loaders = [jinja2.FileSystemLoader(str(d)) for d in [*template_dirs, builtin_macros_dir()]]
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            # Forms are HTML and escaped; generated pages are Markdown, escaped with md_escape.
            autoescape=jinja2.select_autoescape(["html"]),
            undefined=jinja2.StrictUndefined,
            # One environment per build: never stat a template again after loading it.
            auto_reload=False,
            # Compiled templates kept between builds (keyed by their source's hash).
            bytecode_cache=bytecode_cache,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["number"] = format_number
        self.env.filters["md_escape"] = _markdown_escape

    # -- Markdown ----------------------------------------------------------------

    def markdown(self, text: str | None) -> Markup | None:
        """Block Markdown from a definition, with the same extensions as the pages.

        Cached per text: labels like "ja" and "nee" and every form shown on
        two pages would otherwise be converted again and again.
        """
        if not text:
            return None
        html = self._converted.get(text)
        if html is None:
            kept = self._kept.get(text)
            if kept is not None:
                html = Markup(kept)
            elif self._is_plain(text):
                html = Markup(f"<p>{text}</p>")
            else:
                self._markdown.reset()
                html = Markup(self._markdown.convert(text))
            self._converted[text] = html
        return html

    def conversions(self) -> dict[str, str]:
        """This build's Markdown conversions, to keep for the next one."""
        return {text: str(html) for text, html in self._converted.items()}

    def _is_plain(self, text: str) -> bool:
        """Whether Markdown would only wrap ``text`` in a paragraph (see ``_PLAIN``)."""
        return (
            self._plain_ok
            and text == text.strip()
            and _PLAIN.fullmatch(text) is not None
            and not any(term in text for term in self._glossary_terms)
        )

    def inline(self, text: str) -> Markup:
        """One line of Markdown without the paragraph around it (item texts, labels).

        A leading "2. " or "- " is part of a title here, not the start of a list.
        """
        html = self.markdown(_BLOCK_START.sub(r"\1\\\2\3", text, count=1)) or Markup("")
        match = _PARAGRAPH.match(str(html))
        return Markup(match.group(1)) if match and "<p>" not in match.group(1) else html

    # -- Instruments ---------------------------------------------------------------

    def instrument_form(self, instrument_id: str, *, page_link: str | None = None) -> str:
        """The ``<form>`` of one instrument, with its result region and actions.

        ``page_link`` (the instrument's own page, seen from another page) only
        changes the caption, so the form is rendered once per build and the
        caption put in its slot. A site's own ``instrument.html`` that still
        reads ``page_link`` itself is rendered for every page, as before.
        """
        parts = self._parts(instrument_id)
        caption = Markup("")
        if page_link:
            caption = Markup(
                self.env.get_template("instrument-caption.html").render(
                    **parts, page_link=page_link
                )
            )
        if instrument_id not in self._rendered:
            watch = _UnreadLink()
            once = self._render_form(parts, watch, Markup(_CAPTION_SLOT))
            shared = not watch.read and once.count(_CAPTION_SLOT) <= 1
            self._rendered[instrument_id] = once if shared else None
        form = self._rendered[instrument_id]
        if form is None:
            return self._render_form(parts, page_link, caption)
        return form.replace(_CAPTION_SLOT, caption)

    def _render_form(self, parts: dict[str, Any], page_link: object, caption: Markup) -> str:
        template = self.env.get_template("instrument.html")
        return template.render(**parts, page_link=page_link, caption=caption)

    def search_text(self, instrument_id: str) -> str:
        """What a site's search should know of a form: its words, not its every option cell.

        A form's HTML repeats every option of every item; a search plugin would
        parse all of it for every page it is on. The MkDocs plugin shows search
        this instead and puts the form in afterwards: title, intro, section
        titles, questions and their help, score labels, advice, flags and outcomes.
        """
        parts = self._parts(instrument_id)
        texts: list[Markup | str | None] = [parts["title"], parts["intro"]]
        for section in parts["sections"]:
            texts += [section.title, section.intro]
            for item in section.items:
                texts += [item.text, item.help]
        for score_view in parts["scores"]:
            texts.append(score_view.label)
            texts += [band.advice for band in score_view.bands]
        texts += [flag.message for flag in parts["flags"]]
        for outcome in parts["outcomes"]:
            texts += [outcome.label, outcome.advice]
        return "\n".join(f"<div>{escape(text)}</div>" for text in texts if text)

    def _parts(self, instrument_id: str) -> dict[str, Any]:
        parts = self._form_parts.get(instrument_id)
        if parts is None:
            parts = self._form_parts[instrument_id] = self._form_context(instrument_id)
        return parts

    def _form_context(self, instrument_id: str) -> dict[str, Any]:
        """Everything a form shows, prepared once per build (a form often shows on two pages)."""
        definition = self.catalog.instruments[instrument_id]
        model = definition.model
        initial = score(Instrument.from_data(definition.compiled), {})
        hidden_items = set(initial["hidden"])
        hidden_sections = set(initial.get("hidden_sections", []))
        sections = [
            self._section(definition, index, hidden_items, hidden_sections)
            for index in range(len(model.sections))
        ]
        compiled_scores = definition.compiled["scores"]
        return {
            "id": definition.id,
            "dom_id": f"db-{definition.id}",
            "version": model.version,
            "title": model.title,
            "summary": model.summary,
            "source": model.source,
            "intro": self.markdown(model.intro),
            "site_id": self.site_id,
            "storage": self.storage,
            # The scorer's own limits, so the page refuses what it would refuse.
            "max_text_length": MAX_TEXT_LENGTH,
            "max_table_rows": MAX_TABLE_ROWS,
            "definition_file": definition.file_name,
            "sections": sections,
            "scores": [self._score(definition, s) for s in compiled_scores],
            "charts": _charts(compiled_scores, [s.levels for s in sections if s.levels]),
            "flags": sorted(
                (
                    FlagView(
                        f.id,
                        f.level,
                        FLAG_LEVELS[f.level],
                        self.markdown(f.message) or Markup(),
                        own=f.origin == HANDBOOK,
                    )
                    for f in model.flags
                ),
                key=lambda f: list(FLAG_LEVELS).index(f.level),
            ),
            "outcomes": [
                OutcomeView(
                    o.id, o.label or o.id, self.markdown(o.advice), own=o.origin == HANDBOOK
                )
                for o in model.outcomes
            ],
            "own_instrument": model.origin == HANDBOOK,
            "origin_note": self.markdown(model.origin_note),
            "own_parts": own_parts(definition),
            "highlights": model.highlights is not None,
            "has_required": any(item.model.required for item in definition.resolved.items.values()),
            # The empty form's state, so the page is right before the scorer runs.
            "decide": model.decide,
            "complete": initial["complete"],
            "outcome_pending": initial["outcome_pending"],
        }

    def _section(
        self,
        definition: InstrumentDefinition,
        index: int,
        hidden_items: set[str],
        hidden_sections: set[str],
    ) -> SectionView:
        section = definition.model.sections[index]
        prefix = f"db-{definition.id}"
        section_hidden = section.id in hidden_sections
        # The section's own attribute hides its items; an item is marked only when
        # its own condition hides it, so showing the section shows the right items.
        items = [
            self._item(definition, item.id, prefix, item.id in hidden_items and not section_hidden)
            for item in section.items
        ]
        levels = items[0].options if section.layout == "grid" else []
        return SectionView(
            id=section.id,
            dom_id=f"{prefix}-{section.id}",
            title=self.inline(section.title) if section.title else None,
            intro=self.markdown(section.intro),
            template=TEMPLATE_FOR_LAYOUT[section.layout],
            hidden=section_hidden,
            conditional=section.show_if is not None,
            items=items,
            levels=levels,
            own=section.origin == HANDBOOK,
        )

    def _item(
        self, definition: InstrumentDefinition, item_id: str, prefix: str, hidden: bool
    ) -> ItemView:
        resolved = definition.resolved.items[item_id]
        model = resolved.model
        descriptors = model.descriptors or []
        options = [
            _option_view(option, self.inline(descriptors[i]) if i < len(descriptors) else None)
            for i, option in enumerate(resolved.options)
        ]
        columns = [
            ColumnView(
                id=column.id,
                label=column.label or column.id,
                type=column.type,
                options=[_option_view(option) for option in column_options],
                min=column.min,
                max=column.max,
            )
            for column, column_options in resolved.columns
        ]
        return ItemView(
            id=model.id,
            dom_id=f"{prefix}-{model.id}",
            type=resolved.type,
            template=TEMPLATE_FOR_TYPE[resolved.type],
            text=self.inline(model.text),
            help=self.markdown(model.help),
            required=model.required,
            hidden=hidden,
            conditional=model.show_if is not None,
            options=options,
            columns=columns,
            min=model.min,
            max=model.max,
            step=model.step if model.step is not None else "any",
            unit=model.unit,
            placeholder=model.placeholder,
            own=model.origin == HANDBOOK,
        )

    def _score(self, definition: InstrumentDefinition, compiled: Mapping[str, Any]) -> ScoreView:
        # The default score (no `scores:` key) has no model and is never the handbook's own.
        model = next((s for s in definition.model.scores or [] if s.id == compiled["id"]), None)
        bands = definition.resolved.bands.get(compiled["id"], [])
        band_own = {band.id: band.origin == HANDBOOK for band in bands}
        return ScoreView(
            id=compiled["id"],
            label=compiled["label"],
            decimals=compiled.get("decimals"),
            min=compiled.get("min"),
            max=compiled.get("max"),
            chart=compiled.get("chart"),
            bands=[
                AdviceView(
                    band["id"],
                    band["label"],
                    self.markdown(band.get("advice")),
                    own=band_own.get(band["id"], False),
                )
                for band in compiled["bands"]
            ],
            own=model is not None and model.origin == HANDBOOK,
        )

    # -- Pages ---------------------------------------------------------------------

    def instrument_page(self, instrument_id: str) -> str:
        """Markdown of the generated page ``instrumenten/<id>.md``."""
        definition = self.catalog.instruments[instrument_id]
        return self.env.get_template("instrument-page.md").render(
            id=definition.id, model=definition.model
        )

    def compare_page(self, instrument_id: str) -> str:
        """Markdown of the generated page ``instrumenten/<id>/vergelijken.md``."""
        definition = self.catalog.instruments[instrument_id]
        return self.env.get_template("compare-page.md").render(
            id=definition.id,
            model=definition.model,
            site_id=self.site_id,
            storage=self.storage,
            definition_file=definition.file_name,
        )

    def group_page(self, instrument_id: str) -> str:
        """Markdown of the generated page ``instrumenten/<id>/groep.md``: the group overview."""
        definition = self.catalog.instruments[instrument_id]
        return self.env.get_template("group-page.md").render(
            id=definition.id,
            model=definition.model,
            definition_file=definition.file_name,
            min_group=DEFAULT_MIN_GROUP,
        )

    def device_page(self, link: Callable[[str], str]) -> str:
        """Markdown of the generated page "Op dit toestel": every record in this browser."""
        instruments = {
            d.id: {"title": d.model.title, "href": link(d.id), "definition": d.file_name}
            for d in self.catalog.instruments.values()
        }
        return self.env.get_template("device-page.md").render(
            site_id=self.site_id, storage=self.storage, instruments_json=json.dumps(instruments)
        )

    def overview_page(self, link: Callable[[str], str]) -> str:
        """Markdown of the generated overview of all instruments."""
        instruments = sorted(self.catalog.instruments.values(), key=lambda d: d.model.title.lower())
        return self.env.get_template("overview.md").render(
            instruments=[(d.id, d.model, link(d.id)) for d in instruments]
        )

    def faq(
        self,
        faq_id: str,
        link: Callable[[str], str],
        page_link: Callable[[str], str] | None = None,
    ) -> str:
        """Markdown of one FAQ collection; every question is a heading with a stable anchor.

        ``link`` gives the link to an instrument's page; ``page_link`` turns a
        handbook page's source path (``werkgevers/prospectie.md``), as authors
        write it in an answer, into a link from the page the FAQ lands on.
        """
        definition: FaqDefinition = self.catalog.faqs[faq_id]
        model = definition.model
        if page_link is not None:
            model = model.model_copy(
                update={
                    "intro": model.intro and link_pages(model.intro, page_link),
                    "entries": [
                        entry.model_copy(update={"answer": link_pages(entry.answer, page_link)})
                        for entry in model.entries
                    ],
                }
            )
        return self.env.get_template("faq.md").render(
            id=definition.id,
            model=model,
            instruments={
                ref: (self.catalog.instruments[ref].model.title, link(ref))
                for entry in definition.model.entries
                for ref in entry.related
            },
        )

    def faq_page(self, faq_id: str) -> str:
        """Markdown of the generated page of one FAQ collection."""
        definition = self.catalog.faqs[faq_id]
        return self.env.get_template("faq-page.md").render(id=definition.id, model=definition.model)


def own_parts(definition: InstrumentDefinition) -> list[str]:
    """One line per kind of part the handbook added to an instrument, in form order.

    The result region lists them, so the printed result carries the same
    labels as the page even where the print shows answers without the form.
    Grouped per kind: a rubric with eleven added competencies stays readable.
    """
    model = definition.model
    sections = [s.title or s.id for s in model.sections if s.origin == HANDBOOK]
    items = [
        _plain(item.text) for s in model.sections for item in s.items if item.origin == HANDBOOK
    ]
    scores: list[str] = []
    bands: list[str] = []
    advice = False
    for own in model.scores or []:
        label = own.label or own.id
        if own.origin == HANDBOOK:
            scores.append(label)
        added = [b for b in definition.resolved.bands.get(own.id, []) if b.origin == HANDBOOK]
        if added:
            bands.append(label)
            advice = advice or any(b.advice for b in added)
    flags = [f for f in model.flags if f.origin == HANDBOOK]
    outcomes = [o.label or o.id for o in model.outcomes if o.origin == HANDBOOK]
    parts = [
        f"{kind}: {'; '.join(names)}"
        for kind, names in (
            ("onderdelen", sections),
            ("vragen", items),
            ("scores", scores),
            ("grenzen en adviezen bij" if advice else "grenzen bij", bands),
            ("uitkomsten", outcomes),
        )
        if names
    ]
    if flags:
        parts.append(
            "één signaal, gemarkeerd waar het verschijnt"
            if len(flags) == 1
            else f"{len(flags)} signalen, gemarkeerd waar ze verschijnen"
        )
    return parts


def _plain(text: str) -> str:
    """Markdown emphasis and links stripped, for a one-line mention."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("**", "").replace("*", "").split())


# A Markdown link to a page of the handbook by its path in content/ (not a URL, not ../).
_MARKDOWN_PAGE_LINK = re.compile(
    r"\]\((?P<path>(?![a-z][a-z0-9+.-]*:|/|#|\.)[^)\s#?]+\.md)(?P<anchor>#[^)\s]*)?\)"
)


def link_pages(markdown_text: str, page_link: Callable[[str], str]) -> str:
    """Rewrite ``[text](werkgevers/prospectie.md#anker)`` with ``page_link(path)``."""
    return _MARKDOWN_PAGE_LINK.sub(
        lambda m: f"]({page_link(m.group('path'))}{m.group('anchor') or ''})", markdown_text
    )


def _option_view(option: ResolvedOption, descriptor: Markup | None = None) -> OptionView:
    return OptionView(
        value=_value_attribute(option.value),
        json=json.dumps(option.value, ensure_ascii=False),
        label=option.label,
        descriptor=descriptor,
    )


def _value_attribute(value: bool | int | float | str) -> str:
    """The HTML ``value`` of an option: its value as a string (``true``, ``3``, ``ja``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _markdown_escape(text: str) -> str:
    """Plain text that Markdown shows literally (titles in generated links and headings).

    ``&``, ``<`` and ``>`` become character references, which Markdown passes
    through and the browser shows as the character; a backslash before ``<``
    would be shown, and a bare ``<`` would start raw HTML.
    """
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", html.escape(text, quote=False))


@dataclass(frozen=True)
class ChartView:
    """One chart: its title, its scores and the axis they share."""

    name: str
    title: str
    ids: list[str]
    min: float
    max: float | None
    ticks: list[tuple[float, str]]
    scale: str


def _charts(
    scores: Sequence[Mapping[str, Any]], scales: Sequence[Sequence[OptionView]]
) -> list[ChartView]:
    """Charts of at least two scores, each with an axis from the scores' minimum.

    The axis starts where the scale starts (a SAM mean of 1,0 is the lowest
    level, not nothing), so bars are only ever read against named ticks.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for compiled in scores:
        if compiled.get("chart"):
            groups.setdefault(compiled["chart"], []).append(compiled)
    charts = []
    for name, group in groups.items():
        if len(group) < 2:
            continue
        ranges = {
            (
                float(s["min"]) if s.get("min") is not None else 0.0,
                float(s["max"]) if s.get("max") is not None else None,
            )
            for s in group
        }
        # One axis only when every bar is measured on the same scale; otherwise
        # each bar runs from its own minimum to its own maximum and says so.
        low, high = next(iter(ranges)) if len(ranges) == 1 else (0.0, None)
        if high is not None and high > low:
            ticks, scale = _ticks(low, high, scales)
        elif len(ranges) > 1:
            ticks = []
            scale = "Elke balk loopt van het minimum tot het maximum van zijn eigen score."
        else:
            ticks, scale = [], "Geen vaste schaal: de waarden staan naast de balken."
        charts.append(
            ChartView(
                name=name,
                title=re.sub(r"[_-]+", " ", name).strip().capitalize(),
                ids=[s["id"] for s in group],
                min=low,
                max=high,
                ticks=ticks,
                scale=scale,
            )
        )
    return charts


def _ticks(
    low: float, high: float, scales: Sequence[Sequence[OptionView]]
) -> tuple[list[tuple[float, str]], str]:
    """Axis ticks: the level names of a rubric scale that spans exactly low..high
    in whole steps, otherwise numbers (each whole step, or quarters)."""
    for levels in scales:
        named: dict[float, str] = {}
        for level in levels:
            value = json.loads(level.json)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                named[float(value)] = level.label
        steps = [low + i for i in range(int(high - low) + 1)]
        if high - low == int(high - low) and set(named) == set(steps):
            return (
                [(step, named[step]) for step in steps],
                f"Schaal van {format_number(low)} ({named[low].lower()}) "
                f"tot {format_number(high)} ({named[high].lower()}).",
            )
    if high - low == int(high - low) and high - low <= 10:
        values = [low + i for i in range(int(high - low) + 1)]
    else:
        values = [low + (high - low) * i / 4 for i in range(5)]
    ticks = [(value, format_number(value, None if value == int(value) else 1)) for value in values]
    return ticks, f"Schaal van {ticks[0][1]} tot {ticks[-1][1]}."
