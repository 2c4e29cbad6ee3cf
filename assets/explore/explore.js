// The explorer page (templates/explore.mustache, docs/explore.md): filters that combine, counts
// that narrow, totals, charts and tables that follow, the state in the URL, and downloads of what
// is shown. The logic is explore_engine.js's; this file only reads and writes the page. Text from
// the data is only ever set with textContent or as an attribute, never parsed as HTML.
import {
  FACETS, KINDS, emptyState, loadData, parseState, stateQuery, applyState, totals, awardedBy, grantees,
  sortGrants, parseAmount, bulkRows, writeCsv, writeJson, formatter, shadeClasses, classOf, mapFigures,
  moneyByYear,
} from './explore_engine.js';

const PAGE_ROWS = 25; // rows of a table shown at once, and added by "show more"
// The organisation facets grow with the portal: as the catalogue's sidebar, they show the values
// with the most grants (this many), the checked ones, and a field to find the others. The other
// facets are few by nature and show every value.
const FACET_VALUES = 12;
const isLong = (facet, values) => (facet === 'grantee' || facet === 'operator') && values.length > FACET_VALUES;

const root = document.getElementById('explore');
const strings = JSON.parse(root.dataset.strings);
const dataUrl = root.dataset.data;
const $ = (id) => document.getElementById(id);

