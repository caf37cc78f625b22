"""One triage everywhere (issue 15): every page of the built book gives each alarm sign the
level written in book/data/alarmsignalen.yml, and the lists of signs are written from it.

tests/triage.py reads every sentence, every list, every self-test option and every open case
with its model answer, for the signs it names and the action it gives ("112", "bel",
"met spoed gezien"). The reader itself is tested first on sentences it must catch and
sentences it must let pass, so that a green run means something.
"""

from __future__ import annotations

import pytest

from .conftest import DATA, ROOT, content_pages
from .triage import hand_copies, period_measures, read_page, unhurried_calls


def findings(snippet: str) -> list[str]:
    return [str(finding) for finding in read_page("test.html", f"<body>{snippet}</body>")]


@pytest.mark.parametrize("snippet", [
    "<p>Word je duizelig? Bel dan 112.</p>",                       # dizziness alone is not 112
    "<p>Val je bijna flauw? Bel dan meteen je verloskundige.</p>",  # fainting is 112
    "<p>Ze heeft geen 112-signalen (flauwvallen, duizelig, heel erge pijn).</p>",
    "<p>Heb je hevige pijn, erger dan een menstruatie? Bel 112.</p>",
    "<p>Je merkt het aan:</p><ul><li>duizelig worden, vooral als je opstaat;</li></ul>"
    "<p>Heb je een van deze signalen? Bel dan 112.</p>",
    '<form class="miskraam-vraag"><div class="miskraam-vraag-stam"><p>Bij welke signalen belt '
    'ze 112?</p></div><div class="miskraam-optie" data-goed="1"><label>Ze wordt duizelig.'
    '</label></div></form>',
    '<div class="exercise" id="c"><section><p>Ze wordt draaierig en gaat zweten als ze opstaat.'
    '</p></section></div><div class="solution"><p class="admonition-title"><a href="#c">x</a>'
    '</p><section><p>Ze moet met spoed gezien worden. Valt ze flauw, dan belt ze 112.</p>'
    '</section></div>',
])
def test_the_reader_catches_a_sign_at_another_level(snippet):
    assert findings(snippet), snippet


@pytest.mark.parametrize("snippet", [
    "<p>Word je duizelig? Bel dan meteen je verloskundige.</p>",
    "<p>Ben je duizelig en ook klam of bleek? Bel dan 112.</p>",
    "<p>Blijf je duizelig als je ligt? Bel 112.</p>",
    "<p>Ze is niet duizelig en heeft geen koorts. Bel morgen terug.</p>",
    "<p>Vraag naar duizeligheid, zweten en flauwvallen; bel 112 bij flauwvallen.</p>",
    "<blockquote><p>bedreigde circulatie (duizeligheid): bel 112</p></blockquote>",
    '<form class="miskraam-vraag"><div class="miskraam-vraag-stam"><p>Bij welke signalen belt '
    'ze 112?</p></div><div class="miskraam-optie" data-goed="0"><label>Ze wordt duizelig.'
    '</label></div><div class="miskraam-optie" data-goed="1"><label>Ze valt flauw.</label>'
    '</div></form>',
])
def test_the_reader_lets_the_course_rule_pass(snippet):
    assert findings(snippet) == []


@pytest.mark.build
def test_every_page_gives_each_sign_the_level_of_the_rule(html):
    wrong = []
    for page in content_pages(html):
        wrong += [str(f) for f in read_page(str(page.relative_to(html)), page.read_text("utf-8"))]
    assert not wrong, (f"{len(wrong)} zinnen geven een signaal een ander niveau:\n"
                       + "\n".join(wrong))


@pytest.mark.build
def test_lists_of_alarm_signs_are_written_from_the_alarm_file(html):
    copies = []
    for page in content_pages(html):
        copies += hand_copies(str(page.relative_to(html)), page.read_text("utf-8"))
    assert not copies, ("lijsten van alarmsignalen met de hand geschreven; gebruik "
                        "{alarmzin}`112`, {alarmzin}`bel` of {alarmsignalen}:\n"
                        + "\n".join(copies))


