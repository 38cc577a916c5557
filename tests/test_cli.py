"""The `draaiboek` command line: exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draaiboek.cli import main


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_then_check_passes(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "mijn-lijst"]) == 0
    text = (workdir / "checklists" / "mijn-lijst.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "title: Mijn lijst" in text
    assert main(["check"]) == 0
    assert "In orde: 1 instrument(en)" in capsys.readouterr().out


def test_new_refuses_to_overwrite_and_bad_ids(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "lijst"]) == 0
    assert main(["new", "lijst"]) == 1
    assert "bestaat al; niets overschreven" in capsys.readouterr().err
    assert main(["new", "Mijn_Lijst"]) == 1
    assert "geen geldige id" in capsys.readouterr().err


def test_check_reports_every_problem_and_exits_1(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "checklists").mkdir()
    (workdir / "checklists" / "a.yaml").write_text("version: 0\ntitle: 3\nsections: []\n")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "checklists/a.yaml:1:10: 'version' moet minstens 1 zijn" in err
    assert "checklists/a.yaml:2:8: 'title' moet tekst zijn" in err
    assert "checklists/a.yaml:3:11: 'sections' mag niet leeg zijn" in err
    assert err.rstrip().endswith("3 problemen gevonden.")


def test_check_missing_path(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "bestaat-niet"]) == 1
    assert "bestaat-niet:1:1: dit bestand of deze map bestaat niet" in capsys.readouterr().err


def test_schema_is_json_schema_with_both_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"Instrument", "FaqCollection", "Item", "Scale"} <= set(schema["$defs"])
    assert schema["$defs"]["Item"]["additionalProperties"] is False


def test_score_damaged_answers_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["new", "lijst"])
    (workdir / "a.json").write_text('{"eerste_vraag": "ja",\n')
    assert main(["score", "checklists/lijst.yaml", "a.json"]) == 1
    assert capsys.readouterr().err.startswith("a.json:2:1: geen geldige JSON")


def test_score_bad_definition(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "kapot.yaml").write_text("version: 1\n")
    (workdir / "a.json").write_text("{}")
    assert main(["score", "kapot.yaml", "a.json"]) == 1
    assert "kapot.yaml:1:1: de verplichte sleutel 'title' ontbreekt" in capsys.readouterr().err


def _envelope(answers: dict[str, object], **meta: str) -> dict[str, object]:
    return {
        "format": "draaiboek-answers/1",
        "instrument": "lijst",
        "version": 1,
        "answers": answers,
        "meta": meta,
    }


def test_score_a_bundle_prints_one_result_per_record(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["new", "lijst"])
    capsys.readouterr()
    bundle = {
        "format": "draaiboek-bundle/1",
        "records": [
            _envelope({"eerste_vraag": "ja"}, label="A-1", date="2026-11-20"),
            _envelope({"eerste_vraag": "nee"}, label="A-2"),
        ],
    }
    (workdir / "b.json").write_text(json.dumps(bundle))
    assert main(["score", "checklists/lijst.yaml", "b.json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["scores"]["totaal"]["value"] for r in results] == [1, 0]
    assert [r["instrument"] for r in results] == ["lijst", "lijst"]


def test_score_a_bundle_names_the_bad_record(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["new", "lijst"])
    capsys.readouterr()
    bundle = {
        "format": "draaiboek-bundle/1",
        "records": [
            _envelope({"eerste_vraag": "ja"}),
            _envelope({"eerste_vraag": "misschien"}, label="A-2"),
            _envelope({}, date="2026-02-30"),
        ],
    }
    (workdir / "b.json").write_text(json.dumps(bundle))
    assert main(["score", "checklists/lijst.yaml", "b.json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "b.json: antwoordenset 3: meta.date '2026-02-30' is geen geldige datum; schrijf ze als "
        "JJJJ-MM-DD, bv. 2026-11-25",
    ]
    bundle["records"].pop()  # type: ignore[attr-defined]
    (workdir / "b.json").write_text(json.dumps(bundle))
    assert main(["score", "checklists/lijst.yaml", "b.json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("b.json: antwoordenset 2 (A-2): eerste_vraag: 'misschien' staat niet")
