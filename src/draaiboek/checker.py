"""Rules of the definition format that span more than one key.

The pydantic models check shapes; this module checks meaning: ids are unique
and not reserved, scales exist and are well formed, grids are consistent,
bands ascend, the default outcome comes last, and every expression uses only
what exists, in the right role, without cycles. Each problem points at the
exact key or the exact part of an expression.

The result of a successful check is a :class:`ResolvedInstrument`: the model
with every scale resolved to a concrete list of options, which the compiler
and the renderer both use.
"""

from __future__ import annotations

import ast
import difflib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from draaiboek import models
from draaiboek.errors import Problem
from draaiboek.numbers import format_number
from draaiboek.yamlsource import DataPath, Position, SourceMap
from draaiboek_scoring.errors import ExpressionError
from draaiboek_scoring.expressions import RESERVED_NAMES, Expression, Role, parse
from draaiboek_scoring.instrument import is_scored, value_key

MAX_RANGE_OPTIONS = 101


@dataclass(frozen=True)
class ResolvedOption:
    value: bool | int | float | str
    label: str
    score: int | float | None

    def as_data(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label, "score": self.score}


@dataclass
class ResolvedItem:
    model: models.Item
    section: str
    type: str
    options: list[ResolvedOption] = field(default_factory=list)
    columns: list[tuple[models.Column, list[ResolvedOption]]] = field(default_factory=list)
    path: DataPath = ()

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def scored(self) -> bool:
        return is_scored(self.type, [o.score for o in self.options])


@dataclass
class ResolvedInstrument:
    """A checked instrument with scales resolved, ready to compile and render."""

    id: str
    model: models.Instrument
    items: dict[str, ResolvedItem]
    bands: dict[str, list[models.Band]]


@dataclass(frozen=True)
class SharedScale:
    scale: models.Scale
    source: SourceMap
    path: DataPath


def expression_problem(
    source: SourceMap, data_path: DataPath, exc: ExpressionError, prefix: str = ""
) -> Problem:
    """Place an expression error at its character in the YAML file."""
    position = source.locate(data_path)
    line, column = _expression_position(position, exc.line, exc.column)
    message = f"{prefix}{exc.message}"
    if exc.source:
        message += f" (in '{exc.source.strip()}')"
    return Problem(source.path, line, column, message, exc.hint)


def _expression_position(position: Position, line: int, column: int) -> tuple[int, int]:
    if position.style in ("|", ">"):
        return position.line + line, position.indent + column
    if line > 1:
        return position.line + line - 1, column
    quote = 1 if position.style in ('"', "'") else 0
    return position.line, position.column + quote + column - 1


