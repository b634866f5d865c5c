// types/optlab.d.ts as a user of the package meets it: a TypeScript file
// importing 'optlab' (resolved through package.json's "exports" and
// "types", as in a bundler project) type-checks under tsc --strict; and
// the ranges its comments give each figure's settings are the ranges the
// figures check (web/src/embed/params.js with web/scenes).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { importBundled } from './bundled.mjs';
import { root } from './helpers.mjs';

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const userCode = `import { define, sharedCore, type OptlabFigure, type Trace } from 'optlab';

define();
const figure = document.createElement('optlab-figure');
const element: OptlabFigure = figure;
figure.setAttribute('scene', 'momentum');
figure.addEventListener('optlab-change', (e) => e.detail.state);
figure.addEventListener('optlab-change', function (e) {
  const state = e.detail.state;
  const lr = state.lr;
  console.log(this.link(), lr);
});
figure.addEventListener('optlab-error', (e) => console.log(e.detail.messages.join('; ')));
figure.addEventListener('click', (e) => console.log(e.clientX));
figure.addEventListener('some-other-event', (e: Event) => console.log(e.type));
document.body.append(element);
await element.ready;

const core = await sharedCore();
const result = core.run({ problem: { kind: 'quadratic', A: [[1, 0], [0, 5]] }, optimizer: { kind: 'momentum', lr: 0.1, beta: 0.9 }, w0: [1, 1], steps: 10 });
const last: number = result.loss[result.loss.length - 1];
const trace: Trace = core.trace({ problem: { kind: 'quadratic', A: [[1, 0], [0, 5]] }, optimizer: { kind: 'gd', lr: 0.1 }, w0: [1, 1], steps: 10 });
const w: Float64Array = trace.w;
const diverged: number | null = trace.divergedAt;
const best = core.optimalMomentum(1, 5);
const rates: Float64Array = core.rateMap({ eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 8, nBeta: 8 }).rate;
const seed: number = core.limits.maxSeed;
const bytes: number = core.memoryInUse();
console.log(last, w, diverged, best.beta, rates, seed, bytes);

// The types say something: none of these may pass.
// @ts-expect-error a figure's state is no number
const notANumber: number = element.state;
// @ts-expect-error the core has no such method
core.runAll();
figure.addEventListener('optlab-ready', (e) => {
  // @ts-expect-error optlab-ready carries no detail to read
  console.log(e.detail.state);
});
console.log(notANumber);
`;

test('a TypeScript user of the package type-checks with tsc --strict: the element, its events and the core', () => {
  const work = mkdtempSync(join(tmpdir(), 'optlab-types-'));
  try {
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(root, join(work, 'node_modules', 'optlab'), 'dir');
    writeFileSync(join(work, 'package.json'), '{"name": "course-site", "private": true, "type": "module"}\n');
    writeFileSync(join(work, 'main.ts'), userCode);
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] },
      files: ['main.ts'],
    }));
    const run = spawnSync(process.execPath, [tsc, '--strict', '--noEmit', '-p', work], { cwd: work, encoding: 'utf8' });
    assert.equal(run.status, 0, `tsc:\n${run.stdout}${run.stderr}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

// Each scene's settings in the d.ts: name → {type, comment}.
function declaredSettings() {
  const text = readFileSync(join(root, 'types', 'optlab.d.ts'), 'utf8');
  const body = /export interface SceneAttributes \{([\s\S]*?)\n\}/.exec(text)[1];
  const scenes = {};
  // A scene's settings on one line, or over several (up to its "};").
  for (const [, quoted, bare, list] of body.matchAll(/^\s*(?:'([^']+)'|(\w+)): \{([\s\S]*?)\};$/gm)) {
    scenes[quoted ?? bare] = Object.fromEntries([...list.matchAll(/(\w+)\?: ([^;/]*?)\s*(?:\/\*\s*(.*?)\s*\*\/)?\s*(?:;|$)/g)]
      .map(([, name, type, comment]) => [name, { type: type.trim(), comment: comment ?? '' }]));
  }
  return scenes;
}

// A range as the d.ts writes it.
function rangeText(expect) {
  const bound = (x) => (x === 2 ** 53 - 1 ? '2^53−1' : String(x));
  switch (expect.type) {
    case 'number':
      if (expect.integer) return `${bound(expect.min)}..${bound(expect.max)}`;
      return `${expect.minOpen ? '(' : '['}${bound(expect.min)}, ${bound(expect.max)}]`;
    case 'point': return `[${expect.x[0]}, ${expect.x[1]}] × [${expect.y[0]}, ${expect.y[1]}]`;
    case 'pair': return `each in [${expect.min}, ${expect.max}]`;
    case 'text': return `at most ${expect.most} characters`;
    case 'view': return `each within ±${expect.most}`;
    case 'runs': return `1 to ${expect.most} runs`;
    default: throw new Error(`no range text for ${expect.type}`);
  }
}

test('the d.ts declares every setting of every scene, with the range the figure checks', async () => {
  const { sceneSpecs } = await importBundled(join(root, 'web', 'src', 'embed', 'params.js'));
  const declared = declaredSettings();
  assert.deepEqual(Object.keys(declared).sort(), Object.keys(sceneSpecs).sort());
  for (const [scene, spec] of Object.entries(sceneSpecs)) {
    assert.deepEqual(Object.keys(declared[scene]).sort(), Object.keys(spec.params).sort(), scene);
    const defaults = structuredClone(spec.scene);
    for (const [name, param] of Object.entries(spec.params)) {
      const { type, comment } = declared[scene][name];
      // A range that depends on the scene is taken at its defaults, where the
      // comment's a and n stand for the scene's.
      const { expect } = typeof param.kind === 'function' ? param.kind(defaults) : param.kind;
      if (expect.type === 'oneOf') {
        assert.deepEqual(type.split('|').map((t) => t.trim().replace(/^'|'$/g, '')), expect.choices, `${scene}.${name}`);
        continue;
      }
      assert.equal(type, 'string', `${scene}.${name}`);
      const { a, n } = defaults.scenario?.problem ?? {};
      const atDefaults = comment.replace(/([\d.]+)\/a\b/g, (_, x) => String(Number(x) / a)).replace(/\.\.n\b/, `..${n}`);
      assert.ok(atDefaults.includes(rangeText(expect)), `${scene}.${name}: the d.ts says "${comment}", the figure checks ${rangeText(expect)}`);
    }
  }
});
