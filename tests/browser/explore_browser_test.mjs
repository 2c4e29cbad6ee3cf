// The explorer (/<lang>/explore/) in a real headless Chromium (Debian's chromium, driven by
// playwright-core), on the fixture portal (tests/fixtures/portal, synthetic) served from 127.0.0.1:
// filters combine and counts narrow; one filter's totals are its static facet page's; the URL
// holds the state and the back button restores it; the downloads are the static files' bytes;
// the page works from the keyboard, has no axe-core violation in either language, lists the
// static facet pages without JavaScript, and shrugs off hostile query strings. Run by
// check_explore.sh, which builds the site.
//   usage: node explore_browser_test.mjs PORTAL_PUBLIC AXE_MIN_JS
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static_server.mjs';

const [siteDir, axePath] = process.argv.slice(2);
const server = await serve(siteDir);
const base = server.url;
const meta = { kk: JSON.parse(await readFile(join(siteDir, 'explore/kk/meta.json'), 'utf8')),
  ru: JSON.parse(await readFile(join(siteDir, 'explore/ru/meta.json'), 'utf8')) };
const axeSource = await readFile(axePath, 'utf8');

const profile = await mkdtemp(join(tmpdir(), 'ashyq-chromium-'));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, args: ARGS, acceptDownloads: true,
});
// Every request must stay on 127.0.0.1; anything else is recorded and refused.
const outside = [];
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1') return route.continue();
  outside.push(url.href);
  return route.abort();
});

let failures = 0;
async function check(name, body) {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures++;
    console.log(`not ok - ${name}\n${error.stack || error}`);
  }
}

const page = await context.newPage();
const dialogs = [];
page.on('dialog', (dialog) => {
  dialogs.push(dialog.message());
  dialog.dismiss();
});
page.on('pageerror', (error) => {
  failures++;
  console.log(`not ok - a script error on ${page.url()}: ${error.message}`);
});

