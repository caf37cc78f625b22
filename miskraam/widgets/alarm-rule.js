// The call rule of "Wanneer bellen?": what a reader types, read as she means it, and the one
// rule that turns it into advice. No DOM here: tests/js/alarm-rule.test.mjs runs it in Node as
// a table (every sign x every form of input x bad input); the widget (wanneer_bellen.js) shows
// what it returns. The signs, pain levels, limits and texts come from Python
// (book/data/alarmsignalen.yml and the facts registry), through the widget's model.
//
// Safe by construction: every sign is evaluated on its own, so any alarm sign gives the advice
// to call, whatever else is empty or wrong. What cannot be read is never "no alarm": the widget
// asks a yes/no question beside the field, and until she answers, the advice is "Bel nu" with
// the reason. What contradicts itself is named, never dropped.

import { nl, readDutchNumber } from "../js/dutch-numbers.js";

// Number words a reader may type instead of digits.
export const NUMBER_WORDS = Object.freeze({
  geen: 0, nul: 0, half: 0.5, halve: 0.5, een: 1, "één": 1, eentje: 1, anderhalf: 1.5,
  twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12,
});

// Words that say "a lot" (the alarm sign itself) and words that say "nothing".
const MANY = /^(?:(?:heel|erg|zeer|echt|super|héél|heel erg|best|vrij|te|veel te|zo) )*veel$|^ontzettend veel$|^enorm veel$|^heel erg$|^alles$|^constant$|^doorweekt$/;
const NONE = /^(?:geen|niets|niks|nul|0|geen een|geen één|helemaal geen)$/;

