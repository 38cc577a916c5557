"""Checking answers against an instrument before they are scored.

Answers arrive from the browser form, from an exported file someone imports,
or from the command line. Whatever is wrong with them is reported per item;
nothing is dropped or corrected silently (FORMAT.md, "Answers").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from draaiboek_scoring.envelopes import is_bundle, is_envelope, meta_problems
from draaiboek_scoring.errors import AnswerProblem, AnswersError
from draaiboek_scoring.instrument import Column, Instrument, Item, Option, find_option, value_key

ANSWERS_FORMAT = "draaiboek-answers/1"
MAX_TEXT_LENGTH = 20_000
MAX_TABLE_ROWS = 500
UNKNOWN_ITEM = "dit item bestaat niet in het instrument"

type Answer = Any  # None | scalar | list of scalars | list of row mappings


def unwrap(instrument: Instrument, data: object, *, any_version: bool = False) -> Mapping[str, Any]:
    """Return the answers mapping of an envelope or a bare mapping, checking the envelope.

    ``any_version`` lets answers of another version of the instrument through
    (comparison and group overview); their items are still checked one by one.
    """
    if not isinstance(data, Mapping):
        raise AnswersError([AnswerProblem("", "de antwoorden moeten een JSON-object zijn")])
    if is_bundle(data):
        raise AnswersError(
            [
                AnswerProblem(
                    "",
                    "dit is een bundel van meerdere antwoordensets, geen enkele set; "
                    "open ze één voor één of vergelijk ze",
                )
            ]
        )
    if not is_envelope(data):
        return data
    problems: list[AnswerProblem] = []
    if data["format"] != ANSWERS_FORMAT:
        problems.append(
            AnswerProblem("", f"onbekend formaat '{data['format']}', verwacht '{ANSWERS_FORMAT}'")
        )
    if data.get("instrument") != instrument.id:
        problems.append(
            AnswerProblem(
                "",
                f"deze antwoorden horen bij instrument '{data.get('instrument')}', "
                f"niet bij '{instrument.id}'",
            )
        )
    if data.get("version") != instrument.version and not any_version:
        problems.append(
            AnswerProblem(
                "",
                f"deze antwoorden horen bij versie {data.get('version')}, "
                f"het instrument is versie {instrument.version}",
            )
        )
    if "meta" in data:
        problems += [AnswerProblem("", message) for message in meta_problems(data["meta"])]
    answers = data["answers"]
    if not isinstance(answers, Mapping):
        problems.append(AnswerProblem("", "'answers' moet een JSON-object zijn"))
    if problems:
        raise AnswersError(problems)
    assert isinstance(answers, Mapping)
    return answers


_SCALARS = (bool, int, float, str)


def validate(
    instrument: Instrument, data: object, *, any_version: bool = False
) -> dict[str, Answer]:
    """Return ``{item id: answer}`` for every item (``None`` = unanswered).

    Raises :class:`AnswersError` listing every problem at once.
    """
    answers = unwrap(instrument, data, any_version=any_version)
    problems: list[AnswerProblem] = []
    result: dict[str, Answer] = dict.fromkeys(instrument.items)
    for key, raw in answers.items():
        item = instrument.items.get(key) if isinstance(key, str) else None
        if item is None:
            problems.append(AnswerProblem(str(key), UNKNOWN_ITEM))
            continue
        if item.type == "choice" and type(raw) in _SCALARS:
            # The common case, without the detour that explains a wrong answer.
            option = item.option(raw)
            if option is not None:
                result[key] = option.value
                continue
        problem_count = len(problems)
        value = _validate_item(item, raw, problems)
        if len(problems) == problem_count:
            result[key] = value
    if problems:
        raise AnswersError(problems)
    return result


def _validate_item(item: Item, raw: object, problems: list[AnswerProblem]) -> Answer:
    if raw is None:
        return None
    match item.type:
        case "choice":
            return _choice(item.id, item.options, raw, problems, item.option)
        case "multi":
            return _multi(item, raw, problems)
        case "number":
            return _number(item.id, raw, item.minimum, item.maximum, problems)
        case "text":
            return _text(item.id, raw, problems)
        case "table":
            return _table(item, raw, problems)
    problems.append(AnswerProblem(item.id, f"onbekend itemtype '{item.type}'"))  # pragma: no cover
    return None


def _scale_description(options: tuple[Option, ...]) -> str:
    shown = ", ".join(repr(o.value) for o in options[:8])
    return shown + (", ..." if len(options) > 8 else "")


def _choice(
    where: str,
    options: tuple[Option, ...],
    raw: object,
    problems: list[AnswerProblem],
    lookup: Callable[[object], Option | None] | None = None,
) -> Answer:
    """One choice; ``lookup`` finds its option faster than a scan (an item's own index)."""
    if isinstance(raw, list | dict):
        problems.append(AnswerProblem(where, "verwacht één keuze, geen lijst"))
        return None
    option = lookup(raw) if lookup is not None else find_option(options, raw)
    if option is None:
        problems.append(
            AnswerProblem(
                where,
                f"{raw!r} staat niet op de schaal (mogelijk: {_scale_description(options)})",
            )
        )
        return None
    return option.value


def _multi(item: Item, raw: object, problems: list[AnswerProblem]) -> Answer:
    if not isinstance(raw, list):
        problems.append(AnswerProblem(item.id, "verwacht een lijst van keuzes"))
        return None
    chosen: list[object] = []
    for value in raw:
        option = item.option(value)
        if option is None:
            problems.append(
                AnswerProblem(
                    item.id,
                    f"{value!r} staat niet op de schaal "
                    f"(mogelijk: {_scale_description(item.options)})",
                )
            )
        elif any(_same(option.value, c) for c in chosen):
            problems.append(AnswerProblem(item.id, f"{value!r} is twee keer gekozen"))
        else:
            chosen.append(option.value)
    # Nothing ticked is indistinguishable from not answered in a form.
    return chosen or None


def _same(a: object, b: object) -> bool:
    return value_key(a) == value_key(b)


def _number(
    where: str,
    raw: object,
    minimum: int | float | None,
    maximum: int | float | None,
    problems: list[AnswerProblem],
) -> Answer:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        problems.append(AnswerProblem(where, f"verwacht een getal, niet {raw!r}"))
        return None
    if not math.isfinite(raw):
        problems.append(AnswerProblem(where, "verwacht een eindig getal"))
        return None
    if (minimum is not None and raw < minimum) or (maximum is not None and raw > maximum):
        problems.append(
            AnswerProblem(where, f"{raw} ligt buiten het bereik {_range(minimum, maximum)}")
        )
        return None
    return raw


def _range(minimum: int | float | None, maximum: int | float | None) -> str:
    low = "" if minimum is None else str(minimum)
    high = "" if maximum is None else str(maximum)
    return f"{low}–{high}"


def _text(where: str, raw: object, problems: list[AnswerProblem]) -> Answer:
    if not isinstance(raw, str):
        problems.append(AnswerProblem(where, f"verwacht tekst, niet {raw!r}"))
        return None
    if len(raw) > MAX_TEXT_LENGTH:
        problems.append(
            AnswerProblem(
                where, f"de tekst is te lang ({len(raw)} tekens, hoogstens {MAX_TEXT_LENGTH})"
            )
        )
        return None
    return raw if raw.strip() else None


def _table(item: Item, raw: object, problems: list[AnswerProblem]) -> Answer:
    if not isinstance(raw, list):
        problems.append(AnswerProblem(item.id, "verwacht een lijst van rijen"))
        return None
    if len(raw) > MAX_TABLE_ROWS:
        problems.append(AnswerProblem(item.id, f"te veel rijen (hoogstens {MAX_TABLE_ROWS})"))
        return None
    rows: list[dict[str, Answer]] = []
    for number, row in enumerate(raw, start=1):
        if not isinstance(row, Mapping):
            problems.append(AnswerProblem(item.id, f"rij {number} is geen JSON-object"))
            continue
        clean: dict[str, Answer] = {}
        for column_id, value in row.items():
            column = item.column(column_id) if isinstance(column_id, str) else None
            if column is None:
                known = ", ".join(c.id for c in item.columns)
                problems.append(
                    AnswerProblem(
                        item.id, f"rij {number}: onbekende kolom '{column_id}' (kolommen: {known})"
                    )
                )
                continue
            clean[column_id] = _cell(item.id, number, column, value, problems)
        rows.append(clean)
    return rows or None


def _cell(
    item_id: str, row: int, column: Column, value: object, problems: list[AnswerProblem]
) -> Answer:
    if value is None:
        return None
    where = f"{item_id} (rij {row}, kolom {column.id})"
    if column.type == "number":
        return _number(where, value, column.minimum, column.maximum, problems)
    if column.type == "choice":
        return _choice(where, column.options, value, problems)
    return _text(where, value, problems)
