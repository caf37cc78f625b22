"""The table of contents, read in one place: `_toc.yml` as sphinx-external-toc parses it (the
parser Jupyter Book itself uses), so the tests and the book agree on the pages and their order.
(The editions take the order from Sphinx itself: they are Sphinx builds.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sphinx_external_toc.parsing import parse_toc_yaml


def _pages(site, tree) -> Iterator[str]:
    """The pages of one toctree, each followed by the pages under it (its sections)."""
    for item in tree.items:
        if isinstance(item, str):  # a page; globs and URLs are not pages of the book
            yield item
            for subtree in site[item].subtrees:
                yield from _pages(site, subtree)


def _parts(site) -> list[tuple[str, list[str]]]:
    return [(tree.caption or "", list(_pages(site, tree)))
            for tree in site[site.root.docname].subtrees]


def toc_pages(toc_file: Path) -> list[str]:
    """Every page of the book in reading order, the start page first, without extension."""
    site = parse_toc_yaml(str(toc_file))
    return [site.root.docname, *(page for _, pages in _parts(site) for page in pages)]
