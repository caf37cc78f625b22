"""The {widget} directive, in-process (sphinx.testing): a page with a widget carries what the
offline loader needs (the widget's state and view) and its static fallback, and the loader;
a wrong widget name or setting is a Dutch build error naming the page and the widget."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from miskraam import widgets
from miskraam.facts import registry

from .conftest import ROOTS

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"



def scripts(html: str, kind: str) -> list[dict]:
    return [json.loads(body.replace("<\\/", "</")) for body in
            re.findall(rf'<script type="{re.escape(kind)}">(.*?)</script>', html, re.S)]


@pytest.mark.sphinx("html", testroot="widget")
def test_a_widget_page_holds_state_view_fallback_and_loader(app):
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    views, states = scripts(html, VIEW), scripts(html, STATE)
    assert len(views) == 1 and len(states) == 1
    model = states[0]["state"][views[0]["model_id"]]["state"]
    assert model["total"] == 1000  # the page's option
    assert model["_esm"] == widgets.Bloedverlies._esm
    bleeding = registry()["bloedverlies-16-weken"]
    assert model["facts"]["bloedverlies-16-weken"]["value"] == bleeding.value
    figure = re.search(r'<figure class="miskraam-static">.*?</figure>', html, re.S)
    assert figure and "Van de 1000 zwangeren" in figure.group(0)
    assert "miskraam-widgets.js" in html
    assert 'class="cell miskraam-widget-cell"' in html  # the loader marks it miskraam-live


@pytest.mark.sphinx("html", testroot="widget")
def test_pages_without_a_widget_get_no_loader(app):
    (Path(app.srcdir) / "leeg.md").write_text("# Leeg\n\nGeen widget.\n", encoding="utf-8")
    app.build()
    assert "miskraam-widgets.js" not in (Path(app.outdir) / "leeg.html").read_text("utf-8")


@pytest.mark.sphinx("html", testroot="widget")
def test_a_changed_widget_file_rereads_its_page(app):
    app.build()
    env = app.env
    deps = {Path(p).name for p in env.dependencies["index"]}
    assert {"bloedverlies.py", "bloedverlies.js", "shared.js", "facts.yml"} <= deps


@pytest.mark.parametrize(("directive", "expected"), [
    ("```{widget} Bloedverlis\n```", "onbekende widget"),
    ("```{widget} Bloedverlies\n:total: 500\n```", "kies 100 of 1000"),
    ("```{widget} Bloedverlies\n:totaal: 100\n```", "onbekende instelling totaal"),
    ("```{widget} Afwachten\n:day: veel\n```", "Aantal dagen: vul een getal in"),
])
def test_a_wrong_widget_is_a_dutch_error_naming_page_and_widget(make_app, tmp_path, directive,
                                                                expected):
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-widget", source)
    (source / "index.md").write_text(f"# Pagina\n\n{directive}\n", encoding="utf-8")
    app = make_app("html", srcdir=source)
    app.build()
    warnings = app._warning.getvalue()
    name = directive.split("} ")[1].split("\n")[0]
    assert "ERROR" in warnings and expected in warnings
    assert f"Widget '{name}' op pagina 'index'" in warnings
    assert "index.md" in warnings  # the location


def test_a_typo_in_the_decision_aid_is_a_dutch_error_not_a_traceback(make_app, tmp_path):
    """A typo in keuzehulp.yml (the grid the widget reads) is one Dutch error naming the page,
    the widget and what was meant; it stopped the build with a KeyError traceback."""
    from miskraam import data

    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-widget", source)
    shutil.copytree(data.path(data.DECISION_AID).parent, source / "gegevens")
    aid = source / "gegevens" / data.DECISION_AID
    aid.write_text(aid.read_text(encoding="utf-8").replace("    label: Wat gebeurt er?",
                                                           "    lable: Wat gebeurt er?", 1),
                   encoding="utf-8")
    (source / "index.md").write_text("# Pagina\n\n```{widget} Keuzehulp\n```\n", encoding="utf-8")
    previous = data.use(None)  # the build sets this process's data folder: put it back
    try:
        app = make_app("html", srcdir=source, confoverrides={data.SETTING: "gegevens"})
        app.build()
    finally:
        data.use(previous)
    warnings = app._warning.getvalue()
    assert "Widget 'Keuzehulp' op pagina 'index'" in warnings
    assert "bedoel je 'label'" in warnings and "Traceback" not in warnings
