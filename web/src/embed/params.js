// What an embedded figure accepts: every scene parameter an author may set
// as an attribute (or URL parameter), its allowed range, and how it changes
// the scene. Parsing never throws: it returns the scene and a list of
// messages that name the attribute and the range, for the figure's box.
import adaptiveScene from '../../scenes/adaptive.json';
import annealingScene from '../../scenes/annealing.json';
import betaScene from '../../scenes/beta-effect.json';
import bowlScene from '../../scenes/bowl-momentum.json';
import lbfgsScene from '../../scenes/lbfgs.json';
import noiseScene from '../../scenes/noise-smoothing.json';
import playgroundScene from '../../scenes/playground.json';
import sgdScene from '../../scenes/sgd-cloud.json';
import stepSizesScene from '../../scenes/step-sizes.json';

import { sharedDefaults, sharedKeys } from '../figures/linked.js';
import en from '../i18n/en.js';
import { maxAbsInput, maxExpressionLength, maxSeed } from '../limits.js';

// Kinds of value. Each parse returns {value}, or {} for a text that is not
// one; `expect` says what the kind takes, as data that each language's
// string table puts into words (t.settings in web/src/i18n).
function number({ min, max, minOpen = false, integer = false }) {
  return {
    expect: { type: 'number', min, max, minOpen, integer },
    parse(text) {
      const x = Number(text);
      const ok = text.trim() !== '' && Number.isFinite(x) && (integer ? Number.isInteger(x) : true)
        && (minOpen ? x > min : x >= min) && (max === undefined || x <= max);
      return ok ? { value: x } : {};
    },
  };
}

function point(view) {
  const [x0, x1] = view.x, [y0, y1] = view.y;
  return {
    expect: { type: 'point', x: view.x, y: view.y },
    parse(text) {
      const parts = text.split(',').map((p) => p.trim());
      const xs = parts.map(Number);
      const ok = parts.length === 2 && parts.every((p) => p !== '') && xs.every(Number.isFinite)
        && xs[0] >= x0 && xs[0] <= x1 && xs[1] >= y0 && xs[1] <= y1;
      return ok ? { value: xs } : {};
    },
  };
}

function oneOf(choices) {
  return { expect: { type: 'oneOf', choices }, parse: (text) => (choices.includes(text.trim()) ? { value: text.trim() } : {}) };
}

// A typed function: any text of at most `most` characters (the core reads
// it, and says where and why it is not a function).
function text(most) {
  return {
    expect: { type: 'text', most },
    parse: (value) => (Array.from(value.length > 4 * most ? value.slice(0, 4 * most) : value).length <= most ? { value } : {}),
  };
}

// Numbers separated by commas, each within ±maxAbsInput; check(xs) for the rest.
function numbers(count, expect, check = () => true) {
  return {
    expect,
    parse(value) {
      const parts = value.split(',').map((p) => p.trim());
      const xs = parts.map(Number);
      const ok = parts.length === count && parts.every((p) => p !== '') && xs.every((x) => Number.isFinite(x) && Math.abs(x) <= maxAbsInput) && check(xs);
      return ok ? { value: xs } : {};
    },
  };
}

// The playground's runs, "kind:key=value:key=value,kind:…" (at most six):
// their shape is checked here; their optimizers and parameters by the
// figure against the core's registry.
const MAX_RUNS = playgroundScene.maxRuns;
const runsKind = {
  expect: { type: 'runs', most: MAX_RUNS },
  parse(value) {
    if (value.length > 2000) return {};
    const runs = value.split(',').map((run) => run.trim().split(':'));
    if (runs.length < 1 || runs.length > MAX_RUNS) return {};
    const out = [];
    for (const [kind, ...fields] of runs) {
      if (!/^[a-z_]{1,20}$/.test(kind) || fields.length > 8) return {};
      const run = Object.create(null);
      run.kind = kind;
      for (const field of fields) {
        const m = /^([a-z][a-z0-9_]{0,19})=(.+)$/.exec(field);
        if (!m || m[1] === 'kind' || Object.hasOwn(run, m[1])) return {};
        const x = Number(m[2]);
        if (!Number.isFinite(x)) return {};
        run[m[1]] = x;
      }
      out.push({ ...run });
    }
    return { value: out };
  },
};

