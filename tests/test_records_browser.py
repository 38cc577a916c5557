# The browser fixtures come from test_browser (imported by name): pytest passes
# them as arguments of the same names, which ruff reads as redefinitions.
# ruff: noqa: F811
"""Records on the device, two tabs and full storage, in headless Chromium.

What a counsellor with many clients does: several records per instrument,
switching, a new measurement as a copy, delete and undo, every record as one
bundle into another profile; two tabs on one record; storage that is full or
holds a damaged record; answers over the scorer's limits.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.sitelib import FIXTURES, build_site, write_site
from tests.test_browser import (  # noqa: F401  (fixtures shared with the other browser tests)
    QuietHandler,
    axe_violations,
    base_url,
    block_other_origins,
    browser,
    context,
    open_form,
    page,
    site,
)

pytestmark = pytest.mark.browser

VOLLEDIG = "draaiboek:test:volledig:v3"
RECORD = 'select[data-action="record"]'
LABEL = 'input[data-record="label"]'
DATE = 'input[type=date][data-record="date"]'

# A table column named like a property every object has.
# Fill localStorage until it takes nothing more, leaving `spare` bytes' worth free.
FILL_STORAGE = """(spare) => {
    let i = 0;
    for (const size of [1 << 20, 1 << 14, 1 << 10, 16]) {
        const chunk = "x".repeat(size);
        try { for (;;) localStorage.setItem("vol:" + i++, chunk); } catch {}
    }
    if (spare) localStorage.removeItem("vol:" + [...Array(i).keys()].reverse().find(
        (n) => (localStorage.getItem("vol:" + n) || "").length >= spare));
    return i;
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("records-site")
    site = root / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_address[1]}"
    write_site(
        root,
        definitions={
            "tweede.yaml": (FIXTURES / "site" / "tweede.yaml").read_text(),
        },
        site_url=url + "/",
    )
    build_site(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, url
    server.shutdown()
    server.server_close()


def mounted(page: Page, url: str) -> None:
    """The form is usable (answers restored); the scorer may still be loading."""
    page.goto(url)
    expect(page.locator("form.db-instrument")).to_have_attribute("data-mounted", "")


def stored(page: Page, key: str) -> dict[str, object] | None:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(key)})")
    return None if raw is None else json.loads(raw)


def record_keys(page: Page) -> list[str]:
    keys: list[str] = page.evaluate("Object.keys(localStorage)")
    return sorted(k for k in keys if re.fullmatch(re.escape(VOLLEDIG) + r"(:r:[a-z0-9]+)?", k))


def test_records_switch_duplicate_delete_and_undo_and_an_old_record_is_kept(
    page: Page, base_url: str
) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    page.goto(url)
    # The one record a page saved before records existed.
    legacy = {
        "format": "draaiboek-answers/1",
        "instrument": "volledig",
        "version": 3,
        "answers": {"internet_thuis": "ja"},
        "meta": {"saved_at": "2026-11-01T09:00:00Z"},
    }
    page.evaluate(f"localStorage.setItem('{VOLLEDIG}', {json.dumps(json.dumps(legacy))})")
    mounted(page, url)
    select = page.locator(RECORD)
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(select.locator("option")).to_have_text(["Zonder label"])
    page.fill(LABEL, "CL-0001")

    page.click('[data-action="new-record"]')
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)
    expect(page.locator(LABEL)).to_have_value("")
    page.fill(LABEL, "CL-0002")
    page.check('input[name="internet_thuis"][value="nee"]')
    expect(select.locator("option")).to_have_count(2)

    select.select_option(label="CL-0001")
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(page.locator(LABEL)).to_have_value("CL-0001")

    page.click('[data-action="duplicate-record"]')
    today = date.today().isoformat()
    expect(select.locator("option")).to_have_count(3)
    expect(page.locator(DATE)).to_have_value(today)
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    assert len(record_keys(page)) == 3

    page.click('[data-action="delete-record"]')
    expect(select.locator("option")).to_have_count(2)
    assert len(record_keys(page)) == 2
    notice = page.locator('[data-notice="info"]', has_text="is verwijderd")
    notice.get_by_role("button", name="Ongedaan maken").click()
    expect(select.locator("option")).to_have_count(3)
    expect(page.locator(DATE)).to_have_value(today)
    assert len(record_keys(page)) == 3

    # A reload opens the record this tab showed; the old record kept its key.
    page.reload()
    expect(page.locator(DATE)).to_have_value(today)
    old = stored(page, VOLLEDIG)
    assert old is not None
    assert old["answers"] == {"internet_thuis": "ja"}
    assert old["meta"]["label"] == "CL-0001"  # type: ignore[index]
    assert "date" not in old["meta"]  # type: ignore[operator]


