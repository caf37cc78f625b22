"""Dutch number notation: the one Python formatter (its JavaScript twin is ``nl()`` in
``miskraam/widgets/shared.js``)."""

from __future__ import annotations


def format_number(number: float, digits: int | None = None) -> str:
    """A number as a Dutch reader writes it: a decimal comma, no trailing ',0'.

    ``digits`` rounds first to that many decimals (half away from zero, like JavaScript's
    ``toFixed`` for the numbers we show); without it the number keeps its precision, with at
    most twelve significant digits (no binary artefacts such as 0,30000000000000004).
    """
    value = float(number)
    if digits is not None:
        scale = 10 ** digits
        value = (abs(value) * scale + 0.5) // 1 / scale * (1 if value >= 0 else -1)
    if value.is_integer():
        return str(int(value))
    text = format(value, ".12g")
    if "e" in text:
        text = format(value, ".15f").rstrip("0")
    return text.replace(".", ",")
