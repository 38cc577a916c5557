"""Writing a file whole or not at all.

The build caches (trimmed runtime, checked definitions, Markdown, the
other-origin scan's clean list) are shared by every build on the account; two
builds at once, or one stopped halfway, must never leave half a file that
the next build reads.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it, then rename.

    Raises :class:`OSError` when the folder cannot be made or written; no
    temporary file is left behind then.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as file:
        temporary = Path(file.name)
        try:
            file.write(data)
        except OSError:
            file.close()
            temporary.unlink(missing_ok=True)
            raise
    try:
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
