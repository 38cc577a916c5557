"""The errors the scoring package raises, and nothing else.

Every failure the scorer can produce is one of these, so the browser worker and
the command line can turn it into a message without catching broad exceptions.
Messages are Dutch because counsellors and authors read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ScoringError(Exception):
    """Root of every error raised by :mod:`draaiboek_scoring`."""


@dataclass
class ExpressionError(ScoringError):
    """An expression is not allowed, or could not be evaluated.

    ``line`` and ``column`` are 1-based positions *inside the expression text*;
    the build package adds the position of the expression in its YAML file.
    """

    message: str
    line: int = 1
    column: int = 1
    hint: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


@dataclass
class AnswerProblem:
    """One thing wrong with the answers, tied to the item it concerns."""

    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}" if self.item else self.message


@dataclass
class AnswersError(ScoringError):
    """The answers do not fit the instrument. Lists every problem, not just the first."""

    problems: list[AnswerProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)


class InstrumentError(ScoringError):
    """The compiled instrument itself is malformed (never happens for checked builds)."""
