"""Reading YAML while remembering where every key and value stands.

Definitions are written by hand, so every error must point at a line and a
column. PyYAML's composer gives each node its position; this module turns the
node tree into plain data and a :class:`SourceMap` from data paths (the same
tuples pydantic uses in error locations, e.g. ``("sections", 0, "items", 2,
"weight")``) to positions.

It also reads YAML the way people expect in 2026 (the YAML 1.2 core schema):
only ``true``/``false`` are booleans — ``ja``, ``no`` and ``on`` stay text —,
``010`` is ten, ``10:30`` is text and dates stay text. Duplicate keys are an
error instead of silently keeping the last one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from draaiboek.errors import AuthorError, Problem, display_path

type DataPath = tuple[str | int | float, ...]

# A hand-written definition is a few kilobytes; anything this large is a mistake
# (a wrong file in the folder) and would only make the build slow.
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Position:
    """1-based line and column; ``style`` is the scalar style (``'"'``, ``"'"``, ``"|"``, ...)."""

    line: int
    column: int
    style: str | None = None
    indent: int = 0  # block scalars: indentation of the content lines


@dataclass
class SourceMap:
    """Where each value and each mapping key of a document stands."""

    path: str
    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)
    # The file's lines, for the indentation of block scalars.
    lines: list[str] = field(default_factory=list, repr=False)

    def locate(self, data_path: DataPath, *, key: bool = False) -> Position:
        """The position of ``data_path`` or of its nearest ancestor that exists."""
        table = self.keys if key else self.values
        for length in range(len(data_path), -1, -1):
            prefix = data_path[:length]
            if prefix in table:
                return table[prefix]
            if key and prefix in self.values:
                return self.values[prefix]
        return Position(1, 1)

    def problem(
        self, data_path: DataPath, message: str, hint: str = "", *, key: bool = False
    ) -> Problem:
        position = self.locate(data_path, key=key)
        return Problem(self.path, position.line, position.column, message, hint)


@dataclass
class Document:
    """One YAML file: its data and where everything in it stands."""

    path: Path
    data: Any
    source: SourceMap


class _Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's implicit types."""


_Loader.yaml_implicit_resolvers = {}
_IMPLICIT: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
]
for _tag, _pattern, _first in _IMPLICIT:
    _Loader.add_implicit_resolver(
        _tag, re.compile(_pattern), list(_first) + ([""] if "~" in _first else [])
    )


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)

