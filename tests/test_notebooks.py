"""The student notebooks run top to bottom in a real kernel, from their own folder, and are
in the book with a downloadable .ipynb."""

from __future__ import annotations

import functools
import json
import math
import re
from decimal import ROUND_HALF_UP, Decimal

import nbclient
import nbformat
import pytest
import yaml

from .conftest import DATA, HAND_WRITTEN, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@functools.cache
def executed(path):
    """The notebook run top to bottom in a real kernel from its own folder, once per test run
    (the tests below read its outputs)."""
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def test_there_are_student_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_a_kernel_without_errors_or_warnings(path):
    notebook = executed(path)
    outputs = [out for cell in notebook.cells if cell.cell_type == "code"
               for out in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "stderr in de uitvoer"
    assert any(o.output_type == "display_data" and "image/png" in o.get("data", {})
               for o in outputs), "geen figuur"
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs_and_figures_typed_by_hand(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.get("outputs", []) == [] and cell.get("execution_count") is None
        if cell.cell_type == "markdown":
            assert not HAND_WRITTEN.search(cell.source), cell.source[:80]


@pytest.mark.build
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_a_page_of_the_book_with_a_download(html, path):
    page = (html / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
    assert f'href="../_sources/notebooks/{path.name}"' in page
    downloaded = json.loads((html / "_sources" / "notebooks" / path.name).read_text("utf-8"))
    assert downloaded["metadata"]["kernelspec"]["name"] == "python3"
    # the executed page shows its exercises as widgets
    assert len(re.findall("widget-view\\+json", page)) >= 3


# --- What the student practises (issue 16, item 5) ------------------------------------------
# Expected numbers are computed here from facts.yml itself (read as YAML, not through the
# package the notebook uses), so a notebook that types or miscomputes a number fails.

RECKONING = ROOT / "notebooks" / "rekenen-met-kansen.ipynb"
TASK = re.compile(r"\*\*Opdracht (\d+)\b")
MODEL_ANSWER = re.compile(r'<details class="miskraam-modelantwoord"><summary>Modelantwoord bij '
                          r"opdracht (\d+)</summary>(.*?)</details>", re.S)


def records() -> dict:
    raw = yaml.safe_load((DATA / "facts.yml").read_text(encoding="utf-8"))
    return {record["id"]: record for record in raw}


def dutch(number: float, decimals: int) -> str:
    """Half away from zero, as a reader rounds; a decimal comma; no trailing ',0'."""
    rounded = Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{rounded:f}".rstrip("0").rstrip(".") if decimals else f"{rounded:f}"
    return text.replace(".", ",")


def printed(notebook) -> str:
    return "\n".join(out.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                     for out in cell.get("outputs", []) if out.output_type == "stream")


def shown(notebook, mime: str) -> list[str]:
    return [out["data"][mime] for cell in notebook.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if mime in out.get("data", {})]


def probeer_zelf_tasks(notebook) -> list[int]:
    """The numbers of the tasks under the heading "Probeer zelf", up to the next heading."""
    tasks, inside = [], False
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("## "):
                inside = line.strip() == "## Probeer zelf"
            elif inside:
                tasks += [int(n) for n in TASK.findall(line)]
    return tasks


@pytest.mark.parametrize(("or_id", "baseline_id"), [
    ("lemmers-or-vroeggeboorte", "vroeggeboorte-nl-2020"),
    ("lemmers-or-medicamenteus", "vroeggeboorte-nl-2020"),
    ("magnus-or-na-3", "magnus-risico-25-29"),
])
def test_an_odds_ratio_becomes_a_number_per_100_by_the_rule(or_id, baseline_id):
    """p1 = OR·p0 / (1 − p0 + OR·p0) from the registry's OR and baseline, said as the rule says:
    the baseline an assumption, a caveat, and the result an estimate of the course."""
    facts = records()
    odds_ratio, p0 = facts[or_id]["value"], facts[baseline_id]["value"] / 100
    p1 = odds_ratio * p0 / (1 - p0 + odds_ratio * p0)
    text = printed(executed(RECKONING))
    block = text.split(facts[or_id]["label"] + ":", 1)[1].split("\n\n", 1)[0]
    assert "Basisrisico, een aanname" in block and "Kanttekening" in block
    assert (f"Eigen schatting van de cursus, geen uitkomst van de studie: {dutch(100 * p1, 1)} "
            f"per 100 in plaats van {dutch(100 * p0, 1)} per 100") in block, block
    # the one formula, with the registry's numbers in it
    assert f"{dutch(odds_ratio, 2)} × {dutch(p0, 3)} / (1 − {dutch(p0, 3)} + " in block


def test_the_odds_ratio_exercise_expects_the_registry_conversion():
    facts = records()
    odds_ratio = facts["lemmers-or-medicamenteus"]["value"]
    p0 = facts["vroeggeboorte-nl-2020"]["value"] / 100
    expected = dutch(100 * odds_ratio * p0 / (1 - p0 + odds_ratio * p0), 1)
    texts = [html for html in shown(executed(RECKONING), "text/html") if "odds ratio" in html]
    assert len(texts) == 1
    assert f"Antwoord: {expected} per 100" in texts[0]


def test_an_odds_ratio_is_shown_apart_from_the_relative_risk_where_both_are_known():
    facts = records()
    text = printed(executed(RECKONING))
    for treatment, control in [("triplem-mife-miso", "triplem-miso"),
                               ("mifemiso-niet-uitgestoten-mife",
                                "mifemiso-niet-uitgestoten-placebo")]:
        p1, p0 = facts[treatment]["value"] / 100, facts[control]["value"] / 100
        odds_ratio = (p1 / (1 - p1)) / (p0 / (1 - p0))
        blocks = [part.split("\n\n", 1)[0] for part in text.split(facts[treatment]["label"] + ": ")]
        (block,) = [b for b in blocks if "odds ratio:" in b]
        assert f"relatief risico: {dutch(p1, 3)} / {dutch(p0, 3)} = {dutch(p1 / p0, 2)}" in block
        assert f"= {dutch(odds_ratio, 2)}" in block.split("odds ratio:", 1)[1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_probeer_zelf_task_has_a_folded_model_answer_after_it(path):
    notebook = executed(path)
    tasks = probeer_zelf_tasks(notebook)
    if path == RECKONING:
        assert len(tasks) >= 5, tasks
    answers = [(int(m[1]), m[2]) for markdown in shown(notebook, "text/markdown")
               for m in MODEL_ANSWER.finditer(markdown)]
    assert [number for number, _ in answers] == tasks, \
        "elke opdracht één modelantwoord, op volgorde"
    assert all(len(re.sub(r"<[^>]+>", "", body).split()) >= 15 for _, body in answers)
    # each answer comes after its own task and before the next one
    position = {}
    for index, cell in enumerate(notebook.cells):
        for number in TASK.findall(cell.source) if cell.cell_type == "markdown" else ():
            position.setdefault(("task", int(number)), index)
        for markdown in shown(nbformat.from_dict({"cells": [cell]}), "text/markdown") \
                if cell.cell_type == "code" else ():
            for m in MODEL_ANSWER.finditer(markdown):
                position[("answer", int(m[1]))] = index
                assert cell.metadata.get("jupyter", {}).get("source_hidden"), \
                    "het modelantwoord is een dichtgeklapte cel"
                assert "hide-input" in cell.metadata.get("tags", [])
    for number in tasks:
        assert position[("task", number)] < position[("answer", number)]
        following = [position[("task", n)] for n in tasks if n > number]
        assert not following or position[("answer", number)] < min(following)


def test_the_nnt_from_counts_and_from_rounded_percentages():
    """Task 4 from the counts, task 5 from the rounded percentages: each NNT as the registry's
    numbers give it, and the model answer says why they differ."""
    facts = records()
    arm = {name: (facts[f"mifemiso-aantal-niet-uitgestoten-{name}"]["value"],
                  facts[f"mifemiso-groep-{name}"]["value"],
                  facts[f"mifemiso-niet-uitgestoten-{name}"]["value"])
           for name in ("mife", "placebo")}
    from_counts = 100 * (arm["placebo"][0] / arm["placebo"][1] - arm["mife"][0] / arm["mife"][1])
    from_rounded = arm["placebo"][2] - arm["mife"][2]
    answers = {int(m[1]): m[2] for markdown in shown(executed(RECKONING), "text/markdown")
               for m in MODEL_ANSWER.finditer(markdown)}
    assert f"naar boven afgerond {math.ceil(100 / from_counts)}" in answers[4]
    assert f"= {dutch(from_counts, 2)} per 100" in answers[4]
    assert f"naar boven afgerond {math.ceil(100 / from_rounded)}" in answers[5]
    assert "afronding" in answers[5] and "aantallen" in answers[5]


@pytest.mark.build
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_exercise_is_text_too_on_the_page(html, path):
    """In the book every exercise's widget view is followed by its text form (the question,
    the answer folded): the PDF and a reader without JavaScript get the exercise too."""
    from html import escape

    page = (html / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
    state = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>',
                      page, re.S)
    questions = [model["state"]["question"]
                 for model in json.loads(state.group(1))["state"].values()
                 if "question" in model["state"]]
    assert len(questions) >= 3
    views = page.split('<script type="application/vnd.jupyter.widget-view+json">')[1:]
    texts = [view.split("</figure>", 1)[0] for view in views]
    for question in questions:
        (text,) = [t for t in texts if escape(question, quote=False) in t]
        assert 'class="miskraam-static miskraam-oefening-tekst"' in text
        assert '<details class="miskraam-antwoord-tekst"><summary>Antwoord en uitleg</summary>' \
            in text
    if path == RECKONING:
        answers = re.findall(r'<details class="miskraam-modelantwoord"><summary>Modelantwoord bij '
                             r"opdracht (\d+)</summary>", page)
        assert [int(n) for n in answers] == probeer_zelf_tasks(nbformat.read(path, 4))
