// The settings every figure accepts, as data for front ends that are not
// JavaScript: the Python module's optlab.figure() checks its arguments
// against this file with the element's ranges and words
// (cpp/python/optlab/figures.py), and tests/python holds its messages to
// the element's.
//
//   {"common": {attribute: expect}, "commonAttributes": [...],
//    "scenes": {name: {"params": {name: {"expect", "dynamic"?}}, "controls": [...]}}}
//
// An expect is params.js's description of a kind ({"type": "number", "min",
// "max", ...}); "dynamic": true marks a range that depends on another
// setting (its expect is the one for the scene's defaults).
// Usage: node web/build-settings.mjs OUT.json
import { writeFileSync } from 'node:fs';

import { buildSync } from 'esbuild';

const out = process.argv[2];
if (!out) throw new Error('usage: node web/build-settings.mjs OUT.json');
const { outputFiles } = buildSync({
  entryPoints: [new URL('src/embed/params.js', import.meta.url).pathname],
  bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning',
});
const params = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const scenes = {};
for (const [name, spec] of Object.entries(params.sceneSpecs)) {
  const scene = structuredClone(spec.scene);
  const entries = Object.entries(spec.params).map(([key, param]) => {
    const dynamic = typeof param.kind === 'function';
    const kind = dynamic ? param.kind(scene) : param.kind;
    return [key, dynamic ? { expect: kind.expect, dynamic } : { expect: kind.expect }];
  });
  scenes[name] = { params: Object.fromEntries(entries), controls: Object.keys(spec.controls) };
}
const common = Object.fromEntries(Object.entries(params.commonKinds).map(([key, kind]) => [key, kind.expect]));
writeFileSync(out, `${JSON.stringify({ common, commonAttributes: params.commonAttributes, scenes }, null, 1)}\n`);
