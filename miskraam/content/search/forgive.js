// Search that forgives (issue 19): Sphinx's search needs every word of a query in the index,
// so one misspelt or unknown word empties the list. Before Sphinx searches, each stemmed
// query word that the index does not hold (not as a word, nor inside one, as Sphinx's partial
// match finds it) becomes the index word one letter off (a letter missing, extra, changed or
// two swapped), the most used if there are several; a word with none is left out, unless no
// word would be left. Lay words and brand names are data (zoektermen.yml). A page is listed
// once. The pure part is tested in Node (tests/js/search-forgive.test.mjs); `forgive` wraps
// Sphinx's Search (7.4: `_parseQuery`, `_performSearch`).

// Whether a and b differ by at most one edit (Damerau: a swap of two neighbours counts one).
export function oneEditApart(a, b) {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < Math.min(la, lb) && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  const [short, long] = la < lb ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1); // one letter missing or extra
}

// The stems of a query as Sphinx will search them (a Set), with each stem that `known` does
// not find replaced by its nearest index word or left out. `index`: {terms, titleterms}.
export function forgivenTerms(stems, index) {
  const words = [...new Set([...Object.keys(index.terms), ...Object.keys(index.titleterms)])];
  const known = (stem) => stem in index.terms || stem in index.titleterms
    || (stem.length > 2 && words.some((word) => word.includes(stem)));
  const uses = (word) => [index.terms[word], index.titleterms[word]]
    .reduce((n, files) => n + (files === undefined ? 0 : [].concat(files).length), 0);
  const out = new Set();
  for (const stem of stems) {
    if (known(stem)) {
      out.add(stem);
      continue;
    }
    const near = stem.length > 3 ? words.filter((word) => oneEditApart(stem, word)) : [];
    if (near.length) out.add(near.sort((a, b) => uses(b) - uses(a) || a.localeCompare(b))[0]);
  }
  return out.size ? out : new Set(stems);
}

// The query as typed, with a word that no index entry (the pages' reader words) holds replaced by
// the entry one letter off: Sphinx matches index entries on the query's text, not its stems.
export function forgivenQuery(query, entries) {
  const keys = Object.keys(entries);
  return query.split(/\s+/).map((word) => {
    const lower = word.toLowerCase();
    if (lower.length < 4 || keys.some((key) => key.includes(lower))) return word;
    return keys.find((key) => oneEditApart(lower, key)) || word;
  }).join(" ");
}

//: the anchor of a page's reader words (content/search/__init__.py, TARGET_ID)
const WORDS_ANCHOR = "#zoektermen";

// Sphinx's results ([page, title, anchor, description, score, file], the best last) with each
// page once, where it ranked best: Sphinx lists a page once per anchor it was found at (its
// reader words, a glossary term, its text). The reader words' anchor is the top of the page: as
// their own result Sphinx showed an empty summary (its appendChild(null) threw a TypeError).
export function oneResultPerPage(results) {
  const kept = [];
  const seen = new Set();
  for (let i = results.length - 1; i >= 0; i -= 1) {
    const result = results[i][2] === WORDS_ANCHOR ? [results[i][0], results[i][1], "", ...results[i].slice(3)] : results[i];
    if (!seen.has(result[0])) { // a page once, where it ranked best (with that result's anchor)
      seen.add(result[0]);
      kept.push(result);
    }
  }
  return kept.reverse();
}

// Sphinx's Search, with its query's stems forgiven before it searches, and one result per page.
export function forgive(Search) {
  const parse = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parse(query);
    parsed[0] = forgivenQuery(parsed[0], Search._index.indexentries || {});
    parsed[1] = forgivenTerms(parsed[1], Search._index);
    return parsed;
  };
  const perform = Search._performSearch;
  Search._performSearch = (...args) => oneResultPerPage(perform(...args));
}

// Sphinx declares `const Search` in searchtools.js: a global binding of the page's classic
// scripts, not a property of window
if (typeof Search !== "undefined" && Search._parseQuery) forgive(Search); // eslint-disable-line no-undef
