"""What every course widget shares: its ES module, its CSS, and Dutch validation."""

from __future__ import annotations

import json
from pathlib import Path

import anywidget
import traitlets

from ..facts import fact
from ..palette import MEANING

HERE = Path(__file__).parent


def es_module(name: str) -> str:
    """The widget's ES module, preceded by the shared helpers (shared.js).

    A widget module may not import from URLs, and a module loaded from a Blob URL cannot
    import its neighbours, so the helpers are concatenated in rather than imported. The
    semantic palette (``miskraam/palette.py``, also read by the static figures) comes first,
    as the constant ``MEANING``.
    """
    palette = f"const MEANING = Object.freeze({json.dumps(MEANING, sort_keys=True)});\n"
    return palette + (HERE / "shared.js").read_text(encoding="utf-8") + "\n" + \
        (HERE / f"{name}.js").read_text(encoding="utf-8")


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
    }


class CourseWidget(anywidget.AnyWidget):
    """Base class: subclasses set ``_esm = es_module("name")`` and ``FACTS``.

    Every figure a widget shows comes from the facts registry through the synced ``facts``
    trait, so the saved widget state (read by the book's offline loader) carries the numbers
    and the ES module computes everything the reader sees from them.
    """

    _css = stylesheet()
    #: the registry ids whose numbers this widget shows
    FACTS: tuple[str, ...] = ()
    facts = traitlets.Dict().tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.facts = {fact_id: fact_payload(fact_id) for fact_id in self.FACTS}

    @traitlets.validate("facts")
    def _facts_come_from_the_registry(self, proposal):
        expected = {fact_id: fact_payload(fact_id) for fact_id in self.FACTS}
        if proposal["value"] != expected:
            raise reject("De getallen van een widget komen uit het feitenregister en "
                         "kunnen niet worden aangepast.")
        return proposal["value"]


def reject(message: str) -> traitlets.TraitError:
    """A validation error with a message in Dutch for the reader."""
    return traitlets.TraitError(message)


def number_between(proposal, low: float, high: float, what: str, unit: str = "") -> float:
    """Validate a numeric trait: a real number within [low, high], else a Dutch message."""
    value = proposal["value"]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise reject(f"{what}: vul een getal in.")
    if not low <= value <= high:
        suffix = f" {unit}" if unit else ""
        raise reject(f"{what}: kies een getal van {low:g} tot en met {high:g}{suffix} "
                     f"(je gaf {value:g}).")
    return value


def optional_number_between(proposal, low: float, high: float, what: str,
                            unit: str = "") -> float | None:
    """Like :func:`number_between`, but None (not filled in, not measured) is allowed."""
    if proposal["value"] is None:
        return None
    return number_between(proposal, low, high, what, unit)


def one_of(proposal, options, what: str):
    """Validate a choice trait: one of ``options``, else a Dutch message naming them."""
    value = proposal["value"]
    if value not in options:
        names = ", ".join(f"'{option}'" for option in options)
        raise reject(f"{what}: kies uit {names} (je gaf '{value}').")
    return value


class EvidenceViews(CourseWidget):
    """A widget with two views: the leaflet's figures and what research shows.

    It opens on the leaflet's figures in plain words; a frightened reader is not asked to
    choose a source. One checkbox, "Voor professionals: wat onderzoek laat zien" (shared.js,
    ``evidenceSwitch``), turns the research view on, which then says where its figures come
    from and how sure they are (``sourcesNote``).
    """

    VIEWS = ("informatieblad", "onderzoek")
    view = traitlets.Unicode("informatieblad").tag(sync=True)

    @traitlets.validate("view")
    def _valid_view(self, proposal):
        return one_of(proposal, self.VIEWS, "Weergave")
