"""Found by search engines and in shared links (issue 19, item 1), from the one setting
`html.baseurl`: every page describes itself from its own opening (not from the line that says
whom a professional page is for) and carries Open Graph tags without an image from another
host; robots.txt; with an address, a sitemap of every page, canonical links and og:url at
that address; without one, no relative og:url and no sitemap (miskraam/theme/found.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import build_root, toc_sources

pytestmark = pytest.mark.build


def head(path: Path) -> dict[str, str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = {tag.get("property") or tag.get("name"): tag.get("content", "")
             for tag in soup.find_all("meta") if tag.get("property") or tag.get("name")}
    canonical = soup.find("link", rel="canonical")
    found["canonical"] = canonical["href"] if canonical else ""
    return found


@pytest.mark.parametrize("name", toc_sources())
def test_every_page_describes_itself_and_has_open_graph_tags(html, name):
    tags = head(html / f"{name}.html")
    description = tags.get("description", "")
    assert 50 <= len(description) <= 170, (name, description)
    assert not description.startswith("Deze pagina is voor studenten"), (name, description)
    # whole sentences that do not run on into a section ("Heading: text") or stop mid-word
    assert description[-1] in ".?!…", (name, description)
    page = BeautifulSoup((html / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(" ", strip=True).rstrip("#¶ ") for h in page.select("article h2")]
    assert not [h for h in headings if h and f"{h}:" in description], (name, description)
    assert tags.get("og:description") == description
    assert tags.get("og:title") and tags.get("og:site_name") and tags.get("og:locale") == "nl_NL"
    # no address set: nothing relative where an absolute address belongs, no image
    assert "og:url" not in tags and not tags["canonical"] and "og:image" not in tags


@pytest.mark.parametrize("name", ["search", "genindex", "404"])
def test_the_pages_sphinx_writes_describe_themselves_too(html, name):
    description = head(html / f"{name}.html").get("description", "")
    assert 50 <= len(description) <= 170 and "Miskraam" in description, (name, description)


def test_robots_allow_every_page_and_no_sitemap_without_an_address(html):
    assert (html / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    assert not (html / "sitemap.xml").exists()


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A small book built as if published at https://voorbeeld.nl/miskraam (no slash)."""
    return build_root(tmp_path_factory.mktemp("gepubliceerd"), "quiz",
                      html_baseurl="https://voorbeeld.nl/miskraam",
                      extensions=["myst_parser", "sphinxcontrib.bibtex", "sphinxext.opengraph",
                                  "miskraam.content", "miskraam.theme"],
                      ogp_social_cards={"enable": False}).outdir


def test_with_an_address_every_page_is_in_the_sitemap_at_that_address(published):
    soup = BeautifulSoup((published / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    listed = sorted(loc.text for loc in soup.find_all("loc"))
    pages = sorted(f"https://voorbeeld.nl/miskraam/{p.relative_to(published).as_posix()}"
                   for p in published.glob("*.html") if p.name not in ("genindex.html", "404.html",
                                                                        "search.html"))
    assert listed == pages
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://voorbeeld.nl/miskraam/sitemap.xml" in robots


def test_with_an_address_each_page_names_its_canonical_address(published):
    tags = head(published / "vragen.html")
    assert tags["canonical"] == "https://voorbeeld.nl/miskraam/vragen.html"
    assert tags["og:url"] == "https://voorbeeld.nl/miskraam/vragen.html"


def test_with_an_address_the_404_page_links_from_its_path(published):
    """A host serves 404.html at any missing address: its links start at the book's path."""
    page = (published / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src|action)="(/[^"]*)"', page)
    assert links and all(link.startswith("/miskraam/") for link in links), links[:5]


def test_the_root_page_names_no_relative_address(html):
    """The root page sends the reader on: without an address it has no canonical link (not a
    relative one), and it describes the book as the first page does."""
    root = head(html / "index.html")
    assert root["canonical"] == ""
    assert root.get("description") == head(html / "book" / "index.html").get("description")
