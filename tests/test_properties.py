"""Property-based tests of the scorer over random valid instruments and answers."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from draaiboek_scoring import ScoringError, score
from draaiboek_scoring.compare import compare
from draaiboek_scoring.errors import ExpressionError
from draaiboek_scoring.expressions import parse
from draaiboek_scoring.group import group
from draaiboek_scoring.instrument import Instrument

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
    return instrument, draw(answers_for(instrument, full))


@st.composite
def answers_for(draw: st.DrawFn, instrument: dict[str, Any], full: bool = False) -> dict[str, Any]:
    """Valid answers for every item, or (``full=False``) for a random part of them."""
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
    return answers


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
@given(st.data())
def test_a_kept_instrument_scores_every_change_as_a_fresh_one(data: st.DataObject) -> None:
    """The worker keeps one parsed instrument for every answer; what it remembers
    between passes (item scores per value, expansions) never leaks into the next."""
    instrument = data.draw(instruments())
    kept = Instrument.from_data(instrument)
    for _ in range(4):
        answers = data.draw(answers_for(instrument))
        assert score(kept, answers) == score(instrument, answers)


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


# -- comparison and group -------------------------------------------------------


@st.composite
def rubrics(draw: st.DrawFn) -> dict[str, Any]:
    """A grid of choice items on one scale of k scored options plus an unscored "n.v.t."."""
    k = draw(st.integers(1, 5))
    scale = [{"value": v, "label": str(v), "score": v} for v in range(1, k + 1)]
    scale.append({"value": "nvt", "label": "n.v.t.", "score": None})
    ids = [f"r{i}" for i in range(draw(st.integers(1, 8)))]
    return {
        "format": "draaiboek-instrument/1",
        "id": "rubric",
        "version": 1,
        "title": "Rubric",
        "sections": [{"id": "s", "layout": "grid", "items": ids}],
        "items": [
            {"id": i, "section": "s", "type": "choice", "text": i, "options": scale} for i in ids
        ],
    }


@st.composite
def rubric_answers(draw: st.DrawFn, rubric: dict[str, Any]) -> dict[str, Any]:
    values = [o["value"] for o in rubric["items"][0]["options"]]
    return {
        item["id"]: draw(st.sampled_from(values))
        for item in rubric["items"]
        if draw(st.integers(0, 4))  # mostly answered
    }


@settings(max_examples=80, deadline=None)
@given(st.data(), st.integers(2, 4))
def test_a_record_agrees_with_itself(data: st.DataObject, copies: int) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(rubric_answers(rubric))
    found = compare(rubric, [answers] * copies)["agreement"]
    for entry in (found["s"], found["all"]):
        scored = [v for v in answers.values() if v != "nvt"]
        assert entry["n_items"] == len(scored)
        assert entry["kappa_kind"] == ("cohen_linear" if copies == 2 else "fleiss")
        if not scored:
            assert entry == {
                "n_items": 0,
                "exact": None,
                "within_one": None,
                "kappa": None,
                "kappa_kind": entry["kappa_kind"],
            }
            continue
        assert entry["exact"] == entry["within_one"] == 1.0
        # Chance agreement is 1 exactly when every counted answer is the same option.
        assert entry["kappa"] == (None if len(set(scored)) == 1 else 1.0)


@settings(max_examples=80, deadline=None)
@given(st.data(), st.integers(2, 4))
def test_exact_agreement_never_exceeds_within_one(data: st.DataObject, copies: int) -> None:
    rubric = data.draw(rubrics())
    records = [data.draw(rubric_answers(rubric)) for _ in range(copies)]
    for entry in compare(rubric, records)["agreement"].values():
        if entry["n_items"]:
            assert 0 <= entry["exact"] <= entry["within_one"] <= 1
            assert entry["kappa"] is None or -1 <= entry["kappa"] <= 1 + 1e-12
        else:
            assert entry["exact"] is entry["within_one"] is entry["kappa"] is None


@settings(max_examples=60, deadline=None)
@given(st.data(), st.integers(1, 6))
def test_group_counts_add_up_to_n(data: st.DataObject, size: int) -> None:
    instrument = data.draw(instruments())
    records = [data.draw(answers_for(instrument)) for _ in range(size)]
    overview = group(instrument, records, min_group=1)
    assert overview["n"] == size
    for item in instrument["items"]:
        entry = overview["items"][item["id"]]
        answered_count = sum(1 for r in records if r.get(item["id"]) is not None)
        assert entry["n"] == answered_count
        if item["type"] == "choice":
            assert sum(entry["counts"].values()) == entry["n"]
        elif item["type"] == "multi":
            ticks = sum(len(r.get(item["id"]) or []) for r in records)
            assert sum(entry["counts"].values()) == ticks
    assert group(instrument, records, min_group=size + 1) == {"n": size, "suppressed": True}
