"""The checked definitions are kept between builds, and only while nothing changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from draaiboek import catalog_cache
from draaiboek.catalog_cache import cached_catalog
from draaiboek.errors import AuthorError
from tests.sitelib import FIXTURES


@pytest.fixture
def definitions(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    shutil.copytree(FIXTURES / "valid", folder)
    return folder


def count_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = catalog_cache.load_catalog

    def counted(paths: list[Path]) -> catalog_cache.Catalog:
        calls.append(1)
        return real(paths)

    monkeypatch.setattr(catalog_cache, "load_catalog", counted)
    return calls


def test_a_second_build_reads_the_kept_catalog(
    definitions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_loads(monkeypatch)
    first = cached_catalog([definitions], tmp_path / "cache")
    second = cached_catalog([definitions], tmp_path / "cache")
    assert len(calls) == 1
    assert list(second.instruments) == list(first.instruments)
    volledig = second.instruments["volledig"]
    assert volledig.compiled_json == first.instruments["volledig"].compiled_json


def test_a_changed_added_or_removed_file_is_read_again(
    definitions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_loads(monkeypatch)
    cache = tmp_path / "cache"
    cached_catalog([definitions], cache)
    definition = next(definitions.glob("volledig.y*ml"))
    text = definition.read_text(encoding="utf-8")
    definition.write_text(text.replace("title:", "title: Nieuw", 1), encoding="utf-8")
    changed = cached_catalog([definitions], cache)
    assert changed.instruments["volledig"].model.title.startswith("Nieuw")
    (definitions / "extra.yaml").write_text(text.replace("title:", "title: Extra", 1))
    with pytest.raises(AuthorError):  # the same id twice: reported, never kept
        cached_catalog([definitions], cache)
    (definitions / "extra.yaml").unlink()
    assert (
        cached_catalog([definitions], cache).instruments["volledig"].model.title.startswith("Nieuw")
    )
    assert len(calls) == 3


def test_a_wrong_definition_is_reported_on_every_build(definitions: Path, tmp_path: Path) -> None:
    (definitions / "kapot.yaml").write_text("id: kapot\ntitle: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(AuthorError, match=r"kapot\.yaml"):
            cached_catalog([definitions], tmp_path / "cache")


def test_a_damaged_cache_file_is_made_anew(definitions: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cached_catalog([definitions], cache)
    (kept,) = (cache / "catalog").glob("*.pickle")
    kept.write_bytes(b"not a pickle")
    assert "volledig" in cached_catalog([definitions], cache).instruments
    assert kept.read_bytes() != b"not a pickle"


def test_a_cache_that_cannot_be_written_is_no_error(definitions: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert "volledig" in cached_catalog([definitions], blocked).instruments
