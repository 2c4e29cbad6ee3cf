// The search page (/<lang>/search/): reads ?q=, searches the static index of the page's language
// (search_engine.js) as the visitor types, and shows the results with the matched words marked.
// Without this script the page's form still works: it goes to the site.toml fallback or to the
// page itself (docs/search.md). Loaded only on the search page; fetches only the index files a
// query needs.
import { createSearch, isMatch } from './search_engine.js';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 120;

const root = document.getElementById('search');
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
// The other language's search (absent on a one-language portal).
const other = document.getElementById('search-other');
const lang = root.dataset.lang;
const strings = JSON.parse(root.dataset.strings);
const plural = new Intl.PluralRules(lang);
const number = new Intl.NumberFormat(lang);

const engine = createSearch(lang, async (path) => {
  const response = await fetch(root.dataset.index + path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
});

// With the script the search is local: the form stays on this page and the fallback's site
// restriction goes.
form.action = root.dataset.self;
document.getElementById('search-site')?.remove();

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : `{${k}}`));
}

// Offers the same query in the other language's search when this one finds nothing, or when a
// query on a Russian page is written with Kazakh letters (they are in no Russian word).
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;
function offerOther(query, found) {
  if (!other) return;
  const q = query.trim();
  const show = q !== '' && found !== null && (found === 0 || (lang === 'ru' && KAZAKH_LETTERS.test(q)));
  other.hidden = !show;
  if (!show) return;
  const link = other.querySelector('a');
  const url = new URL(other.dataset.url, window.location.href);
  url.searchParams.set('q', q);
  link.href = url.pathname + url.search;
  link.textContent = fill(strings.other, { q });
}

// `text` as nodes, with the words the query matched in <mark>.
function highlighted(text, match) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!isMatch(lang, m[0], match.terms, match.prefixes)) continue;
    fragment.append(text.slice(at, m.index));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    fragment.append(mark);
    at = m.index + m[0].length;
  }
  fragment.append(text.slice(at));
  return fragment;
}

function resultItem(doc, match) {
  const li = document.createElement('li');
  li.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = doc.u;
  link.append(highlighted(doc.t, match));
  heading.append(link);
  const kind = document.createElement('span');
  kind.className = 'search-kind';
  kind.textContent = strings[`kind.${doc.k}`] || doc.k;
  li.append(heading, kind);
  const lines = { 'search-excerpt': doc.e, 'search-summary': doc.s };
  for (const className of Object.keys(lines)) {
    if (!lines[className]) continue;
    const p = document.createElement('p');
    p.className = className;
    p.append(highlighted(lines[className], match));
    li.append(p);
  }
  return li;
}

let generation = 0; // a newer query makes an older one's late answer irrelevant
let current = null; // {match, shown}

async function showMore() {
  const mine = generation;
  const { match } = current;
  const ids = match.results.slice(current.shown, current.shown + PAGE_SIZE).map((r) => r.doc);
  const docs = await engine.documents(ids);
  if (mine !== generation) return;
  for (const doc of docs) list.append(resultItem(doc, match));
  current.shown += ids.length;
  more.hidden = current.shown >= match.results.length;
}

// The last word is taken as still being typed (and matched as a prefix) unless a space ends it.
async function run(query) {
  const typing = !/\s$/.test(query);
  const mine = ++generation;
  const url = new URL(window.location.href);
  if (query.trim()) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  offerOther(query, null);
  if (!query.trim()) {
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    status.textContent = strings.prompt;
    return;
  }
  status.textContent = strings.searching;
  let match;
  try {
    match = await engine.query(query, { typing });
  } catch (e) {
    if (mine === generation) status.textContent = strings.error;
    return;
  }
  if (mine !== generation) return;
  list.replaceChildren();
  current = { match, shown: 0 };
  const n = match.results.length;
  offerOther(query, n);
  if (n === 0) {
    list.hidden = true;
    more.hidden = true;
    status.textContent = `${fill(strings.none, { q: query.trim() })} ${strings.none_help}`;
    return;
  }
  try {
    await showMore();
  } catch (e) {
    if (mine === generation) status.textContent = strings.error;
    return;
  }
  if (mine !== generation) return;
  list.hidden = false;
  status.textContent = fill(strings[`count_${plural.select(n)}`] || strings.count_other,
    { n: number.format(n) });
}

let timer = 0;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), TYPING_DELAY_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run(input.value);
});
more.addEventListener('click', () => {
  const first = current.shown;
  showMore().then(() => list.children[first]?.querySelector('a')?.focus());
});

const initial = new URLSearchParams(window.location.search).get('q') || '';
input.value = initial;
if (initial) run(initial);
