"""The standard library made for the scorer: complete for every scoring path, cached, named safely."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from draaiboek import runtime, trimmed_stdlib
from draaiboek.runtime import find_pyodide, load_options, prepare_runtime, runtime_id
from draaiboek.trimmed_stdlib import TrimmedStdlib, imported_names, pack
from tests.conftest import NODE_PYODIDE
from tests.test_vectors import cpython_reply
from tests.vectorlib import VECTORS, Vector, check_reply

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> TrimmedStdlib:
    """Made in this test session's own cache, from every file in tests/vectors/ (never reused)."""
    cache = tmp_path_factory.mktemp("stdlib-cache")
    return trimmed_stdlib.trimmed_stdlib(find_pyodide(NODE_PYODIDE), cache, VECTORS)


def run_in_pyodide(folder: Path, vectors: list[Vector], tmp_path: Path) -> dict[str, Any]:
    """Every vector through a runtime folder, with the options the site's worker uses."""
    bundle = tmp_path / "vectors.json"
    bundle.write_text(
        json.dumps(
            [
                {"instrument": v.compiled, "answers": v.answers, "op": getattr(v, "op", "score")}
                for v in vectors
            ]
        ),
        encoding="utf-8",
    )
    options = tmp_path / "options.json"
    options.write_text(
        json.dumps(load_options(find_pyodide(NODE_PYODIDE), trimmed=True)), encoding="utf-8"
    )
    completed = subprocess.run(
        [
            "node",
            str(HERE / "pyodide" / "run_vectors.mjs"),
            str(folder),
            str(bundle),
            str(options),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return {"code": completed.returncode, "stderr": completed.stderr, "stdout": completed.stdout}


@pytest.mark.pyodide
def test_trimmed_runtime_scores_every_vector_like_cpython(
    trimmed: TrimmedStdlib, vectors: list[Vector], tmp_path: Path
) -> None:
    # Every vector file is there, so a path only one file reaches is covered.
    assert {v.file for v in vectors} == set(VECTORS.glob("*.yaml"))
    assert any(v.error_items for v in vectors)
    folder = tmp_path / "runtime"
    prepare_runtime(find_pyodide(NODE_PYODIDE), folder, trimmed.zip)
    assert sorted(p.name for p in folder.iterdir()) == [
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "pyodide.mjs",
        "scorer_stdlib.zip",
    ]
    run = run_in_pyodide(folder, vectors, tmp_path)
    assert run["code"] == 0, run["stderr"][-3000:]
    output = json.loads(run["stdout"])
    # The scorer came from the trimmed zip, as a sourceless .pyc: nothing else was there.
    assert output["scorer_file"].startswith(output["stdlib"] + "/draaiboek_scoring/")
    assert output["foreign_modules"] == []
    failures = {}
    for vector, reply in zip(vectors, output["results"], strict=True):
        problems = check_reply(vector, reply)
        if reply != cpython_reply(vector):
            problems.append("the trimmed runtime and CPython disagree")
        if problems:
            failures[vector.id] = problems
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


@pytest.mark.pyodide
def test_a_module_missing_from_the_trimmed_runtime_fails_the_vectors(
    trimmed: TrimmedStdlib, vectors: list[Vector], tmp_path: Path
) -> None:
    """The test above can fail: take out one module the scorer needs and it does.

    ``decimal`` is imported only when an expression calls ``round()``: a module
    on a path the first result does not take is still in the runtime.
    """
    assert "decimal" in trimmed.modules
    with zipfile.ZipFile(trimmed.zip) as archive:
        files = {n: archive.read(n) for n in archive.namelist() if n != "decimal.pyc"}
    lacking = tmp_path / "lacking.zip"
    lacking.write_bytes(pack(files))
    folder = tmp_path / "runtime"
    prepare_runtime(find_pyodide(NODE_PYODIDE), folder, lacking)
    run = run_in_pyodide(folder, vectors, tmp_path)
    assert run["code"] != 0
    assert "No module named 'decimal'" in run["stderr"], run["stderr"][-2000:]


def test_the_zip_holds_only_compiled_modules_with_the_scorer_inside(
    trimmed: TrimmedStdlib,
) -> None:
    with zipfile.ZipFile(trimmed.zip) as archive:
        names = archive.namelist()
        infos = archive.infolist()
        magic = archive.read("json/__init__.pyc")[:4]
    assert names == sorted(names)
    assert all(name.endswith(".pyc") for name in names)
    assert all(info.compress_type == zipfile.ZIP_STORED for info in infos)
    scorer = {n for n in names if n.startswith("draaiboek_scoring/")}
    assert scorer == {
        f"draaiboek_scoring/{Path(name).with_suffix('.pyc').as_posix()}"
        for name, _ in (
            (p.removeprefix("draaiboek_scoring/"), d) for p, d in runtime.package_files()
        )
    }
    # Booting Pyodide needs far less than its whole standard library.
    with zipfile.ZipFile(NODE_PYODIDE / "python_stdlib.zip") as stock:
        assert len(names) < len(stock.namelist()) / 4
    # Compiled by Pyodide's Python (3.14), not the host's.
    assert magic != __import__("importlib.util").util.MAGIC_NUMBER


def test_function_docstrings_are_left_out_and_class_docstrings_kept(
    trimmed: TrimmedStdlib,
) -> None:
    """A tenth of the bytes; dataclasses needs class docstrings, nobody reads the others."""
    with zipfile.ZipFile(trimmed.zip) as archive:
        json_init = archive.read("json/__init__.pyc")
        decoder = archive.read("json/decoder.pyc")
    assert b"Serialize ``obj`` to a JSON formatted ``str``" not in json_init  # json.dumps
    assert b"JSON (JavaScript Object Notation)" not in json_init  # the module's own
    assert b"Subclass of ValueError with the following additional properties" in decoder


def test_the_cache_is_used_and_keyed_by_what_the_zip_depends_on(
    trimmed: TrimmedStdlib, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_node(*args: object) -> dict[str, Any]:
        raise AssertionError("Node ran although the cache holds this runtime")

    monkeypatch.setattr(trimmed_stdlib, "trace", no_node)
    again = trimmed_stdlib.trimmed_stdlib(find_pyodide(NODE_PYODIDE), trimmed.zip.parent, VECTORS)
    assert again == trimmed

    pyodide = find_pyodide(NODE_PYODIDE)
    sources = trimmed_stdlib.scorer_sources()
    files = trimmed_stdlib.vector_files(VECTORS)
    key = trimmed_stdlib.cache_key(pyodide, sources, files)
    assert key == trimmed.key
    changed = {**sources, "draaiboek_scoring/messages.py": b"import fractions\n"}
    assert trimmed_stdlib.cache_key(pyodide, changed, files) != key
    assert trimmed_stdlib.cache_key(pyodide, sources, files[:-1]) != key


def test_runtime_folder_names_differ_per_kind_and_per_key() -> None:
    pyodide = find_pyodide(NODE_PYODIDE)
    full = runtime_id(pyodide)
    one, two = runtime_id(pyodide, "a" * 64), runtime_id(pyodide, "b" * 64)
    assert len({full, one, two}) == 3
    assert all(name.startswith(runtime.pyodide_version(pyodide) + "-") for name in (full, one))


def test_imported_names_include_lazy_and_relative_imports() -> None:
    sources = {
        "pkg/__init__.py": b"from . import core\n",
        "pkg/core.py": (
            b"import json\nfrom .util import helper\nfrom collections.abc import Mapping\n"
            b"def later():\n    import fractions\n    from ..other import x\n"
        ),
        "pkg/util.py": b"",
    }
    names = imported_names(sources)
    for expected in (
        "pkg",
        "pkg.core",
        "pkg.util",
        "pkg.util.helper",
        "json",
        "fractions",
        "collections.abc",
        "collections.abc.Mapping",
    ):
        assert expected in names


def test_pack_is_reproducible() -> None:
    files = {"b.pyc": b"2", "a/__init__.pyc": b"1"}
    assert pack(files) == pack(dict(reversed(files.items())))


def test_without_node_the_build_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trimmed_stdlib.shutil, "which", lambda name: None)
    with pytest.raises(trimmed_stdlib.StdlibError, match="python_stdlib: full"):
        trimmed_stdlib.find_node()


def test_a_cache_folder_that_cannot_be_written_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    traced = {"files": {"a.pyc": b"x"}, "modules": ["a"]}
    monkeypatch.setattr(trimmed_stdlib, "trace", lambda *args: traced)
    blocked = tmp_path / "bestand"
    blocked.write_text("geen map")
    with pytest.raises(trimmed_stdlib.StdlibError, match=r"cachemap .* is niet beschrijfbaar"):
        trimmed_stdlib.trimmed_stdlib(find_pyodide(NODE_PYODIDE), blocked / "cache", VECTORS)
