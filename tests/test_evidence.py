"""External figures are traceable to their publications; Part III compares the sources."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file

from miskraam.facts import SOURCES, registry

from .conftest import ROOT

BIB = parse_file(str(ROOT / "book" / "references.bib"))
#: publishers whose own page identifies a guideline, a rule or an official text without a DOI
GUIDELINE_HOSTS = ("nhg.org", "richtlijnendatabase.nl", "nice.org.uk", "knov.nl", "eshre.eu",
                   "uwv.nl", "rijksoverheid.nl", "wetten.overheid.nl", "government.nl",
                   "kwaliteitsregisterverloskundigen.nl", "rivm.nl", "sanquin.nl",
                   "nvog.nl", "henw.org", "perined.nl", "rvig.nl", "vzinfo.nl",
                   "officielebekendmakingen.nl",
                   # hospitals and professional bodies (referral criteria, mola follow-up)
                   "olvg.nl", "avl.nl", "freya.nl", "mole-chorio-bgog.eu",
                   # the publisher of the CanMEDS framework (roles of the nascholing module)
                   "royalcollege.ca")


def identifies_the_publication(entry) -> bool:
    fields = {k.lower(): v for k, v in entry.fields.items()}
    if fields.get("doi", "").startswith("10."):
        return True
    if re.fullmatch(r"\d{6,9}", fields.get("pmid", "")):
        return True
    # a guideline without DOI or PMID: its own page, never a mirror
    return entry.type == "misc" and any(host in fields.get("url", "") for host in GUIDELINE_HOSTS)


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_every_bibliography_entry_has_a_doi_or_pubmed_id(key):
    assert identifies_the_publication(BIB.entries[key]), key


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_every_bibliography_entry_names_its_authors_title_and_year(key):
    entry = BIB.entries[key]
    authors = entry.persons.get("author") or []
    title = entry.fields.get("title", "").strip("{} ")
    assert authors and title and re.fullmatch(r"\d{4}", entry.fields.get("year", "")), (
        f"{key}: auteur, titel of jaar ontbreekt")
    named = " ".join(str(person) for person in authors) + " " + title
    assert not re.search(r"niet geverifieerd|onbekend|unknown", named, re.I), (
        f"{key}: auteur of titel is niet vastgesteld")
    # an author that is only a journal name is not an author
    assert str(authors[0]).strip("{}") != entry.fields.get("journal", ""), key


def test_every_external_record_has_a_bibliography_key():
    external = [r for r in registry().values() if r.source not in SOURCES]
    assert len(external) >= 20
    for record in external:
        assert record.source in BIB.entries, f"{record.id}: sleutel {record.source} ontbreekt"


@pytest.mark.build
def test_the_bibliography_page_renders_every_cited_work(html):
    cited = set()
    for path in (ROOT / "book").rglob("*.md"):
        cited |= set(re.findall(r"\{cite:[pt]\}`([^`]+)`", path.read_text("utf-8")))
    cited |= {r.source for r in registry().values() if r.source not in SOURCES}
    keys = {key.strip() for group in cited for key in group.split(",")}
    page = (html / "book" / "bronnen.html").read_text("utf-8")
    entries = re.findall(r'<div class="citation" id="[^"]+" role="listitem">(.*?)</div>',
                         page, re.S)
    assert len(entries) == len(keys)
    text = " ".join(entries)
    for key in keys:
        entry = BIB.entries[key]
        doi = entry.fields.get("doi")
        if doi:
            assert doi in text, key
        else:
            title = entry.fields["title"].strip("{}")[:40]
            assert title.split()[0] in text, key


@pytest.mark.build
def test_the_side_by_side_table_names_both_sources_in_every_row(html):
    page = (html / "book" / "deel3" / "bronnen-naast-elkaar.html").read_text("utf-8")
    table = re.search(r'<table[^>]*bronnen-naast-elkaar.*?</table>', page, re.S).group(0)
    header = [re.sub(r"<[^>]+>", "", h).strip()
              for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert any("Informatieblad" in h for h in header) and any("Blog" in h for h in header)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    assert len(rows) >= 8
    for row in rows:
        cells = [re.sub(r"<[^>]+>", "", cell).strip()
                 for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert len(cells) == 4, cells[:1]
        leaflet, blog = cells[1], cells[2]
        assert leaflet and blog, f"lege cel in rij '{cells[0]}'"


def test_research_chapter_cites_the_evidence():
    text = (ROOT / "book" / "deel3" / "wat-onderzoek-zegt.md").read_text("utf-8")
    for key in ("nvog2020", "tong2008", "hamel2021", "hooker2014", "schliep2016", "betts2016"):
        assert key in text
