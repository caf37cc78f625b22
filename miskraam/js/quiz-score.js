// What a test's record adds up to: the score line under a page's questions, the line of the
// progress overview, and the result of the nascholing module (score, pass mark, topics). No
// DOM here; tests/js/quiz.test.mjs and pass-mark.test.mjs run it in Node.

// {total, answered, right} of a test, for the questions the page shows (`names`).
export function score(record, names) {
  const answers = record ? record.antwoorden : {};
  const answered = names.filter((name) => name in answers);
  return { total: names.length, answered: answered.length, right: answered.filter((name) => answers[name]).length };
}

// The line under a page's questions.
export function scoreLine(record, names) {
  const s = score(record, names);
  if (!s.answered) return `Toets: ${s.total} vragen. Je score wordt alleen in deze browser bewaard.`;
  if (s.answered < s.total) return `Je hebt ${s.answered} van de ${s.total} vragen beantwoord; ${s.right} goed (eerste poging).`;
  return `Klaar${record && record.datum ? ` (${record.datum})` : ""}: ${s.right} van de ${s.total} vragen goed bij de eerste poging.`;
}

// A test's line in the progress overview ("Mijn voortgang"), from its record alone.
export function overviewLine(record) {
  const answers = record ? Object.values(record.antwoorden) : [];
  if (!answers.length) return "nog niet gedaan";
  if (answers.length < record.vragen) return `bezig: ${answers.length} van ${record.vragen} beantwoord`;
  return `gedaan op ${record.datum}: ${answers.filter(Boolean).length} van ${record.vragen} goed`;
}

// What to do about a topic, from its share of right answers.
function advice(right, total) {
  if (right === total) return "goed";
  return right / total >= 0.5 ? "lees nog eens na" : "lees opnieuw";
}

// The pass mark's one rule (content/quizresult.py computes the cut the page states by the
// same): `right` of `total` passes a mark of `mark`% when right * 100 >= mark * total. Whole
// numbers only, no rounding: 25 of 36 is 69.4% and fails at 70, 26 of 36 passes.
export function passes(right, total, mark) {
  return right * 100 >= mark * total;
}

// The fewest right answers that pass ("geslaagd bij 26 van de 36").
export function cutOf(total, mark) {
  return Math.floor((mark * total + 99) / 100); // the ceiling of mark * total / 100, in integers
}

// The score in whole percent, rounded down: the percentage shown reaches the mark exactly when
// the score passes (69.6% shows as 69%, never as a 70% that fails).
export function percentOf(right, total) {
  return total ? Math.floor((100 * right) / total) : 0;
}

// The result of a whole test against its pass mark (a percentage). `questions` is
// [{name, topic}]. Until every question is answered: {complete: false, answered, total}.
export function result(record, questions, passMark) {
  const s = score(record, questions.map((question) => question.name));
  if (s.answered < s.total) return { complete: false, ...s };
  const topics = new Map();
  for (const question of questions) {
    const topic = question.topic || "overig";
    const t = topics.get(topic) || { topic, right: 0, total: 0 };
    t.total += 1;
    if (record.antwoorden[question.name]) t.right += 1;
    topics.set(topic, t);
  }
  return {
    complete: true, ...s, percent: percentOf(s.right, s.total), passMark,
    cut: cutOf(s.total, passMark), passed: passes(s.right, s.total, passMark),
    topics: [...topics.values()].map((t) => ({ ...t, advice: advice(t.right, t.total) })),
  };
}

// The line under "Geslaagd." or "Nog niet geslaagd.": the score and the cut, in questions.
export function resultLine(outcome) {
  const { right, total, percent, passMark, cut } = outcome;
  return `Je score is ${right} van de ${total} goed (${percent}%) bij de eerste poging. `
    + `De cesuur is ${passMark}%: geslaagd bij ${cut} van de ${total}.`;
}

// The pass mark as the proof of participation states it.
export function passMarkLine(outcome) {
  return `${outcome.passMark}%: geslaagd bij ${outcome.cut} van de ${outcome.total} vragen`;
}
