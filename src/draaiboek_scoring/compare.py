"""Comparing two or more answer sets of one instrument (FORMAT.md, "Comparison").

Used for a self-assessment next to a counsellor's, two observers of one
rubric, or the same person at intake and at the end of a trajectory. The
result holds each record's own result, the answers side by side, the change
of every score, and how much the records agree on the items that share a
scale (exact, within one step, Cohen's linear-weighted kappa for two records,
Fleiss' kappa for three or more).

Agreement is computed with exact fractions and turned into floats once at the
end, so a hand-computed value (2/3, 7/15) is reproduced bit for bit in CPython
and in Pyodide.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from draaiboek_scoring.answers import Answer
from draaiboek_scoring.errors import AnswerProblem, AnswersError
from draaiboek_scoring.instrument import Instrument, Item, Option, value_key
from draaiboek_scoring.records import Scored, score_records

COHEN = "cohen_linear"
FLEISS = "fleiss"

type ScaleKey = tuple[tuple[tuple[str, object], int | float | None], ...]


def compare(
    instrument: Instrument | Mapping[str, Any], envelopes: Sequence[object]
) -> dict[str, Any]:
    """Compare the records in ``envelopes`` (envelopes, bundles or bare mappings).

    Raises :class:`AnswersError` (Dutch messages naming the record) when a
    record does not fit, or when fewer than two records are given.
    """
    if not isinstance(instrument, Instrument):
        instrument = Instrument.from_data(instrument)
    scored = score_records(instrument, envelopes)
    if len(scored) < 2:
        raise AnswersError(
            [
                AnswerProblem(
                    "", f"vergelijken vraagt minstens twee antwoordensets, niet {len(scored)}"
                )
            ]
        )
    return {
        "instrument": instrument.id,
        "version": instrument.version,
        "records": [_record(s) for s in scored],
        "items": {
            item.id: _item_values(item, [s.answers[item.id] for s in scored])
            for item in instrument.items.values()
        },
        "scores": {
            definition.id: _score_values(
                [s.result["scores"][definition.id]["value"] for s in scored]
            )
            for definition in instrument.scores
        },
        "agreement": agreement(instrument, [s.answers for s in scored]),
    }


def _record(scored: Scored) -> dict[str, Any]:
    record = scored.record
    return {
        "label": record.label,
        "assessor": record.assessor,
        "date": record.date,
        "saved_at": record.saved_at,
        "version": record.version,
        "result": scored.result,
    }


def _item_values(item: Item, values: list[Answer]) -> dict[str, Any]:
    return {"values": values, "differ": len({_canonical(item, v) for v in values}) > 1}


def _canonical(item: Item, value: Answer) -> object:
    """A hashable form in which equal answers are equal (1 == 1.0, ticks in any order)."""
    if value is None:
        return None
    if item.type == "multi":
        return frozenset(value_key(v) for v in value)
    if item.type == "table":
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value_key(value)


def _score_values(values: list[object]) -> dict[str, Any]:
    first, last = values[0], values[-1]
    change = None
    if _is_number(first) and _is_number(last):
        assert isinstance(first, int | float) and isinstance(last, int | float)
        change = last - first
    return {"values": values, "change": change}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# -- agreement ----------------------------------------------------------------


def agreement(instrument: Instrument, answers: Sequence[Mapping[str, Answer]]) -> dict[str, Any]:
    """Agreement per section that uses one scale, and for ``all`` scored choice items.

    A section is listed when it is a grid (a rubric) or when its scored choice
    items share one scale. ``all`` is always listed; a kappa is ``null`` when
    the items counted together do not share one scale.
    """
    found: dict[str, Any] = {}
    for section in instrument.sections:
        items = _rated(instrument.items[i] for i in section.items)
        if items and (section.layout == "grid" or len({_scale_key(item) for item in items}) == 1):
            found[section.id] = _agreement(items, answers)
    found["all"] = _agreement(_rated(instrument.items.values()), answers)
    return found


def _rated(items: Any) -> list[Item]:
    """Choice items with at least one scored option: the ones agreement is about."""
    return [item for item in items if item.type == "choice" and item.scored]


def _scale_key(item: Item) -> ScaleKey:
    # Two items share a scale when they offer the same values with the same scores
    # in the same order; a named scale compiles to exactly that.
    return tuple((value_key(o.value), o.score) for o in item.options)


def _scored_options(item: Item) -> list[Option]:
    return [o for o in item.options if o.score is not None]


def _agreement(items: list[Item], answers: Sequence[Mapping[str, Answer]]) -> dict[str, Any]:
    raters = len(answers)
    kind = COHEN if raters == 2 else FLEISS
    # Per counted item, each record's position among the scale's scored options.
    positions: list[list[int]] = []
    for item in items:
        scored = _scored_options(item)
        keys = [value_key(o.value) for o in scored]
        row: list[int] = []
        for record in answers:
            value = record.get(item.id)
            key = None if value is None else value_key(value)
            if key not in keys:
                break  # unanswered, hidden, or an unscored option such as "n.v.t."
            row.append(keys.index(key))
        else:
            positions.append(row)
    n_items = len(positions)
    if n_items == 0:
        return {"n_items": 0, "exact": None, "within_one": None, "kappa": None, "kappa_kind": kind}
    exact = Fraction(sum(1 for row in positions if len(set(row)) == 1), n_items)
    within = Fraction(sum(1 for row in positions if max(row) - min(row) <= 1), n_items)
    kappa: Fraction | None = None
    if len({_scale_key(item) for item in items}) == 1:
        k = len(_scored_options(items[0]))
        kappa = _cohen(positions, k) if raters == 2 else _fleiss(positions, k, raters)
    return {
        "n_items": n_items,
        "exact": float(exact),
        "within_one": float(within),
        "kappa": None if kappa is None else float(kappa),
        "kappa_kind": kind,
    }


def _cohen(positions: list[list[int]], k: int) -> Fraction | None:
    """Cohen's kappa with linear weights ``w = 1 - |i-j|/(k-1)``; ``None`` when p_e is 1."""
    if k < 2:
        return None  # one category: every agreement is by chance
    n = len(positions)

    def weight(i: int, j: int) -> Fraction:
        return 1 - Fraction(abs(i - j), k - 1)

    rows = [Fraction(sum(1 for a, _ in positions if a == i), n) for i in range(k)]
    cols = [Fraction(sum(1 for _, b in positions if b == j), n) for j in range(k)]
    p_o = sum((weight(a, b) for a, b in positions), Fraction(0)) / n
    p_e = sum((weight(i, j) * rows[i] * cols[j] for i in range(k) for j in range(k)), Fraction(0))
    if p_e == 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def _fleiss(positions: list[list[int]], k: int, raters: int) -> Fraction | None:
    """Fleiss' kappa (unweighted) over the scale's scored options; ``None`` when P̄_e is 1."""
    big_n = len(positions)
    counts = [[row.count(j) for j in range(k)] for row in positions]
    p_items = [Fraction(sum(c * c for c in row) - raters, raters * (raters - 1)) for row in counts]
    p_bar = sum(p_items, Fraction(0)) / big_n
    p_j = [Fraction(sum(row[j] for row in counts), big_n * raters) for j in range(k)]
    p_e = sum((p * p for p in p_j), Fraction(0))
    if p_e == 1:
        return None
    return (p_bar - p_e) / (1 - p_e)
