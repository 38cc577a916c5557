"""A standard library made for the scorer: only what it imports, precompiled.

Most of Pyodide's start in a browser is not download but Python compiling
the standard library's source at import (asyncio, typing … at boot, then the
scorer's own modules). :func:`trimmed_stdlib` produces a zip that replaces
Pyodide's ``python_stdlib.zip`` for the worker: just the modules that booting
Pyodide and the scorer import, with the scorer inside, each as a sourceless
``.pyc`` compiled by Pyodide's own Python (the host's Python writes another
bytecode version). The worker loads it with ``loadPyodide({stdLibURL})``.

The module set is never written down: Node.js boots the stock Pyodide,
imports every scorer module and everything the scorer's source names, calls
every ``*_json`` entry point of ``draaiboek_scoring.messages`` over the
scoring vectors (``tests/vectors/``, error paths included) from JavaScript as
the worker does, and reads ``sys.modules``. A module added to the scorer is
therefore picked up by the next build.

That takes Node several seconds, so the zip is cached on disk under a key of
everything it depends on (Pyodide's version and stdlib, the scorer's source,
the vectors, this recipe): a normal rebuild only looks the file up.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import draaiboek_scoring
from draaiboek import runtime
from draaiboek.atomicfile import write_atomically
from draaiboek.errors import AuthorError
from draaiboek.loader import load_catalog
from draaiboek_scoring import messages

TOOLS = Path(__file__).parent / "pyodide_tools"
NODE_SCRIPT = TOOLS / "prepare_stdlib.mjs"
TRACE_PROGRAM = TOOLS / "trace_stdlib.py"
PACKAGE = "draaiboek_scoring"
# A source checkout (``pip install -e``, as ``make setup`` does) has the vectors here.
DEFAULT_VECTORS = Path(draaiboek_scoring.__file__).resolve().parents[2] / "tests" / "vectors"
# Bump when the way the zip is made changes, so no cache entry from before is used.
RECIPE = "1"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
NODE_TIMEOUT_S = 600


class StdlibError(Exception):
    """The trimmed standard library could not be made (a Dutch message for the build)."""


@dataclass(frozen=True)
class TrimmedStdlib:
    zip: Path
    #: A hash of everything the zip depends on: part of the runtime folder's name.
    key: str
    modules: tuple[str, ...]


def default_cache_dir() -> Path:
    """Where prepared runtimes are kept between builds, outside the project.

    ``DRAAIBOEK_CACHE_DIR`` wins; then ``$XDG_CACHE_HOME/draaiboek``, then
    ``~/.cache/draaiboek``. Per user, not per project: the test suite's many
    temporary sites and every checkout on the machine share one entry.
    """
    if explicit := os.environ.get("DRAAIBOEK_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "draaiboek"


def find_node() -> str:
    """The ``node`` program (already needed for ``npm ci``), or a Dutch explanation."""
    node = shutil.which("node")
    if node is None:
        raise StdlibError(
            "Node.js ('node') is niet gevonden; het is nodig om de Python-omgeving van het "
            "handboek voor te bereiden. Installeer Node.js (hetzelfde als voor 'npm ci'), "
            "of zet 'python_stdlib: full' bij de draaiboek-plugin in mkdocs.yml."
        )
    return node


def scorer_sources() -> dict[str, bytes]:
    """The scorer's source files by their path inside the zip."""
    return dict(runtime.package_files())


def imported_names(sources: dict[str, bytes]) -> list[str]:
    """Every scorer module, and every module an ``import`` anywhere in the scorer names.

    Also imports inside a function: a path no vector reaches still finds its
    module in the zip. ``from x import y`` lists ``x.y`` too (``y`` may be a
    submodule); names that turn out not to be modules are skipped in Node.
    """
    names: set[str] = set()
    for path, source in sources.items():
        module = path.removesuffix(".py").replace("/", ".")
        package = module.removesuffix(".__init__")
        if module.endswith(".__init__"):
            module = package
        else:
            package = package.rpartition(".")[0]
        names.add(module)
        for node in ast.walk(ast.parse(source, filename=path)):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{parent}.{base}" if base else parent
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return sorted(names)


def operations() -> list[str]:
    """The worker's entry points: every ``*_json`` function of ``draaiboek_scoring.messages``."""
    return sorted(
        name
        for name in dir(messages)
        if name.endswith("_json") and callable(getattr(messages, name))
    )


