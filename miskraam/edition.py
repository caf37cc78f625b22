"""The whole course as one PDF: Sphinx's one-page HTML, made into a print edition, printed by
Chromium.

    python -m miskraam.edition _build/singlehtml/book/index.html _build/pdf/miskraam.pdf

Why this route and not LaTeX: the book's widgets, questions and boxes are HTML already, and
their static fallbacks (figure plus text alternative) are what a printed page needs; Chromium is
already installed for the tests, while TeX Live with the packages Jupyter Book's LaTeX class
needs is several hundred megabytes and minutes of installing. What a print edition needs that
the web page lacks is done here, on the HTML, with Beautiful Soup:

- a title page (course, version, date, where to turn for help) and the table of contents with
  working links; every chapter on a new page;
- no navigation, search, buttons or scripts; every ``verdieping`` block open;
- the answers of the self-tests (the scored questions' feedback and the open questions' model
  answers) moved to an appendix, "Antwoorden bij de toetsen", each linked both ways;
- Dutch hyphenation: soft hyphens from pyphen's Dutch patterns in long words (Chromium on
  Linux has no hyphenation dictionaries of its own);
- page numbers in the footer, printed by Chromium.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path

import pyphen
from bs4 import BeautifulSoup, NavigableString

from .toc import toc_parts

#: removed from the print edition: navigation, search, buttons, scripts and the live widgets'
#: state (their static figure stays)
REMOVE = [
    "script", "noscript", "#jb-print-docs-body", "#searchbox", "#pst-skip-link", "#pst-header",
    ".bd-header-article",
    ".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-area", ".prev-next-footer",
    ".bd-footer", "form.bd-search", ".search-button-field", ".search-button", "dialog",
    "#pst-back-to-top", ".headerlink", ".miskraam-vraag-knoppen", ".miskraam-vraag-uitslag",
    ".miskraam-toets-wis", ".miskraam-toetsuitslag", ".miskraam-toetsoverzicht",
    # the notice of the web pages: on paper the title page and every page's footer say it
    ".bd-header-announcement",
]

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-size: 10.5pt; }
body { font-family: "DejaVu Serif", "Liberation Serif", serif; hyphens: manual; }
.bd-container, .bd-main, .bd-content, .bd-article-container, .bd-article {
  max-width: none !important; width: 100% !important; padding: 0 !important;
  margin: 0 !important; }
.miskraam-titelpagina { break-after: page; text-align: center; padding-top: 30mm; }
.miskraam-titelpagina h1 { font-size: 28pt; margin-bottom: 6mm; }
.miskraam-titelpagina p { font-size: 12pt; }
.miskraam-titelpagina .miskraam-hulp { margin-top: 20mm; font-size: 10.5pt; text-align: left;
  border: 1px solid #555; padding: 4mm; }
.miskraam-inhoud { break-after: page; }
.miskraam-inhoud li { margin: 1mm 0; }
span[id^="document-"] { display: block; break-before: page; }
h1, h2, h3 { break-after: avoid; }
/* the book theme hides an article's first h1 in print (its own print header repeats it) */
.bd-article h1:first-of-type { display: block !important; }
figure, table, .admonition, form.miskraam-vraag { break-inside: avoid; }
details.verdieping > summary { font-weight: 700; list-style: none; }
.miskraam-vraag .miskraam-optie-uitleg, .miskraam-vraag .miskraam-vraag-uitleg {
  display: none !important; }
.miskraam-naar-antwoord { font-style: italic; }
.miskraam-antwoorden { break-before: page; }
.miskraam-antwoord { break-inside: avoid; border-top: 1px solid #999; padding-top: 2mm;
  margin-top: 3mm; }
a { color: inherit; text-decoration: underline; }
.bd-header-announcement { background: none !important; color: #000 !important;
  border: 1px solid #555; }
.bd-header-announcement a { color: #000 !important; }
"""

