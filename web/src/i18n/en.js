// English strings. Every visible word of the page comes from a table like
// this one; a new language is one more file with the same keys.
const fmt = (x) => formatNumber(x);

export default {
  lang: 'en',
  pageTitle: 'optlab: gradient-based optimization, live',
  intro:
    'A hands-on companion to the lecture “Optimization I” by Aaron Defazio (NYU Deep Learning, spring 2020, week 5, part 1). Drag any point or slider: each figure is recomputed as you move it, right in your browser.',
  lecture: {
    label: 'The lecture on video:',
    sections: ['gradient descent', 'SGD', 'momentum'],
    at: (section, time) => `the lecture on video: ${section}, from ${time}`,
  },
  languageName: 'English',
  otherLanguage: '한국어',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  share: {
    label: 'Share and export',
    menu: 'Share',
    copyLink: 'Copy link',
    copyEmbed: 'Copy embed code',
    png: 'PNG (2×)',
    csv: 'CSV',
    json: 'Scenario JSON',
    csvPending: 'The runs are still being computed (or the core stopped them): a CSV now would hold only some of them. It is ready once the caption gives the result.',
    copied: 'Copied.',
    localOnly: 'This page was opened from a file, so the address works on this computer only; to share it, put the built site (dist/) on a web server.',
    copiedIframe: 'Copied an iframe: it works on any page that allows iframes.',
    copyElement: 'Copy as an element',
    copiedElement: 'Copied the element and the script it needs (once per page is enough).',
    copyBy: 'Copy this text:',
    stateError: (figure, message) => `The link's settings for this figure were not used: ${message}`,
    keyNotUsed: (key, why) => `The link's setting "${key}" was not used: ${why}`,
    noSuchFigure: (figure, figures) => `this page has no figure "${figure}" (its figures: ${figures.join(', ')})`,
    sharedKeys: (figure, key) => `figure "${figure}" shares its settings with another figure: write ${key}`,
  },
  contents: 'The figures',
  notebookLink: 'The same figures in a Jupyter notebook, cross-checked against numpy and PyTorch',
  notebookFile: 'The same figures as a Jupyter notebook (.ipynb), cross-checked against numpy and PyTorch',
  loading: 'Loading the optimizer core…',
  cannotDraw: 'optlab: this figure cannot be drawn',
  coreFailed: (message) => `The optimizer core could not start: ${message}`,

  // Under a log plot's floor (a log axis cannot show 0): where such values are drawn.
  atFloor: (v) => `${v} or less`,
  seed: 'seed',
  newSeed: 'New seed',
  seedInvalid: (max) => `seed must be an integer from 0 to ${max}`,
  // A setting of an embedded figure or of a link that cannot be used: what
  // it must be, in words (web/src/embed/params.js puts them together).
  settings: {
    number: ({ min, max, minOpen, integer }) => `${integer ? 'an integer' : 'a number'} ${minOpen ? `> ${min}` : `from ${min}`}${max === undefined ? '' : ` to ${max}`}`,
    point: ({ x, y }) => `two numbers "w1,w2" with w1 from ${x[0]} to ${x[1]} and w2 from ${y[0]} to ${y[1]}`,
    pair: ({ min, max }) => `two numbers "a1,a2", each from ${min} to ${max}`,
    oneOf: (choices) => `one of ${choices.join(', ')}`,
    autoOr: (expect) => `"auto" or ${expect} (pixels)`,
    text: ({ most }) => `a function of x and y of at most ${most} characters`,
    view: ({ most, least }) => `four numbers "x0,x1,y0,y1", each from −${most} to ${most}, with x1 − x0 and y1 − y0 at least ${least}`,
    runs: ({ most }) => `1 to ${most} runs such as "gd:lr=0.01,momentum:lr=0.01:beta=0.9", separated by commas`,
    mustBe: (name, expect, got) => `${name} must be ${expect} (got "${got}")`,
    noScene: (scenes) => `scene is missing: use one of ${scenes.join(', ')}`,
    notAFigure: (scene, scenes) => `scene "${scene}" is not a figure: use one of ${scenes.join(', ')}`,
    notASetting: (name, scene, settings) => `${name} is not a setting of ${scene}: its settings are ${settings.join(', ')}`,
    unknownControls: (names, controls) => `controls has ${names.map((c) => `"${c}"`).join(', ')}: use "all", "none" or a list of ${controls.join(', ')}`,
  },

  sgd: {
    title: 'SGD: a noisy but unbiased step',
    text: [
      'The loss of a model is an average over examples: $f = (1/n) Σ fᵢ$. Stochastic gradient descent steps along the gradient of one example, or of a small batch $B$: $w ← w − γ (1/|B|) Σ ∇fⱼ(w)$, with $B$ drawn at random.',
      'Each such step is noisy, but on average it is exactly the full-gradient step: the dots below are the $n$ one-example steps from $w$, and their mean is the tip of the black arrow, the gradient-descent step. Larger batches average more examples, so their steps (rings) gather closer to the arrow. Drawn without replacement, a batch of $B$ has variance $σ²/B · (n − B)/(n − 1)$, which is zero when $B = n$.',
      'Why does SGD work so well? Drag $w$ and watch the dots. Far from the minimum nearly every example agrees on which way is downhill: almost every dot lies closer to the minimum than $w$ does, and one example’s step is nearly as useful as the full one. Near the minimum the full gradient shrinks towards zero, and the steps with it, but each example still pulls towards its own fit: the dots, bunched close around $w$, lie on every side of it, about half of them farther from the minimum than $w$, and the noise dominates. And the examples are redundant, many of them saying nearly the same thing, so a small mini-batch already lands close to the arrow: a quarter of the examples ($B = 8$) brings the variance down to a tenth of $B = 1$’s, at a quarter of the cost of the full gradient.',
    ],
    batchLabel: 'batch size',
    dragHint: 'Drag the white point or click where it should go (or focus the plot of steps and use the arrow keys) to move $w$. The second plot runs gradient descent and SGD from there.',
    names: { parts: 'one-example steps −γ∇fᵢ', full: 'their mean: the full step −γ∇f', batches: 'mini-batch steps', gd: 'gradient descent (second plot)' },
    caption: ({ w, n, batch, draws, rings, measured, standardError, law, lr, outside }) =>
      `From $w = (${formatNumber(w[0])}, ${formatNumber(w[1])})$, $γ = ${formatNumber(lr)}$: the ${n} one-example steps average to the full step` +
      (outside ? `; ${outside} of them land outside the view, and triangles on its edge point to the steps beyond it. ` : '. ') +
      (law === 0
        ? `With batch $${batch} = n$ every batch is the whole set, so all ${draws} mini-batch gradients are the full gradient: the law $σ²/B · (n − B)/(n − 1)$ gives 0, and the ${formatNumber(measured)} measured is floating-point rounding.`
        : `With batch ${batch}, ${draws} mini-batch gradients (the rings are ${rings} of them) have variance ${formatNumber(measured)} ± ${formatNumber(standardError)} (one standard error: the measurement is noisy too); the law $σ²/B · (n − B)/(n − 1)$ gives ${formatNumber(law)}.`),
  },

  annealing: {
    title: 'Annealing: noise that finds a better minimum',
    text: [
      'This loss is a finite sum whose parts differ by tilts that average to zero, so SGD’s gradient is still unbiased. It has a shallow minimum on the right and a deeper one on the left, with a low ridge between them.',
      'Started at the shallow minimum, gradient descent stays there: every gradient points back down. SGD’s noise kicks the iterate around, and now and then over the ridge; once in the deep basin it rarely climbs back, as the ridge is much higher from that side. A larger batch averages the noise away and fewer runs escape; a larger step size makes bigger kicks.',
    ],
    gdLabel: 'GD',
    names: { curve: 'f(w)', runs: (runs) => `where the ${runs} SGD runs are (bars)` },
    peakLabel: (count) => `${count} runs`,
    ridgeLabel: 'ridge',
    caption: ({ lr, batch, steps, runs, deep, diverged, gd, gdDeep, seed }) =>
      `$γ = ${formatNumber(lr)}$, batch ${batch}, seed ${seed}: after ${steps} steps, ${deep} of ${runs} SGD runs (${formatPercent(deep, runs)}%) are in the deeper basin${diverged ? `, ${diverged} diverged` : ''}. Gradient descent is at $w = ${formatNumber(gd)}$, ${gdDeep ? 'in the deeper basin' : 'still in the shallow basin'}.`,
    // While many long runs are computed a few at a time, the bars show those done.
    computing: ({ steps, runs, done }) => `Running ${runs} SGD runs of ${steps} steps: ${done} done so far, shown as bars.`,
  },

  betaEffect: {
    title: 'The effect of $β$',
    text: [
      '$β$ sets how long momentum remembers: $p$ adds up about $1/(1 − β)$ past gradients, so the step it takes is about $γ/(1 − β)$ times the gradient. Small $β$ turns quickly; large $β$ carries on and turns slowly.',
      'With the lock on, every run keeps $γ/(1 − β)$ fixed, so going from $β = 0.9$ to 0.99 divides $γ$ by 10, the lecture’s rule of thumb. Turn the lock off to give every $β$ the same $γ$: the large $β$ then take effective steps up to 100 times longer, overshoot, and ripple for hundreds of steps.',
    ],
    etaLabel: 'step size',
    lockLabel: 'keep $γ/(1 − β)$ fixed',
    caption: ({ locked, eta, K, target, outcome }) => {
      const rule = locked ? `$γ = ${formatNumber(eta)}·(1 − β)$` : `$γ = ${formatNumber(eta)}$ for every $β$`;
      const parts = outcome.map((o) =>
        o.diverged !== undefined ? `$β = ${o.beta}$ diverges (step ${o.diverged})` : o.step === null ? `$β = ${o.beta}$ not within ${K} steps` : `$β = ${o.beta}$ from step ${o.step}`,
      );
      return `${rule}. From which step $f$ stays below ${formatNumber(target)} of its start: ${parts.join('; ')}.`;
    },
  },

  noise: {
    title: 'Noise smoothing: SGD, momentum and averaging',
    text: [
      ({ sigma, lr, diverges }) => diverges
        ? `Here SGD’s step $γ = ${formatNumber(lr)}$ is too long for the bowl’s steepest curvature $L$: past $γ = 2/L$ each step overshoots by more than it corrects, and the iterates fly off, noise or not. Lower $γ$ in the link to see the noise.`
        : sigma === 0
        ? `Here the gradients carry no noise ($σ = 0$), so SGD with $γ = ${formatNumber(lr)}$ is plain gradient descent: it heads for the minimum and settles there.`
        : `Here every gradient carries Gaussian noise of standard deviation ${formatNumber(sigma)}${sigma === 1 ? ', as in the course’s own experiment' : ''}. SGD with $γ = ${formatNumber(lr)}$ heads for the minimum, then keeps bouncing around the floor: each noisy step kicks it away again.`,
      ({ sigma, lr, diverges }) => diverges
        ? `Momentum with the slider’s $β$ takes the smaller step $γ = ${formatNumber(lr)}·(1 − β)$, and for a large enough $β$ it stays near the minimum while SGD flies off. The running average $w̄ₖ = (1/k) Σ wⱼ$ of SGD’s iterates goes with them.`
        : sigma === 0
        ? `Momentum with the slider’s $β$ and $γ = ${formatNumber(lr)}·(1 − β)$ takes steps of the same size on average; without noise there is nothing to smooth. The running average $w̄ₖ = (1/k) Σ wⱼ$ still counts the early steps far from the minimum, so here it lags behind the iterates.`
        : `Momentum with the slider’s $β$ and $γ = ${formatNumber(lr)}·(1 − β)$ takes steps of the same size on average. Because $p$ sums several noisy gradients, consecutive steps are smoother, but the iterates still wander about the floor about as far; compare the distances below. Averaging the SGD iterates, $w̄ₖ = (1/k) Σ wⱼ$, removes the bouncing after the fact and settles far closer to the minimum.`,
    ],
    betaLabel: 'momentum',
    tailLabel: (n) => `last ${n} steps`,
    distanceAxis: '‖wₖ − w*‖ (log)',
    names: { sgd: 'SGD', momentum: 'SGD with momentum', average: 'running average $w̄$ of SGD' },
    divergedCaption: ({ seed, lr, momentumLr, sgdDiverged, momentumDiverged, sgd, momentum }) => {
      const sgdPart = sgdDiverged !== null ? `SGD with $γ = ${formatNumber(lr)}$ diverges (step ${sgdDiverged}), and its running average $w̄$ with it` : `SGD with $γ = ${formatNumber(lr)}$ stays on average ${formatNumber(sgd)} from the minimum`;
      const momentumPart = momentumDiverged !== null ? `momentum with $γ = ${formatNumber(momentumLr)}$ diverges (step ${momentumDiverged})` : `momentum with $γ = ${formatNumber(momentumLr)}$ stays on average ${formatNumber(momentum)} from the minimum`;
      return `Seed ${seed}. ${sgdPart}; ${momentumPart}.`;
    },
    caption: ({ k, tail, seed, sgd, momentum, average, sgdPath, momentumPath }) => {
      const head = `Seed ${seed}, step ${k}. Over the last ${tail} steps SGD stayed on average ${formatNumber(sgd)} from the minimum and momentum ${formatNumber(momentum)}; the running average $w̄$ is ${formatNumber(average)} away.`;
      if (tail < 2) return head;
      const paths = `over those steps momentum’s path is ${formatNumber(momentumPath)} long, SGD’s ${formatNumber(sgdPath)}`;
      return momentumPath < sgdPath ? `${head} Momentum smooths the bouncing, not the distance: ${paths}.` : `${head} Momentum does not smooth the path here: ${paths}.`;
    },
  },

  lbfgs: {
    title: 'Full batch: L-BFGS',
    text: [
      'With the full gradient in hand (no mini-batches, no noise), the lecture’s advice is L-BFGS. It estimates the curvature from the last few steps and gradients, then searches along the resulting direction for a step that decreases $f$ enough (the Wolfe conditions).',
      'On Rosenbrock’s narrow curved valley, gradient descent must take tiny steps to stay stable and creeps along the floor. L-BFGS follows the curve and reaches machine precision in a few dozen steps.',
      'The legend gives each method’s settings. On Rosenbrock they are picked by hand to stay stable on the steep walls (momentum’s effective step $γ/(1 − β) = 0.002$ is twice gradient descent’s); on a function that is not quadratic no formula gives the best. On the bowl, with curvatures $μ = 1$ and $L = 5$, each first-order method runs at its own best from theory: gradient descent at $γ = 2/(μ + L)$, momentum at the best pair $(γ*, β*)$, the star of figure 6’s map. Then momentum reaches the target well before gradient descent, as the map’s rates say, and L-BFGS, which learns both curvatures from its first steps, sooner still. The best pair is the lecture’s momentum’s (the heavy-ball form); Nesterov’s variant diverges there.',
    ],
    problemLabel: 'problem',
    problems: { rosenbrock: 'Rosenbrock', bowl: 'bowl diag(1, 5)' },
    names: { lbfgs: 'L-BFGS', gd: 'gradient descent', momentum: 'momentum' },
    legend: {
      lbfgs: (memory) => `L-BFGS (memory ${memory})`,
      gd: ({ lr, best }) => `gradient descent ($γ = ${formatNumber(lr)}$${best ? ', its best: $2/(μ + L)$' : ''})`,
      momentum: ({ lr, beta, best }) => `momentum ($γ = ${formatNumber(lr)}$, $β = ${formatNumber(beta)}$${best ? ', its best pair' : ''})`,
    },
    caption: ({ problem, k, target, memory, tuning, lbfgs, gd, momentum }) => {
      const l = lbfgs.reach !== null ? `L-BFGS (memory ${memory}) reached $f < ${formatNumber(target)}$ at step ${lbfgs.reach}` : `L-BFGS (memory ${memory}) has $f = ${formatNumber(lbfgs.f)}$`;
      const other = (name, r) =>
        r.diverged !== null ? `${name} diverged at step ${r.diverged}` : r.reach !== null ? `${name} reached it at step ${r.reach}` : `${name} has $f = ${formatNumber(r.f)}$`;
      const settings = tuning === 'best' ? ' Gradient descent and momentum run at their best settings for this bowl.' : ' The step sizes are picked by hand to stay stable.';
      const stop = lbfgs.stoppedAt !== null && lbfgs.stoppedAt <= k ? ` L-BFGS stopped at step ${lbfgs.stoppedAt}: machine precision.` : '';
      return `${problem}, step ${k}: ${l}; ${other('gradient descent', gd)}; ${other('momentum', momentum)}.${settings}${stop}`;
    },
  },

  adaptive: {
    title: 'Beyond the lecture: adaptive methods',
    text: [
      'This figure goes past the lecture, as the course’s own notebook does. RMSProp keeps a running mean of each coordinate’s squared gradients, $v ← αv + (1 − α) g²$, and divides that coordinate’s step by its root: $w ← w − γ g / (√v + ε)$. On this bowl, $f = ½ (w₁² + 5 w₂²)$, from $(1, 1)$ a gradient step moves the steep coordinate $w₂$ five times as far as $w₁$; RMSProp’s first step moves every coordinate whose gradient is not zero by the same amount, whatever its curvature. The caption gives each method’s first step, coordinate by coordinate.',
      'Adam is momentum with that rescaling. Its $m ← β₁ m + (1 − β₁) g$ is a running mean of the gradients, momentum’s $p$ times $1 − β₁$; it is divided coordinate by coordinate by the root of $v̂$, and both means are corrected for starting at zero ($m̂$, $v̂$). Momentum here has Adam’s $β = 0.7$ and $γ = 0.1 · (1 − β)$: the same mean step without the rescaling. The other settings are the course notebook’s: RMSProp $γ = 0.1$, $α = 0.8$; Adam $γ = 0.1$, $β₁ = β₂ = 0.7$.',
      'The rescaling has a price. With exact gradients (untick the noise) momentum closes in on the minimum at a fixed rate, and at its best pair $(γ*, β*)$ for this bowl much faster, while RMSProp and Adam, whose steps are divided by the size of the recent gradients, do not shrink their steps with the gradient: they keep moving about the minimum instead of closing in. With the course’s noise ($σ = 1$), the long steps of momentum tuned for exact gradients bounce farther than the others.',
    ],
    noiseLabel: (sigma) => `gradient noise $σ = ${formatNumber(sigma)}$`,
    bestLabel: 'momentum at its best for the bowl',
    names: { momentum: 'momentum', rmsprop: 'RMSProp', adam: 'Adam' },
    legend: {
      momentum: ({ lr, beta, best }) => `momentum ($γ = ${formatNumber(lr)}$, $β = ${formatNumber(beta)}$${best ? ', its best pair' : ''})`,
      rmsprop: ({ lr, alpha }) => `RMSProp ($γ = ${formatNumber(lr)}$, $α = ${formatNumber(alpha)}$)`,
      adam: ({ lr, beta1, beta2 }) => `Adam ($γ = ${formatNumber(lr)}$, $β₁ = ${formatNumber(beta1)}$, $β₂ = ${formatNumber(beta2)}$)`,
    },
    caption: ({ k, noisy, seed, tail, outcome }) => {
      const names = { momentum: 'momentum', rmsprop: 'RMSProp', adam: 'Adam' };
      const kinds = Object.keys(names);
      const ratios = kinds.filter((kind) => outcome[kind].ratio != null);
      const first = ratios.length ? `First step without noise, $|Δw₂| / |Δw₁|$: ${ratios.map((kind) => `${names[kind]} ${formatNumber(outcome[kind].ratio)}`).join(', ')}. ` : '';
      const where = (kind) => (outcome[kind].diverged !== undefined ? `${names[kind]} diverges (step ${outcome[kind].diverged})` : `${names[kind]} ${formatNumber(outcome[kind].distance)}`);
      const head = noisy && tail > 1
        ? `Seed ${seed}, step ${k}: over the last ${tail} steps, distance to the minimum on average: ${kinds.map(where).join('; ')}.`
        : `${noisy ? `Seed ${seed}, step` : 'Step'} ${k}, distance to the minimum: ${kinds.map(where).join('; ')}.`;
      const live = kinds.filter((kind) => outcome[kind].diverged === undefined);
      if (live.length < 2) return `${first}${head}`;
      const closest = live.reduce((a, b) => (outcome[a].distance <= outcome[b].distance ? a : b));
      const others = live.filter((kind) => kind !== closest).map((kind) => outcome[kind].distance);
      const far = Math.min(...others) / outcome[closest].distance;
      const Name = names[closest][0].toUpperCase() + names[closest].slice(1);
      if (outcome[closest].distance === 0) return `${first}${head} ${others.every((d) => d === 0) ? 'All of them are at the minimum.' : `${Name} is at the minimum.`}`;
      const farthest = live.reduce((a, b) => (outcome[a].distance >= outcome[b].distance ? a : b));
      const spread = outcome[farthest].distance / outcome[closest].distance;
      const verdict = spread < 1.2 ? ' They stay about equally far (within 20%).'
        : far >= 100 ? ` ${Name} is closest, by a factor of more than ${formatNumber(10 ** Math.min(6, Math.floor(Math.log10(far))))}.`
        : spread >= 2 ? ` ${Name} is closest; ${names[farthest]} is ${formatNumber(Number(spread.toPrecision(2)))} times as far.`
        : ` ${Name} is closest.`;
      return `${first}${head}${verdict}`;
    },
  },

  playground: {
    title: 'Beyond the lecture: a playground for any function',
    text: [
      'Type a function of $x$ and $y$ (or $w₁$ and $w₂$), choose up to six optimizers with their own step sizes and parameters, and race them from one start. The optimizer core reads the function, differentiates it exactly (automatic differentiation, not finite differences) and runs every optimizer on it: the same core, with the same numbers, as every other figure and the command line.',
      'Try a preset first. On Rosenbrock’s valley gradient descent crawls where momentum runs; on Rastrigin’s egg box every method stops in the nearest dip; on the saddle $x² − y²$, started on the $x$ axis, gradient descent walks to the saddle point and stays, until a little gradient noise pushes it off.',
    ],
    after: [
      'The language: numbers, + − * / ^, parentheses, sin, cos, tan, exp, log, sqrt, abs, tanh, min and max of two numbers, pi and e. ^ binds tighter than a sign: -x^2 is $−(x²)$. Where the function is not defined (log of a number ≤ 0, a division by zero) the map is shaded, and a run that lands there stops and says why.',
    ],
    presetLabel: 'function',
    custom: 'your own',
    presets: {
      bowl: 'the lecture’s bowl',
      rosenbrock: 'Rosenbrock’s valley',
      beale: 'Beale',
      himmelblau: 'Himmelblau',
      rastrigin: 'Rastrigin',
      camel: 'six-hump camel',
      'goldstein-price': 'Goldstein–Price',
      saddle: 'a saddle, x² − y²',
    },
    fLabel: 'f(x, y) =',
    addRun: 'Add a run',
    runLabel: (n) => `run ${n}: optimizer`,
    removeRun: (n) => `remove run ${n}`,
    noiseLabel: 'gradient noise',
    stepsLabel: 'steps',
    stepsValue: (n) => `${n} steps`,
    zoomIn: 'zoom in',
    zoomOut: 'zoom out',
    fit: 'Fit the view',
    lossAxis: 'f(wₖ) − lowest f seen (log)',
    lossAxisKnown: 'f(wₖ) − min f (log)',
    hint: 'Drag the white point, or click where it should go, to move the start; the wheel zooms the map about the pointer, and + and − zoom it when it has focus.',
    touchHint: 'Drag the white point, or tap where it should go, to move the start; the buttons zoom the map.',
    names: {
      gd: 'gradient descent', sgd: 'SGD', momentum: 'momentum', heavy_ball: 'heavy ball', nesterov: 'Nesterov',
      lbfgs: 'L-BFGS', adagrad: 'Adagrad', rmsprop: 'RMSProp', adam: 'Adam',
    },
    // Parameters without a symbol of their own (the others are γ, β, α, β₁, β₂, ε).
    paramNames: { memory: 'memory' },
    outOfRange: (name, { min, max, minOpen, maxOpen, integer }) => `${name} must be ${integer ? 'an integer' : 'a number'} in ${minOpen ? '(' : '['}${min}, ${max}${maxOpen ? ')' : ']'}`,
    notAnOptimizer: (kind, names) => `"${kind}" is not an optimizer: use ${names.join(', ')}`,
    notAParameter: (key, kind, keys) => `${kind} has no parameter "${key}"${keys.length ? `: its parameters are ${keys.join(', ')}` : ''}`,
    runNotUsed: (n, why) => `The link's run ${n} was not used: ${why}.`,
    needsNoise: 'plain SGD needs noisy gradients: raise the gradient noise above 0',
    startUndefined: 'f or its gradient is not defined at the start: move the start out of the shaded region',
    startOverflows: 'f or its gradient overflows at the start: move the start closer to the middle',
    notYet: 'The function above is not complete yet: nothing is drawn for it until it is.',
    exprError: (e) => {
      const at = e.column > 0 ? ` at column ${e.column}` : '';
      const found = e.found === '' ? 'the end of the function' : `“${e.found}”`;
      const expected = {
        operand: 'a number, a variable, a function or “(”', operator: 'an operator or the end',
        operator_or_close: 'an operator or “)”', operator_comma_or_close: 'an operator, “,” or “)”',
      }[e.expected];
      const mean = e.suggestion ? `; did you mean “${e.suggestion}”?` : '';
      switch (e.code) {
        case 'empty': return 'Type a function of x and y, for example x^2 + 5*y^2.';
        case 'too_long': return `The function is longer than ${e.limit} characters.`;
        case 'too_deep': return `The function nests deeper than ${e.limit} levels${at}.`;
        case 'too_many_nodes': return `The function has more than ${e.limit} operations.`;
        case 'bad_text': return `The text is not valid${at}.`;
        case 'bad_character': return `“${e.found}”${at} is not part of the language.`;
        case 'bad_number': return `The number ${found}${at} is too large.`;
        case 'unknown_function': return `Unknown function “${e.found}”${at}${mean}`;
        case 'unknown_name': return `Unknown name “${e.found}”${at}${mean || '; the variables are x and y (or w1 and w2)'}`;
        case 'needs_arguments': return `“${e.found}”${at} is a function: write ${e.found}(…).`;
        case 'not_a_function': return `“${e.found}”${at} is not a function: is a * missing?`;
        case 'arity': return `“${e.found}”${at} takes ${e.limit} ${e.limit === 1 ? 'argument' : 'arguments'}, not ${e.count}.`;
        default: return `Unexpected ${found}${at}: expected ${expected}${e.times ? ' (write * to multiply)' : ''}.`;
      }
    },
    undefinedWhat: playgroundUndefined,
    caption: ({ k, outcomes, noise, seed }) => {
      const head = `${noise > 0 ? `Gradient noise $σ = ${formatNumber(noise)}$, seed ${seed}. ` : ''}Step ${k}:`;
      const live = outcomes.filter((o) => o.loss !== undefined && o.diverged === undefined && o.undefined === undefined);
      const lowest = live.length > 1 ? live.reduce((a, b) => (a.loss <= b.loss ? a : b)) : null;
      const parts = outcomes.map((o, i) => {
        const who = `${i + 1}. ${o.name}`;
        if (o.pending) return `${who}: being computed`;
        if (o.loss === undefined) return `${who} could not run: ${o.error}`;
        if (o.diverged !== undefined) return `${who} diverges at step ${o.diverged}`;
        if (o.undefined) return `${who} stops after step ${o.undefined.step}: its next point needs ${playgroundUndefined(o.undefined.what)} (column ${o.undefined.column})`;
        if (o.stopped) return `${who} stops after step ${o.stopped.step} (${o.stopped.reason === 'gradient_zero' ? 'the gradient is zero' : 'its line search found no better point'}), $f = ${formatNumber(o.loss)}$`;
        return `${who}: $f = ${formatNumber(o.loss)}$${o === lowest ? ', the lowest' : ''}`;
      });
      return `${head} ${parts.join('; ')}.`;
    },
  },

  momentum: {
    title: 'Momentum on a bowl',
    text: [
      ({ A }) => {
        const [a1, a2] = [A[0][0], A[1][1]];
        const bowl = `The bowl $f(w) = ½ (${coefficient(a1)}w₁² + ${coefficient(a2)}w₂²)$`;
        if (a1 === a2) return `${bowl} is equally steep in every direction, so one step size suits all of them and momentum has little to add.`;
        const [steep, shallow] = a1 > a2 ? ['$w₁$', '$w₂$'] : ['$w₂$', '$w₁$'];
        return `${bowl} is ${formatNumber(Math.max(a1, a2) / Math.min(a1, a2))} times steeper along ${steep} than along ${shallow}. Gradient descent must keep $γ$ small enough for the steep direction, so it crawls along the shallow one.`;
      },
      'Momentum keeps a running sum of gradients, $p ← βp + g$, and steps along it: $w ← w − γp$. Along the valley the gradients agree and add up; across it they alternate and cancel. Written as $wₖ₊₁ = wₖ − γgₖ + β(wₖ − wₖ₋₁)$, the heavy-ball form, it is the same method: tick the box to draw it over the momentum path. Nesterov’s variant steps along $g + βp$, a look ahead that damps the overshoot.',
      '$β = 0.9$ or 0.99 usually works. Raising $β$ asks for a smaller $γ$: from 0.9 to 0.99, divide $γ$ by 10.',
    ],
    lrLabel: 'step size γ',
    betaLabel: 'momentum β',
    heavyBallToggle: 'draw the heavy-ball form over momentum',
    gdBestToggle: 'gradient descent at its own best $γ = 2/(μ + L)$',
    dragHint: 'Drag the white point or click where it should go (or focus the plot and use the arrow keys) to move the start $w₀$.',
    stepAxis: 'step k',
    names: { gd: 'gradient descent', momentum: 'momentum', nesterov: 'Nesterov', heavy_ball: 'heavy ball' },
    caption: ({ lr, beta, K, target, gdLr = null, gd, momentum, nesterov }) => {
      const say = (r) =>
        r.diverged !== undefined ? `diverges (stopped at step ${r.diverged})`
          : r.growing !== undefined ? `diverges (rate $${formatNumber(r.growing)} > 1$${r.above === null ? '' : `; $f$ is above its start from step ${r.above}`})`
            : r.never ? `not within ${K} steps` : `${r.step}`;
      const gdName = gdLr === null ? 'gradient descent' : `gradient descent (at its own $γ = ${formatNumber(gdLr)}$)`;
      return `$γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$. From which step $f$ stays below ${formatNumber(target)} of its starting value: momentum ${say(momentum)}, Nesterov ${say(nesterov)}, ${gdName} ${say(gd)}.`;
    },
  },

  rateMap: {
    title: 'Where momentum converges: the $(γ, β)$ map',
    text: [
      'On a quadratic, momentum shrinks the error by a fixed factor per step, its rate. Along an eigenvector with curvature $λ$, the rate is the spectral radius of the $2×2$ matrix $[[1 + β − γλ, −β], [1, 0]]$. The map colours the worse of the two curvatures of the bowl for every $(γ, β)$.',
      'White lines bound the regions. Right of the solid line the rate is at least 1 and the run diverges. Above a dashed line (one per curvature) the roots are complex and the iterates ripple around the minimum; below it they approach it without overshooting. The star is the best pair, $γ* = 4/(√L + √μ)²$ and $β* = ((√L − √μ)/(√L + √μ))²$. The dotted line is Nesterov’s edge: its own iteration has the rate 1 at $γL = 2(1 + β)/(1 + 2β)$, a smaller step than momentum’s, so Nesterov’s form diverges right of it.',
      'The star shows what momentum buys on a quadratic: acceleration. With $κ = L/μ$, the condition number, the best gradient descent ($β = 0$, $γ = 2/(μ + L)$) shrinks the error by $(κ − 1)/(κ + 1)$ per step, the best momentum by $(√κ − 1)/(√κ + 1)$. For $κ = 100$ that is 0.98 against 0.82: about 690 steps against 70 to gain six digits. Two caveats from the lecture: plain momentum is accelerated this way only on quadratics (Nesterov’s form, with carefully chosen constants, on any smooth convex function), and under SGD’s noise most of the gain is lost. There momentum helps by smoothing the noise instead.',
    ],
    lrAxis: 'step size γ (log)',
    betaAxis: 'momentum β',
    goToBest: 'Go to the best $(γ*, β*)$',
    goToBestGd: 'Go to the best gradient descent ($β = 0$)',
    // linked: the title of the momentum figure above, on the lesson page, which shares (γ, β)
    // with the map (the figures carry no numbers); an embedded map stands alone.
    dragHint: (linked) => `Drag the point or click where it should go, or focus the map and use the arrow keys${linked ? `; “${linked}” above moves with it` : ''}.`,
    pointHint: 'Point at the map with the mouse to read the rate there.',
    pointerAt: ({ lr, beta, rate, region }) => `Under the pointer: $γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$, rate ${formatNumber(rate)} (${region}).`,
    rateKey: 'rate per step:',
    divergesKey: '1 or more: diverges',
    colorKey: 'Colour: yellow converges in few steps, purple in many; grey diverges.',
    regions: { monotone: 'monotone', ripples: 'ripples', divergent: 'divergent' },
    caption: ({ lr, beta, rate, stepsToTarget, target, best, bestGd, nesterovAtBest }) => {
      const here =
        rate >= 1
          ? `At $γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$ the rate is $${formatNumber(rate)} ≥ 1$: the run diverges.`
          : `At $γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$ the error shrinks by a factor ${formatNumber(rate)} per step: about ${stepsToTarget} steps until it is ${formatNumber(target)} of its start ($f$, quadratic in the error, gets there in about half as many).`;
      return `${here} The best pair, $γ* = ${formatNumber(best.lr)}$ and $β* = ${formatNumber(best.beta)}$, reaches the rate ${formatNumber(best.rate)}; the best gradient descent ($β = 0$, $γ = 2/(μ + L) = ${formatNumber(bestGd.lr)}$) only ${formatNumber(bestGd.rate)}.${nesterovAtBest > 1 ? ` There Nesterov’s form diverges (its rate is ${formatNumber(nesterovAtBest)}): the star lies right of its dotted edge.` : ''}`;
    },
  },

  stepSizes: {
    title: 'Step sizes on a 1D quadratic',
    text: [
      'Gradient descent moves against the slope: $w ← w − γ f′(w)$. On the parabola $f(w) = a/2 · w²$ the slope is $a·w$, so one step multiplies the distance to the minimum by $(1 − γa)$. Everything depends on $γa$.',
      'Below $1/a$ the factor is positive and less than one, so progress is steady but slow. At exactly $1/a$ the first step lands on the minimum. Between $1/a$ and $2/a$ the factor is negative: each step jumps over the minimum, yet lands closer each time. Above $2/a$ each jump lands farther out, and the run diverges.',
      'In practice $a$ is unknown, so step sizes are tried on a log scale (0.001, 0.01, 0.1, …) and the best is kept. The sweep below shows why this works. On the parabola (solid line) the loss after a few steps falls steadily as $γ$ grows, drops to zero at exactly $1/a$, climbs again beyond it and shoots up past $2/a$. The dip is symmetric in $γ$: $1.2/a$ leaves the same factor $|1 − γa| = 0.2$ as $0.8/a$, so one curvature gives no reason to prefer the larger step.',
      'The lecture’s advice, a step a little larger than the optimum and a little short of diverging, comes from problems with many curvatures, from $μ$ to $L$. The dashed line adds a flatter direction, of curvature $a/4$, to the same steep one. Now $1/a$ is the optimum of the steep direction alone and too short for the flat one, and the lowest point moves above $1/a$, towards the best single step $2/(μ + L) = 1.6/a$, while the steepest curvature still sets the limit $2/L = 2/a$. The larger $L$ is than $μ$, the closer the best step comes to diverging.',
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
    sweepHint: 'Drag the point or click where it should go, or use the slider.',
    sweepOne: 'the parabola, curvature a',
    sweepBowl: (c) => `a bowl with curvatures a and ${fmt(c)}a`,
    sweepLowest: (r) => `lowest: ${fmt(r)}/a`,
    sweepLabel: ({ steps, c, lowest }) =>
      `f after ${steps} steps against γ: on the parabola the loss is lowest, zero, at exactly 1/a and rises on both sides; on the bowl with curvatures a and ${fmt(c)}a it is lowest at ${fmt(lowest)}/a. Drag the point or click where it should go, or use the slider.`,
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
        too_small: `below $1/a$`,
        optimal: `exactly $1/a$`,
        oscillating: `between $1/a$ and $2/a$`,
        boundary: `exactly $2/a$`,
        diverging: `above $2/a$`,
      }[regime];
      const head = `$γ = ${fmt(gamma)}$ ($${fmt(ratio)}/a$) is ${where}: ${
        {
          too_small: 'each step covers the same fraction of the way, so the iterates creep towards the minimum',
          optimal: 'the first step lands exactly on the minimum',
          oscillating: 'the iterates jump across the minimum and close in on it',
          boundary: 'the iterates jump between two points forever',
          diverging: 'every jump lands farther out, and the run diverges',
        }[regime]
      }.`;
      if (divergedAt !== null) return `${head} The run was stopped at step ${divergedAt}, where $|w|$ passed $10¹⁰$.`;
      return `${head} After ${k} steps $f = ${fmt(loss)}$.`;
    },
  },
  // The hints on a screen without a mouse (a phone, a tablet): taps, no
  // hover, and no keyboard to speak of.
  // The line that tells a reader what to do first.
  lead: {
    stepSizes: 'Move $γ$ and watch gradient descent on the parabola: it crawls, lands in one step, zigzags in, or flies off.',
  },
  // Figure 5's steep valley: where the lecture's β = 0.9 or 0.99 earn their keep.
  betaSteep: {
    label: 'a steep valley, $κ = L/μ = 100$',
    text: 'The lecture says $β = 0.9$ or 0.99 almost always works. On this round bowl ($κ = L/μ = 5$) there is little to accelerate, and a small $β$ is fastest. Tick the steep valley ($κ = 100$, closer to a network’s loss): with the default $γ = 0.15·(1 − β)$, the small $β$ diverge and only $β = 0.9$ and 0.99 converge. Large $β$ is the safe choice, not the fastest on every problem.',
  },
  touch: {
    sgdDrag: 'Drag the white point, or tap where it should go, to move $w$. The second plot runs gradient descent and SGD from there.',
    momentumDrag: 'Drag the white point, or tap where it should go, to move the start $w₀$.',
    mapDrag: (linked) => `Drag the point or tap where it should go${linked ? `; “${linked}” above moves with it` : ''}.`,
    mapPoint: 'Tap or drag on the map: the caption below gives the rate at the point.',
    sweep: 'Drag the point, tap where it should go, or use the slider.',
  },
};

/** A coefficient in a formula: omitted when it is 1. */
export function coefficient(x) {
  return x === 1 ? '' : `${formatNumber(x)} `;
}

/**
 * part/whole as a percentage: whole numbers, except that it says 100 only
 * when all are and 0 only when none are (399 of 400 is 99.8%, not 100%).
 */
export function formatPercent(part, whole) {
  const p = (100 * part) / whole;
  const rounded = Math.round(p);
  if (rounded === 100 && part < whole) return String(Math.min(99.9, Math.round(10 * p) / 10));
  if (rounded === 0 && part > 0) return String(Math.max(0.1, Math.round(10 * p) / 10));
  return String(rounded);
}

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

// What a playground run needed where the function is undefined (the core's
// reason: web/src/figures/playground.js).
function playgroundUndefined(what) {
  const words = {
    log: 'the log of a number ≤ 0', sqrt: 'the square root of a negative number', division: 'a division by zero',
    power: 'a power that is not defined there (a negative number to a fractional power, or 0 to a power ≤ 0)',
    sqrt_gradient: 'the slope of sqrt at 0', power_gradient: 'the slope of a fractional power at 0',
  };
  return Object.hasOwn(words, what) ? words[what] : what;
}
