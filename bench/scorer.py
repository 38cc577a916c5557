"""One re-score of a 60-item instrument in CPython, as the worker does on every change."""

from __future__ import annotations

import json
import random
import statistics
import time
from typing import Any

from draaiboek_scoring.messages import load_instrument, score_json

ITEMS = 60
CHANGES = 2_000


def sixty_item_instrument() -> dict[str, Any]:
    scale = [{"value": v, "label": str(v), "score": v} for v in range(7)]
    sections = []
    items = []
    for s in range(6):
        ids = [f"s{s}_i{i}" for i in range(10)]
        sections.append({"id": f"s{s}", "items": ids})
        items += [
            {
                "id": i,
                "section": f"s{s}",
                "type": "choice",
                "text": i,
                "options": scale,
                "show_if": f"s{s}_i0 != 0" if i.endswith("_i9") else None,
            }
            for i in ids
        ]
    scores = [
        {
            "id": f"deel{s}",
            "expr": f"mean(s{s})",
            "bands": [{"id": "laag", "max": 2}, {"id": "hoog"}],
        }
        for s in range(6)
    ]
    scores.append({"id": "totaal", "expr": "sum(all)"})
    return {
        "format": "draaiboek-instrument/1",
        "id": "bench",
        "version": 1,
        "title": "bench",
        "sections": sections,
        "items": items,
        "scores": scores,
        "flags": [{"id": "laag", "when": "totaal < 100", "level": "info", "message": "laag"}],
        "outcomes": [{"id": "a", "when": "deel0 > 3", "label": "A"}, {"id": "b", "label": "B"}],
        "highlights": {"strength_min": 5, "work_point_max": 1},
    }


def bench_scorer() -> list[dict[str, Any]]:
    instrument = sixty_item_instrument()
    key = load_instrument(json.dumps(instrument))
    rng = random.Random(1)
    answers = {item["id"]: rng.randrange(7) for item in instrument["items"]}
    timings = []
    for _ in range(CHANGES):
        answers[rng.choice(list(answers))] = rng.randrange(7)
        text = json.dumps(answers)
        start = time.perf_counter()
        reply = score_json(key, text)
        timings.append((time.perf_counter() - start) * 1000)
        assert json.loads(reply)["ok"]
    timings.sort()
    return [
        {
            "what": f"CPython: één wijziging herscoren ({ITEMS} items)",
            "p50_ms": statistics.median(timings),
            "p95_ms": timings[int(len(timings) * 0.95)],
            "goal_ms": 1.0,
        }
    ]