// Opens the explorer at `query` and waits until it has rendered.
async function open(lang, query = '') {
  await page.goto(`${base}/${lang}/explore/${query}`);
  await page.waitForSelector('#explore[data-ready="true"]');
}
// The number of matching grants the status line says.
async function matching() {
  const status = await page.textContent('#explore-status');
  const n = status.match(/\d[\d\s\u00a0\u202f]*/);
  return n ? Number(n[0].replace(/\D/g, '')) : 0;
}
// A totals strip's figures by their labels: each figure's machine value, or "not reported".
// The explorer's strip and a static page's (templates/_totals.mustache) label them alike.
function strip() {
  return (divs) => Object.fromEntries(divs.map((d) => {
    const dd = d.querySelector('dd');
    const value = dd.querySelector('data');
    return [d.querySelector('dt').textContent, value ? Number(value.getAttribute('value'))
      : dd.querySelector('.not-reported') ? 'not reported' : null];
  }));
}
async function explorerTotals() {
  return page.$$eval('#explore-totals > div', strip());
}
async function staticTotals(url) {
  const other = await context.newPage();
  await other.goto(base + url);
  const totals = await other.$$eval('dl.totals-strip > div', strip());
  await other.close();
  return totals;
}
// A facet's checkbox values and the counts beside them.
async function facetCounts(facet) {
  return page.$$eval(`#explore-facet-${facet} li`, (lis) => Object.fromEntries(lis.map((li) => [
    li.querySelector('input').value,
    Number(li.querySelector('.meta').textContent.replace(/\D/g, ''))])));
}
// What a download button gives, as bytes.
async function downloaded(table, format) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-download="${table}"][data-format="${format}"]`),
  ]);
  return readFile(await download.path());
}
const file = (path) => readFile(join(siteDir, path));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

await check('with JavaScript the explorer shows every grant and the counts of every facet', async () => {
  await open('ru');
  assert.equal(await page.isHidden('#explore-static'), true);
  assert.equal(await matching(), meta.ru.grants);
  const regions = await facetCounts('region');
  for (const value of meta.ru.facets.region) assert.ok(regions[value.k] > 0, value.k);
});

await check('one filter\'s totals are its static facet page\'s, for a value of every facet', async () => {
  for (const [facet, values] of Object.entries(meta.ru.facets)) {
    for (const value of values.slice(0, 3)) {
      await open('ru', `?${facet}=${encodeURIComponent(value.k)}`);
      const mine = await explorerTotals();
      const totals = await staticTotals(value.u);
      const where = `${facet}=${value.k}`;
      // Every figure of the page's strip (grant records, and each kind of money it shows), by its
      // label: the same value, or "not reported" on both.
      assert.ok(Object.keys(totals).length >= 2, `${where}: ${JSON.stringify(totals)}`);
      for (const [label, figure] of Object.entries(totals)) assert.equal(mine[label], figure, `${where} ${label}`);
      // The facet's own count is its page's number of grants.
      const grants = Object.values(totals)[0];
      assert.equal((await facetCounts(facet))[value.k], grants, where);
    }
  }
});

await check('filters combine (AND across facets, OR within one) and every facet\'s counts narrow', async () => {
  await open('ru');
  const all = await matching();
  const region = meta.ru.facets.region[0].k;
  await page.check(`#explore-facet-region input[value="${region}"]`);
  const inRegion = await matching();
  assert.ok(inRegion < all, `${inRegion} < ${all}`);
  const years = await facetCounts('year');
  const yearSum = Object.values(years).reduce((a, b) => a + b, 0);
  assert.equal(yearSum, inRegion, 'each grant has one year: the narrowed year counts add up');
  const year = Object.keys(years).find((k) => years[k] > 0 && years[k] < inRegion) ||
    Object.keys(years).find((k) => years[k] > 0);
  await page.check(`#explore-facet-year input[value="${year}"]`);
  assert.equal(await matching(), years[year]);
  // The region's count is now narrowed by the year, and the other regions' too.
  const regions = await facetCounts('region');
  assert.equal(regions[region], years[year]);
  // A second region widens (OR within the facet).
  const other = meta.ru.facets.region.find((v) => v.k !== region && regions[v.k] > 0);
  if (other) {
    await page.check(`#explore-facet-region input[value="${other.k}"]`);
    assert.ok(await matching() >= years[year]);
  }
  // An amount range, then the text: each narrows what is left.
  await page.fill('#explore-min', '1');
  await page.press('#explore-min', 'Tab');
  await page.waitForFunction(() => location.search.includes('amount='));
  const totals = await explorerTotals();
  assert.ok(Object.values(totals).every((v) => v !== null), JSON.stringify(totals));
});

await check('the state is in the URL: a shared URL opens the same selection, and Back undoes a choice', async () => {
  await open('kk');
  const region = meta.kk.facets.region[0].k;
  const status = meta.kk.facets.status[0].k;
  await page.check(`#explore-facet-region input[value="${region}"]`);
  await page.waitForFunction((r) => location.search === `?region=${r}`, region);
  const one = await matching();
  await page.check(`#explore-facet-status input[value="${status}"]`);
  await page.waitForFunction(() => location.search.includes('status='));
  const two = await matching();
  const url = page.url();
  await page.goBack();
  await page.waitForFunction((r) => location.search === `?region=${r}`, region);
  assert.equal(await matching(), one);
  assert.equal(await page.isChecked(`#explore-facet-status input[value="${status}"]`), false);
  await page.goForward();
  await page.waitForFunction(() => location.search.includes('status='));
  assert.equal(await matching(), two);
  const fresh = await context.newPage();
  await fresh.goto(url);
  await fresh.waitForSelector('#explore[data-ready="true"]');
  assert.equal(await fresh.isChecked(`#explore-facet-status input[value="${status}"]`), true);
  assert.equal(await fresh.isChecked(`#explore-facet-region input[value="${region}"]`), true);
  await fresh.close();
});