// A UI string with its {name} placeholders filled (the generator checks that every key exists in
// both languages; a missing one shows as its key).
function t(key, values = {}) {
  let text = strings[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, value);
  return text;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

let data;
let money;
let integer;
let state;
let result;
let shownGrants = PAGE_ROWS;
let shownOrgs = PAGE_ROWS;
let orgSort = { key: 'grants', desc: true };
const expanded = new Set(); // long facets shown whole
const filterText = {}; // per long facet: the text its list is narrowed to
const bulk = {}; // table name → its rows by id (fetched on the first download)

// ---- Figures, as templates/_fig.mustache writes them ----

function computed(text, value, basis) {
  return el('span', { class: 'fig-computed' },
    el('data', { value: String(value), text }),
    el('sup', { class: 'fig-mark', 'aria-hidden': 'true', text: '*' }),
    el('span', { class: 'fig-basis', text: ` (${t('figure.computed')}: ${basis})` }));
}
// A computed figure that is words, not a number (a legend's range of money).
function computedWords(text, basis) {
  return el('span', { class: 'fig-computed' }, text,
    el('sup', { class: 'fig-mark', 'aria-hidden': 'true', text: '*' }),
    el('span', { class: 'fig-basis', text: ` (${t('figure.computed')}: ${basis})` }));
}
function notReported() {
  return el('span', { class: 'not-reported', text: t('figure.not_reported') });
}
// A kind of money of a set of grants (list_views.cpp, money_figure): "not reported" when none of
// its grants has a published amount, else the computed sum saying what it sums.
function moneyFigure(sums, kind) {
  if (sums.grants > 0 && sums.withoutAmount === sums.grants) return notReported();
  let basis = t(`basis.${kind}`, { count: integer(sums.grants - sums.withoutAmount) });
  if (sums.withoutAmount) basis += `; ${t('basis.without_amount', { count: integer(sums.withoutAmount) })}`;
  return computed(money(sums.amount), sums.amount, basis);
}

// ---- Rendering ----

function renderTotals(sums) {
  const strip = $('explore-totals');
  const item = (part, label, ...figures) => el('div', { 'data-part': part },
    el('dt', { text: label }), ...figures.map((f) => el('dd', {}, f)));
  const items = [item('grants', t('total.grants'),
    computed(integer(sums.grants), sums.grants, t('basis.grant_count')))];
  KINDS.forEach((kind, k) => {
    items.push(item(kind, t(`total.${kind}`), moneyFigure(sums.kinds[k], kind),
      el('small', { text: `${t('total.of_grants')} ${integer(sums.kinds[k].grants)}` })));
  });
  // As the home page: no sub-grant, no beneficiary reported is "not reported", never 0.
  items.push(item('subgrants', t('explore.subgrants'),
    sums.subgrants ? computed(integer(sums.subgrants), sums.subgrants, t('basis.subgrant_count')) : notReported(),
    sums.subgrants ? computed(money(sums.subgrantAmount), sums.subgrantAmount,
      t('basis.subgrants', { count: integer(sums.subgrants) })) : notReported()));
  items.push(item('beneficiaries', t('explore.beneficiaries'),
    sums.reportingBeneficiaries ? computed(integer(sums.beneficiaries), sums.beneficiaries,
      t('basis.beneficiaries', { count: integer(sums.reportingBeneficiaries) })) : notReported()));
  strip.replaceChildren(...items);
}

// A facet's checkboxes with their narrowed counts (a long facet: see FACET_VALUES).
function renderFacet(f, facet) {
  const values = data.meta.facets[facet];
  const counts = result.counts[f];
  const checked = new Set(state[facet].map((k) => data.keyIndex[facet].get(k)));
  const long = isLong(facet, values);
  let order = values.map((_, i) => i);
  const needle = (filterText[facet] || '').toLowerCase();
  if (long) {
    order = order.filter((i) => counts[i] > 0 || checked.has(i));
    if (needle) order = order.filter((i) => values[i].l.toLowerCase().includes(needle) || checked.has(i));
    order.sort((a, b) => (checked.has(b) - checked.has(a)) || (counts[b] - counts[a]) || (a - b));
  }
  const total = order.length;
  if (long && !expanded.has(facet)) order = order.slice(0, FACET_VALUES);
  const fieldset = $(`explore-facet-${facet}`);
  const list = fieldset.querySelector('ul');
  // The same values as before (always, for the short facets): their counts and checks change in
  // place, so the checkbox in use keeps its focus and nothing is rebuilt.
  const shown = order.join(',');
  if (list.dataset.shown === shown) {
    order.forEach((i, k) => {
      const item = list.children[k];
      item.querySelector('input').checked = checked.has(i);
      item.querySelector('.meta').textContent = `(${integer(counts[i])})`;
    });
  } else {
    list.dataset.shown = shown;
    list.replaceChildren(...order.map((i) => {
      const id = `explore-${facet}-${i}`;
      return el('li', {},
        el('input', { type: 'checkbox', id, name: facet, value: values[i].k, checked: checked.has(i) }),
        el('label', { for: id }, values[i].l, ' ',
          el('span', { class: 'meta', text: `(${integer(counts[i])})` })));
    }));
  }
  const more = fieldset.querySelector('.explore-all');
  if (more) {
    more.hidden = total <= FACET_VALUES;
    more.textContent = expanded.has(facet) ? t('explore.show_fewer') : t('explore.show_all', { count: integer(total) });
    more.setAttribute('aria-expanded', expanded.has(facet) ? 'true' : 'false');
  }
}

function buildFacets() {
  const container = $('explore-facets');
  for (const facet of FACETS) {
    const values = data.meta.facets[facet];
    const fieldset = el('fieldset', { id: `explore-facet-${facet}`, class: 'explore-facet' },
      el('legend', { text: t(`facet.${facet}`) }));
    if (isLong(facet, values)) {
      const id = `explore-find-${facet}`;
      const find = el('input', { type: 'search', id, autocomplete: 'off', 'aria-controls': `explore-facet-${facet}-list` });
      find.addEventListener('input', () => {
        filterText[facet] = find.value;
        renderFacet(FACETS.indexOf(facet), facet);
      });
      fieldset.append(el('p', { class: 'explore-field' },
        el('label', { for: id, text: t('explore.find_value', { facet: t(`facet.${facet}`) }) }), find));
    }
    fieldset.append(el('ul', { id: `explore-facet-${facet}-list`, class: 'explore-values' }));
    if (isLong(facet, values)) {
      const all = el('button', { type: 'button', class: 'explore-all', 'aria-controls': `explore-facet-${facet}-list` });
      all.addEventListener('click', () => {
        if (expanded.has(facet)) expanded.delete(facet);
        else expanded.add(facet);
        renderFacet(FACETS.indexOf(facet), facet);
      });
      fieldset.append(el('p', {}, all));
    }
    container.append(fieldset);
  }
  container.addEventListener('change', (event) => {
    const box = event.target;
    if (box.type !== 'checkbox' || !FACETS.includes(box.name)) return;
    const keys = state[box.name];
    if (box.checked && !keys.includes(box.value)) keys.push(box.value);
    if (!box.checked) state[box.name] = keys.filter((k) => k !== box.value);
    // The values in the data's order, so that one selection has one URL.
    const index = data.keyIndex[box.name];
    state[box.name].sort((a, b) => index.get(a) - index.get(b));
    commit(true, `explore-${box.name}-${index.get(box.value)}`);
  });
}

// A bar chart as a table: each value's awarded money as text, and a bar drawn to scale beside it
// (hidden from screen readers, which read the number).
function renderChart(facet, title) {
  const rows = awardedBy(data, result.matching, facet);
  const values = data.meta.facets[facet];
  const block = el('section', { class: 'chart-block', 'data-chart': facet }, el('h3', { text: title }));
  if (!rows.length) {
    block.append(el('p', { class: 'not-reported', text: t('explore.chart_empty') }));
    return block;
  }
  const max = Math.max(...rows.map((r) => r.amount), 1);
  const body = el('tbody');
  for (const row of rows) {
    const share = Math.round((row.amount / max) * 1000) / 10;
    body.append(el('tr', {},
      el('th', { scope: 'row', 'data-label': t(`facet.${facet}`) },
        el('a', { href: values[row.value].u, text: values[row.value].l })),
      el('td', { class: 'num', 'data-label': t('total.awarded') }, moneyFigure(row, 'awarded')),
      el('td', { class: 'explore-bar-cell', 'aria-hidden': 'true', 'data-label': '' },
        el('span', { class: 'explore-bar', style: `width: ${share}%` }))));
  }
  block.append(el('div', { class: 'table-scroll', role: 'region', 'aria-label': title, tabindex: '0' },
    el('table', { class: 'explore-chart stack' },
      el('caption', { text: title }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: t(`facet.${facet}`) }),
        el('th', { scope: 'col', class: 'num', text: t('total.awarded') }),
        el('td', {}))),
      body)));
  if (facet === 'region') block.append(el('p', { class: 'note', text: t('explore.chart_overlap') }));
  return block;
}

