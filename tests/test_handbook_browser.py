"""The handbook's reworked instruments in headless Chromium, as a counsellor fills them.

Reuses the browser, context and page fixtures of ``test_browser`` (any request
to another origin fails the test); only the site differs: the repository's own
handbook instead of the test site.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from tests.sitelib import ROOT, draaiboek
from tests.test_browser import QuietHandler, browser, context, open_form, page

__all__ = ["browser", "context", "page"]  # fixtures used by name below

OWN_LABEL = "Eigen aanvulling van het handboek"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("handbook-browser") / "site"
    done = draaiboek(["build", "-d", str(site)], cwd=ROOT)
    assert done.returncode == 0, done.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def visible_outcomes(page: Page) -> list[str]:
    return [
        node.get_attribute("data-outcome") or ""
        for node in page.locator("[data-outcome]").all()
        if node.is_visible()
    ]


def test_the_digital_profile_waits_then_never_calls_a_capable_client_illiterate(
    page: Page, base_url: str
) -> None:
    open_form(page, f"{base_url}/instrumenten/digitaal-profiel/")
    page.check('input[name="gebruik_zelfstandig"][value="hulp"]')
    expect(page.locator('[data-score="vaardigheid"]')).to_have_attribute("data-value", "1")
    # One answer: a provisional score, but no proposal yet.
    assert visible_outcomes(page) == []
    for name, value in [
        ("heeft_email", "nee"),
        ("gebruik_zelfstandig", "zelf"),
        ("internet_thuis", "ja"),
        ("vdab_website", "zelf"),
        ("mijn_loopbaan", "zelf"),
    ]:
        page.check(f'input[name="{name}"][value="{value}"]')
    proposal = page.locator('[data-outcome="nog_geen_email"]')
    expect(proposal).to_be_visible()
    expect(proposal).to_contain_text(OWN_LABEL)
    assert visible_outcomes(page) == ["nog_geen_email"]
    expect(page.locator('[data-band-for="vaardigheid"]')).to_have_text("Lukt helemaal zelf")


def test_the_printed_sam_keeps_the_caveat_and_the_labels(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/sam-observatie/")
    for row in page.locator("tr[data-item]").all():
        item = row.get_attribute("data-item") or ""
        row.locator(f'input[value="{1 if item.startswith("mo_") else 4}"]').check()
    expect(page.locator('[data-flag="kern_onvoldoende"]')).to_be_visible()
    page.evaluate("() => { window.print = () => {} }")
    page.click('[data-action="print"]')
    sheet = page.locator("#db-print-sheet")
    expect(sheet).to_contain_text("vertrekpunt")
    expect(sheet).to_contain_text(OWN_LABEL)
    expect(sheet).to_contain_text("onderdelen: Samenwerken")
    expect(sheet).to_contain_text("Minstens één kerncompetentie is onvoldoende")
