"""A cache file is written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from draaiboek.atomicfile import write_atomically


def test_the_file_is_written_and_its_folder_made(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "x.json"
    write_atomically(target, b"eerste")
    write_atomically(target, b"tweede")
    assert target.read_bytes() == b"tweede"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_a_failed_rename_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "map"
    target.mkdir()
    (target / "bezet").write_text("een map kan je niet vervangen door een bestand")
    with pytest.raises(OSError):
        write_atomically(target, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map"]
