"""The JavaScript logic, tested in Node (`node --test tests/js/`): the call rule and the reading
of what a reader types (miskraam/widgets/alarm-rule.js), Dutch numbers, number answers, the
self-tests' scoring and record, the storage helper and the colour mode (miskraam/js), as tables
of cases. Node is on the machine (CI installs it where missing); the course data comes from
this interpreter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

NODE = shutil.which("node")


def test_node_is_there():
    assert NODE, "Node.js ontbreekt: installeer het (apt-get install nodejs) voor de JS-tests"


@pytest.mark.skipif(NODE is None, reason="Node.js ontbreekt; test_node_is_there faalt al")
def test_javascript_logic_in_node():
    result = subprocess.run(
        [NODE, "--test", "--test-reporter=dot", "tests/js/"], cwd=ROOT, capture_output=True,
        text=True, timeout=300, env={**os.environ, "MISKRAAM_PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
