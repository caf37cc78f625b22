"""Every page on a desktop in its default (light) colours, in one visit each: no requests to
other hosts, no console errors, no axe-core violations, interface text in Dutch and in the
"je" form (`audit.audit`). The same audit on a phone at night: `test_page_audit_phone.py`.
Two files, so that pytest-xdist (`--dist loadfile`) gives each reader to a worker."""

from __future__ import annotations

import pytest

from .audit import FRAME, VIEWPORTS, Frame, audit, code_block_problems
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
