// Inline formulas in the page's strings ($…$, web/src/math/inline.js): every
// formula of both languages becomes TeX that KaTeX accepts, and the marks
// come in pairs, so no "$" is ever shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import katex from 'katex';

import en from '../../web/src/i18n/en.js';
import ko from '../../web/src/i18n/ko.js';
import { plain, texOf } from '../../web/src/math/inline.js';

function strings(table) {
  const out = [];
  const collect = (value) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(table);
  return out;
}

// Texts made by functions, with arguments that reach their formulas.
const made = (t) => [
  t.sgd.caption({ w: [1, -2.5], n: 32, batch: 32, draws: 4000, rings: 40, measured: 1e-31, standardError: 0, law: 0, lr: 0.05, outside: 0 }),
  t.sgd.caption({ w: [1, -2.5], n: 32, batch: 4, draws: 4000, rings: 40, measured: 0.4, standardError: 0.01, law: 0.41, lr: 0.05, outside: 3 }),
  t.annealing.caption({ lr: 0.1, batch: 1, steps: 300, runs: 400, deep: 120, diverged: 1, gd: 1.2, gdDeep: false, seed: 1 }),
  t.betaEffect.caption({ locked: true, eta: 0.15, K: 300, target: 1e-6, outcome: [{ beta: 0, step: 40 }, { beta: 0.9, diverged: 12 }, { beta: 0.99, step: null }] }),
  t.betaEffect.caption({ locked: false, eta: 0.15, K: 300, target: 1e-6, outcome: [{ beta: 0.5, step: 4 }] }),
  ...t.noise.text.flatMap((f) => [f({ sigma: 0, lr: 0.05 }), f({ sigma: 1, lr: 0.05 })]),
  t.noise.caption({ k: 300, tail: 100, seed: 1, sgd: 0.1, momentum: 0.09, average: 0.01, sgdPath: 3, momentumPath: 1 }),
  t.lbfgs.legend.gd({ lr: 0.33, best: true }),
  t.lbfgs.legend.momentum({ lr: 0.38, beta: 0.146, best: true }),
  t.lbfgs.caption({ problem: 'bowl', k: 50, target: 1e-6, memory: 5, tuning: 'best', lbfgs: { reach: null, f: 1e-3, stoppedAt: 40 }, gd: { reach: null, f: 0.2, diverged: null }, momentum: { reach: 30, diverged: null } }),
  t.momentum.text[0]({ A: [[1, 0], [0, 5]] }),
  t.momentum.text[0]({ A: [[2, 0], [0, 2]] }),
  t.momentum.caption({ lr: 0.38, beta: 0.146, K: 100, target: 1e-6, gdLr: 0.33, gd: { step: 40 }, momentum: { step: 12 }, nesterov: { growing: 1.16, above: 9 } }),
  t.momentum.caption({ lr: 0.05, beta: 0.8, K: 100, target: 1e-6, gd: { never: true }, momentum: { diverged: 7 }, nesterov: { growing: 1.2, above: null } }),
  t.rateMap.pointerAt({ lr: 0.05, beta: 0.8, rate: 0.9, region: 'x' }),
  t.rateMap.caption({ lr: 0.5, beta: 0.1, rate: 1.2, stepsToTarget: 0, target: 1e-6, best: { lr: 0.38, beta: 0.146, rate: 0.38 }, bestGd: { lr: 0.33, rate: 0.67 }, nesterovAtBest: 1.16 }),
  t.rateMap.caption({ lr: 0.05, beta: 0.8, rate: 0.9, stepsToTarget: 124, target: 1e-6, best: { lr: 0.38, beta: 0.146, rate: 0.38 }, bestGd: { lr: 0.33, rate: 0.67 }, nesterovAtBest: 0.9 }),
  ...['too_small', 'optimal', 'oscillating', 'boundary', 'diverging'].map((regime) => t.stepSizes.caption({ gamma: 0.5, ratio: 0.5, regime, k: 20, loss: 4.5e-13, divergedAt: regime === 'diverging' ? 30 : null })),
];

for (const t of [en, ko]) {
  test(`${t.lang}: every formula's marks come in pairs, and KaTeX typesets every formula`, () => {
    const texts = [...strings(t), ...made(t)];
    let formulas = 0;
    for (const text of texts) {
      const parts = text.split('$');
      assert.equal(parts.length % 2, 1, `an unpaired $ in: ${text}`);
      for (let i = 1; i < parts.length; i += 2) {
        formulas++;
        assert.notEqual(parts[i].trim(), '', `an empty formula in: ${text}`);
        assert.doesNotThrow(() => katex.renderToString(texOf(parts[i]), { throwOnError: true, strict: 'error' }), `${parts[i]} → ${texOf(parts[i])}`);
      }
    }
    assert.ok(formulas > 150, `only ${formulas} formulas: were the marks lost?`);
  });
}

test('texOf writes Unicode mathematics as TeX', () => {
  const cases = [
    ['w ← w − γ f′(w)', "w \\leftarrow  w - \\gamma  f'(w)"],
    ['wₖ₊₁ = wₖ − γgₖ', 'w_{k+1} = w_{k} - \\gamma g_{k}'],
    ['10⁻¹⁶', '10^{-16}'],
    ['(γ*, β*)', '(\\gamma ^{*}, \\beta ^{*})'],
    ['w̄ₖ = (1/k) Σ wⱼ', '\\bar{w}_{k} = (1/k) \\sum  w_{j}'],
    ['(√κ − 1)/(√(γλ) + 1)', '(\\sqrt{\\kappa} - 1)/(\\sqrt{\\gamma \\lambda } + 1)'],
    ['diag(1, 5)', '\\mathrm{diag}(1, 5)'],
    ['½ (w₁² + 5 w₂²)', '\\tfrac{1}{2} (w_{1}^{2} + 5 w_{2}^{2})'],
    ['‖wₖ − w*‖', '\\|w_{k} - w^{*}\\|'],
    ['50% {x}', '50\\% \\{x\\}'],
  ];
  for (const [unicode, tex] of cases) assert.equal(texOf(unicode), tex, unicode);
});

test('plain() drops the marks and keeps the Unicode', () => {
  assert.equal(plain('At $γ = 0.05$, $β = 0.80$ the rate'), 'At γ = 0.05, β = 0.80 the rate');
  assert.equal(plain(ko.stepSizes.text[0]).includes('$'), false);
});
