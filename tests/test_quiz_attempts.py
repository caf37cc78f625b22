"""The self-tests as readers use them, in the built book in Chromium (issue 18): each attempt
shows the options of a choice question in its own order, kept across a reload; a reload shows
her answers and their feedback again; wiping asks first, by keyboard and with a name a screen
reader says; a number answer with words around it is read as its number; the long nascholing
test counts what she has answered. The logic behind it (the shuffle, the record, the reading of
numbers) is tested in Node: tests/js/quiz-shuffle.test.mjs, dutch-numbers.test.mjs,
number-answer.test.mjs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import NASCHOLING, QUIZ_PHONE, open_ready

pytestmark = [pytest.mark.build, pytest.mark.browser]

PHONE = QUIZ_PHONE
CHAPTER = "book/deel1/wanneer-bellen"
PROGRESS = "book/nascholing/voortgang"
FORM = re.compile(r'<form class="miskraam-vraag"[^>]*data-vraag="(?P<name>[^"]+)"[^>]*>'
                  r"(?P<body>.*?)</form>", re.S)

#: the shown order of every choice question shown (drawn): {question: [option values]}
SHOWN_ORDERS = """() => Object.fromEntries([...document.querySelectorAll(
    'form.miskraam-vraag[data-soort=enkel]:not([hidden]), '
    + 'form.miskraam-vraag[data-soort=meer]:not([hidden])')]
  .map(f => [f.dataset.vraag,
              [...f.querySelectorAll('.miskraam-optie input')].map(i => i.value)]))"""


@pytest.fixture
def tab(quiz_tab):
    return quiz_tab


def built_orders(html, name: str) -> dict[str, list[str]]:
    """The options' order as the book is built (no script): what no-JS readers and print get."""
    page = (html / f"{name}.html").read_text(encoding="utf-8")
    return {match["name"]: re.findall(r'<input type="(?:radio|checkbox)"[^>]*value="(\d+)"',
                                      match["body"])
            for match in FORM.finditer(page) if 'type="radio"' in match["body"]
            or 'type="checkbox"' in match["body"]}


def form(tab, name: str):
    return tab.locator(f"#vraag-{name}")


def outcome(tab, name: str) -> str:
    return form(tab, name).locator(".miskraam-vraag-uitslag").inner_text()


#: a question of this attempt that she can answer again (not a case's step, which locks)
SHOWN_SINGLE = "form.miskraam-vraag:not([hidden]):not([data-casus])"


def first_of(tab, kind: str) -> str:
    return tab.locator(f"{SHOWN_SINGLE}[data-soort={kind}]").first.get_attribute("data-vraag")


def answer(tab, name: str, right: bool) -> None:
    """Answer one question right or wrong, as a reader does, and check it."""
    question = form(tab, name)
    kind = question.get_attribute("data-soort")
    options = question.locator(".miskraam-optie")
    if kind in ("enkel", "meer"):
        chosen = False
        for i in range(options.count()):
            good = options.nth(i).get_attribute("data-goed") == "1"
            if (good == right) and (kind == "meer" or not chosen):
                options.nth(i).locator("input").check()
                chosen = True
    elif kind == "volgorde":
        count = options.count()
        for i in range(count):
            place = int(options.nth(i).get_attribute("data-plaats"))
            chosen = place if right else count + 1 - place
            options.nth(i).locator("select").select_option(str(chosen))
    else:
        value = float(question.get_attribute("data-antwoord"))
        margin = float(question.get_attribute("data-marge") or 0)
        number = value if right else int(value + margin) + 7
        question.locator("input[inputmode=decimal]").fill(f"{number:g}".replace(".", ","))
    question.locator("button[type=submit]").click()
    assert outcome(tab, name).startswith("Goed") == right, outcome(tab, name)


def state_of(tab, name: str) -> dict:
    """What a reader sees of a question: its controls' values, its verdict, its feedback."""
    question = form(tab, name)
    return {
        "values": question.locator("input, select").evaluate_all(
            "cs => cs.map(c => c.type === 'radio' || c.type === 'checkbox' ? c.checked : c.value)"),
        "outcome": outcome(tab, name),
        "classes": sorted(set(question.get_attribute("class").split()) - {"miskraam-vraag"}),
        "feedback": [text for text in question.locator(
            ".miskraam-optie-uitleg, .miskraam-vraag-uitleg, .miskraam-plaats-oordeel"
        ).all_inner_texts() if text.strip()],
    }


# --- options shuffled per attempt ------------------------------------------------------------

