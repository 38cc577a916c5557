"""Turning pydantic's validation errors into Dutch, located author problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from draaiboek.errors import Problem
from draaiboek.models import KEBAB_CASE, SNAKE_CASE
from draaiboek.yamlsource import DataPath, SourceMap

_TYPE_MESSAGES: dict[str, tuple[str, str]] = {
    "string_type": ("moet tekst zijn", "zet de waarde tussen aanhalingstekens"),
    "int_type": ("moet een geheel getal zijn", "bv. 1, zonder aanhalingstekens"),
    "int_parsing": ("moet een geheel getal zijn", "bv. 1, zonder aanhalingstekens"),
    "int_from_float": ("moet een geheel getal zijn", "bv. 2 in plaats van 2.5"),
    "float_type": ("moet een getal zijn", "bv. 2 of 2.5, met een punt en zonder aanhalingstekens"),
    "float_parsing": (
        "moet een getal zijn",
        "bv. 2 of 2.5, met een punt en zonder aanhalingstekens",
    ),
    "bool_type": ("moet true of false zijn", "schrijf true of false (niet ja/nee)"),
    "bool_parsing": ("moet true of false zijn", "schrijf true of false (niet ja/nee)"),
    "list_type": ("moet een lijst zijn", "schrijf elk element op een regel die begint met '- '"),
    "dict_type": ("moet een mapping (sleutel: waarde) zijn", ""),
    "model_type": ("moet een mapping (sleutel: waarde) zijn", ""),
    "model_attributes_type": ("moet een mapping (sleutel: waarde) zijn", ""),
}


def problems_from_validation(
    error: ValidationError, root: type[BaseModel], data: Any, source: SourceMap
) -> list[Problem]:
    """One problem per location, in Dutch, with a hint where we can give one."""
    problems: list[Problem] = []
    seen: set[DataPath] = set()
    for detail in error.errors():
        data_path = _data_path(detail["loc"], data)
        kind = detail["type"]
        if kind == "missing":
            key = str(detail["loc"][-1])
            parent = data_path[:-1] if data_path and data_path[-1] == key else data_path
            problems.append(
                source.problem(parent, f"de verplichte sleutel '{key}' ontbreekt", _example(key))
            )
            continue
        if kind == "extra_forbidden":
            key = str(data_path[-1]) if data_path else ""
            allowed = _allowed_keys(root, data_path[:-1])
            problems.append(
                source.problem(
                    data_path, f"onbekende sleutel '{key}'", _suggest(str(key), allowed), key=True
                )
            )
            continue
        # A union reports one error per branch; the first says enough.
        if data_path in seen:
            continue
        seen.add(data_path)
        problems.append(source.problem(data_path, *_describe(detail, data_path)))
    return problems


def _describe(detail: Any, data_path: DataPath) -> tuple[str, str]:
    kind = detail["type"]
    context = detail.get("ctx") or {}
    where = f"'{data_path[-1]}' " if data_path and isinstance(data_path[-1], str) else ""
    if kind in _TYPE_MESSAGES:
        message, hint = _TYPE_MESSAGES[kind]
        return f"{where}{message}", hint
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern")
        if pattern == SNAKE_CASE:
            return (
                f"'{detail['input']}' is geen geldige id: gebruik kleine letters, cijfers en _ "
                "en begin met een letter",
                "bv. internet_thuis",
            )
        if pattern == KEBAB_CASE:
            return (
                f"'{detail['input']}' is geen geldige id: gebruik kleine letters, cijfers en "
                "koppeltekens",
                "bv. digitaal-profiel",
            )
    if kind == "literal_error":
        return f"{where}moet een van deze waarden zijn: {context.get('expected')}", ""
    if kind in ("greater_than_equal", "greater_than"):
        bound = context.get("ge", context.get("gt"))
        return f"{where}moet minstens {bound} zijn", ""
    if kind in ("less_than_equal", "less_than"):
        bound = context.get("le", context.get("lt"))
        return f"{where}mag hoogstens {bound} zijn", ""
    if kind == "too_short":
        return f"{where}mag niet leeg zijn", "geef minstens één element"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return f"{where}heeft een ongeldige vorm", ""
    return f"{where}{detail['msg']}", ""


def _data_path(loc: tuple[Any, ...], data: Any) -> DataPath:
    """Follow pydantic's loc through the data, skipping union branch names."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and part.isidentifier():
            # A missing key (union branch names such as "list[Band]" are skipped).
            path.append(part)
            current = None
    return tuple(path)


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (through Optional, list, dict, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        found: list[Any] = []
        args = typing.get_args(annotation)
        for arg in args[1:] if origin is dict else args:
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _allowed_keys(root: type[BaseModel], data_path: DataPath) -> list[str]:
    models: list[type[BaseModel]] = [root]
    for part in data_path:
        if not isinstance(part, str):
            continue
        next_models: list[type[BaseModel]] = []
        for model in models:
            field = model.model_fields.get(part)
            if field is not None:
                next_models.extend(_unwrap(field.annotation))
            elif model.model_config.get("extra") != "forbid":
                next_models.append(model)
        models = next_models or models
    return sorted({name for model in models for name in model.model_fields})


def _suggest(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"bedoel je '{close[0]}'?"
    return "toegelaten sleutels: " + ", ".join(allowed) if allowed else ""


def _example(key: str) -> str:
    examples = {
        "version": "version: 1 (verhoog bij elke inhoudelijke wijziging)",
        "title": "title: Naam van het instrument",
        "sections": "sections: met minstens één onderdeel met items",
        "items": "items: een lijst van vragen, elk met id en text",
        "id": "id: een korte naam in kleine letters, bv. internet_thuis",
        "text": "text: de vraag of stelling",
        "when": "when: een uitdrukking, bv. score_x < 3",
        "message": "message: wat de begeleider te zien krijgt",
        "entries": "entries: een lijst van vragen met id, question en answer",
    }
    return examples.get(key, "")
