"""The course's interactive widgets: anywidget classes with their ES modules beside them.

In Jupyter they are live widgets (``show``); in the published book the ``{widget}`` directive
(``miskraam/content/widgetdirective.py``) writes their state and static fallback into the
page, and the offline loader (``miskraam/content/static/miskraam-widgets.js``) renders them.
"""

from .afwachten import Afwachten
from .bloedverlies import Bloedverlies
from .curettage import Curettage
from .hartactiviteit import Hartactiviteit
from .keuzehulp import Keuzehulp
from .medicijnen import Medicijnen
from .oefening import Modelantwoord, Oefening
from .wanneer_bellen import WanneerBellen

ALL = (Bloedverlies, Hartactiviteit, Afwachten, Medicijnen, Curettage, Keuzehulp, WanneerBellen)

__all__ = ["ALL", "Afwachten", "Bloedverlies", "Curettage", "Hartactiviteit", "Keuzehulp",
           "Medicijnen", "Modelantwoord", "Oefening", "WanneerBellen"]


def show(widget):
    """Display the widget given, live, as it is (its own traits).

    The static fallback (``widget.static_html()``) is for the book's print and no-JavaScript
    readers; the ``{widget}`` directive writes it there, so a notebook does not show it twice.
    """
    from IPython.display import display

    display(widget)
