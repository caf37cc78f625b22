"""The public reader first, the professionals after; the alarm signs before anything else.

Checked on the built HTML, in the order a reader scrolls through a page:

- every Part I page gives its public text and key points before one section
  "Voor professionals"; no verdieping, exercise or solution comes before that heading;
- on "Wanneer bel je?" the alarm box is the first thing under the title, and it names the
  signs of a pregnancy outside the womb;
- the start page names when to call at once and when to call 112, near the top.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import ROOT, toc_sources

PROFESSIONALS = "Voor professionals"


def part_pages(folder: str) -> list[str]:
    """The pages of one part, in the order of the table of contents."""
    return [page for page in toc_sources() if page.startswith(f"book/{folder}/")]


PART_ONE = part_pages("deel1")
#: Part II (the acupuncturists' view) is read by the public too: the same order (issue 15)
PART_TWO = part_pages("deel2")


class Outline(HTMLParser):
    """The blocks of a page's article, in reading order: (kind, text) pairs.

    kinds: h1, h2, p (a paragraph outside any box), kernpunten, leerdoelen, important,
    verdieping, exercise, solution. Text is filled in for headings and boxes.
    """

    BOXES = {"kernpunten", "leerdoelen", "important", "verdieping", "exercise", "solution",
             "miskraam-vraag"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.in_article = False
        self.stack: list[tuple[str, list[str] | None]] = []  # (tag, block it closes)
        self.open_blocks: list[list[str]] = []
        self.box_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.in_article = True
        if not self.in_article or tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        classes = set((attributes.get("class") or "").split())
        kind = None
        if tag in ("h1", "h2"):
            kind = tag
        elif classes & self.BOXES and (tag in ("div", "details", "aside", "section", "form")):
            kind = sorted(classes & self.BOXES)[0]
            if "admonition" not in classes and kind in ("important", "kernpunten", "leerdoelen"):
                kind = None
        elif tag == "p" and self.box_depth == 0:
            kind = "p"
        block = None
        if kind:
            block = [kind, ""]
            self.blocks.append(block)
            self.open_blocks.append(block)
            if kind in self.BOXES:
                self.box_depth += 1
        self.stack.append((tag, block))

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        if tag == "article":
            self.in_article = False
            return
        while self.stack:
            open_tag, block = self.stack.pop()
            if block is not None:
                self.open_blocks.remove(block)
                if block[0] in self.BOXES:
                    self.box_depth -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        for block in self.open_blocks:
            block[1] += data


def outline(page: Path) -> list[tuple[str, str]]:
    parser = Outline()
    parser.feed(page.read_text(encoding="utf-8"))
    return [(kind, re.sub(r"\s+", " ", text).replace("#", "").strip())
            for kind, text in parser.blocks]


def built(html: Path, source: str) -> Path:
    return html / f"{source}.html"


def test_part_one_is_found_in_the_table_of_contents():
    on_disk = sorted(f"book/deel1/{p.stem}" for p in (ROOT / "book" / "deel1").glob("*.md"))
    assert sorted(PART_ONE) == on_disk


def test_parts_one_and_two_are_found_in_the_table_of_contents():
    assert PART_TWO, "Deel II niet gevonden in _toc.yml"
    on_disk = sorted(f"book/deel2/{p.stem}" for p in (ROOT / "book" / "deel2").glob("*.md"))
    assert sorted(PART_TWO) == on_disk


@pytest.mark.build
@pytest.mark.parametrize("source", PART_ONE + PART_TWO, ids=lambda s: s.rsplit("/", 1)[-1])
def test_public_text_and_key_points_come_before_the_professionals(html, source):
    blocks = outline(built(html, source))
    kinds = [kind for kind, _ in blocks]
    headings = [i for i, (kind, text) in enumerate(blocks)
                if kind == "h2" and text == PROFESSIONALS]
    assert len(headings) == 1, (f"precies één kop '{PROFESSIONALS}' verwacht, "
                                f"gevonden: {len(headings)}")
    start = headings[0]
    assert "kernpunten" in kinds[:start], "de kernpunten staan niet vóór 'Voor professionals'"
    early = [kind for kind in kinds[:start]
             if kind in ("verdieping", "exercise", "solution", "miskraam-vraag")]
    assert early == [], f"vóór 'Voor professionals' staat al: {', '.join(early)}"
    # the section opens by saying who it is for, and that a public reader may stop
    opening = next(text for kind, text in blocks[start + 1:] if kind == "p").lower()
    assert "student" in opening and "verloskundige" in opening, opening
    assert "stoppen" in opening, opening
    # and it is the last section: no public heading after it
    later = [k for k in kinds[start + 1:] if k == "h2"]
    assert later == [], "na 'Voor professionals' volgt nog een h2"


@pytest.mark.build
@pytest.mark.parametrize("source", PART_TWO, ids=lambda s: s.rsplit("/", 1)[-1])
def test_part_two_says_whom_it_is_for_and_whose_view_it_is(html, source):
    blocks = outline(built(html, source))
    first_h2 = next(i for i, (kind, _) in enumerate(blocks) if kind == "h2")
    intro = " ".join(text for kind, text in blocks[:first_h2] if kind == "p").lower()
    assert "acupuncturist" in intro, f"de inleiding zegt niet wiens visie dit is: {intro}"
    assert "verloskundige" in intro and ("je " in intro or "vrouwen" in intro), intro
    assert "vervangt" in intro or "geen vervanging" in intro, intro


@pytest.mark.build
def test_alarm_signs_come_first_on_the_alarm_page(html):
    blocks = outline(built(html, "book/deel1/wanneer-bellen"))
    kinds = [kind for kind, _ in blocks]
    title = kinds.index("h1")
    assert kinds[title + 1] == "important", f"onder de titel staat eerst: {kinds[title + 1]}"
    assert kinds.index("important") < kinds.index("leerdoelen")
    box = blocks[title + 1][1].lower()
    for words in ("ongerust", "koorts", "duizelig", "112",
                  "buitenbaarmoederlijke zwangerschap", "één kant", "schouder", "echo"):
        assert words in box, f"de alarmbox noemt '{words}' niet"


@pytest.mark.build
def test_the_alarm_page_explains_pain_on_one_side(html):
    blocks = outline(built(html, "book/deel1/wanneer-bellen"))
    headings = [text for kind, text in blocks if kind == "h2"]
    assert "Pijn aan één kant of in je schouder" in headings


@pytest.mark.build
@pytest.mark.parametrize("source", ["book/deel1/verschijnselen-en-onderzoek",
                                    "book/deel1/afwachten", "book/deel1/verloop"],
                         ids=lambda s: s.rsplit("/", 1)[-1])
def test_public_text_says_when_waiting_is_not_safe(html, source):
    blocks = outline(built(html, source))
    start = next((i for i, (kind, text) in enumerate(blocks)
                  if kind == "h2" and text == PROFESSIONALS), len(blocks))
    public = " ".join(text for kind, text in blocks[:start]
                      if kind not in ("verdieping", "exercise", "solution")).lower()
    assert "vanzelf duidelijk" not in public
    for words in ("buitenbaarmoederlijke zwangerschap", "schouder", "112", "echo"):
        assert words in public, f"de publieke tekst noemt '{words}' niet"
    assert re.search(r"in je baarmoeder|in de baarmoeder", public)


@pytest.mark.build
def test_start_page_names_when_to_call_near_the_top(html):
    page = built(html, "book/index")
    blocks = outline(page)
    first_h2 = next(i for i, (kind, _) in enumerate(blocks) if kind == "h2")
    boxes = [text.lower() for kind, text in blocks[:first_h2] if kind == "important"]
    assert boxes, "geen alarmblok boven de eerste paragraaf van de startpagina"
    box = boxes[0]
    for words in ("schouder", "één kant", "112", "duizelig", "flauw"):
        assert words in box, f"het alarmblok op de startpagina noemt '{words}' niet"
    text = page.read_text(encoding="utf-8")
    box_start = text.find('class="admonition important')
    top = text[box_start:text.find("<h2", box_start)]
    assert 'href="deel1/wanneer-bellen.html' in top, \
        "het alarmblok linkt niet naar 'Wanneer bel je?'"


PROFESSIONAL_PAGES = part_pages("deel3") + part_pages("deel4")


@pytest.mark.build
@pytest.mark.parametrize("source", PROFESSIONAL_PAGES, ids=lambda s: s.rsplit("/", 1)[-1])
def test_a_page_for_professionals_says_so_first_and_where_she_goes_instead(html, source):
    # a lay reader who follows a link into Part III or IV reads, first, that the page is for
    # midwives, and where her own answers are (the {vakpagina} line, written once)
    text = built(html, source).read_text(encoding="utf-8")
    article = text[text.index("<article"):]
    first_h1 = article.index("</h1>")
    opening = article[first_h1:first_h1 + 900]
    assert "miskraam-vakpagina" in opening, "de pagina zegt niet eerst voor wie ze is"
    assert "wat-is-een-miskraam.html" in opening
