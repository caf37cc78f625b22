"""Static matplotlib figures: each widget's own state, for print and for readers without
JavaScript. Each function takes the widget and reads its traits and its synced ``facts``
(the registry records the widget carries); the widget's ``static_figure()`` calls it.

Icon arrays are drawn with plain matplotlib rectangles (a dozen lines) rather than a
dependency such as pywaffle, so the figures need nothing beyond matplotlib. Figures are made
with matplotlib's object API (``Figure``), not pyplot: importing this module in a notebook
leaves the notebook's own plotting backend alone.
"""

from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass
from html import escape

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .dutch import format_number as fmt
from .palette import MEANING

# Okabe-Ito colours by name, for the notebooks' own charts. The course's figures use the
# semantic palette MEANING (what a colour means), the same table the widgets read.
BLUE, ORANGE, VERMILLION, SKY, GREY = "#0072B2", "#E69F00", "#D55E00", "#56B4E9", "#BBBBBB"
#: axes, markers and text: matplotlib's default dark, as the widgets' --mk-chart-line (light)
INK = "#1b1b1b"


@dataclass(frozen=True)
class Group:
    count: int
    colour: str
    label: str
    hatch: bool = False

    @classmethod
    def meaning(cls, count: int, meaning: str, label: str, hatch: bool | None = None) -> Group:
        """A group drawn in the colour (and hatch) of a palette meaning, as in the widgets."""
        entry = MEANING[meaning]
        return cls(count, entry["colour"], label, entry["hatch"] if hatch is None else hatch)


@dataclass(frozen=True)
class StaticFigure:
    figure: Figure
    description: str  # the text alternative: it states the numbers

    def png_base64(self) -> str:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
        return base64.b64encode(buffer.getvalue()).decode("ascii")

    def html(self) -> str:
        """A <figure> with the PNG inline (no request to any host) and the description."""
        text = escape(self.description)
        return (f'<figure class="miskraam-static"><img src="data:image/png;base64,'
                f'{self.png_base64()}" alt="{text}"/><figcaption>{text}</figcaption></figure>')


def _subplots(*grid: int, figsize: tuple[float, float]):
    figure = Figure(figsize=figsize)
    return figure, figure.subplots(*grid)


