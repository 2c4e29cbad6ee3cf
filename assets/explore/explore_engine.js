// The explorer's logic without any DOM (docs/explore.md), so that the page (explore.js), the
// benchmark (bench/explore.mjs) and the tests run the very same code: the state a URL's query
// string gives, the grants that pass it, each facet's counts narrowed by the other filters, the
// totals as the static pages compute them, and the download files written from the bulk files'
// rows with the columns the generator defined.
import { words, stem } from '../search/analysis.js';

// The facets, in the order of the data (FacetKind) and of the URL's parameters.
export const FACETS = ['region', 'year', 'direction', 'status', 'operator', 'grantee'];
// The money kinds, in the order of the "kind" column (MoneyKind).
export const KINDS = ['awarded', 'applied', 'planned'];
export const SORTS = ['date', 'amount', 'title', 'id'];

// A whole number of tenge as the URL and the amount fields take it: digits only, at most 15 of
// them (far above any grant, far below the largest exact double).
const AMOUNT = /^\d{1,15}$/;

// The data of one language: meta.json, then its chunks (fetched side by side), as one set of
// columns. `fetchJson(name)` resolves to the parsed file of the data folder.
export async function loadData(fetchJson) {
  const meta = await fetchJson('meta.json');
  const chunks = await Promise.all(meta.chunks.map((name) => fetchJson(name)));
  const columns = {};
  for (const facet of FACETS) columns[facet] = [];
  for (const chunk of chunks) {
    for (const [name, values] of Object.entries(chunk)) {
      if (!Array.isArray(values) || FACETS.includes(name)) continue;
      if (!columns[name]) columns[name] = [];
      for (const v of values) columns[name].push(v);
    }
    // A facet's values of a grant as a list: the column's, then those "<facet>_more" adds (a
    // grant in several regions).
    for (const facet of FACETS) {
      const more = chunk[`${facet}_more`] || {};
      chunk[facet].forEach((v, offset) => columns[facet].push(more[offset] ? [v, ...more[offset]] : [v]));
    }
  }
  const keyIndex = {};
  for (const facet of FACETS) {
    keyIndex[facet] = new Map(meta.facets[facet].map((value, i) => [value.k, i]));
  }
  return { meta, columns, n: meta.grants, keyIndex, textTerms: null };
}

// The empty state: no filter, the catalogue's order.
export function emptyState() {
  const state = { q: '', min: null, max: null, sort: 'date', desc: false };
  for (const facet of FACETS) state[facet] = [];
  return state;
}

// The state a query string gives, and what in it was not understood (shown to the reader, never
// used): unknown parameters, unknown facet values, malformed amounts and sorts.
export function parseState(data, search) {
  const state = emptyState();
  const ignored = [];
  const params = new URLSearchParams(search);
  for (const [name, raw] of params) {
    if (FACETS.includes(name)) {
      for (const key of raw.split(',')) {
        if (key === '') continue;
        if (data.keyIndex[name].has(key) && !state[name].includes(key)) state[name].push(key);
        else if (!data.keyIndex[name].has(key)) ignored.push(`${name}=${key}`);
      }
    } else if (name === 'q') {
      state.q = raw.slice(0, 200);
    } else if (name === 'amount') {
      const m = /^(\d*)-(\d*)$/.exec(raw);
      const ok = m && (m[1] === '' || AMOUNT.test(m[1])) && (m[2] === '' || AMOUNT.test(m[2]));
      if (ok) {
        state.min = m[1] === '' ? null : Number(m[1]);
        state.max = m[2] === '' ? null : Number(m[2]);
      } else {
        ignored.push(`${name}=${raw}`);
      }
    } else if (name === 'sort') {
      const m = /^(date|amount|title|id)(-desc)?$/.exec(raw);
      if (m) {
        state.sort = m[1];
        state.desc = Boolean(m[2]);
      } else {
        ignored.push(`${name}=${raw}`);
      }
    } else {
      ignored.push(`${name}=${raw}`);
    }
  }
  return { state, ignored };
}

// The query string of a state ("" for the empty state), in a fixed order, so that the same
// selection always has the same URL.
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const facet of FACETS) if (state[facet].length) params.set(facet, state[facet].join(','));
  if (state.q.trim()) params.set('q', state.q);
  if (state.min !== null || state.max !== null) {
    params.set('amount', `${state.min ?? ''}-${state.max ?? ''}`);
  }
  if (state.sort !== 'date' || state.desc) params.set('sort', state.sort + (state.desc ? '-desc' : ''));
  const query = params.toString();
  return query ? `?${query}` : '';
}

// An amount field's text as a number of tenge: digits only (spaces between groups allowed);
// null for an empty field, undefined for anything else.
export function parseAmount(text) {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (digits === '') return null;
  return AMOUNT.test(digits) ? Number(digits) : undefined;
}

