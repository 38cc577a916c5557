"""Author mistakes: each gives its exact message at its exact place (file:line:col)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from draaiboek.errors import AuthorError
from draaiboek.loader import load_catalog
from draaiboek.yamlsource import load_document

HEADER = "version: 1\ntitle: Test\n"
SECTION = """\
sections:
  - id: deel
    items:
      - {id: vraag, text: Vraag, options: [{value: ja, score: 1}, {value: nee, score: 0}]}
"""


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        load_catalog([tmp_path])
    return [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def only(tmp_path: Path, text: str, name: str = "test.yaml") -> str:
    found = problems(tmp_path, {name: text})
    assert len(found) == 1, found
    return found[0]


def test_valid_definition_loads(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(HEADER + SECTION, encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert list(catalog.instruments) == ["ok"]
    compiled = catalog.instruments["ok"].compiled
    assert compiled["scores"] == [
        {"id": "totaal", "label": "Totaal", "expr": "sum(all)", "bands": []}
    ]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    assert only(tmp_path, "version: 1\ntitle: a: b\n") == (
        "test.yaml:2:9: YAML-fout: een dubbele punt ':' op een plaats waar YAML geen nieuwe "
        "sleutel verwacht\n    tip: zet tekst met een ': ' erin tussen aanhalingstekens"
    )


def test_a_question_mark_inside_braces_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "vraag.yaml"
    path.write_text("items:\n  - {id: a, text: Kent hij VDAB?, scale: x}\n", encoding="utf-8")
    assert load_document(path).data == {
        "items": [{"id": "a", "text": "Kent hij VDAB?", "scale": "x"}]
    }


def test_a_colon_inside_braces_asks_for_quotes(tmp_path: Path) -> None:
    text = "version: 1\nsections:\n  - items:\n      - {id: a, text: Let op: dit, scale: x}\n"
    message = only(tmp_path, text)
    assert message.startswith("test.yaml:4:")
    assert "YAML-fout: een tekst tussen { } bevat een teken dat YAML daar niet verwacht" in message
    assert 'tip: zet die tekst tussen aanhalingstekens: text: "Kent hij de weg?"' in message


def test_tab_indentation(tmp_path: Path) -> None:
    assert only(tmp_path, "version: 1\n\ttitle: x\n").startswith(
        "test.yaml:2:1: YAML-fout: een tab-teken"
    )


def test_duplicate_key(tmp_path: Path) -> None:
    assert only(tmp_path, HEADER + "title: Nog eens\n" + SECTION) == (
        "test.yaml:3:1: de sleutel 'title' staat hier twee keer (eerst op regel 2)\n"
        "    tip: verwijder of hernoem een van beide"
    )


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    text = HEADER + SECTION.replace("text: Vraag,", "text: Vraag, wieght: 2,")
    assert only(tmp_path, text) == (
        "test.yaml:6:34: onbekende sleutel 'wieght'\n    tip: bedoel je 'weight'?"
    )


def test_wrong_type(tmp_path: Path) -> None:
    assert only(tmp_path, "version: een\ntitle: x\n" + SECTION) == (
        "test.yaml:1:10: 'version' moet een geheel getal zijn\n    tip: bv. 1, zonder aanhalingstekens"
    )


def test_missing_required_key(tmp_path: Path) -> None:
    assert only(tmp_path, "title: x\n" + SECTION) == (
        "test.yaml:1:1: de verplichte sleutel 'version' ontbreekt\n"
        "    tip: version: 1 (verhoog bij elke inhoudelijke wijziging)"
    )


def test_bad_id_spelling(tmp_path: Path) -> None:
    text = HEADER + SECTION.replace("id: vraag", "id: Vraag-1")
    assert only(tmp_path, text).startswith(
        "test.yaml:6:14: 'Vraag-1' is geen geldige id: gebruik kleine letters, cijfers en _"
    )


def test_duplicate_id(tmp_path: Path) -> None:
    text = HEADER + SECTION + "      - {id: vraag, text: Nog eens, options: [{value: 1}]}\n"
    assert only(tmp_path, text) == (
        "test.yaml:7:14: de id 'vraag' is al gebruikt voor het item 'vraag'\n"
        "    tip: elke id (onderdeel, item, score, signaal, uitkomst) is uniek binnen een instrument"
    )


def test_reserved_id(tmp_path: Path) -> None:
    text = HEADER + SECTION.replace("id: vraag", "id: mean")
    assert only(tmp_path, text).startswith("test.yaml:6:14: 'mean' is een gereserveerd woord")


def test_unknown_scale_with_suggestion(tmp_path: Path) -> None:
    text = (
        HEADER
        + "scales:\n  ja-nee: {options: [{value: ja}]}\n"
        + SECTION.replace(
            "options: [{value: ja, score: 1}, {value: nee, score: 0}]", "scale: janee"
        )
    )
    assert (
        only(tmp_path, text)
        == "test.yaml:8:41: onbekende schaal 'janee'\n    tip: bedoel je 'ja-nee'?"
    )


def test_shared_scale_is_found(tmp_path: Path) -> None:
    (tmp_path / "_scales.yaml").write_text(
        "jn:\n  options: [{value: ja, score: 1}, {value: nee, score: 0}]\n"
    )
    (tmp_path / "a.yaml").write_text(
        HEADER + "sections:\n  - id: d\n    scale: jn\n    items: [{id: v, text: V}]\n"
    )
    catalog = load_catalog([tmp_path])
    assert catalog.instruments["a"].compiled["items"][0]["options"][0] == {
        "value": "ja",
        "label": "ja",
        "score": 1,
    }


def test_scale_with_options_and_range(tmp_path: Path) -> None:
    text = HEADER + "scales:\n  x: {options: [{value: 1}], range: {min: 0, max: 2}}\n" + SECTION
    assert only(tmp_path, text).startswith(
        "test.yaml:4:6: een schaal heeft 'options' of 'range', precies één van beide"
    )


def test_descriptor_count(tmp_path: Path) -> None:
    text = HEADER + textwrap.dedent(
        """\
        sections:
          - id: rubric
            layout: grid
            items:
              - id: initiatief
                text: Initiatief
                options: [{value: 1}, {value: 2}, {value: 3}]
                descriptors: [laag, hoog]
        """
    )
    assert only(tmp_path, text) == (
        "test.yaml:10:22: 2 descriptors voor 3 opties\n"
        "    tip: geef één gedragsindicator per optie, in dezelfde volgorde als de schaal"
    )


def test_descriptors_outside_grid(tmp_path: Path) -> None:
    text = HEADER + SECTION.replace("text: Vraag,", "text: Vraag, descriptors: [a, b],")
    assert only(tmp_path, text).startswith(
        "test.yaml:6:34: 'descriptors' horen alleen bij items in een onderdeel met layout: grid"
    )


def test_bands_out_of_order(tmp_path: Path) -> None:
    text = (
        HEADER
        + SECTION
        + "scores:\n  - id: s\n    bands:\n      - {id: a, max: 5}\n      - {id: b, max: 3}\n"
    )
    assert only(tmp_path, text) == (
        "test.yaml:11:22: de banden moeten oplopen: 3 komt na 5\n    tip: zet de banden van laag naar hoog"
    )


def test_open_band_not_last(tmp_path: Path) -> None:
    text = (
        HEADER
        + SECTION
        + "scores:\n  - id: s\n    bands:\n      - {id: a}\n      - {id: b, max: 3}\n"
    )
    assert only(tmp_path, text).startswith(
        "test.yaml:10:9: alleen de laatste band mag zonder 'max' of 'below'; 'a' staat niet laatst"
    )


def test_unknown_bandset(tmp_path: Path) -> None:
    text = (
        HEADER + "bandsets:\n  drie: [{id: a}]\n" + SECTION + "scores:\n  - {id: s, bands: dri}\n"
    )
    assert (
        only(tmp_path, text)
        == "test.yaml:10:20: onbekende bandset 'dri'\n    tip: bedoel je 'drie'?"
    )


def test_default_outcome_not_last(tmp_path: Path) -> None:
    text = (
        HEADER + SECTION + "outcomes:\n  - {id: standaard}\n  - {id: b, when: \"vraag == 'ja'\"}\n"
    )
    assert only(tmp_path, text).startswith(
        "test.yaml:8:5: de uitkomst 'standaard' heeft geen 'when' en is dus de standaard; die moet laatst staan"
    )


def test_expression_unknown_name_points_into_the_expression(tmp_path: Path) -> None:
    text = (
        HEADER
        + SECTION
        + "flags:\n  - {id: f, when: \"vraag == 'ja' and vrag == 'nee'\", message: m}\n"
    )
    assert only(tmp_path, text) == (
        "test.yaml:8:38: onbekende naam 'vrag' (in 'vraag == 'ja' and vrag == 'nee'')\n"
        "    tip: bedoel je 'vraag'?"
    )


def test_expression_literal_not_on_scale(tmp_path: Path) -> None:
    text = HEADER + SECTION + "flags:\n  - {id: f, when: \"vraag == 'neen'\", message: m}\n"
    assert only(tmp_path, text).startswith(
        "test.yaml:8:29: 'neen' komt niet voor op de schaal van 'vraag'"
    )


def test_expression_forbidden_syntax_in_block_scalar(tmp_path: Path) -> None:
    text = (
        HEADER
        + SECTION
        + "scores:\n  - id: s\n    expr: |\n      sum(all) +\n      vraag.upper()\n"
    )
    assert only(tmp_path, text).startswith(
        "test.yaml:11:7: een attribuut (x.y) is niet toegestaan in een uitdrukking"
    )


def test_score_used_before_defined(tmp_path: Path) -> None:
    text = HEADER + SECTION + 'scores:\n  - {id: a, expr: "b + 1"}\n  - {id: b}\n'
    assert only(tmp_path, text).startswith(
        "test.yaml:8:20: de score 'b' wordt pas verderop berekend"
    )


def test_wrong_argument_kind(tmp_path: Path) -> None:
    text = HEADER + SECTION + 'scores:\n  - {id: a, expr: "rows(vraag)"}\n'
    assert only(tmp_path, text).startswith(
        "test.yaml:8:25: rows() verwacht een tabel; 'vraag' is een item van type choice"
    )


def test_show_if_cycle(tmp_path: Path) -> None:
    text = HEADER + textwrap.dedent(
        """\
        sections:
          - id: deel
            items:
              - {id: a, text: A, options: [{value: 1}], show_if: "b == 1"}
              - {id: b, text: B, options: [{value: 1}], show_if: "a == 1"}
        """
    )
    assert only(tmp_path, text) == (
        "test.yaml:6:58: show_if vormt een kring: a → b → a\n"
        "    tip: een item kan niet (via andere) afhangen van zichzelf"
    )


def test_item_without_type_or_scale(tmp_path: Path) -> None:
    text = HEADER + "sections:\n  - id: d\n    items: [{id: v, text: V}]\n"
    assert only(tmp_path, text).startswith(
        "test.yaml:5:13: het item 'v' heeft geen type en geen schaal"
    )


def test_reverse_needs_bounds(tmp_path: Path) -> None:
    text = (
        HEADER
        + "sections:\n  - id: d\n    items: [{id: v, text: V, type: number, reverse: true}]\n"
    )
    assert only(tmp_path, text).startswith(
        "test.yaml:5:44: omkeren (reverse) van een getal kan alleen met min en max"
    )


def test_range_too_large(tmp_path: Path) -> None:
    text = HEADER + "scales:\n  groot: {range: {min: 0, max: 1000}}\n" + SECTION
    assert only(tmp_path, text).startswith(
        "test.yaml:4:18: deze range geeft 1001 keuzes (hoogstens 101)"
    )


def test_bad_file_name_without_id(tmp_path: Path) -> None:
    assert only(tmp_path, HEADER + SECTION, name="Mijn Lijst.yaml").startswith(
        "Mijn Lijst.yaml:1:1: de bestandsnaam 'Mijn Lijst' is geen geldige id"
    )


def test_faq_related_must_exist(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        {
            "klaar.yaml": HEADER + SECTION,
            "faq/vragen.yaml": """\
                title: FAQ
                entries:
                  - id: taal
                    question: Welk taalniveau?
                    answer: Dat hangt af van de job.
                    related: [klaar, klar]
            """,
        },
    )
    assert found == [
        "faq/vragen.yaml:6:22: 'related' verwijst naar een onbekend instrument 'klar'\n"
        "    tip: bedoel je 'klaar'?"
    ]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    found = problems(tmp_path, {"a.yaml": HEADER + SECTION, "b.yaml": "id: a\n" + HEADER + SECTION})
    assert found == [
        "b.yaml:1:5: de id 'a' wordt ook gebruikt in a.yaml\n"
        "    tip: elk instrument en elke FAQ heeft een eigen id (standaard de bestandsnaam)"
    ]


def test_all_problems_of_all_files_at_once(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        {
            "a.yaml": "version: x\ntitle: A\n" + SECTION,
            "b.yaml": HEADER + SECTION.replace("text: Vraag,", "text: Vraag, scale: zzz,"),
            "c.yaml": "version: 1\ntitle: [\n",
        },
    )
    assert [line.split(":")[0] for line in found] == ["a.yaml", "b.yaml", "c.yaml"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "test.yaml:1:1: het bestand is leeg; een definitie is een mapping van sleutels"),
        (b"# alleen commentaar\n", "test.yaml:1:1: het bestand is leeg; een definitie"),
        (b"- version: 1\n- title: x\n", "test.yaml:1:1: het bestand is een lijst; een definitie"),
        (b"gewoon een zin\n", "test.yaml:1:1: het bestand is één waarde; een definitie"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "test.yaml:1:1: dit is geen tekstbestand (het bevat binaire gegevens)",
        ),
        (
            b"version: 1\ntitle: caf\xe9\n",
            "test.yaml:2:1: het bestand is geen UTF-8-tekst (bv. opgeslagen als Windows-1252)",
        ),
        (
            b"version: 1\ntitle: a\x07b\n",
            "test.yaml:2:1: het bestand bevat een teken dat niet in YAML mag (stuurteken)",
        ),
        (
            b"version: 1\ntitle: 'open\n",
            "test.yaml:3:1: YAML-fout: de tekst eindigt terwijl een aanhalingsteken",
        ),
        (
            b"version: 1\n  title: x\n",
            "test.yaml:2:8: YAML-fout: een dubbele punt ':' op een plaats",
        ),
    ],
)
def test_damaged_files_get_one_clear_message(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "test.yaml").write_bytes(content)
    with pytest.raises(AuthorError) as caught:
        load_catalog([tmp_path])
    messages = [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]
    assert len(messages) == 1, messages
    assert messages[0].startswith(expected)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    with (tmp_path / "groot.yaml").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(AuthorError) as caught:
        load_catalog([tmp_path])
    assert (
        str(caught.value.problems[0])
        .replace(str(tmp_path) + "/", "")
        .startswith(
            "groot.yaml:1:1: het bestand is te groot voor een definitie (52 MB, hoogstens 1 MB)"
        )
    )


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + (HEADER + SECTION).encode())
    assert list(load_catalog([tmp_path]).instruments) == ["bom"]


def test_a_charted_score_needs_a_range(tmp_path: Path) -> None:
    text = HEADER + SECTION + "scores:\n  - {id: a, chart: profiel}\n"
    assert only(tmp_path, text) == (
        "test.yaml:8:20: de score 'a' staat in een grafiek maar heeft geen 'max'\n"
        "    tip: een grafiek heeft een bereik nodig: geef 'max' (en 'min' als die niet 0 is)"
    )


def test_decide_required_needs_a_required_item(tmp_path: Path) -> None:
    assert only(tmp_path, HEADER + "decide: required\n" + SECTION) == (
        "test.yaml:3:9: 'decide: required' wacht op de verplichte vragen, maar geen enkele vraag "
        "heeft 'required: true'\n    tip: duid de vragen aan die nodig zijn voor een beslissing "
        "met 'required: true', of laat 'decide' weg (dan wacht de uitkomst tot alles beantwoord "
        "is)"
    )


def test_decide_is_compiled_and_unknown_rules_are_refused(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(
        HEADER
        + "decide: required\n"
        + SECTION.replace("text: Vraag,", "text: Vraag, required: true,"),
        encoding="utf-8",
    )
    assert load_catalog([tmp_path]).instruments["ok"].compiled["decide"] == "required"
    (tmp_path / "ok.yaml").unlink()
    found = only(tmp_path, HEADER + "decide: altijd\n" + SECTION)
    assert found.startswith("test.yaml:3:9: "), found
    assert "complete" in found and "required" in found, found
