"""The built site under its own Content-Security-Policy: forms score, search finds, nothing is blocked."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from draaiboek.csp import APACHE_FILE, NGINX_FILE, POLICY_FILE, inline_script_hashes
from draaiboek.site import policy_server
from tests.sitelib import draaiboek, write_site
from tests.test_browser import answer_volledig, block_other_origins, browser

__all__ = ["browser"]  # the shared Chromium fixture

pytestmark = pytest.mark.browser

# Every violation of the policy, as the page reports it.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = write_site(tmp_path_factory.mktemp("csp-site"))
    done = draaiboek(["build"], cwd=root)
    assert done.returncode == 0, done.stderr
    site = root / "site"
    server = policy_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def csp_page(browser: Browser, csp_site: tuple[Path, str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    foreign = block_other_origins(context, csp_site[1])
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert foreign == []
    assert errors == []


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("() => window.__violations")
    return found


def test_the_policy_and_server_snippets_are_written(csp_site: tuple[Path, str]) -> None:
    site, _ = csp_site
    policy = (site / POLICY_FILE).read_text(encoding="utf-8").strip()
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy
    assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    # Every inline script of every page is in the policy.
    script_src = set(policy.split("script-src")[1].split(";")[0].split())
    for path in site.rglob("*.html"):
        assert inline_script_hashes(path.read_text(encoding="utf-8")) <= script_src
    assert f'"{policy}"' in (site / NGINX_FILE).read_text(encoding="utf-8")
    assert f'"{policy}"' in (site / APACHE_FILE).read_text(encoding="utf-8")


def test_a_form_scores_and_search_works_under_the_policy(
    csp_page: Page, csp_site: tuple[Path, str]
) -> None:
    _, base_url = csp_site
    response = csp_page.goto(f"{base_url}/instrumenten/volledig/")
    assert response is not None
    assert "script-src" in (response.headers.get("content-security-policy") or "")
    expect(csp_page.locator("form.db-instrument")).to_have_attribute(
        "data-scorer", "ready", timeout=60_000
    )
    answer_volledig(csp_page)
    expect(csp_page.locator('[data-score="middelen"]')).to_have_attribute("data-value", "22.5")
    csp_page.locator(".md-search__input").click()
    # Typed, not filled: the theme searches on key events.
    csp_page.keyboard.type("internet", delay=30)
    expect(csp_page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    assert violations(csp_page) == []


def test_the_policy_is_enforced(csp_page: Page, csp_site: tuple[Path, str]) -> None:
    """A script the build did not emit is refused: the test above could fail."""
    _, base_url = csp_site
    csp_page.goto(f"{base_url}/")
    ran = csp_page.evaluate(
        """() => {
          window.__ran = false;
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.head.append(script);
          return window.__ran;
        }"""
    )
    assert ran is False
    assert any(v.startswith("script-src") for v in violations(csp_page))
