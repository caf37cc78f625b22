"""One ``qti-assessment-item`` per ``{vraag}``, from the directive's nodes (``content/quiz.py``).

| soort | interaction | response |
|---|---|---|
| enkel | ``qti-choice-interaction``, ``max-choices="1"`` | single identifier |
| meer | ``qti-choice-interaction``, ``max-choices="0"`` | multiple identifier, all right ones |
| meer, ``:maximaal: N`` | ``max-choices="N"`` | every key chosen, no harmful option |
| volgorde | ``qti-order-interaction`` | ordered identifier, the written order |
| getal | ``qti-text-entry-interaction`` | single float, within the book's margin |

Options are ``K<n>`` and steps ``S<n>`` (n: the place the author wrote them), shuffled by the
platform (``shuffle="true"``). Scoring is explicit response processing: SCORE 1 for the key, 0
otherwise (``qti-match`` against the correct response, for a number ``qti-gte``/``qti-lte``
around it with the book's ``:marge:``: a player need not support ``qti-equal``'s tolerance).
FEEDBACK gets the chosen options, each option's feedback a ``qti-modal-feedback`` keyed on
it, so a platform shows the feedback of the options the candidate chose, as the book does;
the question's explanation (after ``+++``) is keyed on TOELICHTING, set to ``UITLEG`` on every
attempt.

A key-feature step (``:casus:``, quiz.py) keeps its case in ``Item.case`` (package.py draws a
case whole, its steps in order). Its harmful options (``:schadelijk:``) cost the item: with
``:maximaal:`` the item scores 1 when every key is a ``qti-member`` of the response and no
harmful option is (a harmless extra within the limit costs nothing, as in the book); a
one-answer step is the exact match, which a harmful option never is.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from docutils import nodes

from ..content.quiz import KINDS, feedback_node, option_node, question_node
from . import QtiError
from .xhtml import QTI, append, inline, tag

XSI = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXPLANATION = "UITLEG"
EXPLANATION_OUTCOME = "TOELICHTING"

ET.register_namespace("", QTI)
ET.register_namespace("xsi", XSI)


@dataclass
class Item:
    identifier: str
    kind: str
    topic: str
    page: str
    element: ET.Element
    case: str = ""

    def xml(self) -> bytes:
        return to_bytes(self.element)


def to_bytes(element: ET.Element) -> bytes:
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def root(name: str, identifier: str, title: str, schema: str) -> ET.Element:
    return ET.Element(tag(name), {f"{{{XSI}}}schemaLocation": f"{QTI} {schema}",
                                  "identifier": identifier, "title": title})


def item(page: str, node: question_node) -> Item:
    name, kind = node["vraag"], node["soort"]
    if kind not in KINDS:
        raise QtiError(f"vraag '{name}': soort '{kind}' kan niet naar QTI")
    if not name[:1].isalpha():  # the book allows '1-oorzaken'; a QTI identifier is an NCName
        raise QtiError(f"vraag '{name}': een QTI-naam begint met een letter; geef de vraag een "
                       "':id:' die met een letter begint")
    stem = _child(node, "miskraam-vraag-stam", name)
    closing = _child(node, "miskraam-vraag-uitleg", name)
    options = list(node.findall(option_node))
    title = " ".join(stem.astext().split())
    element = root("qti-assessment-item", name, title[:80] + ("…" if len(title) > 80 else ""),
                   ITEM_XSD)
    element.set(XML_LANG, "nl")  # on the item: the schema has no xml:lang on a test
    element.set("adaptive", "false")
    element.set("time-dependent", "false")

    response = ET.SubElement(element, tag("qti-response-declaration"),
                             identifier="RESPONSE")
    correct = ET.SubElement(response, tag("qti-correct-response"))
    if kind in ("enkel", "meer"):
        keys = [f"K{option['index']}" for option in options if option["goed"]]
        if not options or not keys:
            raise QtiError(f"vraag '{name}': geen goed antwoord gevonden")
        response.set("cardinality", "single" if kind == "enkel" else "multiple")
        response.set("base-type", "identifier")
    elif kind == "volgorde":
        keys = [f"S{option['plaats']}" for option in sorted(options, key=lambda o: o["plaats"])]
        response.set("cardinality", "ordered")
        response.set("base-type", "identifier")
    else:
        if "antwoord" not in node:
            raise QtiError(f"vraag '{name}': de getalvraag heeft geen antwoord (feitenregister)")
        if node.get("heel") and float(node.get("marge") or 0):
            # the book refuses a broken number inside the margin; a float range would take it
            raise QtiError(f"vraag '{name}': ':heel:' met een ':marge:' kan niet naar QTI; "
                           "laat de marge weg of ook ':heel:'")
        keys = [node["antwoord"]]
        response.set("cardinality", "single")
        response.set("base-type", "float")
    for key in keys:
        ET.SubElement(correct, tag("qti-value")).text = key
    _outcome(element, "SCORE", "single", "float", "0")
    _outcome(element, "MAXSCORE", "single", "float", "1")
    if kind in ("enkel", "meer"):
        _outcome(element, "FEEDBACK", response.get("cardinality"), "identifier", None)
    _outcome(element, EXPLANATION_OUTCOME, "single", "identifier", None)

    body = ET.SubElement(element, tag("qti-item-body"))
    stem_div = ET.SubElement(body, tag("div"), {"class": "vraag-stam"})
    append(stem_div, stem.children, name)
    if kind in ("enkel", "meer"):
        interaction = ET.SubElement(body, tag("qti-choice-interaction"), {
            "response-identifier": "RESPONSE", "shuffle": "true",
            "max-choices": "1" if kind == "enkel" else str(node.get("maximaal") or 0),
            "min-choices": "0"})
        ET.SubElement(interaction, tag("qti-prompt")).text = KINDS[kind]
        for option in sorted(options, key=lambda o: o["index"]):
            choice = ET.SubElement(interaction, tag("qti-simple-choice"),
                                   identifier=f"K{option['index']}")
            inline(choice, _label(option, name).children, name)
    elif kind == "volgorde":
        interaction = ET.SubElement(body, tag("qti-order-interaction"), {
            "response-identifier": "RESPONSE", "shuffle": "true"})
        ET.SubElement(interaction, tag("qti-prompt")).text = (
            "Zet de stappen in de goede volgorde.")
        for option in sorted(options, key=lambda o: o["plaats"]):
            choice = ET.SubElement(interaction, tag("qti-simple-choice"),
                                   identifier=f"S{option['plaats']}")
            inline(choice, _label(option, name).children, name)
    else:
        ET.SubElement(body, tag("p")).text = KINDS[kind]
        line = ET.SubElement(body, tag("p"))
        line.text = "Jouw antwoord: "
        entry = ET.SubElement(line, tag("qti-text-entry-interaction"), {
            "response-identifier": "RESPONSE", "base": "10", "expected-length": "8"})
        if node.get("eenheid"):
            entry.tail = f" {node['eenheid']}"

    _processing(element, kind, node)
    for option in sorted(options, key=lambda o: o.get("index", 0)):
        feedback = next(iter(option.findall(feedback_node)), None)
        if feedback is not None:
            _modal(element, f"K{option['index']}", feedback.children, name)
    if closing.children:
        _modal(element, EXPLANATION, closing.children, name, EXPLANATION_OUTCOME)
    return Item(name, kind, node.get("onderwerp", ""), page, element, node.get("casus", ""))


def _child(node: nodes.Element, cls: str, name: str) -> nodes.Element:
    found = [child for child in node.children
             if isinstance(child, nodes.container) and cls in child["classes"]]
    if not found:
        raise QtiError(f"vraag '{name}': het deel '{cls}' ontbreekt")
    return found[0]


def _label(option: option_node, name: str) -> nodes.inline:
    label = next((child for child in option.children if isinstance(child, nodes.inline)), None)
    if label is None:
        raise QtiError(f"vraag '{name}': een antwoord zonder tekst")
    return label


def _outcome(element, identifier, cardinality, base_type, default):
    outcome = ET.SubElement(element, tag("qti-outcome-declaration"), {
        "identifier": identifier, "cardinality": cardinality, "base-type": base_type})
    if default is not None:
        value = ET.SubElement(outcome, tag("qti-default-value"))
        ET.SubElement(value, tag("qti-value")).text = default


def _value(parent, base_type: str, text: str) -> ET.Element:
    value = ET.SubElement(parent, tag("qti-base-value"), {"base-type": base_type})
    value.text = text
    return value


def _variable(parent, identifier="RESPONSE"):
    return ET.SubElement(parent, tag("qti-variable"), identifier=identifier)


def _set_score(parent, score: str):
    _value(ET.SubElement(parent, tag("qti-set-outcome-value"), identifier="SCORE"),
           "float", score)


def _processing(element, kind: str, node: question_node) -> None:
    processing = ET.SubElement(element, tag("qti-response-processing"))
    condition = ET.SubElement(processing, tag("qti-response-condition"))
    when = ET.SubElement(condition, tag("qti-response-if"))
    if kind == "getal":
        answer, margin = float(node["antwoord"]), float(node.get("marge") or 0)
        both = ET.SubElement(when, tag("qti-and"))
        for operator, bound in (("qti-gte", answer - margin), ("qti-lte", answer + margin)):
            compare = ET.SubElement(both, tag(operator))
            _variable(compare)
            _value(compare, "float", repr(float(bound)))
    elif node.get("maximaal"):
        both = ET.SubElement(when, tag("qti-and"))
        options = list(node.findall(option_node))
        for option in options:
            if option["goed"]:
                parent = both
            elif option.get("schadelijk"):
                parent = ET.SubElement(both, tag("qti-not"))
            else:
                continue
            member = ET.SubElement(parent, tag("qti-member"))
            _value(member, "identifier", f"K{option['index']}")
            _variable(member)
    else:
        match = ET.SubElement(when, tag("qti-match"))
        _variable(match)
        ET.SubElement(match, tag("qti-correct"), identifier="RESPONSE")
    _set_score(when, "1")
    _set_score(ET.SubElement(condition, tag("qti-response-else")), "0")
    # the chosen options' feedback and the explanation, shown after the attempt; two
    # outcomes, not one made with qti-multiple: the player we test with joins a multiple
    # response into one value there, and no option's feedback would show
    if kind in ("enkel", "meer"):
        _variable(ET.SubElement(processing, tag("qti-set-outcome-value"), identifier="FEEDBACK"))
    _value(ET.SubElement(processing, tag("qti-set-outcome-value"),
                         identifier=EXPLANATION_OUTCOME), "identifier", EXPLANATION)


def _modal(element, identifier: str, blocks, name: str, outcome: str = "FEEDBACK") -> None:
    modal = ET.SubElement(element, tag("qti-modal-feedback"), {
        "outcome-identifier": outcome, "identifier": identifier, "show-hide": "show"})
    body = ET.SubElement(modal, tag("qti-content-body"))
    append(body, blocks, name)
