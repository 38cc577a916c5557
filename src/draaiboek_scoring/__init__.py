"""draaiboek's scorer: compiled instrument + answers → result, in CPython and Pyodide.

Imports only the standard library, so the same wheel runs in the browser.
Comparison and the group overview live in :mod:`draaiboek_scoring.compare`
and :mod:`draaiboek_scoring.group`, imported only by what uses them: the
browser's worker imports this package before every form's first result.
"""

from draaiboek_scoring.answers import ANSWERS_FORMAT, validate
from draaiboek_scoring.envelopes import BUNDLE_FORMAT
from draaiboek_scoring.errors import (
    AnswerProblem,
    AnswersError,
    ExpressionError,
    InstrumentError,
    ScoringError,
)
from draaiboek_scoring.expressions import Expression, parse
from draaiboek_scoring.instrument import INSTRUMENT_FORMAT, Instrument
from draaiboek_scoring.scoring import score

__version__ = "0.1.0"

__all__ = [
    "ANSWERS_FORMAT",
    "BUNDLE_FORMAT",
    "INSTRUMENT_FORMAT",
    "AnswerProblem",
    "AnswersError",
    "Expression",
    "ExpressionError",
    "Instrument",
    "InstrumentError",
    "ScoringError",
    "__version__",
    "parse",
    "score",
    "validate",
]
