"""A number's citation comes from its record: `{fact}`id <bron>`` renders the figure with the
citation of the record's source, and no page types `{cite:p}` for a record's own source beside
its number (when a new study replaces the record, a typed citation would keep naming the old
one). `python -m miskraam.citations --fix` rewrites typed ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from miskraam import citations
from miskraam.facts import fact


def test_no_page_types_the_citation_of_a_number_beside_it():
    found = citations.every_typed_citation()
    assert not found, "\n".join(map(str, found))


@pytest.mark.sphinx("html", testroot="factbron")
def test_the_bron_form_shows_the_figure_and_cites_its_source(app):
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    record = fact("hooker-verklevingen")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert record.wording in text
    # the citation follows the figure and links to the bibliography entry, as {cite:p} does
    after = html[html.index(record.wording):]
    citation = re.search(r'<span class="bibtex-citation"[^>]*>\[<a [^>]*href="[^"]*#id\d+"'
                         r' title="[^"]*Hooker[^"]*2014[^"]*"', after[:600])
    assert citation, after[:600]
    assert not app._warning.getvalue().strip(), app._warning.getvalue()


@pytest.mark.sphinx("html", testroot="factbron", freshenv=True)
def test_bron_on_a_figure_from_the_leaflet_is_a_dutch_build_error(app):
    page = Path(app.srcdir) / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "hooker-verklevingen <bron>", "bloedverlies-16-weken <bron>"), encoding="utf-8")
    app.build()
    warnings = app._warning.getvalue()
    assert "bloedverlies-16-weken" in warnings and "<bron> is er voor literatuur" in warnings


def test_fix_moves_the_citation_into_the_record(tmp_path):
    page = tmp_path / "pagina.md"
    page.write_text(
        "In trials had {fact}`afwachten-chirurgie-nodig` alsnog een operatie nodig "
        "{cite:p}`nanda2012`. Verklevingen: {fact}`hooker-verklevingen` "
        "{cite:p}`hooker2014,nanda2012`.\n\nEen ander getal {cite:p}`nanda2012`.\n",
        encoding="utf-8")
    assert citations.fix(page) == 2
    assert page.read_text(encoding="utf-8") == (
        "In trials had {fact}`afwachten-chirurgie-nodig <bron>` alsnog een operatie nodig. "
        "Verklevingen: {fact}`hooker-verklevingen <bron>` {cite:p}`nanda2012`.\n\n"
        "Een ander getal {cite:p}`nanda2012`.\n")
    assert citations.typed_citations(page) == []


def test_fix_never_moves_a_citation_between_list_items_or_table_rows(tmp_path):
    page = tmp_path / "pagina.md"
    text = ("- Afwachten: {fact}`afwachten-chirurgie-nodig` had alsnog een operatie nodig\n"
            "- en een ander punt uit dezelfde studie {cite:p}`nanda2012`.\n\n"
            "| Optie | Getal |\n|---|---|\n| Afwachten | {fact}`afwachten-chirurgie-nodig` |\n"
            "| Bron | {cite:p}`nanda2012` |\n")
    page.write_text(text, encoding="utf-8")
    assert citations.fix(page) == 0
    assert page.read_text(encoding="utf-8") == text


@pytest.mark.sphinx("html", testroot="factbron", freshenv=True)
def test_citations_do_not_scan_the_installed_packages_each(app, monkeypatch):
    """pybtex finds a plugin by scanning every installed package's entry points (about 10 ms);
    sphinxcontrib-bibtex asks for one per citation. The content extension registers them once
    (miskraam/content/bibtexplugins.py), so a build's scans do not grow with its citations."""
    import pybtex.plugin

    scans = []
    original = pybtex.plugin.entry_points

    def counting(**selection):
        scans.append(selection)
        return original(**selection)

    monkeypatch.setattr(pybtex.plugin, "entry_points", counting)
    page = Path(app.srcdir) / "index.md"
    citation = "{fact}`hooker-verklevingen <bron>`"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + " ".join([citation] * 40) + "\n",
                    encoding="utf-8")
    app.build()
    backends = [scan for scan in scans if scan.get("group") == "pybtex.backends"]
    assert len(backends) <= 2, f"{len(backends)} scans for a backend"


def test_a_typed_author_citation_beside_a_number_is_found_and_fixed(tmp_path):
    """A table row that names the study with {cite:t} beside the record's number keeps naming
    the old study when a new one replaces the record; `<auteur>` renders it from the record."""
    page = tmp_path / "pagina.md"
    page.write_text(
        "| Situatie | Getal | Bron |\n|---|---|---|\n"
        "| Op 6 weken | {fact}`tong-risico-6-weken` | {cite:t}`tong2008` (M) |\n"
        "| Met bloedverlies | {fact}`bloedverlies-levend-risico` | {cite:t}`tong2008` |\n"
        "| Hematoom | {fact}`hematoom-risico` | {cite:t}`tuuli2011,johns2006` |\n",
        encoding="utf-8")
    found = citations.typed_citations(page)
    assert [(hit.fact_id, hit.key, hit.line) for hit in found] == [
        ("tong-risico-6-weken", "tong2008", 3), ("hematoom-risico", "tuuli2011", 5)]
    assert "<auteur>" in str(found[0])
    assert citations.fix(page) == 2
    text = page.read_text(encoding="utf-8")
    assert ("| {fact}`tong-risico-6-weken` | {fact}`tong-risico-6-weken <auteur>` (M) |"
            in text)
    # a row whose citation names another study keeps it
    assert "| {fact}`bloedverlies-levend-risico` | {cite:t}`tong2008` |" in text
    # of a citation of two studies, only the record's own moves into the record
    assert ("| {fact}`hematoom-risico` | {fact}`hematoom-risico <auteur>` en "
            "{cite:t}`johns2006` |" in text)
    assert citations.typed_citations(page) == []


@pytest.mark.sphinx("html", testroot="factbron", srcdir="factbron-auteur")
def test_the_auteur_form_names_the_source_as_cite_t_does(app):
    page = Path(app.srcdir) / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n"
                    "Zo vond {fact}`hooker-verklevingen <auteur>` het.\n\n"
                    "Zo vond {cite:t}`hooker2014` het.\n", encoding="utf-8")
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    # the same words and link as {cite:t}; only the citation's own HTML id differs
    rendered = [re.sub(r'id="id\d+"', "", found)
                for found in re.findall(r"Zo vond (.*?) het\.", html, re.S)]
    assert len(rendered) == 2 and "Hooker" in rendered[1]
    assert rendered[0] == rendered[1]
    assert not app._warning.getvalue().strip(), app._warning.getvalue()


@pytest.mark.sphinx("html", testroot="factbron", srcdir="factbron-studie")
def test_the_studie_form_names_the_records_study_and_cites_it(app):
    """`{fact}`id <studie>`` renders the study's size and design from the record, with its
    citation: a new study changes them in facts.yml, once."""
    page = Path(app.srcdir) / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n"
                    "De meta-analyse omvatte {fact}`hooker-verklevingen <studie>`.\n\n"
                    "Een getal uit het blad: {fact}`bloedverlies-16-weken <studie>`.\n",
                    encoding="utf-8")
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    record = fact("hooker-verklevingen")
    assert f"omvatte {record.study_text()} [" in text
    after = html[html.index(record.study_text()):][:600]
    assert re.search(r'<span class="bibtex-citation"[^>]*>\[<a [^>]*title="[^"]*Hooker', after)
    assert ("bloedverlies-16-weken" in app._warning.getvalue()
            and "<studie>" in app._warning.getvalue())
    assert "hooker-verklevingen" not in app._warning.getvalue()
