"""Answer sets as they travel: a bare mapping, an envelope, or a bundle of envelopes.

FORMAT.md, "Record metadata and bundles": everything that accepts an answers
file accepts a bundle too. This module is the one place that tells the three
shapes apart and checks the record metadata (``label``, ``assessor``, ``date``,
``saved_at``), so scoring, comparison and the group overview read files the
same way. Whatever is wrong is an :class:`AnswersError` with a Dutch message
that says which record it concerns; nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from draaiboek_scoring.errors import AnswerProblem, AnswersError

BUNDLE_FORMAT = "draaiboek-bundle/1"
META_TEXT_KEYS = ("label", "assessor", "saved_at")
MAX_META_LENGTH = 200
MAX_RECORDS = 10_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Record:
    """One answer set: what the scorer receives, plus its (optional) metadata."""

    data: Mapping[str, Any]  # an envelope or a bare answers mapping, as given
    number: int  # 1-based position among the records read together, for messages
    label: str | None = None
    assessor: str | None = None
    date: str | None = None
    saved_at: str | None = None
    source: str = ""  # the file it came from, when there is one
    in_bundle: bool = False  # one of several records in its file

    @property
    def instrument(self) -> str | None:
        """The instrument id an envelope names; ``None`` for a bare mapping."""
        value = self.data.get("instrument") if is_envelope(self.data) else None
        return value if isinstance(value, str) else None

    @property
    def version(self) -> object:
        """The instrument version an envelope names; ``None`` for a bare mapping."""
        return self.data.get("version") if is_envelope(self.data) else None

    @property
    def name(self) -> str:
        """How messages refer to this record: file, number, and label when it has one."""
        label = f" ({self.label})" if self.label else ""
        if self.source and not self.in_bundle:
            return self.source + label  # the file is the record
        own = f"antwoordenset {self.number}{label}"
        return f"{self.source}, {own}" if self.source else own


def is_envelope(data: Mapping[str, Any]) -> bool:
    """The exported file format rather than a bare ``{item: value}`` mapping."""
    fmt = data.get("format")
    return isinstance(fmt, str) and fmt.startswith("draaiboek-answers") and "answers" in data


def is_bundle(data: object) -> bool:
    """A file with several envelopes (``{"format": "draaiboek-bundle/…", "records": …}``)."""
    if not isinstance(data, Mapping):
        return False
    fmt = data.get("format")
    return isinstance(fmt, str) and fmt.startswith("draaiboek-bundle")


def read_records(data: object) -> list[Record]:
    """Every answer set in ``data`` (a bundle, an envelope or a bare mapping), in order.

    Raises :class:`AnswersError` listing every problem with the file's shape or
    its metadata; the answers themselves are checked when they are scored.
    """
    if not isinstance(data, Mapping):
        raise AnswersError([AnswerProblem("", "de antwoorden moeten een JSON-object zijn")])
    if not is_bundle(data):
        return [_record(data, 1, [], single=True)]
    problems: list[AnswerProblem] = []
    if data["format"] != BUNDLE_FORMAT:
        problems.append(
            AnswerProblem("", f"onbekend formaat '{data['format']}', verwacht '{BUNDLE_FORMAT}'")
        )
    raw = data.get("records")
    if not isinstance(raw, list):
        problems.append(
            AnswerProblem("", "een bundel heeft 'records': een lijst van antwoordensets")
        )
        raise AnswersError(problems)
    if not raw:
        problems.append(AnswerProblem("", "deze bundel bevat geen antwoordensets"))
    if len(raw) > MAX_RECORDS:
        problems.append(
            AnswerProblem("", f"te veel antwoordensets ({len(raw)}, hoogstens {MAX_RECORDS})")
        )
        raise AnswersError(problems)
    records = [
        replace(_record(envelope, number, problems), in_bundle=True)
        for number, envelope in enumerate(raw, 1)
    ]
    if problems:
        raise AnswersError(problems)
    return records


def as_records(payload: Sequence[object]) -> list[Record]:
    """Records from envelopes, bare mappings, bundles or ready :class:`Record` objects.

    Bundles are expanded in place; parsed records are numbered 1, 2, … across
    the whole payload so that messages and the comparison agree on
    "antwoordenset 3". :class:`Record` objects are kept as they are.
    """
    records: list[Record] = []
    problems: list[AnswerProblem] = []
    for place, data in enumerate(payload, 1):
        if isinstance(data, Record):
            records.append(data)  # already named by whoever read it (the CLI: file names)
            continue
        try:
            found = read_records(data)
        except AnswersError as exc:
            # A bundle's own messages already number its records.
            where = f"bundel {place}" if is_bundle(data) else f"antwoordenset {len(records) + 1}"
            problems += [AnswerProblem(p.item, f"{where}: {p.message}") for p in exc.problems]
            continue
        records += [replace(record, number=len(records) + 1) for record in found]
    if problems:
        raise AnswersError(problems)
    return records


def _record(
    data: object, number: int, problems: list[AnswerProblem], *, single: bool = False
) -> Record:
    where = "" if single else f"antwoordenset {number}: "
    if not isinstance(data, Mapping):
        problems.append(AnswerProblem("", f"{where}geen JSON-object"))
        return Record({}, number)
    if not is_envelope(data):
        if not single:
            # Inside a bundle a bare mapping would lose which instrument it is for.
            problems.append(
                AnswerProblem("", f"{where}geen antwoordenbestand (verwacht 'format' en 'answers')")
            )
        return Record(data, number)
    meta = data.get("meta")
    if meta is None:
        return Record(data, number)
    found = meta_problems(meta)
    if found:
        problems += [AnswerProblem("", where + message) for message in found]
        if single:
            raise AnswersError(problems)
        return Record(data, number)
    assert isinstance(meta, Mapping)
    return Record(
        data,
        number,
        meta.get("label") or None,
        meta.get("assessor") or None,
        meta.get("date") or None,
        meta.get("saved_at") or None,
    )


def meta_problems(meta: object) -> list[str]:
    """What is wrong with an envelope's ``meta`` (empty when nothing is).

    Only the keys of the format are checked; other keys are left alone so that
    a newer page's extra notes do not make an older scorer refuse a file.
    """
    if not isinstance(meta, Mapping):
        return ["'meta' moet een JSON-object zijn"]
    problems: list[str] = []
    for key in (*META_TEXT_KEYS, "date"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"meta.{key} moet tekst zijn, niet {value!r}")
        elif len(value) > MAX_META_LENGTH:
            problems.append(f"meta.{key} is te lang (hoogstens {MAX_META_LENGTH} tekens)")
        elif key == "date" and not _valid_date(value):
            problems.append(
                f"meta.date '{value}' is geen geldige datum; schrijf ze als JJJJ-MM-DD, "
                "bv. 2026-11-25"
            )
    return problems


def _valid_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    import datetime  # noqa: PLC0415 — only for a record with a date: not loaded before the first result

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
