"""``draaiboek pack``: one zip an organisation downloads, unzips anywhere and starts.

The zip holds one folder::

    <naam>/LEESMIJ.txt            what to do, in Dutch
    <naam>/start-handboek.bat     Windows: Python's server through `py`, else PowerShell's
    <naam>/start-handboek.command macOS (double-click)
    <naam>/start-handboek.sh      Linux
    <naam>/start/serve.py         the server all three start (standard library only)
    <naam>/start/caching.py       a copy of draaiboek.caching, which serve.py imports
    <naam>/start/serve.ps1        the PowerShell fallback
    <naam>/handboek/              the site, built for http://127.0.0.1:<port>/

The site is built for the address the start scripts open, so instant
navigation keeps the scorer warm between forms, and the service worker keeps
it available if the start script is closed.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import stat
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from draaiboek import caching
from draaiboek.launch import serve
from draaiboek.offline import site_files

LAUNCH = Path(__file__).parent / "launch"
DEFAULT_OUTPUT = Path("dist/draaiboek-handboek.zip")
# Zip entries carry this date, so the same site gives the same zip.
FIXED_DATE = (2020, 1, 1, 0, 0, 0)
_IMPORT_IN_REPO = "from draaiboek.caching import CONTENT_TYPES, cache_control"
_IMPORT_IN_ZIP = "from caching import CONTENT_TYPES, cache_control"
_SCRIPTS = ("start-handboek.sh", "start-handboek.command", "start-handboek.bat")


def add_pack_command(commands: Any) -> None:
    """Register ``pack`` on the command line's sub-parsers."""
    pack = commands.add_parser(
        "pack",
        help="maak één zip met het handboek en startscripts (voor een USB-stick of gedeelde map)",
    )
    pack.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    pack.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"het zip-bestand (standaard {DEFAULT_OUTPUT})",
    )
    pack.add_argument(
        "--poort",
        type=int,
        default=serve.DEFAULT_PORT,
        help=f"de poort die de startscripts eerst proberen (standaard {serve.DEFAULT_PORT})",
    )
    pack.add_argument("--strict", action="store_true", help="stop bij elke waarschuwing")
    pack.set_defaults(run=_pack)


def _pack(args: argparse.Namespace) -> int:
    # Imported here: building pulls in MkDocs, which `check` and `score` never need.
    from draaiboek.site import build_site  # noqa: PLC0415

    if not 1024 <= args.poort <= 65535:
        print(
            f"draaiboek: --poort {args.poort}: kies een poort tussen 1024 en 65535", file=sys.stderr
        )
        return 2
    output: Path = args.output
    if output.suffix != ".zip":
        print(f"draaiboek: {output}: het doelbestand moet op .zip eindigen", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="draaiboek-pack-") as temp:
        site = Path(temp) / "handboek"
        status, site_name = build_site(
            args.config_file,
            site_dir=site,
            site_url=f"http://127.0.0.1:{args.poort}/",
            strict=args.strict,
        )
        if status:
            return status
        write_zip(site, output, port=args.poort, site_name=site_name)
    print(f"{output} gemaakt: pak het uit en dubbelklik een startscript (zie LEESMIJ.txt).")
    return 0


def build_version(site: Path) -> str:
    """The build's date and a hash of every file: tells two copies apart."""
    listing = json.dumps(site_files(site)).encode()
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    return f"{today} ({hashlib.sha256(listing).hexdigest()[:12]})"


def launch_files(port: int, site_name: str, version: str) -> dict[str, str]:
    """The files around the site, by their path in the zip's folder."""

    def read(name: str) -> str:
        return (LAUNCH / name).read_text(encoding="utf-8")

    server = read("serve.py")
    if server.count(_IMPORT_IN_REPO) != 1:
        raise ValueError(f"launch/serve.py: '{_IMPORT_IN_REPO}' niet precies één keer gevonden")
    title = f"{site_name} — eigen kopie om zelf te gebruiken"
    files = {
        "LEESMIJ.txt": read("LEESMIJ.txt")
        .replace("@TITLE@", title)
        .replace("@UNDERLINE@", "=" * len(title))
        .replace("@VERSION@", version),
        "start/serve.py": server.replace(_IMPORT_IN_REPO, _IMPORT_IN_ZIP),
        "start/caching.py": Path(caching.__file__).read_text(encoding="utf-8"),
        # The pattern is plain enough for .NET's regular expressions too.
        "start/serve.ps1": read("serve.ps1").replace(
            "@IMMUTABLE@", caching._CONTENT_ADDRESSED.pattern.replace("'", "''")
        ),
    }
    for script in _SCRIPTS:
        files[script] = read(script)
    for name, text in files.items():
        files[name] = text.replace("@PORT@", str(port))
    # Notepad and cmd.exe read Windows line ends best.
    for name in ("LEESMIJ.txt", "start-handboek.bat", "start/serve.ps1"):
        files[name] = files[name].replace("\r\n", "\n").replace("\n", "\r\n")
    return files


def write_zip(site: Path, output: Path, *, port: int, site_name: str) -> Path:
    """Zip ``site`` with the start scripts and LEESMIJ into ``output``."""
    folder = output.stem
    output.parent.mkdir(parents=True, exist_ok=True)
    extras = launch_files(port, site_name, build_version(site))
    partial = output.with_name(output.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(extras.items()):
            executable = name.endswith((".sh", ".command"))
            _add(archive, f"{folder}/{name}", text.encode("utf-8"), executable=executable)
        for path in sorted(site.rglob("*")):
            if path.is_file():
                relative = path.relative_to(site).as_posix()
                _add(archive, f"{folder}/handboek/{relative}", path.read_bytes())
    # A half-written zip never takes the place of a good one.
    partial.replace(output)
    return output


def _add(archive: zipfile.ZipFile, name: str, data: bytes, *, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    mode = 0o755 if executable else 0o644
    # Unix permissions travel in the upper bits: unzip and macOS keep scripts executable.
    info.external_attr = (stat.S_IFREG | mode) << 16
    info.create_system = 3
    archive.writestr(info, data)
