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
