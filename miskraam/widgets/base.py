"""What every course widget shares: its ES module, its CSS, and Dutch validation."""

from __future__ import annotations

import json
import math
from pathlib import Path

import anywidget
import traitlets

from ..dutch import format_number
from ..facts import fact
from ..jsbundle import bundle, module_order
from ..palette import MEANING

HERE = Path(__file__).parent
#: the helpers every widget's module starts with: Dutch numbers, then the drawing helpers
HELPERS = (HERE.parent / "js" / "dutch-numbers.js", HERE / "shared.js")


def es_module(name: str) -> str:
    """The widget's ES module, preceded by the shared helpers (``HELPERS``) and whatever it
    imports (``import { advise } from "./alarm-rule.js"``).

    A widget module may not import from URLs, and a module loaded from a Blob URL cannot
    import its neighbours, so the helpers are joined in (``miskraam/jsbundle.py``) rather than
    imported. The semantic palette (``miskraam/palette.py``, also read by the static figures)
    comes first, as the constant ``MEANING``.
    """
    palette = f"const MEANING = Object.freeze({json.dumps(MEANING, sort_keys=True)});\n"
    return palette + bundle(*HELPERS, HERE / f"{name}.js")


def module_files(name: str) -> list[Path]:
    """Every JavaScript file the widget's module is made of, helpers and imports included."""
    return module_order(*HELPERS, HERE / f"{name}.js")


def stylesheet() -> str:
    return (HERE / "widgets.css").read_text(encoding="utf-8")


def fact_payload(fact_id: str) -> dict:
    """What a widget's ES module needs of a registry record."""
    record = fact(fact_id)
    return {
        "value": record.value, "low": record.low, "high": record.high,
        "wording": record.wording, "label": record.label, "display": record.display_value(),
        "source": record.source, "comparison": record.comparison,
        "certainty": record.certainty_text(),
        # the study, so that a widget names it from the record ("Tong e.a. (2008)")
        "authors": record.authors, "year": record.year, "study": record.study_text(),
    }


def reject(message: str) -> traitlets.TraitError:
    """A validation error with a message in Dutch for the reader."""
    return traitlets.TraitError(message)


def _shown(value) -> str:
    """A wrong value as a Dutch message names it: its kind, and itself when short."""
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {value}"
    if isinstance(value, str):
        return f"de tekst '{value}'" if len(value) <= 40 else "een lange tekst"
    if isinstance(value, (int, float)):
        return format_number(value) if math.isfinite(value) else f"{value}"
    kinds = {list: "een lijst", tuple: "een lijst", dict: "een woordenboek", set: "een verzameling"}
    return kinds.get(type(value), f"een waarde van het soort {type(value).__name__}")


class Field(traitlets.TraitType):
    """A widget field with a Dutch name (``what``) and Dutch messages for every wrong value.

    traitlets checks the type before any ``@validate`` runs and explains a wrong type in
    English; a Field does the whole check itself, type and value alike, so every message a
    notebook user meets is Dutch and names the field. Subclasses implement ``check``.
    """

    def __init__(self, default_value=None, *, what: str, allow_none: bool = False, **kwargs):
        self.what = what
        self.info_text = what
        super().__init__(default_value, allow_none=allow_none, **kwargs)

    def validate(self, obj, value):
        return self.check(value)

    def check(self, value):  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def error(self, obj, value, error=None, info=None):
        raise reject(f"{self.what}: deze waarde kan niet (je gaf {_shown(value)}).")


def _options(options) -> tuple:
    return tuple(options() if callable(options) else options)


class Number(Field):
    """A real, finite number (never a bool, NaN or infinity) from ``low`` to ``high``.

    ``low`` and ``high`` may be functions of the widget (``high=lambda w: w.MAX_DAYS``), so a
    limit is a class constant that the widget's ``limits`` (read by the ES module) and this
    check share.
    """

    def __init__(self, default_value=None, *, what: str, low=-math.inf, high=math.inf,
                 unit: str = "", whole: bool = False, **kwargs):
        self.low, self.high, self.unit, self.whole = low, high, unit, whole
        super().__init__(default_value, what=what, **kwargs)

    def validate(self, obj, value):
        low, high = (bound(obj) if callable(bound) else bound for bound in (self.low, self.high))
        return self.check(value, low, high)

    def check(self, value, low=-math.inf, high=math.inf):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise reject(f"{self.what}: vul een getal in (je gaf {_shown(value)}).")
        if not math.isfinite(value):
            raise reject(f"{self.what}: vul een getal in (geen NaN of oneindig).")
        if self.whole and value != int(value):
            raise reject(f"{self.what}: vul een heel getal in (je gaf {format_number(value)}).")
        if not low <= value <= high:
            suffix = f" {self.unit}" if self.unit else ""
            limits = (f"van {format_number(low)} tot en met {format_number(high)}{suffix}"
                      if math.isfinite(high) else f"van {format_number(low)}{suffix} of meer")
            raise reject(f"{self.what}: kies een getal {limits} (je gaf {format_number(value)}).")
        return int(value) if self.whole else float(value)