// ---- The tile map and the money by year and status, as on the home page ----
// Both are the page's server-made markup (templates/_map.mustache, _money_time.mustache) for every
// grant; here they follow the filters and are written as views/map_view.cpp writes them, so that
// with no filter they are the home page's (tests/browser/explore_browser_test.mjs compares them).

// The map: its tiles reshaded in place (the grid is the generator's SVG), its legend and table
// redrawn. The classes are recomputed for the selection by the static map's rule (shadeClasses);
// their fills, the marks' words and the legend's wording are the generator's (meta.json's map, the
// UI strings).
function renderMap() {
  const m = data.meta.map;
  const block = $('explore-map');
  const figures = mapFigures(data, result.matching);
  const zero = { grants: 0, withoutAmount: 0, amount: 0 };
  const sumsOf = (k) => figures.regions.get(k) || zero;
  const amounts = [];
  for (const r of m.regions) {
    const s = sumsOf(r.k);
    if (s.grants > s.withoutAmount) amounts.push(s.amount);
  }
  const bounds = shadeClasses(amounts, m.max_classes);
  const count = bounds ? bounds.length + 1 : 0;
  const tiles = new Map([...block.querySelectorAll('svg.tile-map .tile')].map((a) => [a.dataset.region, a]));
  let anyNone = false;
  let anyWithoutSum = false;
  const rows = [];
  const basisGrants = t('map.basis_grants');
  for (const r of m.regions) {
    const s = sumsOf(r.k);
    let fill = m.none_fill;
    let dark = false;
    let mark;
    let title;
    const row = el('tr', {}, el('th', { scope: 'row', 'data-label': t('map.region') },
      el('a', { href: r.url, text: r.name })));
    if (s.grants === 0) {
      anyNone = true;
      mark = t('map.none_short');
      title = `${r.name}: ${t('map.none')}`;
      row.append(
        el('td', { class: 'num', 'data-part': 'amount', 'data-label': t('total.awarded') },
          el('span', { class: 'map-none', text: t('map.none') })),
        el('td', { class: 'num', 'data-part': 'grants', 'data-label': t('map.grants') },
          el('span', { class: 'map-none', text: t('map.none_short') })));
    } else {
      if (s.grants === s.withoutAmount) {
        anyWithoutSum = true;
        mark = t('map.no_sum_short');
        title = `${r.name}: ${t('map.no_sum')}`;
      } else {
        const c = classOf(bounds, s.amount);
        fill = m.palettes[count - 1].fill[c];
        dark = m.palettes[count - 1].dark[c];
        mark = String(c + 1);
        title = `${r.name}: ${money(s.amount)}`;
      }
      row.append(
        el('td', { class: 'num', 'data-part': 'amount', 'data-label': t('total.awarded') },
          moneyFigure(s, 'awarded')),
        el('td', { class: 'num', 'data-part': 'grants', 'data-label': t('map.grants') },
          computed(integer(s.grants), s.grants, basisGrants)));
    }
    rows.push(row);
    const tile = tiles.get(r.k);
    if (!tile) continue;
    const rect = tile.querySelector('rect');
    rect.setAttribute('fill', fill);
    if (fill === m.none_fill && !tile.classList.contains('current')) rect.setAttribute('stroke-dasharray', '3 2');
    else rect.removeAttribute('stroke-dasharray');
    const [label, markText] = tile.querySelectorAll('text');
    label.setAttribute('fill', dark ? '#ffffff' : '#000000');
    markText.setAttribute('fill', dark ? '#ffffff' : '#000000');
    markText.textContent = mark;
    tile.querySelector('title').textContent = title;
  }
  // The grants that name no region: their own row, when some of them are awarded.
  if (figures.none && figures.none.grants > 0) {
    rows.push(el('tr', {},
      el('th', { scope: 'row', 'data-label': t('map.region') },
        el('a', { href: figures.none.url, text: t('not_reported.region') })),
      el('td', { class: 'num', 'data-part': 'amount', 'data-label': t('total.awarded') },
        moneyFigure(figures.none, 'awarded')),
      el('td', { class: 'num', 'data-part': 'grants', 'data-label': t('map.grants') },
        computed(integer(figures.none.grants), figures.none.grants, basisGrants))));
  }
  // The legend: each class's range of money, then the words of the tiles without a class.
  const swatch = (fill) => {
    const svg = $('explore-swatch').content.firstElementChild.cloneNode(true);
    const rect = svg.querySelector('rect');
    rect.setAttribute('fill', fill);
    if (fill !== m.none_fill) rect.removeAttribute('stroke-dasharray');
    return svg;
  };
  const item = (fill, mark, ...what) => el('li', {}, swatch(fill), ' ',
    el('b', { class: 'map-mark', text: mark }), ' ', ...what);
  const legend = [];
  const amount = (i) => money(bounds[i]);
  for (let c = 0; c < count; c++) {
    let text;
    if (count === 1) text = t('map.any_amount');
    else if (c === 0) text = t('map.below', { amount: amount(0) });
    else if (c + 1 === count) text = t('map.at_least', { amount: amount(c - 1) });
    else text = t('map.between', { from: amount(c - 1), to: amount(c) });
    legend.push(item(m.palettes[count - 1].fill[c], String(c + 1), computedWords(text, t('map.basis_bounds'))));
  }
  if (anyWithoutSum) legend.push(item(m.none_fill, t('map.no_sum_short'), t('map.no_sum')));
  if (anyNone) legend.push(item(m.none_fill, t('map.none_short'), t('map.none')));
  block.querySelector('.map-legend').replaceChildren(...legend);
  const table = block.querySelector('table');
  table.tBodies[0].replaceChildren(...rows);
  table.querySelector('tfoot [data-whole="amount"]').replaceChildren(moneyFigure(figures.whole, 'awarded'));
  table.querySelector('tfoot [data-whole="grants"]').replaceChildren(
    computed(integer(figures.whole.grants), figures.whole.grants, basisGrants));
}

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
// views/charts.cpp's numbers: tenths of a unit without floating point.
const tenths = (n) => String(Math.trunc(n / 10)) + (n % 10 ? `.${n % 10}` : '');
const units = (n) => tenths(n * 10);

