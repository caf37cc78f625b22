"""Self-test questions as a reader meets them: a small project (tests/roots/test-quiz) with every
kind of question, a nascholing result and the progress overview, built once and opened from
file:// in headless Chromium at phone width, by mouse and by keyboard, with storage allowed and
blocked, with and without JavaScript. Build errors for a bad question are checked in-process."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from sphinx.testing.util import SphinxTestApp

from miskraam.facts import registry

from .conftest import QUIZ_PHONE, ROOTS

PHONE = QUIZ_PHONE
# as a browser that blocks storage: every use of localStorage throws (the property itself stays
# replaceable, as a Window attribute is)
BLOCK_STORAGE = """Object.defineProperty(window, 'localStorage', { configurable: true,
    get() { throw new DOMException('opslag geblokkeerd', 'SecurityError'); } });"""



@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("quiz") / "html"
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going",
                             "-q", str(ROOTS / "test-quiz"), str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return out


@pytest.fixture
def page(quiz_tab, quiz_site):
    return quiz_tab


def url(site: Path, name: str) -> str:
    return (site / f"{name}.html").as_uri()


def outcome(tab, name: str) -> str:
    return tab.locator(f"#vraag-{name} .miskraam-vraag-uitslag").inner_text()


def visible_feedback(tab, name: str) -> list[str]:
    texts = tab.locator(f"#vraag-{name} .miskraam-optie-uitleg").all_inner_texts()
    return [text.strip() for text in texts if text.strip()]


# --- by mouse and keyboard -------------------------------------------------------------------

def option(tab, name: str, text: str):
    """An option's control, found by what its label says (the book shuffles the options)."""
    return tab.locator(f"#vraag-{name} .miskraam-optie", has_text=text).locator("input")


def right_controls(tab, name: str) -> list[str]:
    """The ids of the right options' controls, in the order the page shows them."""
    return tab.locator(f"#vraag-{name} .miskraam-optie[data-goed='1'] input").evaluate_all(
        "controls => controls.map(c => c.id)")


@pytest.mark.browser
def test_feedback_is_hidden_until_checked_then_explains_every_option(page, quiz_site):
    page.goto(url(quiz_site, "vragen"))
    assert not page.locator("#vraag-proef-enkel .miskraam-optie-uitleg").first.is_visible()
    option(page, "proef-enkel", "Zwaar tillen").check()  # wrong
    page.locator("#vraag-proef-enkel button").click()
    assert outcome(page, "proef-enkel").startswith("Niet goed")
    feedback = visible_feedback(page, "proef-enkel")
    assert len(feedback) == 3
    assert any("Daarvoor is geen bewijs." in text for text in feedback)
    assert sum(text.startswith("Goed antwoord.") for text in feedback) == 1
    page.locator(f"#{right_controls(page, 'proef-enkel')[0]}").check()
    page.locator("#vraag-proef-enkel button").click()
    assert outcome(page, "proef-enkel") == "Goed."


def active_id(tab) -> str:
    return tab.evaluate("document.activeElement.id || document.activeElement.textContent")


@pytest.mark.browser
def test_a_question_can_be_answered_with_the_keyboard_alone(page, quiz_site):
    page.goto(url(quiz_site, "vragen"))
    radios = page.locator("#vraag-proef-enkel input").evaluate_all("c => c.map(x => x.id)")
    right = right_controls(page, "proef-enkel")[0]
    page.locator(f"#{radios[0]}").focus()
    if right == radios[0]:
        page.keyboard.press("Space")
    for _ in range(radios.index(right)):
        page.keyboard.press("ArrowDown")  # moves to and selects the next option
    page.keyboard.press("Enter")  # submits the form
    assert outcome(page, "proef-enkel") == "Goed."

    boxes = page.locator("#vraag-proef-meer input").evaluate_all("c => c.map(x => x.id)")
    right = right_controls(page, "proef-meer")
    page.locator(f"#{boxes[0]}").focus()
    for _ in range(20):  # Tab through the options (and any link in a label) to the button
        if active_id(page) in right:
            page.keyboard.press("Space")
        if active_id(page) == "Controleer":
            break
        page.keyboard.press("Tab")
    assert active_id(page) == "Controleer"
    page.keyboard.press("Enter")
    assert outcome(page, "proef-meer") == "Goed."


