// The one way the course's scripts use the browser's storage (localStorage). A browser may
// refuse it (cookies blocked, some private modes): then every use of localStorage throws.
// Nothing may break then. What would have been kept lives as long as the page, and the
// self-tests tell the reader so. Used by the colour mode (colour-mode-page.js), which also
// guards the scripts that are not ours, and by the self-tests (quiz-progress.js).

// Marks the page-long store, so a later script knows nothing is kept.
const MEMORY_ONLY = "miskraamMemoryOnly";

// A store with localStorage's methods that lives as long as the page.
export function memoryStorage() {
  const items = new Map();
  const store = {
    [MEMORY_ONLY]: true,
    getItem: (key) => (items.has(String(key)) ? items.get(String(key)) : null),
    setItem: (key, value) => { items.set(String(key), String(value)); },
    removeItem: (key) => { items.delete(String(key)); },
    clear: () => { items.clear(); },
    key: (index) => [...items.keys()][index] ?? null,
  };
  Object.defineProperty(store, "length", { get: () => items.size });
  return store;
}

// localStorage when the browser lets us write to it (or our page-long store), else null.
function browserStorage(win) {
  try {
    const store = win.localStorage;
    if (!store) return null;
    if (!store[MEMORY_ONLY]) {
      const probe = "miskraam:probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
    }
    return store;
  } catch (blocked) {
    return null;
  }
}

function keysOf(store) {
  const names = [];
  for (let i = 0; i < store.length; i += 1) {
    const name = store.key(i);
    if (name !== null) names.push(name);
  }
  return names;
}

// Scripts that are not ours (Sphinx's search highlighting, the theme's mode switch) use
// localStorage without catching: where the browser blocks it, put a page-long store in its
// place. Returns whether it did.
export function guardStorage(win = globalThis) {
  try {
    win.localStorage.getItem("mode");
    return false;
  } catch (blocked) {
    try {
      Object.defineProperty(win, "localStorage", { value: memoryStorage(), configurable: true });
      return true;
    } catch (fixed) {
      return false; // the property cannot be replaced: openStorage still never throws
    }
  }
}

// Our own access to storage, which never throws: {kept, get, set, remove, keys}. `kept`:
// whether what is set outlives the page. A write the browser refuses (storage full) is kept
// for the page instead.
export function openStorage(win = globalThis) {
  const store = browserStorage(win);
  const kept = Boolean(store) && !store[MEMORY_ONLY];
  const page = memoryStorage();
  const attempt = (action, fallback) => {
    try {
      return store ? action(store) : fallback();
    } catch (refused) {
      return fallback();
    }
  };
  return {
    kept,
    get(key) {
      const here = page.getItem(key);
      return here !== null ? here : attempt((s) => s.getItem(key), () => null);
    },
    set(key, value) {
      attempt((s) => { s.setItem(key, value); page.removeItem(key); },
        () => page.setItem(key, value));
    },
    remove(key) {
      page.removeItem(key);
      attempt((s) => s.removeItem(key), () => undefined);
    },
    keys() {
      const names = new Set(keysOf(page));
      attempt((s) => keysOf(s).forEach((name) => names.add(name)), () => undefined);
      return [...names];
    },
  };
}
