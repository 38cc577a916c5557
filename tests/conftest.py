"""Shared fixtures: the scoring vectors and the Pyodide runtime folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from draaiboek.runtime import find_pyodide, prepare_runtime
from tests.vectorlib import Vector, load_vectors

ROOT = Path(__file__).resolve().parent.parent
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"


@pytest.fixture(scope="session")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> list[Vector]:
    return load_vectors(tmp_path_factory.mktemp("vectors"))


@pytest.fixture(scope="session")
def pyodide_runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like the site's runtime: Pyodide core + scoring wheel + lockfile."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to run the scoring vectors in Pyodide")
    folder = tmp_path_factory.mktemp("runtime")
    prepare_runtime(find_pyodide(NODE_PYODIDE), folder)
    return folder


# CI runs the same examples every time (a red build must be reproducible);
# local runs keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
