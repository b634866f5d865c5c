// Shared by the node tests: paths, the CLI, and the wasm core loaded through
// the same wrapper the page uses.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadCore } from '../../web/core/optlab-core.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(root, 'build', 'native', 'optlab');
const modulePath = join(root, 'build', 'wasm', 'optlab_core.js');

let corePromise;
/** The wasm core, instantiated once per test file. */
export function core() {
  corePromise ??= loadCore(createRequire(import.meta.url)(modulePath));
  return corePromise;
}

/** Run the native CLI with `input` on stdin. */
export function cli(args, input = '') {
  const result = spawnSync(cliPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every scenario of tests/scenarios, with a name for messages. */
export function sharedScenarios() {
  const dir = join(root, 'tests', 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      JSON.parse(readFileSync(join(dir, file), 'utf8')).map((scenario, i) => ({
        name: `${file}#${i} (${scenario.optimizer.kind} on ${scenario.problem.kind})`,
        scenario,
      })),
    );
}
