"""The werkmap page of the real handbook: tick instruments, print them blank in one go."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.test_browser import (
    block_other_origins,
    browser,  # noqa: F401  (a fixture, used by name)
)
from tests.test_layout import handbook  # noqa: F401  (a fixture, used by name)

pytestmark = pytest.mark.browser


def test_two_ticked_instruments_print_blank_on_one_sheet(
    browser: Browser,  # noqa: F811
    handbook: tuple[Path, str],  # noqa: F811
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="nl-BE")
    foreign = block_other_origins(context, handbook[1])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{handbook[1]}/werkmap/")
    choices = page.locator(".db-werkmap-choice")
    expect(choices.first).to_be_visible()
    # Every instrument of the overview is offered.
    overview = handbook[0] / "instrumenten"
    assert choices.count() == len([p for p in overview.iterdir() if (p / "index.html").exists()])
    page.evaluate("() => { window.print = () => {} }")
    button = page.get_by_role("button", name="Aangeduide instrumenten leeg afdrukken")
    button.click()
    expect(page.locator(".db-werkmap-message")).to_have_text(
        "Duid eerst minstens één instrument aan."
    )
    page.get_by_label("SAM-schaal — observatie van het competentieprofiel").check()
    page.get_by_label("STARR-interview — verhalen en competenties").check()
    button.click()
    sheets = page.locator("#db-print-sheet .db-print-blank")
    expect(sheets).to_have_count(2)
    expect(sheets.locator("h1")).to_have_text(
        [
            "SAM-schaal — observatie van het competentieprofiel",
            "STARR-interview — verhalen en competenties",
        ]
    )
    # Blank: nothing ticked, the rubric as tick boxes.
    expect(sheets.nth(0).locator(".db-tick").first).to_be_attached()
    assert sheets.locator("input:checked").count() == 0
    page.emulate_media(media="print")
    expect(sheets.nth(1)).to_be_visible()
    expect(page.locator(".db-werkmap")).to_be_hidden()
    context.close()
    assert foreign == [], f"requests to other origins: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"
