"""The expression language of instrument definitions: its rules and its interpreter.

An expression is Python syntax, parsed by :func:`ast.parse`, of which only a
small, safe part is allowed (see FORMAT.md, "Expressions"). This module is the
single place where that part is defined: the build package's checker calls
:func:`parse` to reject everything else with a position, and the scorer calls
the same :func:`parse` and then :meth:`Expression.evaluate`.

Nothing here knows about items or scales. Names and the aggregate functions
(``sum``, ``count``, ...) are answered by an :class:`Environment` that the
scorer provides; the numeric helpers (``min``, ``max``, ``abs``, ``round``) and
every operator are implemented here, with missing values (``None``, spelled
``none`` by authors) propagating as FORMAT.md says.
"""

from __future__ import annotations

import ast
import keyword
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from draaiboek_scoring.errors import ExpressionError

# Limits that keep every expression cheap to check and to evaluate: a definition
# is written by people, so anything beyond these is a mistake or an attack.
MAX_SOURCE_LENGTH = 4_000
MAX_NODES = 400
MAX_DEPTH = 32
MAX_STRING_LENGTH = 1_000
MAX_POWER_EXPONENT = 8
MAX_ROUND_DIGITS = 12
# Integers beyond 2**53 lose precision in the browser's JSON, so they are an error.
MAX_SAFE_INTEGER = 2**53

type Value = bool | int | float | str | list[object] | tuple[object, ...] | dict[str, object] | None


class ArgKind(Enum):
    """What a function argument must be."""

    REF = "ref"  # an item, section or table id, or `all`
    TABLE = "table"  # a table item id
    ITEM = "item"  # an item id
    COLUMN = "column"  # a column id, written as a string literal
    VALUE = "value"  # any expression


@dataclass(frozen=True)
class Signature:
    """The shape of a function call: leading fixed kinds, then an optional repeated kind."""

    fixed: tuple[ArgKind, ...]
    repeated: ArgKind | None = None
    minimum: int = 1
    trailing_value: bool = False  # count(ref, ..., value): the last argument is a value
    optional_value: bool = False  # round(x, n=0)
    aggregate: bool = True  # answered by the environment rather than here


FUNCTIONS: dict[str, Signature] = {
    "sum": Signature((), ArgKind.REF),
    "mean": Signature((), ArgKind.REF),
    "median": Signature((), ArgKind.REF),
    "answered": Signature((), ArgKind.REF),
    "total": Signature((), ArgKind.REF),
    "min_score": Signature((), ArgKind.REF),
    "max_score": Signature((), ArgKind.REF),
    "count": Signature((), ArgKind.REF, minimum=2, trailing_value=True),
    "score": Signature((ArgKind.ITEM,)),
    "rows": Signature((ArgKind.TABLE,)),
    "col_sum": Signature((ArgKind.TABLE, ArgKind.COLUMN)),
    "col_mean": Signature((ArgKind.TABLE, ArgKind.COLUMN)),
    "min": Signature((), ArgKind.VALUE, aggregate=False),
    "max": Signature((), ArgKind.VALUE, aggregate=False),
    "abs": Signature((ArgKind.VALUE,), aggregate=False),
    "round": Signature((ArgKind.VALUE,), optional_value=True, aggregate=False),
}

USAGE: dict[str, str] = {
    "sum": "sum(id, ...)",
    "mean": "mean(id, ...)",
    "median": "median(id, ...)",
    "answered": "answered(id, ...)",
    "total": "total(id, ...)",
    "min_score": "min_score(id, ...)",
    "max_score": "max_score(id, ...)",
    "count": "count(id, ..., waarde)",
    "score": "score(item)",
    "rows": "rows(tabel)",
    "col_sum": "col_sum(tabel, 'kolom')",
    "col_mean": "col_mean(tabel, 'kolom')",
    "min": "min(x, ...)",
    "max": "max(x, ...)",
    "abs": "abs(x)",
    "round": "round(x, n=0)",
}

LITERAL_NAMES: dict[str, Value] = {"true": True, "false": False, "none": None}
ALL = "all"
RESERVED_NAMES: frozenset[str] = frozenset(
    {ALL, *LITERAL_NAMES, *FUNCTIONS, *keyword.kwlist, *keyword.softkwlist}
)