// The search's analysis of each grant's text (its title, its grantee's and operator's names),
// made once, when a text is first asked for: the stems, and the words (for the word being typed).
function grantTexts(data) {
  if (data.textTerms) return data.textTerms;
  const { meta, columns } = data;
  const lang = meta.lang;
  const out = [];
  for (let g = 0; g < data.n; g++) {
    const parts = [columns.title[g]];
    for (const facet of ['grantee', 'operator']) {
      for (const v of columns[facet][g]) parts.push(meta.facets[facet][v].l);
    }
    const ws = words(parts.join(' '));
    out.push({ stems: new Set(ws.map((w) => stem(lang, w))), words: ws });
  }
  data.textTerms = out;
  return out;
}

// A text query as the search reads it: every word must match (AND); a word matches a grant whose
// text has its stem; the last word, while it is being typed, also matches a word or stem that
// starts with it (two letters at least).
function textMatcher(data, q) {
  const ws = words(q);
  if (!ws.length) return null;
  const lang = data.meta.lang;
  const stems = ws.map((w) => stem(lang, w));
  const last = ws[ws.length - 1];
  const lastStem = stems[stems.length - 1];
  const texts = grantTexts(data);
  return (g) => {
    const t = texts[g];
    for (let i = 0; i < stems.length - 1; i++) if (!t.stems.has(stems[i])) return false;
    if (t.stems.has(lastStem)) return true;
    if ([...last].length < 2) return false;
    for (const w of t.words) if (w.startsWith(last) || stem(lang, w).startsWith(lastStem)) return true;
    return false;
  };
}

// Applies a state: the grants that pass every filter, in the state's order, and each facet's
// counts (per value) among the grants that pass every other filter.
export function applyState(data, state) {
  const { columns, n } = data;
  const selected = FACETS.map((facet) => {
    if (!state[facet].length) return null;
    const set = new Uint8Array(data.meta.facets[facet].length);
    for (const key of state[facet]) set[data.keyIndex[facet].get(key)] = 1;
    return set;
  });
  const text = state.q.trim() ? textMatcher(data, state.q) : null;
  const ranged = state.min !== null || state.max !== null;
  const counts = FACETS.map((facet) => new Int32Array(data.meta.facets[facet].length));
  const matching = [];
  const facetColumns = FACETS.map((facet) => columns[facet]);
  for (let g = 0; g < n; g++) {
    // Filters that are not facets apply to every count.
    if (ranged) {
      const a = columns.amount[g];
      if (a === null) continue;
      if (state.min !== null && a < state.min) continue;
      if (state.max !== null && a > state.max) continue;
    }
    if (text && !text(g)) continue;
    // The facets this grant fails: none, it counts everywhere; one, it counts in that one only.
    let failed = -1;
    let failures = 0;
    for (let f = 0; f < FACETS.length && failures < 2; f++) {
      const set = selected[f];
      if (!set) continue;
      const values = facetColumns[f][g];
      let hit = false;
      for (let i = 0; i < values.length; i++) if (set[values[i]]) hit = true;
      if (!hit) {
        failed = f;
        failures++;
      }
    }
    if (failures === 0) {
      matching.push(g);
      for (let f = 0; f < FACETS.length; f++) {
        const values = facetColumns[f][g];
        for (let i = 0; i < values.length; i++) counts[f][values[i]]++;
      }
    } else if (failures === 1) {
      const values = facetColumns[failed][g];
      for (let i = 0; i < values.length; i++) counts[failed][values[i]]++;
    }
  }
  sortGrants(data, matching, state.sort, state.desc);
  return { matching, counts };
}

// Sorts grant positions as the catalogue does (its ranks): newest first, largest first, by
// title; or by id (the bulk file's order). `desc` reverses.
export function sortGrants(data, grants, sort, desc) {
  const rank = sort === 'id' ? null : data.columns[`${sort}_rank`];
  if (rank) grants.sort((a, b) => rank[a] - rank[b]);
  else grants.sort((a, b) => a - b);
  if (desc) grants.reverse();
  return grants;
}

// The totals of a set of grants as Totals and the home page compute them: the number of grant
// records; per money kind the grants, those without a published amount and the sum of the
// published amounts; the awarded sub-grants; the direct beneficiaries reported in final reports.
export function totals(data, grants) {
  const { columns } = data;
  const out = {
    grants: grants.length,
    kinds: KINDS.map(() => ({ grants: 0, withoutAmount: 0, amount: 0 })),
    subgrants: 0,
    subgrantAmount: 0,
    beneficiaries: 0,
    reportingBeneficiaries: 0,
  };
  for (const g of grants) {
    const sums = out.kinds[columns.kind[g]];
    sums.grants++;
    if (columns.amount[g] === null) sums.withoutAmount++;
    else sums.amount += columns.amount[g];
    out.subgrants += columns.subgrants[g];
    out.subgrantAmount += columns.subgrant_amount[g];
    if (columns.beneficiaries[g] !== null) {
      out.beneficiaries += columns.beneficiaries[g];
      out.reportingBeneficiaries++;
    }
  }
  return out;
}

