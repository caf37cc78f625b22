// The course's data as the widgets receive it: the alarm signs and the call widget's limits,
// read from Python (book/data/alarmsignalen.yml and the facts registry), never copied here.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function python() {
  if (process.env.MISKRAAM_PYTHON) return process.env.MISKRAAM_PYTHON;
  const venv = join(ROOT, ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

let cached = null;

// {alarm, limits}: the WanneerBellen widget's state, as the book embeds it.
export function callWidgetState() {
  if (cached) return cached;
  const code = "import json; from miskraam.widgets.wanneer_bellen import WanneerBellen as W; "
    + "w = W(); print(json.dumps({'alarm': w.alarm, 'limits': w.limits}))";
  cached = JSON.parse(execFileSync(python(), ["-c", code], { cwd: ROOT, encoding: "utf-8" }));
  return cached;
}

// Every number question of the book ({vraag} with `:soort: getal`), with its answer as quiz.py
// computes it from the registry (`:van:` a group: per 100 of the record, times the group).
export function numberQuestions() {
  const code = String.raw`
import json, re
from pathlib import Path
from miskraam.facts import registry
facts = registry()
found = []
for path in sorted(Path("book").rglob("*.md")):
    # \x60 is the backtick of a MyST fence
    for block in re.findall(r"\x60{3}\{vraag\}\n(.*?)\n\x60{3}", path.read_text(encoding="utf-8"), re.S):
        options = dict(re.findall(r"^:(\w+):[ \t]*(.*)$", block, re.M))
        if options.get("soort") != "getal":
            continue
        record = facts[options["feit"]]
        group = options.get("van")
        answer = record.per_100() * float(group.replace(",", ".")) / 100 if group else float(record.value)
        found.append({"id": options["id"], "answer": answer,
                      "margin": float((options.get("marge") or "0").replace(",", ".")),
                      "whole": "heel" in options, "unit": options.get("eenheid", "").strip()})
print(json.dumps(found))
`;
  return JSON.parse(execFileSync(python(), ["-c", code], { cwd: ROOT, encoding: "utf-8" }));
}