# libyaml parses about twenty times faster; every build reads every definition.
# Same resolvers and constructors, so the data is identical. Its error messages
# differ, so a file it refuses is parsed again by _Loader for our Dutch hints.
_FastLoader: type[yaml.SafeLoader] = _Loader
if yaml.__with_libyaml__:

    class _CLoader(yaml.CSafeLoader):
        """libyaml's parser with the core schema of :class:`_Loader`."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader.yaml_constructors = _Loader.yaml_constructors
    _FastLoader = _CLoader  # type: ignore[assignment]

_SYNTAX_HINTS: list[tuple[str, str, str]] = [
    (
        "found character '\\t'",
        "een tab-teken op een plaats waar YAML het niet toelaat",
        "spring in met spaties, nooit met tabs",
    ),
    (
        "mapping values are not allowed here",
        "een dubbele punt ':' op een plaats waar YAML geen nieuwe sleutel verwacht",
        "zet tekst met een ': ' erin tussen aanhalingstekens",
    ),
    (
        "could not find expected ':'",
        "YAML verwacht hier 'sleutel: waarde'",
        "controleer de inspringing en of er een dubbele punt ontbreekt",
    ),
    (
        # `{id: x, text: Kent hij VDAB?, scale: ja-nee}`: a '?' or ':' in a text
        # inside { } ends it early.
        "expected ',' or '}'",
        "een tekst tussen { } bevat een teken dat YAML daar niet verwacht (bv. '?' of ':')",
        'zet die tekst tussen aanhalingstekens: text: "Kent hij de weg?"',
    ),
    (
        "found undefined alias",
        "een verwijzing (*naam) naar een anker dat niet bestaat",
        "definieer eerst het anker met &naam",
    ),
    (
        "expected <block end>, but found",
        "de inspringing klopt niet",
        "items van dezelfde lijst of mapping staan precies even ver ingesprongen",
    ),
    (
        "found unexpected end of stream",
        "de tekst eindigt terwijl een aanhalingsteken of haakje nog open staat",
        "sluit aanhalingstekens en haakjes",
    ),
    (
        "while scanning a quoted scalar",
        "een aanhalingsteken wordt niet gesloten",
        "sluit de tekst af met hetzelfde aanhalingsteken",
    ),
]


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in text:
            return Problem(path, line, column, f"YAML-fout: {message}", hint)
    return Problem(path, line, column, f"YAML-fout: {(exc.problem or 'ongeldige YAML').strip()}")


def load_document(path: Path, text: str | None = None) -> Document:
    """Read one YAML file into data plus positions; raise :class:`AuthorError` on bad YAML."""
    shown = display_path(path)
    if text is None:
        text = _read_text(path, shown)
    if "\x00" in text:
        raise AuthorError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "dit is geen tekstbestand (het bevat binaire gegevens)",
                    "zet alleen .yaml-definities in deze map",
                )
            ]
        )
    try:
        return _compose(_FastLoader, path, shown, text)
    except yaml.YAMLError as fast_error:
        # Parse again for PyYAML's messages, which our hints know. libyaml is a
        # little more lenient (it accepts "text: Kent hij de weg?, ..." in { }),
        # so keep its position when PyYAML stops somewhere else.
        try:
            return _compose(_Loader, path, shown, text)
        except AuthorError as slow_error:
            mark = getattr(fast_error, "problem_mark", None)
            if (
                isinstance(fast_error, yaml.MarkedYAMLError)
                and mark is not None
                and slow_error.line != mark.line + 1
            ):
                raise AuthorError([_syntax_problem(shown, fast_error)]) from fast_error
            raise


# The line breaks YAML counts (str.splitlines() knows more).
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _compose(loader_class: type[yaml.SafeLoader], path: Path, shown: str, text: str) -> Document:
    source = SourceMap(shown, lines=_LINE_BREAK.split(text))
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        if loader_class is not _Loader:
            raise
        line = text[: exc.position].count("\n") + 1
        raise AuthorError(
            [
                Problem(
                    shown, line, 1, "het bestand bevat een teken dat niet in YAML mag (stuurteken)"
                )
            ]
        ) from exc
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(path, None, source)
        problems: list[Problem] = []
        data = _to_data(loader, node, (), source, problems)
    except yaml.YAMLError as exc:
        if loader_class is not _Loader:
            raise
        if isinstance(exc, yaml.MarkedYAMLError):
            raise AuthorError([_syntax_problem(shown, exc)]) from exc
        raise AuthorError([Problem(shown, 1, 1, f"YAML-fout: {exc}")]) from exc
    finally:
        loader.dispose()
    if problems:
        raise AuthorError(problems)
    return Document(path, data, source)


def _read_text(path: Path, shown: str) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise AuthorError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    f"het bestand is te groot voor een definitie ({size // 1_000_000} MB, "
                    f"hoogstens {MAX_FILE_BYTES // 1_000_000} MB)",
                    "splits het op, of haal het uit de map met definities",
                )
            ]
        )
    data = path.read_bytes()
    if b"\x00" in data:
        return "\x00"  # reported as binary by the caller
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AuthorError(
            [
                Problem(
                    shown,
                    line,
                    1,
                    "het bestand is geen UTF-8-tekst (bv. opgeslagen als Windows-1252)",
                    "sla het op als UTF-8 in je editor",
                )
            ]
        ) from exc


def _position(node: yaml.Node, lines: list[str]) -> Position:
    style = getattr(node, "style", None)
    mark = node.start_mark
    indent = 0
    if style in ("|", ">") and mark.line + 1 < len(lines):
        # The mark points at the indicator; expressions count from the content.
        line = lines[mark.line + 1]
        indent = len(line) - len(line.lstrip(" "))
    return Position(mark.line + 1, mark.column + 1, style, indent)


def _node_problem(source: SourceMap, node: yaml.Node, message: str, hint: str = "") -> Problem:
    position = _position(node, source.lines)
    return Problem(source.path, position.line, position.column, message, hint)


def _to_data(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    data_path: DataPath,
    source: SourceMap,
    problems: list[Problem],
) -> Any:
    source.values[data_path] = _position(node, source.lines)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    _node_problem(
                        source,
                        key_node,
                        "samenvoegen met '<<' wordt niet ondersteund",
                        "schrijf de sleutels uit, of gebruik een gedeelde schaal of bandset",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    _node_problem(source, key_node, "een sleutel moet tekst of een getal zijn")
                )
                continue
            key = loader.construct_object(key_node)
            if key in result:
                first = source.keys[(*data_path, key)]
                problems.append(
                    _node_problem(
                        source,
                        key_node,
                        f"de sleutel '{key}' staat hier twee keer (eerst op regel {first.line})",
                        "verwijder of hernoem een van beide",
                    )
                )
                continue
            source.keys[(*data_path, key)] = _position(key_node, source.lines)
            result[key] = _to_data(loader, value_node, (*data_path, key), source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(loader, child, (*data_path, index), source, problems)
            for index, child in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
