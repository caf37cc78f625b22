"""'Wanneer bellen?' gives safe advice by construction (issue 8, item 1).

The reader's night: she ticks what she feels, types what she measured, makes typing errors.
Whatever else is empty or wrong, any alarm sign must give "Bel nu ..." with its reason, and
the 112 signs must give "Bel nu 112"; messages about the input stand beside the advice,
never instead of it; "temperature unknown" is never "no fever"; no alarm sign is neutral,
not green, and still says when to call. Tested in headless Chromium at phone size, as a
table: every alarm sign combined with every kind of bad input, plus the limits.
"""

from __future__ import annotations

import pytest

from miskraam.alarm import alarm_signs
from miskraam.facts import NUMBER_WORDS, dutch_number, fact

from .conftest import HTML

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGE = "book/deel1/wanneer-bellen.html"
SIGNS = {sign.id: sign for sign in alarm_signs().signs}

#: bad or missing input, as a reader makes it: (name, field it touches, what to enter)
BAD_INPUT = {
    "alles-leeg": (None, {}),
    "verbanden-geen-getal": ("pads", {"pads": "veel"}),
    "verbanden-negatief": ("pads", {"pads": "-1"}),
    "verbanden-te-veel": ("pads", {"pads": "500"}),
    "temperatuur-gemeten-maar-leeg": ("temperature", {"temperature": ""}),
    "temperatuur-geen-getal": ("temperature", {"temperature": "warm"}),
    "temperatuur-onmogelijk": ("temperature", {"temperature": "60"}),
    "temperatuur-onbekend": ("temperature", {"temperature": None}),
}
#: the message each bad input must show beside the advice
BAD_MESSAGE = {
    "verbanden-geen-getal": "is geen getal",
    "verbanden-negatief": "kan niet kloppen",
    "verbanden-te-veel": "kan niet kloppen",
    "temperatuur-gemeten-maar-leeg": "vul in wat je mat",
    "temperatuur-geen-getal": "is geen getal",
    "temperatuur-onmogelijk": "kan niet kloppen",
}


def sign_input(sign) -> tuple[str | None, dict]:
    """How a reader enters this one sign: (field it uses, entries)."""
    if sign.input == "vinkje":
        return None, {"ticks": {sign.id}}
    if sign.input == "pijn":
        return None, {"pain": sign.pain}
    limit = sign.payload()["limit"]
    if sign.input == "maandverbanden":
        return "pads", {"pads": f"{limit + 1:g}"}
    return "temperature", {"temperature": f"{limit + 0.5:g}".replace(".", ",")}


def sign_cases():
    for sign in alarm_signs().signs:
        field, entries = sign_input(sign)
        for bad, (bad_field, bad_entries) in BAD_INPUT.items():
            if bad_field is not None and bad_field == field:
                continue  # the sign's own field cannot be wrong and still show the sign
            yield pytest.param(sign.id, bad, {**bad_entries, **entries}, id=f"{sign.id}+{bad}")


