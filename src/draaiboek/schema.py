"""The JSON Schema of the definition format, for editors' completion and checks."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from draaiboek import models


def definition_schema() -> dict[str, Any]:
    """A schema that accepts an instrument or a FAQ collection."""
    adapter: TypeAdapter[models.Instrument | models.FaqCollection] = TypeAdapter(
        models.Instrument | models.FaqCollection
    )
    schema = adapter.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "draaiboek: instrument of FAQ"
    schema["description"] = (
        "Definitie van een instrument (checklist, rubric, beslissingshulp, actieplan) "
        "of een verzameling veelgestelde vragen voor het draaiboek."
    )
    return schema
