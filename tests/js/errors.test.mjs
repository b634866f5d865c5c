// Bad input: the CLI prints one message on stderr, nothing on stdout, and
// exits 2; the wasm module throws a JS Error with the same message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { test } from 'node:test';

import { cli, cliPath, core } from './helpers.mjs';

const bad = [
  ['negative step size', '{"problem":{"kind":"quadratic1d","a":2},"optimizer":{"kind":"gd","lr":-1},"w0":[1],"steps":3}',
    'optimizer.lr must be a finite number > 0 and <= 1000000 (got -1)'],
  ['beta = 1', '{"problem":{"kind":"quadratic1d","a":2},"optimizer":{"kind":"momentum","lr":0.1,"beta":1},"w0":[1],"steps":3}',
    'optimizer.beta must be a finite number >= 0 and < 1 (got 1)'],
  ['unknown field', '{"problem":{"kind":"quadratic1d","a":2},"optimizer":{"kind":"gd","lr":0.1},"w0":[1],"steps":3,"speed":1}',
    'speed is not a field of the scenario (allowed: problem, optimizer, w0, steps, seed)'],
  ['NaN literal', '{"problem":{"kind":"quadratic1d","a":NaN}}', null],
  ['not JSON', 'hello', null],
  ['empty input', '', null],
  ['A not positive definite', '{"problem":{"kind":"quadratic","A":[[1,2],[2,1]]},"optimizer":{"kind":"gd","lr":0.1},"w0":[1,1],"steps":3}',
    'problem.A must be positive definite (its smallest eigenvalue is -1)'],
  ['w0 of the wrong length', '{"problem":{"kind":"rosenbrock"},"optimizer":{"kind":"lbfgs"},"w0":[1],"steps":3}',
    'w0 must have 2 numbers, one per dimension of rosenbrock (got 1)'],
  ['batch above n', '{"problem":{"kind":"double_well","n":8},"optimizer":{"kind":"sgd","lr":0.1,"batch":9},"w0":[1],"steps":3}',
    'optimizer.batch must be an integer from 1 to 8 (n of the problem) (got 9)'],
  ['steps above the cap', '{"problem":{"kind":"quadratic1d","a":2},"optimizer":{"kind":"gd","lr":0.1},"w0":[1],"steps":1000000}',
    'steps must be an integer from 0 to 20000 (got 1000000)'],
];

for (const [what, input, message] of bad) {
  test(`rejected the same way by the CLI and by wasm: ${what}`, async () => {
    const native = cli(['run', '-'], input);
    assert.equal(native.status, 2);
    assert.equal(native.stdout, '');
    assert.match(native.stderr, /^optlab: .+\n$/);
    const nativeMessage = native.stderr.slice('optlab: '.length, -1);
    if (message) assert.equal(nativeMessage, message);
    const c = await core();
    assert.throws(() => c.runJson(input), (e) => e instanceof Error && e.message === nativeMessage);
    assert.throws(() => c.trace(input), (e) => e instanceof Error && e.message === nativeMessage);
  });
}

test('CLI usage: --help documents the format; misuse exits 2 with a hint', () => {
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  for (const word of ['quadratic1d', 'least_squares', 'double_well', 'rosenbrock', 'heavy_ball', 'nesterov', 'lbfgs', 'batch', 'seed', 'steps 0..20000'])
    assert.ok(help.stdout.includes(word), word);
  for (const args of [[], ['walk'], ['run'], ['run', 'a', 'b'], ['run', '/nonexistent/scenario.json']]) {
    const r = cli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^optlab: .+\n\(run 'optlab --help' for the scenario format\)\n$/);
  }
});

