"""Content-addressed names for the site's own browser files."""

from __future__ import annotations

import hashlib

import pytest

from draaiboek.browser_assets import AssetError, addressed_name, with_names


def test_the_name_carries_the_content_s_hash() -> None:
    digest = hashlib.sha256(b"x").hexdigest()[:10]
    assert addressed_name("forms.js", b"x") == f"forms.{digest}.js"
    assert addressed_name("worker.mjs", b"x") == f"worker.{digest}.mjs"
    assert addressed_name("offline-register.js", b"x").startswith("offline-register.")
    assert addressed_name("forms.js", b"x") != addressed_name("forms.js", b"y")


def test_a_name_without_an_extension_is_refused() -> None:
    with pytest.raises(AssetError, match="geen extensie"):
        addressed_name("forms", b"x")


def test_the_names_table_is_filled_in_once() -> None:
    bundled = "(() => {\n  var ASSET_NAMES = {};\n  new URL(ASSET_NAMES[p] || p);\n})();\n"
    filled = with_names(bundled, {"worker.mjs": "worker.0123456789.mjs"})
    assert 'var ASSET_NAMES = {"worker.mjs":"worker.0123456789.mjs"};' in filled
    assert filled.count("ASSET_NAMES") == 2


@pytest.mark.parametrize("count", [0, 2])
def test_a_bundle_without_exactly_one_table_stops_the_build(count: int) -> None:
    bundled = "var ASSET_NAMES = {};\n" * count
    with pytest.raises(AssetError, match=f"{count} keer in plaats van één keer"):
        with_names(bundled, {})
