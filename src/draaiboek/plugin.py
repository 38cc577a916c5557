"""The MkDocs plugin ``draaiboek``: definitions in, handbook pages and runtime out.

A thin layer: :mod:`draaiboek.loader` checks the definitions,
:mod:`draaiboek.render` turns them into HTML and Markdown, and
:mod:`draaiboek.runtime` prepares the browser's Python. This module only wires
those into MkDocs' build events.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from draaiboek.browser_assets import AssetError, BrowserAsset, address, with_names
from draaiboek.catalog_cache import cached_catalog
from draaiboek.errors import AuthorError, display_path
from draaiboek.glossary import glossary_table, load_glossary
from draaiboek.loader import Catalog
from draaiboek.markdown_cache import MarkdownCache
from draaiboek.offline import REGISTER_SCRIPT, write_service_worker
from draaiboek.origins import scan_site
from draaiboek.plugin_config import DraaiboekConfig
from draaiboek.render import Renderer
from draaiboek.runtime import (
    Runtime,
    RuntimeMissing,
    find_pyodide,
    load_options,
    prepare_runtime,
    runtime_id,
)
from draaiboek.trimmed_stdlib import StdlibError, TrimmedStdlib, default_cache_dir, trimmed_stdlib

log = get_plugin_logger(__name__)

ASSETS_DIR = "assets/draaiboek"
# Every page loads these two; worker.mjs is generated per build (see _worker).
# All are written under content-addressed names (see _browser_assets).
FORMS_SCRIPT, STYLESHEET, WORKER = "forms.js", "draaiboek.css", "worker.mjs"
# Not on any page: forms.js loads it when the group page reads a QR code.
QR_DECODER = "qrdecode.js"
_ASSETS_SOURCE = Path(__file__).parent / "assets"
# mkdocs-material's offline plugin would load this shim (it lets the search
# worker run from file://) from unpkg.com; we ship the pinned npm copy instead.
IFRAME_WORKER_SHIM = "iframe-worker/shim/index.js"
# Starts the scorer's worker as the page begins to load, and has it fetch and
# read the page's definitions as soon as Python is up; forms.js adopts it.
# Never on file:// (browsers refuse module workers there; forms.js explains).
# URLs are made absolute here: the worker would resolve them against its own.
EARLY_START = (
    '<script>if(location.protocol!=="file:"&&typeof Worker==="function")try{{'
    'const w=new Worker("{worker}",{{type:"module"}});w.missed=[];'
    "w.onmessage=e=>w.missed.push(e.data);"
    # A runtime file that cannot be fetched fails the worker before forms.js
    # listens: kept as the worker's own "failed" message would be.
    'w.onerror=e=>w.missed.push({{type:"failed",message:e.message||"{unreachable}"}});'
    "for(const d of {definitions})w.postMessage({{preload:new URL(d,location.href).href}});"
    "window.draaiboekWorker=w}}catch(e){{}}</script>"
)
# On a page with a form, mkdocs-material's search worker (it builds the search
# index, hundreds of milliseconds of CPU on the handbook) waits until the
# form's first result, so the two do not share the processor while Python
# starts. It starts at once when the person goes to the search box, when the
# scorer cannot start, and after 8 s in any case; messages wait in order.
# Every other worker is made as usual; `instanceof Worker` still holds.
SEARCH_AFTER_RESULT = (
    '<script>if(location.protocol!=="file:"&&typeof Worker==="function"){'
    "const R=Worker,waiting=[];let go=false;"
    "const start=window.draaiboekStartSearch=()=>{"
    "if(!go){go=true;waiting.splice(0).forEach(f=>f())}};"
    "window.Worker=function(url,options){"
    'if(go||!String(url).includes("/workers/search."))return new R(url,options);'
    "const stand=new EventTarget(),queue=[];let real=null;"
    "stand.postMessage=m=>real?real.postMessage(m):queue.push(m);"
    "stand.terminate=()=>{real?real.terminate():(queue.length=0)};"
    "waiting.push(()=>{real=new R(url,options);"
    'real.onmessage=e=>stand.dispatchEvent(new MessageEvent("message",{data:e.data}));'
    'real.onerror=()=>stand.dispatchEvent(new Event("error"));'
    "queue.splice(0).forEach(m=>real.postMessage(m))});"
    "return stand};"
    "window.Worker.prototype=R.prototype;"
    'document.addEventListener("focusin",e=>{'
    'if(e.target instanceof Element&&e.target.closest(".md-search"))start()});'
    "setTimeout(start,8000)}</script>"
)
# Why the scorer did not start when its files could not be fetched (the page
# says "De rekenmodule kon niet starten (…)"); text.js runtimeUnreachable too.
RUNTIME_UNREACHABLE = "de nodige bestanden konden niet geladen worden"
# How worker.mjs names the runtime folder; the build puts in the versioned name.
RUNTIME_PLACEHOLDER = "./pyodide/"
# The line of worker.mjs the build fills in with this runtime's loadPyodide options.
RUNTIME_OPTIONS_LINE = "const RUNTIME = {};"
IFRAME_WORKER_TARGET = f"{ASSETS_DIR}/iframe-worker-shim.js"

# {{ checklist("id") }}, {{ faq("id") }} and {{ woordenlijst() }}; quotes single or double.
_MACRO = re.compile(
    r"""\{\{\s*(?P<name>[A-Za-z_]\w*)\s*\(\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')?\s*\)\s*\}\}"""
)
_MACRO_START = re.compile(r"\{\{\s*(?P<name>checklist|faq|woordenlijst)\b")
# Whether each macro takes an id.
_MACRO_TAKES_ID = {"checklist": True, "faq": True, "woordenlijst": False}
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_SLOT = '<div data-draaiboek-slot="{}"></div>'
# A link in a definition's Markdown to a page of the handbook, by its source path.
_PAGE_LINK = re.compile(
    r'href="(?P<path>(?![a-z][a-z0-9+.-]*:|/|#)[^"#?]+\.md)(?P<anchor>#[^"]*)?"'
)
_SLOT_IN_HTML = re.compile(r'(?:<p>)?<div data-draaiboek-slot="(\d+)"></div>(?:</p>)?')
# What search sees in a form's place until on_page_context puts the form there.
_STAND_IN = "<!--draaiboek-form:{}--><div>{}</div><!--/draaiboek-form-->"
_STAND_IN_HTML = re.compile(r"<!--draaiboek-form:(\d+)-->.*?<!--/draaiboek-form-->", re.S)


class DraaiboekPlugin(BasePlugin[DraaiboekConfig]):
    """Loads and checks the definitions, generates pages, embeds forms, ships the runtime."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog = Catalog()
        self.renderer: Renderer | None = None
        self.root = Path.cwd()
        # Per page: the instruments whose forms fill its slots, in slot order.
        self._slots: dict[str, list[str]] = {}
        # Per page: the rendered forms, in slot order, until on_page_context puts them in.
        self._forms: dict[str, list[str]] = {}
        self._files: Files | None = None
        self.glossary: dict[str, str] = {}
        self._runtime_name: str | None = None
        self._stdlib: TrimmedStdlib | None = None
        # Source name -> the file as written this build (content-addressed).
        self._assets: dict[str, BrowserAsset] | None = None
        self.site_id = "draaiboek"
        self._markdown_cache = MarkdownCache(None, {})
        # `mkdocs serve` rebuilds on every change; a service worker would keep
        # showing the old pages, so none is made there.
        self._serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def _offline_copy(self) -> bool:
        return bool(self.config.service_worker) and not self._serving

    # -- configuration -------------------------------------------------------

    def path(self, value: str) -> Path:
        """A path from the plugin config, relative to mkdocs.yml."""
        return (self.root / value).resolve()

    def iframe_worker_shim(self) -> Path:
        return self.path(self.config.node_modules) / IFRAME_WORKER_SHIM

    # Early, so the offline plugin sees our local iframe-worker shim and adds no CDN URL.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.config_file_path:
            self.root = Path(config.config_file_path).resolve().parent
        checklists = self.path(self.config.checklists)
        if not checklists.is_dir():
            raise PluginError(
                f"draaiboek: de map met instrumenten '{self.config.checklists}' bestaat niet "
                f"(gezocht: {checklists}). Maak ze aan of zet 'checklists:' bij de plugin in "
                "mkdocs.yml."
            )
        try:
            self.catalog = cached_catalog([checklists], self._cache_dir())
        except AuthorError as exc:
            raise PluginError(
                f"draaiboek: de definities bevatten {_count(len(exc.problems), 'fout', 'fouten')}:"
                f"\n{exc}"
            ) from None
        self.glossary = self._load_glossary(config)
        site_id = self.config.site_id or _slug(config.site_name) or "draaiboek"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", site_id):
            raise PluginError(
                f"draaiboek: site_id '{site_id}' mag alleen kleine letters, cijfers en "
                "koppeltekens bevatten (bv. draaiboek-gent)."
            )
        self.site_id = site_id
        self._markdown_cache = MarkdownCache.open(
            self._cache_dir(), config.markdown_extensions, config.mdx_configs
        )
        self.renderer = Renderer(
            self.catalog,
            template_dirs=[self.path(self.config.macros)],
            markdown_extensions=config.markdown_extensions,
            extension_configs=config.mdx_configs,
            site_id=site_id,
            storage=self.config.storage,
            bytecode_cache=self._template_cache(),
            converted=self._markdown_cache.entries,
        )
        if offline_enabled(config):
            shim = self.iframe_worker_shim()
            if not shim.is_file():
                raise PluginError(
                    f"draaiboek: {shim} ontbreekt; voer 'npm ci' uit in de projectmap."
                )
            polyfills = [
                url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url
            ]
            config.extra["polyfills"] = [*polyfills, IFRAME_WORKER_TARGET]
        self._slots = {}
        self._forms = {}
        self._runtime_name = None
        self._stdlib = None
        self._assets = None
        return config

    def _load_glossary(self, config: MkDocsConfig) -> dict[str, str]:
        """Read the glossary and give it to the ``abbr`` extension (pages and forms alike)."""
        if not self.config.glossary:
            return {}
        path = self.path(self.config.glossary)
        if not path.is_file():
            raise PluginError(
                f"draaiboek: de woordenlijst '{self.config.glossary}' bestaat niet "
                f"(gezocht: {path})."
            )
        try:
            glossary = load_glossary(path)
        except AuthorError as exc:
            raise PluginError(f"draaiboek: fout in de woordenlijst:\n{exc}") from None
        if "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        abbr_config = config.mdx_configs.setdefault("abbr", {})
        # Abbreviations the site configured itself win over ours.
        abbr_config["glossary"] = {**glossary, **abbr_config.get("glossary", {})}
        return glossary

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        watched = [self.path(self.config.checklists), self.path(self.config.macros)]
        if self.config.glossary:
            watched.append(self.path(self.config.glossary))
        for path in watched:
            if path.exists():
                server.watch(str(path))
        return server

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Keep the theme's compiled templates on disk, as the form templates are.

        MkDocs compiles the theme's ~40 templates on every build; that was a
        tenth of a handbook's build. The cache is keyed by each template's
        source, so an edited or updated theme is compiled again.
        """
        if env.bytecode_cache is None:
            env.bytecode_cache = self._template_cache()
        return env

    # -- files and pages -----------------------------------------------------

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        renderer = self._renderer()
        pages, faqs = self.config.pages_dir, self.config.faq_dir

        def add_page(src_uri: str, content: str) -> None:
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=content))

        for instrument_id, definition in self.catalog.instruments.items():
            add_page(f"{pages}/{instrument_id}.md", renderer.instrument_page(instrument_id))
            add_page(
                f"{pages}/{instrument_id}/vergelijken.md", renderer.compare_page(instrument_id)
            )
            add_page(f"{pages}/{instrument_id}/groep.md", renderer.group_page(instrument_id))
            files.append(
                File.generated(
                    config,
                    f"{ASSETS_DIR}/instruments/{definition.file_name}",
                    content=definition.compiled_json,
                )
            )
        if self.catalog.instruments:
            overview_src = f"{pages}/index.md"
            add_page(
                overview_src,
                renderer.overview_page(lambda i: _relative_link(overview_src, f"{pages}/{i}.md")),
            )
        if self.catalog.instruments:
            # Links as the browser follows them (directory URLs).
            add_page(
                "op-dit-toestel.md",
                renderer.device_page(lambda i: f"../{pages}/{i}/"),
            )
        for faq_id in self.catalog.faqs:
            add_page(f"{faqs}/{faq_id}.md", renderer.faq_page(faq_id))
        if offline_enabled(config):
            shim = str(self.iframe_worker_shim())
            files.append(File.generated(config, IFRAME_WORKER_TARGET, abs_src_path=shim))
        assets = self._browser_assets()
        for asset in assets.values():
            files.append(
                File.generated(config, f"{ASSETS_DIR}/{asset.name}", content=asset.content)
            )
        # Read by the theme when it renders each page, after this event.
        config.extra_css.append(f"{ASSETS_DIR}/{assets[STYLESHEET].name}")
        # A classic script, not a module: browsers refuse module scripts from
        # file://, and the forms must stay fillable and printable there too.
        config.extra_javascript.append(f"{ASSETS_DIR}/{assets[FORMS_SCRIPT].name}")
        if REGISTER_SCRIPT in assets:
            config.extra_javascript.append(f"{ASSETS_DIR}/{assets[REGISTER_SCRIPT].name}")
        self._files = files
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Expand ``{{ checklist("id") }}`` (to a slot) and ``{{ faq("id") }}`` (to Markdown)."""
        renderer = self._renderer()
        src_uri = page.file.src_uri
        slots = self._slots[src_uri] = []
        where = _display_source(page, config)

        def link(instrument_id: str) -> str:
            return _relative_link(src_uri, f"{self.config.pages_dir}/{instrument_id}.md")

        def expand(match: re.Match[str], line: int) -> str:
            name, ref = match.group("name"), _macro_ref(match)
            if name not in _MACRO_TAKES_ID:
                return match.group(0)
            if (ref is not None) != _MACRO_TAKES_ID[name]:
                raise PluginError(f"{where}:{line}: {_macro_usage(name)}")
            if ref is None:  # {{ woordenlijst() }}
                if not self.config.glossary:
                    raise PluginError(
                        f"{where}:{line}: er is geen woordenlijst\n"
                        "    tip: zet 'glossary: woordenlijst.yaml' bij de draaiboek-plugin "
                        "in mkdocs.yml"
                    )
                return "\n\n" + glossary_table(self.glossary) + "\n\n"
            if name == "checklist":
                self._require(ref, self.catalog.instruments, "instrument", where, line)
                if ref in slots:
                    raise PluginError(
                        f"{where}:{line}: het instrument '{ref}' staat al eerder op deze pagina; "
                        "een formulier mag maar één keer op een pagina staan."
                    )
                slots.append(ref)
                return "\n\n" + _SLOT.format(len(slots) - 1) + "\n\n"
            if name == "faq":
                self._require(ref, self.catalog.faqs, "FAQ", where, line)
                faq = renderer.faq(ref, link, page_link=lambda path: _relative_link(src_uri, path))
                return "\n\n" + faq + "\n\n"
            return match.group(0)

        return _expand_macros(markdown, expand, where)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Render each form of the page; leave search a short text in its place.

        A form is mostly option cells; the search plugin, which reads
        ``page.content`` in ``on_page_context``, would parse every one of them.
        It sees :meth:`Renderer.search_text` instead (questions, help, advice),
        and our own ``on_page_context``, which runs after it, puts the form in.
        """
        slots = self._slots.get(page.file.src_uri)
        if not slots:
            return html
        renderer = self._renderer()
        own_page = f"{self.config.pages_dir}/{{}}.md"
        forms = self._forms[page.file.src_uri] = []

        def form(match: re.Match[str]) -> str:
            instrument_id = slots[int(match.group(1))]
            target = files.get_file_from_path(own_page.format(instrument_id))
            link = None
            if target is not None and target is not page.file:
                link = target.url_relative_to(page.file)
            html = renderer.instrument_form(instrument_id, page_link=link)
            forms.append(self._resolve_page_links(html, instrument_id, page, files))
            text = renderer.search_text(instrument_id)
            return _STAND_IN.format(len(forms) - 1, text)

        return _SLOT_IN_HTML.sub(form, html)

    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Put each form where search saw its short text (after every other plugin's turn)."""
        forms = self._forms.pop(page.file.src_uri, None)
        if forms and page.content is not None:
            page.content = _STAND_IN_HTML.sub(lambda m: forms[int(m.group(1))], page.content)
        return context

    def _resolve_page_links(self, html: str, instrument_id: str, page: Page, files: Files) -> str:
        """Point links to handbook pages (``werkgevers/prospectie.md``) at the built page.

        Texts in a definition are rendered outside MkDocs, so MkDocs never sees
        their links; a form also shows on pages at different depths. Authors
        write the page's path in ``content/``, as in ``mkdocs.yml``'s nav.
        """

        def resolve(match: re.Match[str]) -> str:
            target = files.get_file_from_path(match.group("path"))
            if target is None or not target.is_documentation_page():
                known = [f.src_uri for f in files.documentation_pages()]
                close = difflib.get_close_matches(match.group("path"), known, n=1)
                hint = (
                    f"bedoel je '{close[0]}'?" if close else "schrijf het pad vanaf de map content/"
                )
                where = display_path(self.catalog.instruments[instrument_id].path)
                raise PluginError(
                    f"{where}: een link in het instrument '{instrument_id}' wijst naar "
                    f"'{match.group('path')}', maar die pagina bestaat niet\n    tip: {hint}"
                )
            return f'href="{target.url_relative_to(page.file)}{match.group("anchor") or ""}"'

        return _PAGE_LINK.sub(resolve, html)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """On a page with a form, start the scorer from the top of ``<head>``.

        forms.js runs at the end of the page, after the theme's stylesheets and
        scripts; starting Pyodide here gains that time. forms.js adopts the
        worker (and any message it sent meanwhile).
        """
        slots = self._slots.get(page.file.src_uri)
        if not slots or "<head>" not in output:
            return output
        worker = get_relative_url(f"{ASSETS_DIR}/{self._browser_assets()[WORKER].name}", page.url)
        definitions = [
            get_relative_url(
                f"{ASSETS_DIR}/instruments/{self.catalog.instruments[i].file_name}", page.url
            )
            for i in slots
        ]
        # Plain file names and folders: JSON is a valid JavaScript array here.
        script = EARLY_START.format(
            worker=worker,
            definitions=json.dumps(definitions, separators=(",", ":")),
            unreachable=RUNTIME_UNREACHABLE,
        )
        return output.replace("<head>", "<head>" + script + SEARCH_AFTER_RESULT, 1)

    # -- after the build -----------------------------------------------------

    # Last of all plugins: the service worker lists every file the build wrote
    # (the search index, and the offline plugin's search_index.js, included).
    @event_priority(-110)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        runtime = self._prepare(site_dir / ASSETS_DIR / self._runtime_folder())
        log.debug("Pyodide %s in de site gezet: %s", runtime.pyodide_version, runtime.folder.name)
        if self.config.check_origins:
            found = scan_site(site_dir, clean_list=self._clean_list(config))
            if found:
                listed = "\n".join(f"  {ref}" for ref in found[:20])
                more = f"\n  … en nog {len(found) - 20}" if len(found) > 20 else ""
                raise PluginError(
                    "draaiboek: de site zou bestanden van andere websites laden; dat mag niet, "
                    "want het handboek moet zonder internet werken en niets doorgeven:\n"
                    f"{listed}{more}\n"
                    "Zet die bestanden in de site zelf (bv. in content/assets/)."
                )
        if self._offline_copy():
            write_service_worker(site_dir, self.site_id)
        self._markdown_cache.save(self._renderer().conversions())

    # -- helpers -------------------------------------------------------------

    def _pyodide_dir(self) -> Path:
        try:
            return find_pyodide(
                self.path(self.config.pyodide_dir or f"{self.config.node_modules}/pyodide")
            )
        except RuntimeMissing as exc:
            raise PluginError(f"draaiboek: {exc}") from None

    def _cache_dir(self) -> Path:
        return self.path(self.config.cache_dir) if self.config.cache_dir else default_cache_dir()

    def _clean_list(self, config: MkDocsConfig) -> Path:
        """Where the other-origin scan remembers clean files: one list per handbook.

        A shared list would be rewritten by every other site built on this
        account (a second handbook, the test suite), and each would scan all again.
        """
        where = str(Path(config.config_file_path or self.root).resolve())
        digest = hashlib.sha256(where.encode()).hexdigest()[:12]
        return self._cache_dir() / f"origins-clean-{digest}.txt"

    def _template_cache(self) -> jinja2.BytecodeCache | None:
        """Compiled form templates on disk: a build does not compile them again."""
        folder = self._cache_dir() / "templates"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None  # a read-only home: compile every time, as before
        return jinja2.FileSystemBytecodeCache(str(folder))

    def _trimmed(self) -> TrimmedStdlib | None:
        """The scorer's own standard library (cached on disk), unless ``python_stdlib: full``."""
        if self.config.python_stdlib != "trimmed":
            return None
        if self._stdlib is None:
            try:
                self._stdlib = trimmed_stdlib(self._pyodide_dir(), self._cache_dir())
            except StdlibError as exc:
                raise PluginError(f"draaiboek: {exc}") from None
        return self._stdlib

    def _prepare(self, folder: Path) -> Runtime:
        stdlib = self._trimmed()
        return prepare_runtime(self._pyodide_dir(), folder, stdlib.zip if stdlib else None)

    def _runtime_folder(self) -> str:
        """``pyodide-<version>-<hash>``: a new address whenever the runtime changes."""
        if self._runtime_name is None:
            stdlib = self._trimmed()
            key = stdlib.key if stdlib else None
            self._runtime_name = f"pyodide-{runtime_id(self._pyodide_dir(), key)}"
        return self._runtime_name

    def _browser_assets(self) -> dict[str, BrowserAsset]:
        """This build's browser files by source name, each under a content-addressed name.

        Names are passed down the chain: the worker names the runtime folder,
        forms.js names the worker (and its other scripts), the pages name forms.js.
        """
        if self._assets is None:
            worker = address(WORKER, self._worker().encode())
            loaded_by_forms = {
                WORKER: worker,
                QR_DECODER: address(QR_DECODER, _source_bytes(QR_DECODER)),
            }
            names = {source: asset.name for source, asset in loaded_by_forms.items()}
            try:
                forms_text = with_names(_source_text(FORMS_SCRIPT), names)
            except AssetError as exc:
                raise PluginError(f"draaiboek: {exc}") from None
            assets = {
                **loaded_by_forms,
                FORMS_SCRIPT: address(FORMS_SCRIPT, forms_text.encode()),
                STYLESHEET: address(STYLESHEET, _source_bytes(STYLESHEET)),
            }
            if self._offline_copy():
                assets[REGISTER_SCRIPT] = address(REGISTER_SCRIPT, _source_bytes(REGISTER_SCRIPT))
            self._assets = assets
        return self._assets

    def _worker(self) -> str:
        """worker.mjs, pointing at this build's runtime folder, with its loadPyodide options."""
        source = _source_text(WORKER)
        if source.count(RUNTIME_PLACEHOLDER) != 3 or source.count(RUNTIME_OPTIONS_LINE) != 1:
            raise PluginError(
                f"draaiboek: worker.mjs noemt '{RUNTIME_PLACEHOLDER}' niet drie keer of "
                f"'{RUNTIME_OPTIONS_LINE}' niet één keer"
            )
        options = json.dumps(self._load_options(), separators=(",", ":"), sort_keys=True)
        return source.replace(RUNTIME_PLACEHOLDER, f"./{self._runtime_folder()}/").replace(
            RUNTIME_OPTIONS_LINE, f"const RUNTIME = {options};"
        )

    def _load_options(self) -> dict[str, Any]:
        """What worker.mjs passes to ``loadPyodide`` (:func:`draaiboek.runtime.load_options`)."""
        return load_options(self._pyodide_dir(), trimmed=self._trimmed() is not None)

    def _renderer(self) -> Renderer:
        if self.renderer is None:
            raise PluginError("draaiboek: de plugin is niet geconfigureerd (on_config liep niet)")
        return self.renderer

    @staticmethod
    def _require(ref: str, known: dict[str, Any], kind: str, where: str, line: int) -> None:
        if ref in known:
            return
        close = difflib.get_close_matches(ref, list(known), n=1)
        hint = (
            f"bedoel je '{close[0]}'?"
            if close
            else (
                f"bekende ids: {', '.join(sorted(known))}"
                if known
                else f"er is nog geen enkele {kind}"
            )
        )
        raise PluginError(f"{where}:{line}: onbekende {kind} '{ref}'\n    tip: {hint}")


def _source_bytes(name: str) -> bytes:
    return (_ASSETS_SOURCE / name).read_bytes()


def _source_text(name: str) -> str:
    return _source_bytes(name).decode("utf-8")


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether mkdocs-material's offline plugin is on (a site meant for file://)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return plugin is not None and bool(plugin.config.enabled)


Expander = Callable[[re.Match[str], int], str]


def macro_calls(markdown: str, where: str = "") -> list[tuple[str, str | None, int]]:
    """Every ``{{ name("ref") }}`` outside code in a page: ``(name, ref, line)``."""
    calls: list[tuple[str, str | None, int]] = []

    def record(match: re.Match[str], line: int) -> str:
        calls.append((match.group("name"), _macro_ref(match), line))
        return ""

    _expand_macros(markdown, record, where)
    return calls


def _expand_macros(markdown: str, expand: Expander, where: str) -> str:
    """Apply ``expand`` to every macro outside code blocks and code spans."""
    out: list[str] = []
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        pieces: list[str] = []
        position = 0
        for code in _CODE_SPAN.finditer(line):
            pieces.append(_expand_line(line[position : code.start()], expand, where, number))
            pieces.append(code.group(0))
            position = code.end()
        pieces.append(_expand_line(line[position:], expand, where, number))
        out.append("".join(pieces))
    return "".join(out)


def _expand_line(text: str, expand: Expander, where: str, line: int) -> str:
    result = _MACRO.sub(lambda m: expand(m, line), text)
    broken = _MACRO_START.search(result)
    if broken:
        name = broken.group("name")
        raise PluginError(
            f"{where}:{line}: '{{{{ {name}' is niet goed geschreven\n    {_tip(name)}"
        )
    return result


def _macro_ref(match: re.Match[str]) -> str | None:
    """The id between the quotes, or ``None`` for ``{{ name() }}``."""
    return match.group("dq") if match.group("dq") is not None else match.group("sq")


def _macro_usage(name: str) -> str:
    if not _MACRO_TAKES_ID[name]:
        return f"{{{{ {name}() }}}} heeft geen id nodig\n    {_tip(name)}"
    return f"{{{{ {name}() }}}} mist de id\n    {_tip(name)}"


def _tip(name: str) -> str:
    if not _MACRO_TAKES_ID[name]:
        return f"tip: schrijf {{{{ {name}() }}}}"
    return f'tip: schrijf {{{{ {name}("de-id") }}}} met de id tussen aanhalingstekens'


def _relative_link(from_src: str, to_src: str) -> str:
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def _display_source(page: Page, config: MkDocsConfig) -> str:
    """The page's file as the author knows it: ``content/werkgevers.md``."""
    if page.file.generated_by:
        return f"{page.file.src_uri} (gemaakt door {page.file.generated_by})"
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent if config.config_file_path else docs.parent
    try:
        return (docs / page.file.src_path).relative_to(root).as_posix()
    except ValueError:
        return page.file.src_uri


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