class InstrumentChecker:
    """Checks one instrument model against its file's positions."""

    def __init__(
        self,
        model: models.Instrument,
        instrument_id: str,
        source: SourceMap,
        shared_scales: Mapping[str, SharedScale],
    ) -> None:
        self.model = model
        self.id = instrument_id
        self.source = source
        self.shared = shared_scales
        self.problems: list[Problem] = []
        self.items: dict[str, ResolvedItem] = {}
        self.sections: dict[str, models.Section] = {}
        self.scores: list[str] = []
        self.flag_ids: list[str] = []
        self.bands: dict[str, list[models.Band]] = {}
        # Every id of the file, fixed once: references are checked against these.
        self.score_ids = {score.id for score in model.scores or []}
        self.flag_id_set = {flag.id for flag in model.flags}
        self.outcome_ids = {outcome.id for outcome in model.outcomes}
        self.all_item_ids = {item.id for section in model.sections for item in section.items}

    def problem(
        self, data_path: DataPath, message: str, hint: str = "", *, key: bool = False
    ) -> None:
        self.problems.append(self.source.problem(data_path, message, hint, key=key))

    def run(self) -> ResolvedInstrument | None:
        self.check_ids()
        for name, scale in self.model.scales.items():
            self.resolve_scale(scale, ("scales", name))
        self.check_sections()
        self.check_scores()
        self.check_flags_and_outcomes()
        self.check_decide()
        self.check_expressions()
        if self.problems:
            return None
        return ResolvedInstrument(self.id, self.model, self.items, self.bands)

    # -- identifiers ------------------------------------------------------

    def check_ids(self) -> None:
        seen: dict[str, str] = {}

        def claim(identifier: str, what: str, data_path: DataPath) -> None:
            if identifier in RESERVED_NAMES:
                self.problem(
                    (*data_path, "id"),
                    f"'{identifier}' is een gereserveerd woord en kan geen id zijn",
                    "kies een andere naam, bv. met een achtervoegsel: " + f"{identifier}_vraag",
                )
            elif identifier in seen:
                self.problem(
                    (*data_path, "id"),
                    f"de id '{identifier}' is al gebruikt voor {seen[identifier]}",
                    "elke id (onderdeel, item, score, signaal, uitkomst) is uniek binnen een "
                    "instrument",
                )
            else:
                seen[identifier] = what

        for s, section in enumerate(self.model.sections):
            claim(section.id, f"het onderdeel '{section.id}'", ("sections", s))
            for i, item in enumerate(section.items):
                claim(item.id, f"het item '{item.id}'", ("sections", s, "items", i))
                columns: set[str] = set()
                for c, column in enumerate(item.columns or []):
                    column_path = ("sections", s, "items", i, "columns", c, "id")
                    if column.id in columns:
                        self.problem(
                            column_path, f"de kolom '{column.id}' staat twee keer in deze tabel"
                        )
                    columns.add(column.id)
        for index, score in enumerate(self.model.scores or []):
            claim(score.id, f"de score '{score.id}'", ("scores", index))
        for index, flag in enumerate(self.model.flags):
            claim(flag.id, f"het signaal '{flag.id}'", ("flags", index))
        for index, outcome in enumerate(self.model.outcomes):
            claim(outcome.id, f"de uitkomst '{outcome.id}'", ("outcomes", index))

    # -- scales -----------------------------------------------------------

    def find_scale(self, name: str, data_path: DataPath) -> list[ResolvedOption] | None:
        if name in self.model.scales:
            return self.resolve_scale(self.model.scales[name], ("scales", name), report=False)
        if name in self.shared:
            shared = self.shared[name]
            return resolve_scale(shared.scale, shared.source, shared.path, [])
        known = sorted({*self.model.scales, *self.shared})
        close = difflib.get_close_matches(name, known, n=1)
        hint = (
            f"bedoel je '{close[0]}'?"
            if close
            else (
                "bekende schalen: " + ", ".join(known)
                if known
                else "definieer ze onder 'scales:' of in _scales.yaml"
            )
        )
        self.problem(data_path, f"onbekende schaal '{name}'", hint)
        return None

    def resolve_scale(
        self, scale: models.Scale, data_path: DataPath, *, report: bool = True
    ) -> list[ResolvedOption] | None:
        return resolve_scale(scale, self.source, data_path, self.problems if report else [])

    def inline_options(
        self, options: list[models.Option], data_path: DataPath
    ) -> list[ResolvedOption]:
        return _options(options, self.source, data_path, self.problems)

    # -- sections and items ---------------------------------------------------

    def check_sections(self) -> None:
        for s, section in enumerate(self.model.sections):
            self.sections[section.id] = section
            section_path: DataPath = ("sections", s)
            grid_options: list[ResolvedOption] | None = None
            for i, item in enumerate(section.items):
                item_path: DataPath = (*section_path, "items", i)
                resolved = self.check_item(section, item, item_path)
                if resolved is None:
                    continue
                self.items[item.id] = resolved
                if section.layout == "grid":
                    grid_options = self.check_grid_item(resolved, grid_options, item_path)
                elif item.descriptors is not None:
                    self.problem(
                        (*item_path, "descriptors"),
                        "'descriptors' horen alleen bij items in een onderdeel met layout: grid",
                        "zet 'layout: grid' bij het onderdeel, of gebruik 'help' voor uitleg",
                        key=True,
                    )

    def check_item(
        self, section: models.Section, item: models.Item, data_path: DataPath
    ) -> ResolvedItem | None:
        has_own_scale = item.scale is not None or item.options is not None
        if item.scale is not None and item.options is not None:
            self.problem(
                (*data_path, "options"),
                "een item heeft 'scale' of 'options', niet allebei",
                key=True,
            )
            return None
        kind = item.type or ("choice" if has_own_scale or section.scale else None)
        if kind is None:
            self.problem(
                data_path,
                f"het item '{item.id}' heeft geen type en geen schaal",
                "geef 'scale: naam', 'options: [...]' of 'type: number|text|table'",
            )
            return None
        resolved = ResolvedItem(model=item, section=section.id, type=kind, path=data_path)
        if kind in ("choice", "multi"):
            if item.options is not None:
                options = self.inline_options(item.options, (*data_path, "options"))
            elif item.scale is not None:
                options = self.find_scale(item.scale, (*data_path, "scale")) or []
            elif section.scale is not None:
                section_path = data_path[:-2]
                options = self.find_scale(section.scale, (*section_path, "scale")) or []
            else:
                self.problem(
                    data_path,
                    f"het item '{item.id}' is van type {kind} maar heeft geen schaal",
                    "geef 'scale: naam' of 'options: [...]', of een 'scale' bij het onderdeel",
                )
                return None
            resolved.options = options
        else:
            for key in ("scale", "options"):
                if getattr(item, key) is not None:
                    self.problem(
                        (*data_path, key),
                        f"een item van type {kind} heeft geen '{key}'",
                        "laat 'type' weg of zet 'type: choice' om een keuze te maken",
                        key=True,
                    )
        if kind != "number":
            for key in ("min", "max", "unit", "step"):
                if getattr(item, key) is not None:
                    self.problem(
                        (*data_path, key),
                        f"'{key}' hoort alleen bij items van type number",
                        key=True,
                    )
        elif item.min is not None and item.max is not None and item.min >= item.max:
            self.problem(
                (*data_path, "max"), f"max ({item.max}) moet groter zijn dan min ({item.min})"
            )
        if kind == "table":
            if not item.columns:
                self.problem(
                    data_path, f"de tabel '{item.id}' heeft geen kolommen", "geef 'columns: [...]'"
                )
                return None
            resolved.columns = self.check_columns(item.columns, (*data_path, "columns"))
        elif item.columns is not None:
            self.problem((*data_path, "columns"), "'columns' hoort alleen bij type table", key=True)
        if item.placeholder is not None and kind != "text":
            self.problem(
                (*data_path, "placeholder"), "'placeholder' hoort bij tekstvelden", key=True
            )
        if not math.isfinite(item.weight):
            self.problem((*data_path, "weight"), "'weight' moet een gewoon getal zijn")
        if item.reverse:
            self.check_reverse(resolved, data_path)
        if kind in ("text", "table") and item.weight != 1:
            self.problem(
                (*data_path, "weight"),
                f"een item van type {kind} heeft geen score, dus geen gewicht",
                key=True,
            )
        return resolved

    def check_reverse(self, item: ResolvedItem, data_path: DataPath) -> None:
        if item.type == "number":
            if item.model.min is None or item.model.max is None:
                self.problem(
                    (*data_path, "reverse"),
                    "omkeren (reverse) van een getal kan alleen met min en max",
                    "geef min en max",
                    key=True,
                )
        elif not item.scored:
            self.problem(
                (*data_path, "reverse"),
                "omkeren (reverse) kan alleen bij een item met scores",
                key=True,
            )

    def check_columns(
        self, columns: list[models.Column], data_path: DataPath
    ) -> list[tuple[models.Column, list[ResolvedOption]]]:
        resolved: list[tuple[models.Column, list[ResolvedOption]]] = []
        for c, column in enumerate(columns):
            column_path = (*data_path, c)
            options: list[ResolvedOption] = []
            if column.type == "choice":
                if column.options is not None:
                    options = self.inline_options(column.options, (*column_path, "options"))
                elif column.scale is not None:
                    options = self.find_scale(column.scale, (*column_path, "scale")) or []
                else:
                    self.problem(
                        column_path,
                        f"de keuzekolom '{column.id}' heeft geen 'options' of 'scale'",
                    )
            elif column.options is not None or column.scale is not None:
                self.problem(
                    (*column_path, "options" if column.options is not None else "scale"),
                    f"een kolom van type {column.type} heeft geen keuzes",
                    "zet 'type: choice'",
                    key=True,
                )
            resolved.append((column, options))
        return resolved

    def check_grid_item(
        self,
        item: ResolvedItem,
        grid_options: list[ResolvedOption] | None,
        data_path: DataPath,
    ) -> list[ResolvedOption] | None:
        if not item.options and item.type == "choice":
            return grid_options  # its scale could not be resolved; reported already
        if item.type != "choice":
            self.problem(
                data_path,
                f"in een grid is elk item een keuze op dezelfde schaal; '{item.id}' is {item.type}",
                "zet dit item in een onderdeel met layout: list",
            )
            return grid_options
        if grid_options is not None and [o.value for o in grid_options] != [
            o.value for o in item.options
        ]:
            self.problem(
                data_path,
                f"in een grid gebruiken alle items dezelfde schaal; '{item.id}' wijkt af",
                "geef de schaal één keer bij het onderdeel: 'scale: naam'",
            )
        descriptors = item.model.descriptors
        if descriptors is not None and len(descriptors) != len(item.options):
            self.problem(
                (*data_path, "descriptors"),
                f"{len(descriptors)} descriptors voor {len(item.options)} opties",
                "geef één gedragsindicator per optie, in dezelfde volgorde als de schaal",
            )
        return grid_options if grid_options is not None else item.options

    # -- scores, flags, outcomes ------------------------------------------------

    def check_scores(self) -> None:
        for index, score in enumerate(self.model.scores or []):
            score_path: DataPath = ("scores", index)
            if score.min is not None and score.max is not None and score.min >= score.max:
                self.problem((*score_path, "max"), "max moet groter zijn dan min")
            if score.chart is not None and score.max is None:
                self.problem(
                    (*score_path, "chart"),
                    f"de score '{score.id}' staat in een grafiek maar heeft geen 'max'",
                    "een grafiek heeft een bereik nodig: geef 'max' (en 'min' als die niet 0 is)",
                )
            bands: list[models.Band] = []
            bands_path: DataPath = (*score_path, "bands")
            if isinstance(score.bands, str):
                if score.bands not in self.model.bandsets:
                    known = sorted(self.model.bandsets)
                    close = difflib.get_close_matches(score.bands, known, n=1)
                    self.problem(
                        bands_path,
                        f"onbekende bandset '{score.bands}'",
                        f"bedoel je '{close[0]}'?" if close else "definieer ze onder 'bandsets:'",
                    )
                else:
                    bands = self.model.bandsets[score.bands]
                    bands_path = ("bandsets", score.bands)
            elif score.bands is not None:
                bands = score.bands
            self.check_bands(bands, bands_path)
            self.bands[score.id] = bands
        for name, bands in self.model.bandsets.items():
            self.check_bands(bands, ("bandsets", name))

    def check_bands(self, bands: list[models.Band], data_path: DataPath) -> None:
        previous: float | None = None
        ids: set[str] = set()
        for index, band in enumerate(bands):
            band_path = (*data_path, index)
            if band.id in ids:
                self.problem(
                    (*band_path, "id"), f"de band '{band.id}' staat twee keer in deze lijst"
                )
            ids.add(band.id)
            if band.max is not None and band.below is not None:
                self.problem(
                    (*band_path, "below"),
                    "een band heeft 'max' of 'below', niet allebei",
                    "max: tot en met; below: strikt kleiner dan",
                    key=True,
                )
                continue
            bound = band.max if band.max is not None else band.below
            if bound is None:
                if index != len(bands) - 1:
                    self.problem(
                        band_path,
                        "alleen de laatste band mag zonder 'max' of 'below'; "
                        f"'{band.id}' staat niet laatst",
                        "geef deze band een bovengrens, of zet ze achteraan",
                    )
                continue
            if previous is not None and bound <= previous:
                self.problem(
                    (*band_path, "max" if band.max is not None else "below"),
                    f"de banden moeten oplopen: {format_number(bound)} komt na "
                    f"{format_number(previous)}",
                    "zet de banden van laag naar hoog",
                )
            previous = bound

    def check_flags_and_outcomes(self) -> None:
        for index, outcome in enumerate(self.model.outcomes):
            if outcome.when is None and index != len(self.model.outcomes) - 1:
                self.problem(
                    ("outcomes", index),
                    f"de uitkomst '{outcome.id}' heeft geen 'when' en is dus de standaard; "
                    "die moet laatst staan",
                    "geef ze een 'when', of zet ze achteraan",
                )

    def check_decide(self) -> None:
        # `decide: required` waits for the required items; without any it would
        # decide on the first answer, which is exactly what the rule prevents.
        if self.model.decide != "required":
            return
        if not any(item.required for section in self.model.sections for item in section.items):
            self.problem(
                ("decide",),
                "'decide: required' wacht op de verplichte vragen, maar geen enkele vraag "
                "heeft 'required: true'",
                "duid de vragen aan die nodig zijn voor een beslissing met 'required: true', "
                "of laat 'decide' weg (dan wacht de uitkomst tot alles beantwoord is)",
            )

    # -- expressions ------------------------------------------------------------

    def check_expressions(self) -> None:
        visibility: dict[str, Expression] = {}
        for s, section in enumerate(self.model.sections):
            if section.show_if is not None:
                parsed = self.expression(
                    section.show_if, ("sections", s, "show_if"), context="show_if"
                )
                if parsed is not None:
                    visibility["section:" + section.id] = parsed
            for i, item in enumerate(section.items):
                if item.show_if is not None:
                    path = ("sections", s, "items", i, "show_if")
                    parsed = self.expression(item.show_if, path, context="show_if")
                    if parsed is not None:
                        visibility[item.id] = parsed
        if not self.problems:
            self.check_cycles(visibility)
        for index, score in enumerate(self.model.scores or []):
            self.expression(score.expr, ("scores", index, "expr"), context="score")
            self.scores.append(score.id)
        for index, flag in enumerate(self.model.flags):
            self.expression(flag.when, ("flags", index, "when"), context="flag")
            self.flag_ids.append(flag.id)
        for index, outcome in enumerate(self.model.outcomes):
            if outcome.when is not None:
                self.expression(outcome.when, ("outcomes", index, "when"), context="outcome")

    def expression(self, text: str, data_path: DataPath, *, context: str) -> Expression | None:
        try:
            parsed = parse(text)
        except ExpressionError as exc:
            self.problems.append(expression_problem(self.source, data_path, exc))
            return None
        for reference in parsed.references:
            message, hint = self.check_reference(
                reference.name, reference.role, reference.function, context
            )
            if message:
                self.problems.append(
                    expression_problem(
                        self.source,
                        data_path,
                        ExpressionError(message, reference.line, reference.column, hint, text),
                    )
                )
        for column_ref in parsed.columns:
            table = self.items.get(column_ref.table)
            if table is None or table.type != "table":
                continue
            columns = {column.id: column for column, _ in table.columns}
            column = columns.get(column_ref.column)
            if column is None:
                close = difflib.get_close_matches(column_ref.column, list(columns), n=1)
                message = f"de tabel '{column_ref.table}' heeft geen kolom '{column_ref.column}'"
                hint = f"bedoel je '{close[0]}'?" if close else "kolommen: " + ", ".join(columns)
            elif column.type == "text":
                message = (
                    f"de kolom '{column.id}' bevat tekst; rekenen kan met getal- of keuzekolommen"
                )
                hint = ""
            else:
                continue
            self.problems.append(
                expression_problem(
                    self.source,
                    data_path,
                    ExpressionError(message, column_ref.line, column_ref.column_number, hint, text),
                )
            )
        self.check_literals(parsed, data_path)
        return parsed

    def check_reference(
        self, name: str, role: Role, function: str | None, context: str
    ) -> tuple[str, str]:
        """Return ``(message, hint)`` when ``name`` cannot be used this way; empty when fine."""
        if name in self.all_item_ids and name not in self.items:
            return "", ""  # could not be resolved; reported where the item is defined
        item = self.items.get(name)
        call = f"{function}()" if function else ""
        if role is Role.TABLE:
            if item is None or item.type != "table":
                return f"{call} verwacht een tabel; '{name}' is {self.describe(name)}", ""
            return "", ""
        if role is Role.ITEM:
            if item is None:
                return f"{call} verwacht een item; '{name}' is {self.describe(name)}", ""
            if not item.scored:
                return (
                    f"het item '{name}' heeft geen score",
                    "score() werkt voor keuzes met scores en getallen",
                )
            return "", ""
        if role is Role.REF:
            if item is not None:
                if (
                    function in ("sum", "mean", "median", "min_score", "max_score")
                    and not item.scored
                ):
                    return (
                        f"het item '{name}' heeft geen score, dus {call} kan er niets mee",
                        "gebruik answered() of count() voor items zonder score",
                    )
                return "", ""
            if name in self.sections:
                return "", ""
            return (
                f"{call} verwacht een item, onderdeel of 'all'; '{name}' is {self.describe(name)}",
                "",
            )
        # A plain name: the value of an item, an earlier score or an earlier flag.
        if item is not None:
            if item.type == "table":
                return (
                    f"'{name}' is een tabel",
                    "gebruik rows(" + name + ") of col_sum(" + name + ", 'kolom')",
                )
            return "", ""
        if name in self.sections:
            return (
                f"'{name}' is een onderdeel, geen waarde",
                f"gebruik een functie: sum({name}), answered({name}) of count({name}, waarde)",
            )
        if context == "show_if":
            if name in self.score_ids or name in self.flag_id_set:
                return (
                    f"show_if kan alleen naar antwoorden verwijzen, niet naar '{name}'",
                    "verberg op basis van de items zelf",
                )
        elif name in self.score_ids:
            if context == "score" and name not in self.scores:
                return (
                    f"de score '{name}' wordt pas verderop berekend",
                    "zet de scores in de volgorde waarin ze elkaar gebruiken",
                )
            return "", ""
        elif name in self.flag_id_set:
            if context == "score":
                return f"een score kan geen signaal gebruiken ('{name}')", ""
            if context == "flag" and name not in self.flag_ids:
                return (
                    f"het signaal '{name}' wordt pas verderop bepaald",
                    "zet het eerder in de lijst",
                )
            return "", ""
        elif name in self.outcome_ids:
            return (
                f"'{name}' is een uitkomst; uitkomsten kun je niet in een uitdrukking gebruiken",
                "",
            )
        known = [*self.items, *self.sections, *self.score_ids, *self.flag_id_set]
        close = difflib.get_close_matches(name, known, n=1)
        return f"onbekende naam '{name}'", f"bedoel je '{close[0]}'?" if close else ""

    def describe(self, name: str) -> str:
        item = self.items.get(name)
        if item is not None:
            return f"een item van type {item.type}"
        if name in self.sections:
            return "een onderdeel"
        if name in self.score_ids:
            return "een score"
        if name in self.flag_id_set:
            return "een signaal"
        return "onbekend"

    def check_literals(self, parsed: Expression, data_path: DataPath) -> None:
        """``email == 'neen'`` when the scale says 'nee' is a silent bug: report it."""
        for node in ast.walk(parsed.tree):
            pairs: list[tuple[ast.expr, ast.expr]] = []
            if isinstance(node, ast.Compare):
                operands = [node.left, *node.comparators]
                for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
                    if isinstance(op, ast.Eq | ast.NotEq):
                        pairs += [(left, right), (right, left)]
                    elif isinstance(op, ast.In | ast.NotIn) and isinstance(
                        right, ast.Tuple | ast.List
                    ):
                        pairs += [(left, element) for element in right.elts]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "count"
                and len(node.args) >= 2
            ):
                pairs += [(ref, node.args[-1]) for ref in node.args[:-1]]
            for name_node, literal in pairs:
                self.check_literal(name_node, literal, parsed, data_path)

    def check_literal(
        self, name_node: ast.expr, literal: ast.expr, parsed: Expression, data_path: DataPath
    ) -> None:
        if not (isinstance(name_node, ast.Name) and isinstance(literal, ast.Constant)):
            return
        if literal.value is None:
            return
        options = self.options_behind(name_node.id)
        if not options:
            return
        if any(value_key(o.value) == value_key(literal.value) for o in options):
            return
        values = ", ".join(repr(o.value) for o in options[:10])
        self.problems.append(
            expression_problem(
                self.source,
                data_path,
                ExpressionError(
                    f"{literal.value!r} komt niet voor op de schaal van '{name_node.id}'",
                    *parsed.position(literal),
                    f"mogelijke waarden: {values}",
                    parsed.source,
                ),
            )
        )

    def options_behind(self, name: str) -> list[ResolvedOption]:
        item = self.items.get(name)
        if item is not None:
            return item.options if item.type in ("choice", "multi") else []
        section = self.sections.get(name)
        if section is not None:
            return [o for i in section.items for o in self.items[i.id].options]
        return []

    def check_cycles(self, visibility: Mapping[str, Expression]) -> None:
        graph: dict[str, set[str]] = {}
        for item in self.items.values():
            graph[item.id] = {"section:" + item.section}
            if item.id in visibility:
                graph[item.id] |= self.dependencies(visibility[item.id])
        for section in self.sections.values():
            key = "section:" + section.id
            graph[key] = self.dependencies(visibility[key]) if key in visibility else set()
        for start, cycle in _find_cycles(graph):
            path = self.show_if_path(start)
            pretty = " → ".join(node.removeprefix("section:") for node in cycle)
            self.problem(
                path,
                f"show_if vormt een kring: {pretty}",
                "een item kan niet (via andere) afhangen van zichzelf",
            )

    def dependencies(self, expression: Expression) -> set[str]:
        found: set[str] = set()
        for name in expression.names():
            if name in self.items:
                found.add(name)
            elif name in self.sections:
                found |= {item.id for item in self.sections[name].items}
        if any(
            isinstance(node, ast.Name) and node.id == "all" for node in ast.walk(expression.tree)
        ):
            found |= {item.id for item in self.items.values() if item.scored}
        return found

    def show_if_path(self, node: str) -> DataPath:
        if node.startswith("section:"):
            index = next(i for i, s in enumerate(self.model.sections) if s.id == node[8:])
            return ("sections", index, "show_if")
        return (*self.items[node].path, "show_if")


