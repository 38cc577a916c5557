"""An organisation's own copy: built for its address, packed in a zip, kept offline.

The browser tests serve the site under a subpath (``/handboek/``) with the
nginx rules of "Zelf hosten", taken from the page itself and run by a real
nginx; without nginx on the machine, by Python's server with the same
headers. The zip is unpacked and started with its own start script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import threading
import urllib.request
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from draaiboek import caching
from draaiboek.cli import main
from draaiboek.launch import serve
from draaiboek.offline import SERVICE_WORKER, service_worker, site_files
from draaiboek.pack import launch_files
from draaiboek.site import site_url
from tests.sitelib import FIXTURES, ROOT, browser_asset, build_site, write_site
from tests.test_browser import CONTENT_PAGE, block_other_origins, browser, open_form

__all__ = ["browser"]  # the Chromium fixture of the browser tests, shared

SUBPATH = "/handboek/"
ZELF_HOSTEN = ROOT / "content" / "zelf-hosten.md"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
UPDATE_BANNER = "[data-update]"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def nginx_recipe() -> str:
    """The nginx block of the page "Zelf hosten", as an organisation copies it."""
    text = ZELF_HOSTEN.read_text(encoding="utf-8")
    blocks: list[str] = re.findall(r"```nginx\n(.*?)```", text, flags=re.DOTALL)
    assert len(blocks) == 1, "Zelf hosten should have exactly one nginx recipe"
    return blocks[0].replace("include mime.types;", "include /etc/nginx/mime.types;")


def start_nginx(root: Path, port: int, work: Path) -> subprocess.Popen[bytes]:
    assert NGINX is not None
    for folder in ("logs", "temp"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    temp = work / "temp"
    # As root, nginx's workers would drop to 'nobody', who cannot read pytest's folders.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"""{user}daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include /etc/nginx/mime.types;
    server {{
        listen 127.0.0.1:{port};
        root {root};
{nginx_recipe()}
    }}
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")])
    wait_for_port(port, process)
    return process