const AWARDED = KINDS.indexOf('awarded');
const noSums = () => ({ grants: 0, withoutAmount: 0, amount: 0 });
function addGrant(sums, amount) {
  sums.grants++;
  if (amount === null) sums.withoutAmount++;
  else sums.amount += amount;
}

// Awarded money of a set of grants per value of a facet, in the facet's order: {grants,
// withoutAmount, amount} for every value. A grant in several regions counts in each.
function awardedSums(data, grants, facet) {
  const { columns } = data;
  const rows = data.meta.facets[facet].map(noSums);
  for (const g of grants) {
    if (columns.kind[g] !== AWARDED) continue;
    for (const v of columns[facet][g]) addGrant(rows[v], columns.amount[g]);
  }
  return rows;
}

// Awarded money of a set of grants by the values of a facet: [{value, grants, amount}] for the
// values with at least one awarded grant, in the facet's order.
export function awardedBy(data, grants, facet) {
  return awardedSums(data, grants, facet)
    .map((sums, value) => ({ value, ...sums }))
    .filter((row) => row.grants > 0);
}

// ---- The tile map and the money by year and status (views/map_view.cpp) ----

// `value` rounded to one significant digit, halves up (views::round_to_one_digit, in whole
// numbers as there: 3 740 000 → 4 000 000; 0 stays 0).
export function roundToOneDigit(value) {
  if (value <= 0) return 0;
  let power = 1;
  while (Math.floor(value / power) >= 10) power *= 10;
  return Math.floor((value + Math.floor(power / 2)) / power) * power;
}

// The map's shading classes of the regions' awarded sums by views::shade_classes's rule, so that
// the same sums give the same classes here and on the static pages (both are tested against
// tests/data/shade_classes.json): at most `maxClasses` classes; each bound a quantile of the sums
// rounded to one significant digit, kept only when it separates regions. The ascending bounds
// (class i is [bounds[i - 1], bounds[i]), the first from 0), or null when no region has a sum.
export function shadeClasses(amounts, maxClasses) {
  if (!amounts.length) return null;
  const sorted = [...amounts].sort((a, b) => a - b);
  const n = sorted.length;
  const k = Math.min(maxClasses, n);
  const candidates = new Set();
  for (let i = 1; i < k; i++) candidates.add(roundToOneDigit(sorted[Math.floor((i * n) / k)]));
  const bounds = [];
  let previous = 0;
  for (const bound of [...candidates].sort((a, b) => a - b)) {
    const below = sorted.some((a) => a < bound && (!bounds.length || a >= previous));
    if (bound > 0 && below && sorted[n - 1] >= bound) {
      bounds.push(bound);
      previous = bound;
    }
  }
  return bounds;
}

// The class of an amount: how many bounds are at or below it.
export function classOf(bounds, amount) {
  let c = 0;
  while (c < bounds.length && bounds[c] <= amount) c++;
  return c;
}

// What the map shows of a set of grants (views::MapData): each region's awarded sums by its id
// (a grant in several regions in each), those of the grants that name no region (null when the
// portal has none), and the whole (a grant once).
export function mapFigures(data, grants) {
  const sums = awardedSums(data, grants, 'region');
  const values = data.meta.facets.region;
  const regions = new Map(values.map((v, i) => [v.k, sums[i]]));
  const none = data.keyIndex.region.get(data.meta.money_time.not_reported);
  return {
    regions,
    none: none === undefined ? null : { ...sums[none], url: values[none].u },
    whole: totals(data, grants).kinds[AWARDED],
  };
}

