"""The expression rules: what is allowed, what is rejected (with the exact message), bounds."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from draaiboek_scoring.errors import ExpressionError
from draaiboek_scoring.expressions import Role, Value, parse, round_half_up


class Env:
    """A minimal environment: names from a dict, aggregates recorded."""

    def __init__(self, **values: Value) -> None:
        self.values = values
        self.calls: list[tuple[str, list[str], list[Value]]] = []

    def value(self, name: str) -> Value:
        return self.values.get(name)

    def aggregate(self, function: str, refs: Sequence[str], extra: Sequence[Value]) -> Value:
        self.calls.append((function, list(refs), list(extra)))
        return 7


def evaluate(source: str, **values: Value) -> Value:
    return parse(source).evaluate(Env(**values))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("7 / 2", 3.5),
        ("7 // 2", 3),
        ("7 % 2", 1),
        ("-x", -2),
        ("x ** 2", 4),
        ("2 ** -1", 0.5),
        ("1 / 0", None),
        ("1 // 0", None),
        ("1 % 0", None),
        ("x + none", None),
        ("-none", None),
        ("none < 1", False),
        ("none == none", False),
        ("none != 1", False),
        ("not none", True),
        ("1 < x < 3", True),
        ("1 < x < 2", False),
        ("x in (1, 2)", True),
        ("x not in [1, 2]", False),
        ("'ja' in keuzes", True),
        ("'a' if x > 1 else 'b'", "a"),
        ("x > 1 and 'ok'", "ok"),
        ("x < 1 or 'anders'", "anders"),
        ("true and True", True),
        ("false or False", False),
        ("min(3, x, 5)", 2),
        ("max(3, x, 5)", 5),
        ("min(3, none)", None),
        ("abs(-4.5)", 4.5),
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(2.675, 2)", 2.68),
        ("round(1234, -2)", 1200),
        ("round(x, n=1)", 2.0),
        ("(-8) ** 0.5", None),
    ],
)
def test_evaluates(source: str, expected: Value) -> None:
    result = evaluate(source, x=2, keuzes=["ja", "nee"])
    assert result == expected
    assert type(result) is type(expected)


def test_aggregates_are_passed_to_the_environment() -> None:
    env = Env()
    assert parse("sum(a, b) + count(deel, 'nee') + col_sum(t, 'uren')").evaluate(env) == 21
    assert env.calls == [
        ("sum", ["a", "b"], []),
        ("count", ["deel"], ["nee"]),
        ("col_sum", ["t"], ["uren"]),
    ]


def test_references_carry_roles_and_positions() -> None:
    parsed = parse("sum(deel) + x * score(item) + rows(tabel) + col_sum(tabel, 'k')")
    roles = {(r.name, r.role, r.column) for r in parsed.references}
    assert roles == {
        ("deel", Role.REF, 5),
        ("x", Role.VALUE, 13),
        ("item", Role.ITEM, 23),
        ("tabel", Role.TABLE, 36),
        ("tabel", Role.TABLE, 53),
    }
    assert [(c.table, c.column) for c in parsed.columns] == [("tabel", "k")]


@pytest.mark.parametrize(
    ("source", "message", "column"),
    [
        ("x.y", "een attribuut (x.y) is niet toegestaan in een uitdrukking", 1),
        ("x[0]", "indexeren of knippen (x[...]) is niet toegestaan in een uitdrukking", 1),
        ("lambda: 1", "een lambda is niet toegestaan in een uitdrukking", 1),
        ("[a for a in b]", "een list comprehension is niet toegestaan in een uitdrukking", 1),
        ("{'a': 1}", "een woordenboek ({...}) is niet toegestaan in een uitdrukking", 1),
        ("f'{x}'", "een f-string is niet toegestaan in een uitdrukking", 1),
        ("(y := 1)", "een toekenning (:=) is niet toegestaan in een uitdrukking", 2),
        ("open('f')", "onbekende functie 'open'", 1),
        ("__import__('os')", "onbekende functie '__import__'", 1),
        ("x.__class__", "een attribuut (x.y) is niet toegestaan in een uitdrukking", 1),
        ("__builtins__", "de naam '__builtins__' is niet toegestaan", 1),
        ("x ** 100", "machtsverheffen (**) kan alleen met een vaste exponent van hoogstens 8", 1),
        ("x ** y", "machtsverheffen (**) kan alleen met een vaste exponent van hoogstens 8", 1),
        ("x is none", "'is' en 'is not' zijn niet toegestaan", 1),
        ("x & 1", "de bewerking & is niet toegestaan", 1),
        ("~x", "de bewerking ~ is niet toegestaan", 1),
        ("sum", "'sum' is een functie", 1),
        ("all + 1", "'all' kan alleen als argument van een functie zoals sum(all)", 1),
        ("rows(all)", "'all' kan alleen als argument van een functie zoals sum(all)", 6),
        ("sum(x + 1)", "een argument van sum() moet een id zijn, geen berekening", 5),
        ("sum()", "sum() krijgt te weinig argumenten", 1),
        ("count(x)", "count() krijgt te weinig argumenten", 1),
        ("abs(1, 2)", "abs() krijgt 2 argument(en)", 1),
        (
            "col_sum(t, k)",
            "het tweede argument van col_sum() is de naam van een kolom tussen aanhalingstekens",
            12,
        ),
        ("round(x, digits=2)", "round() kent geen argument 'digits'", 17),
        ("x in y", "", 0),
        ("[x]", "een lijst mag alleen vaste waarden bevatten", 2),
        ("'" + "a" * 1001 + "'", "tekst van 1001 tekens is te lang (hoogstens 1000)", 1),
        ("99999999999999999999", "dit getal is te groot", 1),
        ("", "de uitdrukking is leeg", 1),
        ("(1 +", "geen geldige uitdrukking: een haakje of aanhalingsteken wordt niet gesloten", 1),
        ("'é' + é.x", "een attribuut (x.y) is niet toegestaan in een uitdrukking", 7),
    ],
)
def test_rejects_with_exact_message(source: str, message: str, column: int) -> None:
    if not message:
        parse(source)  # allowed: `in` with a name on the right is checked at run time
        return
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.message == message
    assert caught.value.column == column


@pytest.mark.parametrize(
    "source",
    [
        "(" * 300 + "1" + ")" * 300,
        "-" * 2000 + "1",
        "1" + " + 1" * 500,
        "x" * 5000,
        "not " * 100 + "x",
    ],
)
def test_hostile_input_is_rejected_cleanly(source: str) -> None:
    with pytest.raises(ExpressionError):
        parse(source)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x + 'a'", "rekenen kan alleen met getallen, niet met een getal en de tekst 'a'"),
        ("'a' < 1", "de tekst 'a' en een getal kun je niet vergelijken"),
        ("1 in 5", "'in' verwacht een lijst of tekst rechts, niet een getal"),
        ("big ** 8", "de uitkomst is een te groot getal"),
        ("9007199254740992 * 2", "de uitkomst is een te groot getal"),
        ("1e308 * 10", "de uitkomst is een te groot getal"),
        ("round(x, 20)", "round() kan hoogstens 12 decimalen"),
        ("round('a')", "round(x, n) verwacht een getal en een geheel aantal decimalen"),
        ("min('a', 1)", "min() verwacht getallen, niet de tekst 'a'"),
        ("-'a'", "een min-teken kan alleen voor een getal"),
    ],
)
def test_runtime_errors_are_expression_errors(source: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        evaluate(source, x=2, big=2**40)
    assert caught.value.message == message


def test_round_half_up_matches_people() -> None:
    assert round_half_up(0.5) == 1
    assert round_half_up(1.005, 2) == 1.01
    assert round_half_up(None) is None


def test_round_edge_cases_found_by_the_fuzzer() -> None:
    assert round_half_up(True) == 1
    assert evaluate("round(not x)", x=None) == 1
    assert round_half_up(1e300, 12) == 1e300
    assert round_half_up(1e20) == 1e20
    assert isinstance(round_half_up(1e20), float)
