"""The {aanbeveling} directive, in-process (sphinx.testing): a recommendation shows its evidence
level, grading system and source; a recommendation without a known level or source is a Dutch
build error naming the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir():
    return ROOTS


@pytest.mark.sphinx("html", testroot="aanbeveling")
def test_a_recommendation_shows_its_evidence_level_system_and_source(app):
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<div class="[^"]*\baanbeveling\b[^"]*">(.*?)</div>', html, re.S)
    assert box, "geen aanbeveling op de pagina"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box.group(1)))
    assert "Aanbeveling" in text and "Bied vanaf 6 weken een vaginale echo aan." in text
    assert "Bewijskracht: zeer laag" in text and "(GRADE)" in text
    assert "Sterkte van de aanbeveling: sterk" in text
    assert "Werkgroep Voorbeeld" in text  # the citation, resolved by sphinxcontrib-bibtex
    assert "<strong>nadruk</strong>" in box.group(1)  # the body is MyST
    assert not app._warning.getvalue().strip()


@pytest.mark.parametrize(("options", "expected"), [
    (":bron: richtlijn2020\n:bewijs: matig\n:systeem: GRADE", "':bewijs: matig' is onbekend"),
    (":bron: richtlijn2020\n:systeem: GRADE", "':bewijs: ' is onbekend"),
    (":bron: richtlijn2020\n:bewijs: laag\n:systeem: Cochrane", "':systeem: Cochrane' is onbekend"),
    (":bewijs: laag\n:systeem: GRADE", "':bron:' ontbreekt"),
    (":bron: richtlijn2020\n:bewijs: laag\n:systeem: GRADE\n:sterkte: heel", "':sterkte: heel'"),
])
def test_a_recommendation_without_level_or_source_is_a_dutch_error(make_app, tmp_path, options,
                                                                    expected):
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-aanbeveling", source)
    (source / "index.md").write_text(
        f"# Pagina\n\n```{{aanbeveling}} Doe iets.\n{options}\n```\n", encoding="utf-8")
    app = make_app("html", srcdir=source)
    app.build()
    warnings = app._warning.getvalue()
    assert "aanbeveling op pagina 'index'" in warnings and expected in warnings, warnings
    assert "Doe iets." not in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
