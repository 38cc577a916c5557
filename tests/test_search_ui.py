"""Search in the real handbook, through mkdocs-material's own search box in
Chromium: what a counsellor sees when they type a word."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.test_browser import (
    block_other_origins,
    browser,  # noqa: F401  (a fixture, used by name)
)
from tests.test_layout import handbook  # noqa: F401  (a fixture, used by name)

pytestmark = pytest.mark.browser


@contextmanager
def laptop(chromium: Browser, base_url: str) -> Iterator[tuple[BrowserContext, Page]]:
    """A page at laptop width; nothing in it may reach another origin."""
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="nl-BE")
    foreign = block_other_origins(context, base_url)
    try:
        yield context, context.new_page()
    finally:
        context.close()
    assert foreign == [], f"requests to other origins: {foreign}"


def search(page: Page, base_url: str, query: str) -> list[str]:
    """The result pages' titles, best first, searching from the home page."""
    page.goto(f"{base_url}/")
    return type_in_search(page, query)


def type_in_search(page: Page, query: str) -> list[str]:
    """The result pages' titles, best first (the page title of each result group),
    searching from the page that is open."""
    meta = page.locator(".md-search-result__meta")
    page.click("input.md-search__input")
    # Typed before the search index is loaded, a query would be ignored.
    expect(meta).to_contain_text("Typ om te beginnen", timeout=60_000)
    page.keyboard.type(query)
    expect(meta).to_contain_text("overeenkomend")
    return page.locator(".md-search-result__item > .md-search-result__link h1").all_text_contents()


def test_sam_finds_the_sam_pages_first_and_resultaat_no_result_panel(
    browser: Browser,  # noqa: F811
    handbook: tuple[Path, str],  # noqa: F811
) -> None:
    with laptop(browser, handbook[1]) as (_, page):
        titles = search(page, handbook[1], "SAM")
        # The instrument and the page about it, before any page that only mentions it.
        assert set(titles[:2]) == {
            "SAM-schaal — observatie van het competentieprofiel",
            "Assessment, competenties en de SAM-schaal",
        }, titles
        # Every section heading that matches: none of them is an instrument's result panel.
        search(page, handbook[1], "Resultaat")
        sections = page.locator(".md-search-result__item h2").all_text_contents()
        assert "Resultaat" not in [s.strip() for s in sections], sections


SEARCH_WORKER_FETCHED = """() => performance.getEntriesByType("resource")
    .filter((entry) => entry.name.includes("/workers/search."))
    .map((entry) => entry.startTime)"""


def test_on_a_form_page_search_waits_for_the_first_result_and_then_works(
    browser: Browser,  # noqa: F811
    handbook: tuple[Path, str],  # noqa: F811
) -> None:
    with laptop(browser, handbook[1]) as (_, page):
        page.goto(f"{handbook[1]}/instrumenten/sam-observatie/")
        page.wait_for_function(
            "performance.getEntriesByName('draaiboek:result').length > 0", timeout=60_000
        )
        result = page.evaluate("performance.getEntriesByName('draaiboek:result')[0].startTime")
        page.wait_for_function(f"({SEARCH_WORKER_FETCHED})().length > 0")
        (fetched,) = page.evaluate(SEARCH_WORKER_FETCHED)
        assert fetched >= result, (fetched, result)
        assert "SAM-schaal — observatie van het competentieprofiel" in type_in_search(page, "SAM")


def test_search_starts_at_once_when_the_scorer_cannot_start(
    browser: Browser,  # noqa: F811
    handbook: tuple[Path, str],  # noqa: F811
) -> None:
    with laptop(browser, handbook[1]) as (context, page):
        context.route("**/assets/draaiboek/pyodide-*/**", lambda route: route.abort())
        page.goto(f"{handbook[1]}/instrumenten/sam-observatie/")
        expect(page.locator("form.db-instrument")).to_have_attribute(
            "data-scorer", "unavailable", timeout=60_000
        )
        expect(page.locator("[data-status-text]")).to_contain_text("konden niet geladen worden")
        # Well before the 8 s fallback: the failed start released it.
        page.wait_for_function(f"({SEARCH_WORKER_FETCHED})().length > 0", timeout=5_000)
        assert "Werkgeversbenadering en jobhunting" in type_in_search(page, "werkgever")
