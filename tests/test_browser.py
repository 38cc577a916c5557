"""What a counsellor does, in headless Chromium: fill in, see the result, save, load, print.

The built test site is served on 127.0.0.1. Every request to another origin is
blocked and fails the test that caused it. Chromium is Debian's; without it
these tests fail (never skip): `make setup` installs it.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect, sync_playwright

from tests.sitelib import FIXTURES, ROOT, build_site, write_site

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# `make screenshots` renews the README's pictures; otherwise they go to a temporary folder.
SCREENSHOTS_ENV = "DRAAIBOEK_SCREENSHOTS"
READY = '[data-scorer="ready"]'

CONTENT_PAGE = """\
# Over digitale vaardigheden

Een gewone pagina met tekst en een formulier.

{{ checklist("tweede") }}
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The test site, built for the address it is served on.

    mkdocs-material's instant navigation only follows links listed in
    sitemap.xml, which needs ``site_url``; so the server starts first.
    """
    root = tmp_path_factory.mktemp("browser-site")
    site = root / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_address[1]}"
    write_site(
        root,
        definitions={"tweede.yaml": (FIXTURES / "site" / "tweede.yaml").read_text()},
        pages={"digitaal.md": CONTENT_PAGE},
        site_url=url + "/",
    )
    build_site(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site(served: tuple[Path, str]) -> Path:
    return served[0]


@pytest.fixture(scope="module")
def base_url(served: tuple[Path, str]) -> str:
    return served[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make setup` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def block_other_origins(context: BrowserContext, base_url: str) -> list[str]:
    """Abort every request to another host; return the list they are recorded in."""
    foreign: list[str] = []
    # The test servers on this machine (a test may serve a second site on its own port).
    allowed = urlsplit(base_url).hostname

    def guard(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != allowed:
            foreign.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    return foreign


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A fresh profile (empty storage) in which any request to another origin fails the test."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-BE", accept_downloads=True
    )
    foreign = block_other_origins(context, base_url)
    yield context
    context.close()
    assert foreign == [], f"requests to other origins: {foreign}"


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get(SCREENSHOTS_ENV) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_form(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("form.db-instrument")).to_have_attribute(
        "data-scorer", "ready", timeout=60_000
    )


def score(page: Page, score_id: str) -> str | None:
    return page.locator(f'[data-score="{score_id}"]').get_attribute("data-value")


def answer_volledig(page: Page) -> None:
    page.check('input[name="internet_thuis"][value="nee"]')
    page.check('input[name="internet_elders"][value="ja"]')
    page.check('input[name="email"][value="zelf"]')
    page.check('input[name="drempels"][value="taal"]')
    page.fill('input[name="uren"]', "12,5" if False else "12.5")
    page.check('input[name="stress"][value="2"]')
    page.fill('textarea[name="notities"]', "Gebruikt vooral de smartphone.")
    page.fill('input[name="acties.0.actie"]', "CV maken")
    page.select_option('select[name="acties.0.voltooid"]', "+")
    page.check('input[name="initiatief"][value="3"]')


def open_answered(page: Page, base_url: str) -> None:
    """The full instrument, every item type answered, its result shown."""
    open_form(page, f"{base_url}/instrumenten/volledig/")
    answer_volledig(page)
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "22.5")


# -- scoring -----------------------------------------------------------------


def test_clicking_answers_updates_the_score(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/tweede/")
    expect(page.locator('[data-score="totaal"]')).to_have_text("–")
    page.check('input[name="cv"][value="zelf"]')
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "2")
    expect(page.locator('[data-band-for="totaal"]')).to_have_text("Nog niet")
    expect(page.locator('[data-advice-for="totaal"][data-band="nog_niet"]')).to_be_visible()
    page.check('input[name="vacatures"][value="zelf"]')
    page.check('input[name="netwerk"][value="hulp"]')
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "5")
    expect(page.locator('[data-band-for="totaal"]')).to_have_text("Klaar")
    expect(page.locator('[data-advice-for="totaal"]')).to_be_hidden()
    expect(page.locator("[data-progress]")).to_have_text("3 van 3 vragen beantwoord.")


def test_the_full_instrument_scores_every_item_type(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    answer_volledig(page)
    # basis: nee 0 + ja 1 + zelf 2*2 + taal 1 + 12.5 uur + stress reversed (6-2=4) = 22.5
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "22.5")
    expect(page.locator('[data-score="middelen"]')).to_have_text("22,5")
    expect(page.locator('[data-score="competenties"]')).to_have_attribute("data-value", "3")
    expect(page.locator('[data-score="voortgang"]')).to_have_attribute("data-value", "100")
    expect(page.locator('[data-band-for="middelen"]')).to_have_text("Hoog")
    expect(page.locator('[data-outcome="verder"]')).to_be_visible()
    expect(page.locator('[data-outcome="doorverwijzen"]')).to_be_hidden()
    expect(page.locator('[data-chart="profiel"] .db-chart-bar')).to_have_count(2)
    # Scores on different scales: each bar says its own maximum, no shared axis.
    expect(page.locator('[data-chart-row="competenties"] .db-chart-value')).to_have_text(
        "3 (op 4) · Sterk"
    )
    expect(page.locator('[data-chart="profiel"] .db-chart-tick')).to_have_count(0)
    page.check('input[name="internet_elders"][value="nee"]')
    expect(page.locator('[data-flag="geen_middelen"]')).to_be_visible()
    expect(page.locator('[data-outcome="doorverwijzen"]')).to_be_visible()


def test_an_empty_form_shows_a_pending_outcome_and_provisional_scores(
    page: Page, base_url: str
) -> None:
    open_form(page, f"{base_url}/instrumenten/tweede/")
    form = page.locator("form.db-instrument")
    pending = page.locator("[data-outcome-pending]")
    outcomes = page.locator("[data-outcome]")
    expect(form).to_have_attribute("data-complete", "false")
    expect(pending).to_have_text("Nog geen uitkomst: vul eerst alle vragen in.")
    expect(pending).to_be_visible()
    expect(outcomes.first).to_be_hidden()
    expect(outcomes.last).to_be_hidden()
    page.check('input[name="cv"][value="zelf"]')
    page.check('input[name="vacatures"][value="zelf"]')
    # Scores and bands stay live, marked provisional; still no outcome.
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "4")
    expect(page.locator("[data-progress]")).to_have_text("Voorlopig: 2 van 3 vragen beantwoord.")
    expect(page.locator("[data-provisional]")).to_be_visible()
    expect(pending).to_be_visible()
    expect(outcomes.first).to_be_hidden()
    expect(outcomes.last).to_be_hidden()
    page.check('input[name="netwerk"][value="zelf"]')
    expect(form).to_have_attribute("data-complete", "true")
    expect(page.locator('[data-outcome="solliciteren"]')).to_be_visible()
    expect(pending).to_be_hidden()
    expect(page.locator("[data-progress]")).to_have_text("3 van 3 vragen beantwoord.")
    expect(page.locator("[data-result]")).not_to_contain_text(
        re.compile("voorlopig", re.IGNORECASE), use_inner_text=True
    )
    # Clearing the answers (confirmed in the dialog) takes the decision back.
    page.click('[data-action="clear"]')
    page.click("[data-dialog-confirm]")
    expect(page.locator('input[name="netwerk"]:checked')).to_have_count(0)
    expect(form).to_have_attribute("data-complete", "false")
    expect(pending).to_be_visible()
    expect(page.locator('[data-outcome="solliciteren"]')).to_be_hidden()


def test_a_restored_complete_record_is_complete_and_a_new_record_is_not(
    page: Page, base_url: str
) -> None:
    form = page.locator("form.db-instrument")
    pending = page.locator("[data-outcome-pending]")
    open_form(page, f"{base_url}/instrumenten/tweede/")
    for name in ("cv", "vacatures", "netwerk"):
        page.check(f'input[name="{name}"][value="zelf"]')
    expect(form).to_have_attribute("data-complete", "true")
    page.reload()
    expect(form).to_have_attribute("data-scorer", "ready", timeout=60_000)
    expect(page.locator('input[name="netwerk"][value="zelf"]')).to_be_checked()
    expect(form).to_have_attribute("data-complete", "true")
    expect(page.locator('[data-outcome="solliciteren"]')).to_be_visible()
    expect(pending).to_be_hidden()
    page.click('[data-action="new-record"]')
    expect(page.locator('input[name="cv"]:checked')).to_have_count(0)
    expect(form).to_have_attribute("data-complete", "false")
    expect(pending).to_be_visible()
    expect(page.locator('[data-outcome="solliciteren"]')).to_be_hidden()


def test_decide_required_gives_the_outcome_once_required_questions_are_answered(
    page: Page, base_url: str
) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    form = page.locator("form.db-instrument")
    pending = page.locator("[data-outcome-pending]")
    expect(pending).to_have_text("Nog geen uitkomst: vul eerst alle verplichte vragen in.")
    expect(pending).to_be_visible()
    expect(page.locator('[data-outcome="verder"]')).to_be_hidden()
    page.check('input[name="internet_thuis"][value="ja"]')
    # Decided, yet the form is not complete: the result says it is provisional.
    expect(page.locator('[data-outcome="verder"]')).to_be_visible()
    expect(pending).to_be_hidden()
    expect(form).to_have_attribute("data-complete", "false")
    expect(page.locator("[data-progress]")).to_contain_text("Voorlopig: 1 van ")
    expect(page.locator("[data-provisional]")).to_be_visible()
    page.check('input[name="internet_thuis"][value="nee"]')
    answer_volledig(page)
    page.check('input[name="samenwerken"][value="2"]')
    expect(form).to_have_attribute("data-complete", "true")
    expect(page.locator("[data-progress]")).to_have_text("9 van 9 vragen beantwoord.")
    expect(page.locator("[data-provisional]")).to_be_hidden()
    expect(page.locator("[data-result]")).not_to_contain_text(
        re.compile("voorlopig", re.IGNORECASE), use_inner_text=True
    )


def test_show_if_hides_and_shows(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    elders = page.locator('[data-item="internet_elders"]')
    rubric = page.locator('[data-section="rubric"]')
    expect(elders).to_be_hidden()
    expect(rubric).to_be_hidden()
    page.check('input[name="internet_thuis"][value="nee"]')
    expect(elders).to_be_visible()
    expect(rubric).to_be_visible()
    page.check('input[name="internet_thuis"][value="ja"]')
    expect(elders).to_be_hidden()
    expect(elders).to_have_attribute("hidden", "")


def test_an_answer_out_of_range_is_named(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.fill('input[name="uren"]', "200")
    expect(page.locator("[data-problems]")).to_contain_text("Uren per week online")
    expect(page.locator('[data-item="uren"]')).to_have_attribute("aria-invalid", "true")
    page.fill('input[name="uren"]', "20")
    expect(page.locator("[data-problems]")).to_have_count(0)


def test_table_rows_can_be_added_and_removed(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.fill('input[name="acties.0.actie"]', "CV maken")
    page.select_option('select[name="acties.0.voltooid"]', "+")
    page.click('[data-item="acties"] [data-action="add-row"]')
    expect(page.locator('input[name="acties.1.actie"]')).to_be_focused()
    page.fill('input[name="acties.1.actie"]', "Vacatures zoeken")
    page.select_option('select[name="acties.1.voltooid"]', "-")
    expect(page.locator('[data-score="voortgang"]')).to_have_attribute("data-value", "50")
    page.click('[data-row-list] > [data-row]:first-child [data-action="remove-row"]')
    expect(page.locator('input[name="acties.0.actie"]')).to_have_value("Vacatures zoeken")
    expect(page.locator('[data-score="voortgang"]')).to_have_attribute("data-value", "0")


# -- nothing lost --------------------------------------------------------------


def test_reload_restores_answers(page: Page, base_url: str) -> None:
    open_answered(page, base_url)
    page.reload()
    expect(page.locator("form.db-instrument")).to_have_attribute(
        "data-scorer", "ready", timeout=60_000
    )
    expect(page.locator('input[name="internet_thuis"][value="nee"]')).to_be_checked()
    expect(page.locator('input[name="acties.0.actie"]')).to_have_value("CV maken")
    expect(page.locator('textarea[name="notities"]')).to_have_value(
        "Gebruikt vooral de smartphone."
    )
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "22.5")
    expect(page.locator('[data-notice="info"]')).to_contain_text("teruggezet")
    stored = page.evaluate("localStorage.getItem('draaiboek:test:volledig:v3')")
    record = json.loads(stored)
    assert record["format"] == "draaiboek-answers/1"
    assert record["answers"]["acties"] == [{"actie": "CV maken", "voltooid": "+"}]


@pytest.mark.parametrize("storage", ["session", "none"])
def test_the_storage_setting_is_respected(
    context: BrowserContext, tmp_path: Path, storage: str
) -> None:
    site = build_site(write_site(tmp_path, storage=storage))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = context.new_page()
        open_form(page, f"http://127.0.0.1:{server.server_address[1]}/instrumenten/volledig/")
        page.check('input[name="internet_thuis"][value="ja"]')
        expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "1")
        assert page.evaluate("Object.keys(localStorage)") == []
        # Which record this tab shows is kept per tab (':open'), whatever the setting.
        session_keys = [
            key for key in page.evaluate("Object.keys(sessionStorage)") if not key.endswith(":open")
        ]
        assert session_keys == (["draaiboek:test:volledig:v3"] if storage == "session" else [])
        page.reload()
        expect(page.locator("form.db-instrument")).to_have_attribute(
            "data-scorer", "ready", timeout=60_000
        )
        restored = page.locator('input[name="internet_thuis"][value="ja"]')
        if storage == "session":
            expect(restored).to_be_checked()
        else:
            expect(restored).not_to_be_checked()
            expect(page.locator(".db-privacy")).to_contain_text("wordt nergens bewaard")
    finally:
        server.shutdown()
        server.server_close()


def test_python_stdlib_full_scores_with_pyodide_s_own_library_and_the_wheel(
    context: BrowserContext, tmp_path: Path
) -> None:
    root = write_site(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      site_id: test\n", "      site_id: test\n      python_stdlib: full\n"
        )
    )
    site = build_site(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
        open_form(page, f"http://127.0.0.1:{server.server_address[1]}/instrumenten/volledig/")
        page.check('input[name="internet_thuis"][value="ja"]')
        expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "1")
        assert "python_stdlib.zip" in fetched
        assert any(name.endswith(".whl") for name in fetched)
        assert "scorer_stdlib.zip" not in fetched
    finally:
        server.shutdown()
        server.server_close()


def test_a_damaged_stored_record_is_reported_and_kept_aside(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/instrumenten/volledig/")
    page.evaluate("localStorage.setItem('draaiboek:test:volledig:v3', '{kapot')")
    page.reload()
    expect(page.locator('[data-notice="error"]')).to_contain_text("beschadigd")
    keys = page.evaluate("Object.keys(localStorage)")
    aside = [key for key in keys if key.startswith("draaiboek:test:volledig:v3:beschadigd:")]
    assert len(aside) == 1
    assert page.evaluate(f"localStorage.getItem({json.dumps(aside[0])})") == "{kapot"
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)


def test_an_older_version_is_offered_not_applied(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/instrumenten/volledig/")
    old = {
        "format": "draaiboek-answers/1",
        "instrument": "volledig",
        "version": 2,
        "answers": {"internet_thuis": "ja", "verdwenen_vraag": 1},
    }
    page.evaluate(
        f"localStorage.setItem('draaiboek:test:volledig:v2', {json.dumps(json.dumps(old))})"
    )
    page.reload()
    notice = page.locator('[data-notice="info"]', has_text="oudere versie (versie 2)")
    expect(notice).to_be_visible()
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)
    notice.get_by_role("button", name="Oudere antwoorden laden").click()
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    expect(page.locator('[data-notice="warning"]')).to_contain_text(
        "onbekende vraag 'verdwenen_vraag'"
    )
    assert page.evaluate("localStorage.getItem('draaiboek:test:volledig:v2')") is not None


def test_instant_navigation_scores_without_reloading_pyodide(page: Page, base_url: str) -> None:
    wasm: list[str] = []
    page.on(
        "request",
        lambda request: wasm.append(request.url) if request.url.endswith(".wasm") else None,
    )
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.evaluate("window.__samePage = true")
    page.locator('.md-nav a[href$="tweede/"]').first.click()
    expect(page.locator('form[data-instrument="tweede"]')).to_have_attribute(
        "data-scorer", "ready", timeout=5_000
    )
    assert page.evaluate("window.__samePage") is True, "the page was reloaded"
    page.check('input[name="cv"][value="zelf"]')
    expect(page.locator('[data-score="totaal"]')).to_have_attribute(
        "data-value", "2", timeout=2_000
    )
    assert len(wasm) == 1, wasm


# -- export, import, clear -------------------------------------------------------


def test_export_then_import_into_a_cleared_form_gives_the_same_result(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    open_answered(page, base_url)
    before = {s: score(page, s) for s in ("middelen", "competenties", "voortgang")}
    with page.expect_download() as download:
        page.click('[data-action="export"]')
    assert re.fullmatch(r"volledig-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    envelope = json.loads(exported.read_text())
    assert envelope["format"] == "draaiboek-answers/1"
    assert envelope["instrument"] == "volledig" and envelope["version"] == 3
    assert envelope["answers"]["uren"] == 12.5

    page.click('[data-action="clear"]')
    page.click("[data-dialog-confirm]")
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "")
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)
    assert page.evaluate("localStorage.getItem('draaiboek:test:volledig:v3')") is None

    page.set_input_files('input[data-action="import"]', str(exported))
    expect(page.locator('[data-notice="info"]').last).to_contain_text("Antwoorden geladen")
    for score_id, value in before.items():
        expect(page.locator(f'[data-score="{score_id}"]')).to_have_attribute(
            "data-value", value or ""
        )
    expect(page.locator('input[name="acties.0.actie"]')).to_have_value("CV maken")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{kapot", "kan niet gelezen worden"),
        (b"[1, 2]", "geen antwoordbestand van het draaiboek"),
        (
            json.dumps(
                {
                    "format": "draaiboek-answers/1",
                    "instrument": "tweede",
                    "version": 1,
                    "answers": {},
                }
            ).encode(),
            "ander instrument ('tweede')",
        ),
        (
            json.dumps(
                {
                    "format": "draaiboek-answers/1",
                    "instrument": "volledig",
                    "version": 3,
                    "answers": {"internet_thuis": "misschien"},
                }
            ).encode(),
            "Heeft internet thuis: '\"misschien\"' is geen mogelijk antwoord",
        ),
    ],
    ids=["damaged", "not-answers", "other-instrument", "not-on-scale"],
)
def test_a_bad_import_file_gives_its_message_and_changes_nothing(
    page: Page, base_url: str, content: bytes, message: str
) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.set_input_files(
        'input[data-action="import"]',
        files=[{"name": "antwoorden.json", "mimeType": "application/json", "buffer": content}],
    )
    expect(page.locator('[data-notice="error"]')).to_contain_text(message)
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()


def test_clear_all_wipes_this_handbook_only(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.evaluate("localStorage.setItem('draaiboek:ander-handboek:x:v1', '{}')")
    page.check('input[name="internet_thuis"][value="ja"]')
    expect(page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "1")
    page.click('[data-action="clear-all"]')
    page.click("[data-dialog-confirm]")
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("draaiboek:test:")] == []
    assert "draaiboek:ander-handboek:x:v1" in keys


def test_confirmations_are_dialogs_at_the_button_and_work_by_keyboard(
    page: Page, base_url: str
) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.check('input[name="internet_thuis"][value="ja"]')
    clear = page.locator('[data-action="clear"]')
    clear.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[data-dialog]")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Alle antwoorden in dit formulier wissen?")
    # Focus starts on the harmless choice; Escape cancels and focus returns.
    expect(page.locator("[data-dialog-cancel]")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(clear).to_be_focused()
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    # Tab to "Wissen" and confirm: the answers are gone, focus is back on the button.
    page.keyboard.press("Enter")
    expect(page.locator("[data-dialog-cancel]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("[data-dialog-confirm]")).to_be_focused()
    expect(page.locator("[data-dialog-confirm]")).to_have_text("Wissen")
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(clear).to_be_focused()
    expect(page.locator('input[name="internet_thuis"]:checked')).to_have_count(0)


def test_importing_over_answers_asks_first(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.check('input[name="internet_thuis"][value="ja"]')
    envelope = {
        "format": "draaiboek-answers/1",
        "instrument": "volledig",
        "version": 3,
        "answers": {"internet_thuis": "nee"},
    }
    files = [
        {"name": "a.json", "mimeType": "application/json", "buffer": json.dumps(envelope).encode()}
    ]
    records = (
        "Object.keys(localStorage).filter((key) => key.startsWith('draaiboek:test:volledig:v3'))"
    )
    page.set_input_files('input[data-action="import"]', files=files)  # type: ignore[arg-type]
    # The stored answers are not replaced: the file would become a record of its own.
    expect(page.locator("dialog[data-dialog]")).to_contain_text("aparte meting")
    page.click("[data-dialog-cancel]")
    expect(page.locator('input[name="internet_thuis"][value="ja"]')).to_be_checked()
    # Cancelled means unchanged: the next answer goes into the same record.
    page.check('input[name="email"][value="zelf"]')
    assert len(page.evaluate(records)) == 1
    page.set_input_files('input[data-action="import"]', files=files)  # type: ignore[arg-type]
    expect(page.locator("dialog[data-dialog]")).to_contain_text("Laden")
    page.click("[data-dialog-confirm]")
    expect(page.locator('input[name="internet_thuis"][value="nee"]')).to_be_checked()
    expect(page.locator('input[name="email"]:checked')).to_have_count(0)
    assert len(page.evaluate(records)) == 2


# -- print -------------------------------------------------------------------------


def test_print_gives_a_filled_summary_without_navigation(
    page: Page, base_url: str, screenshots: Path
) -> None:
    open_answered(page, base_url)
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1 } }"
    )
    page.click('[data-action="print"]')
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    sheet = page.locator("#db-print-sheet")
    expect(sheet).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("form.db-instrument")).to_be_hidden()
    expect(sheet).to_contain_text("Ingevuld op")
    expect(sheet.locator("dd").first).to_have_text("nee")
    expect(sheet).to_contain_text("22,5")
    expect(sheet).to_contain_text("Verder met het traject")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(screenshots / "afdruk-ingevuld.png"), full_page=True)


def test_print_blank_gives_an_empty_form_with_every_question(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/volledig/")
    page.check('input[name="internet_thuis"][value="ja"]')
    page.evaluate("() => { window.print = () => {} }")
    page.click('[data-action="print-blank"]')
    page.emulate_media(media="print")
    sheet = page.locator("#db-print-sheet")
    expect(sheet).to_be_visible()
    expect(sheet.locator("input:checked")).to_have_count(0)
    expect(sheet.locator('[data-item="internet_elders"]')).to_be_visible()
    expect(sheet.locator('[data-section="rubric"]')).to_be_visible()
    expect(sheet.locator("button")).to_have_count(0)
    expect(sheet.locator("[data-result]")).to_have_count(0)
    # The live form keeps its answer.
    page.emulate_media(media="screen")
    expect(
        page.locator('form.db-instrument input[name="internet_thuis"][value="ja"]')
    ).to_be_checked()


# -- from a folder ---------------------------------------------------------------


def test_from_a_folder_forms_explain_and_stay_fillable(context: BrowserContext, site: Path) -> None:
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto((site / "instrumenten/volledig/index.html").as_uri())
    form = page.locator("form.db-instrument")
    expect(form).to_have_attribute("data-scorer", "unavailable")
    expect(page.locator("[data-status-text]")).to_contain_text("webserver")
    expect(page.locator("[data-status-text]")).to_contain_text("python -m http.server")
    # Without the scorer every conditional question is shown and can be answered.
    expect(page.locator('[data-item="internet_elders"]')).to_be_visible()
    page.check('input[name="internet_elders"][value="ja"]')
    expect(page.locator('input[name="internet_elders"][value="ja"]')).to_be_checked()
    page.evaluate("() => { window.print = () => {} }")
    page.click('[data-action="print-blank"]')
    page.emulate_media(media="print")
    expect(page.locator("#db-print-sheet")).to_be_visible()


# -- keyboard and accessibility ----------------------------------------------------


def contrast_on_white(css_color: str) -> float:
    """WCAG contrast ratio of an rgb()/rgba() colour drawn on the white page."""
    parts = [float(p) for p in re.findall(r"[\d.]+", css_color)]
    alpha = parts[3] if len(parts) == 4 else 1.0
    channels = [alpha * c + (1 - alpha) * 255 for c in parts[:3]]

    def linear(value: float) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def test_more_explanation_is_a_quiet_disclosure_that_works_by_keyboard(
    page: Page, base_url: str
) -> None:
    open_form(page, f"{base_url}/instrumenten/tweede/")
    help_ = page.locator('[data-item="cv"] details.db-help')
    summary = help_.locator("> summary")
    style = "(n, p) => getComputedStyle(n)[p]"
    # Not Material's admonition: no box, no shadow, no tinted bar.
    assert help_.evaluate(style, "borderTopWidth") == "0px"
    assert help_.evaluate(style, "boxShadow") == "none"
    assert summary.evaluate(style, "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert summary.bounding_box()["height"] >= 24  # type: ignore[index]
    assert contrast_on_white(summary.evaluate(style, "color")) >= 4.5
    expect(help_).not_to_have_attribute("open", "")
    summary.focus()
    page.keyboard.press("Enter")
    expect(help_).to_have_attribute("open", "")
    expect(help_).to_contain_text("Vraag naar een recente versie.")
    assert contrast_on_white(summary.evaluate(style, "color")) >= 4.5
    assert contrast_on_white(help_.locator("p").evaluate(style, "color")) >= 4.5
    page.keyboard.press("Space")
    expect(help_).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()


def test_a_form_can_be_completed_with_the_keyboard_only(page: Page, base_url: str) -> None:
    open_form(page, f"{base_url}/instrumenten/tweede/")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "cv":
            break
    else:
        pytest.fail("the first question cannot be reached with Tab")
    page.keyboard.press("Space")  # cv: zelfstandig (2)
    outline = page.evaluate(
        "getComputedStyle(document.activeElement.closest('label')).outlineStyle"
    )
    assert outline != "none", "no visible focus on the chosen option"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "vacatures"
    page.keyboard.press("Space")  # vacatures: zelfstandig (2)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # netwerk: met hulp (1)
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "5")
    expect(page.locator('[data-band-for="totaal"]')).to_have_text("Klaar")
    # The actions are reachable too: Tab on to the export button and press Enter.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "export":
            break
    else:
        pytest.fail("the export button cannot be reached with Tab")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("tweede-")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag",
                values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
        })"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "instrumenten/volledig/",
        "instrumenten/tweede/",
        "instrumenten/",
        "digitaal/",
        "faq/faq-voorbeeld/",
        "op-dit-toestel/",
        "",
    ],
)
@pytest.mark.parametrize("width", [1280, 390])
def test_pages_have_no_serious_accessibility_violations(
    page: Page, base_url: str, path: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}/{path}")
    if path.startswith("instrumenten/volledig"):
        expect(page.locator("form.db-instrument")).to_have_attribute(
            "data-scorer", "ready", timeout=60_000
        )
        answer_volledig(page)
        page.check('input[name="internet_elders"][value="nee"]')
        expect(page.locator('[data-flag="geen_middelen"]')).to_be_visible()
    if path.startswith("instrumenten/tweede"):
        # Partly answered (a provisional result) with every "Meer uitleg" open.
        open_form(page, f"{base_url}/{path}")
        page.check('input[name="cv"][value="zelf"]')
        expect(page.locator("[data-provisional]")).to_be_visible()
        for summary in page.locator(".db-help > summary").all():
            summary.click()
        expect(page.locator(".db-help[open]").first).to_be_visible()
    assert axe_violations(page) == []


def test_screenshot_of_a_filled_instrument(page: Page, base_url: str, screenshots: Path) -> None:
    """Not a check of looks: it keeps the README's picture true to the product."""
    open_answered(page, base_url)
    page.locator("[data-result]").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "instrument-ingevuld.png"))
    assert (screenshots / "instrument-ingevuld.png").stat().st_size > 10_000


def test_the_guard_records_and_blocks_a_request_to_another_origin(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context()
    foreign = block_other_origins(context, base_url)
    page = context.new_page()
    page.goto(f"{base_url}/")
    outcome = page.evaluate(
        "() => fetch('https://example.org/teller.png').then(() => 'geladen', () => 'geblokkeerd')"
    )
    context.close()
    assert outcome == "geblokkeerd"
    assert foreign == ["https://example.org/teller.png"]


def test_every_page_loads_with_no_request_to_another_origin(
    page: Page, site: Path, base_url: str
) -> None:
    """The built site as an organisation would serve it; the context fails on any foreign request."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) >= 7, pages
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    for path in pages:
        response = page.goto(f"{base_url}/{path}", wait_until="load")
        assert response is not None and response.status == 200, path
    assert all(url.startswith(base_url) or url.startswith(("data:", "blob:")) for url in seen)
