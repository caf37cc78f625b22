"""The student notebooks run top to bottom in a real kernel, from their own folder, and are
in the book with a downloadable .ipynb."""

from __future__ import annotations

import json
import re

import nbclient
import nbformat
import pytest

from .conftest import HAND_WRITTEN, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_student_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_a_kernel_without_errors_or_warnings(path):
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
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
