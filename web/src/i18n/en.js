// English strings. Every visible word of the page comes from a table like
// this one; a new language is one more file with the same keys.
const fmt = (x) => formatNumber(x);

export default {
  lang: 'en',
  pageTitle: 'optlab: gradient-based optimization, live',
  intro:
    'Every figure on this page is computed as you move it by a C++ optimizer core running in your browser as WebAssembly. Nothing is precomputed.',
  languageName: 'English',
  otherLanguage: '한국어',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  loading: 'Loading the optimizer core…',
  coreFailed: (message) => `The optimizer core could not start: ${message}`,
  inDevelopment: 'Further figures (SGD, annealing, momentum, Nesterov, the (γ, β) map, noise smoothing, L-BFGS) are in development.',

  stepSizes: {
    title: 'Step sizes on a 1D quadratic',
    text: [
      'Gradient descent moves against the slope: w ← w − γ f′(w). On the parabola f(w) = a/2 · w² the slope is a·w, so one step multiplies the distance to the minimum by (1 − γa). Everything depends on γa.',
      'Below 1/a the factor is positive and less than one, so progress is steady but slow. At exactly 1/a the first step lands on the minimum. Between 1/a and 2/a the factor is negative: each step jumps over the minimum, yet lands closer each time. Above 2/a each jump lands farther out, and the run diverges.',
      'In practice a is unknown, so step sizes are tried on a log scale (0.001, 0.01, 0.1, …) and the best is kept. The sweep below shows why this works: the loss after a fixed number of steps falls steadily as γ grows, then rises sharply past 2/a.',
    ],
    panelsLabel: 'Four regimes, eight steps each',
    gammaLabel: 'step size γ',
    gammaOverA: (r) => `γ = ${fmt(r)}/a`,
    parabolaAxisW: 'w',
    parabolaAxisF: 'f(w)',
    lossAxisK: 'step k',
    lossAxisF: 'f(wₖ)',
    sweepAxisGamma: 'step size γ (log)',
    sweepAxisLoss: (k) => `f after ${k} steps (log)`,
    sweepHint: 'Drag the point, or use the slider.',
    oneOverA: '1/a',
    twoOverA: '2/a',
    diverged: 'diverged',
    regime: {
      too_small: 'too small: slow, steady progress',
      optimal: 'optimal: the minimum in one step',
      oscillating: 'oscillates, yet converges',
      boundary: 'oscillates forever, constant amplitude',
      diverging: 'diverges',
    },
    caption: ({ gamma, ratio, regime, k, loss, divergedAt }) => {
      const where = {
        too_small: `below 1/a`,
        optimal: `exactly 1/a`,
        oscillating: `between 1/a and 2/a`,
        boundary: `exactly 2/a`,
        diverging: `above 2/a`,
      }[regime];
      const head = `γ = ${fmt(gamma)} (${fmt(ratio)}/a) is ${where}: ${
        {
          too_small: 'each step covers the same fraction of the way, so the iterates creep towards the minimum',
          optimal: 'the first step lands exactly on the minimum',
          oscillating: 'the iterates jump across the minimum and close in on it',
          boundary: 'the iterates jump between two points forever',
          diverging: 'every jump lands farther out, and the run diverges',
        }[regime]
      }.`;
      if (divergedAt !== null) return `${head} The run was stopped at step ${divergedAt}, where |w| passed 10¹⁰.`;
      return `${head} After ${k} steps f = ${fmt(loss)}.`;
    },
  },
};

export function formatNumber(x) {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e4 || a < 1e-3) {
    const [m, e] = x.toExponential(2).split('e');
    return `${Number(m)}·10${toSuperscript(Number(e))}`;
  }
  return String(Number(x.toPrecision(3)));
}

const SUP = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
function toSuperscript(n) {
  return String(n).split('').map((c) => SUP[c]).join('');
}