@pytest.mark.build
def test_the_alarm_sentence_comes_from_the_alarm_file(html):
    from miskraam.alarm import alarm_signs

    page = (html / "book" / "index.html").read_text("utf-8")
    assert 'class="miskraam-alarmzin alarm-112"' in page or "miskraam-alarm" in page
    for sign in alarm_signs().of_level("112"):
        if sign.vraag:
            assert sign.vraag[1:] in (html / "book/deel1/wanneer-bellen.html").read_text("utf-8")


# Bleeding more (or longer) than her usual period: the NHG's measure for telephone triage, and
# the alarm sign meer-dan-menstruatie (review 4, M2) while it is not yet known that it is a
# miscarriage. The sign is recognised on every page and has the level "bel"; a sentence that tells
# her to call by it says when it holds (during a known miscarriage such bleeding is expected).
@pytest.mark.parametrize("snippet", [
    "<p>Verlies je meer bloed dan bij je gewone menstruatie? Bel dan 112.</p>",
    "<p>Bloedverlies dat langer duurt dan een menstruatie is een reden om 112 te bellen.</p>",
    '<form class="miskraam-vraag"><div class="miskraam-vraag-stam"><p>Bij welke signalen belt '
    'ze 112?</p></div><div class="miskraam-optie" data-goed="1"><label>Ze verliest meer bloed '
    'dan bij haar gewone menstruatie.</label></div></form>',
])
def test_the_reader_catches_the_period_sign_at_another_level(snippet):
    found = findings(snippet)
    assert found and all("meer-dan-menstruatie" in f for f in found), (snippet, found)


@pytest.mark.parametrize("snippet", [
    "<p>Verlies je meer bloed dan bij je gewone menstruatie, en weet je nog niet zeker dat het "
    "een miskraam is? Bel dan meteen je verloskundige.</p>",
    "<p>De NHG-Standaard noemt hevig bloedverlies (meer en/of langduriger dan bij haar "
    "gebruikelijke menstruatie) een indicatie voor een spoedbeoordeling.</p>",
])
def test_the_reader_lets_the_period_sign_at_its_level_pass(snippet):
    assert findings(snippet) == []


@pytest.mark.parametrize("snippet", [
    "<p>En krijg je meer bloedverlies dan een menstruatie, of word je duizelig? Bel ons dan "
    "meteen.</p>",
    "<p>Verliest ze meer bloed dan bij een gewone menstruatie, dan belt ze meteen.</p>",
    "<p>Bloedverlies dat langer duurt dan een menstruatie is een reden om met spoed gezien te "
    "worden.</p>",
])
def test_the_reader_catches_calling_by_a_period_without_its_condition(snippet):
    assert period_measures("test.html", f"<body>{snippet}</body>"), snippet


@pytest.mark.parametrize("snippet", [
    "<p>De NHG-Standaard noemt hevig bloedverlies (meer en/of langduriger dan bij haar "
    "gebruikelijke menstruatie) een indicatie voor een spoedbeoordeling.</p>",
    "<p>Verlies je meer bloed dan bij je gewone menstruatie, en was er nog geen echo? Bel dan "
    "meteen.</p>",
    "<p>Heb je meer pijn dan bij een zware menstruatie? Bel dan meteen.</p>",
    "<p>Verlies je veel bloed: meer dan 2 maandverbanden per uur? Bel dan meteen.</p>",
    "<p>Ze verliest wat bloed, minder dan een menstruatie. Bel morgen terug.</p>",
])
def test_the_reader_lets_the_period_sign_with_its_condition_pass(snippet):
    assert period_measures("test.html", f"<body>{snippet}</body>") == []