def icon_array(ax, groups: list[Group], total: int = 100, columns: int = 10, title: str = ""):
    index = 0
    for group in groups:
        for _ in range(group.count):
            row, column = divmod(index, columns)
            ax.add_patch(Rectangle(
                (column, -row), 0.82, 0.82,
                facecolor="white" if group.hatch else group.colour,
                edgecolor=group.colour, hatch="////" if group.hatch else None, linewidth=1.2))
            index += 1
    ax.set_xlim(-0.2, columns)
    ax.set_ylim(-(total // columns) + 0.8, 1)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=10)


def _legend(fig, groups: list[Group]):
    handles = [Rectangle((0, 0), 1, 1, facecolor="white" if g.hatch else g.colour,
                         edgecolor=g.colour, hatch="////" if g.hatch else None) for g in groups]
    fig.legend(handles, [f"{g.label}: {g.count}" for g in groups], loc="lower center",
               ncol=1, frameon=False, fontsize=9, bbox_to_anchor=(0.5, -0.02 - 0.05 * len(groups)))


def single_array(groups: list[Group], title: str, description: str) -> StaticFigure:
    """One icon array of 100 with its legend and text alternative."""
    fig, ax = _subplots(figsize=(3.4, 3.4))
    icon_array(ax, groups, title=title)
    _legend(fig, groups)
    return StaticFigure(fig, description)


def js_round(value: float) -> int:
    """Round half up, as the widgets' JavaScript does (``Math.round``); Python's ``round``
    rounds half to even (12.5 gives 12 in Python, 13 in the widget)."""
    return math.floor(value + 0.5)


def _value(widget, fact_id: str) -> float:
    """A registry number as the widget carries it (its synced ``facts`` trait)."""
    return widget.facts[fact_id]["value"]


def bloedverlies(widget) -> StaticFigure:
    total = 1000 if widget.total == 1000 else 100
    bleeding = js_round(total * _value(widget, "bloedverlies-16-weken") / 100)
    continuing = js_round(bleeding * _value(widget, "bloedverlies-blijft-intact") / 100)
    weeks = _value(widget, "definitie-16-weken")
    groups = [Group.meaning(continuing, "continues", "bloedverlies, zwangerschap gaat door"),
              Group.meaning(bleeding - continuing, "miscarriage",
                            "bloedverlies, daarna een miskraam"),
              Group.meaning(total - bleeding, "neutral", "geen bloedverlies")]
    columns = 40 if total == 1000 else 10
    side = 3.4 if total == 100 else 6.0
    fig, ax = _subplots(figsize=(side, side * 0.75 if total == 1000 else side))
    icon_array(ax, groups, total=total, columns=columns,
               title=f"{total} zwangeren, eerste {fmt(weeks)} weken")
    _legend(fig, groups)
    return StaticFigure(fig, (
        f"Van de {total} zwangeren hebben er {bleeding} bloedverlies in de eerste {fmt(weeks)} "
        f"weken. Bij {continuing} gaat de zwangerschap door, bij {bleeding - continuing} volgt "
        f"een miskraam. {total - bleeding} hebben geen bloedverlies."))


def hartactiviteit(widget, situation_fact: str) -> StaticFigure:
    """`situation_fact`: the registry id of the risk drawn on the right, the widget's default
    situation (given by the widget: this module does not import the widgets back)."""
    # the plain view answers the woman who is bleeding (statement "kans-na-hartje"): research's
    # figure for the widget's default situation, bleeding with a heartbeat seen
    before = 100 - js_round(_value(widget, "bloedverlies-blijft-intact"))
    after = js_round(_value(widget, situation_fact))
    leaflet = js_round(_value(widget, "risico-na-hartactiviteit"))
    fig, axes = _subplots(1, 2, figsize=(5.6, 3.2))
    for ax, risk, title in ((axes[0], before, "Bij bloedverlies, voor de echo"),
                            (axes[1], after, "Bloedverlies, hartje klopt")):
        icon_array(ax, [Group.meaning(risk, "miscarriage", "miskraam"),
                        Group.meaning(100 - risk, "continues", "zwangerschap gaat door")],
                   title=title)
    _legend(fig, [Group.meaning(before, "miscarriage", "miskraam (links)"),
                  Group.meaning(100 - before, "continues", "zwangerschap gaat door (links)"),
                  Group.meaning(after, "miscarriage", "miskraam (rechts)"),
                  Group.meaning(100 - after, "continues", "zwangerschap gaat door (rechts)")])
    return StaticFigure(fig, (
        f"Bij bloedverlies, voordat er een echo is: bij ongeveer {100 - before} van de 100 "
        f"vrouwen gaat de zwangerschap door. Verlies je bloed en zag de echo een kloppend "
        f"hartje? Dan gaat de zwangerschap bij ongeveer {100 - after} van de 100 door. "
        f"Het informatieblad noemt na een kloppend hartje {leaflet} van de 100 miskramen; bij "
        f"vrouwen die bloed verliezen vond onderzoek er {after}."))


def afwachten(widget) -> StaticFigure:
    day = widget.day
    week = _value(widget, "afwachten-binnen-week")
    later = _value(widget, "afwachten-binnen-3-weken")
    later_day = _value(widget, "afwachten-3-weken-duur") * 7
    fig, ax = _subplots(figsize=(5.2, 3.0))
    complete, rest = MEANING["complete"]["colour"], MEANING["neutral"]["colour"]
    ax.plot([0, 7, later_day], [0, week, later], linestyle="--", color=complete,
            label="aanname: rechte lijnen tussen de punten")
    ax.plot([later_day, 28], [later, later], linestyle=":", color=rest,
            label="na 3 weken: geen getal (minstens dit)")
    ax.scatter([7, later_day], [week, later], color=complete, zorder=3, label="informatieblad")
    ax.axvline(day, color=INK, linewidth=1.5)
    ax.set_xlim(0, 28)
    ax.set_ylim(0, 100)
    ax.set_xticks([0, 7, 14, 21, 28])
    ax.set_xlabel("dagen (de week telt het blad vanaf het eerste bloedverlies, de 3 weken vanaf\n"
                  "het begin van het afwachten: de figuur zet ze op één lijn)", fontsize=8)
    ax.set_ylabel("van de 100 vrouwen")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return StaticFigure(fig, (
        f"Afwachten: binnen een week heeft bij ongeveer {fmt(week)} van de 100 vrouwen de "
        f"miskraam plaatsgevonden. Binnen {fmt(later_day)} dagen is dat bij ongeveer "
        f"{fmt(later)} van de 100. Die getallen komen uit het informatieblad. Het zegt niet of "
        "dan alles naar buiten is gekomen. Het telt de week vanaf het eerste bloedverlies en de "
        "3 weken vanaf het begin van het afwachten; de figuur zet ze op één lijn. "
        f"De lijn ertussen is een aanname. De verticale lijn staat bij dag {day}."))


def medicijnen(widget) -> StaticFigure:
    success = js_round(_value(widget, "medicijnen-succes"))
    groups = [Group.meaning(success, "complete", "miskraam op gang"),
              Group.meaning(100 - success, "more_treatment",
                            "nog eens medicijnen of een curettage")]
    return single_array(groups, "100 vrouwen met medicijnen", (
        f"Bij ongeveer {success} van de 100 vrouwen komt de miskraam met medicijnen op gang. "
        f"Bij de andere {100 - success} volgt nog een keer medicijnen of een curettage."))


def curettage(widget) -> StaticFigure:
    record = widget.facts["curettage-verklevingen"]
    low, high = js_round(record["low"]), js_round(record["high"])
    groups = [Group.meaning(low, "adhesions", "verklevingen"),
              Group.meaning(high - low, "adhesions", "misschien (de marge)", hatch=True),
              Group.meaning(100 - high, "neutral", "geen verklevingen")]
    return single_array(groups, "100 vrouwen na een curettage", (
        f"Het informatieblad noemt verklevingen na een curettage bij {low} tot {high} van de "
        "100 vrouwen, zonder bron. Het zegt niet hoeveel vrouwen er klachten van krijgen. "
        "Onderzoek telde verklevingen na afwachten, tabletten en curettage samen; of ze na een "
        "curettage vaker of minder vaak voorkomen, zegt dat getal niet."))