// Groups of horizontal bars as views::grouped_bar_chart_svg draws them (its geometry: the chart
// of the home page, where the same data gives the same drawing): [{label, href, bars: [{label,
// value, valueLabel}], emptyLabel}].
function groupedBarChart(groups, title) {
  const WIDTH = 360;
  const FONT_SIZE = 15;
  const LABEL_BASELINE = 16;
  const BAR_HEIGHT = 18;
  const GROUP_LABEL = 22;
  const BAR_TEXT = 17;
  const BAR_ROW = BAR_TEXT + BAR_HEIGHT + 5;
  const GROUP_GAP = 8;
  let max = 0;
  let height = 0;
  for (const group of groups) {
    for (const bar of group.bars) max = Math.max(max, bar.value);
    height += GROUP_LABEL + BAR_ROW * Math.max(1, group.bars.length) + GROUP_GAP;
  }
  height -= GROUP_GAP;
  const svg = svgEl('svg', { xmlns: SVG, class: 'chart', viewBox: `0 0 ${units(WIDTH)} ${units(height)}`,
    width: units(WIDTH), height: units(height), 'font-size': units(FONT_SIZE), 'aria-hidden': 'true',
    focusable: 'false' });
  svg.append(svgEl('title', {}, title));
  let top = 0;
  for (const group of groups) {
    const label = svgEl('text', { class: 'label', x: '0', y: units(top + LABEL_BASELINE), 'font-weight': 'bold' },
      group.label);
    if (group.href) {
      const a = svgEl('a', { href: group.href, tabindex: '-1' });
      a.append(label);
      svg.append(a);
    } else {
      svg.append(label);
    }
    top += GROUP_LABEL;
    if (!group.bars.length) {
      svg.append(svgEl('text', { class: 'value', x: '0', y: units(top + BAR_TEXT - 3) }, group.emptyLabel));
      top += BAR_ROW;
    }
    for (const bar of group.bars) {
      svg.append(svgEl('text', { class: 'value', x: '0', y: units(top + BAR_TEXT - 3) },
        `${bar.label}: ${bar.valueLabel}`));
      if (bar.value > 0 && max > 0) {
        const width = Math.max(10, Math.round((bar.value / max) * WIDTH * 10));
        svg.append(svgEl('rect', { class: 'bar', x: '0', y: units(top + BAR_TEXT), width: tenths(width),
          height: units(BAR_HEIGHT) }));
      }
      top += BAR_ROW;
    }
    top += GROUP_GAP;
  }
  return svg;
}

