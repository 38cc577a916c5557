"""The handbook on a phone, on paper and at a glance (issue 15, issue 13 item 4).

These tests build the repository's own handbook (not a fixture site): the
widths, page counts and search ranks that matter are those of the real SAM
and digital-profile instruments. Every request to another origin fails the
test, as in test_browser.py (whose fixtures are reused).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pypdfium2
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.sitelib import ROOT, draaiboek
from tests.test_browser import (
    QuietHandler,
    block_other_origins,
    browser,  # noqa: F401  (a fixture, used by name)
    screenshots,  # noqa: F401  (a fixture, used by name)
)

pytestmark = pytest.mark.browser

WIDTHS = (320, 390, 1366)
SAM = "instrumenten/sam-observatie/"
PROFILE = "instrumenten/digitaal-profiel/"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's handbook, built strict and served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("handbook-layout") / "site"
    done = draaiboek(["build", "--strict", "-d", str(site)], cwd=ROOT)
    assert done.returncode == 0, done.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def hb_context(browser: Browser, handbook: tuple[Path, str]) -> Iterator[BrowserContext]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-BE")
    foreign = block_other_origins(context, handbook[1])
    yield context
    context.close()
    assert foreign == [], f"requests to other origins: {foreign}"


@pytest.fixture
def hb_page(hb_context: BrowserContext) -> Iterator[Page]:
    page = hb_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == [], f"JavaScript errors: {errors}"


def open_ready(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("form.db-instrument").first).to_have_attribute(
        "data-scorer", "ready", timeout=90_000
    )


def fill_sam(page: Page) -> None:
    """Every SAM indicator answered, levels cycling 1..4 (a realistic spread)."""
    page.evaluate(
        """() => {
            const form = document.querySelector('form.db-instrument');
            const names = [...new Set([...form.querySelectorAll('input[type=radio]')].map(i => i.name))];
            names.forEach((name, index) => {
                const options = form.querySelectorAll(`input[type=radio][name="${name}"]`);
                options[index % options.length].click();
            });
        }"""
    )


def fill_profile(page: Page) -> None:
    """Every visible question of the digital profile answered with its first option, texts typed."""
    page.evaluate(
        """() => {
            const form = document.querySelector('form.db-instrument');
            for (const item of form.querySelectorAll('[data-item]')) {
                if (item.hidden) continue;
                const radio = item.querySelector('input[type=radio]');
                if (radio) radio.click();
                const box = item.querySelector('input[type=checkbox]');
                if (box) box.click();
                const number = item.querySelector('input[type=number]');
                if (number) { number.value = '3'; number.dispatchEvent(new Event('input', {bubbles: true})); }
                const text = item.querySelector('textarea');
                if (text) {
                    text.value = 'Kan een sollicitatiemail opstellen met hulp; oefent thuis met de kinderen.';
                    text.dispatchEvent(new Event('input', {bubbles: true}));
                }
            }
        }"""
    )


# -- phones: nothing wider than the screen ------------------------------------------


def built_pages(site: Path) -> list[str]:
    pages = sorted(
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    )
    assert len(pages) > 40, pages
    return pages


def test_no_page_is_wider_than_the_screen(browser: Browser, handbook: tuple[Path, str]) -> None:  # noqa: F811
    """Each page loaded fresh at each width, as a phone or a laptop opens it.

    The scorer's runtime is not loaded: without it every conditional question
    is shown, the widest a form can be (and 150 Pyodide starts would take minutes).
    """
    site, url = handbook
    too_wide: list[str] = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-BE")
        foreign = block_other_origins(context, url)
        context.route("**/assets/draaiboek/pyodide-*/**", lambda route: route.abort())
        # Off-screen questions skip layout and clip what overflows
        # (content-visibility): lay every one out, or a too-wide question
        # below the fold would go unnoticed here.
        context.add_init_script(LAY_OUT_EVERYTHING)
        page = context.new_page()
        for path in built_pages(site):
            page.goto(f"{url}/{path}", wait_until="load")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                culprit = page.evaluate(WIDEST_ELEMENT, width)
                too_wide.append(f"{path} at {width}px: {scroll}px ({culprit})")
        context.close()
        assert foreign == []
    assert too_wide == []


LAY_OUT_EVERYTHING = """
document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = ".db-instrument .db-item, .db-result > * { content-visibility: visible !important; }";
  document.head.append(style);
});
"""


# The deepest element that reaches past the right edge: what to fix.
WIDEST_ELEMENT = """(width) => {
    let found = '';
    for (const node of document.body.querySelectorAll('*')) {
        const box = node.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0) {
            found = node.tagName.toLowerCase() + (node.className ? '.' + String(node.className).split(' ').join('.') : '');
        }
    }
    return found;
}"""


def test_a_rubric_becomes_one_card_per_indicator_on_a_phone(
    hb_page: Page, handbook: tuple[Path, str]
) -> None:
    hb_page.set_viewport_size({"width": 390, "height": 800})
    hb_page.goto(f"{handbook[1]}/{SAM}")
    first = hb_page.locator("tr.db-grid-row").first
    levels = first.locator(".db-grid-choice")
    expect(levels).to_have_count(4)
    boxes = [levels.nth(i).bounding_box() for i in range(4)]
    assert all(box is not None for box in boxes)
    # Stacked: each level below the previous one, each as wide as the card.
    tops = [box["y"] for box in boxes if box]
    assert tops == sorted(tops) and len(set(tops)) == 4
    assert all(box and box["x"] + box["width"] <= 390 for box in boxes)
    expect(hb_page.locator(".db-grid thead").first).to_be_hidden()
    # At the desk the grid stays a grid.
    hb_page.set_viewport_size({"width": 1366, "height": 900})
    boxes = [levels.nth(i).bounding_box() for i in range(4)]
    assert len({round(box["y"]) for box in boxes if box}) == 1


# -- paper -----------------------------------------------------------------------------


def open_sheet(page: Page, action: str) -> None:
    """Press a print button with the browser's dialog replaced; the sheet stays on the page."""
    page.evaluate("() => { window.print = () => {} }")
    page.click(f'[data-action="{action}"]')
    page.emulate_media(media="print")


