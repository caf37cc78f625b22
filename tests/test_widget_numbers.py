"""What each widget shows on its book page equals the registry (issue 9).

The expected text and icon counts are derived from the records in ``book/data/facts.yml``:
change a value there and these tests expect the new number in the widget; a widget that
shows anything else (a number typed in its module, a stale saved state) fails.
"""

from __future__ import annotations

from collections import Counter

import pytest

from miskraam.facts import dutch_number, fact
from miskraam.widgets.hartactiviteit import SITUATIONS

from .conftest import HTML, WIDGETS_READY

pytestmark = [pytest.mark.browser, pytest.mark.build]


def count(number: float) -> int:
    """Icons are whole women: a count of N in 100 rounds half up, as a reader would."""
    return int(number + 0.5)


def nl(number: float) -> str:
    return dutch_number(number)


@pytest.fixture()
def widget(reused_tab, server):
    """Open a chapter and return its one widget of the given kind, rendered from saved state."""
    tab = reused_tab(viewport={"width": 1200, "height": 900})

    def open_widget(page: str, kind: str):
        assert (HTML / page).exists(), f"{page} ontbreekt in het gebouwde boek"
        tab.goto(f"{server}/{page}")
        tab.wait_for_function(WIDGETS_READY,
            timeout=15000)
        root = tab.locator(f'[data-widget="{kind}"]')
        assert root.count() == 1, f"geen widget '{kind}' op {page}"
        return root

    return open_widget


def live_text(root) -> str:
    return " ".join(root.locator(".miskraam-live-text").inner_text().split())


def icon_counts(root) -> list[list[int]]:
    """Per icon array: how many icons of each look (fill and stroke), largest group first."""
    # a group is one <path> whose squares are its subpaths: count the drawn squares ("M")
    arrays = root.locator("svg.miskraam-icons").evaluate_all(
        """svgs => svgs.map(svg => [...svg.querySelectorAll(':scope > path')]
             .map(p => [`${p.getAttribute('fill')}|${p.getAttribute('stroke')}`,
                        (p.getAttribute('d').match(/M/g) || []).length]))""")
    counts = []
    for icons in arrays:
        looks: Counter = Counter()
        for look, squares in icons:
            looks[look] += squares
        counts.append(sorted(looks.values(), reverse=True))
    return counts


def groups(*counts: int) -> list[int]:
    return sorted((c for c in counts if c), reverse=True)


def research_view(root):
    root.locator(".miskraam-evidence-switch input").check()


@pytest.mark.parametrize("total", [100, 1000])
def test_bloedverlies_shows_the_registry_figures(widget, total):
    root = widget("book/deel1/wat-is-een-miskraam.html", "bloedverlies")
    root.get_by_label(f"{total} zwangerschappen").check()
    bleeding = count(total * fact("bloedverlies-16-weken").value / 100)
    continuing = count(bleeding * fact("bloedverlies-blijft-intact").value / 100)
    weeks = nl(fact("definitie-16-weken").value)
    text = live_text(root)
    assert (f"Van de {total} zwangeren hebben er {bleeding} bloedverlies in de eerste "
            f"{weeks} weken.") in text
    assert (f"Bij {continuing} van hen gaat de zwangerschap door, bij "
            f"{bleeding - continuing} volgt een miskraam.") in text
    assert f"{total - bleeding} hebben geen bloedverlies" in text
    assert icon_counts(root) == [groups(continuing, bleeding - continuing, total - bleeding)]


