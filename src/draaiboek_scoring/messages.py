"""The scorer's JSON-in, JSON-out entry points, used by the browser worker.

The worker passes strings across the JavaScript/Python boundary, which is
cheaper and simpler than converting proxies. Instruments are parsed once and
kept, so a re-score after one change only validates answers and evaluates.

Every entry point takes the key returned by :func:`load_instrument` and a JSON
text, and returns a JSON text: ``{"ok": true, "result": {...}}`` or
``{"ok": false, "kind": "answers"|"expression"|"scoring", "problems":
[{"item": ..., "message": ...}]}`` with Dutch messages.

- ``score_json(key, answers)``: an envelope or a bare answers mapping.
- ``compare_json(key, payload)``: ``{"records": [envelope, ...]}``, at least
  two records; an element may also be a bundle, whose records are taken in
  order. The result is :func:`draaiboek_scoring.compare.compare`'s.
- ``group_json(key, payload)``: ``{"records": [...], "min_group": 3}``
  (``min_group`` optional, default 3). The result is
  :func:`draaiboek_scoring.group.group`'s.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from draaiboek_scoring.errors import AnswerProblem, AnswersError, ExpressionError, ScoringError
from draaiboek_scoring.instrument import Instrument
from draaiboek_scoring.scoring import score

_instruments: dict[str, Instrument] = {}


def load_instrument(instrument_json: str) -> str:
    """Parse and keep a compiled instrument; return its key (``id@version``)."""
    instrument = Instrument.from_data(json.loads(instrument_json))
    key = f"{instrument.id}@{instrument.version}"
    _instruments[key] = instrument
    return key


def score_json(key: str, answers_json: str) -> str:
    """Score answers for a loaded instrument; always return a JSON object as text."""
    return _reply(key, answers_json, score)


def compare_json(key: str, payload_json: str) -> str:
    """Compare ``{"records": [...]}`` for a loaded instrument; always return JSON text."""

    # Imported here: a form page never compares, and the worker imports this
    # module before its first result (test_the_first_result_loads_only_what_scoring_needs).
    from draaiboek_scoring.compare import compare  # noqa: PLC0415 (see above)

    def run(instrument: Instrument, payload: object) -> dict[str, Any]:
        return compare(instrument, _records(payload, ("records",)))

    return _reply(key, payload_json, run)


def group_json(key: str, payload_json: str) -> str:
    """Group overview of ``{"records": [...], "min_group": n}``; always return JSON text."""

    from draaiboek_scoring.group import DEFAULT_MIN_GROUP, group  # noqa: PLC0415 — as compare_json

    def run(instrument: Instrument, payload: object) -> dict[str, Any]:
        records = _records(payload, ("records", "min_group"))
        assert isinstance(payload, dict)
        return group(instrument, records, payload.get("min_group", DEFAULT_MIN_GROUP))

    return _reply(key, payload_json, run)


def _records(payload: object, keys: tuple[str, ...]) -> list[object]:
    if not isinstance(payload, dict) or not isinstance(payload.get("records"), list):
        raise AnswersError([AnswerProblem("", 'verwacht {"records": [antwoordenset, ...]}')])
    unknown = sorted(set(payload) - set(keys))
    if unknown:
        raise AnswersError([AnswerProblem("", f"onbekende sleutel '{unknown[0]}'")])
    return list(payload["records"])


def _reply(key: str, data_json: str, run: Callable[[Instrument, object], dict[str, Any]]) -> str:
    """Run ``run`` on the loaded instrument and parsed JSON; turn every failure into a reply.

    The page never has to interpret a Python traceback.
    """
    reply: dict[str, Any]
    instrument = _instruments.get(key)
    try:
        if instrument is None:
            raise ScoringError(f"instrument '{key}' is niet geladen")
        reply = {"ok": True, "result": run(instrument, json.loads(data_json))}
    except json.JSONDecodeError as exc:
        reply = _failure("answers", [{"item": "", "message": f"geen geldige JSON: {exc.msg}"}])
    except AnswersError as exc:
        reply = _failure("answers", [{"item": p.item, "message": p.message} for p in exc.problems])
    except ExpressionError as exc:
        reply = _failure(
            "expression", [{"item": "", "message": f"{exc.message} in '{exc.source}'"}]
        )
    except ScoringError as exc:
        reply = _failure("scoring", [{"item": "", "message": str(exc)}])
    return json.dumps(reply, ensure_ascii=False)


def _failure(kind: str, problems: list[dict[str, str]]) -> dict[str, Any]:
    return {"ok": False, "kind": kind, "problems": problems}
