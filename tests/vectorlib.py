"""Loading the shared scoring vectors (tests/vectors/*.yaml) and comparing results.

A vector file holds one definition and its cases. Each case has answers and
either ``expect`` (a subset of the result that must match exactly; the whole
result with ``exact: true``) or ``error_items`` (the items that the answer
problems must name, in order). ``op`` is ``score`` (default), ``compare`` or
``group``; for the last two ``answers`` is the worker payload
(``{"records": [...], "min_group": n}``). ``forbidden`` lists strings that
must not occur anywhere in the serialized reply (the group overview's
anonymity); ``absent`` lists dotted key paths the result must not have.
"""

from __future__ import annotations

import json
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
    op: str = "score"
    exact: bool = False
    forbidden: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()

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
                    case.get("op", "score"),
                    case.get("exact", False),
                    tuple(case.get("forbidden", ())),
                    tuple(case.get("absent", ())),
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
    found = mismatches(vector.expect, reply["result"])
    if vector.exact and not found and reply["result"] != vector.expect:
        found.append(f"expected exactly {vector.expect!r}, got {reply['result']!r}")
    text = json.dumps(reply, ensure_ascii=False)
    found += [f"{word!r} occurs in the reply" for word in vector.forbidden if word in text]
    found += [f"{path} should be absent" for path in vector.absent if _has(reply["result"], path)]
    return found


def _has(data: Any, path: str) -> bool:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True
