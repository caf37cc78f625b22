"""'Wanneer bellen?' as a reader meets it: on a phone (390 px, touch), in Chromium.

The rule itself (every sign x every form of input x bad input) is a table in Node
(tests/js/alarm-rule.test.mjs, run by test_javascript.py). Here: what only a browser shows.
The reader's words reach the rule ("3 per uur" gives "Bel nu"); a field it cannot read asks a
yes/no question right under it, answered with one tap; messages stand under their field, linked
with aria-describedby, in view and not covered; nothing floats over the advice or the 112
instructions; a 112 verdict lists every other reason too; the pain choices fit at 390 px; 112
is a number a phone can call, in the widget and in the notice on every page.
"""

from __future__ import annotations

import pytest

from miskraam.alarm import alarm_signs
from miskraam.facts import fact

from .conftest import HTML

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGE = "book/deel1/wanneer-bellen.html"
SIGNS = {sign.id: sign for sign in alarm_signs().signs}
PADS, FEVER = fact("alarm-maandverbanden").value, fact("alarm-koorts").value
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="module")
def tab(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/{PAGE}", wait_until="load")
    page.wait_for_selector("html.miskraam-widgets-ready")
    yield page
    assert errors == []
    context.close()


@pytest.fixture()
def widget(tab):
    tab.reload(wait_until="load")
    tab.wait_for_selector("html.miskraam-widgets-ready")
    return tab.locator('[data-widget="wanneer-bellen"]')


def pads_field(root):
    return root.locator(".miskraam-field").nth(0)


def temperature_field(root):
    return root.locator(".miskraam-field").nth(1)


def type_into(field, text):
    box = field.locator("input")
    box.tap()
    box.fill(text)


def tick(root, sign_id):
    root.locator(f"input[type=checkbox][value='{sign_id}']").tap()


def verdict(root):
    full = root.locator(".miskraam-verdict:not(.miskraam-verdict-bar)")
    return full.get_attribute("class"), full.inner_text()


def covered(page, locator) -> str | None:
    """What covers `locator` on the screen (its middle or its lower edge), or None."""
    return locator.evaluate("""el => {
        const box = el.getBoundingClientRect();
        const x = box.left + box.width / 2;
        for (const y of [box.top + box.height / 2, box.bottom - 2]) {
            if (y < 0 || y > innerHeight) return "buiten beeld (y = " + Math.round(y) + ")";
            const top = document.elementFromPoint(x, y);
            if (!el.contains(top)) return top.className || top.tagName;
        }
        return null;
    }""")


@pytest.mark.parametrize("typed", ["3 per uur", "veel", "2 a 3", "meer dan 2", "3x"])
def test_her_words_for_heavy_bleeding_give_bel_nu(widget, typed):
    type_into(pads_field(widget), typed)
    classes, text = verdict(widget)
    assert "bel-nu" in classes, text
    assert SIGNS["veel-bloed"].reason in text.lower()
    assert "Twijfel je" not in text


@pytest.mark.parametrize("typed", ["38,2°C", "39,5 graden", "38.2", "hoog"])
def test_her_words_for_fever_give_bel_nu(widget, typed):
    widget.locator("input[type=radio][value=gemeten]").tap()
    type_into(temperature_field(widget), typed)
    classes, text = verdict(widget)
    assert "bel-nu" in classes and SIGNS["koorts"].reason in text.lower(), text


def test_a_message_stands_under_its_field_in_view_and_uncovered(widget, tab):
    field = pads_field(widget)
    type_into(field, "2 a 3")
    message = field.locator(".miskraam-message")
    assert "2 a 3" in message.inner_text()
    described = field.locator("input").get_attribute("aria-describedby").split()
    messages_id = field.locator(".miskraam-field-messages").get_attribute("id")
    assert messages_id in described
    assert covered(tab, message.first) is None


def test_what_it_cannot_read_gets_a_question_answered_with_one_tap(widget, tab):
    field = pads_field(widget)
    type_into(field, "een hoop")
    question = field.locator(".miskraam-field-question")
    assert str(PADS) in question.inner_text() and "?" in question.inner_text()
    classes, text = verdict(widget)
    assert "bel-nu" in classes and "kan niet lezen" in text, text
    question.get_by_role("button", name="Nee").tap()
    classes, text = verdict(widget)
    assert "geen-alarm" in classes, text
    assert question.get_by_role("button", name="Nee").get_attribute("aria-pressed") == "true"
    question.get_by_role("button", name="Ja").tap()
    classes, text = verdict(widget)
    assert "bel-nu" in classes and SIGNS["veel-bloed"].reason in text.lower(), text
    # the question is reachable and answerable by keyboard too
    field.locator("input").focus()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") in ("Ja", "Nee")


def test_an_answer_is_forgotten_when_she_edits_the_field(widget):
    field = pads_field(widget)
    type_into(field, "de hele nacht")
    field.get_by_role("button", name="Ja").tap()
    assert SIGNS["veel-bloed"].reason in verdict(widget)[1].lower()
    field.locator("input").fill("de hele nacht al")
    assert field.locator("button[aria-pressed='true']").count() == 0
    classes, text = verdict(widget)
    assert "bel-nu" in classes and "kan niet lezen" in text, text


def settle(tab):
    """Wait until the page stops scrolling (the theme scrolls smoothly)."""
    tab.wait_for_function("""() => new Promise(done => {
        let last = scrollY;
        const look = () => requestAnimationFrame(() => {
            if (scrollY === last) done(true); else { last = scrollY; setTimeout(look, 50); }
        });
        setTimeout(look, 50);
    })""")


def test_the_question_is_in_view_with_the_keyboard_open(browser, server):
    # a phone with its keyboard open leaves about 420 px: the question under the field she is
    # typing in must not slide under the sticky advice bar
    context = browser.new_context(viewport={"width": 390, "height": 420}, has_touch=True,
                                  is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(f"{server}/{PAGE}", wait_until="load")
        tab.wait_for_selector("html.miskraam-widgets-ready")
        root = tab.locator('[data-widget="wanneer-bellen"]')
        for field, typed in ((pads_field(root), "de hele nacht"),
                             (temperature_field(root), "warm")):
            box = field.locator("input")
            # she scrolls to the field and taps it (a tap at the screen's edge could hit the bar)
            box.evaluate("el => el.scrollIntoView({block: 'center'})")
            settle(tab)
            box.tap()
            # a finger taps, then types: headless Chromium drops keys typed within a few
            # milliseconds of a tap that moved the focus from another field
            tab.wait_for_timeout(300)
            box.type(typed)
            for button in ("Ja", "Nee"):
                answer = field.get_by_role("button", name=button)
                answer.wait_for()
                # the page may still be settling on a busy machine: give it a second
                for _ in range(10):
                    if covered(tab, answer) is None:
                        break
                    tab.wait_for_timeout(100)
                assert covered(tab, answer) is None, (typed, button)
    finally:
        context.close()


def test_a_fever_typed_and_then_unknown_temperature_is_named_not_dropped(widget):
    widget.locator("input[type=radio][value=gemeten]").tap()
    type_into(temperature_field(widget), f"{FEVER + 1:g}")
    widget.locator("input[type=radio][value=onbekend]").tap()
    messages = temperature_field(widget).locator(".miskraam-field-messages").inner_text()
    assert f"{FEVER + 1:g}" in messages and "koorts" in messages, messages
    classes, text = verdict(widget)
    assert "bel-nu" in classes and SIGNS["koorts"].reason in text.lower(), text


def test_dizzy_alone_is_bel_nu_and_dizzy_and_clammy_is_112_with_every_reason(widget):
    tick(widget, "duizelig")
    classes, text = verdict(widget)
    assert "bel-nu" in classes and "112" not in text, text
    tick(widget, "klam")
    tick(widget, "ongerust")
    classes, text = verdict(widget)
    assert "bel-112" in classes, text
    assert widget.locator(".miskraam-verdict a[href='tel:112']").count() >= 1
    for reason in (SIGNS["duizelig-klam"].reason, SIGNS["ongerust"].reason):
        assert reason in text.lower(), (reason, text)
    assert alarm_signs().texts["na_112"] in text


def test_bleeding_more_than_her_period_before_it_is_known_is_a_checkbox_that_gives_bel_nu(widget):
    # review 4, M2: the NHG's measure, as a sign of its own while it is not yet known that it
    # is a miscarriage; the pads field stays the measure during a known miscarriage
    selector = "input[type=checkbox][value='meer-dan-menstruatie']"
    assert widget.locator(selector).count() == 1
    label = widget.locator("label", has=widget.page.locator(selector))
    assert "menstruatie" in label.inner_text() and "echo" in label.inner_text()
    tick(widget, "meer-dan-menstruatie")
    classes, text = verdict(widget)
    assert "bel-nu" in classes and "112" not in text, text
    assert SIGNS["meer-dan-menstruatie"].reason in text.lower(), text


def test_nothing_floats_over_the_advice_or_the_112_instructions(widget, tab):
    tick(widget, "flauw")
    full = widget.locator(".miskraam-verdict:not(.miskraam-verdict-bar)")
    parts = full.locator("p, li")
    # the reader scrolls past the advice, then back up through it: scrolling up shows the
    # theme's "Naar boven" button; at every step, each line of the advice she can see is hers
    full.scroll_into_view_if_needed()
    tab.mouse.wheel(0, 600)
    tab.wait_for_timeout(150)
    seen = set()
    for _ in range(40):
        tab.mouse.wheel(0, -40)
        tab.wait_for_timeout(50)
        # every line at once, in one round trip: null when off screen, "" when on top
        found = parts.evaluate_all("""lines => lines.map((el) => {
                const box = el.getBoundingClientRect();
                const y = box.top + box.height / 2;
                if (y < 60 || y > innerHeight - 2) return null;   // not on the screen
                const top = document.elementFromPoint(box.left + box.width / 2, y);
                return el.contains(top) ? "" : (top.id || top.className || top.tagName);
            })""")
        for n, blocked in enumerate(found):
            if blocked is not None:
                seen.add(n)
                assert blocked == "", (parts.nth(n).inner_text(), blocked)
        if full.evaluate("el => el.getBoundingClientRect().top > innerHeight"):
            break
    assert seen == set(range(parts.count())), "niet elke regel van het advies kwam in beeld"


def test_the_advice_is_on_screen_where_she_fills_in(widget, tab):
    pain = widget.locator(".miskraam-pain")
    pain.scroll_into_view_if_needed()
    pain.locator("input[value='heel-erg']").tap()
    bar = widget.locator(".miskraam-verdict-bar")
    box = bar.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844, box
    assert "Bel nu 112" in bar.inner_text()


def test_the_pain_choices_fit_a_phone(widget):
    for label in widget.locator(".miskraam-pain label").all():
        box = label.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (label.inner_text(), box)
        assert label.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), label.inner_text()


def test_no_alarm_sign_is_neutral_not_green_and_says_when_to_call(widget):
    type_into(pads_field(widget), "1")
    widget.locator("input[type=radio][value=gemeten]").tap()
    type_into(temperature_field(widget), "37")
    classes, text = verdict(widget)
    assert "geen-alarm" in classes and "Bel toch" in text
    colour = widget.locator(".miskraam-verdict:not(.miskraam-verdict-bar)").evaluate(
        "el => getComputedStyle(el).borderLeftColor")
    red, green, blue = (int(part) for part in colour[colour.index("(") + 1:-1].split(",")[:3])
    assert green - max(red, blue) < 30, f"de rand is groen ({colour}): dat stelt gerust"


def test_without_javascript_the_signs_are_listed(html):
    page = (HTML / PAGE).read_text(encoding="utf-8")
    static = page[page.index("miskraam-alarm-static"):]
    for sign in alarm_signs().signs:
        assert sign.box_text().replace("**", "") in static


def test_the_alarm_list_is_on_the_first_screen_of_a_phone(tab):
    tab.evaluate("window.scrollTo(0, 0)")
    first = tab.locator(".miskraam-alarm li").first.bounding_box()
    assert first["y"] + first["height"] <= 844, f"eerste alarmsignaal op {first['y']} px"


def notice_of(page_html: str) -> str:
    start = page_html.index('<p class="miskraam-notice">')
    return page_html[start:page_html.index("</p>", start)]


def test_every_page_names_the_112_signs_with_a_number_a_phone_can_call(html):
    from .conftest import content_pages

    named = [sign.notice for sign in alarm_signs().of_level("112") if sign.notice]
    assert len(named) >= 3
    for page in content_pages(html):
        notice = notice_of(page.read_text(encoding="utf-8"))
        assert '<a href="tel:112">Bel 112</a>' in notice, page
        assert all(words in notice for words in named), (page, notice)
        assert "kerngetallen" not in notice, f"een getal in de melding linkt naar de tabel: {page}"
        if page.name != "wanneer-bellen.html":
            assert "wanneer-bellen.html" in notice, page


def test_numbers_in_the_alarm_box_are_plain_text(html):
    page = (HTML / PAGE).read_text(encoding="utf-8")
    start = page.index("miskraam-alarm")
    box = page[start:page.index("</div>", start)]
    assert "kerngetallen" not in box, "een getal in het alarmblok linkt naar Kerngetallen"
    for threshold in ("alarm-maandverbanden", "alarm-koorts"):
        assert fact(threshold).wording in box
