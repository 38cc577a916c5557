"""The settings of the ``draaiboek`` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

STORAGE_CHOICES = ("local", "session", "none")
STDLIB_CHOICES = ("trimmed", "full")


class DraaiboekConfig(base.Config):
    """``plugins: - draaiboek: {...}``; every path is relative to mkdocs.yml."""

    #: Folder with the instrument and FAQ definitions.
    checklists = c.Type(str, default="checklists")
    #: Folder with the site's own templates; a template here replaces the built-in one.
    macros = c.Type(str, default="macros")
    #: Part of every storage key, so two handbooks on one host never share answers.
    #: Default: derived from ``site_name``.
    site_id = c.Optional(c.Type(str))
    #: Where answers are kept while someone works: ``local`` (until wiped),
    #: ``session`` (until the browser closes; for shared office PCs) or ``none``.
    storage = c.Choice(STORAGE_CHOICES, default="local")
    #: Where ``npm ci`` put the pinned browser packages (Pyodide, iframe-worker).
    node_modules = c.Type(str, default="node_modules")
    #: Folder with Pyodide's core files; default ``<node_modules>/pyodide``.
    pyodide_dir = c.Optional(c.Type(str))
    #: YAML file with abbreviations and their meaning (``VDAB: Vlaamse Dienst ...``):
    #: shown as a tooltip wherever the abbreviation is used, listed by ``{{ woordenlijst() }}``.
    glossary = c.Optional(c.Type(str))
    #: Folder (in the site) for the instrument pages and the overview.
    pages_dir = c.Type(str, default="instrumenten")
    #: Folder (in the site) for generated FAQ pages.
    faq_dir = c.Type(str, default="faq")
    #: Stop the build when a page would load something from another website.
    check_origins = c.Type(bool, default=True)
    #: Which standard library the browser's Python gets: ``trimmed`` (only what
    #: the scorer needs, precompiled: starts about twice as fast) or ``full``
    #: (Pyodide's own, for organisations whose own Python code needs more).
    python_stdlib = c.Choice(STDLIB_CHOICES, default="trimmed")
    #: Where the prepared trimmed standard library is kept between builds;
    #: default ``$DRAAIBOEK_CACHE_DIR``, else ``~/.cache/draaiboek``.
    cache_dir = c.Optional(c.Type(str))
    #: Keep the handbook available offline after one visit over http(s) (a
    #: service worker, ``service-worker.js`` at the site's root), announce new
    #: versions, and ask the browser to keep saved answers.
    service_worker = c.Type(bool, default=True)
