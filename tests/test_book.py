"""The built book: warning-free, every figure from the registry, the notice on every page."""

from __future__ import annotations

import re
import textwrap
from html import escape
from pathlib import Path

import pytest
import yaml

from miskraam.facts import registry

from .conftest import DATA, FACT_ROLE, HAND_WRITTEN, ROOT, build, content_pages, one_page_book

CHAPTERS = sorted((ROOT / "book").rglob("*.md"))


@pytest.mark.build
def test_the_book_builds_with_zero_warnings(built_book):
    output = built_book.stdout + built_book.stderr
    assert built_book.returncode == 0, output[-6000:]
    warnings = [line for line in output.splitlines() if "WARNING" in line or "ERROR" in line]
    assert warnings == []
    # a quiet build: what the author reads is Sphinx's progress and our messages, not the
    # font subsetter's table-by-table report (78 lines before)
    assert "fontTools" not in output


@pytest.mark.build
def test_an_unknown_fact_id_fails_the_build_naming_page_and_id(tmp_path: Path):
    (tmp_path / "_config.yml").write_text(textwrap.dedent("""
        title: Test
        execute:
          execute_notebooks: "off"
        sphinx:
          config:
            language: nl
            html_theme: miskraam
          extra_extensions:
            - miskraam.content
            - miskraam.theme
    """), encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: pagina\n", encoding="utf-8")
    (tmp_path / "pagina.md").write_text(
        "# Pagina\n\nBij {fact}`bestaat-niet` van de vrouwen.\n", encoding="utf-8"
    )
    result = build(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "onbekend feit 'bestaat-niet'" in output
    assert "pagina" in output


@pytest.mark.build
def test_a_failing_notebook_cell_fails_the_build(tmp_path: Path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["bibtex_bibfiles"] = ["references.bib"]
    # the course's data, read from this one-page book; its search words name the course's pages
    config["sphinx"]["config"].update(miskraam_data_dir=str(DATA), miskraam_search_words="")
    one_page_book(tmp_path, yaml.safe_dump(config, allow_unicode=True),
                  'raise RuntimeError("deze cel faalt")')
    (tmp_path / "references.bib").write_text("", encoding="utf-8")
    result = build(tmp_path)
    assert result.returncode != 0
    assert "deze cel faalt" in result.stdout + result.stderr


@pytest.mark.build
def test_the_appendix_lists_every_record_with_its_source_words(html):
    page = (html / "book" / "kerngetallen.html").read_text(encoding="utf-8")
    for fact_id, record in registry().items():
        match = re.search(rf'<tr[^>]*id="fact-{re.escape(fact_id)}"[^>]*>(.*?)</tr>', page, re.S)
        assert match, f"rij voor '{fact_id}' ontbreekt in Kerngetallen"
        row = re.sub(r"\s+", " ", match.group(1))
        # Sphinx's smartquotes turns straight quotes into Dutch typographic ones
        row = row.replace("“", '"').replace("”", '"').replace("&quot;", '"')
        # the page escapes what HTML must ("&", and "<" or ">" in a rule such as "< 50 %")
        quote = escape(re.sub(r"\s+", " ", record.quote), quote=False)
        assert quote in row
        assert escape(record.display_value(), quote=False) in row
        assert escape(record.certainty_text(), quote=False) in row


@pytest.mark.build
def test_every_page_shows_the_notice(html):
    pages = content_pages(html)
    assert len(pages) >= 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'class="miskraam-notice"' in text, page
        assert "vervangt geen zorg" in text, page
        assert "verloskundige, huisarts of ziekenhuis" in text, page


@pytest.mark.build
def test_prose_figures_link_to_the_appendix(html):
    page = (html / "book" / "deel1" / "wat-is-een-miskraam.html").read_text(encoding="utf-8")
    assert re.search(r'href="../kerngetallen.html#fact-bloedverlies-16-weken"', page)
    assert registry()["bloedverlies-16-weken"].wording in page


def test_every_fact_is_used_in_the_book():
    used = {m["id"] for path in CHAPTERS for m in FACT_ROLE.finditer(path.read_text("utf-8"))}
    unused = sorted(set(registry()) - used)
    assert unused == [], f"feiten die nergens in het boek staan: {unused}"


def test_no_chapter_writes_a_percentage_by_hand():
    offenders = []
    for path in CHAPTERS:
        text = FACT_ROLE.sub("", path.read_text("utf-8"))
        offenders += [f"{path.relative_to(ROOT)}: '{match.group(0)}'"
                      for match in HAND_WRITTEN.finditer(text)]
    assert offenders == [], (
        "een getal met de hand getypt; zet het in book/data/facts.yml en schrijf "
        "{fact}`id` (de zin uit het register) of {fact}`id <waarde>` (alleen het getal):\n"
        + "\n".join(offenders))


@pytest.mark.build
def test_no_page_loads_anything_from_another_host(html):
    external = re.compile(
        r'<(?:script|img|iframe|source|audio|video)[^>]+src="(?:https?:)?//'
        r'|<link[^>]+href="(?:https?:)?//[^"]+"[^>]*rel="(?:stylesheet|preload|icon)"'
        r'|<link[^>]+rel="(?:stylesheet|preload|icon)"[^>]+href="(?:https?:)?//'
        r'|@import\s+url\(["\']?https?://'
    )
    for page in content_pages(html):
        text = page.read_text(encoding="utf-8")
        assert not external.search(text), page
        assert "THEBE_JS_URL" not in text, page
        assert "require.min.js" not in text and "embed-amd" not in text, page
        assert "mathjax" not in text.lower(), page
