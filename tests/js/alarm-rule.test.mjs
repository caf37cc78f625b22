// The call rule of "Wanneer bellen?" (miskraam/widgets/alarm-rule.js) as a table, in Node:
// every alarm sign x every form in which a reader types it x bad input in the other fields.
// Whatever else is empty, wrong or unreadable, a sign gives at least its own level and its
// reason; what cannot be read asks a question and says "bel" until she answers; what
// contradicts itself is named. The signs and limits come from Python (course-data.mjs).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { advise, readPads, readTemperature } from "../../miskraam/widgets/alarm-rule.js";
import { callWidgetState } from "./course-data.mjs";

const { alarm, limits } = callWidgetState();
const SIGNS = Object.fromEntries(alarm.signs.map((sign) => [sign.id, sign]));
const PADS = alarm.signs.find((s) => s.input === "maandverbanden");
const FEVER = alarm.signs.find((s) => s.input === "temperatuur");
const RANK = { geen: 0, bel: 1, "112": 2 };

function input(overrides = {}) {
  return {
    pads: "", padsAnswer: null, temperatureKnown: false, temperature: "", temperatureAnswer: null,
    pain: alarm.pain_levels[0].id, checked: new Set(), ...overrides,
  };
}

// How a reader types "over the limit" in the pads field, and in the temperature field. The
// limits come from the registry: the forms are built around them.
const over = PADS.limit + 1;
const PADS_OVER = [
  `${over}`, `${over} per uur`, `${over}x`, `${over} keer`, `${over} maandverbanden`,
  `${over} doorweekte maandverbanden in het laatste uur`, `${PADS.limit} a ${over}`,
  `${PADS.limit} à ${over}`, `${PADS.limit}-${over}`, `${PADS.limit} tot ${over}`,
  `meer dan ${PADS.limit}`, `minstens ${over}`, `ik denk ${over}`, `${over} maandverbanden vol`,
  `1 per ${60 / over} minuten`, `elke ${60 / over} minuten een`, `een stuk of ${over}`,
  `${over} per uur`.replace(`${over}`, `${over / 2}`).replace("per uur", "per half uur"),
  `elk kwartier een`, `1 per kwartier`, `>${PADS.limit}`, `zo’n ${over}`, `${PADS.limit}½`,
  "twee en een half", `${over}p/u`, `${over} nachtverbanden`,
  "veel", "heel veel", "Heel erg veel", "te veel", "heel erg veel bloed", "Veel!",
  ["nul", "een", "twee", "drie", "vier", "vijf"][over] ?? `${over}`,
];
const PADS_AT_LIMIT = [`${PADS.limit}`, `${PADS.limit - 1}/${PADS.limit}`, `${PADS.limit - 1}-${PADS.limit}`,
  ["nul", "een", "twee", "drie"][PADS.limit], `${PADS.limit / 2} per half uur`, `elk half uur een`,
  `max ${PADS.limit}`];
const PADS_UNDER = ["0", "geen", `${PADS.limit - 1}`, "half", `minder dan ${PADS.limit}`, `1 per ${60 / (PADS.limit - 1)} minuten`];
const PADS_UNREADABLE = ["weet ik niet", "een paar", "-1", "500", "abc"];

const t = FEVER.limit;
const comma = (x) => String(x).replace(".", ",");
const TEMPERATURE_OVER = [
  comma(t + 0.5), `${t + 0.5}`, `${comma(t + 0.2)} graden`, `${comma(t + 0.2)}°C`, `${comma(t + 0.2)} °C`,
  `${comma(t + 1.5)} graden`, `${t + 1}`, "hoog", `ruim ${t}`, `boven de ${t}`, `${comma(t + 0.2)} rectaal`,
  `${t}-${t + 1}`, `${t} komma 5`, `${t}.5C`, `rond de ${t + 1}`, `${t + 1}°`,
];
const TEMPERATURE_AT_LIMIT = [`${t}`, `${t} graden`, `${t},0`, `${t}°`, `minstens ${t}`];
const TEMPERATURE_UNDER = [comma(t - 0.5), `${t - 1}`, "normaal"];
// not measured in the anus: lower than rectal, so never "no fever" without asking
const TEMPERATURE_UNREADABLE = ["warm", `${t * 10 + 5}`, "101", "60", "-", `${comma(t - 0.1)} in mijn mond`,
  `${comma(t - 0.2)} in mijn oor`, `${comma(t - 0.4)} onder mijn arm`];

