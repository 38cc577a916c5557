"""The ``draaiboek`` command: check, score, schema, new, build, serve, pack.

Messages are Dutch because the people who run these commands are authors and
web admins of Flemish organisations. Exit status: 0 when all is well, 1 for a
problem in the user's files, 2 for a wrong command line (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from string import Template

from draaiboek.errors import AuthorError, display_path
from draaiboek.loader import SHARED_SCALES_FILE, load_catalog
from draaiboek.models import KEBAB_CASE
from draaiboek.pack import add_pack_command
from draaiboek.schema import definition_schema
from draaiboek.site import add_site_commands
from draaiboek_scoring import AnswersError, ScoringError, score

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
    score_cmd.add_argument("answers", type=Path, metavar="ANTWOORDEN.json")
    score_cmd.set_defaults(run=_score)

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
    definition: Path = args.definition
    paths = [definition]
    shared = definition.parent / SHARED_SCALES_FILE
    if shared.exists() and shared != definition:
        paths.insert(0, shared)
    catalog = load_catalog(paths)
    if not catalog.instruments:
        print(f"{display_path(definition)}: dit bestand bevat geen instrument", file=sys.stderr)
        return 1
    compiled = next(iter(catalog.instruments.values())).compiled
    shown = display_path(args.answers)
    try:
        answers = json.loads(args.answers.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"{shown}: kan het bestand niet lezen ({exc.strerror})", file=sys.stderr)
        return 1
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = f"{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else "1:1"
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "geen UTF-8-tekst"
        print(f"{shown}:{where}: geen geldige JSON ({reason})", file=sys.stderr)
        return 1
    try:
        result = score(compiled, answers)
    except AnswersError as exc:
        for problem in exc.problems:
            print(f"{shown}: {problem}", file=sys.stderr)
        return 1
    except ScoringError as exc:
        print(f"{shown}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


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
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(template.substitute(id=args.id, title=title), encoding="utf-8")
    print(
        f"{display_path(target)} aangemaakt. Controleer met: draaiboek check {display_path(target)}"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