def test_each_attempt_shows_the_options_in_its_own_order_kept_across_a_reload(tab, server, html):
    built = built_orders(html, NASCHOLING)
    assert len(built) >= 20
    open_ready(tab, f"{server}/{NASCHOLING}.html")
    shown = tab.evaluate(SHOWN_ORDERS)
    assert len(shown) >= 20 and shown.keys() <= built.keys()
    for name, order in shown.items():
        assert sorted(order) == sorted(built[name]), name
    # thirty questions or more: the page's order is not the built one (by chance: 1 in 6^30)
    assert shown != built
    open_ready(tab, "", reload=True)
    assert tab.evaluate(SHOWN_ORDERS) == shown  # the same attempt: the same order
    # a new attempt: a new order
    tab.get_by_role("button", name="Begin opnieuw", exact=True).click()
    tab.get_by_role("button", name="Ja, wis mijn antwoorden").click()
    # the dialog answers through a promise: wait for the new attempt's order
    tab.wait_for_function(
        f"(shown) => JSON.stringify(({SHOWN_ORDERS})()) !== JSON.stringify(shown)", arg=shown)
    again = tab.evaluate(SHOWN_ORDERS)
    assert again != shown
    open_ready(tab, "", reload=True)
    assert tab.evaluate(SHOWN_ORDERS) == again


def test_without_javascript_the_built_order_stays(browser, server, html):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{NASCHOLING}.html")
    assert page.evaluate(SHOWN_ORDERS) == built_orders(html, NASCHOLING)
    context.close()


def test_the_keyboard_follows_the_shown_order(tab, server):
    # a chapter's test: it has both kinds on every visit (a nascholing attempt may draw no
    # multiple-answer single)
    open_ready(tab, f"{server}/{CHAPTER}.html")
    name = first_of(tab, "enkel")
    radios = form(tab, name).locator("input").evaluate_all("cs => cs.map(c => c.id)")
    tab.locator(f"#{radios[0]}").focus()
    for following in radios[1:]:
        tab.keyboard.press("ArrowDown")  # the next radio button on the screen
        assert tab.evaluate("document.activeElement.id") == following
    boxes = form(tab, first_of(tab, "meer")).locator("input").evaluate_all(
        "cs => cs.map(c => c.id)")
    tab.locator(f"#{boxes[0]}").focus()
    reached = [boxes[0]]
    while len(reached) < len(boxes):
        tab.keyboard.press("Tab")
        focused = tab.evaluate("document.activeElement.id")
        if focused in boxes:
            reached.append(focused)
    assert reached == boxes
    # each label still names its own box, wherever the option stands
    for box in boxes:
        assert tab.locator(f'label[for="{box}"]').evaluate(
            "l => l.closest('.miskraam-optie').querySelector('input').id") == box


# --- answers back after a reload -------------------------------------------------------------

@pytest.mark.parametrize(("page_name", "kinds"), [
    (CHAPTER, ["enkel", "meer", "getal"]), ("book/deel3/counseling", ["enkel", "meer", "volgorde"]),
    (NASCHOLING, None)], ids=["hoofdstuk", "hoofdstuk-volgorde", "nascholing"])
def test_answers_and_their_feedback_come_back_after_a_reload(tab, server, page_name, kinds):
    open_ready(tab, f"{server}/{page_name}.html")
    if kinds is None:  # the nascholing: the kinds this attempt drew (chance: the chapters'
        # variants above cover every kind on every run)
        kinds = [kind for kind in ("enkel", "meer", "getal", "volgorde")
                 if tab.locator(f"{SHOWN_SINGLE}[data-soort={kind}]").count()]
        assert "enkel" in kinds, kinds
    names = [first_of(tab, kind) for kind in kinds]
    for number, name in enumerate(names):
        answer(tab, name, right=number % 2 == 1)
    # a second try after the feedback: the page shows the last one, the score the first
    answer(tab, names[0], right=True)
    before = {name: state_of(tab, name) for name in names}
    score = tab.locator(".miskraam-toets-score p").inner_text()
    open_ready(tab, "", reload=True)
    after = {name: state_of(tab, name) for name in names}
    assert after == before
    for name in names:
        assert "is-checked" in after[name]["classes"] and after[name]["feedback"], name
        shown = form(tab, name).locator(".miskraam-optie-uitleg, .miskraam-vraag-uitleg")
        assert shown.first.is_visible(), name
    assert tab.locator(".miskraam-toets-score p").inner_text() == score
    # a question she did not answer stays empty
    untouched = tab.locator("form.miskraam-vraag:not(.is-checked)").first
    assert untouched.locator(".miskraam-vraag-uitslag").inner_text() == ""


# --- a question before wiping ----------------------------------------------------------------

def test_begin_opnieuw_asks_first_and_escape_keeps_everything(tab, server):
    open_ready(tab, f"{server}/{CHAPTER}.html")
    name = first_of(tab, "enkel")
    answer(tab, name, right=False)
    kept = state_of(tab, name)
    score = tab.locator(".miskraam-toets-score p").inner_text()
    again = tab.get_by_role("button", name="Begin opnieuw", exact=True)
    again.focus()
    tab.keyboard.press("Enter")
    dialog = tab.get_by_role("dialog", name=re.compile("opnieuw beginnen"))
    expect(dialog).to_be_visible()
    assert dialog.evaluate("d => d.matches(':modal')")  # the page behind it is inert
    # the safe choice has the focus: Enter would keep everything
    assert tab.evaluate("document.activeElement.textContent") == "Nee, ga terug"
    tab.keyboard.press("Escape")
    expect(tab.get_by_role("dialog")).to_have_count(0)
    assert tab.evaluate("document.activeElement.textContent") == "Begin opnieuw"
    assert state_of(tab, name) == kept
    assert tab.locator(".miskraam-toets-score p").inner_text() == score
    # "Nee, ga terug" by keyboard keeps everything too
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("dialog")).to_be_visible()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("dialog")).to_have_count(0)
    assert state_of(tab, name) == kept
    # and "Ja" wipes: by Tab and Enter
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("dialog")).to_be_visible()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Ja, wis mijn antwoorden"
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("dialog")).to_have_count(0)
    expect(tab.locator(".miskraam-toets-score p")).to_have_text(re.compile("^Toets:"))
    assert outcome(tab, name) == ""
    open_ready(tab, "", reload=True)
    assert outcome(tab, name) == ""


