// The optimizers are listed once, in the core's registry (cpp/run/registry.cpp).
// Every front end that names them reads that list, or is checked against it here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cli, core, root } from './helpers.mjs';

const fromCli = () => {
  const r = cli(['optimizers']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

test('optlab optimizers and the wasm core list the same registry', async () => {
  const c = await core();
  const listed = fromCli();
  assert.deepEqual(c.optimizers(), listed);
  assert.deepEqual(listed.map((o) => o.name), ['gd', 'sgd', 'momentum', 'heavy_ball', 'nesterov', 'lbfgs', 'adagrad', 'rmsprop', 'adam']);
  for (const o of listed) {
    for (const p of o.params) assert.ok(p.min <= p.max && (p.default === null || (p.default >= p.min && p.default <= p.max)), `${o.name}.${p.name}`);
  }
});

test("the CLI's help has a line for every optimizer, with its rule and fields", () => {
  const help = cli(['--help']).stdout;
  for (const o of fromCli()) {
    const line = help.split('\n').find((l) => l.startsWith(`  ${o.name} `));
    assert.ok(line, `no help line for ${o.name}`);
    assert.ok(line.includes(o.rule), line);
    const fields = line.slice(line.indexOf(o.rule) + o.rule.length).trim().split(', ').map((f) => f.replace(/ \(.*\)$/, ''));
    assert.deepEqual(fields, [...(o.lr ? ['lr'] : []), ...o.params.map((p) => p.name), ...(o.batch !== 'none' ? ['batch'] : [])], line);
  }
});

test('every optimizer runs in the wasm core from its name and lr alone, with every field the registry lists', async () => {
  const c = await core();
  for (const o of c.optimizers()) {
    const optimizer = { kind: o.name, ...(o.lr ? { lr: 0.05 } : {}) };
    for (const p of o.params) optimizer[p.name] = p.default;
    if (o.batch !== 'none') optimizer.batch = 2;
    const out = c.run({ problem: { kind: 'least_squares', n: 8, dim: 2 }, optimizer, w0: [1, 1], steps: 3 });
    assert.equal(out.optimizer, o.name);
    assert.throws(() => c.run({ problem: { kind: 'least_squares', n: 8, dim: 2 }, optimizer: { ...optimizer, zeta: 1 }, w0: [1, 1], steps: 3 }),
      new RegExp(`^Error: optimizer\\.zeta is not a field of ${o.name} \\(allowed: kind${o.lr ? ', lr' : ''}${o.params.map((p) => `, ${p.name}`).join('')}${o.batch !== 'none' ? ', batch' : ''}\\)$`));
  }
});

test("the d.ts's optimizer kinds and fields are the registry's", () => {
  const dts = readFileSync(join(root, 'types/optlab.d.ts'), 'utf8');
  const line = dts.split('\n').find((l) => /^\s*optimizer:\s*\{\s*kind:/.test(l));
  assert.ok(line, 'types/optlab.d.ts declares the scenario\'s optimizer');
  const kinds = [...line.matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1]);
  const listed = fromCli();
  assert.deepEqual(kinds, listed.map((o) => o.name));
  const fields = new Set(['lr', 'batch', ...listed.flatMap((o) => o.params.map((p) => p.name))]);
  for (const field of fields) assert.match(line, new RegExp(`\\b${field}\\?: number`), field);
});

test("docs/scenario.md's table of optimizers is the registry's: every kind, in order, with its parameters", () => {
  const text = readFileSync(join(root, 'docs/scenario.md'), 'utf8');
  const section = text.slice(text.indexOf('## Optimizers'), text.indexOf('\n## ', text.indexOf('## Optimizers') + 1));
  const rows = section.split('\n').filter((l) => /^\| `[a-z_0-9]+` \|/.test(l)).map((l) => l.split(' | '));
  const listed = fromCli();
  assert.deepEqual(rows.map((r) => r[0].replace(/^\| `|`$/g, '')), listed.map((o) => o.name));
  rows.forEach((row, i) => {
    const o = listed[i];
    const fields = [...row.at(-1).split(';')[0].matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1]);
    assert.deepEqual(fields, [...(o.lr ? ['lr'] : []), ...o.params.map((p) => p.name), ...(o.batch !== 'none' ? ['batch'] : [])], row.join(' | '));
    for (const p of o.params) if (p.default !== null) assert.ok(row.at(-1).includes(`(${p.default})`), `${o.name}.${p.name}: its default ${p.default}`);
  });
});
