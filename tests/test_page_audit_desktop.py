"""Every page on a desktop in its default (light) colours, in one visit each: no requests to
other hosts, no console errors, no axe-core violations, interface text in Dutch and in the
"je" form (`audit.audit`). The same audit on a phone at night: `test_page_audit_phone.py`.
Two files, so that pytest-xdist (`--dist loadfile`) gives each reader to a worker."""

from __future__ import annotations

import pytest

from .audit import FRAME, VIEWPORTS, Frame, audit, axe_violations, code_block_problems
from .conftest import PAGES, content_pages

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the module: a page visit is a navigation, not a new browser context."""
    context = browser.new_context(**VIEWPORTS["desktop"])
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def frame():
    """The page frame axe has checked on this module's first page (audit.Frame)."""
    return Frame()


def test_the_suite_sees_every_page(html):
    # PAGES comes from _toc.yml (collection needs no build); it must match what was built.
    assert PAGES == [p.relative_to(html).as_posix() for p in content_pages(html)]


@pytest.mark.parametrize("name", PAGES)
def test_page_on_a_desktop(tab, server, frame, name):
    audit(tab, f"{server}/{name}", frame)


def test_code_blocks_too_pale_or_out_of_reach_are_found(tab):
    """axe leaves the code blocks to `code_block_problems`: it must still find a pale token on
    a light and on a dark block, pass a dark one, and find a block that scrolls sideways that
    the keyboard cannot reach (the theme makes such blocks focusable)."""
    wide = "x" * 400
    tab.set_content(f"""<div class="highlight" style="background:#fff"><pre>
        <span style="color:#aaa">pale</span> <span style="color:#222">dark</span></pre></div>
        <div class="highlight" style="background:#111"><pre><span style="color:#eee">licht</span>
        <span style="color:#333">dof</span></pre></div>
        <div class="highlight"><pre style="width:200px; overflow-x:auto">{wide}</pre></div>
        <div class="highlight"><pre tabindex="0" style="width:200px; overflow-x:auto">{wide}
        </pre></div>""")
    problems = code_block_problems(tab)
    assert len(problems) == 3, problems
    assert "toetsenbord" in problems[0]
    assert "'pale'" in problems[1].replace('"', "'") and "'dof'" in problems[2].replace('"', "'")


def test_axe_leaves_out_only_a_frame_it_has_checked(tab):
    """The frame is left out of axe's check only on a page whose frame has the shape of one
    checked before; the current page's mark does not count, another link does."""
    page = ('<header class="bd-header"><a href="/a.html" class="{state}">A</a>{extra}</header>'
            '<article>Tekst</article>')
    contexts = []
    frame = Frame()
    for state, extra in [("current", ""), ("", ""), ("", '<a href="/b.html">B</a>')]:
        tab.set_content(page.format(state=state, extra=extra))
        contexts.append(frame.context(tab))
    left_out = [[selector] for selector in FRAME]
    assert [all(part in context["exclude"] for part in left_out) for context in contexts] == [
        False, True, False]


def test_axe_finds_pale_text_among_many_readable_elements(tab):
    """axe's contrast rule runs on one element of each look: a pale word among a hundred
    readable paragraphs is still found, on a light and on a dark block, and nothing else."""
    readable = "".join(f"<p>Alinea {n} met <a href='#'>een link</a>.</p>" for n in range(100))
    tab.set_content(f"""<html lang="nl"><head><title>Proef</title></head><body><main>
        <h1>Proef</h1>{readable}<p>Nog een alinea met <span style="color:#bbb">bleek</span>.</p>
        <div style="background:#111;color:#eee"><p>Licht op donker.</p>
        <p style="color:#444">Donker op donker.</p></div></main></body></html>""")
    found = axe_violations(tab, {"exclude": []})
    assert [violation["id"] for violation in found] == ["color-contrast"], found
    flagged = " ".join(node["html"] for node in found[0]["nodes"])
    assert "bleek" in flagged and "Donker op donker" in flagged, flagged
    marked = tab.locator("[data-miskraam-contrast]")
    assert 3 < marked.count() < 10  # one per look, not one per paragraph


def test_axe_finds_a_link_told_apart_by_colour_alone_among_many_links(tab):
    """axe's link-in-text-block rule runs on one link of each look (its own and its
    paragraph's): one link without an underline, coloured too close to its text, among a
    hundred underlined links in running text is still found, and nothing else."""
    linked = "".join(f"<p>Alinea {n} met <a href='#a{n}'>een link</a> erin.</p>"
                     for n in range(100))
    tab.set_content(f"""<html lang="nl"><head><title>Proef</title></head><body><main>
        <h1>Proef</h1>{linked}<p style="color:#000">Hier staat
        <a href="#kaal" style="color:#555;text-decoration:none">een kale link</a> in de tekst.
        </p></main></body></html>""")
    found = axe_violations(tab, {"exclude": []})
    assert [violation["id"] for violation in found] == ["link-in-text-block"], found
    flagged = [node["html"] for node in found[0]["nodes"]]
    assert len(flagged) == 1 and "een kale link" in flagged[0], flagged
    assert 1 < tab.locator("[data-miskraam-link]").count() < 5  # one per look, not per link