// The fixture's titles: three Russian ones say «проект»; one Kazakh one says «шағын гранттар».
await check('the text filter reads inflected Russian and Kazakh typed without Kazakh letters, as the search does', async () => {
  const titles = () => page.$$eval('#explore-grants tbody td a', (as) => as.map((a) => a.textContent).sort());
  await open('ru', `?q=${encodeURIComponent('проектов')}`);
  assert.deepEqual(await titles(), ['Азбука: синтетический проект грамотности', 'Мост культур: синтетический проект',
    'Экология: синтетический проект']);
  await open('kk', `?q=${encodeURIComponent('шагын гранттардын')}`);
  assert.deepEqual(await titles(), ['Қанат: синтетикалық шағын гранттар бағдарламасы']);
  // Typed into the field: the URL follows, and the counts narrow to the text.
  await page.fill('#explore-q', 'жобасы');
  await page.waitForFunction(() => location.search.includes('q='));
  await page.waitForFunction(() => document.querySelectorAll('#explore-grants tbody tr').length === 3);
  const statuses = await facetCounts('status');
  assert.equal(Object.values(statuses).reduce((a, b) => a + b, 0), 3);
});

await check('downloads with no filter, by id, are the bulk files\' rows, byte for byte', async () => {
  await open('ru', '?sort=id');
  const json = await downloaded('grants', 'json');
  assert.ok(json.equals(await file('data/grants.json')), 'grants.json');
  const csv = await downloaded('grants', 'csv');
  assert.ok(csv.equals(Buffer.concat([BOM, await file('data/grants.csv')])), 'grants.csv (with the spreadsheet flavour\'s mark)');
});

await check('downloads of one region, one status and one grantee are their pages\' files, byte for byte', async () => {
  for (const facet of ['region', 'status', 'year']) {
    const value = meta.ru.facets[facet][0];
    await open('ru', `?${facet}=${encodeURIComponent(value.k)}`);
    const folder = `downloads${value.u.slice('/ru'.length)}`;
    assert.ok((await downloaded('grants', 'csv')).equals(await file(`${folder}grants.csv`)), `${folder} csv`);
    assert.ok((await downloaded('grants', 'json')).equals(await file(`${folder}grants.json`)), `${folder} json`);
  }
  const grantee = meta.ru.facets.grantee.find((v) => v.o);
  await open('ru', `?grantee=${encodeURIComponent(grantee.k)}`);
  const folder = `downloads${grantee.o.slice('/ru'.length)}`;
  assert.ok((await downloaded('organisations', 'csv')).equals(await file(`${folder}organisations.csv`)), 'organisation csv');
  assert.ok((await downloaded('organisations', 'json')).equals(await file(`${folder}organisations.json`)), 'organisation json');
});

// ---- The tile map and the money by year and status (issue 15, items 3 and 4) ----

// A block's markup as the figures tests compare it: without the data-total keys (the home page's
// figures are the portal's totals and carry them; the explorer's are of a selection and must not)
// and without the white space between tags (the generator writes line breaks, the script none).
function normal(html) {
  return html.replace(/ data-total="[^"]*"/g, '').replace(/>\s+</g, '><').trim();
}
async function blocks(p, prefix = '') {
  return {
    map: normal(await p.$eval(`${prefix}.map-block`, (b) => b.innerHTML)),
    money: normal(await p.$eval(`${prefix}.money-time`, (b) => b.innerHTML)),
  };
}
// The map's tiles: each one's fill, mark and tooltip, by region id.
async function tiles() {
  return page.$$eval('#explore-map svg.tile-map .tile', (as) => Object.fromEntries(as.map((a) => [a.dataset.region, {
    fill: a.querySelector('rect').getAttribute('fill'),
    dash: a.querySelector('rect').getAttribute('stroke-dasharray'),
    mark: a.querySelectorAll('text')[1].textContent,
    title: a.querySelector('title').textContent,
  }])));
}
// A figure's machine value in a cell (a <data>), or null.
async function valueIn(selector) {
  return page.$eval(selector, (cell) => {
    const data = cell.querySelector('data');
    return data ? Number(data.getAttribute('value')) : null;
  });
}
// The awarded money of a static facet page's strip (its label is the explorer strip's).
async function staticAwarded(url) {
  const label = await page.textContent('#explore-totals [data-part="awarded"] dt');
  return (await staticTotals(url))[label];
}