// What may stand around the number: "ongeveer", the unit, words about the pads.
const HEDGES = /\b(?:ongeveer|zo'n|zon|rond(?: de)?|circa|ca\.?|ruwweg|een stuk of|denk ik|ik denk|geloof ik|volgens mij|misschien|wel)\b/g;
const PADS_NOISE = [
  HEDGES,
  /\b(?:doorweekte?|doordrenkte?|vol(?:le)?|nat(?:te)?)\b/g, /\bbloed(?:verlies)?\b/g,
  /\b(?:maand|nacht)?verband(?:en|je|jes)?\b/g, /\bpads?\b/g, /\bstuks?\b/g, /[±~≈!]/g,
];
const TEMPERATURE_NOISE = [
  HEDGES, /°\s*c?(?![a-z])/g, /\bgraden(?:\s+celsius)?\b/g, /\bgr\.?(?=\s|$)/g, /\bcelsius\b/g,
  /(?<=\d)\s*c\b/g, /\bc\b/g, /\b(?:rectaal|gemeten|in mijn anus|in je anus)\b/g, /[±~≈!]/g,
];
// Where she measured, when it was not in the anus: those readings are lower, so a number
// measured there cannot be held to the leaflet's limit (rectal); the widget asks.
const NOT_RECTAL = /\b(?:mond|oor|oren|oksel|arm|voorhoofd|tong|huid)\b/;

// The reader's text, lower case, with what a phone types turned into plain characters:
// curly quotes, "º" and "℃" for degrees, "½", ">" and "<", "komma", "en een half".
function normalise(raw) {
  return String(raw ?? "").toLowerCase().replace(/\s+/g, " ").trim()
    .replace(/[’‘`]/g, "'").replace(/[º˚]/g, "°").replace(/℃/g, "°c")
    .replace(/(\d)\s*½/g, "$1,5").replace(/ komma /g, ",")
    .replace(/^>=\s*/, "minstens ").replace(/^>\s*/, "meer dan ")
    .replace(/^<=\s*/, "hooguit ").replace(/^<\s*/, "minder dan ")
    .replace(/^max(?:\.|imaal)?\s+/, "hooguit ").replace(/^min(?:\.|imaal)\s+/, "minstens ")
    .replace(/(?<![\wé])([a-zé]+|\d+) en een half\b/, (all, whole) => {
      const number = Object.hasOwn(NUMBER_WORDS, whole) ? NUMBER_WORDS[whole] : Number(whole);
      return Number.isFinite(number) ? `${number},5` : all;
    });
}

function clean(raw, noise) {
  let text = normalise(raw);
  for (const pattern of noise) text = text.replace(pattern, " ");
  return text.replace(/\s+/g, " ").replace(/[.!?;:]+$/, "").trim();
}

// The time a number of pads is counted over: "per half uur", "elk kwartier", "om de 20
// minuten", "in 2 uur", "per uur" (the leaflet's own unit). Returns {minutes, rest}.
const WINDOWS = [
  [/\b(?:(?:per|in|binnen|elk|ieder|elke|iedere|om het|het laatste|het afgelopen|afgelopen|in het laatste)\s+)?(?:een\s+|1\s+)?half\s*uur\b/, () => 30],
  [/\b(?:(?:per|in|binnen|elk|ieder|om het|in een|het laatste)\s+)?kwartier\b/, () => 15],
  [/\b(?:(?:per|elke|iedere|om de|in|binnen|in de laatste|de laatste)\s+)?(\d+(?:[.,]\d+)?)\s*min(?:uten|uut|\.)?(?![a-z])/, (m) => Number(m[1].replace(",", "."))],
  [/\b(?:per|in|binnen|elke|iedere|om de|in de laatste|de laatste)\s+(\d+)\s*uur\b/, (m) => 60 * Number(m[1])],
  [/\b(?:(?:per|in een|in het laatste|het laatste|in 1|in één|het afgelopen|afgelopen|dit|elk|ieder)\s+)?uur\b|\/\s*(?:uur|u)\b|(?<=\d|\s|^)p\/u\b/, () => 60],
];

function timeWindow(text) {
  for (const [pattern, minutes] of WINDOWS) {
    const match = text.match(pattern);
    if (match) return { minutes: minutes(match), rest: text.replace(pattern, " ").replace(/\s+/g, " ").trim() };
  }
  return { minutes: 60, rest: text };
}

// A typed text as a message quotes it: short, so a long paste does not push the field away.
function quoted(typed) {
  return typed.length > 40 ? `${typed.slice(0, 37)}…` : typed;
}

// One number: digits in Dutch or English notation, a number word, "½".
function oneNumber(text) {
  const word = text.trim();
  if (word === "½") return 0.5;
  if (Object.hasOwn(NUMBER_WORDS, word)) return NUMBER_WORDS[word];
  const read = readDutchNumber(word);
  return read.value !== undefined && !read.error ? read.value : null;
}

// "3", "3x", "3 keer", "2 a 3", "2 à 3", "2-3", "2 tot 3", "2 of 3", "1/2", "meer dan 2".
// Returns {value, range?: [low, high], bound?: ">" | "<"} or null. A range counts by its
// highest number: for the alarm, the worse end is the one that matters.
function readAmount(text) {
  let body = text.replace(/\b(\d+|[a-zé]+)\s*(?:x|keer|maal)\b/g, "$1").trim();
  let bound = null;
  const bounded = body.match(/^(meer dan|ruim|boven(?: de)?|over|minstens|minimaal|tenminste|ten minste|hooguit|maximaal|minder dan|onder(?: de)?|nog geen|bijna)\s+(.+)$/);
  if (bounded) {
    // "meer dan 2" is more than 2; "minstens 2" and "hooguit 2" are 2 itself at the worse end;
    // "bijna 38" is just under it
    bound = /^(meer dan|ruim|boven|over)/.test(bounded[1]) ? ">"
      : /^(minder dan|onder|nog geen|bijna)/.test(bounded[1]) ? "<" : null;
    body = bounded[2];
  }
  // "2 1/2": two and a half
  const mixed = body.match(/^(\d+) (\d+)\/(\d+)$/);
  if (mixed && Number(mixed[3]) !== 0) return { value: Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]), bound };
  const range = body.match(/^(.+?)\s*(?:-|–|à|a|tot(?: en met)?|of|\/)\s*(.+)$/);
  if (range) {
    const low = oneNumber(range[1]), high = oneNumber(range[2]);
    if (low !== null && high !== null && low <= high) return { value: high, range: [low, high], bound };
    // "1/2" with a high below the low is not a range: read as the fraction below
  }
  const fraction = body.match(/^(\d+)\s*\/\s*(\d+)$/);
  if (fraction && Number(fraction[2]) !== 0) return { value: Number(fraction[1]) / Number(fraction[2]), bound };
  const value = oneNumber(body);
  return value === null ? null : { value, bound };
}

// What the reader's words mean for a limit: the highest value they allow, and how it was read.
// "meer dan 2": more than 2 pads is at least 3; "minder dan 3" is at most 2.
function amountValue(amount, step) {
  if (amount.bound === ">") return amount.value + step;
  if (amount.bound === "<") return Math.max(0, amount.value - step);
  return amount.value;
}

// The pads field. Returns one of
//   {kind: "empty"}
//   {kind: "value", value, echo?}   a number (echo: how words or a range were read)
//   {kind: "many", echo}            "veel", "heel veel": the alarm sign itself
//   {kind: "unknown", message}      cannot tell whether she is over the limit: ask her
export function readPads(raw, limits) {
  const typed = String(raw ?? "").trim();
  const { minutes, rest } = timeWindow(clean(raw, PADS_NOISE));
  const text = rest;
  if (typed === "") return { kind: "empty" };
  if (NONE.test(text)) return { kind: "value", value: 0 };
  if (MANY.test(text)) return { kind: "many", echo: `Je schreef "${quoted(typed)}": dat telt als veel bloedverlies.` };
  const counted = text === "" ? null : readAmount(text);
  if (counted === null) {
    return { kind: "unknown", message: `Ik kan "${quoted(typed)}" niet lezen als een aantal maandverbanden per uur.` };
  }
  // per hour: "1 per half uur" is 2 per hour
  const amount = minutes === 60 ? counted : {
    ...counted, rate: true, value: (counted.value * 60) / minutes,
    range: counted.range && counted.range.map((n) => (n * 60) / minutes),
  };
  const value = amountValue(amount, 1);
  const [low, high] = limits.pads;
  if (value < low || value > high) {
    return { kind: "unknown", message: `${nl(value)} maandverbanden in een uur kan niet kloppen.` };
  }
  const echo = interpreted(amount, text) ? `Ik lees "${quoted(typed)}" als ${describeAmount(amount, value)} per uur.` : undefined;
  return { kind: "value", value, echo };
}

// Whether the reading took more than digits (a range, a bound, a word): then it says how it read.
function interpreted(amount, text) {
  return Boolean(amount.range || amount.bound || amount.rate || /[a-zé½/]/.test(text));
}

function describeAmount(amount, value) {
  if (amount.range) return `${nl(amount.range[0])} tot ${nl(amount.range[1])}: ik reken met ${nl(amount.range[1])}`;
  if (amount.bound === ">") return `meer dan ${nl(amount.value)}: ik reken met ${nl(value)}`;
  if (amount.bound === "<") return `net onder ${nl(amount.value)}: ik reken met ${nl(value)}`;
  return nl(value);
}

// The temperature field: like readPads, with {kind: "fever"} for words that say fever and
// {kind: "normal"} for words that say none. "382" is probably 38,2: it asks.
export function readTemperature(raw, limits) {
  const typed = String(raw ?? "").trim();
  let text = clean(raw, TEMPERATURE_NOISE);
  if (typed === "") return { kind: "empty" };
  if (/^(?:(?:heel |erg |zeer |best )?hoog|(?:ik heb |ja,? )?(?:hoge )?koorts|warm en koorts)$/.test(text)) {
    return { kind: "fever", echo: `Je schreef "${quoted(typed)}": dat telt als koorts.` };
  }
  if (/^(?:normaal|geen(?: koorts)?|goed|niet hoog|laag)$/.test(text)) {
    return { kind: "normal", echo: `Je schreef "${quoted(typed)}": ik reken met geen koorts.` };
  }
  if (NOT_RECTAL.test(text)) {
    return { kind: "unknown", message: `Je mat niet in je anus ("${quoted(typed)}"). Dan is de temperatuur lager dan hij echt is. Meet in je anus, of beantwoord de vraag.` };
  }
  text = text.replace(/\s*\bkoorts\b\s*/, " ").trim();  // "39 koorts": the number counts
  const amount = text === "" ? null : readAmount(text);
  if (amount === null) {
    return { kind: "unknown", message: `Ik kan "${quoted(typed)}" niet lezen als een temperatuur.` };
  }
  const value = amountValue(amount, 0.1);
  const [low, high] = limits.temperature;
  if (value < low || value > high) {
    const meant = Number.isInteger(value) && value / 10 >= low && value / 10 <= high ? ` Bedoel je ${nl(value / 10)} °C?` : "";
    return { kind: "unknown", message: `${nl(value)} °C kan niet kloppen.${meant}` };
  }
  const echo = interpreted(amount, text) ? `Ik lees "${quoted(typed)}" als ${describeAmount(amount, value)} °C.` : undefined;
  return { kind: "value", value, echo };
}

// The one rule. `input`: {pads, padsAnswer, temperatureKnown, temperature, temperatureAnswer,
// pain, checked: Set}. pads and temperature are the raw field text; the answers are "ja",
// "nee" or null (the yes/no question beside a field she could not fill in as we read it).
// Returns {level: "112" | "bel" | "geen", reasons: {"112": [...], bel: [...]}, fields: {pads,
// temperature} (each {messages: [...], question: text or null}), notes: [...], empty}.
export function advise(input, alarm, limits) {
  const reasons = { "112": [], bel: [] };
  const present = new Set();
  const notes = [];
  const fields = { pads: { messages: [], question: null }, temperature: { messages: [], question: null } };
  const painOrder = alarm.pain_levels.map((level) => level.id);
  const signs = alarm.signs;
  const measured = {
    maandverbanden: padsSign(input, limits, signs, fields.pads),
    temperatuur: temperatureSign(input, limits, signs, fields.temperature, notes),
  };
  for (const sign of signs) {
    let reason = null;
    if (sign.input === "vinkje" && input.checked.has(sign.id)) reason = sign.reason;
    if (sign.input === "pijn" && painOrder.indexOf(input.pain) >= painOrder.indexOf(sign.pain)) reason = sign.reason;
    if (sign.input in measured && measured[sign.input]) {
      const result = measured[sign.input];
      reason = result.reason;
      if (result.counts) present.add(sign.id);
    }
    if (reason && sign.input !== "maandverbanden" && sign.input !== "temperatuur") present.add(sign.id);
    if (reason) reasons[sign.level].push(reason);
  }
  for (const sign of signs.filter((s) => s.input === "samen")) {
    if (sign.samen.some((ids) => ids.every((id) => present.has(id)))) {
      present.add(sign.id);
      reasons[sign.level].push(sign.reason);
    }
  }
  // a level of pain counts once: "heel erge pijn" (112) includes "meer pijn dan ..." (bel)
  if (present.has(signs.find((s) => s.input === "pijn" && s.level === "112")?.id)) {
    const lesser = new Set(signs.filter((s) => s.input === "pijn" && s.level !== "112").map((s) => s.reason));
    reasons.bel = reasons.bel.filter((reason) => !lesser.has(reason));
  }
  const level = reasons["112"].length ? "112" : reasons.bel.length ? "bel" : "geen";
  const empty = String(input.pads ?? "").trim() === "" && !input.temperatureKnown
    && String(input.temperature ?? "").trim() === "" && input.pain === painOrder[0] && input.checked.size === 0;
  return { level, reasons, fields, notes, empty };
}

// The pads sign: {reason, counts} when it gives a reason to call, else null.
function padsSign(input, limits, signs, field) {
  const sign = signs.find((s) => s.input === "maandverbanden");
  if (!sign) return null;
  const read = readPads(input.pads, limits);
  if (read.echo) field.messages.push(read.echo);
  if (read.kind === "many") return { reason: `${sign.reason} (${sign.limit_text})`, counts: true };
  if (read.kind === "value") {
    if (read.value > sign.limit) return { reason: `${sign.reason} (${sign.limit_text})`, counts: true };
    // at the limit itself: call to be safe, but the leaflet's "meer dan" is not met, so it
    // does not count as heavy bleeding in a combination
    if (read.value === sign.limit) return { reason: sign.at_limit, counts: false };
    return null;
  }
  if (read.kind === "unknown") {
    field.messages.push(read.message);
    field.question = `Waren het ${sign.limit_text}?`;
    if (input.padsAnswer === "ja") return { reason: `${sign.reason} (${sign.limit_text})`, counts: true };
    if (input.padsAnswer === "nee") return null;
    return { reason: "ik kan niet lezen hoeveel bloed je verliest; bel voor de zekerheid, of beantwoord de vraag bij het veld", counts: false };
  }
  return null;
}

// The temperature sign: as padsSign. "Ik weet mijn temperatuur niet" never counts as no fever,
// and a temperature typed anyway is not dropped: it is named, and it counts.
function temperatureSign(input, limits, signs, field, notes) {
  const sign = signs.find((s) => s.input === "temperatuur");
  if (!sign) return null;
  const typed = String(input.temperature ?? "").trim();
  if (!input.temperatureKnown && typed === "") {
    notes.push("Je temperatuur weet je niet. Voel je je warm, rillerig of ziek? Meet dan je temperatuur in je anus, of bel.");
    return null;
  }
  if (input.temperatureKnown && typed === "") {
    field.messages.push("Vul in wat je mat, of kies \"Ik weet mijn temperatuur niet\".");
    return null;
  }
  const read = readTemperature(typed, limits);
  const fever = read.kind === "fever" || (read.kind === "value" && read.value > sign.limit);
  if (!input.temperatureKnown) {
    field.messages.push(fever
      ? `Je typte "${quoted(typed)}": dat is koorts. Je koos ook "Ik weet mijn temperatuur niet"; ik reken met koorts.`
      : `Je typte "${quoted(typed)}", maar je koos ook "Ik weet mijn temperatuur niet". Ik reken met wat je typte.`);
  }
  if (read.echo) field.messages.push(read.echo);
  if (fever) return { reason: `${sign.reason} (${sign.limit_text})`, counts: true };
  if (read.kind === "value" && read.value === sign.limit) return { reason: sign.at_limit, counts: false };
  if (read.kind === "unknown") {
    field.messages.push(read.message);
    field.question = `Is je temperatuur ${sign.limit_text}?`;
    if (input.temperatureAnswer === "ja") return { reason: `${sign.reason} (${sign.limit_text})`, counts: true };
    if (input.temperatureAnswer === "nee") return null;
    return { reason: "ik kan je temperatuur niet lezen, dus ook niet of je koorts hebt; bel voor de zekerheid, of beantwoord de vraag bij het veld", counts: false };
  }
  return null;
}
