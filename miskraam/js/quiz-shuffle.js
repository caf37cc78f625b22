// The options of a choice question in a new order for each attempt, and the same order for the
// rest of that attempt (a reload, a visit later). Where the author wrote the right answer, and
// the order a reader saw last time, then give nothing away. No DOM here; tests/js/quiz-shuffle.test.mjs
// runs it in Node with a seeded random source. An order is a list of the options' values (their
// written numbers, "1", "2", …), as the page's inputs carry them.

// A new array with the items in random order: Fisher-Yates, so every order is equally likely.
// `random` returns a number in [0, 1), as Math.random does. Our own because the page script is
// bundled without packages (jsbundle.py), and the algorithm is these six lines.
export function shuffled(items, random = Math.random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Whether `order` holds exactly `values`, each once: an order kept from another version of the
// page (an option added or removed) is not one.
export function isOrderOf(order, values) {
  if (!Array.isArray(order) || order.length !== values.length) return false;
  const wanted = new Set(values);
  return new Set(order).size === order.length && order.every((value) => wanted.has(value));
}

// The orders of one attempt: `kept` is what the attempt stored ({question: order}), `questions`
// [{name, values}] the page's choice questions. A question keeps its stored order; one without
// (a new attempt, a question the book changed) gets a new one. `changed`: whether anything is
// new, so the page stores the orders only then.
export function attemptOrders(kept, questions, random = Math.random) {
  const orders = {};
  let changed = false;
  for (const { name, values } of questions) {
    const stored = kept ? kept[name] : undefined;
    if (isOrderOf(stored, values)) {
      orders[name] = [...stored];
    } else {
      orders[name] = shuffled(values, random);
      changed = true;
    }
  }
  return { orders, changed };
}
