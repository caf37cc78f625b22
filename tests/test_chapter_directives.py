"""A chapter's building blocks and the Verantwoording, in-process (sphinx.testing, the small
book in tests/roots/test-hoofdstuk, built once for this file): {leerdoelen}, {kernpunten},
{verdieping}, {citaat}, {vakpagina}, {cursusversie}, {studielast} and {herzieningen}. Review
dates come from the course's data folder (herziening.yml); bad input is a Dutch build error
naming the page."""

from __future__ import annotations

import datetime
import math
import re

import pytest

from miskraam import data
from miskraam.facts import SOURCES

from .conftest import build_root, normalise

CHAPTER = "book/deel1/wat-is-een-miskraam"  # a chapter of the course: it has a review date
REFERENCE_PAGE = "book/over"  # looked up, not studied (miskraam_reference_pages)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return build_root(tmp_path_factory.mktemp("roots"), "hoofdstuk")


def text(element) -> str:
    return normalise(element.get_text())


@pytest.mark.parametrize(("kind", "title", "body"), [
    ("leerdoelen", "Na dit hoofdstuk weet je", "miskraam"),
    ("kernpunten", "Kernpunten", "Het belangrijkste."),
])
def test_a_chapter_opens_with_its_goals_and_closes_with_its_key_points(book, kind, title, body):
    box = book.page(CHAPTER).find("div", class_=kind)
    assert {"miskraam-box", "admonition"} <= set(box["class"])  # styled by miskraam.css
    assert text(box.find(class_="admonition-title")) == title
    assert body in text(box)


def test_leerdoelen_come_first_and_kernpunten_last(book):
    blocks = [element for element in book.page(CHAPTER).find("section").find_all(recursive=False)
              if element.name != "h1"]
    assert "leerdoelen" in blocks[0]["class"] and "kernpunten" in blocks[-1]["class"]


def test_the_leerdoelen_body_is_myst(book):
    assert book.page(CHAPTER).find("div", class_="leerdoelen").find("strong")


def test_verdieping_is_closed_unless_asked_open(book):
    blocks = book.page(CHAPTER).find_all(class_="verdieping")
    assert [block.has_attr("open") for block in blocks] == [False, True]


def test_a_quote_is_marked_and_attributed_to_its_source(book):
    quote = book.page(CHAPTER).find("blockquote", class_="bron-citaat")
    assert "“Een paar woorden uit de bron.”" in text(quote)  # the lines joined, quoted
    assert text(quote.find(class_="attribution")).lstrip("—") == SOURCES["informatieblad"]


def test_a_quote_from_an_unknown_source_is_a_dutch_error(book):
    [line] = book.warnings_about("fouten")
    assert "citaat op pagina 'fouten': onbekende bron 'krant'" in line
    assert all(name in line for name in SOURCES)  # says which sources there are
    assert not book.page("fouten").find("blockquote")


def test_a_professional_page_sends_a_reader_for_herself_to_the_public_start(book):
    box = book.page("zonder-datum").find("div", class_="miskraam-vakpagina")
    # miskraam_public_start's default: the course's first chapter
    assert box.find("a")["href"] == f"{CHAPTER}.html"


def test_the_course_version_is_the_release(book):
    assert text(book.page("book/verantwoording").find(class_="miskraam-versie")) == "3.2-proef"


def test_the_study_load_counts_the_chapters_not_the_reference_pages(book):
    page = book.page("book/verantwoording")
    load = re.search(r"Studielast: ([\d,]+) uur\. .*?([\d.]+) woorden", text(page))
    assert load, text(page)
    hours, words = float(load[1].replace(",", ".")), int(load[2].replace(".", ""))
    reference_words = len(text(book.page(REFERENCE_PAGE)).split())
    assert 0 < words < reference_words  # the reference page's words are not counted
    assert hours == math.ceil(words / 150 / 30) / 2  # 150 words a minute, next half hour


def test_the_review_table_gives_each_chapter_its_date_and_links_it(book):
    reviews = data.read_yaml(data.repository_folder() / data.REVIEWS)
    table = book.page("book/verantwoording").find("table", class_="miskraam-herzieningen")
    rows = {text(row.td): row for row in table.tbody.find_all("tr")}
    assert set(rows) == {"Een hoofdstuk", "Over deze cursus", "Verantwoording"}
    chapter = rows["Een hoofdstuk"]
    assert chapter.a["href"] == "deel1/wat-is-een-miskraam.html"  # relative to the page
    date, covered = (text(cell) for cell in chapter.find_all("td")[1:])
    review = reviews[CHAPTER]
    assert datetime.datetime.strptime(date, "%d-%m-%Y").date() == review["herzien"]
    assert covered == normalise(review["wat"])


def test_a_chapter_without_a_review_date_is_a_dutch_error(book):
    for page in ("zonder-datum", "fouten"):
        assert f"hoofdstuk '{page}' heeft geen herzieningsdatum" in book.warnings
    assert "herziening.yml" in book.warnings


def test_only_the_bad_input_warns(book):
    unexpected = [line for line in book.warnings.splitlines() if line.strip()
                  and "/fouten.md:" not in line and "geen herzieningsdatum" not in line]
    assert not unexpected, "\n".join(unexpected)
