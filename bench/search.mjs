// Measures a built portal's search index (docs/search.md): per language the files, bytes and gzip
// bytes; for typical queries the index files they fetch (count, bytes, gzip bytes) and the median
// time of a cold query (a fresh engine: meta.json, term chunks and the top 10 results' document
// chunks read and parsed) in Node over the files, and in headless Chromium over HTTP from 127.0.0.1.
//   usage: node bench/search.mjs PUBLIC_DIR [RUNS]
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSearch } from '../assets/search/search_engine.js';

const [publicDir, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

const gzipSize = new Map();
async function sizes(path) {
  if (!gzipSize.has(path)) {
    const bytes = await readFile(path);
    gzipSize.set(path, { bytes: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
  }
  return gzipSize.get(path);
}

// The queries: a common word, a rare word (a term in one document, from the index itself), two
// words, and a prefix being typed.
async function queries(lang) {
  const meta = JSON.parse(await readFile(join(publicDir, 'search', lang, 'meta.json'), 'utf8'));
  // The rarest word of five letters or more (fewest postings), from the middle chunk onwards: a
  // synthetic portal's vocabulary is small, so a term of exactly one document may not exist.
  let rare;
  let fewest = Infinity;
  const n = meta.term_chunks.length;
  for (let k = 0; k < n && fewest > 2; k++) {
    const name = meta.term_chunks[(Math.floor(n / 2) + k) % n];
    const chunk = JSON.parse(await readFile(join(publicDir, 'search', lang, name), 'utf8'));
    for (const t of Object.keys(chunk)) {
      if (/^\p{L}{5,}$/u.test(t) && chunk[t].length < fewest) {
        fewest = chunk[t].length;
        rare = t;
      }
    }
  }
  return lang === 'kk'
    ? [['common', 'грант'], ['rare', rare], ['two words', 'шағын гранттардың'], ['prefix', 'гран']]
    : [['common', 'грант'], ['rare', rare], ['two words', 'малые гранты'], ['prefix', 'гран']];
}

console.log(`## search index of ${publicDir}\n`);
console.log('| language | documents | terms | files | bytes | gzip bytes | meta.json (gzip) |');
console.log('|---|---|---|---|---|---|---|');
for (const lang of ['kk', 'ru']) {
  const dir = join(publicDir, 'search', lang);
  const files = await walk(dir);
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const s = await sizes(f);
    bytes += s.bytes;
    gzip += s.gzip;
  }
  const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
  const m = await sizes(join(dir, 'meta.json'));
  console.log(`| ${lang} | ${meta.documents} | ${meta.terms} | ${files.length} | ${kib(bytes)} | ${kib(gzip)} | ${kib(m.bytes)} (${kib(m.gzip)}) |`);
}

const rows = [];
for (const lang of ['kk', 'ru']) {
  for (const [what, q] of await queries(lang)) {
    const times = [];
    let result;
    for (let i = 0; i < RUNS; i++) {
      const read = new Set(['meta.json']);
      const engine = createSearch(lang, async (path) => {
        read.add(path);
        return JSON.parse(await readFile(join(publicDir, 'search', lang, path), 'utf8'));
      });
      const start = process.hrtime.bigint();
      const match = await engine.query(q, { typing: what === 'prefix' });
      await engine.documents(match.results.slice(0, 10).map((r) => r.doc));
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      result = { match, read };
    }
    let bytes = 0;
    let gzip = 0;
    for (const f of result.read) {
      const s = await sizes(join(publicDir, 'search', lang, f));
      bytes += s.bytes;
      gzip += s.gzip;
    }
    rows.push({ lang, what, q, results: result.match.results.length, files: result.read.size, bytes, gzip, node: median(times) });
  }
}

// The same queries in Chromium: the page's own engine module, fetched over HTTP.
let chromium = null;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('\n(playwright-core missing: no Chromium figures)');
}
if (chromium) {
  const { serve } = await import('../tests/browser/static_server.mjs');
  const server = await serve(publicDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(`${server.url}/kk/search/`);
  for (const row of rows) {
    row.chromium = await page.evaluate(async ({ lang, q, prefix, runs }) => {
      const { createSearch } = await import('/assets/search/search_engine.js');
      const times = [];
      for (let i = 0; i < runs; i++) {
        // A fresh engine and no HTTP cache: every run fetches and parses its files again.
        const engine = createSearch(lang, async (path) =>
          (await fetch(`/search/${lang}/${path}`, { cache: 'no-store' })).json());
        const start = performance.now();
        const match = await engine.query(q, { typing: prefix });
        await engine.documents(match.results.slice(0, 10).map((r) => r.doc));
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    }, { lang: row.lang, q: row.q, prefix: row.what === 'prefix', runs: RUNS });
  }
  await browser.close();
  await server.close();
}

console.log(`\n## queries (cold: fresh engine each run; median of ${RUNS}; top 10 results' documents included)\n`);
console.log('| language | query | | results | files fetched | bytes | gzip bytes | Node ms | Chromium ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.lang} | ${r.what} | \`${r.q}\` | ${r.results} | ${r.files} | ${kib(r.bytes)} | ${kib(r.gzip)} | ${r.node.toFixed(1)} | ${r.chromium === undefined ? '–' : r.chromium.toFixed(1)} |`);
}
