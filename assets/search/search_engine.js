// The query side of the static search index (docs/search.md), without any DOM, so that the page
// (search.js), the benchmark (bench/search.mjs) and the tests run the very same code.
//
// A query is split and stemmed by analysis.js exactly as the generator did; every word must match
// (AND). A word matches its stem's postings; the last word, while it is still being typed, also
// matches every term that starts with it (at a lower weight), so results follow the keyboard.
// Scores are the BM25 values precomputed by the generator, summed over the words.
import { words, stem } from './analysis.js';

// How many term chunks a prefix may pull in, and how many terms it may expand to: a one-letter
// prefix would otherwise fetch half the index.
const MAX_PREFIX_CHUNKS = 3;
const MAX_PREFIX_TERMS = 200;
const MIN_PREFIX_LENGTH = 2; // code points
const PREFIX_WEIGHT = 0.6; // a completion counts less than the word itself

// Code-point order, as the generator sorts terms (UTF-8 bytes); JavaScript's own `<` compares
// UTF-16 units, which differs above U+FFFF.
export function compareTerms(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// `fetchJson(path)` resolves to the parsed JSON of a file of the language's index folder
// ("meta.json", "t/….json"); the caller decides how (fetch in a page, the file system in Node).
export function createSearch(lang, fetchJson) {
  const files = new Map();
  const load = (path) => {
    if (!files.has(path)) {
      const promise = fetchJson(path);
      promise.catch(() => files.delete(path)); // a failed fetch may be tried again
      files.set(path, promise);
    }
    return files.get(path);
  };
  const meta = () => load('meta.json');

  // The index of the chunk that would hold `term`: the last one whose first term is ≤ it.
  function chunkOf(firsts, term) {
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compareTerms(firsts[mid], term) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function decode(postings, weight, into) {
    let doc = 0;
    for (let i = 0; i < postings.length; i += 2) {
      doc += postings[i];
      const score = postings[i + 1] * weight;
      if (!(into.get(doc) >= score)) into.set(doc, score);
    }
  }

  // What a query word means: its stem, and when it is the word being typed, a prefix.
  function parse(query, typing) {
    const list = words(query);
    const seen = new Set();
    const out = [];
    list.forEach((word, i) => {
      const term = stem(lang, word);
      let prefix = null;
      if (typing && i === list.length - 1) {
        prefix = word.startsWith(term) ? term : word;
        if ([...prefix].length < MIN_PREFIX_LENGTH) prefix = null;
      }
      const key = term + '\u0000' + prefix;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ term, prefix });
      }
    });
    return out;
  }

  // Resolves to {results: [{doc, score}] best first, terms: Set of the matched terms, prefix, files:
  // the index files this query read}. `typing`: the last word is still being typed.
  async function query(text, { typing = false } = {}) {
    const m = await meta();
    const groups = parse(text, typing);
    const read = new Set();
    if (groups.length === 0 || m.term_chunks.length === 0) {
      return { results: [], terms: new Set(), prefixes: [], files: read };
    }
    const chunk = async (i) => {
      const name = m.term_chunks[i];
      read.add(name);
      return load(name);
    };
    const matched = new Set();
    const prefixes = [];
    const perGroup = await Promise.all(groups.map(async ({ term, prefix }) => {
      const scores = new Map();
      const exact = await chunk(chunkOf(m.term_chunk_first, term));
      if (exact[term]) {
        decode(exact[term], 1, scores);
        matched.add(term);
      }
      if (prefix !== null) {
        prefixes.push(prefix);
        const first = chunkOf(m.term_chunk_first, prefix);
        const last = Math.min(chunkOf(m.term_chunk_first, prefix + '\u{10FFFF}'),
          first + MAX_PREFIX_CHUNKS - 1);
        let expanded = 0;
        for (let i = first; i <= last && expanded < MAX_PREFIX_TERMS; i++) {
          const terms = await chunk(i);
          for (const t of Object.keys(terms)) {
            if (!t.startsWith(prefix) || t === term) continue;
            decode(terms[t], PREFIX_WEIGHT, scores);
            matched.add(t);
            if (++expanded >= MAX_PREFIX_TERMS) break;
          }
        }
      }
      return scores;
    }));
    perGroup.sort((a, b) => a.size - b.size);
    const results = [];
    for (const [doc, score] of perGroup[0]) {
      let total = score;
      let all = true;
      for (let g = 1; g < perGroup.length && all; g++) {
        const s = perGroup[g].get(doc);
        if (s === undefined) all = false;
        else total += s;
      }
      if (all) results.push({ doc, score: total });
    }
    results.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return { results, terms: matched, prefixes, files: read };
  }

  // Resolves to the documents `ids` ({u, t, k, e, s}), fetching only their chunks.
  async function documents(ids, read = new Set()) {
    const m = await meta();
    return Promise.all(ids.map(async (id) => {
      const name = m.document_chunks[Math.floor(id / m.documents_per_chunk)];
      read.add(name);
      const chunk = await load(name);
      return chunk[id % m.documents_per_chunk];
    }));
  }

  return { query, documents, meta };
}

// Whether a word of a result's text is one the query matched: its stem is a matched term, or it
// starts with the prefix being typed.
export function isMatch(lang, word, terms, prefixes) {
  const w = words(word)[0];
  if (!w) return false;
  const s = stem(lang, w);
  return terms.has(s) || prefixes.some((p) => w.startsWith(p) || s.startsWith(p));
}