// Bad or missing input a reader makes in the other fields.
const BAD = {
  "alles leeg": {},
  "verbanden onleesbaar": { pads: "abc" },
  "verbanden negatief": { pads: "-1" },
  "verbanden onmogelijk": { pads: "500" },
  "temperatuur gemeten maar leeg": { temperatureKnown: true, temperature: "" },
  "temperatuur onleesbaar": { temperatureKnown: true, temperature: "warm" },
  "temperatuur onmogelijk": { temperatureKnown: true, temperature: "60" },
  "temperatuur onbekend": { temperatureKnown: false },
};

// The ways a reader enters one sign (a list: every form of input for the measured signs).
function entries(sign) {
  if (sign.input === "vinkje") return [{ checked: new Set([sign.id]) }];
  if (sign.input === "pijn") return [{ pain: sign.pain }];
  if (sign.input === "maandverbanden") return PADS_OVER.map((pads) => ({ pads }));
  if (sign.input === "temperatuur") return TEMPERATURE_OVER.map((temperature) => ({ temperatureKnown: true, temperature }));
  // a combination: every way of making it
  return sign.samen.map((ids) => ids.reduce((all, id) => {
    const [entry] = entries(SIGNS[id]);
    return { ...all, ...entry, checked: new Set([...(all.checked ?? []), ...(entry.checked ?? [])]) };
  }, {}));
}

function touches(entry, bad) {
  const fields = (x) => new Set(Object.keys(x).filter((k) => k !== "checked" && k !== "pain"));
  const mine = fields(entry);
  const theirs = fields(bad);
  if (mine.has("temperature") || mine.has("temperatureKnown")) mine.add("temperature").add("temperatureKnown");
  return [...theirs].some((field) => mine.has(field));
}

describe("every sign, in every form, with every kind of bad input, gives its level", () => {
  const cases = [];
  for (const sign of alarm.signs) {
    for (const entry of entries(sign)) {
      for (const [name, bad] of Object.entries(BAD)) {
        if (touches(entry, bad)) continue;
        cases.push([sign, entry, name, bad]);
      }
    }
  }
  test("the table is big", () => {
    assert.ok(cases.length >= 250, `${cases.length} cases`);
    assert.deepEqual(new Set(cases.map(([sign]) => sign.id)), new Set(Object.keys(SIGNS)));
  });
  for (const [sign, entry, name, bad] of cases) {
    const typed = entry.pads ?? entry.temperature ?? [...(entry.checked ?? [])].join("+") ?? entry.pain;
    test(`${sign.id} (${typed || entry.pain}) + ${name}`, () => {
      const result = advise(input({ ...bad, ...entry, checked: entry.checked ?? new Set() }), alarm, limits);
      assert.ok(RANK[result.level] >= RANK[sign.level], `${result.level} for a sign of level ${sign.level}`);
      const said = [...result.reasons["112"], ...result.reasons.bel].join(" | ");
      assert.ok(said.includes(sign.reason), `"${sign.reason}" missing from: ${said}`);
    });
  }
});