test('typed-array entry points validate their arguments by name', async () => {
  const c = await core();
  const expect = (fn, message) => assert.throws(fn, (e) => e instanceof Error && e.message === message);
  const grid = { eigenvalues: [1, 5], lr: [0.001, 1], beta: [0, 0.99], nLr: 64, nBeta: 64 };
  expect(() => c.rateMap({ ...grid, lr: [-1, 1] }), 'lr[0] must be a finite number > 0 and <= 1000000 (got -1)');
  expect(() => c.rateMap({ ...grid, lr: [1, 0.5] }), 'lr must be [lo, hi] with lo < hi (got [1, 0.5])');
  expect(() => c.rateMap({ ...grid, beta: [0, 1] }), 'beta[1] must be a finite number >= 0 and < 1 (got 1)');
  expect(() => c.rateMap({ ...grid, nLr: 1e9 }), 'nLr must be an integer from 2 to 4096 (got 1000000000)');
  expect(() => c.rateMap({ ...grid, nLr: 10.5 }), 'nLr must be an integer from 2 to 4096 (got 10.5)');
  expect(() => c.rateMap({ ...grid, eigenvalues: [1, NaN] }), 'eigenvalues[1] must be a finite number > 0 and <= 1000000 (got "NaN")');
  expect(() => c.rateMap({ ...grid, eigenvalues: [] }), 'eigenvalues must have from 1 to 10 numbers (got 0)');
  expect(() => c.rateMap({ ...grid, eigenvalues: 'x' }), 'eigenvalues must be an array of numbers (got "x")');
  expect(() => c.momentumRate([1], 'fast', 0.5), 'lr must be a finite number > 0 and <= 1000000 (got fast)');
  expect(() => c.logspace(0, 1, 5), 'lo must be a finite number > 0 and <= 1000000 (got 0)');
  expect(() => c.partGradients({ kind: 'rosenbrock' }, [0, 0]), 'problem.kind must be a finite sum (least_squares or double_well) (got rosenbrock)');
  expect(() => c.partGradients({ kind: 'double_well' }, [0, 0]), 'w must have 1 number, one per dimension of double_well (got 2)');
  expect(() => c.doubleWellPoints({ kind: 'rosenbrock' }), 'problem.kind must be double_well (got rosenbrock)');
  const well = c.doubleWellPoints({ kind: 'double_well' }); // docs/scenario.md: w ≈ −1.107 and 0.838, the ridge between
  assert.deepEqual([well.deep, well.ridge, well.shallow].map((w) => Number(w.toFixed(3))), [-1.107, 0.27, 0.838]);
  expect(() => c.finalPositions('{"problem":{"kind":"double_well"},"optimizer":{"kind":"sgd","lr":0.1},"w0":[1],"steps":3}', 0),
    'runs must be an integer from 1 to 100000 (got 0)');
});