def _find_cycles(graph: Mapping[str, Iterable[str]]) -> list[tuple[str, list[str]]]:
    """One representative cycle per strongly connected knot, found by depth-first search."""
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[tuple[str, list[str]]] = []
    reported: set[frozenset[str]] = set()

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                members = frozenset(cycle)
                if members not in reported:
                    reported.add(members)
                    cycles.append((nxt, cycle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return cycles


def _options(
    options: list[models.Option], source: SourceMap, data_path: DataPath, problems: list[Problem]
) -> list[ResolvedOption]:
    resolved: list[ResolvedOption] = []
    seen: set[tuple[str, object]] = set()
    if not options:
        problems.append(source.problem(data_path, "een schaal heeft minstens één optie"))
    for index, option in enumerate(options):
        key = value_key(option.value)
        if key in seen:
            problems.append(
                source.problem(
                    (*data_path, index, "value"),
                    f"de waarde {option.value!r} staat twee keer op deze schaal",
                )
            )
        seen.add(key)
        score = option.score
        if (
            score is None
            and isinstance(option.value, int | float)
            and not isinstance(option.value, bool)
        ):
            score = option.value
        if isinstance(option.value, float | int) and not math.isfinite(option.value):
            problems.append(
                source.problem(
                    (*data_path, index, "value"), "een waarde moet een gewoon getal zijn"
                )
            )
        label = option.label if option.label is not None else _label(option.value)
        resolved.append(ResolvedOption(option.value, label, score))
    return resolved


def _label(value: bool | int | float | str) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return format_number(value)
    return value


def resolve_scale(
    scale: models.Scale, source: SourceMap, data_path: DataPath, problems: list[Problem]
) -> list[ResolvedOption] | None:
    """Options of a scale: the given ones, or the expanded range with its labels."""
    if (scale.options is None) == (scale.range is None):
        problems.append(
            source.problem(
                data_path,
                "een schaal heeft 'options' of 'range', precies één van beide",
                "options: [{value: 1, label: ja}, ...] of range: {min: 0, max: 6}",
            )
        )
        return None
    if scale.options is not None:
        if scale.labels is not None:
            problems.append(
                source.problem(
                    (*data_path, "labels"),
                    "'labels' hoort bij een range; geef bij options elk een label",
                    key=True,
                )
            )
        return _options(scale.options, source, (*data_path, "options"), problems)
    assert scale.range is not None
    low, high, step = scale.range.min, scale.range.max, scale.range.step
    range_path = (*data_path, "range")
    if step <= 0:
        problems.append(source.problem((*range_path, "step"), "'step' moet groter dan 0 zijn"))
        return None
    if high <= low:
        problems.append(
            source.problem((*range_path, "max"), f"max ({high}) moet groter zijn dan min ({low})")
        )
        return None
    count = math.floor((high - low) / step + 1e-9) + 1
    if count > MAX_RANGE_OPTIONS:
        problems.append(
            source.problem(
                range_path,
                f"deze range geeft {count} keuzes (hoogstens {MAX_RANGE_OPTIONS})",
                "gebruik een item met 'type: number' en min/max voor een vrij getal",
            )
        )
        return None
    values: list[int | float] = []
    for index in range(count):
        value = low + index * step
        value = round(value, 10)
        values.append(
            int(value)
            if float(value).is_integer() and isinstance(step, int) and isinstance(low, int)
            else value
        )
    labels = dict(scale.labels or {})
    for key in labels:
        if not any(math.isclose(key, v) for v in values):
            problems.append(
                source.problem(
                    (*data_path, "labels", key),
                    f"het label voor {key} hoort bij geen waarde van de range",
                    key=True,
                )
            )
    return [ResolvedOption(v, labels.get(v, format_number(v)), v) for v in values]
