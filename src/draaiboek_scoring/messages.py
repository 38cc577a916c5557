"""The scorer's JSON-in, JSON-out entry point, used by the browser worker.

The worker passes strings across the JavaScript/Python boundary, which is
cheaper and simpler than converting proxies. Instruments are parsed once and
kept, so a re-score after one change only validates answers and evaluates.
"""

from __future__ import annotations

import json
from typing import Any

from draaiboek_scoring.errors import AnswersError, ExpressionError, ScoringError
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
    """Score answers for a loaded instrument; always return a JSON object as text.

    ``{"ok": true, "result": {...}}`` or ``{"ok": false, "kind": ..., "problems": [...]}``
    with Dutch messages, so the page never has to interpret a Python traceback.
    """
    reply: dict[str, Any]
    instrument = _instruments.get(key)
    try:
        if instrument is None:
            raise ScoringError(f"instrument '{key}' is niet geladen")
        reply = {"ok": True, "result": score(instrument, json.loads(answers_json))}
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