/** The playground's runs as the text runsKind reads. */
export const runsText = (runs) => runs.map(({ kind, ...fields }) => [kind, ...Object.entries(fields).map(([key, x]) => `${key}=${x}`)].join(':')).join(',');

// The bowl's curvatures: A = diag(a1, a2), as "a1,a2".
const curvatures = {
  expect: { type: 'pair', min: 0.1, max: 100 },
  parse(text) {
    const { min, max } = curvatures.expect;
    const parts = text.split(',').map((p) => p.trim());
    const xs = parts.map(Number);
    const ok = parts.length === 2 && parts.every((p) => p !== '') && xs.every((x) => Number.isFinite(x) && x >= min && x <= max);
    return ok ? { value: xs } : {};
  },
};
const curvature = (at) => ({ kind: curvatures, set: (s, [a1, a2]) => { at(s).A = [[a1, 0], [0, a2]]; } });

const seed = { kind: number({ min: 0, max: maxSeed, integer: true }), set: (s, x) => { s.scenario.seed = x; } };
const steps = (max) => ({ kind: number({ min: 1, max, integer: true }), set: (s, x) => { s.scenario.steps = x; } });

/**
 * Per scene: the base scene, the figure's controls (name → element id
 * suffix), and its parameters {kind, set(scene, value)} (kind may depend on
 * the scene as set so far). A parameter without `set` is held in the
 * state the figure shares with another (figures/linked.js).
 */
