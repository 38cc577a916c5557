"""``draaiboek build`` and ``draaiboek serve``: MkDocs under the hood, our assets included."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from draaiboek.plugin import offline_enabled

DEFAULT_CONFIG = Path("mkdocs.yml")
OFFLINE_VARIABLE = "DRAAIBOEK_OFFLINE"

# mkdocs-material 9.7+ prints a banner about a future MkDocs 2 on every build;
# we pin mkdocs<2, so it is noise for our users.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def add_site_commands(commands: Any) -> None:
    """Register ``build`` and ``serve`` on the command line's sub-parsers."""
    build = commands.add_parser("build", help="bouw de site in site/")
    build.add_argument("-f", "--config-file", type=Path, default=DEFAULT_CONFIG)
    build.add_argument(
        "-d", "--site-dir", type=Path, default=None, help="doelmap (standaard site/)"
    )
    build.add_argument("--strict", action="store_true", help="stop bij elke waarschuwing")
    build.add_argument(
        "--offline",
        action="store_true",
        help="voor een map die men als bestand opent (USB-stick, file://): zoeken werkt "
        "zonder webserver",
    )
    build.add_argument(
        "--site-url",
        type=site_url,
        default=None,
        metavar="URL",
        help="het adres waarop collega's het handboek openen (bv. "
        "https://intranet.example/handboek/); pagina's laden dan zonder herladen en de "
        "rekenmodule blijft klaar van het ene formulier naar het andere",
    )
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="bekijk de site op http://127.0.0.1:8000")
    serve.add_argument("-f", "--config-file", type=Path, default=DEFAULT_CONFIG)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:POORT")
    serve.set_defaults(run=_serve)


def site_url(value: str) -> str:
    """``--site-url``: an absolute http(s) address, ending in ``/`` (a folder)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(
            f"'{value}' is geen volledig webadres; schrijf het met http:// of https:// "
            "(bv. https://intranet.example/handboek/)"
        )
    if parts.query or parts.fragment:
        raise argparse.ArgumentTypeError(f"'{value}': een site-adres heeft geen ? of #")
    return value if value.endswith("/") else value + "/"


def _show_mkdocs_messages() -> None:
    """Print mkdocs' progress and errors the way the ``mkdocs`` command does."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_draaiboek", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        handler._draaiboek = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(logging.INFO)


def _load(config_file: Path, **overrides: Any) -> Any:
    return load_config(config_file=str(config_file), **overrides)


def _build(args: argparse.Namespace) -> int:
    _show_mkdocs_messages()
    if args.offline:
        # mkdocs.yml switches mkdocs-material's offline plugin on with this variable.
        os.environ[OFFLINE_VARIABLE] = "true"
    overrides: dict[str, Any] = {"strict": args.strict}
    if args.site_dir is not None:
        overrides["site_dir"] = str(args.site_dir)
    if args.site_url is not None:
        overrides["site_url"] = args.site_url
    try:
        config = _load(args.config_file, **overrides)
        if args.offline and not offline_enabled(config):
            print(
                "draaiboek: --offline heeft de offline-plugin van mkdocs-material nodig. "
                "Zet in mkdocs.yml onder plugins:\n"
                "  - offline:\n"
                f"      enabled: !ENV [{OFFLINE_VARIABLE}, false]",
                file=sys.stderr,
            )
            return 1
        build(config)
    except MkDocsException as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def build_site(
    config_file: Path, *, site_dir: Path, site_url: str, strict: bool
) -> tuple[int, str]:
    """Build for ``draaiboek pack``: ``(exit status, site_name)``; messages go to stderr."""
    _show_mkdocs_messages()
    try:
        config = _load(config_file, strict=strict, site_dir=str(site_dir), site_url=site_url)
        build(config)
    except MkDocsException as exc:
        print(str(exc), file=sys.stderr)
        return 1, ""
    return 0, str(config.site_name)


def _serve(args: argparse.Namespace) -> int:
    _show_mkdocs_messages()
    try:
        serve(config_file=str(args.config_file), dev_addr=args.dev_addr, livereload=True)
    except MkDocsException as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0
