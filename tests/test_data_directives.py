"""The directives and roles that show the course's data, in-process (sphinx.testing, the small
book in tests/roots/test-gegevens, built once for this file): {fact}, {kerngetallen},
{uitspraak}, {begrip}, {begrippenlijst}, {alarmsignalen} and {alarmzin}. What a reader should
see is taken from the data files (book/data), never typed here; bad input (on the page
`fouten`) is a Dutch build error naming the page and, where an id is close, what was meant."""

from __future__ import annotations

import re

import pytest

from miskraam.alarm import alarm_signs
from miskraam.facts import SOURCES, fact, registry
from miskraam.glossary import glossary, lookup
from miskraam.statements import statement

from .conftest import FACT_ROLE, build_root, normalise

STATEMENT = "zorg-tot-16-weken"  # has a `verschil` page (the root has a page of that name)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return build_root(tmp_path_factory.mktemp("roots"), "gegevens")


#: Sphinx's smart quotes turn a data file's straight quotes into curly ones
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def same(words: str) -> str:
    """Text as compared here: whitespace folded, quotes straight."""
    return normalise(words).translate(STRAIGHT)


def text(element) -> str:
    return same(element.get_text())


def plain(myst: str) -> str:
    """An alarm sign's box text as a reader reads it: without the bold markers."""
    return same(myst.replace("**", ""))


def classes(element) -> set[str]:
    return set(element.get("class", []))


# --- {fact} and {kerngetallen} ------------------------------------------------------------

def test_a_fact_shows_its_wording_or_figure_linked_to_its_row_in_the_appendix(book):
    record = fact("hooker-verklevingen")
    links = book.page("pagina").find_all("a", href=f"kerngetallen.html#fact-{record.id}")
    assert [text(link) for link in links] == [same(record.wording), same(record.display_value())]
    assert book.page("kerngetallen").find(id=f"fact-{record.id}").name == "tr"


def test_the_appendix_has_one_row_per_record_with_figure_meaning_source_and_quote(book):
    table = book.page("kerngetallen").find("table", class_="kerngetallen")
    assert [text(cell) for cell in table.thead.find_all("th")] == [
        "Kerngetal", "Wat het betekent", "Bron", "Hoe zeker?", "Woorden van de bron"]
    rows = table.tbody.find_all("tr", class_="fact-row")
    assert [row["id"] for row in rows] == [f"fact-{key}" for key in registry()]
    for row, record in zip(rows, registry().values(), strict=True):
        # the narrow-screen CSS labels each cell by its class
        cells = {name: cell for cell in row.find_all("td") for name in classes(cell)}
        assert set(cells) == {"kg-getal", "kg-betekenis", "kg-bron", "kg-zekerheid",
                              "kg-woorden"}, record.id
        assert same(record.display_value()) in text(cells["kg-getal"]), record.id
        assert same(record.label) in text(cells["kg-getal"]), record.id
        assert same(record.quote) in text(cells["kg-woorden"].find(class_="fact-quote"))
        if record.source in SOURCES:
            assert text(cells["kg-bron"]) == same(SOURCES[record.source]), record.id
        else:  # a {cite:t}: the authors, linked to the bibliography on the page
            assert cells["kg-bron"].find("a", href=re.compile(r"^#id\d+$")), record.id


def test_an_unknown_fact_is_a_dutch_error_that_says_what_was_meant(book):
    warnings = " ".join(book.warnings_about("fouten"))
    assert "onbekend feit 'hooker-verklevingn'" in warnings
    assert "bedoel je 'hooker-verklevingen'" in warnings and "pagina 'fouten'" in warnings
    assert "onbekende vorm '<procent>'" in warnings
    # the page still builds: the id stands where the number would be, marked as unknown
    unknown = book.page("fouten").find(class_="fact-unknown")
    assert text(unknown) == "hooker-verklevingn"


# --- {uitspraak} ---------------------------------------------------------------------------

def test_a_statement_shows_its_public_wording_and_where_sources_differ(book):
    found = statement(STATEMENT)
    box = book.page("pagina").find("div", class_=f"uitspraak-{STATEMENT}")
    assert {"miskraam-uitspraak", "uitspraak-publiek"} <= classes(box)
    for fact_id in FACT_ROLE.findall(found.publiek):  # its numbers, from the registry
        links = box.find_all("a", href=f"kerngetallen.html#fact-{fact_id}")
        assert same(fact(fact_id).wording) in [text(link) for link in links], fact_id
    assert box.find("a", href=re.compile(r"^begrippen\.html#term-"))  # its {term}
    assert box.find_all("a")[-1]["href"] == f"{found.verschil}.html"


def test_the_professional_wording_cites_its_sources(book):
    found = statement(STATEMENT)
    box = book.page("pagina").find("div", class_="uitspraak-professioneel")
    assert f"uitspraak-{STATEMENT}" in classes(box)
    citations = box.find_all(class_="bibtex-citation")
    # a {cite:p}, or a {fact} that cites its record's source
    assert len(citations) == len(re.findall(r"\{cite:p\}|<bron>|<studie>", found.professioneel))
    assert not box.find("a", href=f"{found.verschil}.html")


