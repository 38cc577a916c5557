"""Turning checked definitions into HTML forms and Markdown pages, independent of MkDocs.

The :class:`Renderer` prepares plain view objects (what a template needs, with
Markdown already converted) and hands them to the Jinja2 templates in
``macros/``. Templates hold all markup; this module holds the decisions: which
template an item gets, which items start hidden, how ids stay unique on a page.

Anything that reads ``mkdocs.yml`` (another static-site engine, a test) can use
it: it needs the catalog, the Markdown extensions and where the templates are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from draaiboek.checker import ResolvedOption
from draaiboek.loader import Catalog, FaqDefinition, InstrumentDefinition
from draaiboek.numbers import format_number
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

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# Markdown that would start a block (list, heading, quote) at the start of a line.
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


@dataclass(frozen=True)
class AdviceView:
    band: str
    label: str
    advice: Markup | None


@dataclass(frozen=True)
class ScoreView:
    id: str
    label: str
    decimals: int | None
    min: float | None
    max: float | None
    chart: str | None
    bands: list[AdviceView]


@dataclass(frozen=True)
class FlagView:
    id: str
    level: str
    level_label: str
    message: Markup


@dataclass(frozen=True)
class OutcomeView:
    id: str
    label: str
    advice: Markup | None


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
    ) -> None:
        self.catalog = catalog
        self.site_id = site_id
        self.storage = storage
        self._markdown = markdown.Markdown(
            extensions=list(markdown_extensions), extension_configs=dict(extension_configs or {})
        )
        self._converted: dict[str, Markup] = {}
        self._form_parts: dict[str, dict[str, Any]] = {}
        loaders = [jinja2.FileSystemLoader(str(d)) for d in [*template_dirs, builtin_macros_dir()]]
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            # Forms are HTML and escaped; generated pages are Markdown, escaped with md_escape.
            autoescape=jinja2.select_autoescape(["html"]),
            undefined=jinja2.StrictUndefined,
            # One environment per build: never stat a template again after loading it.
            auto_reload=False,
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
            self._markdown.reset()
            html = self._converted[text] = Markup(self._markdown.convert(text))
        return html

    def inline(self, text: str) -> Markup:
        """One line of Markdown without the paragraph around it (item texts, labels).

        A leading "2. " or "- " is part of a title here, not the start of a list.
        """
        html = self.markdown(_BLOCK_START.sub(r"\1\\\2\3", text, count=1)) or Markup("")
        match = _PARAGRAPH.match(str(html))
        return Markup(match.group(1)) if match and "<p>" not in match.group(1) else html

    # -- Instruments ---------------------------------------------------------------

    def instrument_form(self, instrument_id: str, *, page_link: str | None = None) -> str:
        """The ``<form>`` of one instrument, with its result region and actions."""
        parts = self._form_parts.get(instrument_id)
        if parts is None:
            parts = self._form_parts[instrument_id] = self._form_context(instrument_id)
        return self.env.get_template("instrument.html").render(**parts, page_link=page_link)

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
            "definition_file": definition.file_name,
            "sections": sections,
            "scores": [self._score(s) for s in compiled_scores],
            "charts": _charts(compiled_scores, [s.levels for s in sections if s.levels]),
            "flags": sorted(
                (
                    FlagView(
                        f.id, f.level, FLAG_LEVELS[f.level], self.markdown(f.message) or Markup()
                    )
                    for f in model.flags
                ),
                key=lambda f: list(FLAG_LEVELS).index(f.level),
            ),
            "outcomes": [
                OutcomeView(o.id, o.label or o.id, self.markdown(o.advice)) for o in model.outcomes
            ],
            "highlights": model.highlights is not None,
            "has_required": any(item.model.required for item in definition.resolved.items.values()),
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
        )

    def _score(self, compiled: Mapping[str, Any]) -> ScoreView:
        return ScoreView(
            id=compiled["id"],
            label=compiled["label"],
            decimals=compiled.get("decimals"),
            min=compiled.get("min"),
            max=compiled.get("max"),
            chart=compiled.get("chart"),
            bands=[
                AdviceView(band["id"], band["label"], self.markdown(band.get("advice")))
                for band in compiled["bands"]
            ],
        )

    # -- Pages ---------------------------------------------------------------------

    def instrument_page(self, instrument_id: str) -> str:
        """Markdown of the generated page ``instrumenten/<id>.md``."""
        definition = self.catalog.instruments[instrument_id]
        return self.env.get_template("instrument-page.md").render(
            id=definition.id, model=definition.model
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
    """Text that Markdown shows literally (titles in generated links and headings)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|])", r"\\\1", text)


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