# Dutch names of the syntax that is not allowed, so an author recognises what they wrote.
_FORBIDDEN_SYNTAX: dict[type[ast.AST], str] = {
    ast.Attribute: "een attribuut (x.y)",
    ast.Subscript: "indexeren of knippen (x[...])",
    ast.Lambda: "een lambda",
    ast.ListComp: "een list comprehension",
    ast.SetComp: "een set comprehension",
    ast.DictComp: "een dict comprehension",
    ast.GeneratorExp: "een generator",
    ast.Dict: "een woordenboek ({...})",
    ast.Set: "een verzameling ({...})",
    ast.Starred: "uitpakken met *",
    ast.NamedExpr: "een toekenning (:=)",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield from",
    ast.JoinedStr: "een f-string",
    ast.Slice: "knippen (x[a:b])",
}

_BINARY: dict[type[ast.operator], Callable[[object, object], object]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}

# Typed loosely on purpose: mismatched operands raise TypeError, reported in Dutch.
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], object]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: operator.contains(b, a),
    ast.NotIn: lambda a, b: not operator.contains(b, a),
}


class Role(Enum):
    """How an expression uses a name; the checker resolves each against the instrument."""

    VALUE = "value"  # the answer of an item, the value of a score or flag
    REF = "ref"  # an argument of sum(), mean(), count(), ...
    TABLE = "table"
    ITEM = "item"


@dataclass(frozen=True)
class Reference:
    """A name used in an expression, with where it stands (1-based, in characters)."""

    name: str
    role: Role
    function: str | None
    line: int
    column: int


@dataclass(frozen=True)
class ColumnReference:
    """``col_sum(table, 'column')``: the column must exist in that table."""

    table: str
    column: str
    line: int
    column_number: int


class Environment(Protocol):
    """What an expression needs from its surroundings (the scorer provides it)."""

    def value(self, name: str) -> Value:
        """The value of an item, score or flag id."""

    def aggregate(self, function: str, refs: Sequence[str], extra: Sequence[Value]) -> Value:
        """Evaluate ``sum``, ``count``, ``rows``, ... over the given ids."""


@dataclass(frozen=True)
class Expression:
    """A parsed, checked expression, ready to evaluate many times."""

    source: str
    tree: ast.expr
    references: tuple[Reference, ...]
    columns: tuple[ColumnReference, ...]

    def position(self, node: ast.AST) -> tuple[int, int]:
        """1-based line and character column of ``node`` in :attr:`source`."""
        return _Checker(self.source.strip()).position(node)

    def names(self, *roles: Role) -> set[str]:
        """The names used in the given roles (all roles when none are given)."""
        return {r.name for r in self.references if not roles or r.role in roles}

    def evaluate(self, env: Environment) -> Value:
        """Evaluate against ``env``. Raises only :class:`ExpressionError`."""
        try:
            return _Interpreter(env, self.source).eval(self.tree)
        except ExpressionError:
            raise
        except RecursionError as exc:  # pragma: no cover - MAX_DEPTH keeps us far from it
            raise ExpressionError("de uitdrukking is te diep genest", source=self.source) from exc


def parse(source: str) -> Expression:
    """Parse and check ``source``; raise :class:`ExpressionError` at the first problem.

    The checks are purely syntactic: whether a name exists is for the caller,
    who knows the instrument.
    """
    if not isinstance(source, str):
        raise ExpressionError("een uitdrukking moet tekst zijn", source=str(source))
    if not source.strip():
        raise ExpressionError(
            "de uitdrukking is leeg", hint="schrijf bv. sum(all) of vraag == 'ja'", source=source
        )
    if len(source) > MAX_SOURCE_LENGTH:
        raise ExpressionError(
            f"de uitdrukking is te lang ({len(source)} tekens, hoogstens {MAX_SOURCE_LENGTH})",
            hint="splits ze op in meerdere scores",
            source=source,
        )
    text = source.strip()
    try:
        # Parenthesised so an expression may span lines (a YAML block scalar)
        # without backslashes; positions are shifted back by _Checker.position.
        module = ast.parse(f"({text}\n)", mode="eval")
    except SyntaxError as exc:
        line = min(exc.lineno or 1, len(text.splitlines()) or 1)
        raise ExpressionError(
            f"geen geldige uitdrukking: {_dutch_syntax_error(exc)}",
            line=line,
            column=max(1, (exc.offset or 1) - (1 if line == 1 else 0)),
            hint="controleer haakjes en aanhalingstekens; tekst staat tussen '...'",
            source=source,
        ) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ExpressionError(
            "de uitdrukking is te diep genest of bevat ongeldige tekens", source=source
        ) from exc
    checker = _Checker(text)
    checker.check(module.body, depth=0)
    return Expression(
        source=source,
        tree=module.body,
        references=tuple(checker.references),
        columns=tuple(checker.columns),
    )