await check('with no filter the explorer\'s map and money by year and status are the home page\'s, drawn by its script', async () => {
  for (const lang of ['kk', 'ru']) {
    const home = await context.newPage();
    await home.goto(`${base}/${lang}/`);
    const expected = await blocks(home, '');
    await home.close();
    // The map has classes and the money rows to compare: the check is not of two empty blocks.
    assert.ok(expected.map.includes('class="map-mark">2<'), lang);
    assert.ok(expected.money.includes('year-not-reported'), lang);
    // Opened with a filter and then reset, both blocks are the script's, not the server's.
    const status = meta[lang].money_time.statuses.find((s) => meta[lang].facets.status.some((v) => v.k === s.k));
    await open(lang, `?status=${status.k}`);
    const filtered = await blocks(page, '#explore-app ');
    assert.notEqual(filtered.map, expected.map, `${lang}: the filter changed the map`);
    assert.notEqual(filtered.money, expected.money, `${lang}: the filter changed the money by year`);
    await page.click('#explore-reset');
    await page.waitForFunction(() => location.search === '');
    const mine = await blocks(page, '#explore-app ');
    assert.equal(mine.map, expected.map, `${lang}: map`);
    assert.equal(mine.money, expected.money, `${lang}: money by year and status`);
  }
});

await check('the map\'s fills and legend are the generator\'s: a tile\'s class is its legend entry\'s, and no fill is outside the palette (no red)', async () => {
  const palette = new Set([...meta.ru.map.palettes.flatMap((p) => p.fill), meta.ru.map.none_fill]);
  for (const query of ['', `?region=${meta.ru.facets.region[0].k}`, `?year=${meta.ru.facets.year[0].k}`,
    ...meta.ru.facets.status.map((v) => `?status=${v.k}`)]) {
    await open('ru', query);
    const legend = await page.$$eval('#explore-map .map-legend li', (lis) => lis.map((li) => ({
      fill: li.querySelector('svg rect').getAttribute('fill'),
      dash: li.querySelector('svg rect').getAttribute('stroke-dasharray'),
      mark: li.querySelector('.map-mark').textContent,
    })));
    const byMark = new Map(legend.map((l) => [l.mark, l]));
    for (const [id, tile] of Object.entries(await tiles())) {
      assert.ok(palette.has(tile.fill), `${query} ${id}: ${tile.fill}`);
      assert.ok(byMark.has(tile.mark), `${query} ${id}: mark ${tile.mark} is in the legend`);
      assert.equal(byMark.get(tile.mark).fill, tile.fill, `${query} ${id}`);
      // A tile without a class is dashed as its legend swatch (the generator's), a shaded one not.
      assert.equal(tile.dash, byMark.get(tile.mark).dash, `${query} ${id}`);
    }
    for (const l of legend) assert.equal(l.dash !== null, l.fill === meta.ru.map.none_fill, `${query} ${l.mark}`);
    // The classes' marks are 1 … n, each on some tile.
    const classes = legend.filter((l) => /^\d+$/.test(l.mark)).map((l) => l.mark);
    assert.deepEqual(classes, classes.map((_, i) => String(i + 1)), query);
  }
});

