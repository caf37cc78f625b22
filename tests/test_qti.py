"""`make qti`: the question bank as a QTI 3.0 content package.

The package is made once per test run as `make qti` makes it (`python -m miskraam.qti`, the
course's own `{vraag}` directive read by Sphinx), then checked twice: its structure here in
Python (no QTI 3.0 XSD is obtainable offline: well-formedness and the parts we rely on), and
every item in a real QTI 3 player, Cito's `@citolab/qti-components` (package.json, installed
by `make qti-player`), in Chromium: the key scores 1, a wrong answer 0, as the player's own
response processing computes it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest
from docutils import nodes

from miskraam.content.quiz import question_node
from miskraam.facts import fact
from miskraam.qti import QtiError
from miskraam.qti import __main__ as cli
from miskraam.qti.items import Item, item
from miskraam.qti.package import TEST_PAGE, draws

from .conftest import ROOT, listen, nascholing_blueprint

Q = "{http://www.imsglobal.org/xsd/imsqtiasi_v3p0}"
CP = "{http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PLAYER = ROOT / "node_modules" / "@citolab" / "qti-components" / "cdn" / "index.global.js"
QUESTION_FILES = [*sorted((ROOT / "book" / "toetsvragen").glob("*.md")),
                  ROOT / "book" / "nascholing" / "vragen.md"]


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> dict[str, bytes]:
    """Every file of the package `make qti` writes, by its name in the zip."""
    target = tmp_path_factory.mktemp("qti") / "miskraam-qti.zip"
    done = subprocess.run([sys.executable, "-m", "miskraam.qti", str(target)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(target) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def items(package) -> dict[str, ET.Element]:
    return {name.removeprefix("items/").removesuffix(".xml"): ET.fromstring(data)
            for name, data in package.items() if name.startswith("items/")}


@pytest.fixture(scope="module")
def player(tmp_path_factory) -> str:
    """A page with only the player's browser bundle, from node_modules (file://, no CDN)."""
    assert PLAYER.exists(), "de QTI-speler ontbreekt: `make qti-player` (npm ci)"
    page = tmp_path_factory.mktemp("speler") / "speler.html"
    page.write_text(f'<!doctype html><html lang="nl"><meta charset="utf-8">'
                    f'<script src="{PLAYER.as_uri()}"></script><body></body></html>',
                    encoding="utf-8")
    return page.as_uri()


