"""The browser's Python runtime: Pyodide's core files plus the scorer.

:func:`prepare_runtime` puts into one folder everything the worker loads, in
one of two ways:

- **trimmed** (the default for a site): Pyodide's core files and, instead of
  the stock ``python_stdlib.zip``, the standard library made for the scorer
  (:mod:`draaiboek.trimmed_stdlib`, the scorer inside, precompiled). No
  lockfile file and no wheel: the worker passes a lock with no packages.
- **full**: the stock standard library, the ``draaiboek_scoring`` wheel, and a
  copy of ``pyodide-lock.json`` in which that wheel is registered (with its
  sha256, so ``loadPackage`` checks integrity); for organisations whose own
  Python code needs more of the standard library.

The site build calls it; so do the tests that run the scoring vectors inside
real Pyodide.

The wheel is built here from the installed package rather than by a build
backend, so it is byte-for-byte reproducible: same code, same file, same hash.
Its version carries a short content hash, so browsers never reuse a cached
wheel after the code changed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

import draaiboek_scoring

PYODIDE_CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# What a trimmed runtime copies from Pyodide; the standard library is our own.
ENGINE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
TRIMMED_STDLIB_NAME = "scorer_stdlib.zip"
WHEEL_NAME = "draaiboek_scoring"
PACKAGE_NAME = "draaiboek-scoring"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class RuntimeMissing(Exception):
    """Pyodide's files are not where we looked (``npm ci`` has not run)."""


@dataclass(frozen=True)
class Runtime:
    folder: Path
    pyodide_version: str
    #: How worker.mjs calls ``loadPyodide`` besides ``indexURL`` (JSON-ready).
    load_options: dict[str, Any]
    #: The full runtime's wheel and lockfile; ``None`` in a trimmed runtime.
    wheel: Path | None = None
    lockfile: Path | None = None


def package_files() -> list[tuple[str, bytes]]:
    root = Path(draaiboek_scoring.__file__).parent
    return [
        (f"{WHEEL_NAME}/{path.relative_to(root).as_posix()}", path.read_bytes())
        for path in sorted(root.rglob("*.py"))
    ]


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _content_hash(files: list[tuple[str, bytes]]) -> str:
    return hashlib.sha256(b"".join(name.encode() + data for name, data in files)).hexdigest()


def runtime_id(pyodide_dir: Path, trimmed_key: str | None = None) -> str:
    """A name that changes whenever anything the worker loads changes.

    Pyodide's version plus a hash of the scorer (full runtime) or of all the
    trimmed standard library depends on: the runtime folder is named after it,
    so a server may let browsers cache that folder for good, and a new scorer
    or Pyodide arrives under a new address. The two kinds never share a name.
    """
    if trimmed_key is not None:
        digest = hashlib.sha256(f"trimmed:{trimmed_key}".encode()).hexdigest()
        return f"{pyodide_version(pyodide_dir)}-{digest[:10]}"
    return f"{pyodide_version(pyodide_dir)}-{_content_hash(package_files())[:10]}"


def pyodide_version(pyodide_dir: Path) -> str:
    return str(json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"])


def build_scoring_wheel(folder: Path) -> Path:
    """Write a reproducible pure-Python wheel of :mod:`draaiboek_scoring` into ``folder``."""
    files = package_files()
    version = f"{draaiboek_scoring.__version__}+{_content_hash(files)[:10]}"
    dist_info = f"{WHEEL_NAME}-{version}.dist-info"
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {PACKAGE_NAME}\n"
        f"Version: {version}\n"
        "Summary: draaiboek's scorer (standard library only), for Pyodide\n"
        "Requires-Python: >=3.12\n"
    ).encode()
    wheel_info = (
        b"Wheel-Version: 1.0\nGenerator: draaiboek\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    entries = [*files, (f"{dist_info}/METADATA", metadata), (f"{dist_info}/WHEEL", wheel_info)]
    record_lines = [f"{name},{_record_hash(data)},{len(data)}" for name, data in entries]
    record_lines.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record_lines) + "\n").encode()))

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{WHEEL_NAME}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return target


def register_wheel(lockfile_in: Path, wheel: Path, lockfile_out: Path) -> None:
    """Add ``wheel`` to a ``pyodide-lock.json`` (what ``pyodide lockfile add-wheels`` does)."""
    spec = PyodideLockSpec.from_json(lockfile_in)
    spec = add_wheels_to_spec(spec, [wheel], base_path=lockfile_out.parent)
    spec.to_json(lockfile_out)


def find_pyodide(*candidates: Path) -> Path:
    """The first folder among ``candidates`` that holds Pyodide's core files."""
    for folder in candidates:
        if all((folder / name).is_file() for name in PYODIDE_CORE_FILES):
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise RuntimeMissing(
        f"Pyodide niet gevonden (gezocht in: {looked}). Voer 'npm ci' uit in de projectmap, "
        "of zet 'pyodide_dir' in de plugin-instellingen van mkdocs.yml."
    )


def _copy(source: Path, target: Path) -> None:
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        shutil.copyfile(source, target)


def minimal_lock(pyodide_dir: Path) -> dict[str, Any]:
    """Pyodide's lockfile with no packages: everything the scorer needs is in the stdlib zip.

    Passed inline as ``lockFileContents``, it saves the worker a request for
    the 120 kB stock lockfile.
    """
    stock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": stock["info"], "packages": {}}


def prepare_runtime(pyodide_dir: Path, folder: Path, trimmed_stdlib: Path | None = None) -> Runtime:
    """Fill ``folder`` with what the worker loads.

    With ``trimmed_stdlib`` (a zip from :mod:`draaiboek.trimmed_stdlib`): Pyodide's
    engine and that zip. Without: Pyodide's core with the scoring wheel
    registered in its lockfile.
    """
    folder.mkdir(parents=True, exist_ok=True)
    version = pyodide_version(pyodide_dir)
    if trimmed_stdlib is not None:
        for name in ENGINE_FILES:
            _copy(pyodide_dir / name, folder / name)
        _copy(trimmed_stdlib, folder / TRIMMED_STDLIB_NAME)
        return Runtime(folder, version, load_options(pyodide_dir, trimmed=True))
    for name in PYODIDE_CORE_FILES:
        if name != "pyodide-lock.json":
            _copy(pyodide_dir / name, folder / name)
    for old in folder.glob(f"{WHEEL_NAME}-*.whl"):
        old.unlink()
    wheel = build_scoring_wheel(folder)
    lockfile = folder / "pyodide-lock.json"
    register_wheel(pyodide_dir / "pyodide-lock.json", wheel, lockfile)
    return Runtime(folder, version, load_options(pyodide_dir, trimmed=False), wheel, lockfile)


def load_options(pyodide_dir: Path, *, trimmed: bool) -> dict[str, Any]:
    """What worker.mjs passes to ``loadPyodide`` besides ``indexURL``.

    Trimmed: our standard library (file name relative to the runtime folder)
    and a lock with no packages. Full: the wheel, fetched while the
    interpreter starts and checked against the sha256 in the lockfile.
    """
    if trimmed:
        return {"stdLibURL": TRIMMED_STDLIB_NAME, "lockFileContents": minimal_lock(pyodide_dir)}
    return {"packages": [PACKAGE_NAME]}
