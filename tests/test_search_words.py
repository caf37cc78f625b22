"""Readers' search words reach the search index, also after an incremental rebuild in a new
process (how the course is rebuilt): Sphinx reloads its previous search index without the
index entries, so without our repair a rebuild of one page dropped every other page's words.
A two-page project (tests/roots/test-search) built, one page edited, built again."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent / "roots" / "test-search"


def index_entries(outdir) -> dict:
    text = (Path(outdir) / "searchindex.js").read_text(encoding="utf-8")
    body = json.loads(re.match(r"Search\.setIndex\((.*)\)\s*$", text, re.S).group(1))
    return {word: {body["docnames"][ref[0]] for ref in refs}
            for word, refs in body["indexentries"].items()}


def sphinx_build(source: Path, out: Path):
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source),
                             str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_search_words_survive_an_incremental_rebuild(tmp_path):
    source = tmp_path / "bron"
    shutil.copytree(ROOT, source)
    out = tmp_path / "html"
    sphinx_build(source, out)
    expected = {"oorzaak": {"oorzaken"}, "schuld": {"oorzaken"}, "begin": {"index"}}
    assert {w: d for w, d in index_entries(out).items() if w in expected} == expected
    # an author edits one page; the other is not read again
    page = source / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    sphinx_build(source, out)
    assert {w: d for w, d in index_entries(out).items() if w in expected} == expected