def test_every_record_travels_as_one_bundle_into_a_fresh_profile(
    page: Page, browser: Browser, base_url: str, tmp_path: Path
) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    mounted(page, url)
    page.fill(LABEL, "A-1")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.click('[data-action="new-record"]')
    page.fill(LABEL, "B-2")
    page.fill(DATE, "2026-10-01")
    page.check('input[name="internet_thuis"][value="nee"]')
    with page.expect_download() as download:
        page.click('[data-action="export"]')
    assert download.value.suggested_filename == "volledig-b-2-2026-10-01.json"
    with page.expect_download() as download:
        page.click('[data-action="export-all"]')
    name = download.value.suggested_filename
    assert re.fullmatch(r"test-alle-gegevens-\d{4}-\d{2}-\d{2}\.json", name)
    bundle_path = tmp_path / name
    download.value.save_as(bundle_path)
    bundle = json.loads(bundle_path.read_text())
    assert bundle["format"] == "draaiboek-bundle/1"
    assert sorted(r["meta"]["label"] for r in bundle["records"]) == ["A-1", "B-2"]

    fresh = browser.new_context(locale="nl-BE")
    foreign = block_other_origins(fresh, base_url)
    other = fresh.new_page()
    other.on("dialog", lambda dialog: dialog.accept())
    mounted(other, url)
    other.set_input_files('input[data-action="import"]', str(bundle_path))
    expect(other.locator('[data-notice="info"]').last).to_contain_text("2 metingen toegevoegd")
    other.set_input_files('input[data-action="import"]', str(bundle_path))
    expect(other.locator('[data-notice="info"]').last).to_contain_text(
        "0 metingen toegevoegd, 2 al aanwezig"
    )
    other.locator(RECORD).select_option(label="B-2 · 2026-10-01")
    expect(other.locator('input[name="internet_thuis"][value="nee"]')).to_be_checked()
    expect(other.locator(LABEL)).to_have_value("B-2")
    fresh.close()
    assert foreign == []