describe("what the reader types in the pads field", () => {
  for (const typed of PADS_OVER) {
    test(`"${typed}" is over the limit: Bel nu`, () => {
      const result = advise(input({ pads: typed }), alarm, limits);
      assert.equal(result.level, "bel");
      assert.ok(result.reasons.bel.some((r) => r.startsWith(PADS.reason)), result.reasons.bel.join(" | "));
      assert.equal(result.fields.pads.question, null);
    });
  }
  for (const typed of PADS_AT_LIMIT) {
    test(`"${typed}" is at the limit: call to be safe`, () => {
      const result = advise(input({ pads: typed }), alarm, limits);
      assert.equal(result.level, "bel");
      assert.ok(result.reasons.bel.includes(PADS.at_limit));
    });
  }
  for (const typed of PADS_UNDER) {
    test(`"${typed}" is under the limit: no alarm, no question`, () => {
      const result = advise(input({ pads: typed, temperatureKnown: true, temperature: "37" }), alarm, limits);
      assert.equal(result.level, "geen");
      assert.equal(result.fields.pads.question, null);
    });
  }
  for (const typed of PADS_UNREADABLE) {
    test(`"${typed}" cannot be read: a question beside the field, and Bel nu until she answers`, () => {
      const unanswered = advise(input({ pads: typed }), alarm, limits);
      assert.equal(unanswered.level, "bel");
      assert.match(unanswered.fields.pads.question, /\?$/);
      assert.ok(unanswered.fields.pads.question.includes(PADS.limit_text));
      assert.ok(unanswered.fields.pads.messages.some((m) => m.includes(typed) || m.includes("kan niet kloppen")));
      assert.match(unanswered.reasons.bel.join(" "), /kan niet lezen/);
      const yes = advise(input({ pads: typed, padsAnswer: "ja" }), alarm, limits);
      assert.equal(yes.level, "bel");
      assert.ok(yes.reasons.bel.some((r) => r.startsWith(PADS.reason)));
      const no = advise(input({ pads: typed, padsAnswer: "nee", temperatureKnown: true, temperature: "37" }), alarm, limits);
      assert.equal(no.level, "geen");
    });
  }
  test("a reading that took more than digits says how it read", () => {
    assert.match(readPads(`${PADS.limit} a ${over}`, limits).echo, new RegExp(`ik reken met ${over}`));
    assert.match(readPads(`meer dan ${PADS.limit}`, limits).echo, /meer dan/);
    assert.equal(readPads(`${over}`, limits).echo, undefined);
  });
});

describe("what the reader types in the temperature field", () => {
  for (const typed of TEMPERATURE_OVER) {
    test(`"${typed}" is fever: Bel nu`, () => {
      const result = advise(input({ temperatureKnown: true, temperature: typed }), alarm, limits);
      assert.equal(result.level, "bel");
      assert.ok(result.reasons.bel.some((r) => r.startsWith(FEVER.reason)), result.reasons.bel.join(" | "));
    });
  }
  for (const typed of TEMPERATURE_AT_LIMIT) {
    test(`"${typed}" is at the limit: call to be safe`, () => {
      const result = advise(input({ temperatureKnown: true, temperature: typed }), alarm, limits);
      assert.ok(result.reasons.bel.includes(FEVER.at_limit));
    });
  }
  for (const typed of TEMPERATURE_UNDER) {
    test(`"${typed}" is no fever`, () => {
      const result = advise(input({ temperatureKnown: true, temperature: typed }), alarm, limits);
      assert.equal(result.level, "geen");
    });
  }
  for (const typed of TEMPERATURE_UNREADABLE) {
    test(`"${typed}" cannot be read: a question, and Bel nu until she answers`, () => {
      const result = advise(input({ temperatureKnown: true, temperature: typed }), alarm, limits);
      assert.equal(result.level, "bel");
      assert.ok(result.fields.temperature.question.includes(FEVER.limit_text));
      const no = advise(input({ temperatureKnown: true, temperature: typed, temperatureAnswer: "nee" }), alarm, limits);
      assert.equal(no.level, "geen");
      const yes = advise(input({ temperatureKnown: true, temperature: typed, temperatureAnswer: "ja" }), alarm, limits);
      assert.ok(yes.reasons.bel.some((r) => r.startsWith(FEVER.reason)));
    });
  }
  test("three digits without a comma: it asks whether she meant the decimal", () => {
    assert.match(readTemperature(`${t * 10 + 5}`, limits).message, new RegExp(`Bedoel je ${t},5`));
  });
  test("a fever typed and then 'Ik weet mijn temperatuur niet' is named, and counts", () => {
    const result = advise(input({ temperatureKnown: false, temperature: `${t + 1}` }), alarm, limits);
    assert.equal(result.level, "bel");
    assert.ok(result.reasons.bel.some((r) => r.startsWith(FEVER.reason)));
    const message = result.fields.temperature.messages.join(" ");
    assert.ok(message.includes(`${t + 1}`) && message.includes("koorts"), message);
  });
  test("'Ik weet mijn temperatuur niet' alone is never 'no fever': it says to measure or call", () => {
    const result = advise(input({ temperatureKnown: false }), alarm, limits);
    assert.ok(result.notes.some((note) => /meet|bel/i.test(note)));
  });
});

