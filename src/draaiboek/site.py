"""``draaiboek build`` and ``draaiboek serve``: MkDocs under the hood, our assets included."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from draaiboek.csp import HEADER, POLICY_FILE, write_policy
from draaiboek.errors import display_path
from draaiboek.plugin import offline_enabled
from draaiboek.yamlsource import file_problem

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

    host = commands.add_parser(
        "host", help="bied de gebouwde site/ aan zoals een webserver, met de CSP-kop"
    )
    host.add_argument("-d", "--site-dir", type=Path, default=Path("site"), help="standaard site/")
    host.add_argument("-a", "--addr", default="127.0.0.1:8000", metavar="IP:POORT")
    host.set_defaults(run=_host)

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
        return _build_and_swap(config)
    except MkDocsException as exc:
        print(str(exc), file=sys.stderr)
        return 1


INTERRUPTED = "draaiboek: bouwen onderbroken; de vorige site is niet veranderd."
_STAGING_INFIX = "-wordt-gebouwd-"
_OLD_INFIX = "-vorige-"


def _build_and_swap(config: Any) -> int:
    """Build into a fresh folder beside the site, then swap it in.

    MkDocs empties ``site_dir`` before it writes, so an interrupted or failed
    build would leave no site or a half-written one. Building next to it (same
    file system, so a rename moves it) keeps the previous site whole until the
    new one is complete.
    """
    site_dir = Path(config["site_dir"]).resolve()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(site_dir)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{site_dir.name}{_STAGING_INFIX}", dir=site_dir.parent)
        )
    except OSError as exc:
        print(f"{file_problem(display_path(site_dir.parent), exc, writing=True)}", file=sys.stderr)
        return 1
    # mkdtemp makes a private folder; a web server must be able to read the site.
    staging.chmod(site_dir.stat().st_mode & 0o7777 if site_dir.is_dir() else 0o755)
    config["site_dir"] = str(staging)
    try:
        build(config)
        # After mkdocs and every plugin (the theme's offline plugin too): the final HTML.
        write_policy(staging)
        _swap(staging, site_dir)
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        config["site_dir"] = str(site_dir)
    return 0


def _swap(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` where ``site_dir`` is; Ctrl-C waits until both renames are done."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        old: Path | None = None
        if site_dir.exists():
            old = Path(
                tempfile.mkdtemp(prefix=f".{site_dir.name}{_OLD_INFIX}", dir=site_dir.parent)
            )
            site_dir.rename(old / site_dir.name)
        staging.rename(site_dir)
    finally:
        signal.signal(signal.SIGINT, previous)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(site_dir: Path) -> None:
    """Folders of a build that was killed outright (no chance to clean up)."""
    for infix in (_STAGING_INFIX, _OLD_INFIX):
        for leftover in site_dir.parent.glob(f".{site_dir.name}{infix}*"):
            shutil.rmtree(leftover, ignore_errors=True)


class PolicyHandler(SimpleHTTPRequestHandler):
    """A static file server that sends what a real web server should: CSP and MIME types."""

    policy = ""
    extensions_map = {  # noqa: RUF012 - replaces the base class's own mapping
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def end_headers(self) -> None:
        if self.policy:
            self.send_header(HEADER, self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a quiet server: the person is reading the handbook, not the log


def policy_server(site_dir: Path, host: str, port: int) -> ThreadingHTTPServer:
    """A server for ``site_dir`` with the site's own Content-Security-Policy."""
    policy = (site_dir / POLICY_FILE).read_text(encoding="utf-8").strip()
    handler = type("SiteHandler", (PolicyHandler,), {"policy": policy})
    return ThreadingHTTPServer((host, port), partial(handler, directory=str(site_dir)))


def _host(args: argparse.Namespace) -> int:
    site_dir: Path = args.site_dir
    if not (site_dir / POLICY_FILE).is_file():
        print(
            f"draaiboek: {display_path(site_dir)} is geen gebouwde site "
            f"({POLICY_FILE} ontbreekt); bouw eerst met: draaiboek build",
            file=sys.stderr,
        )
        return 1
    host, _, port = args.addr.rpartition(":")
    try:
        server = policy_server(site_dir, host or "127.0.0.1", int(port))
    except (OSError, ValueError) as exc:
        print(f"draaiboek: kan niet luisteren op {args.addr} ({exc})", file=sys.stderr)
        return 1
    print(f"Het handboek staat op http://{args.addr}/ (stoppen met Ctrl-C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("draaiboek: gestopt.", file=sys.stderr)
    finally:
        server.server_close()
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