def wait_for_port(port: int, process: subprocess.Popen[Any]) -> None:
    for _ in range(200):
        if process.poll() is not None:
            pytest.fail(f"the server stopped at once (exit {process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            threading.Event().wait(0.05)
    pytest.fail(f"nothing listens on 127.0.0.1:{port}")


class CachingHandler(SimpleHTTPRequestHandler):
    """Python's server with the headers of the nginx recipe (when nginx is not installed)."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain attribute)
        **SimpleHTTPRequestHandler.extensions_map,
        **caching.CONTENT_TYPES,
    }

    def end_headers(self) -> None:
        path = unquote(urlsplit(self.path).path).removeprefix(SUBPATH)
        self.send_header("Cache-Control", caching.cache_control(path))
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Hosted:
    """A test handbook under /handboek/ on 127.0.0.1, rebuilt in place for an update."""

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.port = port
        self.url = f"http://127.0.0.1:{port}{SUBPATH}"

    def build(self, extra_page_text: str = "") -> None:
        project = self.root / "project"
        if project.exists():
            shutil.rmtree(project / "content")
            shutil.rmtree(project / "checklists")
        write_site(
            project,
            definitions={"tweede.yaml": (FIXTURES / "site" / "tweede.yaml").read_text()},
            pages={"digitaal.md": CONTENT_PAGE + extra_page_text},
            site_url=self.url,
            service_worker=True,
        )
        build_site(project)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hosted]:
    root = tmp_path_factory.mktemp("hosted")
    site = Hosted(root, free_port())
    site.build()
    served = root / "www"
    served.mkdir()
    (served / SUBPATH.strip("/")).symlink_to(root / "project" / "site")
    if NGINX is not None:
        process = start_nginx(served, site.port, root / "nginx")
        yield site
        process.terminate()
        process.wait(timeout=10)
    else:
        handler = partial(CachingHandler, directory=str(served))
        server = ThreadingHTTPServer(("127.0.0.1", site.port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield site
        server.shutdown()
        server.server_close()


@pytest.fixture
def context(browser: Browser, hosted: Hosted) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    foreign = block_other_origins(context, hosted.url)
    # Record whether the handbook asks to keep its storage.
    context.add_init_script(
        "if (navigator.storage) { window.__persistAsked = false;"
        " const original = navigator.storage.persist.bind(navigator.storage);"
        " navigator.storage.persist = () => { window.__persistAsked = true; return original(); }; }"
    )
    yield context
    context.close()
    assert foreign == [], f"requests to other origins: {foreign}"


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == [], f"JavaScript errors: {errors}"


def wait_for_offline_copy(page: Page) -> None:
    """Until the service worker has stored this build and controls the page."""
    page.wait_for_function(
        "navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)",
        timeout=60_000,
    )


# -- the recipe and the address ------------------------------------------------------


def test_the_server_sends_the_documented_headers(hosted: Hosted) -> None:
    """nginx with the recipe of "Zelf hosten" (or, without nginx, Python's server)."""
    site = hosted.root / "project" / "site"
    runtime = next((site / "assets/draaiboek").glob("pyodide-*/"))
    wasm = next(runtime.glob("*.wasm")).relative_to(site).as_posix()
    checks = {
        "": ("text/html", caching.REVALIDATE),
        browser_asset(site, "worker.mjs").relative_to(site).as_posix(): (
            "text/javascript",
            caching.IMMUTABLE,
        ),
        SERVICE_WORKER: ("javascript", caching.REVALIDATE),
        wasm: ("application/wasm", caching.IMMUTABLE),
        "search/search_index.json": ("application/json", caching.REVALIDATE),
    }
    for path, (content_type, cache) in checks.items():
        request = urllib.request.Request(hosted.url + path, method="HEAD")
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200, path
            assert content_type in response.headers["Content-Type"], path
            assert response.headers["Cache-Control"] == cache, path


def test_site_url_must_be_a_full_web_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert site_url("https://intranet.example/handboek") == "https://intranet.example/handboek/"
    assert site_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/"
    for wrong in ("intranet/handboek/", "file:///tmp/site/", "https://x.example/?a=1"):
        with pytest.raises(argparse.ArgumentTypeError):
            site_url(wrong)
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--site-url", "intranet/handboek/"])
    assert stopped.value.code == 2
    assert "geen volledig webadres" in capsys.readouterr().err


def test_build_site_url_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = write_site(tmp_path / "p", site_url="")
    monkeypatch.chdir(project)
    assert main(["build", "--site-url", "https://intranet.example/handboek"]) == 0
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://intranet.example/handboek/instrumenten/volledig/</loc>" in sitemap


def test_under_a_subpath_instant_navigation_keeps_the_scorer_warm(
    page: Page, hosted: Hosted
) -> None:
    wasm: list[str] = []
    page.on("request", lambda r: wasm.append(r.url) if r.url.endswith(".wasm") else None)
    open_form(page, hosted.url + "instrumenten/volledig/")
    page.evaluate("window.__samePage = true")
    page.locator('.md-nav a[href$="tweede/"]').first.click()
    expect(page.locator('form[data-instrument="tweede"]')).to_have_attribute(
        "data-scorer", "ready", timeout=5_000
    )
    assert page.evaluate("window.__samePage") is True, "the page was reloaded"
    assert page.url == hosted.url + "instrumenten/tweede/"
    page.check('input[name="cv"][value="zelf"]')
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "2")
    assert len(wasm) == 1, wasm
    assert page.evaluate("window.__persistAsked") is True


# -- offline after one visit ------------------------------------------------------------


def test_offline_after_one_visit_then_an_update_is_announced_and_answers_survive(
    page: Page, context: BrowserContext, hosted: Hosted
) -> None:
    open_form(page, hosted.url + "instrumenten/tweede/")
    wait_for_offline_copy(page)
    page.check('input[name="cv"][value="zelf"]')
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "2")

    context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("form.db-instrument")).to_have_attribute(
            "data-scorer", "ready", timeout=60_000
        )
        expect(page.locator('input[name="cv"][value="zelf"]')).to_be_checked()
        page.check('input[name="vacatures"][value="zelf"]')
        expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "4")
        # Another page, its search index and its form: all from the offline copy.
        page.goto(hosted.url + "digitaal/")
        expect(page.locator("form.db-instrument")).to_have_attribute(
            "data-scorer", "ready", timeout=60_000
        )
        expect(page.locator("h1")).to_contain_text("Over digitale vaardigheden")
    finally:
        context.set_offline(False)

    # A new build on the server: the page says so, and nothing is served from it
    # until the counsellor reloads.
    hosted.build(extra_page_text="\nNieuw in deze versie van het handboek.\n")
    page.goto(hosted.url + "digitaal/")
    banner = page.locator(UPDATE_BANNER)
    expect(banner).to_contain_text("Er is een nieuwe versie van het handboek", timeout=60_000)
    expect(page.locator("article")).not_to_contain_text("Nieuw in deze versie")
    page.check('input[name="netwerk"][value="hulp"]')
    banner.get_by_role("button", name="herladen").click()
    expect(page.locator("article")).to_contain_text("Nieuw in deze versie", timeout=30_000)
    expect(page.locator("form.db-instrument")).to_have_attribute(
        "data-scorer", "ready", timeout=60_000
    )
    for name in ("cv", "vacatures"):
        expect(page.locator(f'input[name="{name}"][value="zelf"]')).to_be_checked()
    expect(page.locator('input[name="netwerk"][value="hulp"]')).to_be_checked()
    expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "5")
    expect(page.locator(UPDATE_BANNER)).to_have_count(0)


