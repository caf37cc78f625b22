"""No stale widgets: editing a widget's ES module and rebuilding shows the new code, even
though jupyter-cache keys on the notebook's code only."""

from __future__ import annotations

import textwrap
import uuid
from pathlib import Path

import pytest

from miskraam.sphinxext.freshness import code_fingerprint

from .conftest import ROOT, build, one_page_book

pytestmark = pytest.mark.build

MODULE = ROOT / "miskraam" / "widgets" / "curettage.js"


def small_book(folder: Path) -> Path:
    config = textwrap.dedent("""
        title: Test
        execute:
          execute_notebooks: cache
        sphinx:
          config:
            language: nl
            nb_ipywidgets_js:
              miskraam-widgets.js: {}
          extra_extensions:
            - miskraam.sphinxext
    """)
    return one_page_book(folder, config, "from miskraam import widgets\nwidgets.Curettage()")


def test_fingerprint_changes_with_the_code(tmp_path):
    (tmp_path / "a.js").write_text("one")
    first = code_fingerprint(tmp_path)
    (tmp_path / "a.js").write_text("two")
    assert code_fingerprint(tmp_path) != first


def test_a_rebuilt_book_picks_up_a_changed_widget_module(tmp_path):
    page = small_book(tmp_path)
    first = build(tmp_path)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    marker = f"stale-check-{uuid.uuid4().hex}"
    assert marker not in page.read_text(encoding="utf-8")

    original = MODULE.read_text(encoding="utf-8")
    try:
        MODULE.write_text(original + f"\n// {marker}\n", encoding="utf-8")
        second = build(tmp_path)
        assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
        assert marker in page.read_text(encoding="utf-8"), "de widgetcode in het boek is verouderd"
    finally:
        MODULE.write_text(original, encoding="utf-8")
