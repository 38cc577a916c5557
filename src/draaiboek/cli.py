"""The ``draaiboek`` command: check, score, compare, group, schema, new, build, serve, pack.

Messages are Dutch because the people who run these commands are authors and
web admins of Flemish organisations. Exit status: 0 when all is well, 1 for a
problem in the user's files, 2 for a wrong command line (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from string import Template
from typing import Any

from draaiboek.console import INTERRUPTED
from draaiboek.errors import AuthorError, Problem, display_path
from draaiboek.groupcsv import group_csv
from draaiboek.loader import SHARED_SCALES_FILE, load_catalog
from draaiboek.models import KEBAB_CASE
from draaiboek.pack import add_pack_command
from draaiboek.schema import definition_schema
from draaiboek.site import add_site_commands
from draaiboek.yamlsource import file_problem, read_bytes
from draaiboek_scoring import AnswersError, ScoringError, score
from draaiboek_scoring.compare import compare
from draaiboek_scoring.envelopes import Record, is_bundle, read_records
from draaiboek_scoring.group import DEFAULT_MIN_GROUP, group
from draaiboek_scoring.instrument import Instrument

DEFAULT_CHECKLISTS = Path("checklists")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``draaiboek`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except AuthorError as exc:
        print(exc.report(), file=sys.stderr)
        count = len(exc.problems)
        print(f"\n{count} {'probleem' if count == 1 else 'problemen'} gevonden.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Ctrl-C is the person's choice, not a bug: one line, no traceback.
        print(INTERRUPTED, file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="draaiboek",
        description="Bouw en controleer het draaiboek: instrumenten, FAQ's en de handboeksite.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    check = commands.add_parser("check", help="controleer definities (standaard checklists/)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PAD")
    check.set_defaults(run=_check)

    score_cmd = commands.add_parser("score", help="bereken het resultaat van antwoorden")
    score_cmd.add_argument("definition", type=Path, metavar="DEF.yaml")
    score_cmd.add_argument(
        "answers",
        type=Path,
        metavar="ANTWOORDEN.json",
        help="antwoorden of een bundel (dan één resultaat per antwoordenset, als JSON-lijst)",
    )
    score_cmd.set_defaults(run=_score)

    compare_cmd = commands.add_parser(
        "compare", help="vergelijk twee of meer antwoordensets van één instrument"
    )
    compare_cmd.add_argument("definition", type=Path, metavar="DEF.yaml")
    compare_cmd.add_argument(
        "answers", type=Path, nargs="+", metavar="BESTAND", help="antwoorden of bundels"
    )
    compare_cmd.set_defaults(run=_compare)

    group_cmd = commands.add_parser(
        "group", help="anoniem groepsoverzicht van antwoordensets van één instrument"
    )
    group_cmd.add_argument("definition", type=Path, metavar="DEF.yaml")
    group_cmd.add_argument(
        "answers", type=Path, nargs="+", metavar="BESTAND", help="antwoorden of bundels"
    )
    group_cmd.add_argument(
        "--min-group",
        type=int,
        default=DEFAULT_MIN_GROUP,
        metavar="N",
        help=f"toon niets onder N antwoordensets (standaard {DEFAULT_MIN_GROUP})",
    )
    group_cmd.add_argument(
        "--csv", action="store_true", help="als CSV (; en decimale komma) in plaats van JSON"
    )
    group_cmd.set_defaults(run=_group)

    schema = commands.add_parser("schema", help="druk het JSON Schema van het formaat af")
    schema.set_defaults(run=_schema)

    new = commands.add_parser("new", help="maak een startbestand checklists/ID.yaml")
    new.add_argument("id", metavar="ID")
    new.add_argument(
        "--dir", type=Path, default=DEFAULT_CHECKLISTS, help="map (standaard checklists/)"
    )
    new.set_defaults(run=_new)

    add_site_commands(commands)
    add_pack_command(commands)
    return parser


def _check(args: argparse.Namespace) -> int:
    paths = args.paths or [DEFAULT_CHECKLISTS]
    catalog = load_catalog(paths)
    instruments, faqs = len(catalog.instruments), len(catalog.faqs)
    print(f"In orde: {instruments} instrument(en) en {faqs} FAQ-verzameling(en) gecontroleerd.")
    return 0


def _score(args: argparse.Namespace) -> int:
    compiled = _compiled(args.definition)
    if compiled is None:
        return 1
    shown = display_path(args.answers)
    data = _read_json(args.answers)
    if data is _UNREADABLE:
        return 1
    # A bundle prints a JSON list with one result per record, in the bundle's
    # order; a single answers file prints one result object, as before.
    try:
        records = read_records(data)
    except AnswersError as exc:
        _print_problems(shown, exc)
        return 1
    bundle = is_bundle(data)
    results = []
    failed = False
    for record in records:
        try:
            results.append(score(compiled, record.data))
        except AnswersError as exc:
            _print_problems(f"{shown}: {record.name}" if bundle else shown, exc)
            failed = True
        except ScoringError as exc:
            print(f"{shown}: {exc}", file=sys.stderr)
            failed = True
    if failed:
        return 1
    print(json.dumps(results if bundle else results[0], ensure_ascii=False, indent=2))
    return 0


_UNREADABLE = object()


def _compiled(definition: Path) -> dict[str, Any] | None:
    """The compiled instrument of one definition file (with its folder's shared scales)."""
    paths = [definition]
    shared = definition.parent / SHARED_SCALES_FILE
    if shared.exists() and shared != definition:
        paths.insert(0, shared)
    catalog = load_catalog(paths)
    if not catalog.instruments:
        print(f"{display_path(definition)}: dit bestand bevat geen instrument", file=sys.stderr)
        return None
    return next(iter(catalog.instruments.values())).compiled


def _read_json(path: Path) -> object:
    """The JSON in ``path``, or ``_UNREADABLE`` after printing a located Dutch message."""
    shown = display_path(path)
    try:
        return _read_answers(path, shown)
    except AuthorError as exc:
        # A missing file, FIFO, device, huge file or non-finite number: reported, and
        # the other files are still read so every problem shows at once.
        for problem in exc.problems:
            print(problem, file=sys.stderr)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f"{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else "1:1"
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "geen UTF-8-tekst"
        print(f"{shown}:{where}: geen geldige JSON ({reason})", file=sys.stderr)
    return _UNREADABLE


def _print_problems(where: str, exc: AnswersError) -> None:
    for problem in exc.problems:
        print(f"{where}: {problem}", file=sys.stderr)


def _records(paths: Sequence[Path]) -> list[Record] | None:
    """Every record in the files, named after their file; ``None`` after printing problems."""
    records: list[Record] = []
    failed = False
    for path in paths:
        shown = display_path(path)
        data = _read_json(path)
        if data is _UNREADABLE:
            failed = True
            continue
        try:
            found = read_records(data)
        except AnswersError as exc:
            _print_problems(shown, exc)
            failed = True
            continue
        records += [replace(record, source=shown) for record in found]
    return None if failed else records


def _several(args: argparse.Namespace, run: Callable[[dict[str, Any], list[Record]], str]) -> int:
    """Shared by compare and group: read, run, print; exit 1 with Dutch messages."""
    compiled = _compiled(args.definition)
    if compiled is None:
        return 1
    records = _records(args.answers)
    if records is None:
        return 1
    try:
        text = run(compiled, records)
    except AnswersError as exc:
        # Each message already names its file and record.
        for problem in exc.problems:
            print(problem.message, file=sys.stderr)
        return 1
    except ScoringError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _compare(args: argparse.Namespace) -> int:
    def run(compiled: dict[str, Any], records: list[Record]) -> str:
        return json.dumps(compare(compiled, records), ensure_ascii=False, indent=2)

    return _several(args, run)


def _group(args: argparse.Namespace) -> int:
    def run(compiled: dict[str, Any], records: list[Record]) -> str:
        instrument = Instrument.from_data(compiled)
        overview = group(instrument, records, args.min_group)
        if args.csv:
            return group_csv(instrument, overview, args.min_group)
        return json.dumps(overview, ensure_ascii=False, indent=2)

    return _several(args, run)


# An answers file holds one record; a few megabytes is already absurd.
MAX_ANSWERS_BYTES = 10_000_000


def _read_answers(path: Path, shown: str) -> object:
    """The answers as JSON data; a FIFO, device or huge file is refused, never read forever."""
    data, size = read_bytes(path, shown, MAX_ANSWERS_BYTES)
    if size > MAX_ANSWERS_BYTES:
        raise AuthorError(
            [Problem(shown, 1, 1, "het antwoordenbestand is te groot (hoogstens 10 MB)")]
        )

    # JSON numbers beyond what the browser represents exactly, and Infinity/NaN
    # (which Python's json accepts by default), are not answers.
    def refuse(what: str) -> AuthorError:
        return AuthorError([Problem(shown, 1, 1, f"geen geldig antwoordenbestand: {what}")])

    def constant(name: str) -> object:
        raise refuse(f"'{name}' is geen getal")

    def integer(text: str) -> int:
        if len(text.lstrip("-")) > 16 or abs(int(text)) > 2**53:
            raise refuse(f"het getal {text[:20]} is te groot")
        return int(text)

    return json.loads(data.decode("utf-8-sig"), parse_constant=constant, parse_int=integer)


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(definition_schema(), ensure_ascii=False, indent=2))
    return 0


def _new(args: argparse.Namespace) -> int:
    if not re.fullmatch(KEBAB_CASE, args.id):
        print(
            f"'{args.id}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens "
            "(bv. digitaal-profiel)",
            file=sys.stderr,
        )
        return 1
    target: Path = args.dir / f"{args.id}.yaml"
    if target.exists():
        print(f"{display_path(target)} bestaat al; niets overschreven.", file=sys.stderr)
        return 1
    template = Template((Path(__file__).parent / "starter.yaml").read_text(encoding="utf-8"))
    title = args.id.replace("-", " ").capitalize()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:
            handle.write(template.substitute(id=args.id, title=title))
    except OSError as exc:
        raise AuthorError([file_problem(display_path(target), exc, writing=True)]) from exc
    print(
        f"{display_path(target)} aangemaakt. Controleer met: draaiboek check {display_path(target)}"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
