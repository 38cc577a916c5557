"""Building real handbook sites in temporary folders, for build and browser tests."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from textwrap import dedent

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

MKDOCS_YML = """\
site_name: Testhandboek
site_url: {site_url}
docs_dir: content
site_dir: site
theme:
  name: material
  language: nl
  font: false
  features: [navigation.instant]
plugins:
  - search:
      lang: nl
  - draaiboek:
      site_id: test
      storage: {storage}
      node_modules: {node_modules}{glossary}
      service_worker: {service_worker}
  - offline:
      enabled: {offline}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
extra:
  generator: false
"""


def write_site(
    root: Path,
    *,
    checklists: Path | None = FIXTURES / "valid",
    definitions: Mapping[str, str] = {},
    pages: Mapping[str, str] = {},
    storage: str = "local",
    offline: bool = False,
    site_url: str = "",
    glossary: str | None = None,
    service_worker: bool = False,
) -> Path:
    """A site folder: mkdocs.yml, content/ with ``pages``, checklists/ from a fixture folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(
            storage=storage,
            node_modules=ROOT / "node_modules",
            offline="true" if offline else "false",
            site_url=site_url or "null",
            glossary="\n      glossary: woordenlijst.yaml" if glossary is not None else "",
            # Off unless a test is about it: the offline copy downloads the
            # whole runtime again in every fresh browser profile.
            service_worker="true" if service_worker else "false",
        ),
        encoding="utf-8",
    )
    if glossary is not None:
        (root / "woordenlijst.yaml").write_text(dedent(glossary), encoding="utf-8")
    target = root / "checklists"
    if checklists is not None:
        shutil.copytree(checklists, target)
    target.mkdir(exist_ok=True)
    for name, text in definitions.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    content = root / "content"
    content.mkdir(exist_ok=True)
    all_pages = {"index.md": "# Testhandboek\n\nWelkom.\n", **pages}
    for name, text in all_pages.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


class BuildFailed(Exception):
    """mkdocs stopped; the message is what it logged as the reason."""


class _Errors(logging.Handler):
    def __init__(self) -> None:
        # Warnings too: under --strict they are why the build stopped.
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(root: Path, *, strict: bool = True) -> Path:
    """Build the site in ``root`` in this process; return its site folder.

    mkdocs logs why a build stopped and raises a bare ``Abort``; this raises
    :class:`BuildFailed` with the logged reason, so tests can check the message.
    """
    errors = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=strict)
        build(config)
    except Abort as exc:
        raise BuildFailed("\n".join(errors.messages) or str(exc)) from exc
    finally:
        logger.removeHandler(errors)
    return root / "site"


def draaiboek(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed command line as an organisation's web admin would."""
    return subprocess.run(
        [str(ROOT / ".venv/bin/draaiboek"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def browser_asset(site: Path, source_name: str) -> Path:
    """The built site's copy of one of our browser files (``worker.mjs`` → ``worker.<hash>.mjs``)."""
    stem, _, suffix = source_name.rpartition(".")
    (found,) = (site / "assets/draaiboek").glob(f"{stem}.[0-9a-f]*.{suffix}")
    return found
