"""miskraam/jsbundle.py joins ES modules into one script: each file once, dependencies first,
imports and export keywords gone; anything it cannot join safely is a Dutch error."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from miskraam.jsbundle import BundleError, bundle, module_order


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_dependencies_come_first_and_once(tmp_path):
    write(tmp_path, "a.js", "export function a() { return 1; }\n")
    write(tmp_path, "b.js", 'import { a } from "./a.js";\nexport const b = () => a();\n')
    main = write(tmp_path, "main.js", 'import { a } from "./a.js";\nimport { b } from "./b.js";\n'
                                      "function render() { return a() + b(); }\n"
                                      "export default { render };\n")
    assert [p.name for p in module_order(main)] == ["a.js", "b.js", "main.js"]
    text = bundle(main)
    assert "import" not in text
    assert "export function" not in text and "export const" not in text
    assert text.count("function a()") == 1
    assert text.rstrip().endswith("export default { render };")


def test_a_classic_script_has_no_default_export(tmp_path):
    main = write(tmp_path, "main.js", "function x() {}\nexport default { x };\n")
    with pytest.raises(BundleError, match="export default"):
        bundle(main, classic=True)


@pytest.mark.parametrize(("text", "message"), [
    ('import { x } from "https://example.org/x.js";\n', "alleen bestanden van het pakket"),
    ('import x from "./x.js";\n', "op één regel"),
    ('import {\n  x,\n} from "./x.js";\n', "op één regel"),
])
def test_imports_it_cannot_join_are_refused(tmp_path, text, message):
    write(tmp_path, "x.js", "export const x = 1;\n")
    with pytest.raises(BundleError, match=message):
        bundle(write(tmp_path, "main.js", text))


def test_two_files_declaring_one_name_are_refused(tmp_path):
    write(tmp_path, "a.js", "export function clean() {}\n")
    main = write(tmp_path, "main.js", 'import { clean } from "./a.js";\nfunction clean() {}\n')
    with pytest.raises(BundleError, match="'clean' staat ook in a.js"):
        bundle(main)


def test_an_import_cycle_is_refused(tmp_path):
    write(tmp_path, "a.js", 'import { b } from "./b.js";\nexport const a = 1;\n')
    write(tmp_path, "b.js", 'import { a } from "./a.js";\nexport const b = 2;\n')
    with pytest.raises(BundleError, match="importeert zichzelf"):
        bundle(tmp_path / "a.js")


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js ontbreekt; test_javascript.py faalt al")
def test_two_classic_scripts_sharing_a_module_run_on_one_page(tmp_path):
    """Two page scripts bundled from one module (the storage helper) are loaded by one page:
    each keeps its names to itself, so the second does not declare the first's again."""
    write(tmp_path, "shared.js", "export const PREFIX = 'p:';\n"
                                 "export function key(name) { return PREFIX + name; }\n")
    first = write(tmp_path, "first.js", 'import { key } from "./shared.js";\n'
                                        "globalThis.first = key('a');\n")
    second = write(tmp_path, "second.js", 'import { key } from "./shared.js";\n'
                                          "globalThis.second = key('b');\n")
    page = ("const vm = require('node:vm'); const page = vm.createContext({});"
            f"vm.runInContext({json.dumps(bundle(first, classic=True))}, page);"
            f"vm.runInContext({json.dumps(bundle(second, classic=True))}, page);"
            "console.log(JSON.stringify([page.first, page.second, typeof page.key]));")
    result = subprocess.run([NODE, "-e", page], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["p:a", "p:b", "undefined"]


def test_a_module_may_import_from_another_folder_of_the_package(tmp_path):
    (tmp_path / "helpers").mkdir()
    write(tmp_path / "helpers", "numbers.js", "export const one = 1;\n")
    (tmp_path / "widgets").mkdir()
    main = write(tmp_path / "widgets", "main.js",
                 'import { one } from "../helpers/numbers.js";\nexport default { one };\n')
    assert [p.name for p in module_order(main, root=tmp_path)] == ["numbers.js", "main.js"]
    assert "const one = 1;" in bundle(main, root=tmp_path)


def test_an_import_from_outside_the_package_is_refused(tmp_path):
    (tmp_path / "package").mkdir()
    write(tmp_path, "outside.js", "export const x = 1;\n")
    main = write(tmp_path / "package", "main.js", 'import { x } from "../outside.js";\n')
    with pytest.raises(BundleError, match="buiten"):
        bundle(main, root=tmp_path / "package")
