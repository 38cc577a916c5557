"""Profile charts on the real SAM: a baseline at the scale's minimum, named
ticks, a title, readable text on a phone, each score shown once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.test_browser import (
    block_other_origins,
    browser,  # noqa: F401  (a fixture, used by name)
)
from tests.test_layout import (
    SAM,
    handbook,  # noqa: F401  (a fixture, used by name)
    open_ready,
)

pytestmark = pytest.mark.browser


@pytest.fixture(params=[390, 1366])
def sam(
    browser: Browser,  # noqa: F811
    handbook: tuple[Path, str],  # noqa: F811
    request: pytest.FixtureRequest,
) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(
        viewport={"width": request.param, "height": 900}, locale="nl-BE"
    )
    foreign = block_other_origins(context, handbook[1])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_ready(page, f"{handbook[1]}/{SAM}")
    yield page
    context.close()
    assert foreign == [], f"requests to other origins: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


def choose(page: Page, level: str) -> None:
    """Answer every indicator of 'Samenwerken' with one level (by its value)."""
    page.evaluate(
        """([level]) => {
            const section = document.querySelector('[data-section="samenwerken"]');
            for (const input of section.querySelectorAll(`input[type=radio][value="${level}"]`)) input.click();
        }""",
        [level],
    )


def test_a_chart_has_a_title_a_short_description_and_named_ticks(sam: Page) -> None:
    chart = sam.locator('[data-chart="kerncompetenties"]')
    expect(chart.locator("figcaption")).to_have_text("Kerncompetenties")
    expect(chart.locator(".db-chart-scale")).to_have_text(
        "Schaal van 1 (onvoldoende) tot 4 (zeer goed)."
    )
    expect(chart.locator(".db-chart-tick")).to_have_text(
        ["Onvoldoende", "Matig", "Goed", "Zeer goed"]
    )
    assert chart.get_attribute("aria-describedby") == chart.locator(
        ".db-chart-scale"
    ).get_attribute("id")
    # The long "Grafiek: a, b, c…" caption is gone.
    assert "Grafiek:" not in (chart.text_content() or "")


def test_the_minimum_is_the_baseline_and_the_axis_names_it(sam: Page) -> None:
    choose(sam, "1")
    row = sam.locator('[data-chart-row="c_samenwerken"]')
    # The value, then the competency level's band (SAM: a level per competency).
    expect(row.locator(".db-chart-value")).to_have_text("1,0 · Onvoldoende")
    bar = row.locator(".db-chart-bar")
    track = row.locator(".db-chart-track")
    assert bar.bounding_box()["width"] == 0  # type: ignore[index]
    # The baseline is drawn (a solid left edge) and the first tick sits on it.
    assert float(track.evaluate("t => parseFloat(getComputedStyle(t).borderLeftWidth)")) >= 2
    tick = sam.locator('[data-chart="kerncompetenties"] .db-chart-tick').first
    assert abs(tick.bounding_box()["x"] - track.bounding_box()["x"]) < 4  # type: ignore[index]
    choose(sam, "3")
    expect(row.locator(".db-chart-value")).to_have_text(re.compile(r"^3,0( · .+)?$"))
    share = bar.bounding_box()["width"] / track.bounding_box()["width"]  # type: ignore[index]
    assert 0.6 < share < 0.7  # (3 - 1) / (4 - 1)


def test_each_charted_score_appears_once_and_text_is_readable(sam: Page) -> None:
    choose(sam, "2")
    result = sam.locator("[data-result]")
    expect(result.get_by_text("Samenwerken:", exact=True)).to_be_hidden()
    expect(result.locator('[data-chart-row="c_samenwerken"]')).to_be_visible()
    expect(result.locator('[data-chart-row="c_samenwerken"] .db-chart-value')).to_have_text(
        re.compile(r"^2,0( · .+)?$")
    )
    sizes = result.locator(".db-chart").first.evaluate(
        """chart => [...chart.querySelectorAll('.db-chart-label, .db-chart-value, .db-chart-tick')]
            .map(node => parseFloat(getComputedStyle(node).fontSize))"""
    )
    assert min(sizes) >= 12
