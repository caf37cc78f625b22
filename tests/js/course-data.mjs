// The course's data as the widgets receive it: the alarm signs and the call widget's limits,
// read from Python (miskraam/alarmsignalen.yml and the facts registry), never copied here.
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
