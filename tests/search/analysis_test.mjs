// The browser's search analysis (assets/search/analysis.js) against the vectors it shares with the
// C++ tests (tests/data/search_analysis.json), and against the generator itself: `ashyq analyse`
// must print exactly the terms analysis.js gives for every word of content/ and tests/fixtures/.
// Run by ctest, which sets ASHYQ_BINARY; run alone (node --test tests/search/) the comparison with
// the generator is skipped, and says so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { stem, terms, words } from '../../assets/search/analysis.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vectors = JSON.parse(readFileSync(join(root, 'tests/data/search_analysis.json'), 'utf8'));

test('every text vector gives its words and terms', () => {
  for (const v of vectors.texts) {
    assert.deepEqual(words(v.text), v.words, `${v.checks}\ntext: ${v.text}`);
    assert.deepEqual(terms(v.lang, v.text), v.terms, `${v.checks}\ntext: ${v.text}`);
  }
});

test('every stem vector gives its stem', () => {
  for (const v of vectors.stems) {
    assert.equal(stem(v.lang, v.word), v.stem, `${v.checks}\nword: ${v.word}`);
  }
});

test('the forms of one word share one stem', () => {
  for (const group of vectors.groups) {
    assert.ok(group.forms.length >= 2);
    const first = stem(group.lang, group.forms[0]);
    for (const form of group.forms) {
      const why = `${group.checks}\nform: ${form}, first form: ${group.forms[0]}`;
      assert.equal(stem(group.lang, form), first, why);
    }
  }
});

test('different words keep different stems', () => {
  for (const group of vectors.distinct) {
    const stems = new Set(group.words.map((word) => stem(group.lang, word)));
    assert.equal(stems.size, group.words.length, group.checks);
  }
});

const TEXT_FILES = ['.md', '.json', '.csv', '.toml'];

// The text files of content/ and tests/fixtures/, in a fixed order, one text.
function corpus() {
  const texts = [];
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT_FILES.includes(extname(entry.name))) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, 'content'));
  walk(join(root, 'tests/fixtures'));
  // The vectors' texts and words too: they hold the edge cases the content lacks.
  for (const v of vectors.texts) texts.push(v.text);
  for (const v of vectors.stems) texts.push(v.word);
  for (const group of vectors.groups) texts.push(group.forms.join(' '));
  return texts.join('\n');
}

test('the generator gives the same terms for every word of content and the fixtures', (t) => {
  const binary = process.env.ASHYQ_BINARY;
  if (!binary) {
    t.skip('ASHYQ_BINARY is not set (ctest sets it to the built ashyq)');
    return;
  }
  const text = corpus();
  const expectedWords = words(text).length;
  assert.ok(expectedWords > 30000, `the corpus has ${expectedWords} words; content/ is missing?`);
  for (const lang of ['kk', 'ru']) {
    const run = spawnSync(binary, ['analyse', '--lang', lang], {
      input: text,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    assert.equal(run.status, 0, `ashyq analyse --lang ${lang} failed: ${run.stderr}`);
    const generator = run.stdout.split('\n').slice(0, -1);
    const browser = terms(lang, text);
    assert.equal(
      generator.length,
      browser.length,
      `${lang}: the generator gives ${generator.length} terms, analysis.js ${browser.length}`,
    );
    const first = browser.findIndex((term, i) => term !== generator[i]);
    const where = `${lang}: term ${first} differs: analysis.js "${browser[first]}"`;
    assert.equal(first, -1, `${where}, ashyq "${generator[first]}"`);
  }
});