// Awarded money by year and status: templates/_money_time.mustache's chart and table, redrawn.
function renderMoneyTime() {
  const section = $('explore-money-time').querySelector('.money-time');
  const title = t('map.time_title');
  const m = moneyByYear(data, result.matching);
  const heading = section.querySelector('h2');
  if (m.whole.grants === 0) {
    section.replaceChildren(heading, el('p', { class: 'not-reported', text: t('map.time_empty') }));
    return;
  }
  const none = () => el('span', { class: 'map-none', text: t('map.none_short') });
  const yearLabel = t('map.year');
  const allLabel = t('total.awarded_all');
  const groups = [];
  const body = el('tbody');
  for (const row of m.rows) {
    const label = row.year ? String(row.year) : t('not_reported.year');
    const group = { label, href: row.url, bars: [], emptyLabel: t('map.time_none') };
    const tr = el('tr', {}, el('th', { scope: 'row', class: row.year ? null : 'year-not-reported',
      'data-label': yearLabel }, row.url ? el('a', { href: row.url, text: label }) : label));
    for (const s of m.columns) {
      const sums = row.cells.get(s.k);
      const status = t(`map.status.${s.k}`);
      tr.append(el('td', { class: 'num', 'data-part': s.part, 'data-label': status },
        sums ? moneyFigure(sums, 'awarded') : none()));
      if (!sums) continue;
      const reported = !(sums.grants > 0 && sums.withoutAmount === sums.grants);
      group.bars.push({ label: status, value: reported ? sums.amount : 0,
        valueLabel: reported ? money(sums.amount) : t('figure.not_reported') });
    }
    tr.append(el('td', { class: 'num', 'data-part': 'amount', 'data-label': allLabel },
      row.all.grants > 0 ? moneyFigure(row.all, 'awarded') : none()));
    body.append(tr);
    groups.push(group);
  }
  const foot = el('tr', {}, el('th', { scope: 'row', 'data-label': yearLabel, text: allLabel }),
    ...m.columns.map((s) => el('td', { class: 'num', 'data-whole': s.part, 'data-label': t(`map.status.${s.k}`) },
      moneyFigure(m.byStatus.get(s.k), 'awarded'))),
    el('td', { class: 'num', 'data-whole': 'amount', 'data-label': allLabel }, moneyFigure(m.whole, 'awarded')));
  const table = el('table', { class: 'stack', 'data-breakdown': 'sum' },
    el('caption', { id: 'mt-c', text: t('map.time.table') }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: yearLabel }),
      ...m.columns.map((s) => el('th', { scope: 'col', class: 'num', text: t(`map.status.${s.k}`) })),
      el('th', { scope: 'col', class: 'num', text: allLabel }))),
    body, el('tfoot', {}, foot));
  section.replaceChildren(heading, el('figure', { class: 'chart-figure' },
    groupedBarChart(groups, title),
    el('figcaption', {},
      el('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'mt-c', tabindex: '0' }, table),
      el('p', { class: 'note', text: t('map.time_note') }))));
}