@pytest.mark.browser
def test_an_option_may_hold_a_registry_figure(page, quiz_site):
    page.goto(url(quiz_site, "vragen"))
    label = page.locator('label[for="vraag-proef-meer-3"]').inner_text()
    assert registry()["bloedverlies-16-weken"].wording in label


def test_an_option_and_its_feedback_are_myst_with_every_character_escaped(quiz_site):
    """MyST parses a question's answers as any text of the page: emphasis, a registry figure
    (a link to the appendix), a feedback of two paragraphs; HTML's own characters are text."""
    page = (quiz_site / "opmaak.html").read_text(encoding="utf-8")
    question = BeautifulSoup(page, "html.parser").select_one("#vraag-proef-opmaak")
    right = question.select_one(".miskraam-optie[data-goed='1']")
    label = right.label
    assert label.em.get_text() == "nadruk"
    assert label.select_one("a[href^='kerngetallen.html#']").get_text() == (
        registry()["risico-na-hartactiviteit"].wording)
    # HTML's characters as text (the quotes curled by Sphinx's smart quotes, as on every page)
    assert label.get_text().endswith("a < b & “c” > d.")
    assert "a &lt; b &amp; “c” &gt; d." in str(label)
    # two paragraphs: wrapped, the verdict at the start of the first
    feedback = right.select_one(".miskraam-optie-uitleg")
    assert feedback.name == "div"
    first, second = feedback.find_all("p", recursive=False)
    assert first.strong.get_text() == "Goed antwoord."
    assert "miskraam-optie-oordeel" in first.strong["class"]
    assert [bold.get_text() for bold in first.find_all("strong")][1:] == ["vet"]
    assert registry()["bloedverlies-16-weken"].wording in first.a.get_text()
    assert "x < y & “z” > w." in first.get_text() and "x &lt; y &amp; “z” &gt; w." in str(first)
    assert second.get_text() == "Een tweede alinea van de uitleg."
    # one paragraph is the feedback's own <p>, as the page's script and CSS have it
    wrong = question.select_one(".miskraam-optie[data-goed='0'] .miskraam-optie-uitleg")
    assert wrong.name == "p" and wrong.strong.get_text() == "Niet goed."


def test_the_pass_mark_in_prose_is_the_setting(quiz_site):
    page = (quiz_site / "eindtoets.html").read_text(encoding="utf-8")
    assert '<span class="miskraam-cesuur">70%</span>' in page


@pytest.mark.browser
def test_a_feedback_of_two_paragraphs_shows_whole_when_checked(page, quiz_site):
    page.goto(url(quiz_site, "opmaak"))
    feedback = page.locator("#vraag-proef-opmaak .miskraam-optie[data-goed='1'] "
                            ".miskraam-optie-uitleg")
    assert not feedback.is_visible()
    option(page, "proef-opmaak", "Een gewoon antwoord").check()
    page.locator("#vraag-proef-opmaak button").click()
    assert feedback.is_visible()
    shown = feedback.inner_text()
    assert shown.startswith("Goed antwoord.") and "Een tweede alinea" in shown


# Which set of options is right, each message for what is not an answer yet, the reading of
# a number ("45 vrouwen", "1.000"), the record, the score and the pass mark are logic:
# tests/js/quiz.test.mjs and tests/js/number-answer.test.mjs, in Node. Here: the page.


