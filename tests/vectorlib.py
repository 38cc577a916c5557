"""Loading the shared scoring vectors (tests/vectors/*.yaml) and comparing results.

A vector file holds one definition and its cases. Each case has answers and
either ``expect`` (a subset of the result that must match exactly) or
``error_items`` (the items that the answer problems must name, in order).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from draaiboek.loader import load_catalog

VECTORS = Path(__file__).parent / "vectors"


@dataclass(frozen=True)
class Vector:
    name: str
    file: Path
    definition: dict[str, Any]
    compiled: dict[str, Any]
    answers: Any
    expect: dict[str, Any] | None
    error_items: list[str] | None

    @property
    def id(self) -> str:
        return f"{self.file.stem}: {self.name}"


def load_vectors(tmp: Path) -> list[Vector]:
    vectors: list[Vector] = []
    for file in sorted(VECTORS.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        definition_file = tmp / f"{file.stem}.yaml"
        definition_file.write_text(
            yaml.safe_dump(data["definition"], allow_unicode=True), encoding="utf-8"
        )
        compiled = load_catalog([definition_file]).instruments[file.stem].compiled
        for case in data["cases"]:
            vectors.append(
                Vector(
                    case["name"],
                    file,
                    data["definition"],
                    compiled,
                    case["answers"],
                    case.get("expect"),
                    case.get("error_items"),
                )
            )
    return vectors


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where ``actual`` differs from the ``expected`` subset (dicts: only keys given)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        found: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                found.append(f"{path}.{key}: missing")
            else:
                found += mismatches(value, actual[key], f"{path}.{key}")
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        return [
            m
            for i, (e, a) in enumerate(zip(expected, actual, strict=True))
            for m in mismatches(e, a, f"{path}[{i}]")
        ]
    if type(expected) is not type(actual) or expected != actual:
        return [
            f"{path}: expected {expected!r} ({type(expected).__name__}), got {actual!r} ({type(actual).__name__})"
        ]
    return []


def check_reply(vector: Vector, reply: dict[str, Any]) -> list[str]:
    """Compare a worker-style reply (``{"ok": ..., "result"|"problems": ...}``) with the vector."""
    if vector.error_items is not None:
        if reply.get("ok"):
            return [f"expected answer problems for {vector.error_items}, got a result"]
        items = [p["item"] for p in reply["problems"]]
        return (
            []
            if items == vector.error_items
            else [f"problems name {items}, expected {vector.error_items}"]
        )
    if not reply.get("ok"):
        return [f"unexpected problems: {reply.get('problems')}"]
    return mismatches(vector.expect, reply["result"])
