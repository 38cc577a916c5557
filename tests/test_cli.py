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


def _lijst_with_records(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["new", "lijst"])
    capsys.readouterr()
    (workdir / "a.json").write_text(
        json.dumps(_envelope({"eerste_vraag": "ja", "tweede_vraag": "ja"}, label="K-1"))
    )
    bundle = {
        "format": "draaiboek-bundle/1",
        "records": [
            _envelope({"eerste_vraag": "ja", "tweede_vraag": "nee"}, assessor="Mieke"),
            _envelope({"eerste_vraag": "nee", "notities": "Belt terug"}, date="2026-11-24"),
        ],
    }
    (workdir / "b.json").write_text(json.dumps(bundle))


def test_compare_files_and_bundles(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _lijst_with_records(workdir, capsys)
    assert main(["compare", "checklists/lijst.yaml", "a.json", "b.json"]) == 0
    comparison = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in comparison["records"]] == ["K-1", None, None]
    assert [r["assessor"] for r in comparison["records"]] == [None, "Mieke", None]
    assert comparison["items"]["eerste_vraag"] == {"values": ["ja", "ja", "nee"], "differ": True}
    assert comparison["items"]["tweede_vraag"]["values"] == ["ja", "nee", None]  # hidden in 3
    assert comparison["scores"]["totaal"] == {"values": [2, 1, 0], "change": -2}
    assert comparison["agreement"]["all"]["kappa_kind"] == "fleiss"


def test_group_json_and_csv(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _lijst_with_records(workdir, capsys)
    assert main(["group", "checklists/lijst.yaml", "a.json", "b.json"]) == 0
    out = capsys.readouterr().out
    overview = json.loads(out)
    assert overview["n"] == 3
    assert overview["items"]["eerste_vraag"] == {"n": 3, "counts": {"ja": 2, "nee": 1}}
    assert "notities" not in overview["items"]
    for personal in ("K-1", "Mieke", "2026-11-24", "Belt terug"):
        assert personal not in out
    assert main(["group", "checklists/lijst.yaml", "a.json", "b.json", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "soort;id;tekst;antwoord;aantal;waarde"
    assert lines[1] == "groep;;antwoordensets;;3;"
    assert "vraag;eerste_vraag;Een eerste vraag of stelling.;ja;2;" in lines
    assert (
        "vraag;tweede_vraag;Een tweede vraag, enkel als de eerste met ja beantwoord is.;nee;1;"
        in lines
    )
    assert any(line.startswith("score;totaal;") and line.endswith(";1") for line in lines)
    assert main(["group", "checklists/lijst.yaml", "a.json", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "groep;;antwoordensets;;1;",
        "groep;;niet getoond: minder dan 3 antwoordensets;;;",
    ]


def test_compare_and_group_bad_files(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _lijst_with_records(workdir, capsys)
    (workdir / "kapot.json").write_text('{"format": ')
    assert main(["compare", "checklists/lijst.yaml", "a.json", "kapot.json", "weg.json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith("kapot.json:1:12: geen geldige JSON")
    assert lines[1].startswith("weg.json:1:1: dit bestand of deze map bestaat niet")
    other = _envelope({"eerste_vraag": "ja"})
    other["instrument"] = "iets-anders"
    (workdir / "c.json").write_text(json.dumps(other))
    assert main(["group", "checklists/lijst.yaml", "a.json", "c.json", "b.json"]) == 1
    assert capsys.readouterr().err == (
        "c.json: deze antwoorden horen bij instrument 'iets-anders', niet bij 'lijst'; "
        "alleen antwoorden van hetzelfde instrument kunnen samen\n"
    )
    (workdir / "c.json").write_text(json.dumps(_envelope({"eerste_vraag": 3}, label="K-9")))
    assert main(["compare", "checklists/lijst.yaml", "a.json", "c.json"]) == 1
    assert capsys.readouterr().err.startswith(
        "c.json (K-9): eerste_vraag: 3 staat niet op de schaal"
    )
    assert main(["compare", "checklists/lijst.yaml", "a.json"]) == 1
    assert "minstens twee antwoordensets" in capsys.readouterr().err
    assert main(["group", "checklists/lijst.yaml", "a.json", "--min-group", "0"]) == 1
    assert "min_group moet een geheel getal ≥ 1 zijn" in capsys.readouterr().err
