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

import errno
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from draaiboek.errors import AuthorError, Problem, display_path

type DataPath = tuple[str | int | float, ...]

# A hand-written definition is a few kilobytes; anything this large is a mistake
# (a wrong file in the folder) and would only make the build slow.
MAX_FILE_BYTES = 1_000_000
# Bounds that keep a hostile file from hanging or exhausting the tools: nested
# aliases ("billion laughs") expand exponentially, deep nesting overflows the
# stack. Real definitions stay far below both (the largest has ~3,000 nodes and
# nesting 8).
MAX_NODES = 100_000
MAX_DEPTH = 64
# Numbers must survive the trip to JSON and the browser exactly: JavaScript
# represents integers exactly only up to 2^53.
MAX_SAFE_INTEGER = 2**53
# A literal longer than this cannot be a valid number anyway; refusing it before
# conversion keeps int() from quadratic work on thousands of digits.
_MAX_NUMBER_TEXT = 40


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
    except yaml.MarkedYAMLError as fast_error:
        if "maximum nesting depth" in str(fast_error.problem):
            mark = fast_error.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise AuthorError([_too_deep(shown, line, column)]) from fast_error
        return _compose_again(path, shown, text, fast_error)
    except yaml.YAMLError as fast_error:
        return _compose_again(path, shown, text, fast_error)


def _compose_again(path: Path, shown: str, text: str, fast_error: yaml.YAMLError) -> Document:
    """Parse again with PyYAML, whose messages our hints know.

    libyaml is a little more lenient (it accepts "text: Kent hij de weg?, ..."
    in { }), so keep its position when PyYAML stops somewhere else.
    """
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
        data = _to_data(loader, node, (), source, problems, budget=_Budget())
    except RecursionError as exc:
        # PyYAML's own composer recurses; libyaml stops at 1,000 levels itself.
        raise AuthorError([_too_deep(shown, 1, 1)]) from exc
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


def read_bytes(path: Path, shown: str, limit: int) -> tuple[bytes, int]:
    """A regular file's size and bytes (at most ``limit`` + 1); every refusal is an author problem.

    Opened without blocking and checked on the open descriptor, so a FIFO, a
    device such as /dev/zero or a folder is refused instead of hanging or
    filling memory, and nothing can swap the file between check and read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise AuthorError([file_problem(shown, exc)]) from exc
    try:
        status = os.fstat(descriptor)
        mode = status.st_mode
        if not stat.S_ISREG(mode):
            what = "een map" if stat.S_ISDIR(mode) else "een apparaat, pipe of socket"
            raise AuthorError(
                [
                    Problem(
                        shown,
                        1,
                        1,
                        f"dit is geen gewoon bestand maar {what}",
                        "geef het pad van een .yaml-bestand",
                    )
                ]
            )
        chunks: list[bytes] = []
        total = 0
        while total <= limit and status.st_size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks), max(total, status.st_size)
    except OSError as exc:
        raise AuthorError([file_problem(shown, exc)]) from exc
    finally:
        os.close(descriptor)


_OS_ERRORS = {
    errno.ENOENT: "dit bestand of deze map bestaat niet",
    errno.EACCES: "je hebt geen rechten om dit te lezen",
    errno.EPERM: "je hebt geen rechten om dit te lezen",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van dit pad is geen map",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
    errno.ELOOP: "dit pad verwijst in een kring naar zichzelf (symbolische links)",
}


_WRITE_ERRORS = {
    errno.EACCES: "je hebt geen rechten om hier te schrijven",
    errno.EPERM: "je hebt geen rechten om hier te schrijven",
    errno.EROFS: "deze map staat op een schijf die alleen gelezen kan worden",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "dit bestand bestaat al; niets overschreven",
}


def file_problem(shown: str, exc: OSError, *, writing: bool = False) -> Problem:
    """An operating-system error as a located Dutch problem."""
    message = (_WRITE_ERRORS if writing else {}).get(exc.errno or 0) or _OS_ERRORS.get(
        exc.errno or 0
    )
    if message is None:
        verb = "schrijven" if writing else "lezen"
        message = f"kan dit niet {verb} ({exc.strerror or type(exc).__name__})"
    return Problem(shown, 1, 1, message, "")


def _read_text(path: Path, shown: str) -> str:
    data, size = read_bytes(path, shown, MAX_FILE_BYTES)
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


@dataclass
class _Budget:
    """How many nodes a document has produced so far, aliases expanded."""

    nodes: int = 0


def _too_deep(shown: str, line: int, column: int) -> Problem:
    return Problem(
        shown,
        line,
        column,
        f"het bestand is te diep genest (meer dan {MAX_DEPTH} niveaus)",
        "een definitie heeft hoogstens een handvol niveaus: onderdelen, items, opties",
    )


def _to_data(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    data_path: DataPath,
    source: SourceMap,
    problems: list[Problem],
    *,
    budget: _Budget,
) -> Any:
    position = _position(node, source.lines)
    source.values[data_path] = position
    # An alias is the same node again: "billion laughs" nests aliases so the
    # data grows exponentially. Counting expanded nodes stops it early; the
    # composer itself never expands, so it stays small and fast.
    budget.nodes += 1
    if budget.nodes > MAX_NODES:
        # The node itself stands where its anchor was written; the top-level
        # entry being expanded is where the author can look.
        where = source.values.get(data_path[:1], position)
        raise AuthorError(
            [
                Problem(
                    source.path,
                    where.line,
                    where.column,
                    "het bestand wordt te groot na het invullen van verwijzingen (*naam): "
                    f"meer dan {MAX_NODES} elementen",
                    "gebruik ankers (&naam) en verwijzingen (*naam) spaarzaam, nooit in elkaar",
                )
            ]
        )
    if len(data_path) > MAX_DEPTH:
        raise AuthorError([_too_deep(source.path, position.line, position.column)])
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
            key = _scalar(loader, key_node, source, problems)
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
            result[key] = _to_data(
                loader, value_node, (*data_path, key), source, problems, budget=budget
            )
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(loader, child, (*data_path, index), source, problems, budget=budget)
            for index, child in enumerate(node.value)
        ]
    return _scalar(loader, node, source, problems)


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _scalar(
    loader: yaml.SafeLoader, node: yaml.Node, source: SourceMap, problems: list[Problem]
) -> Any:
    """A scalar's value; a number out of the browser's exact range is reported, not kept."""
    if node.tag in _NUMBER_TAGS and isinstance(node.value, str):
        digits = node.value.lstrip("+-")
        if len(digits) > _MAX_NUMBER_TEXT:
            problems.append(_number_problem(source, node, f"{len(digits)} cijfers"))
            return 0
    value = loader.construct_object(node, deep=True)
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(
            _node_problem(
                source,
                node,
                f"'{node.value}' is geen eindig getal (oneindig of 'geen getal')",
                "geef een gewoon getal; laat de sleutel weg als er geen grens is",
            )
        )
        return 0
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and abs(value) > MAX_SAFE_INTEGER
    ):
        problems.append(_number_problem(source, node, str(node.value)))
        return 0
    return value


def _number_problem(source: SourceMap, node: yaml.Node, shown: str) -> Problem:
    return _node_problem(
        source,
        node,
        f"dit getal is te groot ({shown[:20]}{'…' if len(shown) > 20 else ''}); "
        f"hoogstens {MAX_SAFE_INTEGER} (2^53) in absolute waarde",
        "is het tekst? Zet het dan tussen aanhalingstekens",
    )