await check('one status: the money by year has only that status\'s money, and the map\'s total is its facet page\'s', async () => {
  const awardedStatuses = new Set(meta.ru.money_time.statuses.map((s) => s.k));
  let checked = 0;
  for (const value of meta.ru.facets.status) {
    await open('ru', `?status=${value.k}`);
    const awarded = await staticAwarded(value.u);
    if (!awardedStatuses.has(value.k)) {
      // Applied for or planned: no awarded money, said in words on both.
      assert.equal(await page.$$eval('#explore-money-time .money-time table', (t) => t.length), 0, value.k);
      assert.equal(await page.isVisible('#explore-money-time .money-time p.not-reported'), true, value.k);
      for (const tile of Object.values(await tiles())) assert.equal(tile.fill, meta.ru.map.none_fill, value.k);
      continue;
    }
    const part = meta.ru.money_time.statuses.find((s) => s.k === value.k).part;
    const parts = await page.$$eval('#explore-money-time tfoot td[data-whole]', (tds) => tds.map((td) => td.dataset.whole));
    assert.deepEqual(parts, [part, 'amount'], value.k);
    assert.equal(await valueIn(`#explore-money-time tfoot td[data-whole="${part}"]`), awarded, value.k);
    assert.equal(await valueIn('#explore-money-time tfoot td[data-whole="amount"]'), awarded, value.k);
    assert.equal(await valueIn('#explore-map tfoot td[data-whole="amount"]'), awarded, value.k);
    // The chart's bars say that status only.
    const bars = await page.$$eval('#explore-money-time svg.chart text.value', (ts) => ts.map((t) => t.textContent));
    const label = await page.textContent(`#explore-money-time thead th:nth-child(2)`);
    assert.ok(bars.length > 0 && bars.every((b) => b.startsWith(`${label}: `) || !b.includes(': ')), bars.join(' | '));
    checked++;
  }
  assert.ok(checked >= 2, `${checked} awarded statuses checked`);
});

await check('one region, one year: the map and the money by year follow, each figure its facet page\'s', async () => {
  const region = meta.ru.facets.region.find((v) => v.k !== meta.ru.money_time.not_reported);
  await open('ru', `?region=${region.k}`);
  const awarded = await staticAwarded(region.u);
  const row = await page.$$eval('#explore-map tbody tr', (trs, u) => {
    const tr = trs.find((r) => r.querySelector('th a')?.getAttribute('href') === u);
    return tr ? Number(tr.querySelector('[data-part="amount"] data').getAttribute('value')) : null;
  }, meta.ru.map.regions.find((r) => r.k === region.k).url);
  assert.equal(row, awarded, region.k);
  assert.equal(await valueIn('#explore-money-time tfoot td[data-whole="amount"]'), awarded, region.k);
  const shaded = Object.entries(await tiles()).filter(([, t]) => t.fill !== meta.ru.map.none_fill);
  assert.ok(shaded.some(([id]) => id === region.k), 'the region is shaded');
  // Every figure is marked computed, with what it sums.
  const bare = await page.$$eval('#explore-map td data, #explore-money-time td data',
    (ds) => ds.filter((d) => !d.parentElement.classList.contains('fig-computed')).length);
  assert.equal(bare, 0);

  // A year with awarded money (the fixture's newest years have only applications and plans).
  let year = null;
  for (const v of meta.ru.facets.year.filter((y) => y.k !== meta.ru.money_time.not_reported)) {
    await open('ru', `?year=${v.k}`);
    if (await page.$('#explore-money-time tbody')) {
      year = v;
      break;
    }
  }
  assert.ok(year, 'a year with awarded money');
  const labels = await page.$$eval('#explore-money-time tbody th', (ths) => ths.map((th) => th.textContent));
  // That year's row, and the row of the grants with no year, always there (in words: none).
  assert.equal(labels.length, 2, labels.join(' | '));
  assert.equal(labels[0], year.k);
  assert.equal(await page.$eval('#explore-money-time tbody tr:last-child th', (th) => th.className), 'year-not-reported');
  assert.equal(await valueIn('#explore-money-time tfoot td[data-whole="amount"]'), await staticAwarded(year.u));
  assert.equal(await valueIn('#explore-map tfoot td[data-whole="amount"]'), await staticAwarded(year.u));
});

