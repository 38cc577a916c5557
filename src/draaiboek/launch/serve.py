"""Serve the handbook in this zip on this computer only, and open it in the browser.

Run by ``start-handboek.sh``, ``start-handboek.command`` and (through the
``py`` launcher) ``start-handboek.bat``, with the same arguments everywhere.
It needs nothing but Python's standard library. In a release zip it sits in
``start/`` next to a copy of ``draaiboek/caching.py`` and serves ``../handboek``.

Only 127.0.0.1 is bound: nobody else on the network can reach the handbook.
The port is fixed (the build's ``site_url`` names it, and the browser keeps
saved answers per address), with a few fallbacks when it is taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import webbrowser
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from draaiboek.caching import CONTENT_TYPES, cache_control

DEFAULT_PORT = 47100
FALLBACKS = 9
NO_BROWSER_VARIABLE = "DRAAIBOEK_GEEN_BROWSER"
SITE_FOLDER = "handboek"

# Windows' registry can map .js to text/plain, and browsers refuse such
# scripts; these types never come from the machine's settings.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
    **CONTENT_TYPES,
}


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain attribute)
        **SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(unquote(urlsplit(self.path).path)))
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per file would bury the address people need


def bind(port: int) -> ThreadingHTTPServer:
    """A server on 127.0.0.1: ``port`` when free, else the next ones, else any free port."""
    handler = partial(Handler, directory=str(site_folder()))
    for candidate in [*range(port, port + FALLBACKS + 1), 0]:
        try:
            return ThreadingHTTPServer(("127.0.0.1", candidate), handler)
        except OSError:
            continue
    raise OSError("geen enkele poort vrij op 127.0.0.1")


def site_folder() -> Path:
    return Path(__file__).resolve().parent.parent / SITE_FOLDER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start het handboek op deze computer.")
    parser.add_argument("--poort", type=int, default=DEFAULT_PORT)
    parser.add_argument("--geen-browser", action="store_true", help="open geen browser")
    args = parser.parse_args(argv)
    if not (site_folder() / "index.html").is_file():
        print(f"De map met het handboek ontbreekt: {site_folder()}", file=sys.stderr)
        print("Pak het zip-bestand opnieuw volledig uit.", file=sys.stderr)
        return 1
    try:
        server = bind(args.poort)
    except OSError as exc:
        print(f"Het handboek kan niet starten: {exc}", file=sys.stderr)
        return 1
    port = server.server_address[1]
    address = f"http://127.0.0.1:{port}/"
    print(f"Het handboek staat klaar op {address}", flush=True)
    if port != args.poort:
        print(
            f"Let op: poort {args.poort} was bezet. Antwoorden die je eerder in de browser "
            "bewaarde, horen bij het vaste adres; sluit het andere programma en start opnieuw "
            "om ze terug te zien.",
            flush=True,
        )
    print("Laat dit venster open zolang je het handboek gebruikt; sluit het om te stoppen.")
    print("Enkel deze computer kan het handboek zien.", flush=True)
    if not (args.geen_browser or os.environ.get(NO_BROWSER_VARIABLE)):
        threading.Timer(0.3, webbrowser.open, (address,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