def a4(page: Page) -> bytes:
    """The open sheet as A4 PDF (Chromium fires afterprint, which removes the sheet)."""
    return page.pdf(format="A4", print_background=True)


def print_pdf(page: Page, action: str) -> bytes:
    open_sheet(page, action)
    return a4(page)


def page_fills(pdf: bytes) -> list[float]:
    """For each page, how far down its text area the content reaches (0..1).

    Rendered in grey at a low resolution; the lowest row with ink counts.
    The 15 mm margins of the print stylesheet are left out.
    """
    document = pypdfium2.PdfDocument(pdf)
    fills: list[float] = []
    for index in range(len(document)):
        bitmap = document[index].render(scale=0.5, grayscale=True)
        pixels = bytes(bitmap.buffer)  # one byte per pixel, rows of `stride` bytes
        height, stride, width = bitmap.height, bitmap.stride, bitmap.width
        margin = round(15 / 297 * height)
        lowest = margin
        for y in range(height - margin - 1, margin, -1):
            row = pixels[y * stride : y * stride + width]
            if min(row) < 200:
                lowest = y
                break
        fills.append((lowest - margin) / (height - 2 * margin))
    document.close()
    return fills


def assert_flows(fills: list[float], most: int, what: str) -> None:
    assert 1 <= len(fills) <= most, f"{what}: {len(fills)} pages ({fills})"
    # A page is left mostly empty only when something was pushed to the next one.
    assert all(fill >= 0.25 for fill in fills[:-1]), f"{what}: a page under a quarter full: {fills}"


def test_a_filled_profile_prints_on_two_pages_at_most(
    hb_page: Page, handbook: tuple[Path, str]
) -> None:
    open_ready(hb_page, f"{handbook[1]}/{PROFILE}")
    fill_profile(hb_page)
    expect(hb_page.locator("[data-progress]")).not_to_have_text("Nog niets ingevuld.")
    assert_flows(page_fills(print_pdf(hb_page, "print")), 2, "digitaal-profiel ingevuld")


def test_a_filled_sam_prints_on_four_pages_at_most(
    hb_page: Page, handbook: tuple[Path, str]
) -> None:
    open_ready(hb_page, f"{handbook[1]}/{SAM}")
    fill_sam(hb_page)
    expect(hb_page.locator('[data-score="profiel_kern"]')).not_to_have_attribute("data-value", "")
    open_sheet(hb_page, "print")
    sheet = hb_page.locator("#db-print-sheet")
    # Lines to fill in for who, by whom and when; the starting-point note of the source.
    for label in ("Cliënt", "Assessor", "Datum van de observatie"):
        expect(sheet.locator(".db-print-meta")).to_contain_text(label)
    expect(sheet).to_contain_text("vertrekpunt")
    expect(sheet).not_to_contain_text("Nog niets ingevuld")
    assert_flows(page_fills(a4(hb_page)), 4, "SAM ingevuld")


def test_a_blank_sam_is_an_observation_sheet_of_three_pages_at_most(
    hb_page: Page, handbook: tuple[Path, str]
) -> None:
    hb_page.goto(f"{handbook[1]}/{SAM}")
    open_sheet(hb_page, "print-blank")
    sheet = hb_page.locator("#db-print-sheet")
    expect(sheet.locator(".db-print-meta")).to_contain_text("Assessor")
    expect(sheet.locator(".db-grid-row").first.locator(".db-tick")).to_have_count(4)
    assert_flows(page_fills(a4(hb_page)), 3, "SAM leeg")


