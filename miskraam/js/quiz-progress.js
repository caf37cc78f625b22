// A reader's progress on the self-tests, kept in her browser only (storage.js): one record per
// test (the questions of one page) and per attempt ("Begin opnieuw" starts a new one),
// {vragen, antwoorden: {question: right at the first try}, datum, volgorde: {question: the order
// of its options in this attempt}, keuzes: {question: her last checked answer}, trekking: [the
// questions drawn for this attempt, on a test drawn from a pool]}. The last three let a reload
// show the page as she left it (quiz-shuffle.js, quiz-form.js, quiz-draw.js). No DOM here;
// tests/js/quiz.test.mjs runs it in Node.

export const PREFIX = "miskraam-toets:";

// A test's record before any answer.
export function emptyRecord(questions) {
  return { vragen: questions, antwoorden: {} };
}

// The record after an answer: the first answer to a question counts (trying again after the
// feedback is for learning); the count of questions is the page's, the date today's. `given`,
// what she answered (a list of texts: quiz-form.js), is kept as her last answer, to be shown
// again after a reload.
export function withAnswer(record, { questions, question, right, date, given }) {
  const next = record ? { ...record, antwoorden: { ...record.antwoorden } } : emptyRecord(questions);
  next.vragen = questions;
  if (!(question in next.antwoorden)) next.antwoorden[question] = right;
  next.datum = date;
  if (given !== undefined) next.keuzes = { ...next.keuzes, [question]: [...given] };
  return next;
}

// The record with the attempt's order of options ({question: order}, quiz-shuffle.js).
export function withOrders(record, { questions, orders }) {
  return { ...(record || emptyRecord(questions)), volgorde: orders };
}

// The record with the attempt's draw from a pool (the names of its questions, quiz-draw.js).
export function withDraw(record, { questions, names }) {
  return { ...(record || emptyRecord(questions)), vragen: questions, trekking: [...names] };
}

// {question: list of texts} from what was stored, without the entries that are not.
function textLists(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).filter(([, list]) => Array.isArray(list)
    && list.every((text) => typeof text === "string")));
}

// A stored record as the page can use it, or null: what another version of the course or a
// hand left behind must not stop the page's questions. Answers that are not right or wrong
// are dropped, and so are orders and answers that are not lists of texts.
export function validRecord(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { vragen, antwoorden, datum } = value;
  if (!Number.isInteger(vragen) || vragen < 0) return null;
  if (!antwoorden || typeof antwoorden !== "object" || Array.isArray(antwoorden)) return null;
  const record = {
    vragen,
    antwoorden: Object.fromEntries(Object.entries(antwoorden).filter(([, right]) => typeof right === "boolean")),
  };
  if (typeof datum === "string") record.datum = datum;
  for (const field of ["volgorde", "keuzes"]) {
    const lists = textLists(value[field]);
    if (lists) record[field] = lists;
  }
  const { trekking } = value;
  if (Array.isArray(trekking) && trekking.every((name) => typeof name === "string")) record.trekking = [...trekking];
  return record;
}

// The records in `storage` (openStorage of storage.js).
export function progressStore(storage) {
  return {
    kept: storage.kept,
    read(test) {
      try {
        const raw = storage.get(PREFIX + test);
        return raw ? validRecord(JSON.parse(raw)) : null;
      } catch (unreadable) {
        return null;
      }
    },
    write(test, record) {
      storage.set(PREFIX + test, JSON.stringify(record));
    },
    clearAll() {
      for (const key of storage.keys()) if (key.startsWith(PREFIX)) storage.remove(key);
    },
  };
}
