"""The complete fixture: every key of FORMAT.md loads, compiles and fits the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from draaiboek import models
from draaiboek.loader import load_catalog
from draaiboek.schema import definition_schema
from draaiboek_scoring import score

VALID = Path(__file__).parent / "fixtures" / "valid"
MODELS: list[type[BaseModel]] = [
    models.Instrument,
    models.Scale,
    models.Option,
    models.Range,
    models.Section,
    models.Item,
    models.Column,
    models.Score,
    models.Band,
    models.Flag,
    models.Outcome,
    models.Highlights,
    models.FaqCollection,
    models.FaqEntry,
]


def keys_in(data: Any) -> set[str]:
    if isinstance(data, dict):
        return {str(k) for k in data} | {key for value in data.values() for key in keys_in(value)}
    if isinstance(data, list):
        return {key for value in data for key in keys_in(value)}
    return set()


def fixture_data() -> list[tuple[Path, Any]]:
    return [
        (path, yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(VALID.rglob("*.yaml"))
        if not path.name.startswith("_")
    ]


def test_fixtures_load() -> None:
    catalog = load_catalog([VALID])
    assert list(catalog.instruments) == ["volledig"]
    assert list(catalog.faqs) == ["faq-voorbeeld"]


def test_fixtures_use_every_key_of_the_format() -> None:
    used = set().union(*(keys_in(data) for _, data in fixture_data()))
    every = {name for model in MODELS for name in model.model_fields}
    assert every - used == set()


def test_fixture_uses_every_item_type_and_layout() -> None:
    compiled = load_catalog([VALID]).instruments["volledig"].compiled
    assert {item["type"] for item in compiled["items"]} == {
        "choice",
        "multi",
        "number",
        "text",
        "table",
    }
    volledig = dict(fixture_data())[VALID / "volledig.yaml"]
    assert {section.get("layout") for section in volledig["sections"]} == {"list", "grid"}


@pytest.mark.parametrize(("path", "data"), fixture_data(), ids=lambda v: getattr(v, "name", ""))
def test_json_schema_accepts_what_check_accepts(path: Path, data: Any) -> None:
    # Editors see YAML as JSON, where mapping keys are strings.
    jsonschema.validate(json.loads(json.dumps(data)), definition_schema())


def test_json_schema_rejects_an_unknown_key() -> None:
    data = {
        "version": 1,
        "title": "x",
        "sections": [{"id": "a", "items": [{"id": "b", "text": "c", "wieght": 1}]}],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, definition_schema())


def test_complete_fixture_scores() -> None:
    compiled = load_catalog([VALID]).instruments["volledig"].compiled
    result = score(
        compiled,
        {
            "internet_thuis": "nee",
            "internet_elders": "nee",
            "email": "hulp",
            "stress": 5,
            "acties": [
                {"actie": "CV", "voltooid": "+", "zelfstandig": "zelf"},
                {"actie": "Brief", "voltooid": "-"},
            ],
            "initiatief": 3,
        },
    )
    assert result["scores"]["middelen"]["value"] == 3  # 0 + 0 + 1*2 + (0+6-5)
    assert result["scores"]["middelen"]["band"] == "midden"
    assert result["scores"]["competenties"]["value"] == 3
    assert result["scores"]["voortgang"]["value"] == 50.0
    assert [f["id"] for f in result["flags"]] == ["geen_middelen"]
    assert result["outcome"]["id"] == "doorverwijzen"
    assert result["missing_required"] == []
