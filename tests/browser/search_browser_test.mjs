// Search in a real headless Chromium (Debian's chromium, driven by playwright-core): the built
// sites are served from 127.0.0.1 and the search page is used as a visitor would, with and without
// JavaScript. Run by check_search.sh, which builds the sites.
//   usage: node search_browser_test.mjs CONTENT_PUBLIC PORTAL_PUBLIC FULL_PUBLIC
// PORTAL_PUBLIC is tests/fixtures/portal (synthetic; its [search] fallback is set), FULL_PUBLIC is
// tests/fixtures/full (no fallback). Fails with the first unmet expectation.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static_server.mjs';

const [contentDir, portalDir, fullDir] = process.argv.slice(2);
const ECOLOGY = 'grants/synthetic-2024-ecology/';

const servers = {
  content: await serve(contentDir),
  portal: await serve(portalDir),
  full: await serve(fullDir),
};
const profile = await mkdtemp(join(tmpdir(), 'ashyq-chromium-'));
// The flags that work on a shared build machine without a display or a sandbox.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, args: ARGS,
});
// Every request must stay on 127.0.0.1; anything else is recorded and refused.
const outside = [];
const guard = async (ctx) => ctx.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1') return route.continue();
  outside.push(url.href);
  return route.abort();
});
await guard(context);

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
page.on('pageerror', (error) => {
  failures++;
  console.log(`not ok - a script error on ${page.url()}: ${error.message}`);
});

// Waits until the search status shows a result count (or "nothing found") and returns the status
// text with the result links.
async function settled() {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent || '';
    return /\d/.test(status) || /ештеңе|ничего/.test(status);
  });
  await page.waitForTimeout(50);
  const status = (await page.textContent('#search-status')).trim();
  const links = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')));
  const kinds = await page.$$eval('#search-results .search-kind', (ks) => ks.map((k) => k.textContent));
  return { status, links, kinds };
}

await check('a Kazakh query "гранттардың" finds the kk grant whose narrative says "гранттар"', async () => {
  await page.goto(`${servers.portal.url}/kk/search/?q=${encodeURIComponent('гранттардың')}`);
  const { status, links, kinds } = await settled();
  assert.ok(links.includes(`/kk/${ECOLOGY}`), `results: ${links}`);
  assert.ok(links.every((l) => l.startsWith('/kk/')), `a result outside /kk/: ${links}`);
  assert.ok(kinds.every((k) => ['Грант', 'Ұйым', 'Гранттар жоспары', 'Өңір', 'Бет'].includes(k)), `${kinds}`);
  assert.match(status, /^\d+ нәтиже табылды$/);
  assert.equal(Number(status.match(/\d+/)[0]), links.length);
  assert.equal(await page.inputValue('#search-q'), 'гранттардың');
});

await check('a Russian query "грантами" finds the ru grant whose narrative says "гранты"', async () => {
  await page.goto(`${servers.portal.url}/ru/search/?q=${encodeURIComponent('грантами')}`);
  const { status, links } = await settled();
  assert.ok(links.includes(`/ru/${ECOLOGY}`), `results: ${links}`);
  assert.ok(links.every((l) => l.startsWith('/ru/')), `a result outside /ru/: ${links}`);
  const n = links.length;
  const form = n % 10 === 1 && n % 100 !== 11 ? 'Найден \\d+ результат'
    : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'Найдено \\d+ результата'
      : 'Найдено \\d+ результатов';
  assert.match(status, new RegExp(`^${form}$`));
});

await check('an inflected Russian word is marked in the title it matched', async () => {
  await page.goto(`${servers.portal.url}/ru/search/?q=${encodeURIComponent('экологии')}`);
  const { links } = await settled();
  assert.ok(links.includes(`/ru/${ECOLOGY}`), `results: ${links}`);
  const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes('Экология'), `marks: ${marks}`);
});

await check('typing updates the results, the count and the URL', async () => {
  await page.goto(`${servers.portal.url}/ru/search/`);
  assert.equal((await page.textContent('#search-status')).trim(),
    'Введите название гранта, организации, региона или тему.');
  await page.click('#search-q');
  await page.keyboard.type('синтетическ', { delay: 30 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'синтетическ');
  const first = await settled();
  assert.ok(first.links.length > 0, 'a prefix being typed finds the words it starts');
  await page.keyboard.type('ий zzzzqqq', { delay: 30 });
  // Wait for the answer to the whole query: under load the status can still show the answer to
  // a query one keystroke shorter ("zzzzqq"), which also finds nothing.
  await page.waitForFunction(() =>
    /«синтетический zzzzqqq» ничего не найдено/.test(document.getElementById('search-status').textContent));
  const none = (await page.textContent('#search-status')).trim();
  assert.ok(none.startsWith('По запросу «синтетический zzzzqqq» ничего не найдено.'), none);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'синтетический zzzzqqq');
  assert.equal(await page.$$eval('#search-results li', (li) => li.length), 0);
});