def test_two_tabs_on_one_record_share_changes_and_never_lose_answers(
    context: BrowserContext, base_url: str
) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    first, second = context.new_page(), context.new_page()
    errors: list[str] = []
    for tab in (first, second):
        tab.on("pageerror", lambda error: errors.append(str(error)))
    # Lets the test make the second tab miss the browser's news (as a busy tab can).
    second.add_init_script(
        "window.addEventListener('storage', (event) => {"
        " if (window.holdStorageEvents) event.stopImmediatePropagation(); }, true);"
    )
    mounted(first, url)
    mounted(second, url)

    first.check('input[name="internet_thuis"][value="ja"]')
    expect(second.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    second.fill(LABEL, "CL-7")
    expect(first.locator(LABEL)).to_have_value("CL-7")

    second.evaluate("window.holdStorageEvents = true")
    first.check('input[name="email"][value="zelf"]')
    second.check('input[name="internet_thuis"][value="nee"]')
    expect(second.locator('[data-notice="warning"]')).to_contain_text("ander tabblad")
    expect(second.locator(LABEL)).to_have_value("CL-7 (ander tabblad)")

    keys = record_keys(first)
    assert len(keys) == 2
    records = {k: stored(first, k) for k in keys}
    assert records[VOLLEDIG]["answers"] == {"internet_thuis": "ja", "email": "zelf"}  # type: ignore[index]
    (split_key,) = [k for k in keys if k != VOLLEDIG]
    assert records[split_key]["answers"] == {"internet_thuis": "nee"}  # type: ignore[index]
    expect(first.locator(RECORD).locator("option")).to_have_count(2)
    assert errors == []


def test_full_storage_restores_read_only_with_one_calm_notice(page: Page, base_url: str) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    mounted(page, url)
    page.fill(LABEL, "CL-9")
    page.check('input[name="internet_thuis"][value="ja"]')
    before = stored(page, VOLLEDIG)
    page.evaluate(FILL_STORAGE, 0)

    mounted(page, url)
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(page.locator(LABEL)).to_have_value("CL-9")
    expect(page.locator("[data-notice]")).not_to_contain_text(["uit of geblokkeerd"])
    page.check('input[name="internet_thuis"][value="nee"]')
    page.check('input[name="email"][value="zelf"]')
    page.fill('textarea[name="notities"]', "een")
    page.type('textarea[name="notities"]', " twee drie")
    full = page.locator("[data-notice]", has_text="opslag van deze browser is vol")
    expect(full).to_have_count(1)
    # What could not be written is not: the stored record is the last one that fitted.
    after = stored(page, VOLLEDIG)
    assert after is not None and before is not None
    assert "notities" not in after["answers"]  # type: ignore[operator]
    assert after["meta"] == before["meta"] | {"saved_at": after["meta"]["saved_at"]}  # type: ignore[index,operator]


def test_a_damaged_record_that_cannot_be_set_aside_is_never_overwritten(
    page: Page, base_url: str
) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    page.goto(url)
    damaged = "{kapot" + "x" * 200_000
    page.evaluate(f"localStorage.setItem('{VOLLEDIG}', {json.dumps(damaged)})")
    # Room for a small record, not for a copy of the damaged one.
    page.evaluate(FILL_STORAGE, 4096)

    mounted(page, url)
    expect(page.locator('[data-notice="error"]')).to_contain_text("konden niet apart gezet worden")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.fill(LABEL, "CL-3")
    assert page.evaluate(f"localStorage.getItem('{VOLLEDIG}')") == damaged
    keys = page.evaluate("Object.keys(localStorage)")
    assert not [k for k in keys if ":beschadigd:" in k]
    saved = [k for k in record_keys(page) if k != VOLLEDIG]
    assert len(saved) == 1
    assert stored(page, saved[0])["answers"] == {"internet_thuis": "ja"}  # type: ignore[index]


def test_answers_over_the_scorers_limits_are_refused_and_never_scored_as_current(
    page: Page, base_url: str
) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    open_form(page, url)
    notes = page.locator('textarea[name="notities"]')
    expect(notes).to_have_attribute("maxlength", "20000")
    page.check('input[name="internet_thuis"][value="ja"]')
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "1")

    # What a script or an old page could still put in: the scorer refuses it,
    # and the previous result is no longer shown as if it were current.
    notes.evaluate(
        "(area) => { area.value = 'x'.repeat(20001);"
        " area.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    expect(page.locator("[data-problems]")).to_contain_text("te lang")
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "")
    expect(page.locator("[data-stale-note]")).to_be_visible()

    page.reload()
    expect(page.locator('[data-notice="error"]')).to_contain_text("te lang")
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)
    # Refused, not lost: the whole record is kept aside under a key of its own.
    aside = [k for k in page.evaluate("Object.keys(localStorage)") if ":past-niet:" in k]
    assert len(aside) == 1
    kept = stored(page, aside[0])
    assert kept is not None
    assert kept["answers"] == {"internet_thuis": "ja", "notities": "x" * 20001}

    def answers_file(rows: int) -> dict[str, object]:
        return {
            "name": f"rijen-{rows}.json",
            "mimeType": "application/json",
            "buffer": json.dumps(
                {
                    "format": "draaiboek-answers/1",
                    "instrument": "volledig",
                    "version": 3,
                    "answers": {"acties": [{"actie": f"actie {n}"} for n in range(rows)]},
                }
            ).encode(),
        }

    rows = page.locator('[data-type="table"] [data-row-list] > [data-row]')
    page.set_input_files('input[data-action="import"]', files=[answers_file(10_000)])
    expect(page.locator('[data-notice="error"]').last).to_contain_text(
        "te veel rijen (hoogstens 500)"
    )
    expect(rows).to_have_count(1)
    page.set_input_files('input[data-action="import"]', files=[answers_file(500)])
    # Laying out 500 rows keeps the page's main thread busy for a few seconds on
    # a loaded machine (measured up to 7 s at load 11 on 2 cores); Playwright
    # cannot look at the page meanwhile, so the default 5 s wait ran out with
    # the count it saw before the import. The rows are all there afterwards.
    expect(rows).to_have_count(500, timeout=60_000)
    expect(page.locator('input[name="acties.499.actie"]')).to_have_value("actie 499")
    page.locator('[data-type="table"] [data-action="add-row"]').click()
    expect(page.locator('[data-notice="warning"]').last).to_contain_text("hoogstens 500 rijen")