#: a chapter's title in the one-page build (one level down from the start page's)
HEADINGS = ["h1", "h2", "h3", "h4"]

#: words at least this long get soft hyphens
HYPHENATE_FROM = 9
WORD = re.compile(rf"[A-Za-zÀ-ÿ]{{{HYPHENATE_FROM},}}")
TEXT_PARENTS = {"p", "li", "td", "th", "dd", "figcaption", "blockquote", "label", "span", "em",
                "strong", "a"}


def _hyphenate(soup, dictionary: pyphen.Pyphen) -> int:
    """Soft hyphens (U+00AD) in long words of running text: Chromium breaks there."""
    count = 0
    for text in list(soup.find_all(string=True)):
        if not isinstance(text, NavigableString) or text.parent is None:
            continue
        if text.parent.name not in TEXT_PARENTS or text.find_parent(["pre", "code", "nav",
                                                                     "h1", "h2", "h3", "h4"]):
            continue

        def soften(match):
            nonlocal count
            count += 1
            return dictionary.inserted(match.group(0), hyphen="\u00ad")

        new = WORD.sub(soften, str(text))
        if new != str(text):
            text.replace_with(NavigableString(new))
    return count


def _title_page(soup, title: str, version: str, today: datetime.date):
    page = soup.new_tag("section", attrs={"class": "miskraam-titelpagina"})
    heading = soup.new_tag("h1")
    heading.string = title
    page.append(heading)
    for line in ("Een open cursus in het Nederlands, voor het publiek, studenten verloskunde "
                 "en verloskundigen",
                 f"Versie {version} · gedrukt op {today.strftime('%d-%m-%Y')}"):
        paragraph = soup.new_tag("p")
        paragraph.string = line
        page.append(paragraph)
    help_box = soup.new_tag("p", attrs={"class": "miskraam-hulp"})
    help_box.string = ("Deze cursus geeft informatie en vervangt geen zorg. Heb je klachten? "
                       "Bel 112 bij flauwvallen, duizeligheid, klam zweten of heel erge pijn. "
                       "Bel meteen je eigen verloskundige, huisarts of het ziekenhuis bij "
                       "ongerustheid, veel bloedverlies, koorts, pijn aan één kant of pijn in "
                       "je schouder. 's Nachts en in het weekend: de huisartsenpost.")
    page.append(help_box)
    return page


def _contents(soup, parts: list[tuple[str, list[str]]]):
    """The table of contents: the parts of _toc.yml, each chapter a link to its page."""
    box = soup.new_tag("nav", attrs={"class": "miskraam-inhoud", "aria-label": "Inhoud"})
    heading = soup.new_tag("h1")
    heading.string = "Inhoud"
    box.append(heading)
    for caption, docs in parts:
        titles = []
        for doc in docs:
            anchor = soup.find("span", id=f"document-{doc}")
            title = anchor.find_next(HEADINGS) if anchor else None
            if title is not None:
                titles.append((doc, title.get_text(" ", strip=True).rstrip("#").strip()))
        if not titles:
            continue
        part = soup.new_tag("h2")
        part.string = caption
        box.append(part)
        listing = soup.new_tag("ul")
        for doc, title in titles:
            item = soup.new_tag("li")
            link = soup.new_tag("a", href=f"#document-{doc}")
            link.string = title
            item.append(link)
            listing.append(item)
        box.append(listing)
    return box


def _chapter_title(node) -> str:
    chapter = node.find_previous("span", id=re.compile(r"^document-"))
    heading = chapter.find_next(HEADINGS) if chapter else None
    return heading.get_text(" ", strip=True).rstrip("#").strip() if heading else ""