// A sortable column's header: a button; aria-sort on the sorted one.
function sortHeader(label, key, current, desc, onSort, numeric = false) {
  const sorted = current === key;
  // The order's arrow is the style's (th[aria-sort]), not text: the header reads as its label.
  const button = el('button', { type: 'button', class: 'explore-sort', 'data-sort': key, text: label });
  button.addEventListener('click', () => onSort(key, sorted ? !desc : false));
  return el('th', { scope: 'col', class: numeric ? 'num' : null,
    'aria-sort': sorted ? (desc ? 'descending' : 'ascending') : null }, button);
}

function facetLabels(facet, g) {
  return data.columns[facet][g].map((v) => data.meta.facets[facet][v].l).join(', ');
}

// A grant's regions: their names, or how many when there are more than a few (as the catalogue).
function regionsText(g) {
  const regions = data.columns.region[g];
  return regions.length > 3 ? t('explore.regions_many', { count: integer(regions.length) }) : facetLabels('region', g);
}

function renderGrants() {
  const table = $('explore-grants');
  const onSort = (key, desc) => {
    state.sort = key;
    state.desc = desc;
    sortGrants(data, result.matching, state.sort, state.desc);
    commit(true, null, false);
    table.querySelector(`[data-sort="${key}"]`)?.focus();
  };
  const head = el('tr', {},
    sortHeader(t('explore.col_title'), 'title', state.sort, state.desc, onSort),
    sortHeader(t('explore.col_id'), 'id', state.sort, state.desc, onSort),
    sortHeader(t('explore.col_year'), 'date', state.sort, state.desc, onSort),
    el('th', { scope: 'col', text: t('explore.col_region') }),
    el('th', { scope: 'col', text: t('explore.col_grantee') }),
    el('th', { scope: 'col', text: t('explore.col_status') }),
    sortHeader(t('explore.col_amount'), 'amount', state.sort, state.desc, onSort, true));
  const body = el('tbody');
  const { columns, meta } = data;
  for (const g of result.matching.slice(0, shownGrants)) {
    const id = columns.id[g];
    const amount = columns.amount[g];
    const kind = KINDS[columns.kind[g]];
    body.append(el('tr', {},
      el('td', { 'data-label': t('explore.col_title') },
        el('a', { href: meta.grant_url.replace('{id}', encodeURIComponent(id)), text: columns.title[g] })),
      el('td', { class: 'explore-id', 'data-label': t('explore.col_id'), text: id }),
      el('td', { 'data-label': t('explore.col_year'), text: facetLabels('year', g) }),
      el('td', { 'data-label': t('explore.col_region'), text: regionsText(g) }),
      el('td', { 'data-label': t('explore.col_grantee'), text: facetLabels('grantee', g) }),
      el('td', { 'data-label': t('explore.col_status'), text: facetLabels('status', g) }),
      el('td', { class: 'num', 'data-label': t('explore.col_amount') },
        amount === null ? notReported() : el('data', { value: String(amount), text: money(amount) }),
        el('br'), el('small', { text: t(`explore.kind_${kind}`) }))));
  }
  table.replaceChildren(el('caption', { text: t('explore.grants') }), el('thead', {}, head), body);
  const count = result.matching.length;
  $('explore-grants-shown').textContent = t('explore.grants_shown',
    { shown: integer(Math.min(shownGrants, count)), count: integer(count) });
  $('explore-more').hidden = shownGrants >= count;
}

