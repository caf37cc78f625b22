"""Numbers in words and digits: the one Python formatter of Dutch notation (its JavaScript
twin is ``nl()`` in ``miskraam/widgets/shared.js``) and the one reader of numbers as the
course and its sources write them, one word list per language (the reader's own typing is
read in JavaScript, ``miskraam/widgets/dutch-numbers.js``)."""

from __future__ import annotations

import re

#: Dutch number words the course and its Dutch sources write ("één tot twee weken", "tien
#: studies"). Not "een": it is mostly the article ("een miskraam"); a reader that counts
#: "een miljoen" adds it where the context makes it a number.
DUTCH = {"één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
         "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
         "vijftien": 15, "zestien": 16, "twintig": 20, "zestig": 60, "honderd": 100,
         "duizend": 1000}
#: English number words in the research file's quotes ("Forty women", "nine studies"). Not
#: "ten" where Dutch text is read too: "ten minste" is Dutch.
ENGLISH = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "twenty": 20, "forty": 40}
#: the words a quote in either language may use for a number, as one table
QUOTED = {**DUTCH, **{word: value for word, value in ENGLISH.items() if word != "ten"}}


def read_number(text: str, words: dict[str, float] = QUOTED) -> float:
    """A number as written in Dutch or English prose: '1,5', '1.5', '20', 'twee'."""
    key = text.lower()
    if key in words:
        return words[key]
    if not re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        raise ValueError(f"geen getal: {text!r}")
    return float(text.replace(",", "."))


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
