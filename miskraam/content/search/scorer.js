// Search ranking of the Miskraam course (Sphinx `html_search_scorer`; Sphinx puts this file in
// `_static/language_data.js`, which the search page loads right after searchtools.js).
//
// Sphinx ranks a word in a page's text equally on every page, and breaks ties alphabetically,
// so a reader who types "bloedverlies" got the final self-test and a notebook first. The public
// chapters (Part I) answer what most readers search for, so they come first; everything else
// keeps Sphinx's own order. PUBLIC_PAGES is replaced by the config value miskraam_public_pages
// (the start of their page names) when the book is built (search/__init__.py).
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
  publicChapterBoost: 10,
  publicPages: PUBLIC_PAGES,
  score: (result) => {
    const [docname, , , , score] = result;
    return docname.startsWith(Scorer.publicPages) ? score + Scorer.publicChapterBoost : score;
  },
};

// Sphinx's query parser drops terms made of digits only, so "112" found nothing, while the
// index holds numbers. Keep them as search terms.
(() => {
  if (typeof Search === "undefined" || Search.miskraamNumbers) return;
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    const [, searchTerms, , highlightTerms] = parsed;
    for (const term of splitQuery(query.trim())) {
      if (/^\d+$/.test(term)) {
        searchTerms.add(term);
        highlightTerms.add(term);
      }
    }
    return parsed;
  };
  Search.miskraamNumbers = true;
})();
