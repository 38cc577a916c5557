"""The glossary file: abbreviations, their meaning, and every mistake located."""

from __future__ import annotations

from pathlib import Path

import pytest

from draaiboek.errors import AuthorError
from draaiboek.glossary import MAX_EXPLANATION, glossary_table, load_glossary


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "woordenlijst.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(AuthorError) as raised:
        load_glossary(path)
    return [f"{p.line}: {p.message}" for p in raised.value.problems]


def test_terms_keep_their_order_and_lose_extra_spaces(tmp_path: Path) -> None:
    path = write(tmp_path, "VDAB: Vlaamse   Dienst\nart. 60: 'Artikel 60: via het OCMW.'\n")
    assert load_glossary(path) == {"VDAB": "Vlaamse Dienst", "art. 60": "Artikel 60: via het OCMW."}


def test_an_empty_file_is_an_empty_glossary(tmp_path: Path) -> None:
    assert load_glossary(write(tmp_path, "# nog niets\n")) == {}


def test_a_list_instead_of_a_mapping_is_explained(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "- VDAB\n- NEC\n")) == [
        "1: de woordenlijst moet een lijst van 'afkorting: uitleg' zijn"
    ]


def test_every_term_without_an_explanation_is_reported_on_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "VDAB: Vlaamse Dienst\nNEC:\nSEC: 12\n")
    assert problems(path) == ["2: 'NEC' heeft geen uitleg", "3: 'SEC' heeft geen uitleg"]


def test_a_tooltip_is_one_sentence_not_a_page(tmp_path: Path) -> None:
    path = write(tmp_path, f"VDAB: {'x' * (MAX_EXPLANATION + 1)}\n")
    assert problems(path) == [f"1: de uitleg bij 'VDAB' is langer dan {MAX_EXPLANATION} tekens"]


def test_bad_yaml_is_located(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "VDAB: [open\n"))[0].startswith("2: YAML-fout")


def test_the_table_is_sorted_without_regard_to_case_and_escapes_pipes() -> None:
    table = glossary_table({"VDAB": "Dienst", "art. 60": "a | b"})
    assert table.splitlines() == [
        "| Afkorting | Betekenis |",
        "|---|---|",
        "| art. 60 | a \\| b |",
        "| VDAB | Dienst |",
    ]
    assert glossary_table({}) == "*De woordenlijst is leeg.*"
