"""Found by search engines (issue 19), from one setting: the address the book is published at,
``html.baseurl`` in ``_config.yml`` (Sphinx's ``html_baseurl``).

- A description of every page and Open Graph tags come from sphinxext-opengraph (configured in
  ``_config.yml``); its address (``ogp_site_url``) is the book's. It writes ``og:url`` relative
  when no address is set, which no reader of Open Graph accepts: then it is left out.
- A page's description is the ``description:`` in its front matter, where an author has
  written one for a reader who sees only that line (a search result, a shared link); else its
  opening in whole sentences (``opening``), in place of sphinxext-opengraph's, which reads on
  into the first section and cuts in a word.
- The search page and the index, which Sphinx writes itself, get a description of their own.
- ``.nojekyll``, for GitHub Pages publishing from a branch.
- ``robots.txt`` allows every page and, with an address, names the sitemap.
- ``sitemap.xml`` lists every page at its published address; without an address there is none
  (a sitemap needs absolute addresses). Sphinx itself writes each page's canonical link from
  the same setting.

Our own, about 40 lines, rather than sphinx-sitemap: that package requires
sphinx-last-updated-by-git, which reads the git history at every build and warns (an error
under ``-W``) for a book outside a repository, such as a downloaded copy or a test's book.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from docutils import nodes

RELATIVE_OG_URL = re.compile(r'<meta property="og:url" content="(?!https?://)[^"]*" />\n?')
DESCRIPTION_TAG = re.compile(r'(<meta (?:name="description"|property="og:description") '
                             r'content=")[^"]*(")')
#: sphinxext-opengraph's length for a description, and ours
DESCRIPTION_LENGTH = 160
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def opening(doctree) -> str:
    """The page's opening: its paragraphs before the first section (no admonitions, such as
    the line that says a page is for students), in whole sentences up to DESCRIPTION_LENGTH
    characters. sphinxext-opengraph reads on into the first section ("Wat is afwachten?: Bij
    af...") and cuts in a word; a search engine and a search result show this text."""
    title_section = next(iter(doctree.findall(nodes.section)), None)
    if title_section is None:
        return ""
    paragraphs, section = [], title_section
    while section is not None and not paragraphs:  # no opening: the first section's
        following = None
        for child in section.children:
            if isinstance(child, nodes.section):
                following = child
                break
            if isinstance(child, nodes.paragraph):
                paragraphs.append(" ".join(child.astext().split()))
        section = following
    text, sentences = "", SENTENCE_END.split(" ".join(paragraphs))
    for sentence in sentences:
        longer = f"{text} {sentence}".strip()
        if len(longer) > DESCRIPTION_LENGTH:
            break
        text = longer
    if not text and sentences and sentences[0]:  # one long first sentence: cut at a word
        text = sentences[0][:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def describe_by_the_opening(app, pagename, templatename, context, doctree):
    """The page's own ``description:`` (front matter), else its opening."""
    own = app.env.metadata.get(pagename, {}).get("description", "")
    text = " ".join(str(own).split()) or (opening(doctree) if doctree is not None else "")
    if text and "metatags" in context:
        context["metatags"] = DESCRIPTION_TAG.sub(
            lambda m: m.group(1) + escape(text, {'"': "&quot;"}) + m.group(2), context["metatags"])


def drop_relative_og_url(app, pagename, templatename, context, doctree):
    if "metatags" in context:
        context["metatags"] = RELATIVE_OG_URL.sub("", context["metatags"])


#: the pages Sphinx writes itself have no opening to describe them: their own description
GENERATED_PAGES = {
    "search": "Zoek in de open cursus Miskraam: bloedverlies in de eerste weken, een (dreigende) "
              "miskraam, afwachten, medicijnen of curettage, herstel en een volgende "
              "zwangerschap.",
    "genindex": "Trefwoorden van de open cursus Miskraam, met de pagina's waar ze staan.",
}


def describe_generated_pages(app, pagename, templatename, context, doctree):
    text = GENERATED_PAGES.get(pagename)
    if text and 'name="description"' not in context.get("metatags", ""):
        context["metatags"] = (context.get("metatags", "")
                               + f'\n<meta name="description" content="{text}">')


def base_address(config) -> str:
    base = (config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def og_from_the_address(app, config):
    """sphinxext-opengraph's own address setting follows the one the book has."""
    if "ogp_site_url" in config and not config.ogp_site_url:
        config.ogp_site_url = base_address(config)


def write_robots_and_sitemap(app, exception):
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    out = Path(app.outdir)
    base = base_address(app.config)
    robots = "User-agent: *\nAllow: /\n"
    if base:
        pages = sorted(app.builder.get_target_uri(doc) for doc in app.env.found_docs)
        urls = "".join(f"  <url><loc>{escape(base + page)}</loc></url>\n" for page in pages)
        (out / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n", encoding="utf-8")
        robots += f"Sitemap: {base}sitemap.xml\n"
    else:
        (out / "sitemap.xml").unlink(missing_ok=True)  # from a build that had an address
    (out / "robots.txt").write_text(robots, encoding="utf-8")
    # GitHub Pages, when it publishes a branch, runs Jekyll, which leaves out every folder
    # whose name starts with "_" (_static, _images): an empty .nojekyll turns that off.
    # Ours rather than sphinx.ext.githubpages, which also writes a CNAME file from the
    # address, wrong for a book under a path of a custom domain.
    (out / ".nojekyll").write_text("", encoding="utf-8")


def setup(app):
    app.connect("config-inited", og_from_the_address)
    app.connect("html-page-context", drop_relative_og_url, priority=900)  # after opengraph's
    app.connect("html-page-context", describe_generated_pages)
    app.connect("html-page-context", describe_by_the_opening, priority=900)
    app.connect("build-finished", write_robots_and_sitemap)
