"""Author errors: every problem in a definition, with where it is and how to fix it.

One root exception, :class:`AuthorError`, so the command line and the MkDocs
plugin can catch exactly the mistakes of people who write definitions and let
every other exception be a bug that surfaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a file: ``path:line:col: message`` plus a short hint."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{text}\n    tip: {self.hint}" if self.hint else text


class AuthorError(Exception):
    """A definition (or several) cannot be used; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        first = self.problems[0] if self.problems else Problem("", 0, 0, "onbekende fout")
        self.path = first.path
        self.line = first.line
        self.column = first.column
        self.hint = first.hint
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line (hints indented below), as `draaiboek check` prints."""
        return "\n".join(str(p) for p in self.problems)


def _problem_order(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line, problem.column, problem.message)


def display_path(path: Path) -> str:
    """A path as authors typed it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
