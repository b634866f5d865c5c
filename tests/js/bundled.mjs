// A module of web/src as the build bundles it (esbuild: its JSON scenes
// and string tables inlined), for node tests of code that only runs
// bundled.
import { buildSync } from 'esbuild';

export async function importBundled(entry) {
  const { outputFiles } = buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}