function sortedOrgs() {
  const rows = grantees(data, result.matching);
  const values = data.meta.facets.grantee;
  const awarded = (r) => r.kinds[0].amount;
  const by = {
    name: (a, b) => a.value - b.value,
    grants: (a, b) => a.grants - b.grants || b.value - a.value,
    awarded: (a, b) => awarded(a) - awarded(b) || b.value - a.value,
  }[orgSort.key];
  rows.sort(by);
  if (orgSort.desc) rows.reverse();
  return { rows, values };
}

function renderOrgs() {
  const table = $('explore-orgs');
  const { rows, values } = sortedOrgs();
  const onSort = (key, desc) => {
    orgSort = { key, desc };
    renderOrgs();
    table.querySelector(`[data-sort="${key}"]`)?.focus();
  };
  const head = el('tr', {},
    sortHeader(t('explore.col_organisation'), 'name', orgSort.key, orgSort.desc, onSort),
    sortHeader(t('explore.col_grants'), 'grants', orgSort.key, orgSort.desc, onSort, true),
    sortHeader(t('total.awarded'), 'awarded', orgSort.key, orgSort.desc, onSort, true),
    el('th', { scope: 'col', class: 'num', text: t('total.applied') }),
    el('th', { scope: 'col', class: 'num', text: t('total.planned') }));
  const body = el('tbody');
  for (const row of rows.slice(0, shownOrgs)) {
    const value = values[row.value];
    body.append(el('tr', {},
      el('td', { 'data-label': t('explore.col_organisation') },
        value.o ? el('a', { href: value.o, text: value.l }) : value.l),
      el('td', { class: 'num', 'data-label': t('explore.col_grants') },
        computed(integer(row.grants), row.grants, t('basis.grant_count'))),
      ...KINDS.map((kind, k) => el('td', { class: 'num', 'data-label': t(`total.${kind}`) },
        moneyFigure(row.kinds[k], kind)))));
  }
  table.replaceChildren(el('caption', { text: t('explore.organisations') }), el('thead', {}, head), body);
  $('explore-orgs-more').hidden = shownOrgs >= rows.length;
}

function render() {
  result = applyState(data, state);
  FACETS.forEach((facet, f) => renderFacet(f, facet));
  $('explore-q').value = state.q;
  $('explore-min').value = state.min ?? '';
  $('explore-max').value = state.max ?? '';
  const count = result.matching.length;
  $('explore-status').textContent = count
    ? t('explore.matching', { count: integer(count), total: integer(data.n) })
    : t('explore.none');
  renderTotals(totals(data, result.matching));
  renderMap();
  renderMoneyTime();
  $('explore-charts').replaceChildren(
    renderChart('region', t('explore.chart_region')),
    renderChart('year', t('explore.chart_year')),
    renderChart('direction', t('explore.chart_direction')));
  renderGrants();
  renderOrgs();
}