@pytest.fixture(scope="module")
def widget(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{server}/{PAGE}", wait_until="networkidle")
    root = tab.locator('[data-widget="wanneer-bellen"]')
    root.wait_for()
    yield root
    assert errors == []
    context.close()


def enter(root, pads: str = "", temperature: str | None = None, pain: str = "geen",
          ticks: frozenset | set = frozenset()):
    """Fill in the widget as a reader does; None as temperature: 'Ik weet het niet'."""
    fields = root.locator("input[inputmode=decimal]")
    fields.nth(0).fill(pads)
    if temperature is None:
        root.locator("input[type=radio][value=onbekend]").check()
    else:
        root.locator("input[type=radio][value=gemeten]").check()
        fields.nth(1).fill(temperature)
    root.locator("select").select_option(pain)
    boxes = root.locator("input[type=checkbox]")
    for n in range(boxes.count()):
        box = boxes.nth(n)
        box.set_checked(box.get_attribute("value") in ticks)


def advice(root) -> tuple[str, str, str]:
    verdict = root.locator(".miskraam-verdict")
    return (verdict.get_attribute("class"), verdict.inner_text(),
            root.locator(".miskraam-messages").inner_text())


def test_the_table_is_big_enough():
    assert len(list(sign_cases())) >= 30
    # every sign takes part, and the 112 signs are 112 signs
    assert {case.values[0] for case in sign_cases()} == set(SIGNS)
    assert {s for s in SIGNS if SIGNS[s].level == "112"} >= {"flauw", "duizelig", "klam",
                                                              "heel-erge-pijn"}


@pytest.mark.parametrize(("sign_id", "bad", "entries"), list(sign_cases()))
def test_any_alarm_sign_gives_the_advice_to_call_whatever_else_is_wrong(
        widget, sign_id, bad, entries):
    sign = SIGNS[sign_id]
    enter(widget, **entries)
    classes, verdict, messages = advice(widget)
    if sign.level == "112":
        assert "bel-112" in classes and "Bel nu 112" in verdict, verdict
    else:
        assert "bel-nu" in classes, verdict
        assert "Bel nu je verloskundige, huisarts of het ziekenhuis" in verdict, verdict
    assert sign.reason.lower() in verdict.lower(), f"reden '{sign.reason}' ontbreekt: {verdict}"
    if bad in BAD_MESSAGE:
        assert BAD_MESSAGE[bad] in messages + verdict, (messages, verdict)
    assert "Verbeter eerst" not in verdict and "geen alarmsignaal" not in verdict


#: the leaflet's limits, from the registry: pads per hour and degrees
PADS, FEVER = fact("alarm-maandverbanden").value, fact("alarm-koorts").value
#: a normal temperature and a number word, as a reader types them
NORMAL = dutch_number(FEVER - 1)
WORDS = {number: word for word, number in NUMBER_WORDS.items()}


@pytest.mark.parametrize(("entries", "level", "words"), [
    # the leaflet says "more than"; at the limit itself the widget says: call to be safe
    ({"pads": dutch_number(PADS), "temperature": NORMAL}, "bel-nu", "precies op de grens"),
    ({"pads": "0", "temperature": dutch_number(FEVER)}, "bel-nu", "precies op de grens"),
    ({"pads": dutch_number(PADS), "temperature": f"{FEVER:.1f}".replace(".", ",")}, "bel-nu",
     "precies op de grens"),
    ({"pads": dutch_number(PADS + 0.5), "temperature": NORMAL}, "bel-nu",
     "je verliest veel bloed"),
    ({"pads": "0", "temperature": f"{FEVER + 0.4:.1f}"}, "bel-nu", "je hebt koorts"),
    ({"pads": dutch_number(PADS - 0.5), "temperature": dutch_number(FEVER - 0.1)},
     "geen-alarm", "Bel toch"),
    ({"pain": "hevig"}, "bel-nu", "je hebt hevige pijn"),
    ({"pain": "heel-erg", "ticks": {"pijn-een-kant"}}, "bel-112", "je hebt heel erge pijn"),
    ({"pads": WORDS[PADS], "temperature": NORMAL}, "bel-nu", "precies op de grens"),
    ({"pads": WORDS[PADS + 1], "temperature": NORMAL}, "bel-nu", "je verliest veel bloed"),
    ({"pads": "abc", "temperature": "", "pain": "heel-erg"}, "bel-112", "Bel nu 112"),
])
def test_limits_and_combinations(widget, entries, level, words):
    enter(widget, **entries)
    classes, verdict, _ = advice(widget)
    assert level in classes.split(), (classes, verdict)
    assert words.lower() in verdict.lower()


def test_unknown_temperature_is_never_no_fever(widget):
    enter(widget, pads="0", temperature=None)
    classes, verdict, _ = advice(widget)
    assert "geen-alarm" in classes
    assert "temperatuur weet je niet" in verdict and "Meet" in verdict


def test_no_alarm_sign_is_neutral_and_says_when_to_call(widget):
    enter(widget, pads="1", temperature="37")
    classes, verdict, _ = advice(widget)
    assert "geen-alarm" in classes
    assert "Bel toch" in verdict and "koorts" in verdict
    colour = widget.locator(".miskraam-verdict").evaluate(
        "el => getComputedStyle(el).borderLeftColor")
    red, green, blue = (int(part) for part in colour[colour.index("(") + 1:-1].split(",")[:3])
    assert green - max(red, blue) < 30, f"de rand is groen ({colour}): dat stelt gerust"


def test_errors_stand_beside_the_advice(widget):
    enter(widget, pads="veel", temperature="warm", ticks={"ongerust"})
    _, verdict, messages = advice(widget)
    assert "Bel nu" in verdict
    assert messages.count("is geen getal") == 2
    assert widget.locator(".miskraam-verdict").is_visible()


def test_without_javascript_the_signs_are_listed(html):
    page = (HTML / PAGE).read_text(encoding="utf-8")
    static = page[page.index("miskraam-alarm-static"):]
    for sign in alarm_signs().signs:
        assert sign.reason in static


def test_the_alarm_list_is_on_the_first_screen_of_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(f"{server}/{PAGE}", wait_until="networkidle")
        first = tab.locator(".miskraam-alarm li").first.bounding_box()
        assert first["y"] + first["height"] <= 844, f"eerste alarmsignaal op {first['y']} px"
    finally:
        context.close()


def notice_of(page_html: str) -> str:
    start = page_html.index('<p class="miskraam-notice">')
    return page_html[start:page_html.index("</p>", start)]


def test_every_page_names_the_112_signs_and_links_to_the_alarm_page(html):
    from .conftest import content_pages

    signs_112 = [sign.notice for sign in alarm_signs().of_level("112")]
    for page in content_pages(html):
        notice = notice_of(page.read_text(encoding="utf-8"))
        assert "Bel 112 bij" in notice, page
        assert all(words in notice for words in signs_112), (page, notice)
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


def test_unreadable_input_alone_never_says_no_alarm_sign(widget):
    for entries in ({"pads": "veel"}, {"pads": "1", "temperature": "warm"},
                    {"pads": "1", "temperature": "385"}):
        enter(widget, **entries)
        classes, verdict, messages = advice(widget)
        assert "geen alarmsignaal" not in verdict, (entries, verdict)
        assert "Twijfel je? Bel" in verdict, (entries, verdict)
    assert "Bedoel je 38,5" in messages, messages


def test_before_anything_is_entered_it_invites_and_says_when_to_call(widget):
    enter(widget)
    _, verdict, messages = advice(widget)
    assert "geen alarmsignaal" not in verdict and messages == ""
    assert "Vul hierboven in wat je merkt" in verdict and "Bel" in verdict


def test_112_is_a_number_a_phone_can_call_and_looks_different(widget):
    enter(widget, pads="1", temperature="37", ticks={"ongerust"})
    call_now = widget.locator(".miskraam-verdict").evaluate(
        "el => getComputedStyle(el).backgroundColor")
    enter(widget, pain="heel-erg")
    link = widget.locator(".miskraam-verdict a[href='tel:112']")
    assert link.inner_text().startswith("Bel nu 112")
    call_112 = widget.locator(".miskraam-verdict").evaluate(
        "el => getComputedStyle(el).backgroundColor")
    assert call_112 != call_now, "112 ziet er hetzelfde uit als 'bel je verloskundige'"


def test_the_advice_is_on_screen_where_she_fills_in(widget):
    # she chooses the pain level, high in the form: the advice must be visible at once
    widget.locator("select").scroll_into_view_if_needed()
    enter(widget, pain="heel-erg")
    widget.locator("select").scroll_into_view_if_needed()
    box = widget.locator(".miskraam-verdict").bounding_box()
    height = widget.page.viewport_size["height"]
    assert box["y"] >= 0 and box["y"] + min(box["height"], 120) <= height, box
