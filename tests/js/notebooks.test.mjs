// The notebooks are committed clean (no outputs) and in both languages.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './helpers.mjs';

const dir = join(root, 'notebooks');
const notebooks = readdirSync(dir).filter((f) => f.endsWith('.ipynb'));

test('there is a notebook, and it runs on the python3 kernel', () => {
  assert.ok(notebooks.includes('optimization-1.ipynb'));
  for (const name of notebooks) {
    const nb = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    assert.equal(nb.metadata.kernelspec.name, 'python3', name);
  }
});

for (const name of notebooks) {
  test(`${name} is committed without outputs`, () => {
    const nb = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== 'code') continue;
      assert.deepEqual(cell.outputs, [], `cell ${i} has outputs`);
      assert.equal(cell.execution_count, null, `cell ${i} has an execution count`);
    }
  });

  test(`${name}: every explanation is in English and Korean`, () => {
    const nb = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const markdown = nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => [].concat(c.source).join(''));
    assert.ok(markdown.length >= 8);
    for (const text of markdown) {
      assert.match(text, /\*\*한국어\*\* · [\s\S]*[가-힣]/, text.slice(0, 60));
      // A heading mark is one only at the start of a line; after "**한국어** · " it is printed as is.
      assert.doesNotMatch(text, /^[^#\n].*\s#{1,6}\s/m, text.slice(0, 60));
    }
  });
}
