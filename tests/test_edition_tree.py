"""The editions made on the document tree, in-process (sphinx.testing, the three-page project
tests/roots/test-edition, its start page in a folder as the course's): the print edition's
one-page build and the EPUB builder open the verdieping, show a widget as its fallback only,
leave no button or form, move the answers to an appendix linked both ways and hyphenate; the
web pages keep all of it. The whole course's editions are read back in
tests/test_editions.py."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

SOFT_HYPHEN = "\u00ad"


def squeeze(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "")


@pytest.fixture()
def print_page(app):
    app.build()
    # Sphinx writes the one page under the start page's name (the start page in a folder)
    return (Path(app.outdir) / "boek" / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("singlehtml", testroot="edition")
def test_the_print_page_has_a_title_page_contents_and_no_web_chrome(print_page):
    title_page = re.search(r'<section class="miskraam-titelpagina">(.*?)</section>', print_page,
                           re.S)
    assert title_page and "Een proefcursus" in title_page.group(1)
    assert "Versie 0.9-test" in title_page.group(1) and "112" in title_page.group(1)
    contents = re.search(r'<nav class="miskraam-inhoud".*?</nav>', print_page, re.S).group(0)
    assert 'href="#document-boek/hoofdstuk"' in contents
    assert 'href="#document-los/notitie"' in contents
    assert print_page.index("miskraam-titelpagina") < print_page.index("miskraam-inhoud") \
        < print_page.index('id="document-boek/hoofdstuk"')
    for web_only in ("<script", "<button", "bd-sidebar", "bd-header-announcement", "searchbox"):
        assert web_only not in print_page, web_only


@pytest.mark.sphinx("singlehtml", testroot="edition")
def test_the_print_page_opens_verdieping_and_shows_the_widget_as_its_fallback(print_page):
    blocks = re.findall(r'<details class="[^"]*\bverdieping\b[^"]*"([^>]*)>', print_page)
    assert blocks and all('open="open"' in attributes for attributes in blocks)
    cell = re.search(r'<div class="cell miskraam-widget-cell"[^>]*>(.*?)</figure>', print_page,
                     re.S).group(1)
    assert cell.lstrip().startswith("<figure") and "application/vnd.jupyter" not in print_page


@pytest.mark.sphinx("singlehtml", testroot="edition")
def test_the_print_page_moves_the_answers_to_an_appendix_linked_both_ways(print_page):
    chapter, _, appendix = print_page.partition('id="antwoorden-bij-de-toetsen"')
    assert appendix, "geen bijlage met antwoorden"
    for number in (1, 2):  # the question's feedback, the exercise's model answer
        assert f'href="#antwoord-{number}"' in chapter
        assert f'id="vraag-bij-antwoord-{number}"' in chapter
        assert f'<div class="miskraam-antwoord" id="antwoord-{number}">' in appendix
        assert f'href="#vraag-bij-antwoord-{number}"' in appendix
    assert "de uitleg bij het foute antwoord" in squeeze(appendix)
    assert "modelantwoord van de opgave" in squeeze(appendix)
    assert "miskraam-optie-uitleg" not in chapter and "modelantwoord" not in squeeze(chapter)
    assert "Een hoofdstuk" in appendix  # the chapter's heading over its answers


@pytest.mark.sphinx("singlehtml", testroot="edition")
def test_the_answer_key_keeps_a_feedback_of_two_paragraphs(print_page):
    """An option's feedback goes on the option's line in the answer key; a second paragraph
    follows that line, not inside it (moved from test_quiz.py)."""
    from bs4 import BeautifulSoup

    appendix = print_page.partition('id="antwoorden-bij-de-toetsen"')[2]
    entry = BeautifulSoup(appendix, "html.parser").select_one(".miskraam-antwoord")
    assert not entry.select("p p")
    lines = [squeeze(" ".join(p.get_text(" ").split()))
             for p in entry.find_all("p", recursive=False)]
    right = next(i for i, line in enumerate(lines) if line.startswith("Het goede antwoord"))
    assert "— Goed antwoord. De uitleg bij het goede antwoord, met nadruk" in lines[right]
    assert lines[right + 1] == "Een tweede alinea van de uitleg."


@pytest.mark.sphinx("singlehtml", testroot="edition")
def test_a_link_to_another_page_is_a_link_within_the_print_page(print_page):
    """Sphinx writes it as "<start page>.html#target", a path that does not exist from the
    page itself when the start page sits in a folder."""
    assert 'href="#doel"' in print_page
    assert "boek/index.html#" not in print_page


@pytest.mark.sphinx("singlehtml", testroot="edition")
def test_the_print_page_has_dutch_soft_hyphens_in_text_not_in_headings(print_page):
    assert f"ver{SOFT_HYPHEN}los{SOFT_HYPHEN}kun{SOFT_HYPHEN}di{SOFT_HYPHEN}ge" in print_page
    assert all(SOFT_HYPHEN not in heading
               for heading in re.findall(r"<h\d>(.*?)</h\d>", print_page, re.S))


@pytest.mark.sphinx("html", testroot="edition")
def test_the_web_pages_keep_the_questions_the_widget_and_the_folds(app):
    app.build()
    page = (Path(app.outdir) / "boek" / "hoofdstuk.html").read_text(encoding="utf-8")
    assert "miskraam-optie-uitleg" in page and 'class="solution' in page
    assert "application/vnd.jupyter.widget-state+json" in page
    assert re.search(r'<details class="[^"]*\bverdieping\b[^"]*">', page)  # folded
    assert SOFT_HYPHEN not in page


@pytest.mark.sphinx("epub", testroot="edition")
def test_the_epub_has_a_title_page_the_pages_and_the_answers_after_them(app):
    app.build()
    with zipfile.ZipFile(Path(app.outdir) / "editie.epub") as book:
        opf = book.read("content.opf").decode("utf-8")
        files = {name: book.read(name).decode("utf-8") for name in book.namelist()
                 if name.endswith(".xhtml")}
        images = [name for name in book.namelist() if name.startswith("_images/")]
    hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
    spine = [hrefs[idref] for idref in re.findall(r'<itemref idref="([^"]+)"', opf)]
    # every page in the reading order, the one outside the start page's folder too
    assert spine == ["titelpagina.xhtml", "boek/index.xhtml", "boek/hoofdstuk.xhtml",
                     "los/notitie.xhtml", "antwoorden.xhtml"]
    title_page = files["titelpagina.xhtml"]
    assert "Versie 0.9-test" in title_page and "112" in title_page
    # the contents, linked from the book's root
    assert 'href="boek/hoofdstuk.xhtml"' in title_page and 'href="los/notitie.xhtml"' in title_page
    chapter, answers = files["boek/hoofdstuk.xhtml"], files["antwoorden.xhtml"]
    for number in (1, 2):
        assert f'href="../antwoorden.xhtml#antwoord-{number}"' in chapter
        assert f'id="vraag-bij-antwoord-{number}"' in chapter
        assert f'href="boek/hoofdstuk.xhtml#vraag-bij-antwoord-{number}"' in answers
    assert "modelantwoord van de opgave" in squeeze(answers)
    text = " ".join(files.values())
    for web_only in ("<script", "<form", "<input", "<button", "data:image"):
        assert web_only not in text, web_only
    assert "☐" in chapter and images  # the options as boxes, the widget's figure a file
