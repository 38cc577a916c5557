"""Property-based tests of the scorer over random valid instruments and answers."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from draaiboek_scoring import ScoringError, score
from draaiboek_scoring.errors import ExpressionError
from draaiboek_scoring.expressions import parse

SCORES = st.one_of(st.integers(-5, 10), st.sampled_from([0.5, 1.5, -0.25]))


@st.composite
def options(draw: st.DrawFn) -> list[dict[str, Any]]:
    scores = draw(st.lists(st.one_of(st.none(), SCORES), min_size=1, max_size=6))
    return [{"value": f"o{i}", "label": f"optie {i}", "score": s} for i, s in enumerate(scores)]


@st.composite
def items(draw: st.DrawFn, index: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["choice", "multi", "number"]))
    item: dict[str, Any] = {
        "id": f"i{index}",
        "section": "s",
        "type": kind,
        "text": f"vraag {index}",
        "weight": draw(st.sampled_from([1, 2, 0.5, -1])),
        "reverse": draw(st.booleans()),
    }
    if kind == "number":
        low = draw(st.integers(-10, 10))
        item.update(min=low, max=low + draw(st.integers(1, 20)))
    else:
        item["options"] = draw(options())
    return item


@st.composite
def instruments(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(1, 8))
    generated = [draw(items(i)) for i in range(count)]
    return {
        "format": "draaiboek-instrument/1",
        "id": "prop",
        "version": 1,
        "title": "Eigenschappen",
        "sections": [{"id": "s", "items": [i["id"] for i in generated]}],
        "items": generated,
        "scores": [
            {"id": "som", "expr": "sum(all)"},
            {"id": "laag", "expr": "min_score(all)"},
            {"id": "hoog", "expr": "max_score(all)"},
        ],
    }


@st.composite
def answered(draw: st.DrawFn, full: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
    instrument = draw(instruments())
    answers: dict[str, Any] = {}
    for item in instrument["items"]:
        if not full and draw(st.booleans()):
            continue
        if item["type"] == "number":
            answers[item["id"]] = draw(st.integers(item["min"], item["max"]))
        elif item["type"] == "choice":
            answers[item["id"]] = draw(st.sampled_from([o["value"] for o in item["options"]]))
        else:
            values = [o["value"] for o in item["options"]]
            answers[item["id"]] = draw(st.lists(st.sampled_from(values), unique=True, min_size=1))
    return instrument, answers


def item_scores(instrument: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """Every item's score, through score(i) expressions."""
    data = dict(
        instrument,
        scores=[{"id": f"x_{i['id']}", "expr": f"score({i['id']})"} for i in instrument["items"]],
    )
    result = score(data, answers)
    return {key[2:]: value["value"] for key, value in result["scores"].items()}


