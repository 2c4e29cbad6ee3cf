// Measures a built portal's explorer (docs/explore.md): per language the data's files, bytes and
// gzip bytes (what the page fetches before it can answer), the time from opening the page to its
// first answer, and the median time a filter change takes to answer in headless Chromium (the
// page's own handler: a checkbox clicked, the filters applied, counts, totals, the map, the money
// by year and status, charts and tables redrawn, measured until the browser has laid the page
// out), over HTTP from 127.0.0.1.
//   usage: node bench/explore.mjs PUBLIC_DIR [RUNS]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/static_server.mjs';

const [publicDir, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 20);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

console.log('| lang | files | bytes | gzip | grants |');
console.log('|---|---|---|---|---|');
const metas = {};
for (const lang of ['kk', 'ru']) {
  const folder = join(publicDir, 'explore', lang);
  const meta = JSON.parse(await readFile(join(folder, 'meta.json'), 'utf8'));
  metas[lang] = meta;
  let bytes = 0;
  let gzip = 0;
  for (const name of ['meta.json', ...meta.chunks]) {
    const data = await readFile(join(folder, name));
    bytes += data.length;
    gzip += gzipSync(data, { level: 6 }).length;
  }
  console.log(`| ${lang} | ${1 + meta.chunks.length} | ${kib(bytes)} | ${kib(gzip)} | ${meta.grants} |`);
}

const server = await serve(publicDir);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
console.log();
console.log('| lang | first answer after opening (ms) | filter change, median of runs (ms) | slowest (ms) | runs |');
console.log('|---|---|---|---|---|');
for (const lang of ['kk', 'ru']) {
  const page = await browser.newPage();
  const opened = Date.now();
  await page.goto(`${server.url}/${lang}/explore/`);
  await page.waitForSelector('#explore[data-ready="true"]', { timeout: 120000 });
  const load = Date.now() - opened;
  // Each run clicks the checkbox of a region, then of a year, in turn (on, then off): a change
  // that narrows every facet's counts and redraws every table. The time is from the click to the
  // next frame after the handler (layout included), read in the page.
  const regions = metas[lang].facets.region.map((v) => v.k);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const facet = i % 2 ? 'year' : 'region';
    const key = facet === 'year' ? metas[lang].facets.year[0].k : regions[(i >> 1) % regions.length];
    times.push(await page.evaluate(({ facet, key }) => new Promise((resolve) => {
      const box = document.querySelector(`#explore-facet-${facet} input[value="${key}"]`);
      const start = performance.now();
      box.click();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    }), { facet, key }));
  }
  console.log(`| ${lang} | ${load} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${RUNS} |`);
  await page.close();
}
await browser.close();
await server.close();
