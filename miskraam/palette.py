"""One meaning, one colour: the semantic palette of every widget and every static figure.

A colour means the same thing wherever a reader meets it: blue is always "the pregnancy
continues", in every widget and in the printed figures. The widgets' ES modules read this
table (``base.es_module`` puts it in front of ``shared.js`` as ``MEANING``) and
``figures.py`` imports it, so the two cannot drift apart.

Okabe-Ito colours: distinguishable with the common forms of colour blindness. ``hatch``:
the group is drawn hatched as well, so neighbouring groups differ without colour vision.
"""

from __future__ import annotations

MEANING: dict[str, dict] = {
    # the pregnancy continues ("zwangerschap gaat door")
    "continues": {"colour": "#0072B2", "hatch": False},
    # the pregnancy ends in a miscarriage
    "miscarriage": {"colour": "#D55E00", "hatch": True},
    # the miscarriage has come (waiting, medication): the body has finished
    "complete": {"colour": "#009E73", "hatch": False},
    # more is needed: medication again or a curettage
    "more_treatment": {"colour": "#E69F00", "hatch": True},
    # the rest: no bleeding, not yet, no adhesions
    "neutral": {"colour": "#BBBBBB", "hatch": False},
    # adhesions in the womb after a curettage
    "adhesions": {"colour": "#CC79A7", "hatch": False},
}

#: the book's own colours, outside the data: the blue of its icon (``favicon.svg``, also the
#: border of the learning goals) and the page's background. The web app manifest and its icons
#: take them (``theme/offline.py``): the phone's title bar and the splash screen.
BOOK: dict[str, str] = {
    "theme": "#1f5f8b",
    "background": "#ffffff",
}
