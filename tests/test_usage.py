"""`make waar-gebruikt ID=…` lists a record's whole story: every use of its id, every citation of
its source, every place that names the source's author (issue 17, item 7)."""

from __future__ import annotations

import re

from miskraam.usage import first_author, main, report

from .conftest import ROOT


def test_the_story_of_a_number_lists_its_uses_citations_and_author():
    story = report("hooker-verklevingen")
    for place in ("book/deel3/wat-onderzoek-zegt.md", "book/data/uitspraken.yml",
                  "miskraam/widgets/curettage.js", "notebooks/miskraam-in-getallen.ipynb"):
        assert place in story, place
    assert "Citaties van hooker2014" in story
    # the same study's other figures, which a new study would leave stale
    assert "Andere records uit hooker2014" in story and "hooker-verklevingen-licht" in story
    assert first_author("hooker2014") == "Hooker"
    assert "Plaatsen die Hooker noemen" in story


def test_an_unknown_id_is_a_dutch_message_with_a_suggestion(capsys):
    assert main(["hooker-verkleving"]) == 1
    assert "bedoel je 'hooker-verklevingen'" in capsys.readouterr().err
    assert main([]) == 2


def _record_authors() -> dict[str, str]:
    """The first author of every record's source ("Hooker": "hooker2014")."""
    from miskraam.facts import registry

    return {first_author(record.source): record.source for record in registry().values()
            if record.is_external and first_author(record.source)}


def _code_of_notebooks():
    import json

    for path in sorted(ROOT.glob("notebooks/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                yield path, "".join(cell["source"])


def test_widgets_and_notebook_code_name_a_records_study_from_the_record():
    """A widget's JavaScript and a notebook's code get the record's fields (`authors`, `year`,
    `study`); an author typed there by hand keeps naming the old study after a new one."""
    authors = _record_authors()
    typed = []
    places = [(path, path.read_text(encoding="utf-8"))
              for path in sorted(ROOT.glob("miskraam/widgets/*.js"))]
    for path, text in [*places, *_code_of_notebooks()]:
        typed += [f"{path.relative_to(ROOT)}: {name} ({key})" for name, key in authors.items()
                  if re.search(rf"\b{re.escape(name)}\b", text)]
    assert not typed, "\n".join(typed)


def test_a_widget_gets_the_study_of_its_records():
    from miskraam.facts import fact
    from miskraam.widgets.base import fact_payload

    payload = fact_payload("hooker-verklevingen")
    record = fact("hooker-verklevingen")
    assert payload["authors"].startswith(first_author(record.source))
    assert payload["year"] in record.source and payload["study"] == record.study_text()
    assert fact_payload("bloedverlies-16-weken")["authors"] is None


def test_the_story_lists_what_is_typed_by_hand_in_notebook_text():
    """What cannot be rendered from the record (a notebook's Markdown, read in JupyterLab
    too) is listed, with the study's size typed by hand."""
    story = report("hooker-verklevingen")
    named = story[story.index("Plaatsen die Hooker noemen"):]
    assert "notebooks/miskraam-in-getallen.ipynb" in named
    sizes = story[story.index("Studiegrootte met de hand"):]
    assert "book/deel3/wat-onderzoek-zegt.md" in sizes or "prospectieve studies" in sizes