class Text(Field):
    """Text; with ``options`` one of them (a tuple, or a function giving it)."""

    def __init__(self, default_value="", *, what: str, options=None, required: bool = False,
                 **kwargs):
        self.options, self.required = options, required
        super().__init__(default_value, what=what, **kwargs)

    def check(self, value):
        if not isinstance(value, str):
            raise reject(f"{self.what}: vul tekst in (je gaf {_shown(value)}).")
        if self.required and not value.strip():
            raise reject(f"{self.what}: mag niet leeg zijn.")
        if self.options is not None and value not in _options(self.options):
            names = ", ".join(f"'{option}'" for option in _options(self.options))
            raise reject(f"{self.what}: kies uit {names} (je gaf '{value}').")
        return value


class Flag(Field):
    """Yes or no: True or False, nothing else."""

    def check(self, value):
        if not isinstance(value, bool):
            raise reject(f"{self.what}: kies True (ja) of False (nee) (je gaf {_shown(value)}).")
        return value


class Choices(Field):
    """A list of some of ``options`` (each once), returned in the order of ``options``."""

    def __init__(self, default_value=None, *, what: str, options, at_least_one: bool = False,
                 **kwargs):
        self.options, self.at_least_one = options, at_least_one
        super().__init__(list(default_value or []), what=what, **kwargs)

    def check(self, value):
        known = _options(self.options)
        if not isinstance(value, (list, tuple)):
            example = f"['{known[0]}']" if known else "[]"
            raise reject(f"{self.what}: geef een lijst, zoals {example} "
                         f"(je gaf {_shown(value)}).")
        unknown = [_shown(item) if not isinstance(item, str) else item
                   for item in value if item not in known]
        if unknown:
            raise reject(f"{self.what}: onbekend: {', '.join(unknown)} "
                         f"(kies uit {', '.join(known)}).")
        if self.at_least_one and not value:
            raise reject(f"{self.what}: kies er minstens één.")
        return [key for key in known if key in value]


class Data(Field):
    """A dictionary the widget fills itself (registry numbers, the grid, the alarm signs)."""

    def __init__(self, default_value=None, *, what: str, **kwargs):
        super().__init__(dict(default_value or {}), what=what, **kwargs)

    def check(self, value):
        if not isinstance(value, dict):
            raise reject(f"{self.what}: de widget vult dit zelf in; dit kan niet "
                         f"(je gaf {_shown(value)}).")
        return dict(value)


class CourseWidget(anywidget.AnyWidget):
    """Base class: subclasses set ``_esm = es_module("name")``, ``FACTS`` and ``limits_payload``.

    Every figure a widget shows comes from the facts registry through the synced ``facts``
    trait, so the saved widget state (read by the book's offline loader) carries the numbers
    and the ES module computes everything the reader sees from them. Every limit, option and
    label the ES module needs comes from Python the same way, in the synced ``limits`` trait
    (``limits_payload``, from class constants that the fields' own checks use too): the ES
    modules hold no copy.
    """

    _css = stylesheet()
    #: the registry ids whose numbers this widget shows
    FACTS: tuple[str, ...] = ()
    facts = Data(what="Getallen uit het feitenregister").tag(sync=True)
    #: limits, options and labels for the ES module (read-only, like ``facts``)
    limits = Data(what="Grenzen, keuzes en teksten van de widget").tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.facts = {fact_id: fact_payload(fact_id) for fact_id in self.FACTS}
        self.limits = self.limits_payload()

    def limits_payload(self) -> dict:
        """What the ES module needs besides the registry: limits, options, labels."""
        return {}

    @traitlets.validate("facts")
    def _facts_come_from_the_registry(self, proposal):
        expected = {fact_id: fact_payload(fact_id) for fact_id in self.FACTS}
        if proposal["value"] != expected:
            raise reject("De getallen van een widget komen uit het feitenregister en "
                         "kunnen niet worden aangepast.")
        return proposal["value"]

    @traitlets.validate("limits")
    def _limits_come_from_the_class(self, proposal):
        if proposal["value"] != self.limits_payload():
            raise reject("Grenzen, keuzes en teksten van de widget: die komen uit de "
                         "widget zelf en kunnen niet worden aangepast.")
        return proposal["value"]

    def static_figure(self):
        """The widget's own state as a static figure (``miskraam.figures.StaticFigure``)."""
        raise NotImplementedError(f"{type(self).__name__} heeft geen statische figuur")

    def static_html(self) -> str:
        """The fallback for print and readers without JavaScript: a
        ``<figure class="miskraam-static">`` that states the widget's numbers."""
        return self.static_figure().html()

    def static_text(self) -> str:
        """The fallback's words: the text alternative that states the numbers."""
        return self.static_figure().description


class EvidenceViews(CourseWidget):
    """A widget with two views: the leaflet's figures and what research shows.

    It opens on the leaflet's figures in plain words; a frightened reader is not asked to
    choose a source. One checkbox, ``RESEARCH_LABEL`` (shared.js, ``evidenceSwitch``), turns
    the research view on, which then says where its figures come from and how sure they are
    (``sourcesNote``).
    """

    #: the two views: the leaflet's (first, the default) and the research
    VIEWS = ("informatieblad", "onderzoek")
    RESEARCH_LABEL = "Voor professionals: wat onderzoek laat zien"
    view = Text("informatieblad", what="Weergave", options=VIEWS).tag(sync=True)

    def limits_payload(self) -> dict:
        return {"views": list(self.VIEWS), "research_label": self.RESEARCH_LABEL}
