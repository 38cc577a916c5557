"""The ``draaiboek`` console script: Ctrl-C gives one line, even while Python starts up.

Importing the command line (pydantic, MkDocs, Jinja2) takes a second or more on a
busy machine; a Ctrl-C then would print a traceback of some import. This module
imports nothing heavy itself, so it can catch that interrupt too.
"""

from __future__ import annotations

import sys

INTERRUPTED = "draaiboek: onderbroken."


def run() -> None:
    """Entry point installed as ``draaiboek``."""
    try:
        from draaiboek.cli import main  # noqa: PLC0415 - imported late on purpose (see above)

        status = main()
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        status = 130
    sys.exit(status)
