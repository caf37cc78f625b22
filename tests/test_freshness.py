"""No stale widgets or numbers: editing a widget's ES module, or a value in the data folder,
and rebuilding shows the new code or number.

The book here is a one-page book in a temporary folder with a copy of the course's data folder
(``miskraam_data_dir: data``), built against a copy of the ``miskraam`` package where the code
changes; the tests edit the copies, never a tracked file."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import uuid
from pathlib import Path

import pytest
import yaml

from miskraam.content.freshness import code_fingerprint

from .conftest import DATA, ROOT, build, one_page_book

pytestmark = pytest.mark.build

CONFIG = textwrap.dedent("""
    title: Test
    only_build_toc_files: true
    execute:
      execute_notebooks: "off"
    sphinx:
      config:
        language: nl
        html_theme: miskraam
        miskraam_data_dir: data
      extra_extensions:
        - miskraam.content
        - miskraam.theme
""")


def build_with(package_parent: Path, book: Path) -> subprocess.CompletedProcess:
    return build(book, env={"PYTHONPATH": str(package_parent)})


def test_fingerprint_changes_with_the_code(tmp_path):
    (tmp_path / "a.js").write_text("one")
    first = code_fingerprint(tmp_path)
    (tmp_path / "a.js").write_text("two")
    assert code_fingerprint(tmp_path) != first


def test_a_rebuilt_book_picks_up_a_changed_widget_module(tmp_path):
    code = tmp_path / "code"
    shutil.copytree(ROOT / "miskraam", code / "miskraam",
                    ignore=shutil.ignore_patterns("__pycache__"))
    book = tmp_path / "boek"
    shutil.copytree(DATA, book / "data")
    (book / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: pagina\n", encoding="utf-8")
    (book / "pagina.md").write_text("# Pagina\n\n```{widget} Curettage\n```\n", encoding="utf-8")
    page = book / "_build" / "html" / "pagina.html"

    first = build_with(code, book)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    marker = f"stale-check-{uuid.uuid4().hex}"
    assert marker not in page.read_text(encoding="utf-8")

    module = code / "miskraam" / "widgets" / "curettage.js"
    module.write_text(module.read_text(encoding="utf-8") + f"\n// {marker}\n", encoding="utf-8")
    second = build_with(code, book)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert marker in page.read_text(encoding="utf-8"), "de widgetcode in het boek is verouderd"


def test_a_rebuilt_book_shows_a_changed_registry_value_in_notebook_output(tmp_path):
    """A student notebook prints numbers from the registry; when a value changes, the next
    build must show the new number, not an output cached on the notebook's unchanged code.
    The book's own `execute` settings are used, so this tests what `make book` does. The
    notebook's kernel finds the copied data folder through the book's `_config.yml`."""
    execute = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["execute"]
    config = yaml.safe_load(CONFIG)
    config["execute"] = execute
    book = tmp_path / "boek"
    shutil.copytree(DATA, book / "data")
    page = one_page_book(book, yaml.safe_dump(config),
                         "from miskraam.facts import fact\n"
                         "print('grens:', fact('definitie-16-weken').wording)")

    first = build(book)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "grens: 16 weken" in page.read_text(encoding="utf-8")

    registry_file = book / "data" / "facts.yml"
    text = registry_file.read_text(encoding="utf-8")
    old_record = text[text.index("- id: definitie-16-weken"):]
    old_record = old_record[:old_record.index("\n- id:")]
    new_record = (old_record.replace("value: 16", "value: 17")
                  .replace('wording: "16 weken"', 'wording: "17 weken"')
                  .replace("niet langer dan 16 weken", "niet langer dan 17 weken")
                  .replace("verlies tot 16 weken", "verlies tot 17 weken"))
    # value, wording, quote and meaning (loading checks the meaning's figure too)
    assert new_record.count("17") == 4, "het record ziet er anders uit dan deze test verwacht"
    registry_file.write_text(text.replace(old_record, new_record), encoding="utf-8")

    second = build(book)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    shown = page.read_text(encoding="utf-8")
    assert "grens: 17 weken" in shown and "grens: 16 weken" not in shown, (
        "het notebook toont een verouderd getal uit het register")
