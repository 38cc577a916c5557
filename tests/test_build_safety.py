"""``draaiboek build`` never leaves a broken site: it builds beside it and swaps it in."""

from __future__ import annotations

import argparse
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from draaiboek import site as site_module
from tests.sitelib import ROOT, draaiboek, write_site

BAD_DEFINITION = {"kapot.yaml": "version: 1\ntitle: Kapot\nsections: []\n"}


def previous_site(root: Path) -> Path:
    """A stand-in for the last good build, with a file no new build writes."""
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige site", encoding="utf-8")
    return site


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))


def build_args() -> argparse.Namespace:
    return argparse.Namespace(
        config_file=Path("mkdocs.yml"),
        site_dir=None,
        site_url=None,
        strict=False,
        offline=False,
    )


def test_ctrl_c_during_the_build_keeps_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_site(tmp_path)
    site = previous_site(root)
    monkeypatch.chdir(root)

    def half_a_build(config: Any) -> None:
        # What mkdocs had written when the person pressed Ctrl-C.
        Path(config["site_dir"], "index.html").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(site_module, "build", half_a_build)
    assert site_module._build(build_args()) == 130
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert capsys.readouterr().err.strip() == site_module.INTERRUPTED
    assert leftovers(root) == []


def test_a_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    root = write_site(tmp_path, definitions=BAD_DEFINITION)
    site = previous_site(root)
    done = draaiboek(["build"], cwd=root)
    assert done.returncode == 1
    assert "kapot.yaml" in done.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert leftovers(root) == []


def test_a_good_build_replaces_the_site_readable_by_a_web_server(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    site = previous_site(root)
    (root / ".site-wordt-gebouwd-oud").mkdir()  # left by a build that was killed
    done = draaiboek(["build"], cwd=root)
    assert done.returncode == 0, done.stderr
    assert "vorige site" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "instrumenten/volledig/index.html").is_file()
    assert site.stat().st_mode & 0o755 == 0o755
    assert leftovers(root) == []


def test_ctrl_c_of_the_real_command_prints_one_line(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    site = previous_site(root)
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/draaiboek"), "build"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Interrupt while the new site is being written (no fixed delay: wait for
    # the folder), the moment that used to leave a half-written site.
    while process.poll() is None and not leftovers(root):
        time.sleep(0.01)  # polling, not a timing assumption; spares the shared CPU
    process.send_signal(signal.SIGINT)
    _, err = process.communicate()
    messages = [line for line in err.splitlines() if not line.startswith("INFO")]
    if process.returncode == 0:  # the build finished before the signal arrived
        assert (site / "instrumenten/volledig/index.html").is_file()
    else:
        assert process.returncode == 130, err
        assert messages == [site_module.INTERRUPTED]
        assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert "Traceback" not in err
    assert leftovers(root) == []
