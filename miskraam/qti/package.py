"""The content package: every item, the nascholing test and ``imsmanifest.xml``, zipped.

The test (``qti-assessment-test``) draws each attempt as the book's page does, by the page's
``{blauwdruk}`` (content/blueprint.py): ``casussen`` of the key-feature cases, whole and in
order, then per topic the single items that bring it to its number (a case's steps count for
their topics). QTI's ``qti-selection`` is static, and which singles a topic needs depends on
the cases drawn, so the test has one section per combination of cases ("trekking"), and the
test draws one of them (``select="1"``). Inside it each case is a section in written order,
and each topic a section that selects what the topic still needs, shuffled. An item appears
in several combinations: its references carry the combination's number
(``<item>--t<n>``, unique in the test as QTI requires), the file is the one item.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

from . import QtiError
from .items import Item, root, to_bytes
from .xhtml import tag

TEST_PAGE = "book/nascholing/vragen"
TEST_ID = "eindtoets-nascholing"
TEST_TITLE = "Eindtoets nascholing vroege miskraam"
TEST_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
CP_XSD = ("https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/"
          "imsqtiv3p0_imscpv1p2_v1p0.xsd")
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv3p0"
TEST_TYPE = "imsqti_test_xmlv3p0"


def _slug(topic: str) -> str:
    return "onderwerp-" + re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")


def _section(parent, identifier: str, title: str, visible: bool = True) -> ET.Element:
    return ET.SubElement(parent, tag("qti-assessment-section"), {
        "identifier": identifier, "title": title, "visible": "true" if visible else "false"})


def _ref(section, entry: Item, draw: int) -> None:
    ET.SubElement(section, tag("qti-assessment-item-ref"), {
        "identifier": f"{entry.identifier}--t{draw}", "href": f"../items/{entry.identifier}.xml",
        "category": entry.topic})


def draws(items: list[Item], blueprint: dict) -> list[tuple[list[str], dict[str, int]]]:
    """Every combination of cases the blueprint can draw, with what each topic then still needs
    from the single items: [(cases, {topic: singles})]."""
    cases: dict[str, list[Item]] = {}
    for entry in items:
        if entry.case:
            cases.setdefault(entry.case, []).append(entry)
    found = []
    for chosen in itertools.combinations(cases, blueprint["casussen"]):
        steps = Counter(entry.topic for case in chosen for entry in cases[case])
        found.append((list(chosen), {topic: count - steps[topic]
                                     for topic, count in blueprint["onderwerpen"].items()}))
    return found


def test(items: list[Item], blueprint: dict) -> ET.Element:
    element = root("qti-assessment-test", TEST_ID, TEST_TITLE, TEST_XSD)
    outcome = ET.SubElement(element, tag("qti-outcome-declaration"), {
        "identifier": "SCORE", "cardinality": "single", "base-type": "float"})
    value = ET.SubElement(ET.SubElement(outcome, tag("qti-default-value")), tag("qti-value"))
    value.text = "0"
    part = ET.SubElement(element, tag("qti-test-part"), {
        "identifier": "toets", "navigation-mode": "nonlinear",
        "submission-mode": "simultaneous"})
    attempt = _section(part, "poging", TEST_TITLE, visible=False)
    ET.SubElement(attempt, tag("qti-selection"), select="1")
    for number, (chosen, singles) in enumerate(draws(items, blueprint), start=1):
        combination = _section(attempt, f"trekking-{number}", f"Trekking {number}",
                               visible=False)
        for topic, count in singles.items():
            if count <= 0:
                continue
            section = _section(combination, f"{_slug(topic)}--t{number}", topic)
            ET.SubElement(section, tag("qti-selection"), select=str(count))
            ET.SubElement(section, tag("qti-ordering"), shuffle="true")
            for entry in items:
                if entry.topic == topic and not entry.case:
                    _ref(section, entry, number)
        for case in chosen:  # the cases last, as on the page; their steps in written order
            section = _section(combination, f"{case}--t{number}", f"Casus ({case})")
            for entry in items:
                if entry.case == case:
                    _ref(section, entry, number)
    processing = ET.SubElement(element, tag("qti-outcome-processing"))
    total = ET.SubElement(processing, tag("qti-set-outcome-value"), identifier="SCORE")
    ET.SubElement(ET.SubElement(total, tag("qti-sum")), tag("qti-test-variables"),
                  {"variable-identifier": "SCORE"})
    return element


def manifest(items: list[Item], test_items: list[Item]) -> ET.Element:
    ET.register_namespace("", CP)
    element = ET.Element(f"{{{CP}}}manifest", {
        "identifier": "miskraam-qti", f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD}"})
    metadata = ET.SubElement(element, f"{{{CP}}}metadata")
    ET.SubElement(metadata, f"{{{CP}}}schema").text = "QTI Package"
    ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "3.0.0"
    ET.SubElement(element, f"{{{CP}}}organizations")
    resources = ET.SubElement(element, f"{{{CP}}}resources")
    for entry in items:
        href = f"items/{entry.identifier}.xml"
        resource = ET.SubElement(resources, f"{{{CP}}}resource", {
            "identifier": entry.identifier, "type": ITEM_TYPE, "href": href})
        ET.SubElement(resource, f"{{{CP}}}file", href=href)
    if test_items:
        href = f"tests/{TEST_ID}.xml"
        resource = ET.SubElement(resources, f"{{{CP}}}resource", {
            "identifier": TEST_ID, "type": TEST_TYPE, "href": href})
        ET.SubElement(resource, f"{{{CP}}}file", href=href)
        for entry in test_items:
            ET.SubElement(resource, f"{{{CP}}}dependency", identifierref=entry.identifier)
    return element


def write(items: list[Item], target: Path, blueprints: dict[str, dict] | None = None) -> Path:
    """The zip at ``target``: imsmanifest.xml, items/<id>.xml, tests/<test>.xml (the test by the
    test page's blueprint, ``blueprints[TEST_PAGE]``)."""
    test_items = [entry for entry in items if entry.page == TEST_PAGE]
    files = {f"items/{entry.identifier}.xml": entry.xml() for entry in items}
    if test_items:
        blueprint = (blueprints or {}).get(TEST_PAGE)
        if blueprint is None:
            raise QtiError(f"{TEST_PAGE}.md heeft geen {{blauwdruk}}: de toets trekt zijn vragen "
                           "per onderwerp, en de blauwdruk zegt hoeveel")
        files[f"tests/{TEST_ID}.xml"] = to_bytes(test(test_items, blueprint))
    files["imsmanifest.xml"] = to_bytes(manifest(items, test_items))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["imsmanifest.xml", *sorted(n for n in files if n != "imsmanifest.xml")]:
            # a fixed date: the same bank gives the same zip, byte for byte
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(entry, files[name], compress_type=zipfile.ZIP_DEFLATED)
    return target