@pytest.mark.browser
def test_a_number_question_takes_its_answer_from_the_registry(page, quiz_site):
    expected = int(registry()["risico-na-hartactiviteit"].per_100() * 200 / 100)
    page.goto(url(quiz_site, "vragen"))
    field = page.locator("#vraag-proef-getal-getal")
    button = page.locator("#vraag-proef-getal button")
    button.click()
    assert outcome(page, "proef-getal") == "Vul eerst een getal in."
    assert not page.locator("#vraag-proef-getal .miskraam-vraag-uitleg").is_visible()
    field.fill(str(expected + 1))
    button.click()
    assert outcome(page, "proef-getal").startswith(f"Nog niet: {expected + 1} vrouwen")
    assert f"Het goede antwoord is {expected} vrouwen." in page.locator(
        "#vraag-proef-getal .miskraam-vraag-uitleg").inner_text()
    field.fill(f" {expected} vrouwen")  # with the unit, as a reader may type it
    field.press("Enter")
    assert outcome(page, "proef-getal") == f"Goed: {expected} vrouwen."


@pytest.mark.browser
def test_an_order_question_is_shuffled_and_checked_by_place(page, quiz_site):
    page.goto(url(quiz_site, "vragen"))
    items = page.locator("#vraag-proef-volgorde .miskraam-optie")
    shown = [items.nth(i).locator("label").inner_text() for i in range(items.count())]
    right = ["De cliënt belt.", "Je vraagt naar alarmsignalen.", "Je plant een echo."]
    assert sorted(shown) == sorted(right) and shown != right
    page.locator("#vraag-proef-volgorde button").click()
    assert outcome(page, "proef-volgorde") == "Kies eerst bij elke stap een plaats."
    # a wrong order: every step says where it belongs
    for i in range(len(shown)):
        items.nth(i).locator("select").select_option(str(i + 1))
    page.locator("#vraag-proef-volgorde button").click()
    assert outcome(page, "proef-volgorde").startswith("Nog niet:")
    verdicts = [items.nth(i).locator(".miskraam-plaats-oordeel").inner_text()
                for i in range(len(shown))]
    for text, verdict in zip(shown, verdicts, strict=True):
        place = right.index(text) + 1
        shown_place = shown.index(text) + 1
        assert verdict == ("Goede plaats." if place == shown_place
                           else f"Hoort op plaats {place}.")
    for i, text in enumerate(shown):
        select = items.nth(i).locator("select")
        select.focus()
        select.select_option(str(right.index(text) + 1))
    page.locator("#vraag-proef-volgorde button").click()
    assert outcome(page, "proef-volgorde") == "Goed: de volgorde klopt."


# --- progress, storage, the overview --------------------------------------------------------

def answer_all_right(tab):
    tab.locator("#vraag-proef-enkel-2").check()
    tab.locator("#vraag-proef-enkel button").click()
    tab.locator("#vraag-proef-meer-1").check()
    tab.locator("#vraag-proef-meer-2").check()
    tab.locator("#vraag-proef-meer button").click()
    expected = registry()["risico-na-hartactiviteit"].per_100() * 2
    tab.locator("#vraag-proef-getal-getal").fill(str(int(expected)))
    tab.locator("#vraag-proef-getal button").click()


@pytest.mark.browser
def test_progress_survives_a_reload_shows_in_the_overview_and_clears(page, quiz_site):
    page.goto(url(quiz_site, "vragen"))
    answer_all_right(page)
    page.locator("#vraag-proef-enkel-1").check()  # a second try does not change the score
    page.locator("#vraag-proef-enkel button").click()
    score = page.locator(".miskraam-toets-score p")
    assert score.inner_text() == ("Je hebt 3 van de 4 vragen beantwoord; 3 goed "
                                  "(eerste poging).")
    page.reload()
    assert "3 van de 4 vragen beantwoord; 3 goed" in score.inner_text()
    page.goto(url(quiz_site, "overzicht"))
    stand = page.locator('.miskraam-toets-stand[data-toets="vragen"]')
    assert stand.inner_text() == "bezig: 3 van 4 beantwoord"
    assert page.locator('.miskraam-toets-stand[data-toets="eindtoets"]').inner_text() == (
        "nog niet gedaan")
    page.get_by_role("button", name="Wis mijn voortgang").click()
    page.get_by_role("button", name="Ja, wis alles").click()  # it asks first
    expect(stand).to_have_text("nog niet gedaan")
    page.goto(url(quiz_site, "vragen"))
    assert score.inner_text().startswith("Toets: 4 vragen.")