await check('the map and the money by year from the keyboard: nothing to focus in the drawings, their tables\' links in the tab order', async () => {
  await open('ru');
  // The map is an image with no link in it; the chart's year links are out of the tab order.
  assert.equal(await page.$$eval('#explore-map svg a', (as) => as.length), 0);
  const tabbable = await page.$$eval('#explore-money-time svg a', (as) => as.filter((a) => a.getAttribute('tabindex') !== '-1').length);
  assert.equal(tabbable, 0);
  await page.focus('#explore-map .table-scroll');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.closest('#explore-map tbody') ? document.activeElement.getAttribute('href') : null);
  assert.ok(first, 'Tab from the map table\'s scroll box reaches its first region link');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === first);
  await open('ru');
  await page.focus('#explore-money-time .table-scroll');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('#explore-money-time tbody a'))));
});

await check('the explorer works from the keyboard: a checkbox toggles with Space, a sort with Enter', async () => {
  await open('ru');
  const all = await matching();
  const box = `#explore-facet-status input[value="${meta.ru.facets.status[0].k}"]`;
  await page.focus(box);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search.includes('status='));
  assert.ok(await matching() < all || meta.ru.facets.status.length === 1);
  // Focus stays on the checkbox once the list is redrawn.
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'status');
  await page.focus('#explore-grants [data-sort="amount"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('sort=amount'));
  assert.equal(await page.getAttribute('#explore-grants th[aria-sort]', 'aria-sort'), 'ascending');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.sort), 'amount');
});

await check('axe-core finds no violation on the explorer in either language', async () => {
  for (const lang of ['kk', 'ru']) {
    await open(lang, `?region=${encodeURIComponent(meta[lang].facets.region[0].k)}`);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, [], lang);
  }
});

await check('hostile query strings are ignored with a visible note, never run', async () => {
  await open('ru', '?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&year=abc&amount=1e999&sort=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E&x=%3Csvg%20onload%3Dalert(3)%3E');
  assert.equal(await matching(), meta.ru.grants);
  const note = await page.textContent('#explore-note');
  assert.ok(note.includes('<script>alert(1)</script>'), note);
  assert.ok(note.includes('year=abc') && note.includes('amount=1e999'), note);
  assert.equal(await page.getAttribute('#explore-note', 'role'), 'status');
  assert.equal(await page.isVisible('#explore-note'), true);
  // No element from the query string: the only SVGs are the generator's map, chart and swatches,
  // and no element has an event handler attribute.
  assert.equal(await page.$$eval('#explore script, #explore img, #explore svg:not(.tile-map, .chart, .swatch)', (n) => n.length), 0);
  assert.equal(await page.$$eval('#explore *', (els) => els.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
});

await check('without JavaScript the explorer is the list of the static facet pages', async () => {
  const profile2 = await mkdtemp(join(tmpdir(), 'ashyq-chromium-'));
  const plain = await chromium.launchPersistentContext(profile2, {
    executablePath: '/usr/bin/chromium', headless: true, args: ARGS, javaScriptEnabled: false,
  });
  const p = await plain.newPage();
  await p.goto(`${base}/kk/explore/`);
  assert.equal(await p.isVisible('#explore-static'), true);
  assert.equal(await p.isVisible('#explore-app'), false);
  const links = await p.$$eval('#explore-static a', (as) => as.map((a) => a.getAttribute('href')));
  for (const value of meta.kk.facets.region) assert.ok(links.includes(value.u), value.u);
  for (const value of meta.kk.facets.year) assert.ok(links.includes(value.u), value.u);
  await plain.close();
  await rm(profile2, { recursive: true, force: true });
});

await check('no request left 127.0.0.1', async () => {
  assert.deepEqual(outside, []);
});

await context.close();
await server.close();
await rm(profile, { recursive: true, force: true });
if (failures) {
  console.log(`${failures} failure(s)`);
  process.exit(1);
}