export const sceneSpecs = {
  'step-sizes': {
    scene: stepSizesScene,
    controls: { lr: 'gamma', player: null },
    params: {
      // From 0.001: the slider's γ reaches 4/a, which the core takes up to 10⁶.
      a: { kind: number({ min: 0.001, max: 1000 }), set: (s, x) => { s.scenario.problem.a = x; } },
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
      // The least-squares data (generated by the core from these; w_true = (1, 1)).
      n: { kind: number({ min: 2, max: 200, integer: true }), set: (s, x) => { s.scenario.problem.n = x; s.scenario.optimizer.batch = Math.min(s.scenario.optimizer.batch, x); } },
      condition: { kind: number({ min: 1, max: 100 }), set: (s, x) => { s.scenario.problem.condition = x; } },
      noise: { kind: number({ min: 0, max: 5 }), set: (s, x) => { s.scenario.problem.noise = x; } },
      data_seed: { kind: number({ min: 0, max: maxSeed, integer: true }), set: (s, x) => { s.scenario.problem.data_seed = x; } },
      lr: { kind: number({ min: 0, max: 1, minOpen: true }), set: (s, x) => { s.scenario.optimizer.lr = x; } },
      batch: { kind: (s) => number({ min: 1, max: s.scenario.problem.n, integer: true }), set: (s, x) => { s.scenario.optimizer.batch = x; } },
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
    controls: { lr: 'lr', beta: 'beta', 'heavy-ball': 'hb', 'gd-step': 'gd', player: null },
    params: {
      curvature: curvature((s) => s.scenario.problem),
      lr: { kind: number({ min: bowlScene.lrRange[0], max: bowlScene.lrRange[1] }) },
      beta: { kind: number({ min: bowlScene.betaRange[0], max: bowlScene.betaRange[1] }) },
      w0: { kind: point(bowlScene.view) },
      steps: steps(1000),
      // Gradient descent at momentum's γ, or at its own best 2/(μ + L).
      gd: { kind: oneOf(['same', 'best']), set: (s, x) => { s.gd = x; } },
    },
  },
  'beta-effect': {
    scene: betaScene,
    controls: { lr: 'eta', lock: 'lock', player: null },
    params: {
      curvature: curvature((s) => s.scenario.problem),
      lr: { kind: number({ min: betaScene.etaRange[0], max: betaScene.etaRange[1] }), set: (s, x) => { s.eta = x; } },
      lock: { kind: oneOf(['on', 'off']), set: (s, x) => { s.lock = x; } },
      steps: steps(1000),
    },
  },
  'rate-map': {
    scene: bowlScene,
    controls: { best: null },
    params: {
      curvature: curvature((s) => s.scenario.problem),
      lr: { kind: number({ min: bowlScene.lrRange[0], max: bowlScene.lrRange[1] }) },
      beta: { kind: number({ min: bowlScene.betaRange[0], max: bowlScene.betaRange[1] }) },
    },
  },
  'noise-smoothing': {
    scene: noiseScene,
    controls: { beta: 'beta', seed: 'seed', player: null },
    params: {
      lr: { kind: number({ min: 0, max: 1, minOpen: true }), set: (s, x) => { s.scenario.optimizer.lr = x; } },
      beta: { kind: number({ min: 0, max: 0.99 }), set: (s, x) => { s.beta = x; } },
      curvature: curvature((s) => s.scenario.problem),
      noise: { kind: number({ min: 0, max: 10 }), set: (s, x) => { s.scenario.problem.noise = x; } },
      w0: { kind: point(noiseScene.view), set: (s, x) => { s.scenario.w0 = x; } },
      seed,
      steps: steps(1000),
    },
  },
  adaptive: {
    scene: adaptiveScene,
    controls: { noise: 'noise', tuning: 'best', seed: 'seed', player: null },
    params: {
      noise: { kind: number({ min: 0, max: 10 }), set: (s, x) => { s.scenario.problem.noise = x; } },
      momentum: { kind: oneOf(['course', 'best']), set: (s, x) => { s.tuning = x; } },
      w0: { kind: point(adaptiveScene.view), set: (s, x) => { s.scenario.w0 = x; } },
      seed,
      // Three noisy dashed paths of 1000 steps took a 240 ms frame to draw.
      steps: steps(500),
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
  playground: {
    scene: playgroundScene,
    controls: { function: 'f', runs: 'runs', noise: 'noise', seed: 'seed', steps: 'steps', view: 'view', player: null },
    params: {
      // A preset sets the function, its view, the start and the runs; each
      // of those given as well is the link's own.
      preset: { kind: oneOf(Object.keys(playgroundScene.presets)), set: (s, x) => { s.preset = x; } },
      f: { kind: text(maxExpressionLength), set: (s, x) => { s.f = x; } },
      // A view from a hundredth to 20000 wide: its axes' numbers stay
      // short enough for a phone's plot.
      view: {
        kind: numbers(4, { type: 'view', most: playgroundScene.viewLimit, least: playgroundScene.viewLeast },
          (xs) => xs.every((x) => Math.abs(x) <= playgroundScene.viewLimit) && xs[1] - xs[0] >= playgroundScene.viewLeast && xs[3] - xs[2] >= playgroundScene.viewLeast),
        set: (s, x) => { s.view = x; },
      },
      w0: { kind: numbers(2, { type: 'pair', min: -maxAbsInput, max: maxAbsInput }), set: (s, x) => { s.w0 = x; } },
      runs: { kind: runsKind, set: (s, x) => { s.runs = x; } },
      noise: { kind: number({ min: 0, max: 10 }), set: (s, x) => { s.noise = x; } },
      seed: { kind: seed.kind, set: (s, x) => { s.seed = x; } },
      steps: { kind: number({ min: 1, max: playgroundScene.maxSteps, integer: true }), set: (s, x) => { s.steps = x; } },
    },
  },
};

export const sceneNames = Object.keys(sceneSpecs);
export const commonAttributes = ['scene', 'lang', 'theme', 'controls', 'text', 'share', 'width', 'heading'];
/** Every attribute any scene reads (for observedAttributes). */
export const allAttributes = [...new Set([...commonAttributes, ...Object.values(sceneSpecs).flatMap((spec) => Object.keys(spec.params))])];

/**
 * A setting that cannot be used: its code and what it concerns, put into
 * words by a string table (English when none is given, and as a string).
 */
class SettingError {
  constructor(code, fields) {
    this.code = code;
    Object.assign(this, fields);
    // A link may carry a megabyte in one key or value: quote at most 60
    // characters of either (whole characters, not halves of a pair), and
    // at most ten unknown controls.
    for (const field of ['name', 'got', 'scene']) if (typeof this[field] === 'string') this[field] = shorten(this[field]);
    if (Array.isArray(this.names)) this.names = [...this.names.slice(0, 10).map((n) => shorten(n)), ...(this.names.length > 10 ? ['…'] : [])];
  }

  text(t = en) {
    const words = t.settings;
    const expected = (expect) => {
      if (expect.type === 'auto') return words.autoOr(expected(expect.or));
      if (expect.type === 'oneOf') return words.oneOf(expect.choices);
      return words[expect.type](expect); // number, point, pair
    };
    switch (this.code) {
      case 'mustBe': return words.mustBe(this.name, expected(this.expect), this.got);
      case 'noScene': return words.noScene(this.scenes);
      case 'notAFigure': return words.notAFigure(this.scene, this.scenes);
      case 'notASetting': return words.notASetting(this.name, this.scene, this.settings);
      default: return words.unknownControls(this.names, this.controls);
    }
  }

  toString() {
    return this.text();
  }
}

function shorten(text, most = 60) {
  const characters = Array.from(text.length > 4 * most ? text.slice(0, 4 * most) : text);
  return characters.length > most ? `${characters.slice(0, most).join('')}…` : text;
}

const langs = oneOf(['en', 'ko']);
const themes = oneOf(['auto', 'light', 'dark']);
const texts = oneOf(['all', 'none']);
const shares = oneOf(['on', 'off']);
const widths = number({ min: 240, max: 4000 });
const headings = number({ min: 1, max: 6, integer: true });
/** The kinds of the attributes every figure reads (but controls, a list of the scene's). */
export const commonKinds = { lang: langs, theme: themes, text: texts, share: shares, width: widths, heading: headings };

/**
 * Read a figure's settings from get(name) → string | null (attributes or
 * URL parameters). Returns {name, spec, scene, shared, lang, theme, text,
 * share, controls, width, heading, errors}; each error names the setting
 * and what it must be: error.text(t) in the words of string table t, or
 * String(error) in English.
 * `given` lists the names the source holds, to be checked against the
 * scene's: a setting of another figure (say lr on lbfgs) is an error, not
 * silently ignored. With common: false only the scene's parameters count
 * (a page link sets no theme or language per figure).
 */
export function parseSettings(get, { given = [], common = true } = {}) {
  const errors = [];
  const name = (get('scene') ?? '').trim();
  const spec = Object.hasOwn(sceneSpecs, name) ? sceneSpecs[name] : undefined;
  if (!spec) {
    errors.push(new SettingError(name ? 'notAFigure' : 'noScene', { scene: name, scenes: sceneNames }));
    return { name, errors };
  }
  for (const key of given) {
    if (!Object.hasOwn(spec.params, key) && !(common && commonAttributes.includes(key))) {
      errors.push(new SettingError('notASetting', { name: key, scene: name, settings: Object.keys(spec.params) }));
    }
  }
  const scene = structuredClone(spec.scene);
  const shared = sharedDefaults(name, scene);
  const inShared = sharedKeys(name);
  const read = (attr, kind, expect = kind.expect) => {
    const text = get(attr);
    if (text === null || text === undefined) return undefined;
    const { value } = kind.parse(String(text));
    if (value === undefined) errors.push(new SettingError('mustBe', { name: attr, expect, got: text }));
    return value;
  };
  // In declaration order: a range may depend on a parameter read before it.
  for (const attr of Object.keys(spec.params)) {
    const param = spec.params[attr];
    const value = read(attr, typeof param.kind === 'function' ? param.kind(scene) : param.kind);
    if (value === undefined) continue;
    if (inShared.includes(attr)) shared[attr] = value;
    else param.set(scene, value);
  }
  const lang = read('lang', langs) ?? null;
  const theme = read('theme', themes) ?? 'auto';
  const text = read('text', texts) ?? 'all';
  const share = read('share', shares) ?? 'on';
  // The title's level: 2 under the notes' own headings, 1 where the figure is
  // the whole document (the iframe pages).
  const heading = read('heading', headings) ?? 2;
  const width = get('width') === null || get('width') === undefined || get('width') === 'auto' ? 'auto' : read('width', widths, { type: 'auto', or: widths.expect });
  let controls = Object.keys(spec.controls);
  const listed = get('controls');
  if (listed !== null && listed !== undefined) {
    const names = listed.split(',').map((c) => c.trim()).filter(Boolean);
    if (listed.trim() === 'none') controls = [];
    else if (listed.trim() !== 'all') {
      const unknown = names.filter((c) => !Object.hasOwn(spec.controls, c));
      if (unknown.length) errors.push(new SettingError('unknownControls', { names: unknown, controls: Object.keys(spec.controls) }));
      else controls = names;
    }
  }
  return { name, spec, scene, shared, lang, theme, text, share, controls, width, heading, errors };
}
