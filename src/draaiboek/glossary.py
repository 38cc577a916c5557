"""The handbook's glossary: abbreviations explained once, shown as tooltips everywhere.

Authors keep one YAML file (``VDAB: Vlaamse Dienst voor ...``). The plugin hands
it to Python-Markdown's ``abbr`` extension as its ``glossary``, so every page and
every text inside a form (intro, question, help, advice) marks the
abbreviation with ``<abbr title="...">``; the ``{{ woordenlijst() }}`` macro
shows the whole list as a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from draaiboek.errors import AuthorError, Problem
from draaiboek.yamlsource import load_document

# A tooltip is one sentence, not a page.
MAX_EXPLANATION = 300


def load_glossary(path: Path) -> dict[str, str]:
    """Term → explanation, in file order; every mistake located in the file."""
    document = load_document(path)
    source = document.source
    data = document.data
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AuthorError(
            [
                source.problem(
                    (),
                    "de woordenlijst moet een lijst van 'afkorting: uitleg' zijn",
                    "bv. VDAB: Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
                )
            ]
        )
    problems: list[Problem] = []
    glossary: dict[str, str] = {}
    for term, explanation in data.items():
        term_text = str(term).strip()
        if not term_text:
            problems.append(source.problem((term,), "een lege afkorting", key=True))
            continue
        if not isinstance(explanation, str) or not explanation.strip():
            problems.append(
                source.problem(
                    (term,),
                    f"'{term_text}' heeft geen uitleg",
                    f"schrijf de uitleg achter de dubbele punt: {term_text}: ...",
                )
            )
            continue
        if len(explanation) > MAX_EXPLANATION:
            problems.append(
                source.problem(
                    (term,),
                    f"de uitleg bij '{term_text}' is langer dan {MAX_EXPLANATION} tekens",
                    "een tooltip is één zin; schrijf de rest op een pagina van het handboek",
                )
            )
            continue
        glossary[term_text] = " ".join(explanation.split())
    if problems:
        raise AuthorError(problems)
    return glossary


def glossary_table(glossary: Mapping[str, str]) -> str:
    """The glossary as a Markdown table, sorted the way a reader looks things up."""
    if not glossary:
        return "*De woordenlijst is leeg.*"
    rows = [
        f"| {_cell(term)} | {_cell(explanation)} |"
        for term, explanation in sorted(glossary.items(), key=lambda item: item[0].casefold())
    ]
    return "\n".join(["| Afkorting | Betekenis |", "|---|---|", *rows])


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
