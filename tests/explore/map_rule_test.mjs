// The explorer's map shades its tiles by the static map's rule: explore_engine.js's shadeClasses
// and classOf against the vectors tests/unit/map_view_test.cpp checks views::shade_classes with
// (tests/data/shade_classes.json), so that the same sums give the same classes on the home page's
// map and the explorer's. Run by ctest (node --test).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { classOf, roundToOneDigit, shadeClasses } from '../../assets/explore/explore_engine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vectors = JSON.parse(readFileSync(join(root, 'tests/data/shade_classes.json'), 'utf8'));

test('every vector gives its bounds and each amount its class', () => {
  assert.ok(vectors.cases.length >= 10);
  for (const v of vectors.cases) {
    const bounds = shadeClasses(v.amounts, vectors.max_classes);
    assert.deepEqual(bounds, v.bounds, v.checks);
    assert.deepEqual(bounds ? v.amounts.map((a) => classOf(bounds, a)) : [], v.classes, v.checks);
  }
});

test('bounds round to one significant digit, halves up, as views::round_to_one_digit', () => {
  assert.equal(roundToOneDigit(3740000), 4000000);
  assert.equal(roundToOneDigit(3499999), 3000000);
  assert.equal(roundToOneDigit(9600000), 10000000);
  assert.equal(roundToOneDigit(7), 7);
  assert.equal(roundToOneDigit(0), 0);
});
