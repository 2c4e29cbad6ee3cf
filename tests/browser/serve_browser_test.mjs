// `ashyq serve` as an editor meets it in a real headless Chromium (Debian's chromium, driven by
// playwright-core): the server runs on a copy of a fixture site (synthetic), a page stays open,
// and the record behind it is edited, broken and fixed. Run by check_serve.sh. Each step waits
// with a generous limit; nothing is timed (bench/serve_edit.sh measures speed).
//   usage: node serve_browser_test.mjs ASHYQ_BINARY SITE_DIR
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [binary, site] = process.argv.slice(2);
const GRANT = join(site, 'content/grants/synthetic-2024-full/grant.json');
const LIMIT = 60_000;

const server = spawn(binary, ['serve', '--site', site, '--port', '0'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let printed = '';
let errors = '';
server.stderr.on('data', (d) => { errors += d; });
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    printed += d;
    const m = printed.match(/^serving .* at (http:\/\/127\.0\.0\.1:\d+\/) /m);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`ashyq serve exited (${code}):\n${errors}`)));
});

const profile = await mkdtemp(join(tmpdir(), 'ashyq-chromium-'));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, args: ARGS,
});
// Every request must stay on 127.0.0.1.
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

async function edit(find, replacement) {
  const text = await readFile(GRANT, 'utf8');
  assert.equal(text.split(find).length, 2, `${find} occurs once in grant.json`);
  await writeFile(GRANT, text.replace(find, replacement));
}

// The findings laid over the page: the overlay's heading and text once loaded, or null.
const overlay = (page) => page.evaluate(() => {
  const frame = document.querySelector('iframe');
  const doc = frame && frame.contentDocument;
  const h1 = doc && doc.querySelector('h1');
  return h1 ? { h1: h1.textContent, text: doc.body.textContent, bold: !!doc.querySelector('b') }
    : null;
});

const kk = await context.newPage();
const ru = await context.newPage();
for (const page of [kk, ru])
  page.on('pageerror', (error) => {
    failures++;
    console.log(`not ok - a script error on ${page.url()}: ${error.message}`);
  });
await kk.goto(base + 'kk/grants/synthetic-2024-full/');
await ru.goto(base + 'ru/grants/synthetic-2024-full/');

await check('an edit of the record reloads the open page with it', async () => {
  await kk.evaluate(() => { window.beforeEdit = true; });
  await edit('"kk": "Синтетикалық толық жоба"', '"kk": "Синтетикалық өзгертілген жоба"');
  await kk.waitForFunction(() => document.querySelector('h1').textContent.includes(
    'Синтетикалық өзгертілген жоба'), null, { timeout: LIMIT });
  assert.equal(await kk.evaluate(() => window.beforeEdit), undefined, 'the page was reloaded');
});

await check('a broken record lays its findings over the page, in the page\'s language', async () => {
  await edit('"status": "completed",', '"status": "<b>finished</b>",');
  for (const [page, heading] of [[kk, 'Сайт жиналмады'], [ru, 'Сайт не собран']]) {
    await page.waitForFunction(() => {
      const frame = document.querySelector('iframe');
      return frame && frame.contentDocument && frame.contentDocument.querySelector('h1');
    }, null, { timeout: LIMIT });
    const shown = await overlay(page);
    assert.equal(shown.h1, heading);
    assert.match(shown.text, /content\/grants\/synthetic-2024-full\/grant\.json:3:3/);
    assert.match(shown.text, /unknown value "<b>finished<\/b>"/);  // shown as text…
    assert.equal(shown.bold, false);  // …never as markup
  }
  // The page under the findings is the last good build's.
  assert.match(await kk.locator('h1').first().textContent(), /Синтетикалық өзгертілген жоба/);
});

await check('the fix takes the findings away and reloads the page', async () => {
  await kk.evaluate(() => { window.beforeFix = true; });
  await edit('"status": "<b>finished</b>",', '"status": "completed",');
  for (const page of [kk, ru])
    await page.waitForFunction(() => !document.querySelector('iframe') && !window.beforeFix,
      null, { timeout: LIMIT });
  assert.equal(await overlay(kk), null);
});

await check('no request left 127.0.0.1', async () => {
  assert.deepEqual(outside, []);
});

await context.close();
await rm(profile, { recursive: true, force: true });
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
server.kill('SIGTERM');
await check('SIGTERM stops the server with status 0', async () => {
  assert.equal(await exited, 0);
});
if (failures) {
  console.log(`${failures} check(s) failed; the server said:\n${errors}`);
  process.exit(1);
}
