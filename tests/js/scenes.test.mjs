// What the default scenes of the lesson's figures must show, checked on the
// core with the scenes' own settings: the figures draw these numbers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { core, root } from './helpers.mjs';

const scene = (name) => JSON.parse(readFileSync(join(root, 'web', 'scenes', `${name}.json`), 'utf8'));

test('figure 1: the sweep shows the dip at 1/a (only 1/a itself at the floor) and the bowl\'s lowest point above 1/a', async () => {
  const c = await core();
  const s = scene('step-sizes');
  const a = s.scenario.problem.a;
  const ratios = c.logspace(s.ratioRange[0], s.ratioRange[1], s.sweepPoints);
  const one = ratios.indexOf(1);
  assert.ok(one > 0, 'the sweep\'s grid holds 1/a exactly');
  const lrs = ratios.map((r) => r / a);
  const { loss } = c.lossSweep({ ...s.scenario, steps: s.sweepSteps }, lrs);
  const atFloor = [...loss.keys()].filter((i) => loss[i] <= s.lossFloor);
  assert.deepEqual(atFloor, [one]);
  // Either side of 1/a the curve climbs for several decades before 0.6/a and 1.4/a.
  const near = (r) => loss[ratios.findIndex((x) => x >= r)];
  assert.ok(near(0.6) > 1e6 * s.lossFloor && near(1.4) > 1e6 * s.lossFloor);
  // With all steps of the run, 0.6/a … 1.4/a would be flat at the floor: why the sweep counts fewer.
  const all = c.lossSweep(s.scenario, lrs).loss;
  assert.ok(all[ratios.findIndex((x) => x >= 0.65)] <= s.lossFloor);
  const w0 = s.scenario.w0[0];
  const bowl = c.lossSweep({ problem: { kind: 'quadratic', A: [[s.flatterCurvature * a, 0], [0, a]] }, optimizer: { kind: 'gd', lr: 1 }, w0: [w0, w0], steps: s.sweepSteps }, lrs).loss;
  const lowest = ratios[bowl.indexOf(Math.min(...bowl))];
  const best = c.optimalGradientDescent([s.flatterCurvature * a, a]).lr * a;
  assert.ok(lowest > 1.2 && lowest <= best && best < 2, `the bowl is lowest at ${lowest}/a, its best step is ${best}/a`);
});

test('figure 8: on the bowl, gradient descent and momentum run at the core\'s best settings, and momentum then beats gradient descent', async () => {
  const c = await core();
  const s = scene('lbfgs');
  const bowl = s.problems.bowl;
  assert.equal(bowl.tuning, 'best');
  const A = bowl.problem.A;
  assert.ok(A[0][1] === 0 && A[1][0] === 0, 'the bowl is diagonal: its eigenvalues are its diagonal');
  const eig = [A[0][0], A[1][1]].sort((p, q) => p - q);
  assert.equal(bowl.gd.lr, c.optimalGradientDescent(eig).lr);
  const best = c.optimalMomentum(eig[0], eig[1]);
  assert.deepEqual(bowl.momentum, { lr: best.lr, beta: best.beta });
  const base = { problem: bowl.problem, w0: bowl.w0, steps: s.steps };
  const reach = (optimizer) => c.trace({ ...base, optimizer }).loss.findIndex((f) => f <= s.target);
  const [lbfgs, gd, momentum] = [reach({ kind: 'lbfgs', memory: s.memory }), reach({ kind: 'gd', ...bowl.gd }), reach({ kind: 'momentum', ...bowl.momentum })];
  assert.ok(lbfgs > 0 && lbfgs < momentum && momentum < gd, `L-BFGS ${lbfgs}, momentum ${momentum}, gradient descent ${gd}`);
  // Nesterov's form is unstable at heavy ball's best pair, as the prose says.
  assert.ok(c.nesterovRate(eig, best.lr, best.beta) > 1);
  assert.equal(s.problems.rosenbrock.tuning, 'hand');
});

test('figure 2: far from the minimum almost every one-example step brings w closer to it, near it about half do; the first view\'s variance agrees with the law', async () => {
  const c = await core();
  const s = scene('sgd-cloud');
  const { problem, optimizer: { lr } } = s.scenario;
  const wStar = c.trace({ problem, w0: [0, 0], steps: 2000, optimizer: { kind: 'gd', lr } }).w.slice(-2);
  const d = (p) => Math.hypot(p[0] - wStar[0], p[1] - wStar[1]);
  const closer = (w) => {
    const g = c.partGradients(problem, w);
    let k = 0;
    for (let i = 0; i < problem.n; i++) if (d([w[0] - lr * g[2 * i], w[1] - lr * g[2 * i + 1]]) < d(w)) k++;
    return k;
  };
  for (const w of [s.scenario.w0, [3.3, 3.8], [-2.4, -1.4], [3, -1]]) assert.ok(closer(w) >= 0.85 * problem.n, `from ${w}: ${closer(w)} of ${problem.n}`);
  const near = closer([wStar[0] + 0.06, wStar[1] + 0.03]);
  assert.ok(near > 0.3 * problem.n && near < 0.7 * problem.n, `near the minimum: ${near} of ${problem.n}`);
  const first = c.batchNoise({ problem, w: s.scenario.w0, batch: s.scenario.optimizer.batch, seed: s.scenario.seed, draws: s.draws });
  assert.ok(Math.abs(first.measured - first.law) <= first.standardError && first.standardError < first.law / 20);
  // The prose's "B = 8 brings the variance down to a tenth of B = 1's" is the law's, for n = 32.
  const law = (B) => c.batchNoise({ problem, w: s.scenario.w0, batch: B, seed: 1, draws: 2 }).law;
  assert.ok(Math.abs(law(8) / law(1) - 0.1) < 0.01);
});
