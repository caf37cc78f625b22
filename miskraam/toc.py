"""The table of contents, read in one place: `_toc.yml` as sphinx-external-toc parses it (the
parser Jupyter Book itself uses), so the editions, the tests and the book agree on the pages and
their order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sphinx_external_toc.parsing import parse_toc_yaml


def _below(site, docname: str) -> Iterator[str]:
    """The pages under a page (its sections), depth first, in their order."""
    for tree in site[docname].subtrees:
        for item in tree.items:
            if isinstance(item, str):  # a page; globs and URLs are not pages of the book
                yield item
                yield from _below(site, item)


def toc_parts(toc_file: Path) -> list[tuple[str, list[str]]]:
    """The parts of the book: (caption, pages in reading order, sections after their chapter)."""
    site = parse_toc_yaml(str(toc_file))
    parts = []
    for tree in site[site.root.docname].subtrees:
        pages = []
        for item in tree.items:
            if isinstance(item, str):
                pages.append(item)
                pages.extend(_below(site, item))
        parts.append((tree.caption or "", pages))
    return parts


def toc_pages(toc_file: Path) -> list[str]:
    """Every page of the book in reading order, the start page first, without extension."""
    site = parse_toc_yaml(str(toc_file))
    return [site.root.docname, *(page for _, pages in toc_parts(toc_file) for page in pages)]
