"""The way to put the book online (issue 19, "Publishing"; README, "Publishing the book"):
the GitHub Pages workflow builds the book with the README's build command, runs the README's
test command, and publishes only what that build wrote, only when the tests passed; the built
book has what a static host needs (.nojekyll for GitHub Pages from a branch, robots.txt,
404.html at its root)."""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import HTML, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def readme_commands() -> dict[str, str]:
    """The README's two commands, from its 'Two commands' block."""
    block = re.search(r"## Two commands.*?```bash\n(.*?)```", (ROOT / "README.md").read_text(
        encoding="utf-8"), re.S).group(1)
    return {line.split()[1]: line.split("#")[0].strip() for line in block.splitlines()
            if line.startswith("make ")}


def test_the_workflow_tests_then_publishes_what_make_book_builds():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    commands = readme_commands()
    # the tests: .ci/run, which runs the README's test command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/run" in runs and re.search(rf"^{re.escape(commands['test'])}$", ci, re.M)
    assert commands["book"] in runs
    assert runs.index(".ci/run") < runs.index(commands["book"])
    upload = next(step for step in build["steps"]
                  if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert (ROOT / upload["with"]["path"]).resolve() == HTML.resolve()
    # published only after the build job (and so the tests) succeeded
    assert deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in deploy["steps"])
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


@pytest.mark.build
def test_the_built_book_has_what_a_static_host_needs(html):
    assert (html / ".nojekyll").exists()
    assert (html / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *")
    assert (html / "404.html").exists() and (html / "index.html").exists()