def source_ids() -> list[str]:
    return [match for path in QUESTION_FILES
            for match in re.findall(r"^:id:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)]


def test_one_item_per_question_named_by_its_id(items):
    assert sorted(items) == sorted(source_ids())
    for name, element in items.items():
        assert element.tag == f"{Q}qti-assessment-item"
        assert element.get("identifier") == name
        assert element.get(LANG) == "nl"
        assert element.find(f"{Q}qti-response-declaration/{Q}qti-correct-response/{Q}qti-value") \
            is not None, name


def test_the_manifest_lists_every_file_with_its_qti3_type(package, items):
    manifest = ET.fromstring(package["imsmanifest.xml"])
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    kinds = {resource.get("identifier"): resource.get("type") for resource in resources}
    assert {name for name, kind in kinds.items() if kind == "imsqti_item_xmlv3p0"} == set(items)
    assert list(kinds.values()).count("imsqti_test_xmlv3p0") == 1
    files = {file.get("href") for file in manifest.iter(f"{CP}file")}
    assert files == set(package) - {"imsmanifest.xml"}
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "3.0.0"


def test_each_kind_has_its_interaction(items):
    expected = {"enkel": ("qti-choice-interaction", "single", "identifier"),
                "meer": ("qti-choice-interaction", "multiple", "identifier"),
                "volgorde": ("qti-order-interaction", "ordered", "identifier"),
                "getal": ("qti-text-entry-interaction", "single", "float")}
    for path in QUESTION_FILES:
        text = path.read_text(encoding="utf-8")
        for name, kind in re.findall(r"^:id:\s*(\S+)\n:soort:\s*(\S+)", text, re.M):
            interaction, cardinality, base_type = expected[kind]
            element = items[name]
            assert element.find(f".//{Q}{interaction}") is not None, name
            response = element.find(f"{Q}qti-response-declaration")
            assert (response.get("cardinality"), response.get("base-type")) == \
                (cardinality, base_type), name
            if kind in ("enkel", "meer"):
                choices = element.findall(f".//{Q}qti-simple-choice")
                feedback = {modal.get("identifier")
                            for modal in element.findall(f"{Q}qti-modal-feedback")}
                assert {choice.get("identifier") for choice in choices} <= feedback, name


def test_number_items_take_the_answer_and_margin_from_the_registry(items):
    """The key and the bounds of a number question are the registry's, not typed."""
    for path in QUESTION_FILES:
        for block in re.findall(r"```\{vraag\}\n(.*?)```", path.read_text(encoding="utf-8"),
                                re.S):
            if ":soort: getal" not in block:
                continue
            name = re.search(r":id:\s*(\S+)", block)[1]
            record = fact(re.search(r":feit:\s*(\S+)", block)[1])
            group = re.search(r":van:\s*(\S+)", block)
            answer = (record.per_100() * float(group[1].replace(",", ".")) / 100 if group
                      else float(record.value))
            margin = re.search(r":marge:\s*(\S+)", block)
            margin = float(margin[1].replace(",", ".")) if margin else 0.0
            element = items[name]
            key = element.findtext(f".//{Q}qti-correct-response/{Q}qti-value")
            assert float(key) == pytest.approx(answer), name
            bounds = [float(value.text) for value in element.iter(f"{Q}qti-base-value")
                      if value.get("base-type") == "float" and value.text not in ("0", "1")]
            assert bounds == pytest.approx([answer - margin, answer + margin]), name


def test_facts_are_rendered_as_the_book_renders_them(package):
    text = b"".join(data for name, data in package.items() if name.startswith("items/"))
    text = text.decode("utf-8")
    assert "{fact}" not in text
    # Sphinx's smart quotes, as on the book's pages
    text = " ".join(text.replace("\u2019", "'").split())
    used = {fact_id for path in QUESTION_FILES
            for fact_id in re.findall(r"\{fact\}`([a-z0-9-]+)`", path.read_text("utf-8"))}
    assert used
    for fact_id in used:
        assert " ".join(fact(fact_id).wording.split()) in text, fact_id


def test_the_nascholing_test_draws_each_attempt_by_the_pages_blueprint(package, items):
    """One of the combinations of cases, each with its cases whole and per topic the singles
    that bring the topic to the blueprint's number: every attempt as long as the page's."""
    blueprint = nascholing_blueprint()
    test = ET.fromstring(package["tests/eindtoets-nascholing.xml"])
    attempt = test.find(f"{Q}qti-test-part/{Q}qti-assessment-section")
    assert attempt.find(f"{Q}qti-selection").get("select") == "1"
    combinations = attempt.findall(f"{Q}qti-assessment-section")
    known = set(items)
    assert combinations
    for combination in combinations:
        per_topic: dict[str, int] = {}
        for section in combination.findall(f"{Q}qti-assessment-section"):
            refs = section.findall(f"{Q}qti-assessment-item-ref")
            for ref in refs:
                assert ref.get("href").removeprefix("../items/").removesuffix(".xml") in known
            selection = section.find(f"{Q}qti-selection")
            if selection is None:  # a case: every step, in order
                for ref in refs:
                    per_topic[ref.get("category")] = per_topic.get(ref.get("category"), 0) + 1
            else:
                assert {ref.get("category") for ref in refs} == {section.get("title")}
                count = int(selection.get("select"))
                assert count <= len(refs), section.get("identifier")
                per_topic[section.get("title")] = per_topic.get(section.get("title"), 0) + count
        assert per_topic == blueprint["onderwerpen"], combination.get("identifier")
    ids = [ref.get("identifier") for ref in test.iter(f"{Q}qti-assessment-item-ref")]
    assert len(ids) == len(set(ids))  # unique in the test, as QTI requires


def test_the_draws_are_every_combination_of_cases():
    pool = [Item(name, "enkel", topic, TEST_PAGE, ET.Element("x"), case)
            for name, topic, case in [("a", "x", ""), ("b", "y", ""), ("k1", "x", "k"),
                                      ("k2", "y", "k"), ("m1", "x", "m"), ("n1", "y", "n")]]
    found = draws(pool, {"casussen": 2, "onderwerpen": {"x": 3, "y": 2}})
    assert found == [(["k", "m"], {"x": 1, "y": 1}), (["k", "n"], {"x": 2, "y": 0}),
                     (["m", "n"], {"x": 2, "y": 1})]


def _question(stem: nodes.Node, name: str = "kapotte-vraag") -> question_node:
    node = question_node(vraag=name, soort="enkel", onderwerp="x")
    node += nodes.container("", stem, classes=["miskraam-vraag-stam"])
    node += nodes.container(classes=["miskraam-vraag-uitleg"])
    return node


def test_a_question_the_exporter_cannot_map_is_named(monkeypatch, capsys, tmp_path):
    table = nodes.table("", nodes.tgroup(cols=1))
    with pytest.raises(QtiError, match="kapotte-vraag"):
        item("p", _question(table))
    with pytest.raises(QtiError, match="'12-weken'.*letter"):  # not an XML name
        item("p", _question(nodes.paragraph(text="Vraag?"), "12-weken"))
    # a whole number with a margin: the book refuses 44,5 inside it, a float range would not
    whole = _question(nodes.paragraph(text="Hoeveel?"), "hoeveel-vrouwen")
    whole["soort"], whole["antwoord"], whole["marge"], whole["heel"] = "getal", "45.0", "2.0", "1"
    with pytest.raises(QtiError, match="'hoeveel-vrouwen'.*marge"):
        item("p", whole)
    monkeypatch.setattr(cli, "collect", lambda: ([("p", _question(table))], {}))
    assert cli.main([str(tmp_path / "x.zip")]) == 1
    message = capsys.readouterr().err.strip().splitlines()
    assert len(message) == 1 and "kapotte-vraag" in message[0] and "QTI" in message[0]
    assert not (tmp_path / "x.zip").exists()


# --- The QTI player ------------------------------------------------------------------------

#: every item rendered by the player in one page, answered through its API (`responses`,
#: `processResponse`), the SCORE read from the player's own response processing
PLAY = """async (items) => {
  const elements = items.map(([name, xml]) => {
    const holder = document.createElement('div');
    holder.innerHTML = QtiComponents.qtiTransformItem().parse(xml).html();
    document.body.append(holder);
    return holder.querySelector('qti-assessment-item');
  });
  await Promise.all(elements.map((element) => element.updateComplete));
  await new Promise(requestAnimationFrame);
  return items.map(([name, xml, key, wrong], number) => {
    const element = elements[number];
    const score = (response) => {
      element.responses = [{responseIdentifier: 'RESPONSE', response}];
      element.processResponse(false, false);
      return [element.getOutcome('SCORE').value, element.getOutcome('FEEDBACK')?.value,
              element.getOutcome('TOELICHTING').value];
    };
    const [right, feedback, explanation] = score(key);
    const [none] = score(wrong);
    return {name, right, none, feedback, explanation,
            identifier: element.identifier,
            choices: element.querySelectorAll('qti-simple-choice').length,
            rendered: !!element.querySelector(
              'qti-choice-interaction, qti-order-interaction, qti-text-entry-interaction'
            )?.shadowRoot};
  });
}"""


def _answers(element: ET.Element) -> tuple:
    """(key, a wrong answer) as the player takes them: strings, lists for more than one."""
    response = element.find(f"{Q}qti-response-declaration")
    key = [value.text for value in response.iter(f"{Q}qti-value")]
    options = [choice.get("identifier") for choice in element.iter(f"{Q}qti-simple-choice")]
    cardinality, base_type = response.get("cardinality"), response.get("base-type")
    if base_type == "float":
        bound = max(float(value.text) for value in element.iter(f"{Q}qti-base-value")
                    if value.get("base-type") == "float")
        return key[0], str(bound + 1)
    if cardinality == "single":
        return key[0], next(option for option in options if option not in key)
    if cardinality == "ordered":
        return key, key[::-1]
    wrong = [option for option in options if option not in key]
    return key, key[:-1] + wrong[:1] if wrong else key[:-1]


@pytest.mark.browser
def test_the_qti_player_scores_every_item(reused_tab, items, player):
    tab = reused_tab()
    errors = []
    listen(tab, "pageerror", lambda error: errors.append(str(error)))
    tab.goto(player, wait_until="load")
    played = [(name, ET.tostring(element, encoding="unicode"), *_answers(element))
              for name, element in items.items()]
    results = tab.evaluate(PLAY, played)
    assert not errors
    assert len(results) == len(items)
    for result, (name, _, key, _) in zip(results, played, strict=True):
        element = items[name]
        assert result["rendered"] and result["identifier"] == name, name
        assert result["choices"] == len(list(element.iter(f"{Q}qti-simple-choice"))), name
        assert (float(result["right"]), float(result["none"])) == (1.0, 0.0), json.dumps(result)
        if element.find(f".//{Q}qti-choice-interaction") is not None:
            # the feedback of the options chosen is what the player would show
            assert sorted(result["feedback"] if isinstance(key, list) else [result["feedback"]]) \
                == sorted(key if isinstance(key, list) else [key]), name
        assert result["explanation"] == "UITLEG", name


SCORE_OF = """async ([xml, responses]) => {
  const holder = document.createElement('div');
  holder.innerHTML = QtiComponents.qtiTransformItem().parse(xml).html();
  document.body.append(holder);
  const element = holder.querySelector('qti-assessment-item');
  await element.updateComplete;
  return responses.map((response) => {
    element.responses = [{responseIdentifier: 'RESPONSE', response}];
    element.processResponse(false, false);
    return element.getOutcome('SCORE').value;
  });
}"""


def key_feature_steps() -> list[dict]:
    """The nascholing's "kies maximaal N" steps with harmful options, from the source: keys,
    harmful and other options as the export names them (K + the written number)."""
    found = []
    text = (ROOT / f"{TEST_PAGE}.md").read_text(encoding="utf-8")
    for body in re.findall(r"```\{vraag\}\n(.*?)\n```", text, re.S):
        limit = re.search(r"^:maximaal:\s*(\d+)", body, re.M)
        harmful = re.search(r"^:schadelijk:\s*(.+)$", body, re.M)
        if not (limit and harmful):
            continue
        marks = re.findall(r"^- \[([ xX])\]", body, re.M)
        bad = {f"K{n.strip()}" for n in harmful[1].split(",")}
        keys = [f"K{i}" for i, mark in enumerate(marks, 1) if mark != " "]
        others = [f"K{i}" for i, mark in enumerate(marks, 1)
                  if mark == " " and f"K{i}" not in bad]
        found.append({"name": re.search(r"^:id:\s*(\S+)", body, re.M)[1], "keys": keys,
                      "harmful": sorted(bad), "others": others, "limit": int(limit[1])})
    return found


@pytest.mark.browser
def test_in_the_player_a_harmful_choice_costs_a_key_feature_step(reused_tab, items, player):
    """As in the book: every key and a harmless extra within the limit scores 1; every key and
    a harmful option scores 0."""
    steps = key_feature_steps()
    assert steps, "geen casusstap met ':maximaal:' en ':schadelijk:' in de nascholing"
    tab = reused_tab()
    tab.goto(player, wait_until="load")
    for step in steps:
        xml = ET.tostring(items[step["name"]], encoding="unicode")
        responses = [step["keys"], step["keys"] + step["harmful"][:1]]
        if len(step["keys"]) < step["limit"] and step["others"]:
            responses.append(step["keys"] + step["others"][:1])
        scores = [float(score) for score in tab.evaluate(SCORE_OF, [xml, responses])]
        assert scores == [1.0, 0.0, 1.0][:len(responses)], (step["name"], scores)


def test_a_question_the_book_refuses_stops_the_export(tmp_path):
    """A question the `{vraag}` directive refuses would be missing from the package: the
    export stops with the directive's Dutch message, which names the question."""
    (tmp_path / "_config.yml").write_bytes((ROOT / "_config.yml").read_bytes())
    (tmp_path / "book" / "toetsvragen").mkdir(parents=True)
    (tmp_path / "book" / "nascholing").mkdir()
    (tmp_path / "book" / "data").symlink_to(ROOT / "book" / "data")
    (tmp_path / "book" / "nascholing" / "vragen.md").write_text("# Toets\n", encoding="utf-8")
    (tmp_path / "book" / "toetsvragen" / "kapot.md").write_text(
        "```{vraag}\n:id: zonder-uitleg\n:soort: enkel\n:onderwerp: x\n\nVraag?\n\n"
        "- [x] Ja.\n- [ ] Nee.\n```\n", encoding="utf-8")
    # in a process of its own, like `make qti`: an in-process Sphinx whose build stops leaves
    # docutils' registries to the next in-process build of this worker (test_quiz's roots)
    done = subprocess.run([sys.executable, "-c", REFUSED, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "zonder-uitleg" in done.stdout
    assert done.stdout.startswith("book/toetsvragen/kapot.md:")  # no colours, no ERROR


REFUSED = """
import sys
from pathlib import Path
from miskraam.qti import QtiError
from miskraam.qti.__main__ import collect
try:
    collect(Path(sys.argv[1]))
except QtiError as refused:
    print(refused)
    sys.exit(3)
"""


@pytest.mark.browser
def test_the_qti_player_reads_the_test(reused_tab, package, player):
    """The player's own reading of the nascholing test: every item reference, by topic."""
    tab = reused_tab()
    tab.goto(player, wait_until="load")
    test = package["tests/eindtoets-nascholing.xml"].decode("utf-8")
    read = tab.evaluate("(xml) => QtiComponents.qtiTransformTest().parse(xml).items()", test)
    refs = ET.fromstring(test).iter(f"{Q}qti-assessment-item-ref")
    assert [(entry["identifier"], entry["href"], entry["category"]) for entry in read] == \
        [(ref.get("identifier"), ref.get("href"), ref.get("category")) for ref in refs]
    pool = set(re.findall(r"^:id:\s*(\S+)", (ROOT / f"{TEST_PAGE}.md").read_text(encoding="utf-8"),
                          re.M))
    assert {entry["href"].removeprefix("../items/").removesuffix(".xml") for entry in read} == pool
