"""Numbers as Dutch (Belgian) readers write them: 1.234,5."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def format_number(value: int | float, decimals: int | None = None) -> str:
    """Format with a decimal comma and a thousands point.

    ``decimals=None`` shows what the value needs, at most two decimals.
    """
    if isinstance(value, bool):
        value = int(value)
    number = Decimal(repr(value))
    places = decimals if decimals is not None else 2
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, fraction = text.partition(".")
    if decimals is None:
        fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    if sign and not fraction.strip("0") and grouped == "0":
        sign = ""
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
