// Tables readable on a 360 px phone and complete in print, in a real headless Chromium (Debian's
// chromium driven by playwright-core); the built sites are served from 127.0.0.1. Run by
// check_phone.sh, which builds the sites.
//   usage: node phone_tables_test.mjs SHOT_DIR CONTENT_PUBLIC FIXTURE_PUBLIC...
// Every grant page and one page of every other kind of each site (content/ first), in both
// languages, is opened at 360 px and fails when anything reaches past the viewport's right
// edge, a table cell or a money/number cell lies outside it or is clipped, a number or a caption's
// word is broken across lines, a caption is cut, or a stacked cell does not show its column's
// header as its label. The pages with tables are then printed (print media, A4 portrait's 190 mm
// of text width) and fail when a column is hidden or cut. Full-page screenshots of a few pages
// are written to SHOT_DIR for a person to look at.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static_server.mjs';

const [shotDir, contentDir, ...fixtureDirs] = process.argv.slice(2);
const PHONE = 360;
// A4 portrait is 210 mm wide; Chromium prints with about 1 cm margins: 190 mm at 96 px an inch.
const PAPER = Math.floor((190 / 25.4) * 96);

// The pages the issue names; each must exist, in both languages, so the test cannot pass by
// finding nothing.
const REQUIRED = [
  '', 'grants/', 'grants/rukhtan-2024-debate/', 'grants/gamo-2025-rural-youth/',
  'grants/tupkaragan-2022-small-grants/', 'subgrants/',
  'subgrants/programme/tupkaragan-2022-small-grants/', 'regions/mangystau/',
  'organisations/tupkaragan-zhastary/', 'plans/2022-additional/', 'data/', 'media/',
];
// Pages saved as screenshots (content/, kk and ru alternately).
const SHOTS = [
  'kk/grants/rukhtan-2024-debate/', 'ru/grants/tupkaragan-2022-small-grants/',
  'kk/grants/gamo-2025-rural-youth/', 'ru/grants/', 'kk/subgrants/', 'ru/plans/2022-additional/',
  'kk/', 'ru/data/',
];

// Every folder with an index.html under root, as a site path ("kk/grants/").
async function pagesOf(root) {
  const found = [];
  async function walk(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else if (entry.name === 'index.html') {
        const rel = relative(root, dir).split(sep).join('/');
        found.push(rel === '' ? '' : `${rel}/`);
      }
    }
  }
  await walk(root);
  return found.filter((p) => p.startsWith('kk/') || p.startsWith('ru/')).sort();
}

// One page of each kind: the language, the first two folders and the depth ("kk grants year 3"),
// a grant counting as its own kind (each grant's tables differ).
function firstOfEachKind(pages) {
  const seen = new Set();
  return pages.filter((p) => {
    const parts = p.split('/').filter(Boolean);
    const kind = parts.length === 3 && parts[1] === 'grants' ? p
      : `${parts[0]} ${parts[1] || ''} ${parts.length > 3 ? parts[2] : ''} ${parts.length}`;
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
}

const contentPages = await pagesOf(contentDir);
for (const lang of ['kk', 'ru']) {
  for (const path of REQUIRED) {
    assert.ok(contentPages.includes(`${lang}/${path}`), `content/ has no page /${lang}/${path}`);
  }
}
// content/: every grant, the pages the issue names and one page of each other kind (every page
// with ASHYQ_PHONE_ALL=1, slower).
const all = process.env.ASHYQ_PHONE_ALL === '1';
const contentChosen = contentPages.filter((p) => REQUIRED.includes(p.slice(3)));
for (const p of firstOfEachKind(contentPages)) if (!contentChosen.includes(p)) contentChosen.push(p);
const sites = [{ name: 'content', dir: contentDir, pages: all ? contentPages : contentChosen.sort() }];
for (const dir of fixtureDirs) {
  const pages = await pagesOf(dir);
  sites.push({ name: dir.split(sep).pop(), dir, pages: all ? pages : firstOfEachKind(pages) });
}
for (const site of sites) site.server = await serve(site.dir);

const profile = await mkdtemp(join(tmpdir(), 'ashyq-chromium-'));
// The flags that work on a shared build machine without a display or a sandbox.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, args: ARGS,
  viewport: { width: PHONE, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
});
// Every request must stay on 127.0.0.1; anything else is recorded and refused.
const outside = [];
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1') return route.continue();
  outside.push(url.href);
  return route.abort();
});
const page = await context.newPage();
await mkdir(shotDir, { recursive: true });

