// One colour and dash pattern per method (web/src/plot/methods.json): the
// palette it indexes is the stylesheet's, and the notebook reads the same file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, root } from './helpers.mjs';

const table = JSON.parse(readFileSync(join(root, 'web', 'src', 'plot', 'methods.json'), 'utf8'));
const css = readFileSync(join(root, 'web', 'styles', 'optlab.css'), 'utf8');
const light = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));
const value = (name) => light.match(new RegExp(`--${name}: (#[0-9a-f]{6});`))[1];

test('methods.json: its palette is the stylesheet\'s, and every method of the registry and the page has one style of its own', () => {
  assert.deepEqual(table.palette, [1, 2, 3, 4, 5].map((i) => value(`c${i}`)));
  const seen = new Set();
  for (const [name, m] of Object.entries(table.methods)) {
    assert.ok(m.colour === 'ink' || (Number.isInteger(m.colour) && m.colour >= 0 && m.colour < table.palette.length), name);
    assert.ok(Array.isArray(m.dash) && m.dash.every((d) => d > 0), name);
    const style = `${m.colour}:${m.dash.join(',')}`;
    assert.ok(!seen.has(style), `${name} looks like another method`);
    seen.add(style);
  }
  const registry = JSON.parse(cli(['optimizers']).stdout).map((o) => o.name);
  for (const name of registry) assert.ok(table.methods[name], name);
  // The notebook's ink is the page's.
  assert.match(readFileSync(join(root, 'cpp', 'python', 'optlab', '__init__.py'), 'utf8'), new RegExp(`ink = "${value('ink')}"`));
});
