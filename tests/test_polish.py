"""Smaller points of issue 15 on the real handbook: the overview's tag filter,
the home page's cards, quiet "Meer uitleg", FAQ metadata set apart, 24 px
targets in the sidebar, and axe-core with the WCAG 2.2 rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.test_browser import (
    AXE,
    block_other_origins,
    browser,  # noqa: F401  (a fixture, used by name)
)
from tests.test_layout import PROFILE, SAM, fill_sam, handbook, open_ready  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser, handbook: tuple[Path, str]) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-BE")
    foreign = block_other_origins(context, handbook[1])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert foreign == [], f"requests to other origins: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


def test_the_overview_filters_by_tag(page: Page, handbook: tuple[Path, str]) -> None:  # noqa: F811
    page.goto(f"{handbook[1]}/instrumenten/")
    entries = page.locator(".db-overview-entry")
    total = entries.count()
    assert total >= 10
    page.get_by_role("button", name="assessment", exact=True).click()
    visible = page.locator(".db-overview-entry:visible")
    expect(visible).not_to_have_count(total)
    assert visible.count() >= 1
    for tags in visible.evaluate_all("nodes => nodes.map(n => n.dataset.tags.split('|'))"):
        assert "assessment" in tags
    expect(page.get_by_role("button", name="assessment", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("[data-tag-count]")).to_contain_text("met trefwoord 'assessment'")
    page.get_by_role("button", name="Alle", exact=True).click()
    expect(page.locator(".db-overview-entry:visible")).to_have_count(total)


def test_the_home_cards_fill_their_grid(page: Page, handbook: tuple[Path, str]) -> None:  # noqa: F811
    page.goto(f"{handbook[1]}/")
    boxes = page.locator(".grid.cards > ul > li").evaluate_all(
        "nodes => nodes.map(n => n.getBoundingClientRect()).map(r => [Math.round(r.x), Math.round(r.y)])"
    )
    columns = len({x for x, _ in boxes})
    assert columns >= 2 and len(boxes) % columns == 0, boxes


def test_help_is_quieter_than_the_question_and_targets_are_24px(
    page: Page,
    handbook: tuple[Path, str],  # noqa: F811
) -> None:
    page.goto(f"{handbook[1]}/{PROFILE}")
    item = page.locator('[data-item="weerstand"]')
    summary = item.locator(".db-help > summary")
    question = item.locator(".db-item-text")
    size = lambda loc: float(loc.evaluate("n => parseFloat(getComputedStyle(n).fontSize)"))  # noqa: E731
    assert size(summary) < size(question)
    assert summary.bounding_box()["height"] >= 24  # type: ignore[index]
    heights = page.locator(".md-sidebar--primary .md-nav__link:visible").evaluate_all(
        "nodes => nodes.map(n => n.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 24, min(heights)


def test_faq_see_also_and_keywords_are_set_apart(page: Page, handbook: tuple[Path, str]) -> None:  # noqa: F811
    page.goto(f"{handbook[1]}/faq/faq-digitaal/")
    meta = page.locator(".db-faq-meta").first
    expect(meta.locator("p")).to_have_count(2)
    expect(meta.locator("p").nth(0)).to_contain_text("Zie ook:")
    expect(meta.locator("p").nth(1)).to_contain_text("Trefwoorden:")
    assert meta.evaluate("n => parseFloat(getComputedStyle(n).borderTopWidth)") >= 1


@pytest.mark.parametrize(
    "path", ["", "instrumenten/", SAM, "faq/faq-digitaal/", "werkmap/", "doorstroom/assessment/"]
)
def test_main_page_types_pass_axe_with_wcag22(
    page: Page,
    handbook: tuple[Path, str],  # noqa: F811
    path: str,
) -> None:
    if path == SAM:
        open_ready(page, f"{handbook[1]}/{path}")
        fill_sam(page)
        expect(page.locator('[data-chart-row="c_samenwerken"] .db-chart-value')).not_to_have_text(
            "–"
        )
    else:
        page.goto(f"{handbook[1]}/{path}")
    if path == "werkmap/":
        expect(page.locator(".db-werkmap-choice").first).to_be_visible()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})"""
    )
    serious = [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
