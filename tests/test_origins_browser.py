"""The other-origin scan against the browser itself: whatever Chromium fetches, the scan finds.

Each page below hides a reference to another host in a way that once slipped
past the scan. Chromium loads it with every foreign request recorded and
blocked; the test needs both: the browser really fetched, and the scan saw it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser

from draaiboek.origins import scan_css, scan_html
from tests.test_browser import QuietHandler, block_other_origins, browser

__all__ = ["browser"]  # the shared Chromium fixture

pytestmark = pytest.mark.browser

HOST = "vreemd.example"
TRICKS: dict[str, str] = {
    "backslash": f'<img src="/\\{HOST}/a.png">',
    "tab-in-slashes": f'<img src="/&#9;/{HOST}/b.png">',
    "tab-in-scheme": f'<img src="ht&#9;tps://{HOST}/c.png">',
    "control-before": f'<img src="&#1;//{HOST}/d.png">',
    "css-hex-escape": f'<div style="background:url(\\2f\\2f {HOST}/e.png)">x</div>',
    "css-escape-in-string": (
        f'<style>p{{background:url("\\68ttps://{HOST}/f.png")}}</style><p>x</p>'
    ),
    "image-set": f'<style>p{{background-image:image-set("https://{HOST}/h.png" 1x)}}</style><p>x</p>',
    "base": f'<base href="https://{HOST}/"><img src="i.png">',
    "body-background": f'</head><body background="//{HOST}/j.png">x',
    "table-background": f'<table background="//{HOST}/k.png"><tr><td>x</td></tr></table>',
    "preload-imagesrcset": (
        f'<link rel="preload" as="image" imagesrcset="https://{HOST}/l.png 1x" href="x.png">'
    ),
    "iframe-srcdoc": f"<iframe srcdoc=\"<img src='https://{HOST}/m.png'>\"></iframe>",
    "svg-feimage": (
        f'<svg width="9" height="9"><filter id="f"><feImage href="https://{HOST}/n.png"/>'
        '</filter><rect width="9" height="9" filter="url(#f)"/></svg>'
    ),
    "meta-refresh": f'<meta http-equiv="refresh" content="0; URL=\'https://{HOST}/o\'">',
}
CSS_TRICKS: dict[str, str] = {
    "css-file-escape": f"p {{ background: url(\\2f\\2f{HOST}/p.png) }}",
    "css-file-multiline": f"p {{ background: url(\n  'https://{HOST}/q.png'\n) }}",
}


@pytest.fixture(scope="module")
def tricks_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("tricks")
    for name, body in TRICKS.items():
        (folder / f"{name}.html").write_text(
            f"<!doctype html><html><head><title>{name}</title>{body}</html>", encoding="utf-8"
        )
    for name, css in CSS_TRICKS.items():
        (folder / f"{name}.css").write_text(css, encoding="utf-8")
        (folder / f"{name}.html").write_text(
            f'<!doctype html><title>{name}</title><link rel="stylesheet" href="{name}.css"><p>x</p>',
            encoding="utf-8",
        )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetched_by_chromium(browser: Browser, url: str, base_url: str) -> list[str]:
    context = browser.new_context()
    foreign = block_other_origins(context, base_url)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    context.close()
    return foreign


@pytest.mark.parametrize("name", sorted(TRICKS))
def test_scan_finds_what_chromium_fetches_from_a_page(
    name: str, browser: Browser, tricks_url: str
) -> None:
    fetched = fetched_by_chromium(browser, f"{tricks_url}/{name}.html", tricks_url)
    assert any(HOST in url for url in fetched), f"Chromium fetched nothing foreign: {fetched}"
    assert scan_html(TRICKS[name], f"{name}.html") != []


@pytest.mark.parametrize("name", sorted(CSS_TRICKS))
def test_scan_finds_what_chromium_fetches_from_a_stylesheet(
    name: str, browser: Browser, tricks_url: str
) -> None:
    fetched = fetched_by_chromium(browser, f"{tricks_url}/{name}.html", tricks_url)
    assert any(HOST in url for url in fetched), f"Chromium fetched nothing foreign: {fetched}"
    assert scan_css(CSS_TRICKS[name], f"{name}.css") != []
