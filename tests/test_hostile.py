"""Hostile definitions: each one, written as an attacker would, gets a located Dutch message.

One fixture file per attack under ``tests/fixtures/hostile/``; the expected
message names the line and column where the attack stands.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draaiboek import yamlsource
from draaiboek.checker import BROWSER_NAMES
from draaiboek.cli import main
from draaiboek.errors import AuthorError
from draaiboek.loader import load_catalog
from draaiboek.yamlsource import load_document
from draaiboek_scoring import score

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

# file → (line, column, start of the message)
EXPECTED: dict[str, tuple[int, int, str]] = {
    "clobber-dataset.yaml": (6, 14, "het item 'dataset' heeft de naam van iets dat de browser"),
    "clobber-contains.yaml": (6, 14, "het item 'contains' heeft de naam van iets dat de browser"),
    "clobber-column.yaml": (10, 18, "de kolom 'constructor' heeft de naam van iets dat de browser"),
    "aliassen.yaml": (6, 4, "het bestand wordt te groot na het invullen van verwijzingen"),
    # libyaml itself stops at 1,000 levels: past our limit, where it stopped.
    "diep-genest.yaml": (2, 1007, "het bestand is te diep genest (meer dan 64 niveaus)"),
    "diep-genest-blok.yaml": (36, 67, "het bestand is te diep genest (meer dan 64 niveaus)"),
    "lang-getal.yaml": (6, 53, "dit getal is te groot (5000 cijfers)"),
    "hex-getal.yaml": (6, 53, "dit getal is te groot (3002 cijfers)"),
    "oneindig.yaml": (6, 53, "'1e400' is geen eindig getal"),
    "inf-grens.yaml": (6, 53, "'.inf' is geen eindig getal"),
    "nan-grens.yaml": (6, 53, "'.nan' is geen eindig getal"),
    "overloop-product.yaml": (
        8,
        25,
        "dit deel kan nooit berekend worden: de uitkomst is een te groot getal",
    ),
    "overloop-tekst.yaml": (
        8,
        38,
        "dit deel kan nooit berekend worden: rekenen kan alleen met getallen",
    ),
    "tekst-met-getal.yaml": (
        7,
        56,
        "dit deel kan nooit berekend worden: de tekst 'a' en een getal kun je niet vergelijken",
    ),
    "getal-met-tekst.yaml": (7, 56, "tekst en een getal kun je niet vergelijken met <"),
    "lange-id.yaml": (1, 5, "de id is te lang (300 tekens, hoogstens 64)"),
}


def test_every_hostile_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in HOSTILE.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_definition_gets_one_located_message(name: str) -> None:
    line, column, message = EXPECTED[name]
    with pytest.raises(AuthorError) as caught:
        load_catalog([HOSTILE / name])
    problems = caught.value.problems
    assert len(problems) == 1, caught.value.report()
    problem = problems[0]
    assert (problem.path.rsplit("/", 1)[-1], problem.line, problem.column) == (name, line, column)
    assert problem.message.startswith(message), problem.message


def test_issue_names_are_all_refused() -> None:
    # From issue 18 and FORMAT.md: each broke a page in Chromium.
    named = {"dataset", "contains", "matches", "reset", "submit", "elements", "length"}
    named |= {"action", "method", "name", "target", "title", "id", "style", "hidden"}
    named |= {"children", "remove", "focus", "click", "onclick", "oninput", "constructor"}
    assert named <= BROWSER_NAMES
    # Ordinary ids stay allowed.
    assert not {"totaal", "vraag", "email", "aantal_matches", "cv"} & BROWSER_NAMES


def test_fifo_and_device_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(AuthorError) as caught:
            load_catalog([path])
        assert caught.value.problems[0].message == (
            "dit is geen gewoon bestand maar een apparaat, pipe of socket"
        )


def test_fifo_inside_a_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    with pytest.raises(AuthorError) as caught:
        load_catalog([tmp_path])
    assert caught.value.problems[0].path.endswith("pijp.yaml")


def test_unreadable_folder_is_a_problem_not_zero_instruments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, where chmod 000 changes nothing: make the
    # operating system refuse the listing instead.
    locked = tmp_path / "checklists"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(AuthorError) as caught:
        load_catalog([locked])
    assert caught.value.problems[0].message == "je hebt geen rechten om dit te lezen"


def test_new_into_read_only_folder_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert main(["new", "nieuw", "--dir", "alleen-lezen"]) == 1
    error = capsys.readouterr().err
    assert "alleen-lezen/nieuw.yaml:1:1: je hebt geen rechten om hier te schrijven" in error
    assert "Traceback" not in error


def test_answers_with_nan_or_huge_numbers_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition = HOSTILE.parent / "valid" / "volledig.yaml"
    for text, reason in (
        ('{"answers": {"a": NaN}}', "'NaN' is geen getal"),
        ('{"answers": {"a": Infinity}}', "'Infinity' is geen getal"),
        ('{"answers": {"a": ' + "9" * 5000 + "}}", "te groot"),
    ):
        answers = tmp_path / "antwoorden.json"
        answers.write_text(text, encoding="utf-8")
        assert main(["score", str(definition), str(answers)]) == 1
        assert reason in capsys.readouterr().err


def test_answers_fifo_does_not_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "antwoorden.json"
    os.mkfifo(fifo)
    definition = HOSTILE.parent / "valid" / "volledig.yaml"
    assert main(["score", str(definition), str(fifo)]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err


def test_compiled_definitions_are_standard_json() -> None:
    catalog = load_catalog([HOSTILE.parent / "valid"])
    for definition in catalog.instruments.values():
        # allow_nan=False raises on Infinity/NaN, which browsers' JSON.parse refuses.
        json.dumps(definition.compiled, allow_nan=False)


# -- property tests ---------------------------------------------------------

_SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from([".inf", "-.inf", ".nan", "1e400", "0x" + "f" * 30, "~", "true", "ja"]),
    st.text(alphabet="abc:-'\"[]{}&*!|>#%@`, \n\t", max_size=12),
)


@st.composite
def hostile_yaml(draw: st.DrawFn) -> str:
    """Fragments of YAML glued together: anchors, aliases, nesting, odd numbers, syntax."""
    parts: list[str] = []
    anchors: list[str] = []
    for index in range(draw(st.integers(min_value=1, max_value=12))):
        kind = draw(st.sampled_from(["scalar", "anchor", "alias", "nest", "key", "raw"]))
        if kind == "anchor":
            name = f"a{index}"
            anchors.append(name)
            parts.append(
                f"k{index}: &{name} [{', '.join(['*' + a for a in anchors[:-1]] or ['x'])}]"
            )
        elif kind == "alias" and anchors:
            parts.append(
                f"k{index}: [{', '.join('*' + draw(st.sampled_from(anchors)) for _ in range(9))}]"
            )
        elif kind == "nest":
            depth = draw(st.integers(min_value=1, max_value=200))
            parts.append(f"k{index}: " + "[" * depth + "]" * depth)
        elif kind == "key":
            parts.append(f"{draw(_SCALARS)}: {draw(_SCALARS)}")
        else:
            parts.append(f"k{index}: {draw(_SCALARS)}")
    return "\n".join(parts) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_yaml())
def test_loader_raises_only_its_own_error(text: str) -> None:
    try:
        document = load_document(Path("vijandig.yaml"), text)
    except AuthorError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)
        return
    # What loads is plain, finite, JSON-safe data.
    json.dumps(document.data, allow_nan=False, default=str)


_ITEM_IDS = st.sampled_from(["vraag", "reset", "length", "getal", "tekst"])
_EXPRESSIONS = st.sampled_from(
    [
        "getal + 1",
        "getal > 'a'",
        "'a' < 1",
        "9007199254740992 * 9007199254740992",
        "2 ** 53 + 1 > getal",
        "abs(-3) + getal",
        "max(1, 'a')",
        "round(getal, 2)",
        "tekst == 'ja'",
        "1 / 0",
    ]
)


@settings(max_examples=60, deadline=None)
@given(_ITEM_IDS, _EXPRESSIONS)
def test_check_accepts_only_what_scoring_accepts(item_id: str, expression: str) -> None:
    """What ``check`` accepts scores an empty and a full answer set without an error."""
    data = {
        "version": 1,
        "title": "Eigenschap",
        "sections": [
            {
                "id": "deel",
                "items": [
                    {"id": "getal", "text": "Getal", "type": "number", "min": 0, "max": 10},
                    {"id": "tekst", "text": "Tekst", "type": "text"},
                    *(
                        []
                        if item_id in ("getal", "tekst")
                        else [{"id": item_id, "text": "V", "type": "number"}]
                    ),
                ],
            }
        ],
        "scores": [{"id": "uitkomst", "expr": expression}],
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "eigenschap.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            catalog = load_catalog([path])
        except AuthorError:
            return
    compiled = catalog.instruments["eigenschap"].compiled
    for answers in ({}, {item_id: 1, "getal": 3, "tekst": "ja"}):
        score(compiled, answers)


def test_deep_nesting_without_libyaml_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where libyaml is missing, PyYAML's recursive composer must not leak a RecursionError."""
    monkeypatch.setattr(yamlsource, "_FastLoader", yamlsource._Loader)
    with pytest.raises(AuthorError) as caught:
        load_document(Path("diep.yaml"), "a: " + "[" * 5000 + "]" * 5000)
    assert caught.value.problems[0].message.startswith("het bestand is te diep genest")