await check('a query written in Kazakh on the Russian page, or finding nothing, offers the other language', async () => {
  // Kazakh letters on the Russian page: the offer goes to the Kazakh search with the same query,
  // which finds the grant there.
  await page.goto(`${servers.portal.url}/ru/search/?q=${encodeURIComponent('гранттардың')}`);
  await settled();
  await page.waitForSelector('#search-other:not([hidden])');
  const offer = await page.$eval('#search-other a', (a) => ({ href: a.getAttribute('href'), text: a.textContent, lang: a.hreflang }));
  assert.equal(offer.href, `/kk/search/?q=${encodeURIComponent('гранттардың')}`);
  assert.equal(offer.text, 'Искать «гранттардың» в казахской версии портала');
  assert.equal(offer.lang, 'kk');
  await page.click('#search-other a');
  const there = await settled();
  assert.ok(there.links.includes(`/kk/${ECOLOGY}`), `results: ${there.links}`);
  assert.equal(await page.isHidden('#search-other'), true, 'a query with results here offers nothing');
  // Nothing found on the Kazakh page: the Russian search is offered.
  await page.goto(`${servers.portal.url}/kk/search/?q=${encodeURIComponent('zzzzqqq')}`);
  await settled();
  await page.waitForSelector('#search-other:not([hidden])');
  assert.equal(await page.$eval('#search-other a', (a) => a.getAttribute('href')), '/ru/search/?q=zzzzqqq');
  assert.equal(await page.textContent('#search-other a'), '«zzzzqqq» сұрауын порталдың орысша нұсқасынан іздеу');
  // A Russian query with results on the Russian page offers nothing.
  await page.goto(`${servers.portal.url}/ru/search/?q=${encodeURIComponent('грантами')}`);
  await settled();
  assert.equal(await page.isHidden('#search-other'), true);
});

await check('a Kazakh query typed without Kazakh letters finds what the Kazakh spelling finds', async () => {
  await page.goto(`${servers.portal.url}/kk/search/?q=${encodeURIComponent('шағын гранттардың ')}`);
  const spelt = await settled();
  assert.ok(spelt.links.length > 0);
  await page.goto(`${servers.portal.url}/kk/search/?q=${encodeURIComponent('шагын гранттардын ')}`);
  const typed = await settled();
  assert.deepEqual(typed.links, spelt.links);
});

await check('the header search box of any page leads to the search page with results', async () => {
  await page.goto(`${servers.full.url}/kk/grants/`);
  await page.fill('#site-search-q', 'синтетикалық');
  await page.press('#site-search-q', 'Enter');
  await page.waitForURL(/\/kk\/search\/\?q=/);
  const { links } = await settled();
  assert.ok(links.length > 0);
});

await check('the real portal (content/) finds inflected forms in both languages', async () => {
  for (const [lang, query] of [['kk', 'гранттардың'], ['ru', 'грантами']]) {
    await page.goto(`${servers.content.url}/${lang}/search/?q=${encodeURIComponent(query)}`);
    const { links } = await settled();
    assert.ok(links.length > 0, `${lang}: no result for ${query}`);
    assert.ok(links.every((l) => l.startsWith(`/${lang}/`)));
  }
});

await check('the search page fetches only the index files a query needs', async () => {
  const requests = servers.portal.requests;
  requests.length = 0;
  await page.goto(`${servers.portal.url}/kk/search/?q=${encodeURIComponent('экология')}`);
  await settled();
  const index = requests.filter((r) => r.startsWith('/search/'));
  assert.ok(index.includes('/search/kk/meta.json'));
  assert.ok(index.every((r) => r.startsWith('/search/kk/')), `${index}`);
  assert.ok(index.length <= 4, `fetched ${index}`);
});

// Without JavaScript the form is all there is.
await check('without JavaScript the form goes to the [search] fallback for the site\'s host', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  await guard(ctx);
  const p = await ctx.newPage();
  await p.goto(`${servers.portal.url}/ru/search/`);
  assert.equal(await p.getAttribute('#search-form', 'action'), 'https://search.synthetic.example/');
  assert.equal(await p.getAttribute('#search-site', 'value'), 'portal.synthetic.example');
  assert.equal(await p.getAttribute('#search-site', 'name'), 'sites');
  assert.ok(await p.isVisible('.search-noscript'));
  assert.match(await p.textContent('.search-noscript'), /JavaScript выключен/);

  await p.goto(`${servers.full.url}/kk/search/`);
  assert.equal(await p.getAttribute('#search-form', 'action'), '/kk/search/');
  assert.ok(await p.isVisible('.search-noscript'));
  assert.match(await p.textContent('.search-noscript'), /JavaScript арқылы жұмыс істейді/);
  // A plain submit: the query lands in the page's own URL, no script runs.
  await p.fill('#search-q', 'грант');
  await p.press('#search-q', 'Enter');
  await p.waitForURL(/\/kk\/search\/\?q=/);
  assert.equal(await p.$$eval('#search-results li', (li) => li.length), 0);
  await browser.close();
});

await check('no request left 127.0.0.1', async () => {
  assert.deepEqual(outside, []);
});

await context.close();
await rm(profile, { recursive: true, force: true });
for (const server of Object.values(servers)) await server.close();
console.log(failures === 0 ? 'all browser checks passed' : `${failures} browser check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
