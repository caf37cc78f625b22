"""Reading the built book for what it says about calling: which alarm sign, at which level.

Used by tests/test_one_triage.py. A sentence that names an alarm sign (each sign's `herken`
pattern in book/data/alarmsignalen.yml) and an action ("112", "bel", "met spoed gezien") gives
that sign a level. The course's rule is the level in alarmsignalen.yml; a sentence that gives a
sign another level contradicts it. Three places a level can come from:
- the sentence itself ("Word je duizelig? Bel dan meteen.");
- for a list, the sentence that introduces it ("Bel 112 als je:") or the one after it that
  points back ("Heb je een van deze signalen? Bel dan 112.");
- for a self-test option, the question ("Bij welke signalen belt ze 112?"): a right option
  says its sign has that level, a wrong option says it has not.
Quotes of a source (blockquote) are the source's words and are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString

from miskraam.alarm import alarm_signs

BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
          "caption", "summary", "label", "legend", "div", "section", "article", "ul", "ol",
          "table", "tr", "thead", "tbody", "form", "pre", "details", "aside", "nav", "header",
          "footer", "main", "body", "dl", "figure", "span.miskraam-alarmzin"}
SKIP = ("script", "style", "blockquote", "noscript", "template")

#: "112" as an action; "112-signalen" counts (it says these signs are 112 signs)
CALL_112 = re.compile(r"\b112\b")
#: "not 112": the sign is not a reason for 112 (then it must be a sign to call one's own carer)
NOT_112 = re.compile(
    r"\b(?:hoeft|hoef|hoeven|moet|belt|bel|bellen)\s+(?:ze|je|u|zij)?\s*(?:nog\s+)?(?:niet|geen)"
    r"\s+(?:meteen\s+|direct\s+)?112\b|\b112\s+(?:is|hoeft)\s+(?:hier\s+|nog\s+|dan\s+)?(?:niet|geen)"
    r"\b|\bniet\s+(?:meteen\s+|direct\s+|gelijk\s+)?(?:naar\s+)?112\b|\bgeen\s+112\b(?!-)",
    re.IGNORECASE)
#: calling one's own midwife, GP or hospital now, or being seen urgently
CALL_NOW = re.compile(
    r"\b(?:bel|belt|bellen|belde)\b|\bmet spoed\b|\bspoedbeoordeling|\burgente?\s+beoordel\w*"
    r"|\b(?:meteen|direct|snel|dezelfde dag|nu)\s+(?:gezien|beoordeeld|beoordelen|laten zien)",
    re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
WHICH_SIGNS = re.compile(r"\bwelke?\b[^?]*\b(?:signa\w*|klacht\w*|teken\w*)", re.IGNORECASE)
POINTS_BACK = re.compile(r"\b(?:een|één) van deze\b|\bdeze signalen\b|\bdeze klachten\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    page: str
    text: str
    sign: str
    said: str       # "112", "bel", "niet 112", "niet bel"
    rule: str       # the sign's level in alarmsignalen.yml

    def __str__(self):
        return (f"{self.page}: '{self.sign}' is volgens alarmsignalen.yml '{self.rule}', "
                f"maar hier '{self.said}': {self.text}")


#: asking about a sign is not giving it a level: "Vraag naar duizeligheid, …" is left out
ASKING = re.compile(r"\b(?:vraag|vraagt|vragen|vroeg)\s+(?:\w+\s+){0,2}?(?:naar|of)\b.*$",
                    re.IGNORECASE)
#: "niet duizelig", "geen koorts", "zonder pijn": the sign is absent
ABSENT = re.compile(r"\b(?:zonder|geen|niet|nooit)\s+(?:meer\s+|erg\s+|zo\s+|een\s+)?[\w-]+",
                    re.IGNORECASE)


def signs_in(text: str) -> list:
    """The alarm signs a text names, combinations first (a match is taken out of the text)."""
    text = ABSENT.sub(" ", ASKING.sub(" ", text))
    found = []
    for sign in alarm_signs().signs:
        pattern = sign.pattern()
        if pattern.search(text):
            found.append(sign)
            text = pattern.sub(" ", text)
    return found


def level_said(text: str) -> str | None:
    """The action a text gives: '112', 'niet 112', 'bel' or None."""
    if NOT_112.search(text):
        return "niet 112"
    if CALL_112.search(text):
        return "112"
    if CALL_NOW.search(text):
        return "bel"
    return None


def contradicts(sign, said: str) -> bool:
    if said == "112":
        return sign.level != "112"
    if said == "niet 112":
        return sign.level == "112"
    if said == "bel":
        return sign.level == "112"
    if said == "niet bel":
        return sign.level == "bel"
    return False


def _chunks(node) -> list[tuple[object, str]]:
    """(block element, its own text) for every innermost run of text, in page order."""
    out: list[list] = [[node, []]]

    def walk(element):
        for child in element.children:
            if isinstance(child, NavigableString):
                out[-1][1].append(str(child))
            elif child.name in SKIP:
                continue
            elif child.name in BLOCKS:
                out.append([child, []])
                walk(child)
                out.append([element, []])
            else:
                walk(child)

    walk(node)
    return [(block, " ".join("".join(parts).split())) for block, parts in out
            if "".join(parts).strip()]


def sentences(text: str) -> list[str]:
    """A text's sentences; a question and the action that answers it are one ("Word je
    duizelig? Bel dan meteen.")."""
    parts = [part for part in SENTENCE_END.split(text) if part.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and merged[-1].endswith("?") and level_said(part) and not signs_in(part):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def _list_context(list_element) -> str | None:
    """The level a list's items get from the sentence that introduces it or points back."""
    before = list_element.find_previous_sibling()
    after = list_element.find_next_sibling()
    if before is not None:
        text = " ".join(before.get_text(" ").split())
        if text.endswith(":"):
            said = level_said(sentences(text)[-1])
            if said:
                return said
    if after is not None:
        text = " ".join(after.get_text(" ").split())
        if POINTS_BACK.search(text):
            for sentence in sentences(text):
                if POINTS_BACK.search(sentence) or level_said(sentence):
                    said = level_said(sentence)
                    if said:
                        return said
    return None


def _question_findings(page: str, form) -> list[Finding]:
    """A self-test question: the stem's action, and each option's sign; a right option says
    its sign has the stem's level, a wrong option says it has not."""
    findings = []
    stem = form.select_one(".miskraam-vraag-stam")
    stem_text = " ".join(stem.get_text(" ").split()) if stem else ""
    # only a question about signs ("Bij welke signalen belt ze 112?") gives its options a level
    stem_said = level_said(stem_text) if WHICH_SIGNS.search(stem_text) else None
    for option in form.select(".miskraam-optie"):
        label = option.find("label")
        label_text = " ".join(label.get_text(" ").split()) if label else ""
        right = option.get("data-goed") == "1"
        feedback = option.select_one(".miskraam-optie-uitleg")
        feedback_text = " ".join(feedback.get_text(" ").split()) if feedback else ""
        signs = signs_in(label_text)
        said = None
        for sentence in sentences(label_text):
            said_here = level_said(sentence)
            for sign in signs_in(sentence) if said_here else ():
                if contradicts(sign, said_here):
                    findings.append(Finding(page, label_text, sign.id, said_here, sign.level))
            said = said or said_here
        if said is not None:
            signs = []  # checked sentence by sentence above
        if said is None and stem_said in ("112", "bel"):
            said = stem_said if right else f"niet {stem_said}"
        if said is None:
            # a short verdict in the feedback ("Een 112-signaal.") is about the option's signs
            for sentence in sentences(feedback_text):
                if len(sentence.split()) <= 6 and not signs_in(sentence) and level_said(sentence):
                    said = level_said(sentence)
                    break
        for sign in signs:
            if said and contradicts(sign, said):
                findings.append(Finding(page, f"{label_text} ({feedback_text})", sign.id, said,
                                        sign.level))
        # the feedback's own sentences that name a sign and an action
        for sentence in sentences(feedback_text):
            said_here = level_said(sentence)
            for sign in signs_in(sentence) if said_here else ():
                if contradicts(sign, said_here):
                    findings.append(Finding(page, sentence, sign.id, said_here, sign.level))
    return findings


def _case_findings(page: str, soup) -> list[Finding]:
    """An open case and its model answer: when the case names a 112 sign, the answer's first
    action is 112; when it names only signs to call one's own carer, that action is not 112."""
    findings = []
    for solution in soup.select("div.solution"):
        link = solution.select_one(".admonition-title a[href^='#']")
        case = soup.find(id=link["href"][1:]) if link else None
        if case is None:
            continue
        body = case.find("section") or case
        case_text = " ".join(body.get_text(" ").split())
        signs = signs_in(case_text)
        if not signs:
            continue
        answer = solution.find("section") or solution
        first = next((sentence for sentence in sentences(" ".join(answer.get_text(" ").split()))
                      if level_said(sentence)), None)
        if first is None:
            continue
        said = level_said(first)
        needed = "112" if any(sign.level == "112" for sign in signs) else "bel"
        if (needed == "112") != (said == "112"):
            worst = next((s for s in signs if s.level == needed), signs[0])
            findings.append(Finding(page, f"casus: {case_text[:160]}… antwoord: {first}",
                                    worst.id, said, needed))
    return findings


def read_page(page: str, html: str) -> list[Finding]:
    """Every sentence of a built page that gives an alarm sign another level than the rule."""
    soup = BeautifulSoup(html, "lxml")
    findings = _case_findings(page, soup)
    for form in soup.select("form.miskraam-vraag"):
        findings += _question_findings(page, form)
        form.decompose()
    for block, text in _chunks(soup.body or soup):
        context = None
        if block.name == "li" and block.parent is not None:
            context = _list_context(block.parent)
        for sentence in sentences(text):
            said = level_said(sentence) or context
            if not said:
                continue
            for sign in signs_in(sentence):
                if contradicts(sign, said):
                    findings.append(Finding(page, sentence, sign.id, said, sign.level))
    return findings


#: bleeding measured against her period ("meer bloed dan je gewone menstruatie"): the NHG's
#: measure for telephone triage, and since review 4 (M2) the alarm sign meer-dan-menstruatie,
#: which holds while it is not yet known that it is a miscarriage. During a known, ongoing
#: miscarriage such bleeding is expected; then the sign is the leaflet's pads per hour
#: (veel-bloed). So a sentence in the course's own voice that tells her (or a case) to call by a
#: period says when that holds: before a scan, while the pregnancy may go on.
PERIOD_SIGN = "meer-dan-menstruatie"
#: the condition of the sign: it is not yet known that it is a miscarriage
NOT_YET_KNOWN = re.compile(
    r"\bnog niet\b|\bniet (?:zeker|vast)|\bnog geen\b|\bgeen echo|\bvoor(?:dat)? (?:de |een )?echo"
    r"|\bzolang\b|\bdreigend\w*|\bnog (?:goed|door)|\bmogelijk (?:nog )?zwanger|\bonbekend",
    re.IGNORECASE)
#: whose measure it is: the NHG-Standaard (named, or by its citation) or a guideline
ATTRIBUTED = re.compile(r"\bNHG|\bstandaard\b|\brichtlijn", re.IGNORECASE)


def period_measures(page: str, html: str) -> list[str]:
    """Sentences in the course's own voice that tell a reader to call, or say a case needs a
    call, because she bleeds more (or longer) than in a period, without saying that this holds
    while it is not yet known that it is a miscarriage: then it would contradict the expected
    heavy bleeding of a known miscarriage (and the alarm sign for that, pads per hour)."""
    from miskraam.alarm import alarm_signs

    pattern = alarm_signs().sign(PERIOD_SIGN).pattern()
    soup = BeautifulSoup(html, "lxml")
    for element in soup.select(", ".join(GENERATED)):
        element.decompose()
    found = []
    for _, text in _chunks(soup.body or soup):
        for sentence in sentences(text):
            if (pattern.search(sentence) and level_said(sentence)
                    and not ATTRIBUTED.search(sentence) and not NOT_YET_KNOWN.search(sentence)):
                found.append(f"{page}: {sentence}")
    return found


#: the level "bel" is calling at once: a sentence that tells her to call for such a sign says so
URGENT = re.compile(r"\b(?:meteen|direct|nu|gelijk|onmiddellijk|dezelfde dag|zo snel mogelijk)\b"
                    r"|\bspoed|\burgent|\b112\b", re.IGNORECASE)
CALLS = re.compile(r"\b(?:bel|belt|bellen)\b", re.IGNORECASE)
#: about calling, not telling her to call: "bespreek wanneer ze belt", "een reden om te bellen"
ABOUT_CALLING = re.compile(r"\bwanneer\b[^.;?!]*\bbel\w*|\breden om te bellen\b", re.IGNORECASE)
#: worry is the leaflet's low threshold ("je mag altijd bellen"), not a sign of something wrong
LOW_THRESHOLD = {"ongerust"}


def unhurried_calls(page: str, html: str) -> list[str]:
    """Sentences that tell her to call for a sign of level "bel" without saying "at once": a
    lower level than the rule ("Bel dan." where alarmsignalen.yml says "Bel dan meteen")."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for _, text in _chunks(soup.body or soup):
        for sentence in sentences(text):
            if not CALLS.search(sentence) or URGENT.search(sentence):
                continue
            if ABOUT_CALLING.search(sentence):
                continue
            signs = [sign.id for sign in signs_in(sentence)
                     if sign.level == "bel" and sign.id not in LOW_THRESHOLD]
            if signs:
                found.append(f"{page}: {', '.join(signs)}: {sentence}")
    return found


#: what the course writes from alarmsignalen.yml: the box, the {alarmzin} role, the notice,
#: the widget (and its printed fallback)
GENERATED = (".miskraam-alarm", ".miskraam-alarmzin", ".miskraam-notice", ".miskraam-widget-cell")


def hand_copies(page: str, html: str, at_least: int = 3) -> list[str]:
    """Sentences outside what is written from alarmsignalen.yml that list several alarm signs
    with an action: a hand copy of the alarm list, which goes stale when a sign changes."""
    soup = BeautifulSoup(html, "lxml")
    for element in soup.select(", ".join(GENERATED)):
        element.decompose()
    for form in soup.select("form.miskraam-vraag"):
        form.decompose()
    copies = []
    for _, text in _chunks(soup.body or soup):
        for sentence in sentences(text):
            if level_said(sentence) and len({s.id for s in signs_in(sentence)}) >= at_least:
                copies.append(f"{page}: {sentence}")
    return copies