def _answers_appendix(soup) -> tuple[object, int]:
    """Move every answer (scored questions' feedback, open questions' model answers) to one
    appendix; leave a link at the question and a link back from the answer."""
    appendix = soup.new_tag("section", attrs={"class": "miskraam-antwoorden",
                                             "id": "antwoorden-bij-de-toetsen"})
    heading = soup.new_tag("h1")
    heading.string = "Antwoorden bij de toetsen"
    appendix.append(heading)
    intro = soup.new_tag("p")
    intro.string = ("Hier staan de antwoorden bij de vragen uit de hoofdstukken, in de volgorde "
                    "van het boek. Het nummer verwijst naar de vraag; het nummer bij de vraag "
                    "verwijst hierheen.")
    appendix.append(intro)
    number = 0
    current_chapter = None
    items = soup.select("form.miskraam-vraag, div.solution")
    # where each moved solution stood, found once: a search of the whole page per solution
    # took most of the edition's preparation (issue 17)
    places = {mark["data-miskraam-plek-van"]: mark
              for mark in soup.find_all(attrs={"data-miskraam-plek-van": True})}
    for item in items:
        number += 1
        chapter = _chapter_title(item)
        if chapter and chapter != current_chapter:
            current_chapter = chapter
            sub = soup.new_tag("h2")
            sub.string = chapter
            appendix.append(sub)
        answer_id, question_id = f"antwoord-{number}", f"vraag-bij-antwoord-{number}"
        entry = soup.new_tag("div", attrs={"class": "miskraam-antwoord", "id": answer_id})
        back = soup.new_tag("a", href=f"#{question_id}")
        back.string = f"Antwoord {number}"
        title = soup.new_tag("p")
        strong = soup.new_tag("strong")
        strong.append(back)
        title.append(strong)
        entry.append(title)
        if item.name == "form":
            for option in item.select(".miskraam-optie"):
                label = option.find("label")
                feedback = option.select_one(".miskraam-optie-uitleg")
                line = soup.new_tag("p")
                line.append((label.get_text(" ", strip=True) if label else "") + " — ")
                further = []
                if feedback is not None:
                    feedback.extract()
                    # a feedback of several paragraphs is a <div>: its first paragraph goes on
                    # the option's line, the others follow it
                    first, *further = (feedback.find_all(recursive=False)
                                       if feedback.name == "div" else [feedback])
                    for child in list(first.contents):
                        line.append(child)
                entry.append(line)
                for block in further:
                    entry.append(block)
            closing = item.select_one(".miskraam-vraag-uitleg")
            if closing is not None:
                closing.extract()
                closing["class"] = ["miskraam-antwoord-uitleg"]
                entry.append(closing)
            anchor_parent = item
        else:  # a sphinx-exercise solution: move its body, leave a pointer
            item.extract()
            body = item.select_one(".solution-content, section") or item
            title_node = item.select_one(".admonition-title")
            if title_node is not None:
                title_node.decompose()
            entry.append(body)
            anchor_parent = None
        pointer = soup.new_tag("p", attrs={"class": "miskraam-naar-antwoord",
                                           "id": question_id})
        link = soup.new_tag("a", href=f"#{answer_id}")
        link.string = f"Antwoord en uitleg: zie antwoord {number} in de bijlage."
        pointer.append(link)
        if anchor_parent is not None:
            anchor_parent.append(pointer)
        else:
            _insert_after_exercise(item, pointer, places)
        appendix.append(entry)
    return appendix, number


def _insert_after_exercise(solution, pointer, places: dict):
    """A solution was moved: put the pointer where it stood (after its exercise)."""
    marker = solution.get("data-miskraam-plek")
    target = places.get(marker) if marker else None
    if target is not None:
        target.insert_after(pointer)