describe("the course's triage: dizziness alone is Bel nu, with another sign it is 112", () => {
  const only = (ids, extra = {}) => advise(input({ checked: new Set(ids), ...extra }), alarm, limits);
  test("dizzy alone: Bel nu, not 112", () => assert.equal(only(["duizelig"]).level, "bel"));
  test("sweaty, clammy or pale alone: Bel nu", () => assert.equal(only(["klam"]).level, "bel"));
  test("dizzy and clammy: 112", () => assert.equal(only(["duizelig", "klam"]).level, "112"));
  test("dizzy while lying down: 112", () => assert.equal(only(["duizelig-liggen"]).level, "112"));
  test("dizzy with heavy bleeding: 112", () => assert.equal(only(["duizelig"], { pads: `${over} per uur` }).level, "112"));
  test("dizzy with more pain than a heavy period: 112", () => {
    const more = alarm.signs.find((s) => s.input === "pijn" && s.level === "bel").pain;
    assert.equal(only(["duizelig"], { pain: more }).level, "112");
  });
  test("dizzy with an unreadable pads field is not yet 112, but Bel nu with the question", () => {
    const result = only(["duizelig"], { pads: "abc" });
    assert.equal(result.level, "bel");
    assert.equal(only(["duizelig"], { pads: "abc", padsAnswer: "ja" }).level, "112");
  });
  test("fainting: 112", () => assert.equal(only(["flauw"]).level, "112"));
  test("dizzy with bleeding exactly at the limit: Bel nu (the leaflet says more than)", () => {
    assert.equal(only(["duizelig"], { pads: `${PADS.limit}` }).level, "bel");
  });
  test("bleeding more than her usual period before it is known to be a miscarriage: Bel nu", () => {
    const result = only(["meer-dan-menstruatie"]);
    assert.equal(result.level, "bel");
    assert.ok(result.reasons.bel.includes(SIGNS["meer-dan-menstruatie"].reason));
  });
  test("that sign is a checkbox of its own, beside the pads field (the leaflet's measure)", () => {
    assert.equal(SIGNS["meer-dan-menstruatie"].input, "vinkje");
    assert.ok(alarm.signs.some((s) => s.id === "veel-bloed" && s.input === "maandverbanden"));
  });
  test("dizzy with cramps that go on after the miscarriage: Bel nu, not 112 (two readings, Dec 2026)", () => {
    assert.equal(only(["duizelig", "blijvende-klachten"]).level, "bel");
    assert.equal(only(["duizelig"], { pads: `${PADS.limit + 1}` }).level, "112");
  });
  test("feeling ill or shivery, or discharge that smells, without a measured fever: Bel nu", () => {
    const result = only(["ziek-of-ruikend"]);
    assert.equal(result.level, "bel");
    assert.ok(result.reasons.bel.includes(SIGNS["ziek-of-ruikend"].reason));
  });
  test("with a 112 verdict every other reason is listed too", () => {
    const result = only(["flauw", "ongerust"], { temperatureKnown: true, temperature: `${t + 1}` });
    assert.equal(result.level, "112");
    assert.ok(result.reasons.bel.includes(SIGNS.ongerust.reason));
    assert.ok(result.reasons.bel.some((r) => r.startsWith(FEVER.reason)));
  });
  test("very severe pain counts once (112), not also as 'more pain' (bel)", () => {
    const worst = alarm.pain_levels.at(-1).id;
    const result = advise(input({ pain: worst }), alarm, limits);
    assert.equal(result.level, "112");
    assert.equal(result.reasons.bel.length, 0);
  });
  test("nothing filled in: empty, no alarm", () => {
    const result = advise(input(), alarm, limits);
    assert.equal(result.level, "geen");
    assert.ok(result.empty);
  });
});
