"""Statements with one home (issue 15): what the course says on more than one page is written
once (book/data/uitspraken.yml, shown with {uitspraak}); every definition lives in the glossary
(book/data/begrippen.yml, shown in the Begrippenlijst and by {begrip}). A page that says a
statement again by hand, or defines a glossary term again, fails here. The readers in
tests/voice.py are tested first on text they must catch and text they must let pass.
"""

from __future__ import annotations

import pytest

from miskraam.glossary import GlossaryError, Term, glossary, parse_glossary
from miskraam.statements import Statement, StatementError, parse_statements, statements

from .conftest import content_pages
from .voice import definitions, restatements

CURETTAGE = Term(term="Curettage", kort="een kleine operatie waarbij de arts de baarmoeder "
                 "leegmaakt", publiek="Je krijgt er een korte narcose bij.")
ANTI_D = Statement(id="anti-d", onderwerp="anti-D", publiek="…", professioneel="…",
                   bronnen=("nhg2017",), herken=(r"anti-D[^.]*\b\d+ weken",),
                   thuis=("book/deel4/beleid",))


@pytest.mark.parametrize("snippet", [
    "<p>Een curettage is een kleine operatie.</p>",
    "<p>De arts maakt je baarmoeder leeg. Dat heet een curettage.</p>",
    "<p>Na een curettage (een kleine operatie in het ziekenhuis) rust je uit.</p>",
    "<p>Dat geldt ook na een curettage. Dat is een kleine operatie waarbij de arts …</p>",
])
def test_a_definition_written_again_is_found(snippet):
    assert definitions("p.html", f"<body>{snippet}</body>", [CURETTAGE])


@pytest.mark.parametrize("snippet", [
    '<p>Na een <span class="miskraam-begrip"><a>curettage</a> (een kleine operatie waarbij de '
    'arts de baarmoeder leegmaakt)</span> rust je uit.</p>',
    "<p>Een curettage is snel en planbaar.</p>",
    "<p>Kies je een curettage? Dan maak je een afspraak.</p>",
])
def test_a_term_used_or_shown_from_the_glossary_is_not_a_definition(snippet):
    assert definitions("p.html", f"<body>{snippet}</body>", [CURETTAGE]) == []


def test_a_statement_written_again_is_found_outside_its_box_and_its_home():
    page = "<body><p>Na een miskraam krijg je anti-D vanaf 10 weken.</p></body>"
    assert restatements("book/deel1/x.html", page, [ANTI_D])
    boxed = ('<body><div class="miskraam-uitspraak"><p>Na een miskraam krijg je anti-D vanaf '
             '10 weken.</p></div></body>')
    assert restatements("book/deel1/x.html", boxed, [ANTI_D]) == []
    assert restatements("book/deel4/beleid.html", page, [ANTI_D]) == []


@pytest.mark.parametrize(("record", "message"), [
    ({"id": "x", "onderwerp": "x", "publiek": "x", "professioneel": "x", "bronnen": [],
      "herken": ["x"]}, "minstens één bron"),
    ({"id": "x", "onderwerp": "x", "publiek": "x", "professioneel": "x",
      "bronnen": ["informatieblad"], "herken": []}, "minstens één patroon"),
    ({"id": "x", "onderwerp": "x", "publiek": "x", "professioneel": "x",
      "bronnen": ["informatieblad"], "herken": ["(kapot"]}, "geen geldige reguliere"),
    ({"id": "x", "onderwerp": "x", "publiek": "x", "bronnen": ["informatieblad"],
      "herken": ["x"]}, "'professioneel': ontbreekt"),
    ({"id": "x", "onderwerp": "x", "publiek": "x", "professioneel": "x",
      "bronnen": ["een-website"], "herken": ["x"]}, "onbekende bron"),
])
def test_a_wrong_statement_is_a_dutch_error_naming_its_field(record, message):
    with pytest.raises(StatementError, match=message):
        parse_statements([record])


@pytest.mark.parametrize(("record", "message"), [
    ({"term": "X", "kort": "Een zin met hoofdletter."}, "zonder hoofdletter en punt"),
    ({"term": "X"}, "'publiek': ontbreekt"),
    ({"term": "X", "publiek": "x", "kleur": "rood"}, "onbekend veld"),
])
def test_a_wrong_glossary_entry_is_a_dutch_error_naming_its_field(record, message):
    with pytest.raises(GlossaryError, match=message):
        parse_glossary([record])


def test_a_term_in_the_glossary_twice_is_an_error():
    with pytest.raises(GlossaryError, match="twee keer"):
        parse_glossary([{"term": "Echo", "publiek": "x"}, {"term": "echo", "publiek": "y"}])


@pytest.mark.build
def test_no_page_says_a_statement_again_by_hand(html):
    found = []
    for page in content_pages(html):
        found += restatements(str(page.relative_to(html)), page.read_text("utf-8"),
                              statements().values())
    assert not found, "\n".join(found)


@pytest.mark.build
def test_every_statement_is_shown_somewhere(html):
    pages = "".join(page.read_text("utf-8") for page in content_pages(html))
    missing = [sid for sid in statements() if f"uitspraak-{sid}" not in pages]
    assert not missing, f"uitspraken die geen pagina toont: {missing}"


@pytest.mark.build
def test_no_term_is_defined_twice(html):
    found = []
    for page in content_pages(html):
        if page.name == "begrippen.html":
            continue
        found += definitions(str(page.relative_to(html)), page.read_text("utf-8"),
                             glossary().values())
    assert not found, "\n".join(found)
