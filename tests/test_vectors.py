"""The same vectors in CPython, in real Pyodide, and through `draaiboek score|compare|group`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from draaiboek.cli import main
from draaiboek_scoring import messages
from tests.vectorlib import Vector, check_reply

HERE = Path(__file__).parent


def cpython_reply(vector: Vector) -> dict[str, object]:
    key = messages.load_instrument(json.dumps(vector.compiled))
    call = getattr(messages, f"{vector.op}_json")
    return json.loads(call(key, json.dumps(vector.answers)))  # type: ignore[no-any-return]


def test_vectors_exist(vectors: list[Vector]) -> None:
    assert len(vectors) >= 20
    assert any(v.error_items for v in vectors)
    assert {"score", "compare", "group"} <= {v.op for v in vectors}


def test_cpython(vectors: list[Vector]) -> None:
    failures = {v.id: problems for v in vectors if (problems := check_reply(v, cpython_reply(v)))}
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


@pytest.mark.pyodide
def test_pyodide_matches_expectations_and_cpython(
    vectors: list[Vector], pyodide_runtime: Path, tmp_path: Path
) -> None:
    bundle = tmp_path / "vectors.json"
    bundle.write_text(
        json.dumps([{"instrument": v.compiled, "op": v.op, "answers": v.answers} for v in vectors]),
        encoding="utf-8",
    )
    completed = subprocess.run(
        ["node", str(HERE / "pyodide" / "run_vectors.mjs"), str(pyodide_runtime), str(bundle)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    output = json.loads(completed.stdout)
    assert output["foreign_modules"] == [], (
        "the scorer imported modules outside the standard library"
    )
    replies = output["results"]
    assert len(replies) == len(vectors)
    failures = {}
    for vector, reply in zip(vectors, replies, strict=True):
        problems = check_reply(vector, reply)
        if reply != cpython_reply(vector):
            problems.append("Pyodide and CPython disagree")
        if problems:
            failures[vector.id] = problems
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


def test_cli(vectors: list[Vector], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    failures = {}
    for index, vector in enumerate(vectors):
        definition = tmp_path / f"{vector.file.stem}.yaml"
        definition.write_text(
            yaml.safe_dump(vector.definition, allow_unicode=True), encoding="utf-8"
        )
        answers = tmp_path / f"answers-{index}.json"
        if vector.op == "score":
            answers.write_text(json.dumps(vector.answers), encoding="utf-8")
            code = main(["score", str(definition), str(answers)])
        else:
            # Several records travel as one bundle file on the command line.
            bundle = {"format": "draaiboek-bundle/1", "records": vector.answers["records"]}
            answers.write_text(json.dumps(bundle), encoding="utf-8")
            extra = []
            if "min_group" in vector.answers:
                extra = ["--min-group", str(vector.answers["min_group"])]
            code = main([vector.op, str(definition), str(answers), *extra])
        out, err = capsys.readouterr()
        if vector.error_items is not None and vector.op != "score":
            if code != 1 or not err or out:
                failures[vector.id] = [f"exit {code}, stdout {out!r}, stderr {err!r}"]
            elif any(item not in err for item in vector.error_items):
                failures[vector.id] = [f"stderr {err!r} does not name {vector.error_items}"]
        elif vector.error_items is not None:
            lines = err.strip().splitlines()
            named = [line.split(": ", 2)[1] if line.count(": ") >= 2 else "" for line in lines]
            if code != 1 or not all(line.startswith(str(answers)) for line in lines):
                failures[vector.id] = [f"exit {code}, stderr {err!r}"]
            elif len(lines) != len(vector.error_items):
                failures[vector.id] = [f"expected {len(vector.error_items)} problems, got {lines}"]
            elif any(
                item and item not in name
                for item, name in zip(vector.error_items, named, strict=True)
            ):
                failures[vector.id] = [f"problems {lines} do not name {vector.error_items}"]
        else:
            problems = check_reply(
                vector,
                {
                    "ok": code == 0,
                    "result": json.loads(out) if code == 0 else None,
                    "problems": err,
                },
            )
            if problems:
                failures[vector.id] = problems
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)
