"""The EPUB edition: the print edition's HTML (``miskraam.edition``), one XHTML file per page,
packed by EbookLib.

    python -m miskraam.epub _build/singlehtml/book/print.html _build/epub/miskraam.epub

It starts from the print edition on purpose: the same content rules hold (widgets as their
static figure and text, verdieping blocks open, answers in an appendix, no scripts, Dutch
hyphenation), so the two editions cannot drift apart. What an e-reader needs beyond that is
done here: pages split at Sphinx's document markers, links rewritten across files, inline
images made files, the questions' radio buttons and fields turned into printed boxes.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from ebooklib import epub

from .edition import course_version
from .toc import toc_parts

CSS = """
body { font-family: serif; line-height: 1.45; }
h1, h2, h3 { line-height: 1.2; }
figure { margin: 1em 0; }
figure img { max-width: 100%; }
figcaption { font-size: 0.9em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #888; padding: 0.2em 0.4em; vertical-align: top; }
.admonition, .verdieping { border-left: 3px solid #666; padding-left: 0.6em; margin: 1em 0; }
.admonition-title, .verdieping-titel { font-weight: bold; }
.miskraam-vraag { border: 1px solid #888; padding: 0.4em 0.6em; margin: 1em 0; }
.miskraam-vakje { font-family: sans-serif; }
.miskraam-titelpagina { text-align: center; }
.miskraam-antwoord { border-top: 1px solid #999; margin-top: 0.8em; }
"""


def _file_name(doc: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", doc.lower()).strip("-") + ".xhtml"


def _printed_controls(soup) -> None:
    """An e-book is read, not filled in: radio buttons and boxes become printed boxes, the
    number field and the order selects a line to write on; forms and details unwrapped."""
    for control in soup.select("input"):
        box = soup.new_tag("span", attrs={"class": "miskraam-vakje"})
        box.string = "☐ " if control.get("type") in ("radio", "checkbox") else "________ "
        control.replace_with(box)
    for select in soup.select("select"):
        line = soup.new_tag("span", attrs={"class": "miskraam-vakje"})
        line.string = "plaats: ___ "
        select.replace_with(line)
    for form in soup.select("form"):
        form.name = "div"
        for attribute in list(form.attrs):
            if attribute != "class" and attribute != "id":
                del form[attribute]
    for details in soup.select("details"):
        details.name = "div"
        details.attrs = {"class": "verdieping"}
    for summary in soup.select("summary"):
        summary.name = "p"
        summary.attrs = {"class": "verdieping-titel"}
    for label in soup.select("label"):
        label.name = "span"
        label.attrs = {}


def _split(soup, parts) -> list[tuple[str, str, object]]:
    """(file, title, element) per page, in reading order: the title page with the contents,
    then every page of the book, then the answers appendix."""
    pages: dict[str, object] = {}
    order = [doc for _caption, docs in parts for doc in docs]
    # deepest pages first: a page's section is taken out before its parent's
    for marker in reversed(soup.select('span[id^="document-"]')):
        doc = marker["id"][len("document-"):]
        section = marker.find_next_sibling("section")
        container = soup.new_tag("div", attrs={"id": marker["id"]})
        marker.extract()
        if section is not None:
            container.append(section.extract())
        pages[doc] = container
    front = soup.new_tag("div")
    for selector in (".miskraam-titelpagina", ".miskraam-inhoud"):
        node = soup.select_one(selector)
        if node is not None:
            front.append(node.extract())
    appendix = soup.select_one("#antwoorden-bij-de-toetsen")
    if appendix is not None:
        appendix.extract()
    start = soup.select_one("article") or soup.body
    result = [("titelpagina.xhtml", "Titelpagina", front),
              ("start.xhtml", "Miskraam: een open cursus", start)]
    for doc in order:
        if doc in pages:
            heading = pages[doc].find(["h1", "h2", "h3", "h4"])
            title = heading.get_text(" ", strip=True).replace("\u00ad", "") if heading else doc
            result.append((_file_name(doc), title, pages[doc]))
    if appendix is not None:
        result.append(("antwoorden.xhtml", "Antwoorden bij de toetsen", appendix))
    return result


def _rewrite_links(pages) -> None:
    """A link to an id on another page names that page's file."""
    where = {}
    for name, _title, element in pages:
        for node in element.find_all(id=True):
            where.setdefault(node["id"], name)
        if element.get("id"):
            where.setdefault(element["id"], name)
    for name, _title, element in pages:
        for link in element.select('a[href^="#"]'):
            target = link["href"][1:]
            if target in where and where[target] != name:
                link["href"] = f"{where[target]}#{target}"
            elif target not in where:
                link["href"] = "#"  # a target that did not make it into the book
                del link["href"]


def _images(book, pages, root: Path) -> int:
    """Every image a file of the book: inline ones (the widgets' static figures) decoded,
    the build's own (_images/) copied."""
    count = 0
    for _name, _title, element in pages:
        for image in element.select("img[src]"):
            source = image["src"]
            if source.startswith("data:image/"):
                header, _, data = source.partition(",")
                kind = header.split(";")[0].split("/")[1]
                content = base64.b64decode(data)
            elif (root / source).is_file():
                kind = Path(source).suffix.lstrip(".").replace("jpg", "jpeg")
                content = (root / source).read_bytes()
            else:
                continue
            digest = hashlib.sha256(content).hexdigest()[:16]
            file_name = f"images/{digest}.{kind}"
            if not book.get_item_with_href(file_name):
                book.add_item(epub.EpubItem(uid=f"img-{digest}", file_name=file_name,
                                            media_type=f"image/{kind}", content=content))
            image["src"] = file_name
            count += 1
    return count


def _unique_ids(pages) -> None:
    """One id once per file (the one-page build can repeat an anchor)."""
    for _name, _title, element in pages:
        seen = set()
        for node in element.find_all(id=True):
            if node["id"] in seen:
                del node["id"]
            else:
                seen.add(node["id"])


def write_epub(print_html: Path, target: Path, parts, version: str) -> dict:
    soup = BeautifulSoup(print_html.read_text(encoding="utf-8"), "html.parser")
    for node in soup.select("style, link, script, noscript, .headerlink"):
        node.decompose()
    _printed_controls(soup)
    pages = _split(soup, parts)
    _unique_ids(pages)
    _rewrite_links(pages)

    book = epub.EpubBook()
    book.set_identifier(f"urn:miskraam:open-cursus:{version}")
    book.set_title("Miskraam: een open cursus over de vroege miskraam")
    book.set_language("nl")
    book.add_author("Auteursteam van de open cursus Miskraam")
    book.add_metadata("DC", "description", "Een open cursus over de vroege miskraam, "
                      f"versie {version}. Vervangt geen zorg.")
    style = epub.EpubItem(uid="stijl", file_name="stijl.css", media_type="text/css",
                          content=CSS.encode())
    book.add_item(style)
    images = _images(book, pages, print_html.parent)
    chapters = []
    for name, title, element in pages:
        chapter = epub.EpubHtml(title=title, file_name=name, lang="nl")
        chapter.content = f"<html><head></head><body>{element}</body></html>"
        chapter.add_item(style)
        book.add_item(chapter)
        chapters.append(chapter)
    by_file = {chapter.file_name: chapter for chapter in chapters}
    toc = [by_file["titelpagina.xhtml"], by_file["start.xhtml"]]
    for caption, docs in parts:
        members = [by_file[_file_name(doc)] for doc in docs if _file_name(doc) in by_file]
        if members:
            toc.append((epub.Section(caption, href=members[0].file_name), members))
    if "antwoorden.xhtml" in by_file:
        toc.append(by_file["antwoorden.xhtml"])
    book.toc = toc
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    target.parent.mkdir(parents=True, exist_ok=True)
    epub.write_epub(str(target), book)
    return {"pages": len(chapters), "images": images}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak de EPUB van de hele cursus.")
    parser.add_argument("print_html", type=Path, help="de printversie (miskraam.edition)")
    parser.add_argument("epub", type=Path)
    parser.add_argument("--toc", type=Path, default=Path("_toc.yml"))
    args = parser.parse_args(argv)
    if not args.print_html.exists():
        print(f"{args.print_html} bestaat niet: maak eerst de printversie (make pdf).",
              file=sys.stderr)
        return 1
    stats = write_epub(args.print_html, args.epub, toc_parts(args.toc),
                       course_version(args.toc.with_name("_config.yml")))
    print(f"EPUB geschreven: {args.epub} ({stats['pages']} pagina's, "
          f"{stats['images']} afbeeldingen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
