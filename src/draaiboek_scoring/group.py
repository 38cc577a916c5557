"""An anonymous overview of many answer sets of one instrument (FORMAT.md, "Group").

For a team or an organisation: how many answered what, mean and spread of
numbers and scores, how often each band, flag and outcome came up. It is
anonymous by construction: the output is built only from option values,
numbers, counts and the instrument's own ids, never from a record's
metadata (label, assessor, date) or from free text. Below ``min_group``
records the overview says how many there were and nothing else, so a
group of two cannot be read back to the two people in it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from draaiboek_scoring.answers import Answer
from draaiboek_scoring.errors import AnswerProblem, AnswersError
from draaiboek_scoring.instrument import Instrument, Item, Scalar
from draaiboek_scoring.records import Scored, score_records
from draaiboek_scoring.scoring import median

DEFAULT_MIN_GROUP = 3


def group(
    instrument: Instrument | Mapping[str, Any],
    envelopes: Sequence[object],
    min_group: int = DEFAULT_MIN_GROUP,
) -> dict[str, Any]:
    """The group overview of the records in ``envelopes`` (envelopes, bundles, mappings).

    Raises :class:`AnswersError` when a record does not fit or ``min_group``
    is not a whole number of at least 1.
    """
    if isinstance(min_group, bool) or not isinstance(min_group, int) or min_group < 1:
        raise AnswersError(
            [AnswerProblem("", f"min_group moet een geheel getal ≥ 1 zijn, niet {min_group!r}")]
        )
    if not isinstance(instrument, Instrument):
        instrument = Instrument.from_data(instrument)
    scored = score_records(instrument, envelopes)
    if len(scored) < min_group:
        return {"n": len(scored), "suppressed": True}
    items: dict[str, Any] = {}
    for item in instrument.items.values():
        if item.type == "text":
            continue  # free text is never summarised: it could name a person
        items[item.id] = _item(item, [s.answers[item.id] for s in scored])
    return {
        "n": len(scored),
        "suppressed": False,
        "items": items,
        "scores": {
            definition.id: _score(
                [s.result["scores"][definition.id] for s in scored],
                [band.id for band in definition.bands],
            )
            for definition in instrument.scores
        },
        "flags": {
            flag.id: sum(1 for s in scored if any(f["id"] == flag.id for f in s.result["flags"]))
            for flag in instrument.flags
        },
        "outcomes": {
            outcome.id: sum(1 for s in scored if _outcome_id(s) == outcome.id)
            for outcome in instrument.outcomes
        },
        "outcome_pending": sum(1 for s in scored if s.result["outcome_pending"]),
    }


def _outcome_id(scored: Scored) -> str | None:
    outcome = scored.result["outcome"]
    return None if outcome is None else str(outcome["id"])


def option_key(value: Scalar) -> str:
    """An option value as a JSON object key: text as is, others as JSON (1, 2.5, true)."""
    return value if isinstance(value, str) else json.dumps(value)


def _item(item: Item, answers: list[Answer]) -> dict[str, Any]:
    given = [a for a in answers if a is not None]  # hidden and unanswered are None
    if item.type in ("choice", "multi"):
        counts = {option_key(o.value): 0 for o in item.options}
        for answer in given:
            for value in answer if item.type == "multi" else [answer]:
                option = item.option(value)
                if option is not None:
                    counts[option_key(option.value)] += 1
        return {"n": len(given), "counts": counts}
    if item.type == "number":
        return {"n": len(given), **_spread(given)}
    # A table: only how many rows, never what is in them.
    return {
        "n": len(given),
        "rows_mean": sum(len(rows) for rows in given) / len(given) if given else None,
    }


def _spread(values: list[int | float]) -> dict[str, Any]:
    if not values:
        return {"mean": None, "median": None, "min": None, "max": None}
    return {
        "mean": sum(values) / len(values),
        "median": median(values),
        "min": min(values),
        "max": max(values),
    }


def _score(results: list[Mapping[str, Any]], band_ids: list[str]) -> dict[str, Any]:
    values = [r["value"] for r in results if r["value"] is not None]
    bands = dict.fromkeys(band_ids, 0)
    for result in results:
        if result["band"] is not None:
            bands[result["band"]] += 1
    return {"n": len(values), **_spread(values), "bands": bands}