@pytest.mark.build
def test_calling_by_a_period_says_when_it_holds(html):
    found = []
    for page in content_pages(html):
        found += period_measures(str(page.relative_to(html)), page.read_text("utf-8"))
    assert not found, ("bellen bij 'meer (of langer) bloed dan een menstruatie' zonder te zeggen "
                       "dat dit geldt zolang niet vaststaat dat het een miskraam is (gebruik "
                       "{alarmzin}`bel`, of zeg 'zolang nog niet vaststaat dat het een miskraam "
                       "is'):\n" + "\n".join(found))


@pytest.mark.build
def test_the_period_sign_is_in_the_box_the_notice_and_the_widget(html):
    from miskraam.alarm import alarm_signs

    sign = alarm_signs().sign("meer-dan-menstruatie")
    assert sign.level == "bel" and sign.source == "nhg2017"
    page = (html / "book/deel1/wanneer-bellen.html").read_text("utf-8")
    assert 'value="meer-dan-menstruatie"' in page or "meer-dan-menstruatie" in page
    assert sign.notice in (html / "book/index.html").read_text("utf-8")


def test_the_notice_says_its_bel_list_is_not_all():
    from miskraam.alarm import alarm_signs
    from miskraam.theme.notice import notice_html

    notice = notice_html("wanneer-bellen.html")
    assert "onder meer" in notice
    assert any(not sign.notice for sign in alarm_signs().of_level("bel"))


# The level "bel" is "bel meteen": a sentence that tells her to call for such a sign says so. A
# bare "Bel dan." or "dan belt ze" gives the sign a lower level than the rule.
@pytest.mark.parametrize("snippet", [
    "<p>Wordt het meer, of blijft het langer? Bel dan.</p>",
    "<p>Wordt het meer in plaats van minder, of duurt het langer, dan belt ze.</p>",
    "<p>Koorts? Bel altijd.</p>",
    "<p>Heb je koorts of krampen die blijven? Bel je verloskundige.</p>",
])
def test_the_reader_catches_a_call_without_its_level(snippet):
    assert unhurried_calls("test.html", f"<body>{snippet}</body>"), snippet


@pytest.mark.parametrize("snippet", [
    "<p>Wordt het meer in plaats van minder? Bel dan meteen je verloskundige.</p>",
    "<p>Heb je koorts? Bel dan meteen.</p>",
    "<p>Ben je ongerust? Dan mag je ook bellen.</p>",
    "<p>Bespreek vooraf wanneer ze belt: bij koorts, of als het bloedverlies toeneemt.</p>",
    "<p>Valt ze flauw, dan belt ze 112.</p>",
])
def test_the_reader_lets_a_call_at_its_level_pass(snippet):
    assert unhurried_calls("test.html", f"<body>{snippet}</body>") == []


@pytest.mark.build
def test_every_call_for_a_sign_says_at_once(html):
    found = []
    for page in content_pages(html):
        found += unhurried_calls(str(page.relative_to(html)), page.read_text("utf-8"))
    assert not found, ("een signaal om meteen te bellen staat hier zonder 'meteen' (gebruik "
                       "{alarmzin}`bel` of zeg 'bel dan meteen'):\n" + "\n".join(found))


def test_every_sign_names_a_source_the_course_has():
    """A sign's source is the leaflet, a publication in the bibliography with its stored
    passage, or the course itself ("cursus"): never a key a student cannot look up."""
    from pybtex.database import parse_file

    from miskraam.alarm import alarm_signs

    keys = set(parse_file(str(DATA / "references.bib")).entries)
    for sign in alarm_signs().signs:
        if sign.source in ("informatieblad", "cursus"):
            continue
        assert sign.source in keys, f"{sign.id}: bron '{sign.source}' staat niet in references.bib"
        assert (ROOT / "sources" / "literatuur" / f"{sign.source}.md").exists(), (
            f"{sign.id}: van '{sign.source}' is geen passage opgeslagen")