def _dutch_syntax_error(exc: SyntaxError) -> str:
    message = (exc.msg or "").lower()
    if "never closed" in message or "unexpected eof" in message or "was not closed" in message:
        return "een haakje of aanhalingsteken wordt niet gesloten"
    if "unterminated string" in message:
        return "een tekst tussen aanhalingstekens wordt niet afgesloten"
    if "unmatched" in message:
        return "er staat een haakje te veel"
    if "invalid decimal literal" in message or "invalid syntax" in message:
        return "ongeldige syntaxis (een decimaal getal schrijf je met een punt: 2.5)"
    if "too many nested" in message:
        return "te veel geneste haakjes"
    return exc.msg or "ongeldige syntaxis"


class _Checker:
    """Walks the tree once, allowing only the syntax of FORMAT.md."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.splitlines() or [""]
        self.nodes = 0
        self.references: list[Reference] = []
        self.columns: list[ColumnReference] = []

    def position(self, node: ast.AST) -> tuple[int, int]:
        """1-based line and character column (ast gives UTF-8 byte offsets)."""
        line = getattr(node, "lineno", 1)
        offset = getattr(node, "col_offset", 0)
        if line == 1:
            offset -= 1  # the opening parenthesis added by parse()
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        column = len(text.encode("utf-8")[: max(offset, 0)].decode("utf-8", errors="ignore")) + 1
        return line, column

    def fail(self, node: ast.AST, message: str, hint: str = "") -> ExpressionError:
        line, column = self.position(node)
        return ExpressionError(message, line=line, column=column, hint=hint, source=self.source)

    def check(self, node: ast.expr, depth: int) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(node, f"de uitdrukking is te groot (meer dan {MAX_NODES} delen)")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"de uitdrukking is te diep genest (meer dan {MAX_DEPTH})")
        match node:
            case ast.Constant():
                self.check_constant(node)
            case ast.Name():
                self.check_name(node)
            case ast.Tuple() | ast.List():
                for element in node.elts:
                    if not _is_literal(element):
                        raise self.fail(
                            element,
                            "een lijst mag alleen vaste waarden bevatten",
                            hint="bv. vraag in ('ja', 'soms')",
                        )
                    self.check(element, depth + 1)
            case ast.BinOp():
                if type(node.op) not in _BINARY:
                    raise self.fail(node, f"de bewerking {_op_symbol(node.op)} is niet toegestaan")
                if isinstance(node.op, ast.Pow):
                    self.check_power(node)
                self.check(node.left, depth + 1)
                self.check(node.right, depth + 1)
            case ast.UnaryOp():
                if isinstance(node.op, ast.Invert):
                    raise self.fail(node, "de bewerking ~ is niet toegestaan")
                self.check(node.operand, depth + 1)
            case ast.BoolOp():
                for value in node.values:
                    self.check(value, depth + 1)
            case ast.Compare():
                for op in node.ops:
                    if isinstance(op, ast.Is | ast.IsNot):
                        raise self.fail(
                            node,
                            "'is' en 'is not' zijn niet toegestaan",
                            hint="gebruik == of !=; of het beantwoord is, test je met "
                            "answered(id) == 0",
                        )
                self.check(node.left, depth + 1)
                for comparator in node.comparators:
                    self.check(comparator, depth + 1)
            case ast.IfExp():
                self.check(node.test, depth + 1)
                self.check(node.body, depth + 1)
                self.check(node.orelse, depth + 1)
            case ast.Call():
                self.check_call(node, depth)
            case _:
                what = _FORBIDDEN_SYNTAX.get(type(node), type(node).__name__)
                raise self.fail(node, f"{what} is niet toegestaan in een uitdrukking")

    def check_constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, str):
            if len(value) > MAX_STRING_LENGTH:
                raise self.fail(
                    node,
                    f"tekst van {len(value)} tekens is te lang (hoogstens {MAX_STRING_LENGTH})",
                )
            return
        if isinstance(value, int):
            if abs(value) > MAX_SAFE_INTEGER:
                raise self.fail(node, "dit getal is te groot")
            return
        if isinstance(value, float):
            if not math.isfinite(value):
                raise self.fail(node, "dit getal is te groot")
            return
        raise self.fail(node, f"de waarde {value!r} is niet toegestaan")

    def check_name(
        self, node: ast.Name, role: Role = Role.VALUE, function: str | None = None
    ) -> None:
        name = node.id
        if name.startswith("__") or name.endswith("__"):
            raise self.fail(node, f"de naam '{name}' is niet toegestaan")
        if name in LITERAL_NAMES:
            if role is not Role.VALUE:
                raise self.fail(node, f"'{name}' is geen id", hint=_usage_hint(function))
            return
        if role is Role.VALUE and name in FUNCTIONS:
            raise self.fail(node, f"'{name}' is een functie", hint=f"roep ze op: {USAGE[name]}")
        if name == ALL:
            if role is not Role.REF:
                raise self.fail(
                    node,
                    "'all' kan alleen als argument van een functie zoals sum(all)",
                    hint=_usage_hint(function),
                )
            return
        line, column = self.position(node)
        self.references.append(Reference(name, role, function, line, column))

    def check_power(self, node: ast.BinOp) -> None:
        exponent = node.right
        if isinstance(exponent, ast.UnaryOp) and isinstance(exponent.op, ast.USub | ast.UAdd):
            exponent = exponent.operand
        if not (
            isinstance(exponent, ast.Constant)
            and isinstance(exponent.value, int | float)
            and not isinstance(exponent.value, bool)
            and abs(exponent.value) <= MAX_POWER_EXPONENT
        ):
            raise self.fail(
                node,
                f"machtsverheffen (**) kan alleen met een vaste exponent van hoogstens "
                f"{MAX_POWER_EXPONENT}",
                hint="schrijf bv. x ** 2",
            )

    def check_call(self, node: ast.Call, depth: int) -> None:
        if not isinstance(node.func, ast.Name):
            what = _FORBIDDEN_SYNTAX.get(type(node.func))
            if what is not None:
                raise self.fail(node.func, f"{what} is niet toegestaan in een uitdrukking")
            raise self.fail(node, "alleen de functies uit de handleiding kun je oproepen")
        name = node.func.id
        signature = FUNCTIONS.get(name)
        if signature is None:
            raise self.fail(
                node.func,
                f"onbekende functie '{name}'",
                hint="beschikbaar: " + ", ".join(sorted(FUNCTIONS)),
            )
        args = list(node.args)
        for keyword_arg in node.keywords:
            if name == "round" and keyword_arg.arg == "n" and len(args) == 1:
                args.append(keyword_arg.value)
            else:
                raise self.fail(
                    keyword_arg.value if keyword_arg.arg else node,
                    f"{name}() kent geen argument '{keyword_arg.arg}'",
                    hint=USAGE[name],
                )
        for arg in args:
            if isinstance(arg, ast.Starred):
                raise self.fail(arg, "uitpakken met * is niet toegestaan")
        kinds = self.argument_kinds(node, name, signature, len(args))
        for arg, kind in zip(args, kinds, strict=True):
            self.check_argument(arg, kind, name, args, depth)

    def argument_kinds(
        self, node: ast.Call, name: str, signature: Signature, count: int
    ) -> list[ArgKind]:
        fixed = list(signature.fixed)
        too_few = count < max(signature.minimum, len(fixed))
        if signature.repeated is None:
            extra_allowed = 1 if signature.optional_value else 0
            if too_few or count > len(fixed) + extra_allowed:
                raise self.fail(node, f"{name}() krijgt {count} argument(en)", hint=USAGE[name])
            return fixed + [ArgKind.VALUE] * (count - len(fixed))
        if too_few:
            raise self.fail(node, f"{name}() krijgt te weinig argumenten", hint=USAGE[name])
        kinds = fixed + [signature.repeated] * (count - len(fixed))
        if signature.trailing_value:
            kinds[-1] = ArgKind.VALUE
        return kinds

    def check_argument(
        self, arg: ast.expr, kind: ArgKind, function: str, args: list[ast.expr], depth: int
    ) -> None:
        if kind is ArgKind.VALUE:
            self.check(arg, depth + 1)
            return
        if kind is ArgKind.COLUMN:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                raise self.fail(
                    arg,
                    f"het tweede argument van {function}() is de naam van een kolom tussen "
                    "aanhalingstekens",
                    hint=USAGE[function],
                )
            table = args[0]
            if isinstance(table, ast.Name):
                line, column = self.position(arg)
                self.columns.append(ColumnReference(table.id, arg.value, line, column))
            return
        if not isinstance(arg, ast.Name):
            raise self.fail(
                arg,
                f"een argument van {function}() moet een id zijn, geen berekening",
                hint=USAGE[function],
            )
        role = {ArgKind.REF: Role.REF, ArgKind.TABLE: Role.TABLE, ArgKind.ITEM: Role.ITEM}[kind]
        self.nodes += 1
        self.check_name(arg, role, function)


def _usage_hint(function: str | None) -> str:
    return USAGE[function] if function else ""


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id in LITERAL_NAMES
    return (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub | ast.UAdd)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, int | float)
    )


def _op_symbol(op: ast.operator) -> str:
    return {
        ast.BitAnd: "&",
        ast.BitOr: "|",
        ast.BitXor: "^",
        ast.LShift: "<<",
        ast.RShift: ">>",
        ast.MatMult: "@",
    }.get(type(op), type(op).__name__)


def is_number(value: object) -> bool:
    """True for ints and floats (booleans count, as in Python: ``true + 1 == 2``)."""
    return isinstance(value, int | float)


def checked_number(value: object, source: str = "") -> Value:
    """Keep numbers within what JSON and the browser represent exactly."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise ExpressionError("de uitkomst is een te groot getal", source=source)
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExpressionError("de uitkomst is een te groot getal", source=source)
        return value
    if isinstance(value, complex):
        return None  # e.g. (-8) ** 0.5: no real answer, like a division by zero
    raise ExpressionError("de uitkomst is geen getal", source=source)


