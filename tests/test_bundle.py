"""The browser runtime: ES modules bundled into the committed forms.js and qrdecode.js, type-checked."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "src" / "draaiboek" / "assets"
MODULES = ASSETS / "js"
# Every classic script scripts/bundle.mjs writes (forms.js on every page,
# qrdecode.js only when the group page reads a QR code).
BUNDLES = ("forms.js", "qrdecode.js")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("name", BUNDLES)
def test_the_committed_bundle_is_the_bundle_of_the_modules(name: str) -> None:
    built = run("node", "scripts/bundle.mjs", "--stdout", name)
    assert built.returncode == 0, built.stderr
    committed = (ASSETS / name).read_text(encoding="utf-8")
    assert committed == built.stdout, (
        f"src/draaiboek/assets/{name} is out of date: run `make bundle` and commit it"
    )


@pytest.mark.parametrize("name", BUNDLES)
def test_the_bundle_is_a_classic_script(name: str) -> None:
    # file:// refuses module scripts: each bundle must run as a plain <script>.
    bundle = (ASSETS / name).read_text(encoding="utf-8")
    code = "\n".join(line for line in bundle.splitlines() if not line.lstrip().startswith("//"))
    assert not re.search(r"^\s*(import|export)\b", code, re.MULTILINE)
    assert "(() => {" in code


def test_the_qr_decoder_is_only_in_its_own_bundle() -> None:
    # jsQR is ~75 kB gzip that only the group page needs, and only on demand.
    forms = (ASSETS / "forms.js").read_text(encoding="utf-8")
    decoder = (ASSETS / "qrdecode.js").read_text(encoding="utf-8")
    assert "node_modules/jsqr/" in decoder
    assert "node_modules/jsqr/" not in forms
    assert "draaiboekQrDecoder" in forms


def test_every_module_is_type_checked_and_passes() -> None:
    for module in MODULES.glob("*.js"):
        assert module.read_text(encoding="utf-8").startswith("// @ts-check\n"), module.name
    checked = run("node_modules/.bin/tsc", "-p", "tsconfig.json")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_type_check_catches_a_wrong_type(tmp_path: Path) -> None:
    # Guards against a configuration that silently checks nothing: the same
    # settings, plus one module with a type error.
    probe = tmp_path / "probe.js"
    text_module = (MODULES / "text.js").as_posix()
    probe.write_text(
        f'// @ts-check\nimport {{ TEXT }} from "{text_module}";\nexport const f = () => TEXT.nope;\n',
        encoding="utf-8",
    )
    config = tmp_path / "tsconfig.json"
    config.write_text(
        json.dumps({"extends": (ROOT / "tsconfig.json").as_posix(), "include": [probe.as_posix()]}),
        encoding="utf-8",
    )
    checked = run("node_modules/.bin/tsc", "-p", str(config))
    assert checked.returncode != 0
    assert "probe.js" in checked.stdout
    assert "Property 'nope' does not exist" in checked.stdout