def vector_files(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(folder.glob("*.yaml"))


def load_vectors(files: list[Path]) -> list[dict[str, Any]]:
    """Each vector file as ``{"instrument": <compiled JSON>, "cases": [{"op", "answers"}]}``."""
    vectors: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="draaiboek-vectors-") as folder:
        for file in files:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            definition = Path(folder) / f"{file.stem}.yaml"
            definition.write_text(
                yaml.safe_dump(data["definition"], allow_unicode=True), encoding="utf-8"
            )
            try:
                compiled = load_catalog([definition]).instruments[file.stem].compiled
            except AuthorError as exc:
                raise StdlibError(
                    f"{file}: de definitie van deze testvector is fout:\n{exc}"
                ) from None
            cases = [
                {"op": case.get("op", "score"), "answers": case.get("answers")}
                for case in data.get("cases", [])
            ]
            vectors.append({"instrument": compiled, "cases": cases})
    return vectors


def cache_key(pyodide_dir: Path, sources: dict[str, bytes], vectors: list[Path]) -> str:
    """A hash of everything the zip depends on."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("recipe", RECIPE.encode())
    add("pyodide", runtime.pyodide_version(pyodide_dir).encode())
    stock = pyodide_dir / "python_stdlib.zip"
    add("stdlib", hashlib.sha256(stock.read_bytes()).digest())
    for tool in (NODE_SCRIPT, TRACE_PROGRAM):
        add(tool.name, tool.read_bytes())
    for path, data in sorted(sources.items()):
        add(path, data)
    for file in vectors:
        add(f"vector:{file.name}", file.read_bytes())
    return digest.hexdigest()


def trimmed_stdlib(
    pyodide_dir: Path,
    cache_dir: Path | None = None,
    vectors_dir: Path | None = DEFAULT_VECTORS,
) -> TrimmedStdlib:
    """The trimmed zip for this Pyodide and this scorer: from the cache, or made now."""
    sources = scorer_sources()
    vectors = vector_files(vectors_dir)
    key = cache_key(pyodide_dir, sources, vectors)
    folder = cache_dir or default_cache_dir()
    target = folder / f"stdlib-{runtime.pyodide_version(pyodide_dir)}-{key[:20]}.zip"
    manifest = target.with_suffix(".json")
    if target.is_file() and manifest.is_file():
        modules = json.loads(manifest.read_text(encoding="utf-8"))["modules"]
        return TrimmedStdlib(target, key, tuple(modules))
    traced = trace(pyodide_dir, sources, load_vectors(vectors))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written under a temporary name and renamed: two builds at once never see half a file.
        write_atomically(target, pack(traced["files"]))
        write_atomically(manifest, json.dumps({"modules": traced["modules"]}, indent=1).encode())
    except OSError as exc:
        raise StdlibError(
            f"de cachemap {folder} is niet beschrijfbaar ({exc.strerror}); zet "
            "'cache_dir' bij de draaiboek-plugin in mkdocs.yml of de omgevingsvariabele "
            "DRAAIBOEK_CACHE_DIR op een map waarin je mag schrijven"
        ) from None
    return TrimmedStdlib(target, key, tuple(traced["modules"]))


def trace(
    pyodide_dir: Path, sources: dict[str, bytes], vectors: list[dict[str, Any]]
) -> dict[str, Any]:
    """Run the scorer in Pyodide under Node; return what ``trace_stdlib.collect`` found."""
    job = {
        "package": PACKAGE,
        "sources": {path: data.decode("utf-8") for path, data in sources.items()},
        "imports": imported_names(sources),
        "operations": operations(),
        "vectors": vectors,
        "program": TRACE_PROGRAM.read_text(encoding="utf-8"),
    }
    with tempfile.TemporaryDirectory(prefix="draaiboek-stdlib-") as folder:
        job_file, out_file = Path(folder) / "job.json", Path(folder) / "out.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        try:
            completed = subprocess.run(
                [find_node(), str(NODE_SCRIPT), str(pyodide_dir), str(job_file), str(out_file)],
                capture_output=True,
                text=True,
                timeout=NODE_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise StdlibError(
                f"het voorbereiden van Python in Node.js duurde langer dan {NODE_TIMEOUT_S} s"
            ) from None
        if completed.returncode != 0 or not out_file.is_file():
            raise StdlibError(
                "het voorbereiden van Python in Node.js is mislukt:\n" + completed.stderr[-3000:]
            )
        result: dict[str, Any] = json.loads(out_file.read_text(encoding="utf-8"))
    result["files"] = {name: base64.b64decode(data) for name, data in result["files"].items()}
    return result


def pack(files: dict[str, bytes]) -> bytes:
    """A reproducible zip, stored uncompressed: the web server's gzip does better on it."""
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                info.external_attr = 0o644 << 16
                archive.writestr(info, files[name])
        buffer.seek(0)
        return buffer.read()
