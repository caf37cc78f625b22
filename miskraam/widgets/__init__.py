"""The course's interactive widgets: anywidget classes with their ES modules beside them.

In Jupyter they are live widgets; in the published book the offline loader
(``miskraam/sphinxext/static/miskraam-widgets.js``) renders them from their saved state.
"""

from .afwachten import Afwachten
from .bloedverlies import Bloedverlies
from .curettage import Curettage
from .hartactiviteit import Hartactiviteit
from .keuzehulp import Keuzehulp
from .keuzehulp import static_html as keuzehulp_table
from .medicijnen import Medicijnen
from .oefening import Oefening
from .wanneer_bellen import WanneerBellen
from .wanneer_bellen import signs_html as alarm_signs_html

ALL = (Bloedverlies, Hartactiviteit, Afwachten, Medicijnen, Curettage, Keuzehulp, WanneerBellen)

__all__ = ["ALL", "Afwachten", "Bloedverlies", "Curettage", "Hartactiviteit", "Keuzehulp",
           "Medicijnen", "Oefening", "WanneerBellen"]


def show(widget):
    """Display a widget and, beneath it, the static figure of its default state.

    In the book the offline loader marks the cell ``miskraam-live`` once the widget renders,
    and CSS then hides the static figure on screen; print and readers without JavaScript
    get the figure and its text alternative.
    """
    from IPython.display import HTML, display

    from miskraam.figures import FIGURES

    display(widget)
    if isinstance(widget, Keuzehulp):
        display(HTML(keuzehulp_table()))  # a table says more than a picture of one
        return
    if isinstance(widget, WanneerBellen):
        display(HTML(alarm_signs_html()))  # the signs themselves, for print and without JS
        return
    make_figure = FIGURES.get(type(widget).__name__)
    if make_figure is not None:
        display(HTML(make_figure().html()))
