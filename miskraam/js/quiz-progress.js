// A reader's progress on the self-tests, kept in her browser only (storage.js): one record per
// test (the questions of one page), {vragen, antwoorden: {question: right at the first try},
// datum}. No DOM here; tests/js/quiz.test.mjs runs it in Node.

export const PREFIX = "miskraam-toets:";

// A test's record before any answer.
export function emptyRecord(questions) {
  return { vragen: questions, antwoorden: {} };
}

// The record after an answer: the first answer to a question counts (trying again after the
// feedback is for learning); the count of questions is the page's, the date today's.
export function withAnswer(record, { questions, question, right, date }) {
  const next = record ? { ...record, antwoorden: { ...record.antwoorden } } : emptyRecord(questions);
  next.vragen = questions;
  if (!(question in next.antwoorden)) next.antwoorden[question] = right;
  next.datum = date;
  return next;
}

// A stored record as the page can use it, or null: what another version of the course or a
// hand left behind must not stop the page's questions. Answers that are not right or wrong
// are dropped.
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
