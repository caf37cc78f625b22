"""The {aanbeveling} directive, in-process (sphinx.testing): a recommendation shows its evidence
level, grading system and source; a recommendation without a known level or source is a Dutch
build error naming the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOTS


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


def build_one(make_app, tmp_path, options):
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-aanbeveling", source)
    (source / "index.md").write_text(
        f"# Pagina\n\n```{{aanbeveling}} Doe iets.\n{options}\n```\n\n```{{bibliography}}\n```\n",
        encoding="utf-8")
    app = make_app("html", srcdir=source)
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    return app._warning.getvalue(), re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(("verb", "strength"), [("offer", "sterk"), ("consider", "voorwaardelijk")])
def test_nice_strength_comes_from_its_verb(make_app, tmp_path, verb, strength):
    # NICE says how strong a recommendation is in its verb (issue 16, review section D)
    warnings, text = build_one(make_app, tmp_path, ":bron: richtlijn2020\n:bewijs: niet gegradeerd"
                               f"\n:systeem: NICE\n:nice: {verb}")
    assert not warnings.strip(), warnings
    assert f"Sterkte van de aanbeveling: {strength} (NICE: “{verb}”)" in text \
        or f'Sterkte van de aanbeveling: {strength} (NICE: "{verb}")' in text, text


def test_nice_without_its_verb_is_refused(make_app, tmp_path):
    warnings, _ = build_one(make_app, tmp_path, ":bron: richtlijn2020\n:bewijs: niet gegradeerd"
                            "\n:systeem: NICE")
    assert "':nice:' met het werkwoord" in warnings


def test_the_courses_own_advice_is_never_labelled_a_guidelines(make_app, tmp_path):
    warnings, text = build_one(make_app, tmp_path, ":bron: richtlijn2020\n:bewijs: niet gegradeerd"
                               "\n:systeem: cursus")
    assert not warnings.strip(), warnings
    assert "Advies van deze cursus" in text and "geen aanbeveling uit een richtlijn" in text
    assert "Aanbeveling" not in text.split("Doe iets")[0].split("Pagina")[-1]
    assert "Bewijskracht" not in text
