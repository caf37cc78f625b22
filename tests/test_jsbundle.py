"""miskraam/jsbundle.py joins ES modules into one script: each file once, dependencies first,
imports and export keywords gone; anything it cannot join safely is a Dutch error."""

from __future__ import annotations

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
    ('import { x } from "https://example.org/x.js";\n', "alleen bestanden naast"),
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
