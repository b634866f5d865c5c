// Links to every setting of every scene at each end of its range, read from
// the figures' own table (web/src/embed/params.js), so that a new setting is
// swept by the tests as soon as it exists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { buildSync } from 'esbuild';

import { root } from '../js/helpers.mjs';

// params.js imports the scenes as JSON, which esbuild bundles for node.
const scratch = mkdtempSync(join(tmpdir(), 'optlab-params-'));
const bundle = join(scratch, 'params.mjs');
writeFileSync(bundle, buildSync({ entryPoints: [join(root, 'web/src/embed/params.js')], bundle: true, format: 'esm', platform: 'node', write: false }).outputFiles[0].text);
export const { sceneSpecs } = await import(pathToFileURL(bundle).href);
rmSync(scratch, { recursive: true, force: true });

// The values at each end of a setting's range, as a link writes them.
// A range may depend on the settings read before it (γ's on a, w0's on the
// problem): `scene` is the scene as those have set it.
function extremes(spec, name, scene = spec.scene) {
  const param = spec.params[name];
  const kind = typeof param.kind === 'function' ? param.kind(structuredClone(scene)) : param.kind;
  const { expect } = kind;
  switch (expect.type) {
    case 'number': {
      const lo = expect.minOpen ? (expect.integer ? expect.min + 1 : expect.min + 1e-9 * Math.max(1, Math.abs(expect.min))) : expect.min;
      return [lo, expect.max].filter((x) => x !== undefined && Number.isFinite(x)).map(String);
    }
    case 'point': return [`${expect.x[0]},${expect.y[0]}`, `${expect.x[1]},${expect.y[1]}`];
    case 'pair': return [`${expect.min},${expect.max}`, `${expect.max},${expect.min}`, `${expect.max},${expect.max}`];
    case 'oneOf': return expect.choices;
    // A function: the shortest, and the longest and heaviest the core takes
    // (sin and cos in 210 of its 256 operations).
    case 'text': return ['x', 'sin(x)*cos(y)+'.repeat(35).slice(0, -1).padEnd(expect.most, ' ')];
    case 'view': return [`0,${expect.least},0,${expect.least}`, `-${expect.most},${expect.most},-${expect.most},${expect.most}`];
    case 'runs': return ['gd:lr=0.001', 'lbfgs:memory=50,adam:lr=0.05,momentum:lr=0.001:beta=0.99,nesterov:lr=0.001:beta=0.99,rmsprop:lr=0.01:alpha=0.9,adagrad:lr=1'];
    default: throw new Error(`${name}: a kind of setting this sweep does not know (${expect.type})`);
  }
}

/** A scene's links: one per end of each setting's range, and the heaviest, every setting at its far end. */
export function links(name) {
  const spec = sceneSpecs[name];
  const names = Object.keys(spec.params);
  const out = [];
  for (const key of names) for (const value of extremes(spec, key)) out.push(new URLSearchParams({ [key]: value }).toString());
  // Everything at the far end of its range at once: the heaviest link of the scene.
  const heaviest = new URLSearchParams();
  const scene = structuredClone(spec.scene);
  for (const key of names) {
    const value = extremes(spec, key, scene).at(-1);
    heaviest.set(key, value);
    const param = spec.params[key];
    const kind = typeof param.kind === 'function' ? param.kind(structuredClone(scene)) : param.kind;
    param.set?.(scene, kind.parse(value).value);
  }
  return { single: out, heaviest: heaviest.toString() };
}