def test_an_unknown_statement_is_a_dutch_error_that_says_what_was_meant(book):
    [line] = [line for line in book.warnings_about("fouten") if "uitspraak" in line]
    assert "onbekende uitspraak 'zorg-tot-16-wekn'" in line and "pagina 'fouten'" in line
    assert "Bedoel je" in line and STATEMENT in line


# --- {begrip} and {begrippenlijst} ---------------------------------------------------------

@pytest.mark.parametrize(("shown", "name"), [("een curettage", "Curettage"), ("Echo", "Echo")])
def test_a_term_links_to_the_glossary_with_its_short_explanation(book, shown, name):
    term = lookup(name)
    spans = [span for span in book.page("pagina").find_all("span", class_="miskraam-begrip")
             if text(span.a) == shown]
    assert spans, shown
    assert spans[0].a["href"] == f"begrippen.html#term-{term.term}"
    assert text(spans[0]) == same(f"{shown} ({term.kort})")


def test_an_unknown_term_or_one_without_a_short_explanation_is_a_dutch_error(book):
    assert not lookup("Amenorroeduur").kort, (
        "tests/roots/test-gegevens/fouten.md heeft een begrip zonder 'kort' nodig: kies een ander")
    warnings = " ".join(book.warnings_about("fouten"))
    assert "onbekend begrip 'Curetage'" in warnings and "Bedoel je Curettage" in warnings
    assert "'Amenorroeduur' heeft geen korte uitleg" in warnings


def test_the_glossary_lists_every_term_sorted_with_its_professional_note(book):
    glossary_list = book.page("begrippen").find("dl", class_="glossary")
    terms = glossary_list.find_all("dt")
    assert sorted(text(dt).rstrip("#") for dt in terms) == sorted(same(t.term) for t in
                                                                  glossary().values())
    shown = [text(dt).rstrip("#") for dt in terms]
    assert shown == sorted(shown, key=str.lower)
    for dt in terms:
        term = lookup(text(dt).rstrip("#"))
        assert dt["id"].startswith("term-")
        assert ("Voor professionals" in text(dt.find_next_sibling("dd"))) \
            == bool(term.professioneel), term.term


# --- {alarmsignalen} and {alarmzin} --------------------------------------------------------

def test_the_alarm_box_names_112_first_then_every_other_sign(book):
    signs = alarm_signs()
    box = book.page("pagina").find(id="alarmsignalen")
    assert "miskraam-alarm" in classes(box)
    assert box.find("a")["href"] == "tel:112"  # the first link calls 112
    lists = box.find_all("ul")
    assert [text(li).rstrip(";.") for li in lists[0].find_all("li")] == \
        [plain(sign.box_text()) for sign in signs.of_level("112")]
    items = [text(li).rstrip(";.") for ul in lists[1:] for li in ul.find_all("li")]
    assert sorted(items) == sorted(plain(sign.box_text()) for sign in signs.of_level("bel"))
    assert text(box).endswith("Eigen tekst onder de signalen.")  # the directive's content


def test_the_short_alarm_box_names_the_signs_of_the_notice(book):
    box = book.page("start").find(id="alarmsignalen")
    items = [text(li).rstrip(";.") for li in box.find_all("li")]
    assert sorted(items) == sorted(plain(sign.box_text()) for sign in alarm_signs().signs
                                   if sign.notice)
    assert box.find("a")["href"] == "tel:112"


@pytest.mark.parametrize("level", ["112", "bel"])
def test_the_alarm_sentence_asks_the_signs_of_its_level(book, level):
    signs = alarm_signs()
    sentence = book.page("pagina").find("span", class_=f"alarm-{level}")
    assert "miskraam-alarmzin" in classes(sentence)
    for sign in signs.signs:
        if sign.vraag:
            asked = same(f"{sign.vraag[0].upper()}{sign.vraag[1:]}?")
            assert (asked in text(sentence)) == (sign.level == level), sign.id
    calls_112 = sentence.strong.find("a", href="tel:112")
    assert bool(calls_112) == (level == "112")


def test_an_unknown_alarm_level_is_a_dutch_error(book):
    warnings = " ".join(book.warnings_about("fouten"))
    assert "alarmzin op pagina 'fouten': onbekend niveau '113'" in warnings
    assert not book.page("fouten").find(class_="miskraam-alarmzin")


def test_only_the_bad_input_warns(book):
    """Every warning comes from `fouten`; the glossary links to the course's chapters, which
    this small book has not (the whole course is built with -W -n by test_book.py)."""
    others = [line for line in book.warnings.splitlines()
              if line.strip() and "/fouten.md:" not in line
              and not ("/begrippen.md:" in line
                       and ("unknown document" in line or "undefined label" in line))]
    assert not others, "\n".join(others)
    assert len(book.warnings_about("fouten")) == 6