// Awarded money of a set of grants by year and status (views::money_time_view): `columns`, the
// statuses some awarded grant has (meta.json's money_time.statuses, in life order); `rows`, every
// year from the first to the last (oldest first, a year without awarded grants too), then the
// grants with no year, always; each row's `cells` by status (absent: no awarded grant), and its
// `all`; `byStatus` and `whole`, the footer's. A row's `year` is 0 for no year; `url` its year
// facet page, when the portal has one.
export function moneyByYear(data, grants) {
  const { columns, meta } = data;
  const yearKeys = meta.facets.year.map((v) => v.k);
  const statusKeys = meta.facets.status.map((v) => v.k);
  const notReported = meta.money_time.not_reported;
  const byYear = new Map();
  const byStatus = new Map();
  const whole = noSums();
  for (const g of grants) {
    if (columns.kind[g] !== AWARDED) continue;
    const key = yearKeys[columns.year[g][0]];
    const year = key === notReported ? 0 : Number(key);
    const status = statusKeys[columns.status[g][0]];
    if (!byYear.has(year)) byYear.set(year, new Map());
    const cells = byYear.get(year);
    if (!cells.has(status)) cells.set(status, noSums());
    addGrant(cells.get(status), columns.amount[g]);
    if (!byStatus.has(status)) byStatus.set(status, noSums());
    addGrant(byStatus.get(status), columns.amount[g]);
    addGrant(whole, columns.amount[g]);
  }
  const statuses = meta.money_time.statuses.filter((s) => byStatus.has(s.k));
  const row = (year) => {
    const cells = byYear.get(year) || new Map();
    const all = noSums();
    for (const s of statuses) {
      const c = cells.get(s.k);
      if (!c) continue;
      all.grants += c.grants;
      all.withoutAmount += c.withoutAmount;
      all.amount += c.amount;
    }
    const value = data.keyIndex.year.get(year ? String(year) : notReported);
    return { year, cells, all, url: value === undefined ? null : meta.facets.year[value].u };
  };
  const years = [...byYear.keys()].filter((y) => y).sort((a, b) => a - b);
  const rows = [];
  if (years.length) for (let y = years[0]; y <= years[years.length - 1]; y++) rows.push(row(y));
  rows.push(row(0));
  return { columns: statuses, rows, byStatus, whole };
}

// The grantees of a set of grants with their grants and money in it, most grants first, then by
// the facet's order: [{value, grants, kinds}], `value` a position in the grantee facet.
export function grantees(data, grants) {
  const { columns } = data;
  const byValue = new Map();
  for (const g of grants) {
    for (const v of columns.grantee[g]) {
      if (!byValue.has(v)) {
        byValue.set(v, { value: v, grants: 0, kinds: KINDS.map(() => ({ grants: 0, withoutAmount: 0, amount: 0 })) });
      }
      const row = byValue.get(v);
      row.grants++;
      const sums = row.kinds[columns.kind[g]];
      sums.grants++;
      if (columns.amount[g] === null) sums.withoutAmount++;
      else sums.amount += columns.amount[g];
    }
  }
  return [...byValue.values()];
}

// ---- Downloads: the same bytes as the generator's writers (generator/export/writers.cpp) ----

// A bulk JSON file's rows by id: its text is {"<table>":[ then one row a line.
export function bulkRows(text) {
  const rows = new Map();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    let line = lines[i];
    if (line === ']}' || line === '') continue;
    if (line.endsWith(',')) line = line.slice(0, -1);
    rows.set(JSON.parse(line).id, line);
  }
  return rows;
}

// A table's JSON file of the rows (their lines in the bulk file), as write_json writes it.
export function writeJson(table, lines) {
  const open = `{${JSON.stringify(table)}:[`;
  if (!lines.length) return `${open}]}\n`;
  return `${open}\n${lines.join(',\n')}\n]}\n`;
}

const FORMULA = new Set(['=', '+', '-', '@', '\t', '\r']);

// One CSV field as csv_field writes it: a text that starts like a formula gets an apostrophe
// (numbers never do); a field with a comma, quote, CR or LF, or starting with a space, is quoted.
export function csvField(value, type) {
  let text;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = String(value);
  const numeric = type === 'integer' || type === 'number';
  if (!numeric && typeof value === 'string' && text !== '' && FORMULA.has(text[0])) text = `'${text}`;
  if (!/[,"\r\n]/.test(text) && !text.startsWith(' ')) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

// A table's CSV file of the rows, as write_csv writes a page's download (the spreadsheet flavour:
// a byte order mark, CRLF line ends). `table` is meta.json's: the columns' ids and types.
export function writeCsv(table, lines) {
  const { columns, types } = table;
  let out = '\ufeff';
  out += columns.map((id) => csvField(id, 'string')).join(',') + '\r\n';
  for (const line of lines) {
    const row = JSON.parse(line);
    out += columns.map((id, c) => csvField(row[id], types[c])).join(',') + '\r\n';
  }
  return out;
}

// A number formatter that writes what the generator's ICU formatter writes, learnt from its
// samples of 1234 and 1234567 (meta.json): the text around the digits and the group separator.
export function formatter(samples) {
  const [small, large] = samples;
  const first = large.indexOf('1');
  const last = large.lastIndexOf('7');
  const prefix = large.slice(0, first);
  const suffix = large.slice(last + 1);
  const separator = large.slice(first + 1, large.indexOf('2'));
  const groupsFour = small.slice(small.indexOf('1') + 1, small.indexOf('2')) !== '';
  return (n) => {
    const digits = String(Math.abs(Math.round(n)));
    let grouped = digits;
    if (digits.length > 4 || (digits.length === 4 && groupsFour)) {
      grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    }
    return prefix + grouped + suffix;
  };
}
