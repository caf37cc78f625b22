"""The widgets live in JupyterLab, as a student meets them: JupyterLab on 127.0.0.1 with a
token, a notebook that makes every widget of `miskraam.widgets.ALL` and an `Oefening`, all
cells run from the menu, driven in headless Chromium by mouse and by keyboard.

Each widget is shown twice: the first copy is clicked and typed into; a later cell sets a
value on the second copy from Python, and that copy must then show something else than the
first one did before anyone touched it."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from miskraam import widgets
from miskraam.facts import registry
from miskraam.widgets.bloedverlies import Bloedverlies

from .conftest import ROOT, keyboard_step, mouse_step

pytestmark = [pytest.mark.live, pytest.mark.browser]

KERNEL_TIMEOUT = 120_000  # ms: the first kernel start imports matplotlib and the widgets

#: the kind (the widget root's data-widget) and a Python change of each widget
NAMES = [cls.__name__ for cls in widgets.ALL] + ["Oefening"]
KINDS = {"Bloedverlies": "bloedverlies", "Hartactiviteit": "hartactiviteit",
         "Afwachten": "afwachten", "Medicijnen": "medicijnen", "Curettage": "curettage",
         "Keuzehulp": "keuzehulp", "WanneerBellen": "wanneer-bellen", "Oefening": "oefening"}


def python_change(name: str) -> str:
    """A statement, run in a later cell, that changes what widget `b` shows."""
    widget = make(name)
    if name == "Afwachten":
        return f"b.day = {int(widget.day) + 7}"
    if name == "Bloedverlies":
        other = next(t for t in Bloedverlies.TOTALS if t != widget.total)
        return f"b.total = {other!r}"
    if name == "Hartactiviteit":
        other = next(s for s in type(widget).situation.options if s != widget.situation)
        return f"b.situation = {other!r}"
    if name == "Medicijnen":
        other = next(r for r in type(widget).regimen.options if r != widget.regimen)
        return f"b.regimen = {other!r}"
    if name == "Curettage":
        other = next(v for v in type(widget).view.options if v != widget.view)
        return f"b.view = {other!r}"
    if name == "Keuzehulp":
        return f"b.options = {list(widget.options)[:1]!r}"
    if name == "WanneerBellen":
        return "b.pads_per_hour = 3"
    if name == "Oefening":
        return "b.attempt = '12,5'"
    raise AssertionError(name)


def make(name: str):
    if name == "Oefening":
        return widgets.Oefening(**OEFENING)
    return getattr(widgets, name)()


# An exercise whose answer comes from the registry, as the student notebooks make them.
_RECORD = registry()["bloedverlies-16-weken"]
OEFENING = {"question": "Hoeveel procent?", "answer": _RECORD.value,
            "explanation": "Zie de kerngetallen.", "unit": "%"}


def notebook() -> dict:
    cells = [f"from miskraam import widgets\nOEFENING = {OEFENING!r}"]
    for name in NAMES:
        ctor = "widgets.Oefening(**OEFENING)" if name == "Oefening" else f"widgets.{name}()"
        cells.append(f"# toetsen-en-muis: {name}\na = {ctor}\nwidgets.show(a)")
        cells.append(f"# vanuit-python: {name}\nb = {ctor}\nwidgets.show(b)\n_b_{name} = b")
    for name in NAMES:
        cells.append(f"b = _b_{name}\n{python_change(name)}")
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}},
            "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "outputs": [],
                       "execution_count": None, "source": src} for i, src in enumerate(cells)]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab in a temporary folder holding the notebook; killed at teardown."""
    folder = tmp_path_factory.mktemp("lab")
    (folder / "live.ipynb").write_text(json.dumps(notebook()), encoding="utf-8")
    # no "Would you like to get notified about Jupyter news?" toast over the widgets
    news = folder / ".settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           "JUPYTER_CONFIG_DIR": str(folder / ".config"),
           "JUPYTER_RUNTIME_DIR": str(folder / ".runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(folder / ".settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(folder / ".workspaces")}
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={folder}"]
    if os.getuid() == 0:
        command.append("--allow-root")
    log = open(folder / "lab.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab start niet:\n"
                                + (folder / "lab.log").read_text(encoding="utf-8")[-3000:])
                time.sleep(0.3)
        yield f"{base}/lab/tree/live.ipynb?token={token}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def notebook_page(lab, browser):
    """The notebook open in JupyterLab with all cells run (Run > Run All Cells)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(lab)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    # the kernel is up when the status bar says so ("Python 3 (ipykernel) | Idle")
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(timeout=KERNEL_TIMEOUT)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()
    cells = len(notebook()["cells"])
    page.wait_for_function(
        f"""() => {{
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')];
            return prompts.length === {cells}
                && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }}""", timeout=KERNEL_TIMEOUT)
    page.locator("[data-widget]").nth(2 * len(NAMES) - 1).wait_for(timeout=KERNEL_TIMEOUT)
    yield page
    context.close()


def cell(page, name: str, python: bool = False):
    """The cell that shows widget `name`: the copy to touch, or the one Python changes."""
    title = f"# vanuit-python: {name}" if python else f"# toetsen-en-muis: {name}"
    return page.locator(".jp-Notebook .jp-CodeCell").filter(
        has=page.locator(".jp-InputArea", has_text=title)).first


def root(page, name: str, python: bool = False):
    return cell(page, name, python).locator(f"[data-widget={KINDS[name]}]")


def shown(widget) -> str:
    """What a reader sees and what the controls hold (JupyterLab leaves cells out of view
    unrendered, so the widget is scrolled into view first)."""
    widget.scroll_into_view_if_needed()
    return widget.evaluate("""el => el.innerText + '|' + [...el.querySelectorAll('input, select')]
        .map(i => i.type === 'checkbox' || i.type === 'radio' ? i.checked : i.value).join(',')""")


def changes(page, widget, action) -> tuple[str, str]:
    before = shown(widget)
    action()
    try:
        page.wait_for_function("([el, before]) => (el.innerText + '|' + "
                               "[...el.querySelectorAll('input, select')].map(i => i.type === "
                               "'checkbox' || i.type === 'radio' ? i.checked : i.value)"
                               ".join(',')) !== before",
                               arg=[widget.element_handle(), before], timeout=3000)
    except Exception:  # noqa: BLE001 - the assertion below says what did not change
        pass
    return before, shown(widget)


def test_the_notebook_makes_every_widget():
    assert set(KINDS) == set(NAMES) and len(NAMES) == len(widgets.ALL) + 1


@pytest.mark.parametrize("name", NAMES)
def test_a_value_set_from_python_shows_in_the_widget(notebook_page, name):
    untouched = shown(root(notebook_page, name))
    assert shown(root(notebook_page, name, python=True)) != untouched, (
        f"{name}: `{python_change(name)}` in een latere cel verandert niets in de widget")


@pytest.mark.parametrize("name", NAMES)
def test_the_mouse_changes_what_the_widget_shows(notebook_page, name):
    widget = root(notebook_page, name)
    before, after = changes(notebook_page, widget,
                            lambda: mouse_step(notebook_page, widget, KINDS[name]))
    assert after != before, f"{name}: klikken verandert niets"


@pytest.mark.parametrize("name", NAMES)
def test_the_keyboard_changes_what_the_widget_shows(notebook_page, name):
    widget = root(notebook_page, name)
    # as a student arrives: the cell selected (JupyterLab in command mode), then its widget
    cell(notebook_page, name).locator(".jp-InputPrompt").click()
    before, after = changes(notebook_page, widget,
                            lambda: keyboard_step(notebook_page, widget, KINDS[name]))
    assert after != before, f"{name}: de toetsen doen niets in de widget"


def test_enter_in_the_answer_box_checks_the_answer_and_does_not_run_the_cell(notebook_page):
    exercise = cell(notebook_page, "Oefening")
    exercise.locator(".jp-InputPrompt").click()
    prompt = exercise.locator(".jp-InputPrompt").inner_text()
    box = exercise.locator("[data-widget=oefening] input")
    box.fill("")
    box.focus()
    notebook_page.keyboard.type("3")
    before, after = changes(notebook_page, exercise.locator("[data-widget=oefening]"),
                            lambda: notebook_page.keyboard.press("Enter"))
    assert after != before, "Enter controleert het antwoord niet"
    assert exercise.locator(".jp-InputPrompt").inner_text() == prompt, "Enter voerde de cel uit"
    assert box.evaluate("el => el === document.activeElement"), "de focus verliet het invulveld"


@pytest.mark.parametrize("name", [cls.__name__ for cls in widgets.ALL])
def test_no_static_picture_below_a_live_widget(notebook_page, name):
    outputs = cell(notebook_page, name).locator(".jp-OutputArea-output")
    pictures = outputs.locator("img:visible, figure.miskraam-static:visible")
    assert pictures.count() == 0, f"{name}: een stilstaand plaatje onder de levende widget"
