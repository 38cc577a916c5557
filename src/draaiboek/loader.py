"""Loading every definition of a site at once: instruments, FAQ collections, shared scales.

:func:`load_catalog` reads all files, checks each, then checks what spans
files (unique ids, FAQ ``related`` links), and raises one :class:`AuthorError`
with every problem of every file — an author fixes them all in one go.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from draaiboek import models
from draaiboek.checker import InstrumentChecker, ResolvedInstrument, SharedScale, resolve_scale
from draaiboek.compiler import compile_instrument
from draaiboek.errors import AuthorError, Problem, display_path
from draaiboek.validation import problems_from_validation
from draaiboek.yamlsource import Document, file_problem, load_document

SHARED_SCALES_FILE = "_scales.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# Ids become folder and file names (``<id>.<hash>.json``); 64 stays far below
# every file system's 255-byte limit.
MAX_ID_LENGTH = 64

_SCALES_ADAPTER: TypeAdapter[dict[str, models.Scale]] = TypeAdapter(dict[str, models.Scale])


@dataclass
class InstrumentDefinition:
    """A checked instrument: where it came from, its resolved model, its compiled JSON."""

    path: Path
    resolved: ResolvedInstrument
    compiled: dict[str, Any]

    @property
    def id(self) -> str:
        return self.resolved.id

    @property
    def model(self) -> models.Instrument:
        return self.resolved.model

    @cached_property
    def compiled_json(self) -> str:
        """The compiled definition as the browser fetches it."""
        return json.dumps(self.compiled, ensure_ascii=False, sort_keys=True)

    @cached_property
    def file_name(self) -> str:
        """Name of the compiled JSON; its content hash keeps browsers from using a stale copy."""
        digest = hashlib.sha256(self.compiled_json.encode()).hexdigest()[:10]
        return f"{self.id}.{digest}.json"


@dataclass
class FaqDefinition:
    path: Path
    id: str
    model: models.FaqCollection


@dataclass
class Catalog:
    """Everything a site is built from, keyed by id, in a stable order."""

    instruments: dict[str, InstrumentDefinition] = field(default_factory=dict)
    faqs: dict[str, FaqDefinition] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def definition_files(paths: Sequence[Path], problems: list[Problem] | None = None) -> list[Path]:
    """YAML files under the given files and folders, sorted.

    A folder that cannot be read, or an entry that is not a regular file, is a
    problem (when ``problems`` is given), never a silent "0 instruments".
    """
    found: list[Path] = []
    report = problems if problems is not None else []
    for path in paths:
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            report.append(file_problem(display_path(path), exc))
            continue
        if not is_dir:
            found.append(path)
            continue

        def unreadable(exc: OSError, top: Path = path) -> None:
            where = Path(exc.filename) if exc.filename else top
            report.append(file_problem(display_path(where), exc))

        # Every name that looks like a definition, regular file or not: reading
        # refuses a FIFO or device with a message instead of skipping it.
        found.extend(
            sorted(
                Path(folder) / name
                for folder, _, names in os.walk(path, onerror=unreadable)
                for name in names
                if Path(name).suffix in YAML_SUFFIXES
            )
        )
    return found


def load_catalog(paths: Sequence[Path]) -> Catalog:
    """Load and check every definition under ``paths``.

    Raises :class:`AuthorError` with every problem of every file when any is wrong.
    """
    problems: list[Problem] = []
    existing: list[Path] = []
    for path in paths:
        try:
            path.stat()
        except FileNotFoundError:
            problems.append(
                Problem(display_path(path), 1, 1, "dit bestand of deze map bestaat niet", "")
            )
            continue
        except OSError as exc:
            problems.append(file_problem(display_path(path), exc))
            continue
        existing.append(path)
    files = definition_files(existing, problems)
    shared = _load_shared_scales(files, problems)
    catalog = Catalog(files=files)
    owners: dict[str, Problem] = {}
    for path in files:
        if path.name.startswith("_"):
            continue
        document = _read(path, problems)
        if document is None:
            continue
        definition = _load_definition(document, shared, problems)
        if definition is None:
            continue
        where = document.source.problem(("id",), "")
        if definition.id in owners:
            first = owners[definition.id]
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    where.column,
                    f"de id '{definition.id}' wordt ook gebruikt in {first.path}",
                    "elk instrument en elke FAQ heeft een eigen id (standaard de bestandsnaam)",
                )
            )
            continue
        owners[definition.id] = where
        if isinstance(definition, InstrumentDefinition):
            catalog.instruments[definition.id] = definition
        else:
            catalog.faqs[definition.id] = definition
    _check_related(catalog, problems)
    if problems:
        raise AuthorError(problems)
    return catalog


def _read(path: Path, problems: list[Problem]) -> Document | None:
    """The parsed file, or ``None`` with its problems recorded."""
    try:
        return load_document(path)
    except AuthorError as exc:
        problems.extend(exc.problems)
        return None


def _validate[M: BaseModel](
    model: type[M], document: Document, problems: list[Problem]
) -> M | None:
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, model, document.data, document.source))
        return None


def _is_faq(document: Document) -> bool:
    data = document.data
    if isinstance(data, dict) and "kind" in data:
        return bool(data["kind"] == "faq")
    return "faq" in document.path.parent.parts


def _load_definition(
    document: Document, shared: dict[str, SharedScale], problems: list[Problem]
) -> InstrumentDefinition | FaqDefinition | None:
    if not isinstance(document.data, dict):
        what = {type(None): "leeg", list: "een lijst"}.get(type(document.data), "één waarde")
        problems.append(
            document.source.problem(
                (),
                f"het bestand is {what}; een definitie is een mapping van sleutels "
                "(version, title, sections, ...)",
                "begin met 'version: 1' en 'title: ...'; of maak een nieuw met: draaiboek new ID",
            )
        )
        return None
    stem = document.path.stem
    if _is_faq(document):
        data = dict(document.data)
        data.setdefault("kind", "faq")
        faq = _validate(
            models.FaqCollection, Document(document.path, data, document.source), problems
        )
        if faq is None:
            return None
        faq_id = faq.id or _id_from_stem(stem, document, problems)
        if faq_id is None or not _id_fits(faq_id, document, problems):
            return None
        _check_faq_entries(faq, document, problems)
        return FaqDefinition(document.path, faq_id, faq)
    instrument = _validate(models.Instrument, document, problems)
    if instrument is None:
        return None
    instrument_id = instrument.id or _id_from_stem(stem, document, problems)
    if instrument_id is None or not _id_fits(instrument_id, document, problems):
        return None
    checker = InstrumentChecker(instrument, instrument_id, document.source, shared)
    resolved = checker.run()
    problems.extend(checker.problems)
    if resolved is None:
        return None
    return InstrumentDefinition(document.path, resolved, compile_instrument(resolved))


def _id_fits(identifier: str, document: Document, problems: list[Problem]) -> bool:
    """An id names files and folders of the site; file systems limit a name's length."""
    if len(identifier) <= MAX_ID_LENGTH:
        return True
    problems.append(
        document.source.problem(
            ("id",),
            f"de id is te lang ({len(identifier)} tekens, hoogstens {MAX_ID_LENGTH})",
            "kies een korte id; de titel mag wel lang zijn",
        )
    )
    return False


