"""Scoring: a compiled instrument plus answers in, the result of FORMAT.md out.

This is where an item's score is computed (:meth:`_Run.item_score`), where
``show_if`` hides items (:meth:`_Run.visible`), and where the aggregate
functions of the expression language get their meaning (:meth:`_Run.aggregate`).
It runs unchanged under CPython and Pyodide and imports only the standard
library.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from draaiboek_scoring.answers import Answer, validate
from draaiboek_scoring.errors import ExpressionError, ScoringError
from draaiboek_scoring.expressions import Expression, Value, checked_number
from draaiboek_scoring.instrument import Instrument, Item, value_key

type Result = dict[str, Any]

# item_scores holds None for an unscored answer: a miss needs another marker.
_UNKNOWN = object()


def score(instrument: Instrument | Mapping[str, Any], answers: object) -> Result:
    """Score ``answers`` (an envelope or a bare mapping) against ``instrument``.

    Raises :class:`~draaiboek_scoring.errors.AnswersError` for answers that do
    not fit, and :class:`~draaiboek_scoring.errors.ScoringError` for nothing
    else; the result is plain JSON-serialisable data.
    """
    if not isinstance(instrument, Instrument):
        instrument = Instrument.from_data(instrument)
    return _Run(instrument, validate(instrument, answers)).result()


def score_visible(
    instrument: Instrument, answers: object, *, any_version: bool = False
) -> tuple[Result, dict[str, Answer]]:
    """The result, and every item's answer as the result saw it (``None`` when hidden).

    Comparison and the group overview need both: a hidden item's stored
    answer must not count, exactly as it does not count in the result.
    """
    run = _Run(instrument, validate(instrument, answers, any_version=any_version))
    result = run.result()
    return result, {item_id: run.answer(item_id) for item_id in instrument.items}


class _Run:
    """One scoring pass; memoises visibility and item scores for the expressions."""

    def __init__(self, instrument: Instrument, answers: dict[str, Answer]) -> None:
        self.instrument = instrument
        self.answers = answers
        self.visibility: dict[str, bool] = {}
        # Per item: its section's and its own show_if, as visible() found them
        # (known from the start for items without any).
        self.item_visibility: dict[str, bool] = dict.fromkeys(instrument.always_visible, True)
        self.expansions: dict[tuple[str, ...], list[Item]] = {}
        self.scored_expansions: dict[tuple[str, ...], list[Item]] = {}
        self.aggregates: dict[tuple[object, ...], Value] = {}
        self.in_progress: set[str] = set()
        self.item_scores: dict[str, int | float | None] = {}
        self.scores: dict[str, Value] = {}
        self.flags: dict[str, bool] = {}

    # -- visibility -------------------------------------------------------

    def visible(self, item_id: str) -> bool:
        """An item shows when its section shows and its own ``show_if`` holds."""
        known = self.item_visibility.get(item_id)
        if known is not None:
            return known
        item = self.instrument.items[item_id]
        shown = self.section_visible(item.section) and self._condition(item_id, item.show_if)
        self.item_visibility[item_id] = shown
        return shown

    def section_visible(self, section_id: str) -> bool:
        section = self.instrument.sections_by_id[section_id]
        return self._condition("section:" + section_id, section.show_if)

    def _condition(self, key: str, condition: Expression | None) -> bool:
        if condition is None:
            return True
        known = self.visibility.get(key)
        if known is not None:
            return known
        if key in self.in_progress:
            # The checker rejects cycles; a hand-edited compiled file might not.
            raise ScoringError(f"show_if van '{key}' hangt van zichzelf af")
        self.in_progress.add(key)
        try:
            shown = bool(condition.evaluate(self))
        finally:
            self.in_progress.discard(key)
        self.visibility[key] = shown
        return shown

    # -- item values and scores -------------------------------------------

    def answer(self, item_id: str) -> Answer:
        """The answer value seen by expressions: ``None`` when unanswered or hidden."""
        value = self.answers.get(item_id)
        if value is None or not self.visible(item_id):
            return None
        return value

    def item_score(self, item: Item) -> int | float | None:
        """Option score, sum of chosen scores or the number; then ``reverse``, then ``weight``."""
        known = self.item_scores.get(item.id, _UNKNOWN)
        if known is not _UNKNOWN:
            return known  # type: ignore[return-value]
        answer = self.answer(item.id)
        if answer is None or not item.scored:
            result = None
        elif item.type == "choice":
            result = item.choice_score(answer)
        else:
            result = item.weighted(self._raw_score(item, answer))
        self.item_scores[item.id] = result
        return result

    def item_scores_of(self, items: Sequence[Item]) -> list[int | float | None]:
        """:meth:`item_score` of each, the memo looked up inline (this is the hot loop)."""
        known = self.item_scores
        return [known[i.id] if i.id in known else self.item_score(i) for i in items]

    @staticmethod
    def _raw_score(item: Item, answer: Answer) -> int | float | None:
        """A number's value, or the sum of a multi's chosen scores (choices: Item.choice_score)."""
        if item.type == "number":
            return answer  # type: ignore[no-any-return]
        chosen = [item.option(value) for value in answer]
        scores = [o.score for o in chosen if o is not None and o.score is not None]
        return sum(scores) if scores else None

    def item_bounds(self, item: Item) -> tuple[int | float | None, int | float | None]:
        """Lowest and highest possible score of one item, after weight."""
        low, high = item.raw_bounds()
        if low is None or high is None:
            return None, None
        a, b = low * item.weight, high * item.weight
        return min(a, b), max(a, b)

    # -- the Environment protocol of expressions ----------------------------

    def value(self, name: str) -> Value:
        if name in self.instrument.items:
            return self.answer(name)  # type: ignore[no-any-return]
        if name in self.scores:
            return self.scores[name]
        if name in self.flags:
            return self.flags[name]
        raise ExpressionError(f"'{name}' heeft nog geen waarde op dit punt")

    def expanded(self, refs: Sequence[str]) -> list[Item]:
        """The visible items that refs (item, section, table ids or ``all``) name, in order.

        Once per pass: scores, bands and highlights often name the same section
        several times (``answered``, ``total``, ``mean``).
        """
        key = tuple(refs)
        found = self.expansions.get(key)
        if found is None:
            # The memo inline: most items are known to show (always_visible).
            known, visible = self.item_visibility, self.visible
            found = self.expansions[key] = [
                item
                for item in self.instrument.members(key)
                if known.get(item.id) or visible(item.id)
            ]
        return found

    def expanded_scored(self, refs: Sequence[str]) -> list[Item]:
        """:meth:`expanded`, the scored items only."""
        key = tuple(refs)
        found = self.scored_expansions.get(key)
        if found is None:
            found = self.scored_expansions[key] = [i for i in self.expanded(key) if i.scored]
        return found

    def item(self, item_id: str, *types: str) -> Item:
        """The item ``item_id`` (of one of ``types``), or an :class:`ExpressionError`."""
        item = self.instrument.items.get(item_id)
        if item is None or (types and item.type not in types):
            kind = " of type " + "/".join(types) if types else ""
            raise ExpressionError(f"'{item_id}' is geen item{kind} van dit instrument")
        return item

    def aggregate(self, function: str, refs: Sequence[str], extra: Sequence[Value]) -> Value:
        """A function over items, once per pass for the same arguments.

        Its value depends only on the answers and on visibility, which do not
        change within a pass; bands, flags and outcomes ask the same ones again.
        """
        try:
            key = (function, tuple(refs), tuple(extra))
            hash(key)
        except TypeError:  # a list among the extra arguments: not kept
            return self._aggregate(function, refs, extra)
        if key not in self.aggregates:
            self.aggregates[key] = self._aggregate(function, refs, extra)
        return self.aggregates[key]

    def _aggregate(self, function: str, refs: Sequence[str], extra: Sequence[Value]) -> Value:
        if function in ("rows", "col_sum", "col_mean"):
            return self._table_function(function, refs[0], extra)
        if function == "score":
            item = self.item(refs[0])
            return self.item_score(item) if self.visible(item.id) else None
        items = self.expanded(refs)
        # Every item here is visible, so its answer is the stored one.
        answers = self.answers
        if function == "answered":
            return sum(1 for item in items if item.counted and answers[item.id] is not None)
        if function == "total":
            return sum(1 for item in items if item.counted)
        if function == "count":
            return sum(1 for item in items if _answer_matches(answers[item.id], extra[0]))
        scored = self.expanded_scored(refs)
        if function in ("min_score", "max_score"):
            # An item answered with an unscored option ("niet van toepassing")
            # adds nothing to sum(), so it drops out of the bounds as well.
            bounds = [
                self.item_bounds(item)
                for item in scored
                if answers[item.id] is None or self.item_score(item) is not None
            ]
            index = 0 if function == "min_score" else 1
            if any(b[index] is None for b in bounds):
                return None
            return checked_number(sum(b[index] for b in bounds))  # type: ignore[misc]
        values = [s for s in self.item_scores_of(scored) if s is not None]
        if not values:
            return None
        if function == "sum":
            return checked_number(sum(values))
        if function == "mean":
            return checked_number(sum(values) / len(values))
        if function == "median":
            return checked_number(median(values))
        raise ExpressionError(f"onbekende functie '{function}'")  # pragma: no cover

    def _table_function(self, function: str, table_id: str, extra: Sequence[Value]) -> Value:
        table = self.item(table_id, "table")
        rows = self.answer(table_id) or []
        if function == "rows":
            return len(rows)
        column = table.column(str(extra[0]))
        if column is None:
            raise ExpressionError(f"tabel '{table_id}' heeft geen kolom '{extra[0]}'")
        values: list[int | float] = []
        for row in rows:
            cell = row.get(column.id)
            if cell is None:
                continue
            if column.type == "number":
                values.append(cell)
            elif column.type == "choice":
                option = column.option(cell)
                if option is not None and option.score is not None:
                    values.append(option.score)
        if not values:
            return None
        total = checked_number(sum(values))
        if function == "col_sum":
            return total
        assert isinstance(total, int | float)
        return checked_number(total / len(values))

    # -- the result ---------------------------------------------------------

    def result(self) -> Result:
        instrument = self.instrument
        scores: dict[str, Any] = {}
        for definition in instrument.scores:
            value = definition.expr.evaluate(self)
            if isinstance(value, bool):
                value = int(value)
            if value is not None and not isinstance(value, int | float):
                raise ExpressionError(
                    f"score '{definition.id}' geeft geen getal", source=definition.expr.source
                )
            self.scores[definition.id] = value
            band = definition.band(value)
            scores[definition.id] = {
                "value": value,
                "label": definition.label,
                "band": band.id if band else None,
                "band_label": band.label if band else None,
                "advice": band.advice if band else None,
            }
        flags = []
        for flag in instrument.flags:
            raised = bool(flag.when.evaluate(self))
            self.flags[flag.id] = raised
            if raised:
                flags.append({"id": flag.id, "level": flag.level, "message": flag.message})
        visible = [item for item in instrument.items.values() if self.visible(item.id)]
        answers = self.answers  # every item in `visible` shows its stored answer
        counted = [item for item in visible if item.counted]
        answered = sum(1 for item in counted if answers[item.id] is not None)
        missing_required = [
            item.id for item in visible if item.required and answers[item.id] is None
        ]
        pending = not self._decided(answered, len(counted), missing_required)
        # A decision on half a form misleads (FORMAT.md, "Complete, provisional,
        # decided"): outcomes wait for the rule; scores and flags stay live.
        outcome = (
            None
            if pending
            else next(
                (o for o in instrument.outcomes if o.when is None or o.when.evaluate(self)), None
            )
        )
        return {
            "instrument": instrument.id,
            "version": instrument.version,
            "scores": scores,
            "flags": flags,
            "outcome": None
            if outcome is None
            else {"id": outcome.id, "label": outcome.label, "advice": outcome.advice},
            "outcome_pending": pending,
            "complete": answered == len(counted) and not missing_required,
            "answered": answered,
            "total": len(counted),
            "missing_required": missing_required,
            "hidden": [item.id for item in instrument.items.values() if not self.visible(item.id)],
            "hidden_sections": [
                s.id for s in instrument.sections if not self.section_visible(s.id)
            ],
            "highlights": self._highlights(visible),
        }

    def _decided(self, answered: int, total: int, missing_required: list[str]) -> bool:
        """The instrument's ``decide`` rule: may an outcome be given yet?

        ``complete``: every visible non-text item answered (free notes never
        hold a decision back). ``required``: every visible required item
        answered, and at least one non-text item answered, so that an empty
        form whose required items are all hidden still decides nothing.
        """
        if self.instrument.decide == "required":
            return not missing_required and answered > 0
        return answered == total

    def _highlights(self, visible: list[Item]) -> dict[str, list[str]]:
        strengths: list[str] = []
        work_points: list[str] = []
        high = self.instrument.strength_min
        low = self.instrument.work_point_max
        scored = [item for item in visible if item.scored]
        for item, item_score in zip(scored, self.item_scores_of(scored), strict=True):
            if item_score is None:
                continue
            if high is not None and item_score >= high:
                strengths.append(item.id)
            if low is not None and item_score <= low:
                work_points.append(item.id)
        return {"strengths": strengths, "work_points": work_points}


def _answer_matches(answer: Answer, wanted: Value) -> bool:
    """``count()``: a choice equals the value; a multi counts when the value is ticked."""
    if answer is None or wanted is None:
        return False
    if isinstance(answer, list):
        return any(not isinstance(v, dict) and value_key(v) == value_key(wanted) for v in answer)
    return value_key(answer) == value_key(wanted)


def median(values: Sequence[int | float]) -> int | float:
    """``statistics.median``, the same arithmetic, without loading ``statistics``.

    That module brings ``fractions`` and ``decimal``, a tenth of the scorer's
    start in the browser; the middle of a sorted list needs neither.
    """
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
