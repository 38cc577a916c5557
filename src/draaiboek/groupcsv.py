"""The group overview as a spreadsheet: one row per question and answer.

For teams that keep their figures in Excel. The file is written the way a
Belgian (nl-BE) Excel opens it without an import step: ``;`` between fields
and a decimal comma. Columns:

``soort;id;tekst;antwoord;aantal;waarde``

- ``soort``: ``groep``, ``vraag``, ``score``, ``signaal`` or ``uitkomst``;
- ``antwoord``: the option or band label, or the statistic (``beantwoord``,
  ``gemiddelde``, ``mediaan``, ``minimum``, ``maximum``, ``rijen gemiddeld``);
- ``aantal``: a count (answer sets with that answer, or behind that statistic);
- ``waarde``: the statistic's value, empty for counts.

Only what :func:`draaiboek_scoring.group.group` returns is written, so the
file is as anonymous as the overview itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from draaiboek_scoring.group import option_key
from draaiboek_scoring.instrument import Instrument

HEADER = ("soort", "id", "tekst", "antwoord", "aantal", "waarde")
STATISTICS = (("gemiddelde", "mean"), ("mediaan", "median"), ("minimum", "min"), ("maximum", "max"))

type Row = tuple[str, str, str, str, str, str]


def group_csv(instrument: Instrument, overview: Mapping[str, Any], min_group: int) -> str:
    """The overview of :func:`~draaiboek_scoring.group.group` as CSV text."""
    rows: list[Row] = [("groep", "", "antwoordensets", "", _number(overview["n"]), "")]
    if overview["suppressed"]:
        rows.append(
            ("groep", "", f"niet getoond: minder dan {min_group} antwoordensets", "", "", "")
        )
    else:
        rows += _items(instrument, overview["items"])
        rows += _scores(instrument, overview["scores"])
        rows += [
            ("signaal", flag.id, flag.message, "", _number(overview["flags"][flag.id]), "")
            for flag in instrument.flags
        ]
        rows += [
            ("uitkomst", o.id, o.label, "", _number(overview["outcomes"][o.id]), "")
            for o in instrument.outcomes
        ]
        if instrument.outcomes:
            rows.append(
                ("uitkomst", "", "nog geen uitkomst", "", _number(overview["outcome_pending"]), "")
            )
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def _items(instrument: Instrument, items: Mapping[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for item in instrument.items.values():
        data = items.get(item.id)
        if data is None:
            continue  # text items are never in the overview
        n = _number(data["n"])
        if "counts" in data:
            rows.append(("vraag", item.id, item.text, "beantwoord", n, ""))
            rows += [
                (
                    "vraag",
                    item.id,
                    item.text,
                    o.label,
                    _number(data["counts"][option_key(o.value)]),
                    "",
                )
                for o in item.options
            ]
        elif "rows_mean" in data:
            rows.append(
                ("vraag", item.id, item.text, "rijen gemiddeld", n, _number(data["rows_mean"]))
            )
        else:
            rows += [
                ("vraag", item.id, item.text, name, n, _number(data[key]))
                for name, key in STATISTICS
            ]
    return rows


def _scores(instrument: Instrument, scores: Mapping[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for definition in instrument.scores:
        data = scores[definition.id]
        n = _number(data["n"])
        rows += [
            ("score", definition.id, definition.label, name, n, _number(data[key]))
            for name, key in STATISTICS
        ]
        rows += [
            (
                "score",
                definition.id,
                definition.label,
                band.label,
                _number(data["bands"][band.id]),
                "",
            )
            for band in definition.bands
        ]
    return rows


def _number(value: object) -> str:
    """Empty for no value; a decimal comma, no thousands separator, full precision."""
    if value is None:
        return ""
    return repr(value).replace(".", ",") if isinstance(value, float) else str(value)
