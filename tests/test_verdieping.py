"""The {verdieping} directive, in-process (sphinx.testing): sphinx-design's dropdown, a native
<details> with our class and Dutch title, folded unless ``:open:``, loading nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DETAILS = re.compile(r"<details([^>]*)>(.*?)</details>", re.S)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


pytestmark = pytest.mark.sphinx("html", testroot="verdieping")


@pytest.fixture
def blocks(app):
    app.build()
    assert not app._warning.getvalue().strip()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return DETAILS.findall(article)


def test_every_verdieping_is_sphinx_designs_dropdown_with_our_class(blocks):
    assert len(blocks) == 3
    for attributes, _body in blocks:
        classes = re.search(r'class="([^"]*)"', attributes).group(1).split()
        assert {"sd-dropdown", "verdieping"} <= set(classes), classes


def test_folded_unless_open_is_given(blocks):
    assert [" open" in attributes for attributes, _body in blocks] == [False, True, False]


def test_the_summary_names_the_subject(blocks):
    summaries = [text_of(re.search(r"<summary[^>]*>(.*?)</summary>", body, re.S).group(1))
                 for _attributes, body in blocks]
    prefix = "Verdieping voor professionals"
    assert summaries == [f"{prefix}: het onderwerp", f"{prefix}: een tweede onderwerp", prefix]


def test_the_body_is_myst_after_the_summary(blocks):
    body = blocks[0][1]
    assert body.index("</summary>") < body.index("verdieping-body")
    assert "<strong>nadruk</strong>" in body


def test_nothing_is_loaded_from_another_host(blocks):
    # the chevron is inline SVG; no image, script or link reference
    for _attributes, body in blocks:
        assert not re.search(r"\b(?:src|href)=", body), body


def test_the_page_loads_sphinx_designs_css_and_not_togglebuttons(app):
    # togglebutton folds `.toggle` and `.admonition.dropdown`, not sphinx-design's `sd-dropdown`
    app.build()
    head = (Path(app.outdir) / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert "sphinx-design.min.lean.css" in head
    assert "togglebutton" not in re.sub(r"<script>[^<]*</script>", "", head)


@pytest.mark.sphinx("singlehtml", testroot="verdieping")
def test_the_editions_get_no_arrow_to_click(app):
    """The print and e-reader editions start from the one-page build: a verdieping is printed
    open there, and an inline SVG without its namespace is refused in an EPUB's XHTML."""
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    blocks = DETAILS.findall(html[html.index("<article"):html.index("</article>")])
    assert len(blocks) == 3
    assert not any("<svg" in body or "sd-summary-state-marker" in body for _a, body in blocks)