def test_wis_mijn_voortgang_asks_first(tab, server):
    open_ready(tab, f"{server}/{CHAPTER}.html")
    answer(tab, first_of(tab, "enkel"), right=True)
    open_ready(tab, f"{server}/{PROGRESS}.html")
    stand = tab.locator(f'.miskraam-toets-stand[data-toets="{CHAPTER}"]')
    assert stand.inner_text().startswith("bezig:")
    tab.get_by_role("button", name="Wis mijn voortgang").click()
    dialog = tab.get_by_role("dialog", name=re.compile("voortgang wissen"))
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Nee, ga terug").click()
    expect(tab.get_by_role("dialog")).to_have_count(0)
    assert stand.inner_text().startswith("bezig:")
    tab.get_by_role("button", name="Wis mijn voortgang").click()
    tab.get_by_role("button", name="Ja, wis alles").click()
    expect(stand).to_have_text("nog niet gedaan")
    expect(tab.locator(".miskraam-toets-opslag")).to_have_text("Je voortgang is gewist.")


# --- number answers with words ---------------------------------------------------------------

def test_a_number_answer_with_words_is_read_and_two_numbers_are_asked_again(tab, server):
    open_ready(tab, f"{server}/{CHAPTER}.html")
    name = first_of(tab, "getal")
    question = form(tab, name)
    field = question.locator("input[inputmode=decimal]")
    answer_text = f"{float(question.get_attribute('data-antwoord')):g}".replace(".", ",")
    score = tab.locator(".miskraam-toets-score p")
    for typed, says in [(f"{answer_text} of {answer_text}0", "meer dan één getal"),
                        (f"meer dan {answer_text}", 'zonder "meer"'),
                        ("een paar", "geen getal")]:
        field.fill(typed)
        field.press("Enter")
        assert says in outcome(tab, name), (typed, outcome(tab, name))
        assert "NaN" not in outcome(tab, name)
        assert score.inner_text().startswith("Toets:")  # not an answer: nothing scored
    field.fill(f"  ongeveer {answer_text} per uur ")
    field.press("Enter")
    assert outcome(tab, name).startswith(f"Goed: {answer_text}")


# --- the running count -----------------------------------------------------------------------

def test_the_long_test_counts_what_she_has_answered(tab, server):
    open_ready(tab, f"{server}/{NASCHOLING}.html")
    total = tab.evaluate("(key) => JSON.parse(localStorage.getItem(key)).trekking.length",
                         f"miskraam-toets:{NASCHOLING}")
    count = tab.get_by_role("status").filter(has_text=re.compile(r"^\d+ van \d+ beantwoord$"))
    assert count.inner_text() == f"0 van {total} beantwoord"
    # while she is halfway, it stands at the bottom of her screen
    middle = tab.locator(SHOWN_SINGLE).nth(total // 2)
    middle.scroll_into_view_if_needed()
    box = count.bounding_box()
    assert PHONE["height"] - 80 < box["y"] + box["height"] <= PHONE["height"] + 1, box
    # choosing is not answering: no change, nothing to announce
    number = first_of(tab, "enkel")
    form(tab, number).locator("input").first.focus()
    tab.keyboard.press("Space")
    assert count.inner_text() == f"0 van {total} beantwoord"
    answer(tab, first_of(tab, "enkel"), right=False)
    expect(count).to_have_text(f"1 van {total} beantwoord")
    answer(tab, first_of(tab, "enkel"), right=True)  # a second try is no new answer
    assert count.inner_text() == f"1 van {total} beantwoord"
    # another question of this attempt (which kinds it drew is chance: the second one-answer
    # question is always there, 30 of its 36 are singles)
    second = tab.locator(f"{SHOWN_SINGLE}[data-soort=enkel]").nth(1).get_attribute("data-vraag")
    answer(tab, second, right=True)
    expect(count).to_have_text(f"2 van {total} beantwoord")
    open_ready(tab, "", reload=True)
    assert count.inner_text() == f"2 van {total} beantwoord"
    # it takes no clicks from what it covers
    assert count.evaluate("el => getComputedStyle(el).pointerEvents") == "none"


def test_a_chapter_test_has_no_running_count(tab, server):
    open_ready(tab, f"{server}/{CHAPTER}.html")
    assert tab.locator(".miskraam-toets-teller").count() == 0
