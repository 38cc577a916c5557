"""The instrument definition format (FORMAT.md, version 1) as pydantic v2 models.

These models check the *shape* of a definition: which keys exist, their types,
id spelling. Rules that involve several parts (a scale that must exist, bands in
order, expressions that name real items) live in :mod:`draaiboek.checker`,
where each message can point at exactly the right place.

Field descriptions are Dutch: they become the JSON Schema that editors show
authors while they type.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

SNAKE_CASE = r"^[a-z][a-z0-9_]*$"
KEBAB_CASE = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Snake = Annotated[str, StringConstraints(pattern=SNAKE_CASE)]
Kebab = Annotated[str, StringConstraints(pattern=KEBAB_CASE)]
Number = int | float
Scalar = bool | int | float | str

ItemType = Literal["choice", "multi", "number", "text", "table"]


class Model(BaseModel):
    """Strict: ``"3"`` is not a number and unknown keys are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Option(Model):
    value: Scalar = Field(description="Wat bewaard wordt: een getal, tekst of true/false.")
    label: str | None = Field(None, description="Wat de gebruiker ziet; standaard de waarde.")
    score: Number | None = Field(
        None, description="Score van deze optie; standaard de waarde als die een getal is."
    )


class Range(Model):
    min: Number
    max: Number
    step: Number = Field(1, description="Stapgrootte; standaard 1.")


class Scale(Model):
    options: list[Option] | None = Field(None, description="De antwoordmogelijkheden, in volgorde.")
    range: Range | None = Field(None, description="Een reeks getallen, bv. {min: 0, max: 6}.")
    labels: dict[Number, str] | None = Field(
        None, description="Bij een range: labels voor sommige waarden, bv. {0: totaal niet}."
    )


class Column(Model):
    id: Snake
    label: str | None = None
    type: Literal["text", "number", "choice"] = "text"
    options: list[Option] | None = None
    scale: str | None = Field(None, description="Uitbreiding: een gedeelde schaal voor deze kolom.")
    min: Number | None = None
    max: Number | None = None


class Item(Model):
    id: Snake
    text: str = Field(description="De vraag of stelling (markdown, één regel).")
    help: str | None = Field(None, description="Uitleg die men kan openklappen (markdown).")
    type: ItemType | None = None
    scale: str | None = Field(None, description="Naam van een schaal.")
    options: list[Option] | None = Field(None, description="Antwoordmogelijkheden ter plaatse.")
    descriptors: list[str] | None = Field(
        None, description="In een grid: één gedragsindicator per optie, in optievolgorde."
    )
    weight: Number = 1
    reverse: bool = False
    required: bool = False
    show_if: str | None = Field(None, description="Uitdrukking; onwaar = verborgen.")
    min: Number | None = None
    max: Number | None = None
    step: Number | None = Field(None, description="Uitbreiding: stapgrootte voor een getal.")
    unit: str | None = None
    placeholder: str | None = Field(
        None, description="Uitbreiding: voorbeeldtekst in een leeg veld."
    )
    columns: list[Column] | None = None


class Section(Model):
    id: Snake
    title: str | None = None
    intro: str | None = None
    layout: Literal["list", "grid"] = "list"
    scale: str | None = None
    show_if: str | None = None
    items: Annotated[list[Item], Field(min_length=1)]


class Band(Model):
    id: Snake
    label: str | None = None
    max: Number | None = None
    below: Number | None = None
    advice: str | None = None


def _bands_kind(value: Any) -> str:
    return "name" if isinstance(value, str) else "list"


Bands = Annotated[
    Annotated[list[Band], Tag("list")] | Annotated[str, Tag("name")],
    Discriminator(_bands_kind),
]


class Score(Model):
    id: Snake
    label: str | None = None
    expr: str = "sum(all)"
    decimals: Annotated[int, Field(ge=0, le=6)] | None = None
    min: Number | None = None
    max: Number | None = None
    bands: Bands | None = None
    chart: str | None = Field(
        None,
        description="Uitbreiding: scores met dezelfde chart-naam staan samen in één grafiek.",
    )


class Flag(Model):
    id: Snake
    when: str
    level: Literal["info", "warning", "attention"] = "info"
    message: str


class Outcome(Model):
    id: Snake
    when: str | None = None
    label: str | None = None
    advice: str | None = None


class Highlights(Model):
    strength_min: Number | None = None
    work_point_max: Number | None = None


class Page(Model):
    """What instruments and FAQ collections share: each becomes a page of the handbook."""

    id: Kebab | None = None
    title: str
    summary: str | None = Field(
        None, description="Eén regel, voor het overzicht en de zoekfunctie."
    )
    intro: str | None = None
    source: str | None = None
    audience: list[str] = []
    tags: list[str] = []


class Instrument(Page):
    """One instrument: a checklist, rubric, decision aid or action plan."""

    kind: Literal["instrument"] = "instrument"
    version: Annotated[int, Field(ge=1)]
    scales: dict[str, Scale] = {}
    bandsets: dict[str, list[Band]] = {}
    sections: Annotated[list[Section], Field(min_length=1)]
    scores: list[Score] | None = None
    flags: list[Flag] = []
    outcomes: list[Outcome] = []
    highlights: Highlights | None = None
    decide: Literal["complete", "required"] = Field(
        "complete",
        description=(
            "Wanneer een uitkomst gegeven wordt: 'complete' (standaard) als elke zichtbare vraag "
            "beantwoord is, 'required' als elke zichtbare verplichte vraag beantwoord is."
        ),
    )


class FaqEntry(Model):
    id: Kebab
    question: str
    answer: str
    tags: list[str] = []
    related: list[Kebab] = []
    source: str | None = None


class FaqCollection(Page):
    """A collection of questions and answers, shown as one page."""

    kind: Literal["faq"]
    entries: Annotated[list[FaqEntry], Field(min_length=1)]
