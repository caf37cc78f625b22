"""The content package: every item, the nascholing test and ``imsmanifest.xml``, zipped.

The test (``qti-assessment-test``) has one section per topic (``:onderwerp:``), in the order
the topics first appear, each drawing its items with ``qti-selection``: the blueprint. Every
topic gets at least two items (or all it has, when fewer), the rest of the test's length is
shared by the topics' sizes (largest remainders); with a pool no larger than the test every
item is drawn.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from . import QtiError
from .items import Item, root, to_bytes
from .xhtml import tag

TEST_PAGE = "book/nascholing/vragen"
TEST_ID = "eindtoets-nascholing"
TEST_TITLE = "Eindtoets nascholing vroege miskraam"
TEST_LENGTH = 36
MINIMUM_PER_TOPIC = 2
TEST_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
CP_XSD = ("https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/"
          "imsqtiv3p0_imscpv1p2_v1p0.xsd")
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv3p0"
TEST_TYPE = "imsqti_test_xmlv3p0"


def blueprint(items: list[Item], length: int = TEST_LENGTH) -> dict[str, int]:
    """How many items each topic draws, topics in order of appearance."""
    pool: dict[str, int] = {}
    for entry in items:
        if not entry.topic:
            raise QtiError(f"vraag '{entry.identifier}': de toets deelt per onderwerp in; "
                           "geef de vraag een ':onderwerp:'")
        pool[entry.topic] = pool.get(entry.topic, 0) + 1
    if sum(pool.values()) <= length:
        return pool
    drawn = {topic: min(count, MINIMUM_PER_TOPIC) for topic, count in pool.items()}
    spare = {topic: pool[topic] - drawn[topic] for topic in pool}
    left = length - sum(drawn.values())
    if left < 0:
        raise QtiError(f"de toets van {length} vragen is te kort voor {len(pool)} onderwerpen "
                       f"met elk {MINIMUM_PER_TOPIC} vragen")
    share = {topic: left * spare[topic] / sum(spare.values()) for topic in pool}
    for topic in pool:
        drawn[topic] += int(share[topic])
    rest = length - sum(drawn.values())
    for topic in sorted(pool, key=lambda t: share[t] - int(share[t]), reverse=True)[:rest]:
        drawn[topic] += 1
    return drawn


def _slug(topic: str) -> str:
    return "onderwerp-" + re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")


def test(items: list[Item]) -> ET.Element:
    element = root("qti-assessment-test", TEST_ID, TEST_TITLE, TEST_XSD)
    outcome = ET.SubElement(element, tag("qti-outcome-declaration"), {
        "identifier": "SCORE", "cardinality": "single", "base-type": "float"})
    value = ET.SubElement(ET.SubElement(outcome, tag("qti-default-value")), tag("qti-value"))
    value.text = "0"
    part = ET.SubElement(element, tag("qti-test-part"), {
        "identifier": "toets", "navigation-mode": "nonlinear",
        "submission-mode": "simultaneous"})
    for topic, count in blueprint(items).items():
        section = ET.SubElement(part, tag("qti-assessment-section"), {
            "identifier": _slug(topic), "title": topic, "visible": "true"})
        ET.SubElement(section, tag("qti-selection"), select=str(count))
        ET.SubElement(section, tag("qti-ordering"), shuffle="true")
        for entry in items:
            if entry.topic == topic:
                ET.SubElement(section, tag("qti-assessment-item-ref"), {
                    "identifier": entry.identifier, "href": f"../items/{entry.identifier}.xml",
                    "category": topic})
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


def write(items: list[Item], target: Path) -> Path:
    """The zip at ``target``: imsmanifest.xml, items/<id>.xml, tests/<test>.xml."""
    test_items = [entry for entry in items if entry.page == TEST_PAGE]
    files = {f"items/{entry.identifier}.xml": entry.xml() for entry in items}
    if test_items:
        files[f"tests/{TEST_ID}.xml"] = to_bytes(test(test_items))
    files["imsmanifest.xml"] = to_bytes(manifest(items, test_items))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["imsmanifest.xml", *sorted(n for n in files if n != "imsmanifest.xml")]:
            # a fixed date: the same bank gives the same zip, byte for byte
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(entry, files[name], compress_type=zipfile.ZIP_DEFLATED)
    return target
