"""The wheel holds every file of the package: a course installed with `pip install .` finds
its templates, theme, catalog and ES modules, not only its Python (the course's data is the
book's, in book/data)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.build


def test_the_wheel_holds_every_file_of_the_package(tmp_path):
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    # a clean copy of what git tracks: no build/ or egg-info of an earlier build to borrow from
    source = tmp_path / "source"
    for name in tracked:
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps",
                    "--no-build-isolation", "--quiet", "-w", str(tmp_path / "dist")],
                   check=True, capture_output=True, timeout=300)
    [wheel] = (tmp_path / "dist").glob("miskraam-*.whl")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    package = {name for name in tracked if name.startswith("miskraam/")}
    assert sorted(package - in_wheel) == [], "bestanden van het pakket die niet in het wiel zitten"
    assert sorted(n for n in in_wheel - package if n.startswith("miskraam/")) == []


def test_no_private_sphinx_api():
    """Sphinx's private names (a leading underscore) change without notice between releases;
    the extension uses only its public API."""
    private = re.compile(r"^\s*(?:from\s+(?:sphinx|docutils|myst_\w+|sphinx_\w+)[\w.]*\s+import\s+"
                         r"[^\n]*\b_[A-Za-z]|from\s+(?:sphinx|docutils)[\w.]*\._\w+)", re.M)
    found = [f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
             for path in sorted((ROOT / "miskraam").rglob("*.py"))
             for match in private.finditer(path.read_text(encoding="utf-8"))]
    assert not found, found


def test_the_table_of_contents_is_read_in_one_place():
    """`_toc.yml` is read by `miskraam/toc.py` (through sphinx-external-toc, Jupyter Book's own
    parser), not parsed again by hand elsewhere: four readers could disagree on the pages and
    their order (issue 17)."""
    by_hand = re.compile(r"safe_load\([^\n]*toc")
    found = [str(path.relative_to(ROOT))
             for folder in ("miskraam", "tests")
             for path in sorted((ROOT / folder).rglob("*.py"))
             if by_hand.search(path.read_text(encoding="utf-8"))]
    assert not found, found


def test_the_one_reader_gives_sections_after_their_chapter(tmp_path):
    from miskraam.toc import toc_pages

    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: start\nparts:\n  - caption: Een\n    chapters:\n"
                   "      - file: a\n        sections:\n          - file: a1\n      - file: b\n"
                   "  - caption: Twee\n    chapters:\n      - file: c\n", encoding="utf-8")
    for name in ("start", "a", "a1", "b", "c"):
        (tmp_path / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    assert toc_pages(toc) == ["start", "a", "a1", "b", "c"]


def test_numbers_in_words_are_read_in_one_place():
    """One table of number words per language (miskraam/dutch.py): a second table in a module
    or a test helper would read "dertien" in one place and not in another."""
    table = re.compile(r"""["'](?:twee|two)["']\s*:\s*2\b""")
    found = [str(path.relative_to(ROOT)) for folder in ("miskraam", "tests")
             for path in sorted((ROOT / folder).rglob("*.py"))
             if table.search(path.read_text(encoding="utf-8"))]
    assert found == ["miskraam/dutch.py"], found