def prepare(source: Path, target: Path, version: str, today: datetime.date,
            parts: list[tuple[str, list[str]]]) -> dict:
    soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
    title = (soup.title.string or "Miskraam").split(" — ")[0].strip() if soup.title else "Miskraam"
    for selector in REMOVE:
        for node in soup.select(selector):
            node.decompose()
    for link in soup.select('link[rel="preload"], link[as="script"]'):
        link.decompose()
    # links to the one page itself, written as a path to it ("book/index.html#x")
    own = re.compile(r"^(?:\.\./)*(?:[\w-]+/)*index\.html(#.*)$")
    for link in soup.select("a[href]"):
        match = own.match(link["href"])
        if match:
            link["href"] = match.group(1)
    for details in soup.find_all("details"):
        details["open"] = "open"
    # where each open question's model answer stood: a marker, so the pointer goes there
    for index, solution in enumerate(soup.select("div.solution")):
        placeholder = soup.new_tag("span", attrs={"data-miskraam-plek-van": str(index)})
        solution.insert_before(placeholder)
        solution["data-miskraam-plek"] = str(index)
    appendix, answers = _answers_appendix(soup)
    main = soup.select_one("article") or soup.body
    main.append(appendix)
    main.insert(0, _contents(soup, parts))
    main.insert(0, _title_page(soup, title, version, today))
    style = soup.new_tag("style")
    style.string = PRINT_CSS
    soup.head.append(style)
    soft_hyphens = _hyphenate(soup, pyphen.Pyphen(lang="nl_NL"))
    target.write_text(str(soup), encoding="utf-8")
    return {"answers": answers, "soft_hyphens": soft_hyphens}


def print_pdf(html: Path, pdf: Path, chromium: str) -> int:
    """Chromium prints the prepared page: A4, page numbers in the footer, links kept."""
    from playwright.sync_api import sync_playwright

    footer = ('<div style="font-size:7.5pt;width:100%;text-align:center;font-family:serif">'
              'Miskraam, een open cursus · vervangt geen zorg: bij klachten je verloskundige '
              'of huisarts, bij flauwvallen of heel erge pijn 112 · pagina '
              '<span class="pageNumber"></span> van <span class="totalPages"></span></div>')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium,
                                             args=["--headless", "--no-sandbox",
                                                   "--disable-gpu"])
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(html.resolve().as_uri())
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format="A4", print_background=True,
                 display_header_footer=True, header_template="<div></div>",
                 footer_template=footer, outline=True, tagged=True,
                 margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})
        browser.close()
    return pdf.stat().st_size


def print_html_path(html: Path) -> Path:
    """Where the print edition's page goes: the build's root (the folder with _static and
    _images). Sphinx writes the one page under the start page's name (book/index.html) but
    makes every link, image and stylesheet relative to the root."""
    root = html.parent
    while not (root / "_static").is_dir() and root != root.parent:
        root = root.parent
    return root / "print.html"


def course_version(config_file: Path) -> str:
    import yaml

    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) if config_file.exists() else {}
    return str(((config or {}).get("sphinx") or {}).get("config", {}).get("release", "onbekend"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak de PDF van de hele cursus.")
    parser.add_argument("html", type=Path, help="de pagina van de singlehtml-build")
    parser.add_argument("pdf", type=Path, help="waar de PDF komt")
    parser.add_argument("--versie", default=None, help="standaard: release in _config.yml")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--toc", type=Path, default=Path("_toc.yml"))
    args = parser.parse_args(argv)
    if not args.html.exists():
        print(f"{args.html} bestaat niet: bouw eerst de cursus als één pagina "
              "(jupyter-book build . --builder singlehtml).", file=sys.stderr)
        return 1
    if not Path(args.chromium).exists():
        print(f"Chromium ontbreekt op {args.chromium}: installeer het met "
              "`apt-get install chromium`.", file=sys.stderr)
        return 1
    if args.versie is None:
        args.versie = course_version(args.toc.with_name("_config.yml"))
    args.pdf.parent.mkdir(parents=True, exist_ok=True)
    prepared = print_html_path(args.html)
    stats = prepare(args.html, prepared, args.versie, datetime.date.today(),
                    toc_parts(args.toc))
    size = print_pdf(prepared, args.pdf, args.chromium)
    print(f"PDF geschreven: {args.pdf} ({size // 1024} kB, {stats['answers']} antwoorden in de "
          f"bijlage, {stats['soft_hyphens']} woorden met afbreekpunten)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