// A change made here: render, and put the state in the URL (a new history entry for a choice, the
// same entry while typing). `focusId`: the control to keep focused once its list is redrawn.
function commit(push, focusId = null, rerender = true) {
  const focused = document.activeElement;
  shownGrants = PAGE_ROWS;
  shownOrgs = PAGE_ROWS;
  const url = location.pathname + stateQuery(state);
  if (url !== location.pathname + location.search) {
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  if (rerender) render();
  else {
    renderGrants();
  }
  // A control redrawn while in use gets the focus back (focusing forces a layout: only then).
  if (focusId && focused && focused !== document.body && !focused.isConnected) {
    document.getElementById(focusId)?.focus();
  }
}

// The state of the URL: what it says, and a note of what it says that was not understood.
function readUrl() {
  const parsed = parseState(data, location.search);
  state = parsed.state;
  $('explore-note').textContent = parsed.ignored.length
    ? t('explore.ignored', { items: parsed.ignored.join('; ') })
    : '';
}

// ---- Downloads ----

async function tableRows(table) {
  if (!bulk[table]) {
    const response = await fetch(data.meta.tables[table].bulk);
    if (!response.ok) throw new Error(`${response.status}`);
    bulk[table] = bulkRows(await response.text());
  }
  return bulk[table];
}

async function download(table, format) {
  const rows = await tableRows(table);
  let ids;
  if (table === 'grants') ids = result.matching.map((g) => data.columns.id[g]);
  else {
    // The grantees shown that have a profile (a row of the organisations table), in the table's
    // order.
    ids = sortedOrgs().rows.map((r) => data.meta.facets.grantee[r.value]).filter((v) => v.o).map((v) => v.k);
  }
  const lines = ids.filter((id) => rows.has(id)).map((id) => rows.get(id));
  const text = format === 'csv' ? writeCsv(data.meta.tables[table], lines) : writeJson(table, lines);
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: `${table}.${format}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// ---- Start ----

async function start() {
  $('explore-static').hidden = true;
  $('explore-app').hidden = false;
  try {
    data = await loadData(async (name) => {
      const response = await fetch(dataUrl + name);
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json();
    });
  } catch {
    $('explore-status').textContent = t('explore.error');
    return;
  }
  money = formatter(data.meta.money_samples);
  integer = formatter(data.meta.integer_samples);
  buildFacets();
  readUrl();
  render();
  let typing;
  $('explore-q').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const wasEmpty = !state.q;
      state.q = $('explore-q').value;
      commit(wasEmpty, 'explore-q');
    }, 150);
  });
  for (const bound of ['min', 'max']) {
    const id = `explore-${bound}`;
    $(id).addEventListener('change', () => {
      const value = parseAmount($(id).value);
      if (value === undefined) {
        $(id).setAttribute('aria-invalid', 'true');
        return;
      }
      $(id).removeAttribute('aria-invalid');
      state[bound] = value;
      commit(true, id);
    });
  }
  $('explore-form').addEventListener('submit', (event) => event.preventDefault());
  $('explore-reset').addEventListener('click', () => {
    // Every filter off; the table keeps its order.
    state = { ...emptyState(), sort: state.sort, desc: state.desc };
    $('explore-note').textContent = '';
    commit(true, 'explore-reset');
  });
  $('explore-more').addEventListener('click', () => {
    const first = shownGrants;
    shownGrants += PAGE_ROWS;
    renderGrants();
    $('explore-grants').tBodies[0].rows[first]?.querySelector('a')?.focus();
  });
  $('explore-orgs-more').addEventListener('click', () => {
    shownOrgs += PAGE_ROWS;
    renderOrgs();
  });
  for (const button of root.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => {
      download(button.dataset.download, button.dataset.format).catch(() => {
        $('explore-status').textContent = t('explore.error');
      });
    });
  }
  window.addEventListener('popstate', () => {
    readUrl();
    shownGrants = PAGE_ROWS;
    shownOrgs = PAGE_ROWS;
    render();
  });
  root.dataset.ready = 'true';
}

start();