@pytest.mark.browser
def test_with_storage_blocked_the_questions_work_and_the_page_says_so(browser, quiz_site):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(BLOCK_STORAGE)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url(quiz_site, "vragen"))
    answer_all_right(tab)
    assert outcome(tab, "proef-getal").startswith("Goed")
    assert "3 goed" in tab.locator(".miskraam-toets-score p").inner_text()
    tab.goto(url(quiz_site, "overzicht"))
    assert "bewaart niets" in tab.locator(".miskraam-toets-opslag").inner_text()
    context.close()
    assert not errors, errors


@pytest.mark.browser
def test_without_javascript_every_answer_and_its_feedback_shows(browser, quiz_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(url(quiz_site, "vragen"))
    assert len(visible_feedback(tab, "proef-enkel")) == 3
    assert tab.locator("#vraag-proef-volgorde .miskraam-vraag-uitleg").is_visible()
    context.close()


# --- the nascholing result ------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize(("answers", "percent", "passed"), [((1, 1), 100, True),
                                                            ((1, 2), 50, False)])
def test_the_result_computes_score_and_pass_mark(page, quiz_site, answers, percent, passed):
    page.goto(url(quiz_site, "eindtoets"))
    result = page.locator(".miskraam-toetsuitslag")
    assert "Beantwoord: 0 van de 2" in result.inner_text()
    for number, option in enumerate(answers, start=1):
        page.locator(f"#vraag-eind-{number}-{option}").check()
        page.locator(f"#vraag-eind-{number} button").click()
    text = result.inner_text()
    right = answers.count(1)
    assert f"Je score is {right} van de 2 goed ({percent}%)" in text
    assert "De cesuur is 70%: geslaagd bij 2 van de 2" in text
    assert text.startswith("Geslaagd.") == passed and ("Nog niet geslaagd." in text) != passed
    assert re.search(r"diagnose\s+\d van 1", text) and re.search(r"beleid\s+\d van 1", text)
    proof = page.locator(".miskraam-uitslag-live .miskraam-bewijs")
    assert proof.count() == (1 if passed else 0)
    if passed:
        page.get_by_label("Je naam, zoals hij op het bewijs moet staan").fill("Anna de Vries")
        shown = proof.inner_text()
        for part in ("Anna de Vries", "2 van de 2 vragen goed (100%)", "0.9-test", "Datum"):
            assert part in shown
        assert "kwaliteitsregister" in shown.lower()
        # the name survives the result being drawn again (a question checked once more)
        page.locator("#vraag-eind-1 button").click()
        assert page.get_by_label("Je naam, zoals hij op het bewijs moet staan").input_value() == (
            "Anna de Vries")
        assert "Anna de Vries" in proof.inner_text()
        # printing shows the proof alone, on one page, and puts the page back after
        page.evaluate("() => { window.print = () => {}; }")
        page.get_by_role("button", name="Druk het bewijs af").click()
        page.emulate_media(media="print")
        shown_in_print = page.evaluate("""() => [...document.body.children]
            .filter(el => getComputedStyle(el).display !== 'none').map(el => el.id)""")
        assert shown_in_print == ["miskraam-bewijs-afdruk"]
        page.emulate_media(media="screen")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        assert page.locator("#miskraam-bewijs-afdruk").count() == 0
        # the study load is the one computed for the whole course, as the overview page says
        load = re.search(r"([\d,]+) uur \(voor de hele cursus", shown)
        page.goto(url(quiz_site, "overzicht"))
        assert load and f"Studielast: {load.group(1)} uur." in page.locator("body").inner_text()


# --- build errors ---------------------------------------------------------------------------