def _id_from_stem(stem: str, document: Document, problems: list[Problem]) -> str | None:
    if re.fullmatch(models.KEBAB_CASE, stem):
        return stem
    problems.append(
        document.source.problem(
            (),
            f"de bestandsnaam '{stem}' is geen geldige id en er staat geen 'id:' in het bestand",
            "hernoem het bestand naar kleine letters met koppeltekens (bv. digitaal-profiel.yaml) "
            "of geef 'id: ...'",
        )
    )
    return None


def _check_faq_entries(
    faq: models.FaqCollection, document: Document, problems: list[Problem]
) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(faq.entries):
        if entry.id in seen:
            problems.append(
                document.source.problem(
                    ("entries", index, "id"),
                    f"de vraag-id '{entry.id}' staat twee keer in deze FAQ",
                )
            )
        seen.add(entry.id)


def _check_related(catalog: Catalog, problems: list[Problem]) -> None:
    for faq in catalog.faqs.values():
        document: Document | None = None
        for index, entry in enumerate(faq.model.entries):
            for position, related in enumerate(entry.related):
                if related in catalog.instruments:
                    continue
                document = document or load_document(faq.path)
                close = difflib.get_close_matches(related, list(catalog.instruments), n=1)
                problems.append(
                    document.source.problem(
                        ("entries", index, "related", position),
                        f"'related' verwijst naar een onbekend instrument '{related}'",
                        f"bedoel je '{close[0]}'?" if close else "gebruik de id van een instrument",
                    )
                )


def _load_shared_scales(files: Iterable[Path], problems: list[Problem]) -> dict[str, SharedScale]:
    shared: dict[str, SharedScale] = {}
    for path in files:
        if path.name != SHARED_SCALES_FILE:
            continue
        document = _read(path, problems)
        if document is None or document.data is None:
            continue
        try:
            scales = _SCALES_ADAPTER.validate_python(document.data, strict=True)
        except ValidationError as exc:
            problems.extend(
                problems_from_validation(exc, models.Scale, document.data, document.source)
            )
            continue
        for name, scale in scales.items():
            resolve_scale(scale, document.source, (name,), problems)
            shared[name] = SharedScale(scale, document.source, (name,))
    return shared
