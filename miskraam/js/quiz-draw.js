// An attempt of a test drawn from a pool by its blueprint (content/blueprint.py writes it on the
// page): first `casussen` of the pool's key-feature cases, whole; then, per topic, single
// questions until the topic has the number the blueprint gives it (a case's steps count for
// their topics). Every attempt has the same length and every topic its number; which questions,
// chance decides. The draw is kept with the attempt (quiz-progress.js), so a reload shows the
// same questions; "Begin opnieuw" draws again. No DOM here; tests/js/quiz-draw.test.mjs runs it
// in Node. The build checks that every draw is possible (blueprint.py).

import { shuffled } from "./quiz-shuffle.js";

// `pool`: [{name, topic, casus}] in page order (casus "" for a single question);
// `blueprint`: {casussen, onderwerpen: {topic: per attempt}}. The names drawn, in page order.
export function drawAttempt(pool, blueprint, random = Math.random) {
  const cases = [...new Set(pool.filter((q) => q.casus).map((q) => q.casus))];
  const chosenCases = new Set(shuffled(cases, random).slice(0, blueprint.casussen));
  const drawn = new Set(pool.filter((q) => chosenCases.has(q.casus)).map((q) => q.name));
  const have = {};
  for (const q of pool) if (drawn.has(q.name)) have[q.topic] = (have[q.topic] || 0) + 1;
  for (const [topic, wanted] of Object.entries(blueprint.onderwerpen)) {
    const singles = pool.filter((q) => !q.casus && q.topic === topic).map((q) => q.name);
    for (const name of shuffled(singles, random).slice(0, Math.max(0, wanted - (have[topic] || 0)))) {
      drawn.add(name);
    }
  }
  return pool.filter((q) => drawn.has(q.name)).map((q) => q.name);
}

// Whether a kept draw is one the blueprint could give from this pool: a draw kept from another
// version of the page (a question removed, a number changed) is not, and is drawn again.
export function isDrawOf(names, pool, blueprint) {
  if (!Array.isArray(names)) return false;
  const byName = new Map(pool.map((q) => [q.name, q]));
  if (new Set(names).size !== names.length || !names.every((name) => byName.has(name))) return false;
  const picked = names.map((name) => byName.get(name));
  const cases = new Set(picked.filter((q) => q.casus).map((q) => q.casus));
  if (cases.size !== blueprint.casussen) return false;
  // a case is drawn whole
  if (pool.some((q) => cases.has(q.casus) && !names.includes(q.name))) return false;
  const counts = {};
  for (const q of picked) counts[q.topic] = (counts[q.topic] || 0) + 1;
  const topics = Object.entries(blueprint.onderwerpen);
  return topics.length === Object.keys(counts).length
    && topics.every(([topic, wanted]) => counts[topic] === wanted);
}

// The draw of an attempt: the kept one, or a new one. `changed`: whether it is new (to store).
export function attemptDraw(kept, pool, blueprint, random = Math.random) {
  if (isDrawOf(kept, pool, blueprint)) return { names: [...kept], changed: false };
  return { names: drawAttempt(pool, blueprint, random), changed: true };
}
