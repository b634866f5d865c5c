// The element's side of tests/python/test_figure.py: reads
// {"cases": [{"scene", "settings": {name: text}}], "numbers": [x], "texts": [text]}
// on stdin and prints, for each case, the messages params.js's parseSettings
// gives in English and the scene and shared state it makes of the settings;
// String(x) of each number; Number(text) of each text (null for NaN,
// "Infinity" and "-Infinity" as such).
import { buildSync } from 'esbuild';

const entry = new URL('../../web/src/embed/params.js', import.meta.url).pathname;
const { outputFiles } = buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
const { parseSettings } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { cases, numbers, texts } = JSON.parse(input);
const parsed = cases.map(({ scene, settings }) => {
  const get = (name) => (name === 'scene' ? scene : Object.hasOwn(settings, name) ? settings[name] : null);
  return parseSettings(get, { given: Object.keys(settings) });
});
const messages = parsed.map((p) => p.errors.map((e) => e.text()));
const states = parsed.map((p) => ({ scene: p.scene ?? null, shared: p.shared ?? null }));
const read = (text) => {
  const x = Number(text);
  return Number.isNaN(x) ? null : Number.isFinite(x) ? x : String(x);
};
process.stdout.write(JSON.stringify({ messages, states, strings: numbers.map(String), numbers: texts.map(read) }));
