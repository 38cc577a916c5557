"""Compiling a checked instrument to the plain JSON the scorer reads.

The compiled form (``draaiboek-instrument/1``) is the only thing the browser
receives about an instrument's logic: scales are resolved to options, defaults
are filled in, and display-only texts (intro, help, descriptors) are left out
because they are already in the page.
"""

from __future__ import annotations

import re
from typing import Any

from draaiboek.checker import ResolvedInstrument, ResolvedItem
from draaiboek_scoring.instrument import INSTRUMENT_FORMAT

DEFAULT_SCORE = {"id": "totaal", "label": "Totaal", "expr": "sum(all)"}

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


def plain_text(markdown: str) -> str:
    """Inline markdown to the text a person reads (for result lists and file exports)."""
    text = _LINK.sub(r"\1", markdown)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def compile_instrument(resolved: ResolvedInstrument) -> dict[str, Any]:
    """The scorer's view of an instrument, as JSON-ready data."""
    model = resolved.model
    scores = model.scores if model.scores is not None else None
    return {
        "format": INSTRUMENT_FORMAT,
        "id": resolved.id,
        "version": model.version,
        "title": model.title,
        "sections": [
            {
                "id": section.id,
                "title": section.title or "",
                "layout": section.layout,
                "show_if": section.show_if,
                "items": [item.id for item in section.items],
            }
            for section in model.sections
        ],
        "items": [
            _item(resolved.items[item.id]) for section in model.sections for item in section.items
        ],
        "scores": [dict(DEFAULT_SCORE, bands=[])]
        if scores is None
        else [
            {
                "id": score.id,
                "label": score.label or score.id,
                "expr": score.expr,
                "decimals": score.decimals,
                "min": score.min,
                "max": score.max,
                "chart": score.chart,
                "bands": [
                    {
                        "id": band.id,
                        "label": band.label or band.id,
                        "max": band.max,
                        "below": band.below,
                        "advice": band.advice,
                    }
                    for band in resolved.bands.get(score.id, [])
                ],
            }
            for score in scores
        ],
        "flags": [
            {"id": f.id, "when": f.when, "level": f.level, "message": f.message}
            for f in model.flags
        ],
        "outcomes": [
            {"id": o.id, "when": o.when, "label": o.label or o.id, "advice": o.advice}
            for o in model.outcomes
        ],
        "highlights": None if model.highlights is None else model.highlights.model_dump(),
        "decide": model.decide,
    }


def _item(item: ResolvedItem) -> dict[str, Any]:
    model = item.model
    data: dict[str, Any] = {
        "id": model.id,
        "section": item.section,
        "type": item.type,
        "text": plain_text(model.text),
        "required": model.required,
        "weight": model.weight,
        "reverse": model.reverse,
        "show_if": model.show_if,
    }
    if item.type in ("choice", "multi"):
        data["options"] = [option.as_data() for option in item.options]
    if item.type == "number":
        data.update(min=model.min, max=model.max, unit=model.unit)
    if item.type == "table":
        data["columns"] = [
            {
                "id": column.id,
                "label": column.label or column.id,
                "type": column.type,
                "options": [option.as_data() for option in options],
                "min": column.min,
                "max": column.max,
            }
            for column, options in item.columns
        ]
    return data
