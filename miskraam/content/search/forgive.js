// Search that forgives (issue 19): Sphinx's search needs every word of a query in the index,
// so one misspelt or unknown word empties the list. Before Sphinx searches, each stemmed
// query word that the index does not hold (not as a word, nor inside one, as Sphinx's partial
// match finds it) becomes the index word one letter off (a letter missing, extra, changed or
// two swapped), the most used if there are several; a word with none is left out, unless no
// word would be left; a word that sounds like an index word when written the Dutch way
// ("kuretage" for "curettage": c/k, double letters) becomes that word. Lay words and brand
// names are data (zoektermen.yml). A reader word inside a whole question counts for its page
// ("waarom" in "waarom krijg ik een miskraam"; Sphinx matched reader words only when the whole
// query stood in one). A page is listed once. Over file://, where the browser blocks Sphinx's
// fetch of each result page, the summary is the page's description from the index. The pure
// part is tested in Node (tests/js/search-forgive.test.mjs); `forgive` wraps Sphinx's Search
// (7.4: `_parseQuery`, `_performSearch`).

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

// A word as it sounds, written one way: Dutch readers write what they hear, so "kuretage",
// "curretage" and "curettage" are one word (c before e/i is s, else k; ph f; th t; ck k;
// x ks; y i; a doubled letter once). Only for words the index does not hold.
export function soundKey(word) {
  return word.replace(/ph/g, "f").replace(/th/g, "t").replace(/ck/g, "k").replace(/x/g, "ks")
    .replace(/c(?=[eiy])/g, "s").replace(/c/g, "k").replace(/y/g, "i").replace(/(.)\1+/g, "$1");
}

// Whether a word the reader typed and an index word are alike: one edit apart, or one edit
// apart once both are written as they sound (long words only: short ones match too much).
export function alike(typed, word) {
  return oneEditApart(typed, word) || (typed.length > 4 && oneEditApart(soundKey(typed), soundKey(word)));
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
    let near = stem.length > 3 ? words.filter((word) => oneEditApart(stem, word)) : [];
    if (!near.length && stem.length > 4) near = words.filter((word) => alike(stem, word));
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
    return keys.find((key) => oneEditApart(lower, key)) || keys.find((key) => alike(lower, key))
      || word;
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

// Pages whose reader words (index entries) stand inside a longer query, word for word, with the
// score that adds: Sphinx scores an entry that holds the query 100 × query length / entry
// length; an entry the query holds gets the mirror, 100 × entry length / query length, summed
// per page (a page whose words answer more of the question ranks higher). Map docname -> score.
export function readerWordsInQuery(query, index) {
  const text = query.toLowerCase().trim();
  const typed = new Set(text.split(/\s+/));
  const found = new Map();
  for (const [entry, refs] of Object.entries(index.indexentries || {})) {
    if (entry.length >= text.length || !entry.split(/\s+/).every((word) => typed.has(word))) continue;
    const score = Math.round(100 * entry.length / text.length);
    for (const docname of new Set(refs.map(([file]) => index.docnames[file]))) {
      found.set(docname, (found.get(docname) || 0) + score);
    }
  }
  return found;
}

// Sphinx's results (the best last) with the reader words of the query counted: their score
// added to each of the page's results; a page not found otherwise is added when its reader
// words are at least half the query (the mirror of Sphinx's rule for an entry holding the
// query). `rescore`: the book's scorer (Sphinx's Scorer.score) for an added result.
export function withReaderWords(results, query, index, rescore = (result) => result[4]) {
  const extra = readerWordsInQuery(query, index);
  if (!extra.size) return results;
  const found = new Set(results.map((result) => result[0]));
  const out = results.map((result) => (extra.has(result[0])
    ? [...result.slice(0, 4), result[4] + extra.get(result[0]), ...result.slice(5)] : result));
  for (const [docname, score] of extra) {
    if (found.has(docname) || score < 50) continue;
    const file = index.docnames.indexOf(docname);
    const added = [docname, index.titles[file], "", null, score, index.filenames[file]];
    added[4] = rescore(added);
    out.push(added);
  }
  return out.map((result, i) => [result, i]) // stable: Sphinx's order among equal scores
    .sort(([a, i], [b, j]) => a[4] - b[4] || i - j).map(([result]) => result);
}

// The page a result's link opens (its href: page + link suffix + anchor), as the index names it.
export function pageOfLink(href, suffix) {
  const page = href.split("#")[0].split("?")[0];
  return suffix && page.endsWith(suffix) ? page.slice(0, -suffix.length) : page;
}

// The page's summary for the results over file://: its description, which the build writes
// into the index (content/search/__init__.py), or "" when there is none.
export function summaryOf(docname, index) {
  const at = index.docnames.indexOf(docname);
  return (at >= 0 && index.miskraam_summaries && index.miskraam_summaries[at]) || "";
}

// Over file:// the browser blocks Sphinx's fetch of each result page (a console error per
// result): Sphinx fetches no summary, and each result as it is listed gets the page's
// description, its search words marked as Sphinx marks them.
function summariesFromTheIndex(Search, options, results, marked) {
  options.SHOW_SEARCH_SUMMARY = false;
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const item of change.addedNodes) {
        const link = item.nodeName === "LI" && item.querySelector("a");
        const text = link && summaryOf(pageOfLink(link.getAttribute("href"), options.LINK_SUFFIX), Search._index);
        if (!text) continue;
        const summary = item.appendChild(document.createElement("p"));
        summary.classList.add("context");
        summary.textContent = text;
        if (typeof _highlightText === "function") { // eslint-disable-line no-undef
          marked.forEach((term) => _highlightText(summary, term, "highlighted")); // eslint-disable-line no-undef
        }
      }
    }
  }).observe(results, { childList: true, subtree: true });
}

// Sphinx's Search, with its query's stems forgiven before it searches, reader words counted
// inside a whole question, and one result per page; over file:// summaries from the index.
export function forgive(Search, fromDisk = null) {
  const parse = Search._parseQuery;
  const marked = new Set();
  Search._parseQuery = (query) => {
    const parsed = parse(query);
    parsed[0] = forgivenQuery(parsed[0], Search._index.indexentries || {});
    parsed[1] = forgivenTerms(parsed[1], Search._index);
    marked.clear();
    parsed[3].forEach((term) => marked.add(term));
    return parsed;
  };
  const perform = Search._performSearch;
  const rescore = (result) => (typeof Scorer !== "undefined" && Scorer.score ? Scorer.score(result) : result[4]); // eslint-disable-line no-undef
  Search._performSearch = (...args) => oneResultPerPage(
    withReaderWords(perform(...args), args[0], Search._index, rescore));
  if (fromDisk) summariesFromTheIndex(Search, fromDisk.options, fromDisk.results, marked);
}

// Sphinx declares `const Search` in searchtools.js: a global binding of the page's classic
// scripts, not a property of window
if (typeof Search !== "undefined" && Search._parseQuery) { // eslint-disable-line no-undef
  const disk = window.location.protocol === "file:" && document.getElementById("search-results");
  forgive(Search, disk ? { options: DOCUMENTATION_OPTIONS, results: disk } : null); // eslint-disable-line no-undef
}