def test_hartactiviteit_answers_the_woman_who_is_bleeding(widget):
    # the plain view: the leaflet's chance with bleeding before the scan, and with bleeding and a
    # heartbeat research's figure (statement "kans-na-hartje"), the good side named first
    root = widget("book/deel1/verschijnselen-en-onderzoek.html", "hartactiviteit")
    before = 100 - fact("bloedverlies-blijft-intact").value
    after = count(fact("bloedverlies-levend-risico").value)
    text = live_text(root)
    assert f"bij ongeveer {nl(100 - before)} van de 100 vrouwen gaat de zwangerschap door" in text
    assert ("zag de echo een kloppend hartje? Dan gaat de zwangerschap bij "
            f"ongeveer {nl(100 - after)} van de 100 door") in text
    note = root.locator(".miskraam-note").inner_text()
    assert f"{nl(fact('risico-na-hartactiviteit').value)} van de 100" in note
    assert icon_counts(root) == [groups(count(before), 100 - count(before)),
                                 groups(after, 100 - after)]


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_hartactiviteit_shows_the_research_figures(widget, situation):
    root = widget("book/deel1/verschijnselen-en-onderzoek.html", "hartactiviteit")
    research_view(root)
    root.get_by_label("Situatie").select_option(situation)
    record = fact(SITUATIONS[situation][1])  # key -> (label, fact id)
    bound = "minder dan " if record.comparison == "<" else ""
    assert f"bij {bound}{nl(record.value)} van de 100 vrouwen volgt toch een miskraam" in \
        live_text(root)
    shown = 0 if bound else count(record.value)
    assert icon_counts(root) == [groups(shown, 100 - shown)]


def test_medicijnen_shows_the_leaflet_figure(widget):
    root = widget("book/deel1/medicijnen.html", "medicijnen")
    success = fact("medicijnen-succes").value
    text = live_text(root)
    assert f"Bij ongeveer {nl(success)} van de 100 vrouwen komt de miskraam" in text
    assert f"Bij de andere {nl(100 - success)} volgt" in text
    assert icon_counts(root) == [groups(count(success), 100 - count(success))]


@pytest.mark.parametrize(("label", "fact_id"), [
    ("mifepriston + misoprostol", "triplem-mife-miso"),
    ("alleen misoprostol", "triplem-miso"),
])
def test_medicijnen_shows_the_research_figures(widget, label, fact_id):
    root = widget("book/deel1/medicijnen.html", "medicijnen")
    research_view(root)
    root.get_by_label(label, exact=True).check()
    success = fact(fact_id).value
    assert f"compleet bij {nl(success)} van de 100 vrouwen" in live_text(root)
    assert icon_counts(root) == [groups(count(success), 100 - count(success))]


def test_curettage_shows_the_leaflet_range(widget):
    root = widget("book/deel1/curettage.html", "curettage")
    record = fact("curettage-verklevingen")
    low, high = record.low, record.high
    text = live_text(root)
    # the leaflet's figure, as the leaflet's (statement "verklevingen-10-13")
    assert f"Het informatieblad noemt verklevingen na een curettage bij {nl(low)} tot {nl(high)}" \
        in text
    # the leaflet names no source, and research counted all three ways together (review B, M4):
    # the figure must not read as "after a curettage fewer than after waiting"
    assert "zonder bron" in text
    note = root.locator(".miskraam-note").inner_text()
    assert "samen" in note and "afwachten" in note and "tabletten" in note
    assert icon_counts(root) == [groups(count(low), count(high) - count(low),
                                        100 - count(high))]


def test_curettage_shows_the_research_figure(widget):
    root = widget("book/deel1/curettage.html", "curettage")
    research_view(root)
    found = fact("hooker-verklevingen").value
    assert f"zag men bij {nl(found)} van de 100 vrouwen verklevingen" in live_text(root)
    assert sum(icon_counts(root)[0]) == 100


@pytest.mark.parametrize("point", ["afwachten-binnen-week", "afwachten-binnen-3-weken"])
def test_afwachten_shows_the_two_leaflet_points(widget, point):
    root = widget("book/deel1/afwachten.html", "afwachten")
    # the leaflet's two points: after one week, and after the waiting time it names
    days = 7 if point == "afwachten-binnen-week" else fact("afwachten-3-weken-duur").value * 7
    share = fact(point).value
    root.locator("input[type=range]").fill(str(int(days)))
    text = live_text(root)
    # the leaflet's verb: the miscarriage "vindt plaats" (statement "afwachten-40-90")
    assert (f"Na {int(days)} dagen heeft bij ongeveer {nl(share)} van de 100 vrouwen de miskraam "
            "plaatsgevonden. Dit getal staat in het informatieblad") in text
    assert icon_counts(root) == [groups(count(share), 100 - count(share))]
