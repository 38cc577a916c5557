"""A static server for the benchmarks: the documented cache headers, a byte count, a slow link.

It serves a built site the way "Zelf hosten" tells an organisation to (see
:mod:`draaiboek.caching`), and counts what it sends per request, so the
benchmarks can report what a first and a repeat visit transfer, raw and as
gzip would send it.

With a :class:`Link` it also plays a slow connection: every response waits
the link's latency before it starts, and bodies share the link's bandwidth
as gzip would put them on the wire (the bytes sent over loopback are the
raw file; the time they take is that of their gzip size).
"""

from __future__ import annotations

import gzip
import shutil
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any, ClassVar
from urllib.parse import unquote, urlsplit

from draaiboek.caching import CONTENT_TYPES, cache_control


@dataclass
class Transfer:
    """One response: path, status, body bytes sent, and the same body gzipped."""

    path: str
    status: int
    raw: int
    gzip: int


@dataclass
class Counter:
    transfers: list[Transfer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, transfer: Transfer) -> None:
        with self.lock:
            self.transfers.append(transfer)

    def take(self) -> list[Transfer]:
        with self.lock:
            taken, self.transfers = self.transfers, []
        return taken


@dataclass
class Link:
    """A connection shared by every request: bandwidth (bytes per second) and latency."""

    bytes_per_second: float
    latency_s: float
    _free_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, wire_bytes: float) -> None:
        """Wait until ``wire_bytes`` more have crossed the link, after what is already queued."""
        with self._lock:
            start = max(time.monotonic(), self._free_at)
            self._free_at = start + wire_bytes / self.bytes_per_second
            done = self._free_at
        time.sleep(max(0.0, done - time.monotonic()))


def mbit_link(mbit_per_s: float, latency_ms: float) -> Link:
    return Link(mbit_per_s * 1_000_000 / 8, latency_ms / 1000)


@cache
def _gzip_size(path: Path, mtime: float) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


class _Handler(SimpleHTTPRequestHandler):
    counter: Counter
    link: Link | None = None
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        **CONTENT_TYPES,
    }
    _status = 0

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(unquote(urlsplit(self.path).path)))
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def do_GET(self) -> None:
        if self.link is not None:
            time.sleep(self.link.latency_s)
        super().do_GET()
        # SimpleHTTPRequestHandler sends a whole file with 200, nothing with 304.
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        sent = self._status == 200 and file.is_file()
        self.counter.add(
            Transfer(
                urlsplit(self.path).path,
                self._status,
                file.stat().st_size if sent else 0,
                _gzip_size(file, file.stat().st_mtime) if sent else 0,
            )
        )

    def copyfile(self, source: IO[bytes], outputfile: IO[bytes]) -> None:  # type: ignore[override]
        if self.link is None:
            shutil.copyfileobj(source, outputfile)
            return
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        size = file.stat().st_size
        ratio = _gzip_size(file, file.stat().st_mtime) / size if size else 1.0
        while chunk := source.read(64 * 1024):
            self.link.send(len(chunk) * ratio)
            outputfile.write(chunk)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(site: Path, port: int, link: Link | None = None) -> tuple[ThreadingHTTPServer, Counter]:
    """Serve ``site`` on 127.0.0.1:``port`` in a background thread (over ``link`` if given)."""
    counter = Counter()
    handler = type(
        "Handler",
        (_Handler,),
        {"counter": counter, "link": link, "__init__": _init_with_directory(str(site))},
    )
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, counter


def _init_with_directory(directory: str) -> Any:
    def __init__(self: _Handler, *args: Any, **kwargs: Any) -> None:
        SimpleHTTPRequestHandler.__init__(self, *args, directory=directory, **kwargs)

    return __init__