def test_on_this_device_lists_opens_saves_and_deletes_records(page: Page, base_url: str) -> None:
    url = f"{base_url}/instrumenten/volledig/"
    mounted(page, url)
    page.fill(LABEL, "CL-1")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.click('[data-action="new-record"]')
    page.fill(LABEL, "CL-2")
    page.check('input[name="internet_thuis"][value="nee"]')

    page.goto(f"{base_url}/op-dit-toestel/")
    rows = page.locator("[data-device-record]")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Volledig voorbeeld")
    expect(page.locator("[data-device-exported]")).to_contain_text("nog geen antwoorden")
    # Completeness from the stored answers, scored on this device.
    complete = page.locator("[data-device-complete]")
    expect(complete).to_have_count(2)
    for index in range(2):
        expect(complete.nth(index)).to_have_attribute(
            "data-device-complete", re.compile("^(yes|no)$"), timeout=60_000
        )
    expect(rows.first.locator("[data-device-complete]")).to_have_text("nog niet volledig")
    expect(page.locator("[data-device-remind]")).to_have_count(0)
    # Last saved to a file three weeks ago: a reminder, once.
    page.evaluate(
        "localStorage.setItem('draaiboek:test:exported',"
        " new Date(Date.now() - 21 * 864e5).toISOString())"
    )
    page.reload()
    expect(page.locator("[data-device-remind]")).to_contain_text("14 dagen")
    page.reload()
    expect(page.locator("[data-device-exported]")).to_contain_text("Laatst als bestand bewaard")
    expect(page.locator("[data-device-remind]")).to_have_count(0)
    assert axe_violations(page) == []

    rows.filter(has_text="CL-1").get_by_role("link", name="Openen").click()
    expect(page.locator(LABEL)).to_have_value("CL-1")
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()

    page.goto(f"{base_url}/op-dit-toestel/")
    with page.expect_download() as download:
        rows.filter(has_text="CL-2").get_by_role("button", name="Bewaren als bestand").click()
    assert json.loads(Path(download.value.path()).read_text())["meta"]["label"] == "CL-2"
    expect(page.locator("[data-device-exported]")).to_contain_text("Laatst als bestand bewaard")
    expect(page.locator("[data-device-remind]")).to_have_count(0)
    rows.filter(has_text="CL-2").get_by_role("button", name="Verwijderen").click()
    page.locator("[data-dialog-confirm]").click()
    expect(rows).to_have_count(1)
    assert len(record_keys(page)) == 1


