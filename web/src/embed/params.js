// What an embedded figure accepts: every scene parameter an author may set
// as an attribute (or URL parameter), its allowed range, and how it changes
// the scene. Parsing never throws: it returns the scene and a list of
// messages that name the attribute and the range, for the figure's box.
import annealingScene from '../../scenes/annealing.json';
import betaScene from '../../scenes/beta-effect.json';
import bowlScene from '../../scenes/bowl-momentum.json';
import lbfgsScene from '../../scenes/lbfgs.json';
import noiseScene from '../../scenes/noise-smoothing.json';
import sgdScene from '../../scenes/sgd-cloud.json';
import stepSizesScene from '../../scenes/step-sizes.json';

const MAX_SEED = 9007199254740991;

// Kinds of value. Each parse returns {value} or {error: 'must be …'}.
function number({ min, max, minOpen = false, integer = false }) {
  const range = `${integer ? 'an integer' : 'a number'} ${minOpen ? `> ${min}` : `from ${min}`}${max === undefined ? '' : ` to ${max}`}`;
  return {
    describe: range,
    parse(text) {
      const x = Number(text);
      const ok = text.trim() !== '' && Number.isFinite(x) && (integer ? Number.isInteger(x) : true)
        && (minOpen ? x > min : x >= min) && (max === undefined || x <= max);
      return ok ? { value: x } : { error: `must be ${range}` };
    },
  };
}

function point(view) {
  const [x0, x1] = view.x, [y0, y1] = view.y;
  const describe = `two numbers "w1,w2" with w1 from ${x0} to ${x1} and w2 from ${y0} to ${y1}`;
  return {
    describe,
    parse(text) {
      const parts = text.split(',').map((p) => p.trim());
      const xs = parts.map(Number);
      const ok = parts.length === 2 && parts.every((p) => p !== '') && xs.every(Number.isFinite)
        && xs[0] >= x0 && xs[0] <= x1 && xs[1] >= y0 && xs[1] <= y1;
      return ok ? { value: xs } : { error: `must be ${describe}` };
    },
  };
}

function oneOf(choices) {
  const describe = `one of ${choices.join(', ')}`;
  return { describe, parse: (text) => (choices.includes(text.trim()) ? { value: text.trim() } : { error: `must be ${describe}` }) };
}

const seed = { kind: number({ min: 0, max: MAX_SEED, integer: true }), set: (s, x) => { s.scenario.seed = x; } };
const steps = (max) => ({ kind: number({ min: 1, max, integer: true }), set: (s, x) => { s.scenario.steps = x; } });

/**
 * Per scene: the base scene, the figure's controls (name → element id
 * suffix), and its parameters {kind, set(scene, value)} (kind may depend on
 * the scene as set so far).
 * Figures 4 and 6 keep (γ, β, w0) in a shared state, set through `shared`.
 */
export const sceneSpecs = {
  'step-sizes': {
    scene: stepSizesScene,
    controls: { lr: 'gamma', player: null },
    params: {
      a: { kind: number({ min: 0, max: 1000, minOpen: true }), set: (s, x) => { s.scenario.problem.a = x; } },
      lr: {
        // γ itself; the figure's slider runs over γ·a in ratioRange, so the
        // range depends on a (read first).
        kind: (s) => number({ min: s.ratioRange[0] / s.scenario.problem.a, max: s.ratioRange[1] / s.scenario.problem.a }),
        set: (s, x) => { s.ratio = x * s.scenario.problem.a; },
      },
      w0: { kind: number({ min: -10, max: 10 }), set: (s, x) => { s.scenario.w0 = [x]; } },
      steps: steps(200),
    },
  },
  'sgd-cloud': {
    scene: sgdScene,
    controls: { batch: 'batch', seed: 'seed', player: null },
    params: {
      lr: { kind: number({ min: 0, max: 1, minOpen: true }), set: (s, x) => { s.scenario.optimizer.lr = x; } },
      batch: { kind: number({ min: 1, max: sgdScene.scenario.problem.n, integer: true }), set: (s, x) => { s.scenario.optimizer.batch = x; } },
      w0: { kind: point(sgdScene.view), set: (s, x) => { s.scenario.w0 = x; } },
      seed,
      steps: steps(1000),
    },
  },
  annealing: {
    scene: annealingScene,
    controls: { lr: 'lr', batch: 'batch', seed: 'seed', player: null },
    params: {
      lr: { kind: number({ min: annealingScene.lrRange[0], max: annealingScene.lrRange[1] }), set: (s, x) => { s.scenario.optimizer.lr = x; } },
      batch: { kind: number({ min: 1, max: annealingScene.scenario.problem.n, integer: true }), set: (s, x) => { s.scenario.optimizer.batch = x; } },
      runs: { kind: number({ min: 1, max: 2000, integer: true }), set: (s, x) => { s.runs = x; } },
      seed,
      steps: steps(5000),
    },
  },
  momentum: {
    scene: bowlScene,
    controls: { lr: 'lr', beta: 'beta', 'heavy-ball': 'hb', player: null },
    shared: true,
    params: {
      lr: { kind: number({ min: bowlScene.lrRange[0], max: bowlScene.lrRange[1] }), shared: 'lr' },
      beta: { kind: number({ min: bowlScene.betaRange[0], max: bowlScene.betaRange[1] }), shared: 'beta' },
      w0: { kind: point(bowlScene.view), shared: 'w0' },
      steps: steps(1000),
    },
  },
  'beta-effect': {
    scene: betaScene,
    controls: { lr: 'eta', lock: 'lock', player: null },
    params: {
      lr: { kind: number({ min: betaScene.etaRange[0], max: betaScene.etaRange[1] }), set: (s, x) => { s.eta = x; } },
      lock: { kind: oneOf(['on', 'off']), set: (s, x) => { s.lock = x; } },
      steps: steps(1000),
    },
  },
  'rate-map': {
    scene: bowlScene,
    controls: { best: null },
    shared: true,
    params: {
      lr: { kind: number({ min: bowlScene.lrRange[0], max: bowlScene.lrRange[1] }), shared: 'lr' },
      beta: { kind: number({ min: bowlScene.betaRange[0], max: bowlScene.betaRange[1] }), shared: 'beta' },
    },
  },
  'noise-smoothing': {
    scene: noiseScene,
    controls: { beta: 'beta', seed: 'seed', player: null },
    params: {
      lr: { kind: number({ min: 0, max: 1, minOpen: true }), set: (s, x) => { s.scenario.optimizer.lr = x; } },
      beta: { kind: number({ min: 0, max: 0.99 }), set: (s, x) => { s.beta = x; } },
      noise: { kind: number({ min: 0, max: 10 }), set: (s, x) => { s.scenario.problem.noise = x; } },
      w0: { kind: point(noiseScene.view), set: (s, x) => { s.scenario.w0 = x; } },
      seed,
      steps: steps(1000),
    },
  },
  lbfgs: {
    scene: lbfgsScene,
    controls: { problem: null, player: null },
    params: {
      problem: { kind: oneOf(Object.keys(lbfgsScene.problems)), set: (s, x) => { s.show = x; } },
      memory: { kind: number({ min: 1, max: 50, integer: true }), set: (s, x) => { s.memory = x; } },
      // The start's range is the view of the chosen problem (read first).
      w0: { kind: (s) => point(s.problems[s.show ?? 'rosenbrock'].view), set: (s, x) => { s.problems[s.show ?? 'rosenbrock'].w0 = x; } },
      steps: { kind: number({ min: 1, max: 1000, integer: true }), set: (s, x) => { s.steps = x; } },
    },
  },
};

