"""Scoring several answer sets of one instrument: what comparison and group share.

Each record is checked and scored exactly as a single answers file is, with
two differences that FORMAT.md allows for several answer sets: a record of
another *version* of the instrument is accepted as long as every item it
answers still exists, and every message says which record it concerns. A
record of another instrument is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from draaiboek_scoring.answers import UNKNOWN_ITEM, Answer
from draaiboek_scoring.envelopes import Record, as_records
from draaiboek_scoring.errors import AnswerProblem, AnswersError
from draaiboek_scoring.instrument import Instrument
from draaiboek_scoring.scoring import Result, score_visible


@dataclass(frozen=True)
class Scored:
    """One record with its result and the answers as the result saw them."""

    record: Record
    result: Result
    answers: dict[str, Answer]  # None when unanswered or hidden


def score_records(instrument: Instrument, payload: Sequence[object]) -> list[Scored]:
    """Score every record in ``payload`` (envelopes, bundles, bare mappings, records).

    Raises :class:`AnswersError` listing the problems of every record at once;
    each message starts with the record's name ("antwoordenset 2 (A-17): …").
    """
    problems: list[AnswerProblem] = []
    scored: list[Scored] = []
    for record in as_records(payload):
        found = _record_problems(instrument, record)
        if found:
            problems += found
            continue
        try:
            result, answers = score_visible(instrument, record.data, any_version=True)
        except AnswersError as exc:
            problems += [_located(instrument, record, problem) for problem in exc.problems]
            continue
        scored.append(Scored(record, result, answers))
    if problems:
        raise AnswersError(problems)
    return scored


def _record_problems(instrument: Instrument, record: Record) -> list[AnswerProblem]:
    named = record.instrument
    if named is not None and named != instrument.id:
        return [
            AnswerProblem(
                "",
                f"{record.name}: deze antwoorden horen bij instrument '{named}', "
                f"niet bij '{instrument.id}'; alleen antwoorden van hetzelfde instrument "
                "kunnen samen",
            )
        ]
    version = record.version
    if record.instrument is not None and (
        isinstance(version, bool) or not isinstance(version, int) or version < 1
    ):
        return [AnswerProblem("", f"{record.name}: 'version' moet een geheel getal ≥ 1 zijn")]
    return []


def _located(instrument: Instrument, record: Record, problem: AnswerProblem) -> AnswerProblem:
    message = problem.message
    version = record.version
    if message == UNKNOWN_ITEM and version is not None and version != instrument.version:
        message = (
            f"dit item bestaat niet meer in versie {instrument.version} van het instrument "
            f"(deze antwoorden zijn van versie {version}); antwoorden van verschillende "
            "versies kunnen alleen samen als elk beantwoord item nog bestaat"
        )
    where = f"{problem.item}: " if problem.item else ""
    return AnswerProblem(problem.item, f"{record.name}: {where}{message}")