#: (question id, its options and text, the Dutch error it must give); all on one page, built once
BAD = [
    ("zonder-uitleg", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n- [ ] Nee.\n  Uitleg.",
     "antwoord 1 ('Ja.') heeft geen uitleg"),
    ("soort-onbekend", ":soort: kies\n\nVraag?", "':soort: kies' is onbekend"),
    ("?", ":soort: enkel\n\nVraag?", "':id:' ontbreekt"),
    ("twee-goed", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n  U.\n- [x] Nee.\n  U.",
     "'enkel' heeft precies één goed antwoord"),
    ("meer-zonder-goed", ":soort: meer\n\nVraag?\n\n- [ ] Ja.\n  U.\n- [ ] Nee.\n  U.",
     "'meer' heeft minstens één goed antwoord"),
    ("een-antwoord", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n  U.",
     "een keuzevraag heeft minstens twee antwoorden"),
    ("geen-antwoorden", ":soort: enkel\n\nVraag?", "geen antwoorden gevonden"),
    ("geen-stam", ":soort: enkel\n\n- [x] Ja.\n  U.\n- [ ] Nee.\n  U.",
     "de vraag zelf ontbreekt"),
    ("tekst-erna", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n  U.\n- [ ] Nee.\n  U.\n\nNog een zin.",
     "na de antwoorden volgt nog tekst: 'Nog een zin.'"),
    ("lijst-erna", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n  U.\n- [ ] Nee.\n  U.\n\n"
     "* Nog een lijst.", "na de antwoorden volgt nog tekst: 'Nog een lijst.'"),
    ("zonder-vakje", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n  U.\n- Nee.\n  U.",
     "antwoord 2 begint niet met '[x] ' of '[ ] '"),
    ("opmaak-over-regel", ":soort: enkel\n\nVraag?\n\n- [x] *Ja\n  U.*\n- [ ] Nee.\n  U.",
     "antwoord 1: de opmaak loopt door op de volgende regel"),
    ("getal-met-antwoorden", ":soort: getal\n:feit: risico-na-hartactiviteit\n\nVraag?\n\n"
     "- [x] 5.\n  U.\n\n+++\nUitleg.", "een getalvraag heeft geen antwoordregels"),
    ("feit-onbekend", ":soort: getal\n:feit: bestaat-niet\n\nVraag?\n\n+++\nUitleg.",
     "':feit: bestaat-niet' is geen record"),
    ("getal-zonder-uitleg", ":soort: getal\n:feit: risico-na-hartactiviteit\n\nVraag?",
     "een getalvraag heeft een uitleg nodig"),
    ("getal-bereik", ":soort: getal\n:feit: curettage-duur\n\nVraag?\n\n+++\nUitleg.",
     "'curettage-duur' is een bereik"),
    ("getal-van-tekst", ":soort: getal\n:feit: risico-na-hartactiviteit\n:van: veel\n\nVraag?"
     "\n\n+++\nUitleg.", "':van:' en ':marge:' zijn getallen"),
    ("getal-niet-heel", ":soort: getal\n:feit: risico-na-hartactiviteit\n:van: 7\n:heel:\n\n"
     "Vraag?\n\n+++\nUitleg.", "het antwoord (0,35) is geen heel getal"),
    ("twee-stappen", ":soort: volgorde\n\nVraag?\n\n- Een.\n- Twee.\n\n+++\nUitleg.",
     "een volgordevraag heeft minstens drie stappen"),
    ("volgorde-zonder-uitleg", ":soort: volgorde\n\nVraag?\n\n- Een.\n- Twee.\n- Drie.",
     "een volgordevraag heeft een uitleg nodig"),
    ("stap-twee-alineas", ":soort: volgorde\n\nVraag?\n\n- Een.\n\n  Meer.\n- Twee.\n"
     "- Drie.\n\n+++\nUitleg.", "stap 1 is leeg of meer dan één alinea"),
    # key-feature steps (Page & Bordage): "kies maximaal N", harmful options, the case's name
    ("maximaal-bij-enkel", ":soort: enkel\n:maximaal: 2\n\nVraag?\n\n- [x] Ja.\n  U.\n"
     "- [ ] Nee.\n  U.\n- [ ] Soms.\n  U.", "':maximaal:' hoort bij een vraag met ':soort: meer'"),
    ("maximaal-onder-de-sleutels", ":soort: meer\n:maximaal: 1\n\nVraag?\n\n- [x] A.\n  U.\n"
     "- [x] B.\n  U.\n- [ ] C.\n  U.", "':maximaal: 1' moet een heel getal zijn van minstens het "
     "aantal goede antwoorden (2)"),
    ("maximaal-alles", ":soort: meer\n:maximaal: 3\n\nVraag?\n\n- [x] A.\n  U.\n"
     "- [x] B.\n  U.\n- [ ] C.\n  U.", "':maximaal: 3' moet een heel getal zijn van minstens het "
     "aantal goede antwoorden (2) en kleiner dan het aantal antwoorden (3)"),
    ("schadelijk-en-goed", ":soort: enkel\n:schadelijk: 1\n\nVraag?\n\n- [x] Ja.\n  U.\n"
     "- [ ] Nee.\n  U.", "':schadelijk:' noemt een goed antwoord ([x])"),
    ("schadelijk-buiten", ":soort: enkel\n:schadelijk: 2, 5\n\nVraag?\n\n- [x] Ja.\n  U.\n"
     "- [ ] Nee.\n  U.", "':schadelijk: 2, 5' noemt de nummers van antwoorden (1 tot en met 2"),
    ("casus-met-spatie", ":soort: enkel\n:casus: Casus 1\n\nVraag?\n\n- [x] Ja.\n  U.\n"
     "- [ ] Nee.\n  U.", "':casus: Casus 1' is geen naam als 'casus-1'"),
    ("dubbel", ":soort: enkel\n\nVraag?\n\n- [x] Ja.\n  U.\n- [ ] Nee.\n  U.",
     "deze ':id:' staat al op deze pagina"),
]


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """The warnings of one in-process build of the test project with every bad question on
    its question page (the first 'dubbel' is a good question, the second its double)."""
    source = tmp_path_factory.mktemp("fout") / "bron"
    shutil.copytree(ROOTS / "test-quiz", source)
    blocks = [f"```{{vraag}}\n{'' if name == '?' else f':id: {name}' + chr(10)}{body}\n```"
              for name, body, _ in [BAD[-1], *BAD]]
    (source / "vragen.md").write_text("# Vragen\n\n" + "\n\n".join(blocks) + "\n",
                                      encoding="utf-8")
    warnings = io.StringIO()
    app = SphinxTestApp("html", srcdir=source, status=io.StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return warnings.getvalue()


@pytest.mark.parametrize(("name", "expected"), [(name, expected) for name, _, expected in BAD])
def test_a_bad_question_is_a_dutch_build_error_naming_page_and_question(bad_build, name,
                                                                        expected):
    assert f"vraag '{name}' op pagina 'vragen': {expected}" in bad_build, bad_build


def test_only_the_bad_questions_are_refused(bad_build):
    refused = re.findall(r"vraag '([^']+)' op pagina", bad_build)
    assert sorted(refused) == sorted(name for name, _, _ in BAD)


def test_a_unit_is_written_as_text_not_as_html(make_app, tmp_path):
    """A question's values reach the page escaped: a unit with HTML's own characters is shown
    as typed, and cannot open an element of its own."""
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-quiz", source)
    (source / "vragen.md").write_text(
        "# Vragen\n\n```{vraag}\n:id: a\n:soort: getal\n:feit: afwachten-binnen-3-weken\n"
        ":van: 50\n:heel:\n:eenheid: <i>vrouwen</i> & \"meer\"\n\nBij hoeveel van 50?\n\n+++\n"
        "Uitleg.\n```\n", encoding="utf-8")
    app = make_app("html", srcdir=source)
    app.build()
    page = (Path(app.outdir) / "vragen.html").read_text(encoding="utf-8")
    assert "<i>vrouwen</i>" not in page
    assert "Jouw antwoord (&lt;i&gt;vrouwen&lt;/i&gt; &amp; &quot;meer&quot;)" in page