def test_comparison_of_two_local_records_and_of_three_files(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    mounted(page, f"{base_url}/instrumenten/volledig/")
    page.fill(LABEL, "T0")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.check('input[name="email"][value="zelf"]')
    page.click('[data-action="duplicate-record"]')
    page.fill(LABEL, "T1")
    page.check('input[name="internet_thuis"][value="nee"]')

    page.goto(f"{base_url}/instrumenten/volledig/vergelijken/")
    boxes = page.locator("input[type=checkbox][data-compare-record]")
    expect(boxes).to_have_count(2)
    boxes.nth(0).check()
    boxes.nth(1).check()
    everything = page.locator('[data-agreement="all"]')
    expect(everything).to_have_attribute("data-n-items", re.compile(r"^\d+$"), timeout=60_000)
    values = json.loads(
        page.locator('[data-compare-score="middelen"]').get_attribute("data-values") or "null"
    )
    assert len(values) == 2
    expect(page.locator('[data-compare-item="internet_thuis"]')).to_be_visible()
    expect(page.locator('[data-compare-item="email"]')).to_have_count(0)
    assert axe_violations(page) == []

    files = []
    for number, answer in enumerate(["ja", "ja", "nee"]):
        path = tmp_path / f"collega-{number}.json"
        path.write_text(
            json.dumps(
                {
                    "format": "draaiboek-answers/1",
                    "instrument": "volledig",
                    "version": 3,
                    "answers": {"internet_thuis": answer, "email": "zelf"},
                    "meta": {"assessor": f"collega {number}"},
                }
            )
        )
        files.append(str(path))
    boxes.nth(0).uncheck()
    boxes.nth(1).uncheck()
    page.set_input_files('input[type=file][multiple][data-action="compare-import"]', files)
    expect(boxes).to_have_count(5)
    expect(page.locator('[data-compare-score="middelen"]')).to_have_attribute(
        "data-values", re.compile(r"^\[[^,\]]*,[^,\]]*,[^,\]]*\]$")
    )
    expect(page.locator("[data-compare-status]")).to_contain_text("3 metingen vergeleken")


def test_consensus_from_a_comparison_is_saved_as_a_new_record_and_opens(
    page: Page, base_url: str
) -> None:
    mounted(page, f"{base_url}/instrumenten/volledig/")
    page.fill(LABEL, "T0")
    page.fill('input[data-record="assessor"]', "An")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.check('input[name="email"][value="zelf"]')
    page.check('input[name="initiatief"][value="3"]')
    page.check('input[name="samenwerken"][value="3"]')
    page.click('[data-action="duplicate-record"]')
    page.fill(LABEL, "T1")
    page.fill('input[data-record="assessor"]', "Bart")
    page.check('input[name="internet_thuis"][value="nee"]')
    page.check('input[name="email"][value="hulp"]')
    page.check('input[name="initiatief"][value="2"]')
    before = record_keys(page)

    page.goto(f"{base_url}/instrumenten/volledig/vergelijken/")
    boxes = page.locator("input[type=checkbox][data-compare-record]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    consensus = page.locator("[data-consensus]")
    expect(consensus).to_be_visible(timeout=60_000)
    # Score labels, not ids; answers as their option labels.
    expect(page.locator('[data-compare-score="middelen"] th')).to_have_text("Middelen")
    expect(page.locator('[data-compare-item="email"]')).to_contain_text("zelfstandig")
    # Oldest first: the change runs from T0 to T1.
    expect(page.locator(".db-compare-scores th[scope=col]").nth(1)).to_contain_text("T0")
    # The profiles over each other: one chart, a bar and a legend entry per record.
    chart = page.locator('[data-compare-chart="profiel"]')
    expect(chart.locator(".db-chart-legend li")).to_have_count(2)
    expect(chart.locator("svg rect.db-chart-series-0")).to_have_count(2)
    expect(chart.locator("svg rect.db-chart-series-1")).to_have_count(2)
    expect(chart.locator("p.db-visually-hidden")).to_contain_text("Middelen: T0 ")
    expect(chart.locator("p.db-visually-hidden")).to_contain_text("Competenties: T0 ")
    # The rubric grid: every indicator with each level, a differing row marked in words.
    levels = page.locator('table[data-compare-levels="rubric"]')
    expect(levels.locator("caption")).to_have_text("Competenties: niveau per meting")
    expect(levels.locator('[data-compare-level="initiatief"]')).to_have_attribute("data-differ", "")
    expect(levels.locator('[data-compare-level="initiatief"]')).to_contain_text("goed")
    expect(levels.locator('[data-compare-level="initiatief"]')).to_contain_text("verschilt")
    expect(levels.locator('[data-compare-level="samenwerken"]')).not_to_have_attribute(
        "data-differ", ""
    )
    expect(levels.locator('[data-compare-level="samenwerken"]')).to_contain_text("gelijk")
    expect(consensus.locator("[data-consensus-item]")).to_have_count(3)
    start = consensus.locator("select[data-consensus-start]")
    names = start.locator("option").all_inner_texts()
    start.select_option(label=next(name for name in names if name.startswith("T0")))
    # Every choice follows the start record until someone picks another answer.
    internet = consensus.locator('[data-consensus-item="internet_thuis"]')
    email = consensus.locator('[data-consensus-item="email"]')
    expect(internet.get_by_label(re.compile(r"^ja \("))).to_be_checked()
    expect(email.get_by_label(re.compile(r"^zelfstandig \("))).to_be_checked()
    email.get_by_label(re.compile(r"^met hulp \(")).check()
    expect(
        consensus.locator('[data-consensus-item="initiatief"]').get_by_label(
            re.compile(r"^goed \(")
        )
    ).to_be_checked()
    assert axe_violations(page) == []

    consensus.get_by_role("button", name="Bewaren als consensus").click()
    page.wait_for_url(f"{base_url}/instrumenten/volledig/")
    expect(page.locator("form.db-instrument")).to_have_attribute("data-mounted", "")
    expect(page.locator(LABEL)).to_have_value("T0 — consensus")
    expect(page.locator('input[data-record="assessor"]')).to_have_value("An, Bart")
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(page.locator('input[name="email"][value="hulp"]')).to_be_checked()
    expect(page.locator('input[name="initiatief"][value="3"]')).to_be_checked()
    after = record_keys(page)
    assert len(after) == len(before) + 1
    # The compared records stay as they were.
    for key in before:
        record = stored(page, key)
        assert record is not None
        assert record["meta"]["label"] in ("T0", "T1")  # type: ignore[index]


def test_a_person_switches_the_storage_choice_and_the_records_move_along(
    page: Page, base_url: str
) -> None:
    mounted(page, f"{base_url}/instrumenten/volledig/")
    page.fill(LABEL, "CL-9")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.goto(f"{base_url}/op-dit-toestel/")
    choice = page.locator("[data-storage-choice]")
    expect(choice.locator('input[data-storage-option="local"]')).to_be_checked()
    assert axe_violations(page) == []
    choice.get_by_label("tot de browser sluit").check()
    choice.get_by_role("button", name="Keuze toepassen").click()
    page.locator("[data-dialog-confirm]").click()
    expect(page.locator("[data-storage-status]")).to_contain_text("meeverhuisd")
    assert record_keys(page) == []
    in_session: list[str] = page.evaluate("Object.keys(sessionStorage)")
    assert VOLLEDIG in in_session
    expect(page.locator("[data-device-record]")).to_have_count(1)

    mounted(page, f"{base_url}/instrumenten/volledig/")
    expect(page.locator(LABEL)).to_have_value("CL-9")
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    assert record_keys(page) == []

    page.goto(f"{base_url}/op-dit-toestel/")
    expect(choice.locator('input[data-storage-option="session"]')).to_be_checked()
    choice.get_by_label("op dit toestel, tot je ze wist").check()
    choice.get_by_role("button", name="Keuze toepassen").click()
    page.locator("[data-dialog-confirm]").click()
    expect(page.locator("[data-storage-status]")).to_contain_text("meeverhuisd")
    assert record_keys(page) == [VOLLEDIG]


def session_records(page: Page) -> dict[str, dict[str, object]]:
    """This tab's own session area: record key -> answers."""
    raw: dict[str, str] = page.evaluate("Object.fromEntries(Object.entries(sessionStorage))")
    pattern = re.escape(VOLLEDIG) + r"(:r:[a-z0-9]+)?"
    return {k: json.loads(v)["answers"] for k, v in raw.items() if re.fullmatch(pattern, k)}


def test_an_open_form_follows_a_storage_choice_made_in_another_tab(
    context: BrowserContext, page: Page, base_url: str
) -> None:
    form_url = f"{base_url}/instrumenten/volledig/"
    mounted(page, form_url)
    page.fill(LABEL, "CL-9")
    page.check('input[name="internet_thuis"][value="ja"]')
    privacy = page.locator(".db-privacy")
    expect(privacy).to_contain_text("bewaard tot je het wist", use_inner_text=True)
    device = context.new_page()
    device.on("dialog", lambda dialog: dialog.accept())
    device.goto(f"{base_url}/op-dit-toestel/")
    local_text = device.locator('.db-storage-text[data-storage-text="local"]')
    session_text = device.locator('.db-storage-text[data-storage-text="session"]')
    expect(local_text).to_be_visible()
    expect(session_text).to_be_hidden()
    expect(device.locator("h1 [data-storage-text]")).to_have_count(0)

    # Until the browser closes: the open form moves along and says so.
    choice = device.locator("[data-storage-choice]")
    choice.get_by_label("tot de browser sluit").check()
    choice.get_by_role("button", name="Keuze toepassen").click()
    device.locator("[data-dialog-confirm]").click()
    expect(device.locator("[data-storage-status]")).to_contain_text("meeverhuisd")
    expect(session_text).to_be_visible()
    expect(local_text).to_be_hidden()
    notice = page.locator('[data-notice="info"]', has_text="ander tabblad")
    expect(notice).to_contain_text("tot de browser sluit")
    expect(privacy).to_contain_text("gewist als je de browser sluit", use_inner_text=True)
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(page.locator(LABEL)).to_have_value("CL-9")
    # Its next answer goes to the chosen area, none to the one that was left.
    page.check('input[name="internet_thuis"][value="nee"]')
    assert record_keys(page) == []
    assert session_records(page) == {VOLLEDIG: {"internet_thuis": "nee"}}
    assert session_records(device) == {VOLLEDIG: {"internet_thuis": "ja"}}

    # Back to "until wiped": each tab's session area joins the shared one and
    # the two different versions of one record are both kept.
    choice.get_by_label("op dit toestel, tot je ze wist").check()
    choice.get_by_role("button", name="Keuze toepassen").click()
    device.locator("[data-dialog-confirm]").click()
    expect(device.locator("[data-storage-status]")).to_contain_text("meeverhuisd")
    expect(local_text).to_be_visible()
    expect(notice).to_contain_text("op dit toestel, tot je ze wist")
    expect(page.locator('input[name="internet_thuis"][value="nee"]')).to_be_checked()
    expect(page.locator(RECORD + " option")).to_have_count(2)
    assert session_records(page) == {}
    answers = sorted(json.dumps(stored(page, key)["answers"]) for key in record_keys(page))  # type: ignore[index]
    assert answers == ['{"internet_thuis": "ja"}', '{"internet_thuis": "nee"}']
    page.check('input[name="email"][value="zelf"]')
    kept = [stored(page, key)["answers"] for key in record_keys(page)]  # type: ignore[index]
    assert {"internet_thuis": "nee", "email": "zelf"} in kept
    assert {"internet_thuis": "ja"} in kept
    device.close()


def test_deleting_a_record_on_this_device_asks_first(page: Page, base_url: str) -> None:
    mounted(page, f"{base_url}/instrumenten/volledig/")
    page.fill(LABEL, "CL-7")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.goto(f"{base_url}/op-dit-toestel/")
    record = page.locator("[data-device-record]")
    expect(record).to_have_count(1)
    head = page.locator(".db-device-table thead")
    expect(head).to_be_visible()
    remove = record.locator('button[data-action="delete-device-record"]')
    remove.click()
    dialog = page.locator("dialog[data-dialog]")
    expect(dialog).to_contain_text("Meting 'CL-7' van dit toestel verwijderen?")
    dialog.locator("[data-dialog-cancel]").click()
    expect(record).to_have_count(1)
    assert record_keys(page) == [VOLLEDIG]
    remove.click()
    dialog.locator("[data-dialog-confirm]").click()
    expect(record).to_have_count(0)
    assert record_keys(page) == []
    # No column heads over the one sentence that says there is nothing.
    expect(head).to_be_hidden()
    expect(page.locator("[data-device-records]")).to_have_text(
        "Er zijn geen metingen bewaard op dit toestel."
    )
