"""A broken data file gives one Dutch message, first and once, and no traceback (issue 17,
item 7; newcomer-review a.). A one-page book in a temporary folder with a copy of the course's
data folder (`miskraam_data_dir: data`), one record changed as a maintainer would change it: a
new study's number, typed in `value` but not yet in the wording."""

from __future__ import annotations

import re
import shutil
import textwrap

import pytest

from .conftest import DATA, build

pytestmark = pytest.mark.build

CONFIG = textwrap.dedent("""
    title: Test
    only_build_toc_files: true
    execute:
      execute_notebooks: "off"
    bibtex_bibfiles:
      - data/references.bib
    sphinx:
      config:
        language: nl
        html_theme: miskraam
        miskraam_data_dir: data
      extra_extensions:
        - miskraam.content
        - miskraam.theme
""")

PAGE = textwrap.dedent("""
    # Pagina

    Verklevingen: {fact}`hooker-verklevingen`, en {fact}`curettage-verklevingen`.

    ```{alarmsignalen}
    ```

    ```{widget} Curettage
    ```

    ```{uitspraak} verklevingen-10-13
    ```

    ```{kerngetallen}
    ```
""")


def book_with(tmp_path, edit=None, page=PAGE):
    book = tmp_path / "boek"
    shutil.copytree(DATA, book / "data")
    if edit:
        edit(book / "data")
    (book / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: pagina\n", encoding="utf-8")
    (book / "pagina.md").write_text(page, encoding="utf-8")
    result = build(book)
    return result, result.stdout + result.stderr


def new_study_number(data_folder):
    registry = data_folder / "facts.yml"
    text = registry.read_text(encoding="utf-8")
    start = text.index("- id: hooker-verklevingen")
    record = text[start:text.index("\n- id:", start + 1)]
    registry.write_text(text.replace(record, record.replace("value: 19.1", "value: 21.4")),
                        encoding="utf-8")


def test_a_broken_registry_is_one_dutch_message_first_and_once(tmp_path):
    result, log = book_with(tmp_path, new_study_number)
    assert result.returncode != 0, "een kapot feitenregister moet de bouw laten falen"
    messages = [line for line in log.splitlines() if "kan niet worden geladen" in line]
    assert len(messages) == 1, log[-3000:]
    assert "facts.yml" in messages[0] and "hooker-verklevingen" in messages[0], messages
    assert "onbekend feit" not in log, log[-3000:]
    for noise in ("Traceback", "report this", "Exception occurred"):
        assert noise not in log, log[-3000:]


NUMBER_QUESTION = """# Pagina

```{vraag}
:id: proef-getal
:soort: getal
:feit: afwachten-binnen-3-weken
:van: 50
:heel:

Bij hoeveel van 50 vrouwen?

+++
Uitleg.
```
"""


def test_a_broken_registry_with_a_number_question_is_still_one_message(tmp_path):
    """A number question reads its answer from the registry: a broken registry must give the
    one Dutch message, not a traceback from the question (found while adding a record)."""
    result, log = book_with(tmp_path, new_study_number, page=NUMBER_QUESTION)
    assert result.returncode != 0
    assert sum("kan niet worden geladen" in line for line in log.splitlines()) == 1, log[-3000:]
    for noise in ("Traceback", "KeyError", "report this"):
        assert noise not in log, log[-3000:]


def test_an_unknown_fact_id_says_which_id_was_meant(tmp_path):
    result, log = book_with(tmp_path, page="# Pagina\n\n{fact}`hooker-verkleving`\n")
    assert result.returncode != 0
    assert re.search(r"onbekend feit 'hooker-verkleving'; bedoel je 'hooker-verklevingen", log), \
        log[-2000:]


def test_with_a_broken_alarm_file_every_page_still_says_where_to_turn(tmp_path):
    def misspell(data_folder):
        path = data_folder / "alarmsignalen.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("level: \"112\"", "level: 113", 1),
                        encoding="utf-8")

    result, log = book_with(tmp_path, misspell)
    assert result.returncode != 0
    assert sum("kan niet worden geladen" in line for line in log.splitlines()) == 1, log[-3000:]
    assert "Traceback" not in log
    page = (tmp_path / "boek" / "_build" / "html" / "pagina.html").read_text(encoding="utf-8")
    notice = page[page.index('class="miskraam-notice"'):][:600]
    assert "112" in notice and "huisartsenpost" in notice