// Runs in the page: every way the page fails a phone reader, as strings (empty when none).
function phoneProblems(width) {
  const problems = [];
  const name = (el) => {
    const cls = el.getAttribute('class') ? `.${el.getAttribute('class').trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
  };
  // Hidden on purpose: not rendered, or clipped to nothing (visually hidden headers, the skip link
  // until focused is off to the left and so never past the right edge).
  const hidden = (el) => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
      if (style.clipPath !== 'none' || (style.clip !== 'auto' && style.position === 'absolute')) return true;
    }
    return false;
  };
  // The distinct lines a piece of text of `node` (from start to end) is laid out on.
  const lines = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const tops = new Set();
    for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.bottom));
    return tops.size;
  };
  const textNodes = (el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  };
  const scrollWidth = document.scrollingElement.scrollWidth;
  if (scrollWidth > width) problems.push(`the page is ${scrollWidth} px wide`);
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 && !hidden(el)) problems.push(`${name(el)} reaches ${Math.round(r.right)} px`);
  }
  let cells = 0;
  let numbers = 0;
  for (const cell of document.querySelectorAll('td, th')) {
    if (hidden(cell)) continue;
    cells++;
    const r = cell.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) {
      problems.push(`cell ${name(cell)} lies at ${Math.round(r.left)}–${Math.round(r.right)} px`);
    }
  }
  for (const el of document.querySelectorAll('.num, .money')) {
    if (hidden(el)) continue;
    numbers++;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) {
      problems.push(`number ${name(el)} lies at ${Math.round(r.left)}–${Math.round(r.right)} px`);
    }
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
      problems.push(`number ${name(el)} is clipped (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    for (const node of textNodes(el)) {
      for (const m of node.data.matchAll(/\d(?:[\d\u00a0\u202f\u2009 .,]*\d)?(?:[\u00a0\u202f]?[%₸])?/g)) {
        if (lines(node, m.index, m.index + m[0].length) > 1) {
          problems.push(`number "${m[0]}" in ${name(el)} is broken across lines`);
        }
      }
    }
  }
  for (const caption of document.querySelectorAll('caption')) {
    if (hidden(caption)) continue;
    const r = caption.getBoundingClientRect();
    if (caption.scrollWidth > caption.clientWidth + 1 || r.left < -0.5 || r.right > width + 0.5) {
      problems.push(`caption ${name(caption)} is cut (${caption.scrollWidth} px in ${caption.clientWidth} px at ${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    for (const node of textNodes(caption)) {
      for (const m of node.data.matchAll(/[^\s\u00a0\-—–/]+/g)) {
        if (lines(node, m.index, m.index + m[0].length) > 1) {
          problems.push(`caption ${name(caption)} breaks the word "${m[0]}"`);
        }
      }
    }
  }
  // A table shown as stacked rows hides its header row: each cell then shows its column's header
  // as its label, the same words.
  for (const table of document.querySelectorAll('table')) {
    const head = table.tHead;
    const first = table.tBodies[0]?.rows[0]?.cells[0];
    if (!head || !first || getComputedStyle(first).display !== 'block') continue;
    const headers = [];
    for (const th of head.rows[0].cells) {
      for (let i = 0; i < th.colSpan; i++) headers.push(th.textContent.trim().replace(/\s+/g, ' '));
    }
    for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
      let column = 0;
      for (const cell of row.cells) {
        const spanned = headers.slice(column, column + cell.colSpan);
        column += cell.colSpan;
        if (hidden(cell) || cell.colSpan > 1) continue;
        const label = cell.getAttribute('data-label');
        if (label === '' && cell.localName === 'td') continue; // no header fits: shown without one
        if (label !== spanned[0]) {
          problems.push(`cell ${name(cell)} is labelled "${label}", its column "${spanned[0]}"`);
          continue;
        }
        // The label is shown, unless the cell is the row's own header (the block's title).
        if (cell.matches('th[scope=row]')) continue;
        const before = getComputedStyle(cell, '::before');
        if (before.display === 'none' || before.content !== `"${label}"`) {
          problems.push(`cell ${name(cell)} does not show its label "${label}"`);
        }
      }
    }
  }
  return { problems, cells, numbers, tables: document.querySelectorAll('table').length };
}

// Runs in the page in print: every column of every table is printed, inside the paper's width.
function printProblems(width) {
  const problems = [];
  const name = (el) => `<${el.tagName.toLowerCase()}> "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
  for (const table of document.querySelectorAll('table')) {
    const columns = table.rows[0] ? [...table.rows[0].cells].reduce((n, c) => n + c.colSpan, 0) : 0;
    for (const cell of table.querySelectorAll('th, td')) {
      const style = getComputedStyle(cell);
      const r = cell.getBoundingClientRect();
      if (style.display !== 'table-cell' || style.visibility !== 'visible' || r.width === 0) {
        problems.push(`cell ${name(cell)} is not printed as a table cell (${style.display})`);
      } else if (r.left < -0.5 || r.right > width + 0.5) {
        problems.push(`cell ${name(cell)} is printed at ${Math.round(r.left)}–${Math.round(r.right)} px`);
      }
      if (getComputedStyle(cell, '::before').content !== 'none') {
        problems.push(`cell ${name(cell)} prints a label before it`);
      }
    }
    for (const row of table.rows) {
      const n = [...row.cells].reduce((sum, c) => sum + c.colSpan, 0);
      if (n !== columns) problems.push(`a row of ${name(table)} has ${n} columns, the first ${columns}`);
    }
    for (let e = table.parentElement; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) {
        problems.push(`${name(table)} is clipped by <${e.tagName.toLowerCase()}>`);
      }
    }
  }
  return problems;
}

let failures = 0;
let checkedPages = 0;
let checkedCells = 0;
let checkedNumbers = 0;
let printed = 0;
for (const site of sites) {
  for (const path of site.pages) {
    const url = `${site.server.url}/${path}`;
    const where = `${site.name} /${path}`;
    await page.setViewportSize({ width: PHONE, height: 740 });
    await page.emulateMedia({ media: 'screen' });
    const response = await page.goto(url);
    assert.equal(response.status(), 200, `${where}: ${response.status()}`);
    // The explorer's tables are its script's: checked once it has drawn them.
    if (await page.$('#explore')) await page.waitForSelector('#explore[data-ready="true"]');
    const { problems, cells, numbers, tables } = await page.evaluate(phoneProblems, PHONE);
    checkedPages++;
    checkedCells += cells;
    checkedNumbers += numbers;
    if (site.name === 'content' && SHOTS.includes(path)) {
      await page.screenshot({ path: join(shotDir, `${path.replaceAll('/', '_')}360.png`), fullPage: true });
    }
    if (problems.length > 0) {
      failures++;
      console.log(`not ok - ${where} at ${PHONE} px\n  ${problems.slice(0, 12).join('\n  ')}${problems.length > 12 ? `\n  … and ${problems.length - 12} more` : ''}`);
    } else {
      console.log(`ok - ${where} at ${PHONE} px (${tables} tables, ${cells} cells, ${numbers} numbers)`);
    }
    if (tables === 0) continue;
    await page.setViewportSize({ width: PAPER, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const printing = await page.evaluate(printProblems, PAPER);
    printed++;
    if (site.name === 'content' && path === SHOTS[0]) {
      await page.screenshot({ path: join(shotDir, `${path.replaceAll('/', '_')}print.png`), fullPage: true });
    }
    if (printing.length > 0) {
      failures++;
      console.log(`not ok - ${where} in print\n  ${printing.slice(0, 12).join('\n  ')}${printing.length > 12 ? `\n  … and ${printing.length - 12} more` : ''}`);
    }
  }
}

// The checks above must have had something to check.
assert.ok(checkedCells > 1000, `only ${checkedCells} table cells checked`);
assert.ok(checkedNumbers > 500, `only ${checkedNumbers} number cells checked`);
if (outside.length > 0) {
  failures++;
  console.log(`not ok - requests left 127.0.0.1: ${outside.join(' ')}`);
}
await context.close();
await rm(profile, { recursive: true, force: true });
for (const site of sites) await site.server.close();
console.log(`${checkedPages} pages at ${PHONE} px (${checkedCells} cells, ${checkedNumbers} numbers), ${printed} printed; screenshots in ${shotDir}`);
console.log(failures === 0 ? 'all phone checks passed' : `${failures} page check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