def test_the_print_header_takes_the_records_metadata(
    hb_page: Page, handbook: tuple[Path, str]
) -> None:
    """The records bar (issue 12) gives label, assessor and date; the sheet prints them."""
    open_ready(hb_page, f"{handbook[1]}/{PROFILE}")
    fill_profile(hb_page)
    hb_page.evaluate(
        """() => {
            const wrap = document.querySelector('.db-instrument-wrap');
            // When the records bar is not on this page, stand in for it with its DOM hooks.
            if (!wrap.querySelector('[data-record="label"]')) {
                wrap.insertAdjacentHTML('afterbegin',
                  '<input data-record="label"><input data-record="assessor"><input type="date" data-record="date">');
            }
            wrap.querySelector('[data-record="label"]').value = 'KL-0427';
            wrap.querySelector('[data-record="assessor"]').value = 'Sofie';
            wrap.querySelector('[data-record="date"]').value = '2026-11-20';
        }"""
    )
    open_sheet(hb_page, "print")
    meta = hb_page.locator("#db-print-sheet .db-print-meta")
    expect(meta).to_contain_text("KL-0427")
    expect(meta).to_contain_text("Sofie")
    expect(meta).to_contain_text("20 november 2026")


def test_from_a_folder_the_print_says_the_result_was_not_computed(
    hb_context: BrowserContext, handbook: tuple[Path, str]
) -> None:
    page = hb_context.new_page()
    page.goto((handbook[0] / PROFILE / "index.html").as_uri())
    expect(page.locator("form.db-instrument")).to_have_attribute("data-scorer", "unavailable")
    page.locator("form.db-instrument input[type=radio]").first.check()
    open_sheet(page, "print")
    sheet = page.locator("#db-print-sheet")
    expect(sheet).to_contain_text("kon hier niet berekend worden")
    expect(sheet).not_to_contain_text("Nog niets ingevuld")


def test_screenshots_of_the_sam_on_a_phone_at_the_desk_and_on_paper(
    hb_page: Page,
    handbook: tuple[Path, str],
    screenshots: Path,  # noqa: F811
) -> None:
    """Not a check of looks: it keeps the README's pictures true to the product."""
    open_ready(hb_page, f"{handbook[1]}/{SAM}")
    fill_sam(hb_page)
    expect(hb_page.locator('[data-score="profiel_kern"]')).not_to_have_attribute("data-value", "")
    grid = hb_page.locator('[data-section="initiatief"]')
    grid.scroll_into_view_if_needed()
    hb_page.screenshot(path=str(screenshots / "sam-bureau.png"))
    hb_page.set_viewport_size({"width": 390, "height": 844})
    grid.scroll_into_view_if_needed()
    hb_page.screenshot(path=str(screenshots / "sam-telefoon.png"))
    open_sheet(hb_page, "print")
    hb_page.set_viewport_size({"width": 794, "height": 1123})
    hb_page.screenshot(path=str(screenshots / "sam-afdruk.png"))
    for name in ("sam-bureau.png", "sam-telefoon.png", "sam-afdruk.png"):
        assert (screenshots / name).stat().st_size > 10_000


def test_the_summary_stays_in_view_updates_and_never_hides_the_focus(
    hb_page: Page, handbook: tuple[Path, str]
) -> None:
    hb_page.set_viewport_size({"width": 390, "height": 700})
    open_ready(hb_page, f"{handbook[1]}/{SAM}")
    summary = hb_page.locator("[data-summary]")
    hb_page.locator('input[name="sw_helpen"]').nth(2).check()
    expect(summary.locator("[data-summary-progress]")).to_have_text("1 van 35")
    fill_sam(hb_page)
    expect(summary.locator("[data-summary-scores]")).to_contain_text("Kerncompetenties")
    # Half-way down the form, the bar is on screen.
    hb_page.locator('[data-section="flexibiliteit"]').scroll_into_view_if_needed()
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 700 and box["y"] > 350
    # Tab through a whole section: every focused element stays clear of the bar.
    hb_page.locator('input[name="fl_taak"]').first.focus()
    for _ in range(12):
        hb_page.keyboard.press("Tab")
        focused = hb_page.evaluate(
            """() => { const r = document.activeElement.getBoundingClientRect();
                       const b = document.querySelector('[data-summary]').getBoundingClientRect();
                       return document.querySelector('[data-summary]').contains(document.activeElement)
                              || r.bottom <= b.top || r.top >= b.bottom; }"""
        )
        assert focused, "the focused element is under the summary bar"


# -- search ----------------------------------------------------------------------------


def test_search_indexes_questions_not_result_panels_options_or_descriptors(
    handbook: tuple[Path, str],
) -> None:
    docs = json.loads((handbook[0] / "search" / "search_index.json").read_text())["docs"]
    text = "\n".join(doc["title"] + " " + doc["text"] for doc in docs)
    # The item texts of the SAM stay findable ...
    assert "Collega's helpen" in text or "Collega&#x27;s helpen" in text
    # ... its level descriptors, option labels, result panel and status line do not.
    assert "Helpt collega" not in text
    assert "Nog niets ingevuld" not in text
    assert "Rekenmodule wordt geladen" not in text
    assert "Naar het resultaat" not in text
    assert not [doc["location"] for doc in docs if doc["title"] == "Resultaat"]
