# The browser fixtures come from test_browser (imported by name): pytest passes
# them as arguments of the same names, which ruff reads as redefinitions.
# ruff: noqa: F811
"""The group page `instrumenten/<id>/groep/` in headless Chromium.

A trainer loads the answer files of a workshop at once (twelve envelopes, or
one bundle) and sees the anonymous group overview; with two files nothing but
the count. No label, assessor or free text of a file ever reaches the page.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from draaiboek_scoring.group import group
from tests.test_browser import (  # noqa: F401  (fixtures shared with the other browser tests)
    AXE,
    axe_violations,
    base_url,
    browser,
    context,
    page,
    served,
    site,
)

pytestmark = pytest.mark.browser

IMPORT = 'input[type=file][multiple][data-action="group-import"]'
SECRET = "Geheime Naam"
# The QR decoder's script, under its own name or a content-addressed one.
DECODER = re.compile(r"/qrdecode(\.[0-9a-f]+)?\.js$")


def envelope(number: int) -> dict[str, object]:
    return {
        "format": "draaiboek-answers/1",
        "instrument": "volledig",
        "version": 3,
        "answers": {
            "internet_thuis": ["ja", "nee"][number % 2],
            "email": ["zelf", "hulp", "niet"][number % 3],
            "uren": number,
            "notities": f"{SECRET} {number}",
        },
        "meta": {"label": f"{SECRET}-label-{number}", "assessor": f"{SECRET} coach"},
    }


def write(tmp_path: Path, records: list[dict[str, object]]) -> list[str]:
    paths = []
    for number, record in enumerate(records):
        path = tmp_path / f"deelnemer-{number}.json"
        path.write_text(json.dumps(record))
        paths.append(str(path))
    return paths


def open_group(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/instrumenten/volledig/groep/")
    expect(page.locator("[data-group]")).to_have_attribute("data-mounted", "")


def expected(site: Path, records: list[dict[str, object]]) -> dict[str, object]:
    """The overview as the CLI computes it, from the definition the site ships."""
    definition = json.loads(next((site / "assets").rglob("volledig*.json")).read_text())
    return group(definition, records)


def test_twelve_files_at_once_give_the_anonymous_overview_the_cli_gives(
    page: Page, base_url: str, site: Path, tmp_path: Path
) -> None:
    records = [envelope(n) for n in range(12)]
    open_group(page, base_url)
    page.set_input_files(IMPORT, write(tmp_path, records))
    expect(page.locator("[data-group-n]")).to_have_attribute("data-value", "12", timeout=60_000)
    expect(page.locator("[data-group-suppressed]")).to_have_count(0)
    want = expected(site, records)
    scores = want["scores"]
    assert isinstance(scores, dict) and scores
    for score_id, figures in scores.items():
        block = page.locator(f'[data-group-score="{score_id}"]')
        for key in ("mean", "median", "min", "max"):
            assert json.loads(block.get_attribute(f"data-{key}") or "") == figures[key]
    counts = want["items"]["internet_thuis"]["counts"]  # type: ignore[index]
    for value, count in counts.items():
        row = page.locator(f'[data-group-item="internet_thuis"] [data-count-key="{value}"]')
        expect(row).to_have_attribute("data-count", str(count))
    # Bands by the labels the definition gives them, not by their ids.
    bands = page.locator('[data-group-score="middelen"] [data-count-key] th')
    expect(bands).not_to_have_count(0)
    labels = {"laag": "Laag", "midden": "Midden", "hoog": "Hoog"}
    for row in page.locator('[data-group-score="middelen"] [data-count-key]').all():
        expect(row.locator("th")).to_have_text(labels[row.get_attribute("data-count-key") or ""])
    # A flag has no title: its message (Markdown marks removed) names it.
    expect(page.locator('[data-group-flags] [data-count-key="geen_middelen"] th')).to_have_text(
        "Wijs op plaatsen met gratis internet."
    )
    # Anonymous: nothing a participant or coach typed reaches the page.
    expect(page.locator("main")).not_to_contain_text(SECRET)
    expect(page.locator('[data-group-item="notities"]')).to_have_count(0)
    assert axe_violations(page) == []


def test_two_files_show_only_the_count(page: Page, base_url: str, tmp_path: Path) -> None:
    open_group(page, base_url)
    page.set_input_files(IMPORT, write(tmp_path, [envelope(1), envelope(2)]))
    expect(page.locator("[data-group-n]")).to_have_attribute("data-value", "2", timeout=60_000)
    expect(page.locator("[data-group-suppressed]")).to_be_visible()
    expect(page.locator("[data-group-score]")).to_have_count(0)
    expect(page.locator("[data-group-item]")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text(SECRET)
    # One more file (loaded later) lifts the suppression: files add up.
    later = tmp_path / "later"
    later.mkdir()
    page.set_input_files(IMPORT, write(later, [envelope(3)]))
    expect(page.locator("[data-group-n]")).to_have_attribute("data-value", "3")
    expect(page.locator("[data-group-suppressed]")).to_have_count(0)
    expect(page.locator("[data-group-score]").first).to_be_visible()


def test_a_bundle_counts_each_record_and_other_files_are_reported(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    bundle = {"format": "draaiboek-bundle/1", "records": [envelope(n) for n in range(4)]}
    other = dict(envelope(9), instrument="iets-anders")
    (tmp_path / "kapot.json").write_text("{niet json")
    paths = [*write(tmp_path, [bundle, other]), str(tmp_path / "kapot.json")]
    open_group(page, base_url)
    page.set_input_files(IMPORT, paths)
    expect(page.locator("[data-group-n]")).to_have_attribute("data-value", "4", timeout=60_000)
    expect(page.locator("[data-group-status]")).to_contain_text("2 bestanden")
    page.get_by_role("button", name="Alle geladen antwoorden wissen").click()
    expect(page.locator("[data-group-n]")).to_have_count(0)
    expect(page.locator("[data-group-status]")).to_have_text("Nog geen antwoorden geladen.")


def test_projection_shows_one_part_at_a_time_and_follows_the_remote_keys(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    open_group(page, base_url)
    page.set_input_files(IMPORT, write(tmp_path, [envelope(n) for n in range(5)]))
    expect(page.locator("[data-group-score]").first).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Presenteren").click()
    position = page.locator("[data-present-position]")
    total = page.locator("[data-present-slide]").count()
    expect(position).to_have_text(f"Deel 1 van {total}")
    expect(page.locator("[data-group-n]")).to_be_visible()
    expect(page.locator("[data-group-score]").first).to_be_hidden()
    expect(page.locator("header.md-header")).to_be_hidden()
    page.keyboard.press("PageDown")
    expect(position).to_have_text(f"Deel 2 van {total}")
    expect(page.locator("[data-group-n]")).to_be_hidden()
    expect(page.locator("[data-group-score]").first).to_be_visible()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    expect(position).to_have_text(f"Deel 1 van {total}")
    page.keyboard.press("End")
    expect(position).to_have_text(f"Deel {total} van {total}")
    expect(page.locator("[data-group-item]").last).to_be_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    expect(page.locator("[data-present-bar]")).to_have_count(0)
    expect(page.locator("[data-present-off]")).to_have_count(0)
    expect(page.locator("header.md-header")).to_be_visible()
    expect(page.get_by_role("button", name="Presenteren")).to_be_focused()


def test_projection_of_a_form_keeps_its_answers(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/instrumenten/volledig/")
    expect(page.locator("form.db-instrument")).to_have_attribute("data-mounted", "")
    page.get_by_role("button", name="Presenteren").click()
    expect(page.locator('fieldset[data-section="basis"]')).to_be_visible()
    expect(page.locator("[data-result]")).to_be_hidden()
    page.check('input[name="internet_thuis"][value="ja"]')
    page.keyboard.press("PageDown")
    expect(page.locator('fieldset[data-section="basis"]')).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(page.locator("[data-result]")).to_be_visible()


def qr_images(page: Page, folder: Path) -> list[str]:
    """The QR codes the form shows, as PNG files with exactly the pixels it drew.

    Not element screenshots: a screenshot taken right after scrolling a canvas
    into view can catch it before Chromium has painted it (a blank white
    image, seen under load), which made this test fail now and then.
    """
    urls = page.locator("[data-qr-codes] canvas").evaluate_all(
        "canvases => canvases.map(canvas => canvas.toDataURL('image/png'))"
    )
    paths = []
    for index, url in enumerate(urls):
        path = folder / f"qr-{index}.png"
        path.write_bytes(base64.b64decode(url.split(",", 1)[1]))
        paths.append(str(path))
    return paths


def test_qr_codes_from_a_form_are_read_on_the_group_page_in_any_order(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    decoder_requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            decoder_requests.append(request.url) if DECODER.search(request.url) else None
        ),
    )
    page.goto(f"{base_url}/instrumenten/volledig/")
    expect(page.locator("form.db-instrument")).to_have_attribute("data-mounted", "")
    page.fill('input[data-record="label"]', SECRET)
    page.check('input[name="internet_thuis"][value="nee"]')
    # A long free text spreads the answers over several codes.
    page.fill('textarea[name="notities"]', "lang verhaal " * 90)
    page.get_by_role("button", name="Antwoorden als QR-code tonen").click()
    images = qr_images(page, tmp_path)
    count = len(images)
    assert count >= 2
    # The form encodes; only the group page ever loads the decoder.
    assert decoder_requests == []

    open_group(page, base_url)
    assert decoder_requests == []
    qr_input = 'input[type=file][data-action="group-qr-image"]'
    qr_status = page.locator("[data-qr-status]")
    page.set_input_files(qr_input, images[-1])
    expect(qr_status).to_have_attribute("data-qr-missing", str(count - 1))
    expect(qr_status).to_contain_text(f"Nog {count - 1}")
    assert len(decoder_requests) == 1
    page.set_input_files(qr_input, images[-1])
    expect(qr_status).to_have_text("Deze QR-code was al gelezen.")
    page.set_input_files(qr_input, list(reversed(images[:-1])))
    expect(page.locator("[data-group-n]")).to_have_attribute("data-value", "1", timeout=60_000)
    expect(page.locator("[data-group-suppressed]")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(SECRET)
    assert len(decoder_requests) == 1
    # Without a secure context the camera is off and the page says so; here
    # (http on 127.0.0.1 is secure) the button is there to use.
    expect(page.get_by_role("button", name="QR-codes scannen met de camera")).to_be_enabled()
    assert axe_violations(page) == []


def test_an_image_without_a_code_among_several_is_reported(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.goto(f"{base_url}/instrumenten/volledig/")
    expect(page.locator("form.db-instrument")).to_have_attribute("data-mounted", "")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.get_by_role("button", name="Antwoorden als QR-code tonen").click()
    [code] = qr_images(page, tmp_path)
    blank = page.evaluate(
        "() => { const c = document.createElement('canvas'); c.width = c.height = 200;"
        " const x = c.getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, 200, 200);"
        " return c.toDataURL('image/png'); }"
    )
    (tmp_path / "leeg.png").write_bytes(base64.b64decode(blank.split(",", 1)[1]))
    open_group(page, base_url)
    page.set_input_files(
        'input[type=file][data-action="group-qr-image"]', [str(tmp_path / "leeg.png"), code]
    )
    status = page.locator("[data-qr-status]")
    expect(status).to_contain_text("de antwoorden zijn toegevoegd")
    expect(status).to_contain_text("1 afbeelding zonder leesbare QR-code")


def test_a_decoder_that_cannot_be_loaded_is_reported_and_files_still_work(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.route(DECODER, lambda route: route.abort())
    open_group(page, base_url)
    (tmp_path / "code.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    page.set_input_files(
        'input[type=file][data-action="group-qr-image"]', str(tmp_path / "code.png")
    )
    expect(page.locator("[data-qr-status]")).to_contain_text("De QR-lezer kon niet geladen worden")
    page.set_input_files(IMPORT, write(tmp_path, [envelope(n) for n in range(3)]))
    expect(page.locator("[data-group-n]")).to_have_attribute("data-value", "3", timeout=60_000)


def axe_wcag22_violations(page: Page) -> list[dict[str, object]]:
    """Every axe violation under WCAG 2.2 AA, whatever its impact."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})"""
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [390, 1366])
def test_the_group_page_and_its_projection_use_the_width_and_pass_wcag22(
    page: Page, base_url: str, tmp_path: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    open_group(page, base_url)
    page.set_input_files(IMPORT, write(tmp_path, [envelope(n) for n in range(5)]))
    expect(page.locator("[data-group-score]").first).to_be_visible(timeout=60_000)
    assert axe_wcag22_violations(page) == []
    page.get_by_role("button", name="Presenteren").click()
    page.keyboard.press("PageDown")
    shown = page.locator("[data-present-current]")
    expect(shown.locator("[data-group-score]").first).to_be_visible()
    # Material's nested side margins are gone: the part spans the screen but
    # for a narrow edge (at most 3 % of the width, or half a line at 390 px).
    box = shown.bounding_box()
    assert box is not None
    edge = max(0.035 * width, 0.5 * 32 + 1)
    assert box["x"] <= edge and box["x"] + box["width"] >= width - edge, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_wcag22_violations(page) == []