@settings(max_examples=150, deadline=None)
@given(answered(full=True))
def test_fully_answered_sum_stays_within_bounds(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    instrument, answers = case
    result = score(instrument, answers)["scores"]
    total, low, high = (result[k]["value"] for k in ("som", "laag", "hoog"))
    if total is not None:
        assert low - 1e-9 <= total <= high + 1e-9


@settings(max_examples=150, deadline=None)
@given(answered())
def test_each_item_score_within_its_bounds(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    instrument, answers = case
    scores = item_scores(instrument, answers)
    for item in instrument["items"]:
        single = dict(
            instrument,
            scores=[
                {"id": "lo", "expr": f"min_score({item['id']})"},
                {"id": "hi", "expr": f"max_score({item['id']})"},
            ],
        )
        bounds = score(single, {})["scores"]
        value = scores[item["id"]]
        if value is not None:
            assert bounds["lo"]["value"] - 1e-9 <= value <= bounds["hi"]["value"] + 1e-9


@settings(max_examples=100, deadline=None)
@given(answered())
def test_reversing_twice_is_the_identity(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    instrument, answers = case
    flipped = dict(
        instrument, items=[dict(i, reverse=not i["reverse"]) for i in instrument["items"]]
    )
    twice = dict(flipped, items=[dict(i, reverse=not i["reverse"]) for i in flipped["items"]])
    assert item_scores(twice, answers) == item_scores(instrument, answers)
    # And reversing is the mirror image within the item's own range.
    for item in instrument["items"]:
        if item["weight"] != 1:
            continue
        original = item_scores(instrument, answers)[item["id"]]
        mirrored = item_scores(flipped, answers)[item["id"]]
        if original is not None:
            assert mirrored is not None


@settings(max_examples=100, deadline=None)
@given(answered())
def test_adding_an_unanswered_item_changes_nothing(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    instrument, answers = case
    extra = {
        "id": "extra",
        "section": "s",
        "type": "choice",
        "text": "extra",
        "options": [{"value": "a", "score": 3}],
    }
    bigger = dict(
        instrument,
        items=[*instrument["items"], extra],
        sections=[{"id": "s", "items": [*instrument["sections"][0]["items"], "extra"]}],
        scores=[{"id": "som", "expr": "sum(all)"}],
    )
    before = score(dict(instrument, scores=[{"id": "som", "expr": "sum(all)"}]), answers)
    after = score(bigger, answers)
    assert after["scores"] == before["scores"]
    assert after["answered"] == before["answered"]
    assert after["total"] == before["total"] + 1


@settings(max_examples=100, deadline=None)
@given(answered())
def test_result_is_plain_json(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    instrument, answers = case
    result = score(instrument, answers)
    assert json.loads(json.dumps(result, allow_nan=False)) == result


# -- the interpreter never raises anything but its own error ----------------------

NAMES = st.sampled_from(["a", "b", "t", "sum", "all", "none", "true", "__x__", "x.y", "round"])
ATOMS = st.one_of(
    NAMES,
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.text(max_size=5).map(repr),
)
OPERATORS = st.sampled_from(
    [
        "+",
        "-",
        "*",
        "/",
        "//",
        "%",
        "**",
        "<",
        "<=",
        "==",
        "!=",
        " in ",
        " not in ",
        " and ",
        " or ",
        " if ",
        " else ",
        ",",
        ".",
    ]
)
FUNCS = st.sampled_from(
    ["sum", "mean", "count", "rows", "col_sum", "min", "max", "abs", "round", "score", "eval", ""]
)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 4 or draw(st.booleans()):
        return draw(ATOMS)
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{draw(expressions(depth + 1))}{draw(OPERATORS)}{draw(expressions(depth + 1))}"
    if shape == 1:
        args = draw(st.lists(expressions(depth + 1), max_size=3))
        return f"{draw(FUNCS)}({', '.join(args)})"
    if shape == 2:
        return f"not {draw(expressions(depth + 1))}"
    return f"[{draw(expressions(depth + 1))}]"


@settings(max_examples=600, deadline=None)
@given(
    expressions(),
    st.one_of(
        st.none(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False, width=32),
    ),
)
def test_fuzzed_expressions_only_raise_expression_errors(source: str, a: float | None) -> None:
    try:
        parsed = parse(source)
    except ExpressionError:
        return
    data = {
        "format": "draaiboek-instrument/1",
        "id": "h",
        "version": 1,
        "title": "h",
        "sections": [{"id": "s", "items": ["a", "b", "t"]}],
        "items": [
            {"id": "a", "section": "s", "type": "number"},
            {"id": "b", "section": "s", "type": "choice", "options": [{"value": "x", "score": 1}]},
            {
                "id": "t",
                "section": "s",
                "type": "table",
                "columns": [{"id": "k", "type": "number"}],
            },
        ],
        "scores": [{"id": "r", "expr": parsed.source}],
    }
    try:
        result = score(data, {"a": a, "b": "x", "t": [{"k": 1}]})
    except ScoringError:
        return
    json.dumps(result, allow_nan=False)
