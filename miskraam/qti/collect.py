"""A Sphinx builder that writes nothing: it keeps every page's ``{vraag}`` nodes after Sphinx
resolved them, and the test page's ``{blauwdruk}``, for ``package.py`` to export."""

from __future__ import annotations

from sphinx.builders import Builder

from ..content.quiz import blueprint_node, question_node


class QuestionCollector(Builder):
    name = "qti-questions"
    format = "qti"
    epilog = ""

    def init(self):
        #: (page, question node) in page order, pages by name
        self.questions: list[tuple[str, question_node]] = []
        #: {page: {casussen, onderwerpen}} for each page with a {blauwdruk} (blueprint.py)
        self.blueprints: dict[str, dict] = {}

    def get_outdated_docs(self):
        return self.env.found_docs

    def get_target_uri(self, docname, typ=None):
        return ""

    def prepare_writing(self, docnames):
        pass

    def write_doc(self, docname, doctree):
        self.questions += [(docname, node.deepcopy()) for node in doctree.findall(question_node)]
        for node in doctree.findall(blueprint_node):
            self.blueprints[docname] = {"casussen": node["casussen"],
                                        "onderwerpen": dict(node["onderwerpen"])}

    def finish(self):
        self.questions.sort(key=lambda pair: pair[0])  # stable: page order kept within a page