export const sceneNames = Object.keys(sceneSpecs);
export const commonAttributes = ['scene', 'lang', 'theme', 'controls', 'text', 'share', 'width'];
/** Every attribute any scene reads (for observedAttributes). */
export const allAttributes = [...new Set([...commonAttributes, ...Object.values(sceneSpecs).flatMap((spec) => Object.keys(spec.params))])];

const langs = oneOf(['en', 'ko']);
const themes = oneOf(['auto', 'light', 'dark']);
const texts = oneOf(['all', 'none']);
const widths = number({ min: 240, max: 4000 });

/**
 * Read a figure's settings from get(name) → string | null (attributes or
 * URL parameters). Returns {name, spec, scene, shared, lang, theme, text,
 * share, controls, width, errors}; errors is a list of readable messages.
 */
export function parseSettings(get) {
  const errors = [];
  const name = (get('scene') ?? '').trim();
  const spec = sceneSpecs[name];
  if (!spec) {
    errors.push(`scene ${name ? `"${name}" is not a figure` : 'is missing'}: use one of ${sceneNames.join(', ')}`);
    return { name, errors };
  }
  const scene = structuredClone(spec.scene);
  const shared = spec.shared
    ? { lr: scene.scenario.optimizer.lr, beta: scene.scenario.optimizer.beta, w0: [...scene.scenario.w0] }
    : null;
  const read = (attr, kind, describe) => {
    const text = get(attr);
    if (text === null || text === undefined) return undefined;
    const { value, error } = kind.parse(String(text));
    if (error) errors.push(`${attr} ${describe ? `must be ${describe}` : error} (got "${text}")`);
    return value;
  };
  // In declaration order: a range may depend on a parameter read before it.
  for (const attr of Object.keys(spec.params)) {
    const param = spec.params[attr];
    const value = read(attr, typeof param.kind === 'function' ? param.kind(scene) : param.kind);
    if (value === undefined) continue;
    if (param.shared) shared[param.shared] = value;
    else param.set(scene, value);
  }
  const lang = read('lang', langs) ?? null;
  const theme = read('theme', themes) ?? 'auto';
  const text = read('text', texts) ?? 'all';
  const share = read('share', oneOf(['on', 'off'])) ?? 'on';
  const width = get('width') === null || get('width') === undefined || get('width') === 'auto' ? 'auto' : read('width', widths, `"auto" or ${widths.describe} (pixels)`);
  let controls = Object.keys(spec.controls);
  const listed = get('controls');
  if (listed !== null && listed !== undefined) {
    const names = listed.split(',').map((c) => c.trim()).filter(Boolean);
    if (listed.trim() === 'none') controls = [];
    else if (listed.trim() !== 'all') {
      const unknown = names.filter((c) => !(c in spec.controls));
      if (unknown.length) errors.push(`controls has ${unknown.map((c) => `"${c}"`).join(', ')}: use "all", "none" or a list of ${Object.keys(spec.controls).join(', ')}`);
      else controls = names;
    }
  }
  return { name, spec, scene, shared, lang, theme, text, share, controls, width, errors };
}