test('every entry point counts its work first: over the limit, a message names the setting and how far to lower it', async () => {
  const c = await core();
  const { maxWork, maxGridCells } = c.limits;
  assert.equal(maxWork, 4e9);
  assert.equal(maxGridCells, 2 ** 20);
  const over = / work units, over the limit of 4e\+09 per call \(a few seconds of one core\)$/;
  const refused = (fn, pattern, work = true) => assert.throws(fn, (e) => {
    assert.match(e.message, pattern);
    if (work) assert.match(e.message, over);
    return e instanceof Error;
  });
  const big = { kind: 'least_squares', n: 10000, dim: 10, condition: 5, data_seed: 1 };
  const w0 = new Array(10).fill(0);
  const sgd = { problem: big, optimizer: { kind: 'sgd', lr: 0.001 }, w0, steps: 200 };
  // optlab finals and finalPositions: the same count, the same words.
  refused(() => c.finalPositions(sgd, 100000), /^runs must be at most 99 here: runs × work units per run = 100000 × 4\.00044e\+07/);
  const native = cli(['finals', '-', '100000'], JSON.stringify(sgd));
  assert.equal(native.status, 2);
  assert.match(native.stderr, /^optlab: runs must be at most 99 here: .* over the limit of 4e\+09 per call/);
  refused(() => c.run({ ...sgd, steps: 20000 }), /^steps must be at most 19997 here/);
  refused(() => c.trace({ ...sgd, steps: 20000 }), /^steps must be at most 19997 here/);
  refused(() => c.lossSweep({ ...sgd, optimizer: { kind: 'gd', lr: 0.1 }, steps: 2000 }, c.logspace(0.001, 1, 4096)),
    /^lrs\.length must be at most 6 here: lrs\.length × work units per run/);
  refused(() => c.simulatedRateMap({ eigenvalues: new Array(10).fill(1), lr: [0.01, 1], beta: [0, 0.9], nLr: 1024, nBeta: 1024, steps: 20000 }),
    /^nLr × nBeta must be at most 6666 here: nLr × nBeta × work units per cell = 1\.04858e\+06 × 600000/);
  refused(() => c.valueGrid({ ...big, dim: 2 }, { x: [-1, 1], y: [-1, 1], nx: 1024, ny: 1024 }),
    /^nx × ny must be at most 200000 here: nx × ny × work units per cell = 1\.04858e\+06 × 20000/);
  refused(() => c.rateMap({ eigenvalues: [1, 2], lr: [0.01, 1], beta: [0, 0.9], nLr: 4096, nBeta: 4096 }),
    /^nLr × nBeta must be at most 1048576 cells \(got 16777216\)$/, false);
  refused(() => c.isolines(new Float64Array(4096 * 512), 4096, 512, [1], 0), /^nx × ny must be at most 1048576 cells/, false);
  // A checkerboard crosses every level in every cell: 1023 × 255 cells × 2 levels is over 2^18 crossings.
  assert.equal(c.limits.maxIsolineCrossings, 2 ** 18);
  const board = Float64Array.from({ length: 1024 * 256 }, (_, k) => ((k % 1024) + Math.floor(k / 1024)) % 2);
  refused(() => c.isolines(board, 1024, 256, [0.25, 0.75], 0),
    /^the levels cross the grid's cells 521730 times in all, more than the 262144 a plot can use: use fewer levels or a coarser grid$/, false);
  assert.equal(c.isolines(board, 1024, 256, [0.5], 0).length, 1023 * 255 * 10);
  // Just under the limit is accepted, and a page's many runs can be split into pieces.
  const well = { problem: { kind: 'double_well' }, optimizer: { kind: 'sgd', lr: 0.1, batch: 3 }, w0: [0.8], steps: 300, seed: 4 };
  const whole = c.finalPositions(well, 50);
  const pieces = [[0, 8], [8, 21], [29, 21]].map(([first, runs]) => c.finalPositions(well, runs, first));
  assert.deepEqual(Array.from(pieces.flatMap((p) => Array.from(p.w))), Array.from(whole.w));
  assert.deepEqual(pieces.flatMap((p) => Array.from(p.diverged)), Array.from(whole.diverged));
  refused(() => c.finalPositions(well, 10, 99991), /^firstRun must be an integer from 0 to 99990 \(got 99991\)$/, false);
});

test('200,000 rejected calls leave the wasm stack and memory where they were, and a valid call still works', async () => {
  const c = await core();
  const scenario = { problem: { kind: 'quadratic1d', a: 2 }, optimizer: { kind: 'gd', lr: 0.1 }, w0: [1], steps: 3 };
  const bad = JSON.stringify({ ...scenario, optimizer: { kind: 'gd', lr: -1 } });
  const grid = { eigenvalues: [1, 5], lr: [-1, 1], beta: [0, 0.99], nLr: 64, nBeta: 64 };
  const expected = c.runJson(JSON.stringify(scenario));
  const stack = c.module.stackSave();
  const memory = c.module.HEAP8.length;
  const held = c.memoryInUse();
  for (let i = 0; i < 200000; i++) {
    try {
      if (i % 2) c.runJson(bad);
      else c.rateMap(grid);
      assert.fail('a bad call returned');
    } catch (error) {
      if (!(error instanceof Error) || !/must be a finite number > 0/.test(error.message)) throw error;
    }
  }
  assert.equal(c.module.stackSave(), stack, 'the wasm stack pointer moved');
  assert.equal(c.module.HEAP8.length, memory, 'the wasm memory grew');
  assert.equal(c.memoryInUse(), held, 'the rejected calls kept memory');
  assert.equal(c.runJson(JSON.stringify(scenario)), expected);
});

test("a caller's array whose getters throw, or whose own length lies, costs the core no memory", async () => {
  const c = await core();
  const scenario = JSON.stringify({ problem: { kind: 'quadratic1d', a: 2 }, optimizer: { kind: 'gd', lr: 0.1 }, w0: [1], steps: 3 });
  // A megabyte of scenario text: leaked once per call, it would show at once.
  const big = scenario + ' '.repeat(1 << 20);
  const evil = new Proxy([0.1, 0.2], { get(target, key) { if (key === '1') throw new RangeError('evil getter'); return target[key]; } });
  const lying = new Float64Array([0.1, 0.2]);
  Object.defineProperty(lying, 'length', { get() { throw new RangeError('evil length'); } });
  const nested = [0.1, { valueOf() { throw new Error('valueOf must not be called'); } }];
  c.lossSweep(scenario, [0.1, 0.2]);
  const held = c.memoryInUse(), stack = c.module.stackSave();
  for (let i = 0; i < 200; i++) {
    assert.throws(() => c.lossSweep(big, evil), /evil getter/);
    assert.throws(() => c.partGradients({ kind: 'double_well' }, new Proxy([0.5], { get() { throw new RangeError('evil getter'); } })), /evil getter/);
    assert.throws(() => c.momentumRate(evil, 0.1, 0.5), /evil getter/);
  }
  assert.equal(c.memoryInUse(), held, 'the core kept memory for calls that threw');
  assert.equal(c.module.stackSave(), stack);
  // A typed array is read through its own length, not a property set on it.
  assert.deepEqual(Array.from(c.lossSweep(scenario, lying).loss), Array.from(c.lossSweep(scenario, [0.1, 0.2]).loss));
  assert.throws(() => c.lossSweep(scenario, nested), /^Error: lrs\[1\] must be a finite number > 0 and <= 1000000 \(got an object\)$/);
  assert.throws(() => c.isolines(new Float64Array(2 ** 21), 4, 4, [1]), /values must have nx \* ny = 16 numbers \(got 2097152\)/);
  assert.throws(() => c.lossSweep(scenario, new Array(2 ** 31)), /lrs must have from 1 to 4096 numbers \(got 2147483648\)/);
  assert.equal(c.memoryInUse(), held);
});

test("a caller's value whose getter throws: the same exception, and the wasm stack where it was", async () => {
  const c = await core();
  const stack = c.module.stackSave();
  const evil = new Proxy([1, 5], { get(target, key) { if (key === '1') throw new RangeError('evil getter'); return target[key]; } });
  for (let i = 0; i < 1000; i++) assert.throws(() => c.momentumRate(evil, 0.1, 0.5), /evil getter/);
  assert.equal(c.module.stackSave(), stack);
  const loud = { toString() { throw new Error('toString must not be called'); } };
  assert.throws(() => c.momentumRate([1], loud, 0.5), (e) => e.message === 'lr must be a finite number > 0 and <= 1000000 (got an object)');
  assert.ok(c.momentumRate([1, 5], 0.1, 0.5) > 0);
});

test('the CLI: a directory, an unwritable output, control characters and deep nesting each get a clear message', async () => {
  const directory = cli(['run', '/tmp']);
  assert.equal(directory.status, 2);
  assert.match(directory.stderr, /^optlab: cannot read '\/tmp': it is a directory\n/);
  const scenario = '{"problem":{"kind":"quadratic1d","a":2},"optimizer":{"kind":"gd","lr":0.1},"w0":[1],"steps":3}';
  const full = spawnSync(cliPath, ['run', '-'], { input: scenario, encoding: 'utf8', stdio: ['pipe', openSync('/dev/full', 'w'), 'pipe'] });
  assert.equal(full.status, 1);
  assert.match(full.stderr, /^optlab: cannot write the output: No space left on device\n$/);
  const nul = cli(['run', '-'], '{"a\\u0000b\\u001b[2J":1}');
  assert.equal(nul.status, 2);
  assert.match(nul.stderr, /^optlab: a\\u0000b\\u001B\[2J is not a field of the scenario/);
  assert.doesNotMatch(nul.stderr, /[\0\x1b]/);
  // A raw 0x9B is CSI to a terminal, like ESC [: bytes that are not UTF-8 are shown as \xNN.
  const raw = spawnSync(cliPath, ['run', '-'], { input: Buffer.from('{"a\x9b2J":1}', 'latin1') });
  assert.equal(raw.status, 2);
  assert.match(raw.stderr.toString('latin1'), /a\\x9B/);
  assert.ok(!raw.stderr.includes(0x9b) && !raw.stderr.includes(0x1b), 'a control byte reached the terminal');
  // Arguments are echoed the same way.
  for (const args of [['x\x1b[2Jy'], ['finals', 'f', '1\x1b]0;pwned\x07']]) {
    const echoed = cli(args);
    assert.equal(echoed.status, 2);
    assert.match(echoed.stderr, /\\u001B/);
    assert.doesNotMatch(echoed.stderr, /[\x00-\x09\x0b-\x1f\x7f]/);
  }
  const help = spawnSync(cliPath, ['--help'], { encoding: 'utf8', stdio: ['pipe', openSync('/dev/full', 'w'), 'pipe'] });
  assert.equal(help.status, 1);
  assert.match(help.stderr, /^optlab: cannot write the help: No space left on device\n$/);
  const deep = cli(['run', '-'], `${'['.repeat(100000)}${']'.repeat(100000)}`);
  assert.equal(deep.status, 2);
  assert.match(deep.stderr, /nests more than 6 levels deep/);
});

test('the wasm core refuses deep, long and oversized documents with the CLI\'s messages, and keeps no memory for them', async () => {
  const c = await core();
  const memory = c.module.HEAP8.length;
  const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
  for (let i = 0; i < 50; i++) assert.throws(() => c.runJson(deep), /nests more than 6 levels deep/);
  assert.throws(() => c.runJson(`{"w0":[${'1,'.repeat(10000)}1]}`), /w0 has more than 10000 entries/);
  assert.throws(() => c.run({ w0: new Array(10 ** 7).fill(0) }), /the scenario has more than 8388608 bytes, the most a scenario may have/);
  assert.throws(() => c.isolines(new Float64Array(10), 2, 2, [1]), /values must have nx \* ny = 4 numbers \(got 10\)/);
  assert.equal(c.module.HEAP8.length, memory, 'the wasm memory grew');
  assert.equal(cli(['run', '-'], deep).stderr.split('\n')[0], `optlab: ${(() => { try { c.runJson(deep); } catch (e) { return e.message; } })()}`);
});