def round_half_up(value: Value, digits: Value = 0) -> Value:
    """Round as people do (2.5 → 3, 2.675 → 2.68), unlike Python's banker's rounding."""
    if value is None or digits is None:
        return None
    if not is_number(value) or not isinstance(digits, int) or isinstance(digits, bool):
        raise ExpressionError("round(x, n) verwacht een getal en een geheel aantal decimalen")
    if abs(digits) > MAX_ROUND_DIGITS:
        raise ExpressionError(f"round() kan hoogstens {MAX_ROUND_DIGITS} decimalen")
    assert isinstance(value, int | float)
    # decimal is a large module, needed only here: not loaded before the first result.
    from decimal import ROUND_HALF_UP, Decimal, localcontext  # noqa: PLC0415 (see above)

    with localcontext() as context:
        # Enough digits for any finite float at MAX_ROUND_DIGITS decimals.
        context.prec = 400
        quantum = Decimal(1).scaleb(-digits)
        rounded = Decimal(repr(int(value) if isinstance(value, bool) else value)).quantize(
            quantum, rounding=ROUND_HALF_UP
        )
    if digits <= 0 and abs(rounded) <= MAX_SAFE_INTEGER:
        return int(rounded)
    return float(rounded)


class _Interpreter:
    """Evaluates a tree that :class:`_Checker` accepted."""

    def __init__(self, env: Environment, source: str) -> None:
        self.env = env
        self.source = source

    def error(self, message: str) -> ExpressionError:
        return ExpressionError(message, source=self.source)

    def eval(self, node: ast.expr) -> Value:
        match node:
            case ast.Constant():
                return node.value  # type: ignore[return-value]
            case ast.Name():
                if node.id in LITERAL_NAMES:
                    return LITERAL_NAMES[node.id]
                return self.env.value(node.id)
            case ast.Tuple() | ast.List():
                return tuple(self.eval(element) for element in node.elts)
            case ast.BinOp():
                return self.binary(node)
            case ast.UnaryOp():
                operand = self.eval(node.operand)
                if isinstance(node.op, ast.Not):
                    return not operand
                if operand is None:
                    return None
                if not is_number(operand):
                    raise self.error("een min-teken kan alleen voor een getal")
                assert isinstance(operand, int | float)
                return -operand if isinstance(node.op, ast.USub) else +operand
            case ast.BoolOp():
                return self.boolean(node)
            case ast.Compare():
                return self.compare(node)
            case ast.IfExp():
                return self.eval(node.body) if self.eval(node.test) else self.eval(node.orelse)
            case ast.Call():
                return self.call(node)
        raise self.error(f"{type(node).__name__} is niet toegestaan")  # pragma: no cover

    def binary(self, node: ast.BinOp) -> Value:
        left = self.eval(node.left)
        right = self.eval(node.right)
        if left is None or right is None:
            return None
        if not (is_number(left) and is_number(right)):
            raise self.error(
                f"rekenen kan alleen met getallen, niet met {_describe(left)} en {_describe(right)}"
            )
        try:
            result = _BINARY[type(node.op)](left, right)
        except ZeroDivisionError:
            return None
        except OverflowError as exc:
            raise self.error("de uitkomst is een te groot getal") from exc
        return checked_number(result, self.source)

    def boolean(self, node: ast.BoolOp) -> Value:
        result: Value = None
        for value_node in node.values:
            result = self.eval(value_node)
            if isinstance(node.op, ast.And) and not result:
                return result
            if isinstance(node.op, ast.Or) and result:
                return result
        return result

    def compare(self, node: ast.Compare) -> bool:
        left = self.eval(node.left)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self.eval(comparator)
            # A missing value makes every comparison false (FORMAT.md).
            if left is None or right is None:
                return False
            if isinstance(op, ast.In | ast.NotIn) and not isinstance(right, str | list | tuple):
                raise self.error(
                    f"'in' verwacht een lijst of tekst rechts, niet {_describe(right)}"
                )
            try:
                outcome = _COMPARE[type(op)](left, right)
            except TypeError as exc:
                raise self.error(
                    f"{_describe(left)} en {_describe(right)} kun je niet vergelijken"
                ) from exc
            if not outcome:
                return False
            left = right
        return True

    def call(self, node: ast.Call) -> Value:
        assert isinstance(node.func, ast.Name)
        name = node.func.id
        signature = FUNCTIONS[name]
        arg_nodes = list(node.args) + [k.value for k in node.keywords]
        if signature.aggregate:
            refs: list[str] = []
            extra: list[Value] = []
            for index, arg in enumerate(arg_nodes):
                is_trailing_value = signature.trailing_value and index == len(arg_nodes) - 1
                if isinstance(arg, ast.Name) and not is_trailing_value:
                    refs.append(arg.id)
                else:
                    extra.append(self.eval(arg))
            return self.env.aggregate(name, refs, extra)
        values = [self.eval(arg) for arg in arg_nodes]
        if name == "round":
            return round_half_up(*values)
        if any(v is None for v in values):
            return None
        for value in values:
            if not is_number(value):
                raise self.error(f"{name}() verwacht getallen, niet {_describe(value)}")
        numbers: list[int | float] = values  # type: ignore[assignment]
        if name == "min":
            return min(numbers)
        if name == "max":
            return max(numbers)
        return abs(numbers[0])


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "waar/onwaar"
    if isinstance(value, int | float):
        return "een getal"
    if isinstance(value, str):
        return f"de tekst '{value[:40]}'"
    if isinstance(value, list | tuple):
        return "een lijst"
    return "deze waarde"