def test_from_a_folder_the_storage_split_is_explained(
    context: BrowserContext, hosted: Hosted
) -> None:
    page = context.new_page()
    site = hosted.root / "project" / "site"
    page.goto((site / "instrumenten/tweede/index.html").as_uri())
    notice = page.locator("[data-file-storage-notice]")
    expect(notice).to_contain_text("zie je niet terug")
    expect(notice).to_contain_text("startscript")
    assert page.evaluate("window.__persistAsked") is False


# -- the service worker's list ----------------------------------------------------------


def test_the_worker_lists_every_file_and_changes_with_any_of_them(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<p>een</p>")
    (tmp_path / "assets" / "a.js").write_text("1")
    (tmp_path / SERVICE_WORKER).write_text("old worker")
    (tmp_path / "sitemap.xml.gz").write_bytes(b"gz")
    files = site_files(tmp_path)
    assert [path for path, _ in files] == ["assets/a.js", "index.html"]
    first = service_worker(files, "test")
    assert service_worker(site_files(tmp_path), "test") == first
    listed = json.loads(re.search(r"const FILES = (\[.*?\]);", first).group(1))  # type: ignore[union-attr]
    assert listed == [list(entry) for entry in files]
    assert 'const PREFIX = "draaiboek-test-";' in first
    assert "__" not in re.search(r'const VERSION = "(.*)";', first).group(1)  # type: ignore[union-attr]
    (tmp_path / "index.html").write_text("<p>twee</p>")
    second = service_worker(site_files(tmp_path), "test")
    version = re.compile(r'const VERSION = "([0-9a-f]{16})";')
    assert version.search(first).group(1) != version.search(second).group(1)  # type: ignore[union-attr]


def test_a_build_without_the_offline_copy_has_no_worker(tmp_path: Path) -> None:
    site = build_site(write_site(tmp_path))
    assert not (site / SERVICE_WORKER).exists()
    assert "offline-register.js" not in (site / "index.html").read_text(encoding="utf-8")


# -- the zip -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[zipfile.ZipInfo]]:
    root = tmp_path_factory.mktemp("pack")
    project = write_site(
        root / "project",
        definitions={"tweede.yaml": (FIXTURES / "site" / "tweede.yaml").read_text()},
        service_worker=True,
    )
    target = root / "uit" / "draaiboek-handboek.zip"
    port = free_port()
    status = main(
        ["pack", "-f", str(project / "mkdocs.yml"), "-o", str(target), "--poort", str(port)]
    )
    assert status == 0
    with zipfile.ZipFile(target) as archive:
        archive.extractall(root / "uitgepakt")
        entries = archive.infolist()
    return root / "uitgepakt" / "draaiboek-handboek", entries


def test_the_zip_holds_the_site_leesmij_and_start_scripts(
    unpacked: tuple[Path, list[zipfile.ZipInfo]],
) -> None:
    folder, entries = unpacked
    by_name = {entry.filename: entry for entry in entries}
    for name in (
        "LEESMIJ.txt",
        "start-handboek.bat",
        "start-handboek.sh",
        "start-handboek.command",
        "start/serve.py",
        "start/caching.py",
        "start/serve.ps1",
        "handboek/index.html",
        "handboek/service-worker.js",
        "handboek/instrumenten/tweede/index.html",
    ):
        assert f"draaiboek-handboek/{name}" in by_name, name
    for script in ("start-handboek.sh", "start-handboek.command"):
        mode = by_name[f"draaiboek-handboek/{script}"].external_attr >> 16
        assert mode & stat.S_IXUSR, f"{script} is not executable in the zip"
    leesmij = (folder / "LEESMIJ.txt").read_bytes().decode("utf-8")
    assert "\r\n" in leesmij and "@" not in leesmij
    assert "start-handboek.bat" in leesmij and "file://" in leesmij


def test_every_start_script_runs_the_same_server_with_the_same_arguments(
    unpacked: tuple[Path, list[zipfile.ZipInfo]],
) -> None:
    folder, _ = unpacked
    sh = (folder / "start-handboek.sh").read_text(encoding="utf-8")
    command = (folder / "start-handboek.command").read_text(encoding="utf-8")
    bat = (folder / "start-handboek.bat").read_bytes().decode("utf-8")
    port = re.search(r'"\$here/start/serve.py" --poort (\d+) "\$@"', sh)
    assert port is not None
    assert f'"$here/start/serve.py" --poort {port.group(1)}' in command
    # Windows: the same file and arguments through the py launcher, else PowerShell.
    assert f'py -3 "%~dp0start\\serve.py" --poort {port.group(1)} %*' in bat
    assert f'"%~dp0start\\serve.ps1" -Poort {port.group(1)}' in bat
    assert "\r\n" in bat
    ps1 = (folder / "start" / "serve.ps1").read_text(encoding="utf-8")
    assert "'" + caching._CONTENT_ADDRESSED.pattern + "'" in ps1
    assert "http://localhost:$p/" in ps1 and "@" not in ps1.replace("@{", "")


def test_the_server_binds_only_this_computer_and_sends_the_right_types() -> None:
    server = serve.bind(free_port())
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
    assert serve.TYPES[".mjs"] == "text/javascript"
    assert serve.TYPES[".wasm"] == "application/wasm"
    assert serve.TYPES[".js"].startswith("text/javascript")


def test_unzipped_and_started_with_its_script_a_form_scores(
    unpacked: tuple[Path, list[zipfile.ZipInfo]], browser: Browser
) -> None:
    folder, _ = unpacked
    process = subprocess.Popen(
        ["sh", str(folder / "start-handboek.sh")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, serve.NO_BROWSER_VARIABLE: "1"},
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", first)
        assert found, first
        address = found.group(1)
        context = browser.new_context(locale="nl-BE")
        foreign = block_other_origins(context, address)
        page = context.new_page()
        open_form(page, address + "instrumenten/tweede/")
        page.check('input[name="cv"][value="zelf"]')
        expect(page.locator('[data-score="totaal"]')).to_have_attribute("data-value", "2")
        context.close()
        assert foreign == []
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=10)


def test_launch_files_fill_in_every_placeholder() -> None:
    files = launch_files(47123, "Testhandboek", "2026-11-25 (abc)")
    for name, text in files.items():
        assert not re.search(r"@[A-Z_]+@", text), name
    assert files["LEESMIJ.txt"].startswith("Testhandboek — eigen kopie")
    assert "from caching import CONTENT_TYPES, cache_control" in files["start/serve.py"]
    assert "draaiboek." not in files["start/serve.py"].split('"""', 2)[2]
