"""`make waar-gebruikt ID=…` lists a record's whole story: every use of its id, every citation of
its source, every place that names the source's author (issue 17, item 7)."""

from __future__ import annotations

from miskraam.usage import first_author, main, report


def test_the_story_of_a_number_lists_its_uses_citations_and_author():
    story = report("hooker-verklevingen")
    for place in ("book/deel1/curettage.md", "book/data/uitspraken.yml",
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
