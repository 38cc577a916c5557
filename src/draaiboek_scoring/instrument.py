"""A compiled instrument as the scorer sees it.

The build package compiles every checked definition to plain JSON
(``draaiboek-instrument/1``); this module reads that JSON back into small
immutable objects with parsed expressions, once, so that scoring a change only
evaluates. Nothing here re-checks what the build checker already guarantees
beyond what is needed to fail loudly on a hand-edited or truncated file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from draaiboek_scoring.errors import ExpressionError, InstrumentError
from draaiboek_scoring.expressions import ALL, Expression, checked_number, parse

INSTRUMENT_FORMAT = "draaiboek-instrument/1"
DECIDE_RULES = ("complete", "required")
ITEM_TYPES = ("choice", "multi", "number", "text", "table")
SCORED_TYPES = ("choice", "multi", "number")

type Scalar = bool | int | float | str


def value_key(value: object) -> tuple[str, object]:
    """A dictionary key under which 1, 1.0 match but 1, True and "1" do not."""
    # Exact types first: answers come from JSON, and this runs for every answer.
    kind = type(value)
    if kind is int or kind is float:
        return ("number", value)
    if kind is str:
        return ("str", value)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", value)
    return (type(value).__name__, value)


@dataclass(frozen=True)
class Option:
    value: Scalar
    label: str
    score: int | float | None


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    type: str  # text | number | choice
    options: tuple[Option, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None

    def option(self, value: object) -> Option | None:
        return find_option(self.options, value)


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    type: str
    text: str
    required: bool = False
    weight: int | float = 1
    reverse: bool = False
    show_if: Expression | None = None
    options: tuple[Option, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    columns: tuple[Column, ...] = ()
    _by_value: dict[tuple[str, object], Option] = field(default_factory=dict, repr=False)
    _choice_scores: dict[tuple[str, object], int | float | None] = field(
        default_factory=dict, repr=False
    )

    # Cached: every scoring pass asks it of every item, several times.
    @cached_property
    def scored(self) -> bool:
        return is_scored(self.type, [o.score for o in self.options])

    @cached_property
    def counted(self) -> bool:
        """Counts in ``answered``/``total``: every type except free text."""
        return self.type != "text"

    def option(self, value: object) -> Option | None:
        found = self._by_value.get(value_key(value))
        return found if found is not None else find_option(self.options, value)

    def weighted(self, raw: int | float | None) -> int | float | None:
        """A raw score after ``reverse``, then ``weight`` (FORMAT.md)."""
        if raw is None:
            return None
        if self.reverse:
            low, high = self.raw_bounds()
            if low is not None and high is not None:
                raw = low + high - raw
        result = checked_number(raw * self.weight)
        assert isinstance(result, int | float)
        return result

    def choice_score(self, answer: object) -> int | float | None:
        """The :meth:`weighted` score of a choice, kept per value: every pass asks every item."""
        key = value_key(answer)
        if key in self._choice_scores:
            return self._choice_scores[key]
        option = self.option(answer)
        score = self.weighted(None if option is None else option.score)
        self._choice_scores[key] = score
        return score

    def raw_bounds(self) -> tuple[float | int | None, float | int | None]:
        """Lowest and highest score before ``reverse`` and ``weight``."""
        if self.type == "number":
            return self.minimum, self.maximum
        scores = [o.score for o in self.options if o.score is not None]
        if not scores:
            return None, None
        if self.type == "multi":
            return sum(s for s in scores if s < 0), sum(s for s in scores if s > 0)
        return min(scores), max(scores)

    def column(self, column_id: str) -> Column | None:
        return next((c for c in self.columns if c.id == column_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    show_if: Expression | None
    items: tuple[str, ...]
    layout: str = "list"  # list | grid; a grid is a rubric (comparison reports its agreement)


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    max: int | float | None = None
    below: int | float | None = None
    advice: str | None = None

    def matches(self, value: int | float) -> bool:
        if self.max is not None:
            return value <= self.max
        if self.below is not None:
            return value < self.below
        return True


@dataclass(frozen=True)
class Score:
    id: str
    label: str
    expr: Expression
    bands: tuple[Band, ...] = ()

    def band(self, value: object) -> Band | None:
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return next((band for band in self.bands if band.matches(value)), None)


@dataclass(frozen=True)
class Flag:
    id: str
    when: Expression
    level: str
    message: str


@dataclass(frozen=True)
class Outcome:
    id: str
    when: Expression | None
    label: str
    advice: str | None


@dataclass(frozen=True)
class Instrument:
    """A compiled instrument, ready to score."""

    id: str
    version: int
    title: str
    sections: tuple[Section, ...]
    items: dict[str, Item]
    scores: tuple[Score, ...]
    flags: tuple[Flag, ...]
    outcomes: tuple[Outcome, ...]
    strength_min: int | float | None = None
    work_point_max: int | float | None = None
    decide: str = "complete"  # one of DECIDE_RULES: when an outcome may be given
    sections_by_id: dict[str, Section] = field(default_factory=dict, repr=False)
    _members: dict[tuple[str, ...], tuple[Item, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.sections_by_id.update((s.id, s) for s in self.sections)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Instrument:
        """Read compiled JSON; raise :class:`InstrumentError` when it is malformed."""
        try:
            return _read_instrument(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InstrumentError(f"het gecompileerde instrument is beschadigd: {exc!r}") from exc
        except ExpressionError as exc:
            raise InstrumentError(
                f"het gecompileerde instrument bevat een ongeldige uitdrukking "
                f"'{exc.source}': {exc.message}"
            ) from exc

    @cached_property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items.values() if item.scored)

    @cached_property
    def always_visible(self) -> frozenset[str]:
        """Items with no ``show_if`` of their own or of their section: shown on every pass."""
        return frozenset(
            item.id
            for item in self.items.values()
            if item.show_if is None and self.sections_by_id[item.section].show_if is None
        )

    def members(self, refs: tuple[str, ...]) -> tuple[Item, ...]:
        """The items that refs (item, section, table ids or ``all``) name, each once, in order.

        Visible or not: a scoring pass filters them. Kept per ``refs``, as the
        expressions that ask are fixed.
        """
        found = self._members.get(refs)
        if found is None:
            found = self._members[refs] = tuple(self._expand(refs))
        return found

    def _expand(self, refs: tuple[str, ...]) -> Iterator[Item]:
        seen: set[str] = set()
        for ref in refs:
            candidates: Sequence[Item]
            if ref == ALL:
                candidates = self.scored_items
            elif ref in self.items:
                candidates = [self.items[ref]]
            elif ref in self.sections_by_id:
                candidates = [self.items[i] for i in self.sections_by_id[ref].items]
            else:
                raise ExpressionError(f"onbekende id '{ref}'")
            for item in candidates:
                if item.id not in seen:
                    seen.add(item.id)
                    yield item


def is_scored(item_type: str, option_scores: Sequence[object]) -> bool:
    """Counts in ``all``: a number, or a choice/multi with at least one scored option.

    The checker uses the same rule, so what it accepts in ``sum(all)`` is what is summed.
    """
    if item_type == "number":
        return True
    return item_type in ("choice", "multi") and any(s is not None for s in option_scores)


def find_option(options: Sequence[Option], value: object) -> Option | None:
    key = value_key(value)
    return next((o for o in options if value_key(o.value) == key), None)


def _expression(source: object) -> Expression | None:
    if source is None:
        return None
    if not isinstance(source, str):
        raise TypeError(f"expected an expression string, got {source!r}")
    return parse(source)


def _options(raw: Sequence[Mapping[str, Any]] | None) -> tuple[Option, ...]:
    return tuple(
        Option(o["value"], str(o.get("label", o["value"])), o.get("score")) for o in raw or ()
    )


def _read_instrument(data: Mapping[str, Any]) -> Instrument:
    if data.get("format") != INSTRUMENT_FORMAT:
        raise ValueError(f"format is {data.get('format')!r}, expected {INSTRUMENT_FORMAT!r}")
    items: dict[str, Item] = {}
    for raw in data["items"]:
        if raw["type"] not in ITEM_TYPES:
            raise ValueError(f"unknown item type {raw['type']!r}")
        options = _options(raw.get("options"))
        columns = tuple(
            Column(
                c["id"],
                c.get("label", c["id"]),
                c["type"],
                _options(c.get("options")),
                c.get("min"),
                c.get("max"),
            )
            for c in raw.get("columns") or ()
        )
        items[raw["id"]] = Item(
            id=raw["id"],
            section=raw["section"],
            type=raw["type"],
            text=raw.get("text", raw["id"]),
            required=bool(raw.get("required", False)),
            weight=raw.get("weight", 1),
            reverse=bool(raw.get("reverse", False)),
            show_if=_expression(raw.get("show_if")),
            options=options,
            minimum=raw.get("min"),
            maximum=raw.get("max"),
            columns=columns,
            # The first option of a value wins, as in find_option.
            _by_value={value_key(o.value): o for o in reversed(options)},
        )
    sections = tuple(
        Section(
            s["id"],
            s.get("title") or "",
            _expression(s.get("show_if")),
            tuple(s["items"]),
            s.get("layout") or "list",
        )
        for s in data["sections"]
    )
    for section in sections:
        for item_id in section.items:
            if items[item_id].section != section.id:
                raise ValueError(f"item {item_id!r} is listed under the wrong section")
    scores = tuple(
        Score(
            s["id"],
            s.get("label") or s["id"],
            parse(s.get("expr") or "sum(all)"),
            tuple(
                Band(
                    b["id"],
                    b.get("label") or b["id"],
                    b.get("max"),
                    b.get("below"),
                    b.get("advice"),
                )
                for b in s.get("bands") or ()
            ),
        )
        for s in data.get("scores") or ()
    )
    flags = tuple(
        Flag(f["id"], parse(f["when"]), f.get("level", "info"), f.get("message", ""))
        for f in data.get("flags") or ()
    )
    outcomes = tuple(
        Outcome(o["id"], _expression(o.get("when")), o.get("label") or o["id"], o.get("advice"))
        for o in data.get("outcomes") or ()
    )
    highlights = data.get("highlights") or {}
    # Compiled files from before the rule existed carry no key: the default applies.
    decide = data.get("decide") or "complete"
    if decide not in DECIDE_RULES:
        raise ValueError(f"unknown decide rule {decide!r}")
    return Instrument(
        id=data["id"],
        version=int(data["version"]),
        title=data.get("title", data["id"]),
        sections=sections,
        items=items,
        scores=scores,
        flags=flags,
        outcomes=outcomes,
        strength_min=highlights.get("strength_min"),
        work_point_max=highlights.get("work_point_max"),
        decide=decide,
    )
