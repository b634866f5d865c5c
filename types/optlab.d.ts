// Types of optlab's embeddable figures (the ES module dist/optlab-embed.mjs
// and the global `optlab` of the one-script build dist/optlab-embed.js).

/** The figures of the lesson, by scene name. */
export type SceneName =
  | 'step-sizes' | 'sgd-cloud' | 'annealing' | 'momentum'
  | 'beta-effect' | 'rate-map' | 'noise-smoothing' | 'lbfgs' | 'adaptive' | 'playground';

/** Attributes every figure reads (all strings, as in HTML). */
export interface CommonAttributes {
  /** Which figure (required). */
  scene: SceneName;
  /** Language of all text: "en" or "ko" (default: the nearest lang attribute, else English). */
  lang?: 'en' | 'ko';
  /** Colours: "auto" follows prefers-color-scheme (default). */
  theme?: 'auto' | 'light' | 'dark';
  /** Controls shown: "all" (default), "none", or a comma list of the scene's controls (see ControlsOf). */
  controls?: string;
  /** "none" hides the figure's own title and explanation (keep yours); default "all". */
  text?: 'all' | 'none';
  /** "off" hides the Copy link / embed code / PNG / CSV / JSON row; default "on". */
  share?: 'on' | 'off';
  /** "auto" (default: the container's width) or a fixed width in pixels, 240 to 4000. */
  width?: string;
  /** The level of the figure's title, "1" to "6" (default "2"). */
  heading?: '1' | '2' | '3' | '4' | '5' | '6';
}

/**
 * Per scene: parameters (numbers as decimal text, points as "w1,w2") and
 * their ranges: [lo, hi] and (lo, hi] for numbers, lo..hi for integers,
 * [x0, x1] × [y0, y1] for points. A range written with a or n depends on
 * the scene's a or n. tests/js/types.test.mjs holds these comments to the
 * ranges the figures check (web/src/embed/params.js and web/scenes).
 */
export interface SceneAttributes {
  'step-sizes': { a?: string /* [0.001, 1000] */; lr?: string /* [0.0078125/a, 4/a] */; w0?: string /* [-10, 10] */; steps?: string /* 1..200 */ };
  'sgd-cloud': { n?: string /* 2..200 examples */; condition?: string /* [1, 100] */; noise?: string /* [0, 5] */; data_seed?: string /* 0..2^53−1 */; lr?: string /* (0, 1] */; batch?: string /* 1..n */; w0?: string /* [-2.5, 3.5] × [-1.5, 4] */; seed?: string /* 0..2^53−1 */; steps?: string /* 1..1000 */ };
  annealing: { lr?: string /* [0.01, 0.5] */; batch?: string /* 1..16 */; runs?: string /* 1..2000 */; seed?: string /* 0..2^53−1 */; steps?: string /* 1..5000 */ };
  momentum: { curvature?: string /* "a1,a2": A = diag(a1, a2), each in [0.1, 100] */; lr?: string /* [0.001, 1] */; beta?: string /* [0, 0.99] */; w0?: string /* [-1.6, 1.6] × [-1.6, 1.6] */; steps?: string /* 1..1000 */; gd?: 'same' | 'best' };
  'beta-effect': { curvature?: string /* each in [0.1, 100] */; lr?: string /* [0.001, 1], γ(1 − β) when locked */; lock?: 'on' | 'off'; steps?: string /* 1..1000 */ };
  'rate-map': { curvature?: string /* each in [0.1, 100] */; lr?: string /* [0.001, 1] */; beta?: string /* [0, 0.99] */ };
  'noise-smoothing': { lr?: string /* (0, 1] */; beta?: string /* [0, 0.99] */; curvature?: string /* each in [0.1, 100] */; noise?: string /* [0, 10] */; w0?: string /* [-1.6, 1.6] × [-1.6, 1.6] */; seed?: string /* 0..2^53−1 */; steps?: string /* 1..1000 */ };
  lbfgs: { problem?: 'rosenbrock' | 'bowl'; memory?: string /* 1..50 */; w0?: string /* the problem's view: rosenbrock [-2, 2] × [-1, 3], bowl [-1.6, 1.6] × [-1.6, 1.6] */; steps?: string /* 1..1000 */ };
  adaptive: { noise?: string /* [0, 10] */; momentum?: 'course' | 'best'; w0?: string /* [-1.6, 1.6] × [-1.6, 1.6] */; seed?: string /* 0..2^53−1 */; steps?: string /* 1..500 */ };
  /** A function typed as text and up to six runs on it; a preset sets f, view, w0 and runs, and each of those given as well overrides it. */
  playground: {
    preset?: 'bowl' | 'rosenbrock' | 'beale' | 'himmelblau' | 'rastrigin' | 'camel' | 'goldstein-price' | 'saddle';
    f?: string /* f of x and y (or w1, w2), at most 500 characters, e.g. "(1 - x)^2 + 100*(y - x^2)^2" */;
    view?: string /* "x0,x1,y0,y1", each within ±10000, x1 − x0 and y1 − y0 at least 0.01 */;
    w0?: string /* "w1,w2", each in [-1000000, 1000000] */;
    runs?: string /* 1 to 6 runs "kind:key=value:…", comma-separated, e.g. "gd:lr=0.001,adam:lr=0.05:beta1=0.9" */;
    noise?: string /* [0, 10] */; seed?: string /* 0..2^53−1 */; steps?: string /* 1..1000 */;
  };
}

/** The names accepted in `controls`, per scene. */
export interface ControlsOf {
  'step-sizes': 'lr' | 'player';
  'sgd-cloud': 'batch' | 'seed' | 'player';
  annealing: 'lr' | 'batch' | 'seed' | 'player';
  momentum: 'lr' | 'beta' | 'heavy-ball' | 'gd-step' | 'player';
  'beta-effect': 'lr' | 'lock' | 'player';
  'rate-map': 'best';
  'noise-smoothing': 'beta' | 'seed' | 'player';
  lbfgs: 'problem' | 'player';
  adaptive: 'noise' | 'tuning' | 'seed' | 'player';
  playground: 'function' | 'runs' | 'noise' | 'seed' | 'steps' | 'view' | 'player';
}

export type FigureAttributes<S extends SceneName = SceneName> = CommonAttributes & { scene: S } & SceneAttributes[S];

/** A figure's parameters as they stand (numbers, points as [w1, w2]). */
export type FigureState = Record<string, number | string | [number, number]>;

/** The core's scenario contract (what `optlab run` reads). */
export interface Scenario {
  problem: { kind: string; [parameter: string]: unknown };
  optimizer: { kind: 'gd' | 'sgd' | 'momentum' | 'heavy_ball' | 'nesterov' | 'lbfgs' | 'adagrad' | 'rmsprop' | 'adam'; lr?: number; beta?: number; batch?: number; memory?: number; eps?: number; alpha?: number; beta1?: number; beta2?: number };
  w0: number[];
  steps: number;
  seed?: number;
}

/** Events: 'optlab-ready', 'optlab-change' (detail.state) and 'optlab-error' (detail.messages), all bubbling. */
export interface OptlabFigureEventMap extends HTMLElementEventMap {
  'optlab-ready': CustomEvent<void>;
  'optlab-change': CustomEvent<{ state: FigureState }>;
  'optlab-error': CustomEvent<{ messages: string[] }>;
}

export declare class OptlabFigure extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The parameters now (after the reader moved sliders too); null before the first draw. */
  readonly state: FigureState | null;
  /** Settles when the figure has redrawn after its latest attribute change. */
  readonly ready: Promise<void>;
  /**
   * The figure's data, one row per iterate (per run for annealing): what the
   * CSV export writes. complete is false while some runs are still being
   * computed, and rows then hold the runs done so far.
   */
  table(): { columns: string[]; rows: (number | string)[][]; complete?: boolean } | null;
  /** The scenario of the figure's main run; the playground's runs each one, as an array when there are several. */
  scenario(): Scenario | Scenario[] | null;
  /** The standalone page of this figure in this state and language (its URL carries lang=). */
  link(): string;
  addEventListener<K extends keyof OptlabFigureEventMap>(type: K, listener: (this: OptlabFigure, ev: OptlabFigureEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OptlabFigureEventMap>(type: K, listener: (this: OptlabFigure, ev: OptlabFigureEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** One run as typed arrays (copies, safe to keep); matrices are row-major with `dim` columns. */
export interface Trace {
  dim: number;
  /** Iterates w_0 … w_K: rows × dim. */
  rows: number;
  w: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  /** The running average w̄_1 … w̄_K: (rows − 1) × dim. */
  wAvg: Float64Array;
  batch: number;
  /** The examples of each mini-batch, rows − 1 rows of `batch` indices; null without mini-batches. */
  batches: Float64Array | null;
  divergedAt: number | null;
  stoppedAt: number | null;
  stopReason: string | null;
  /** stopReason "undefined": where the typed function was undefined. */
  undefined: ExpressionUndefined | null;
  /** Gradient descent on a quadratic: the step size's regime. */
  regime: string | null;
  /** The linear rate, where the core knows it. */
  rate: number | null;
  /** The problem's minimiser, where the core knows it. */
  optimum: Float64Array | null;
}

/** What `optlab run` prints: a run in the scenario contract's JSON. */
export interface RunResult {
  problem: string;
  optimizer: string;
  dim: number;
  steps: number;
  seed: number;
  w: number[][];
  loss: number[];
  grad_norm: number[];
  w_avg: number[][];
  batches?: number[][] | null;
  diverged_at: number | null;
  stopped_at: number | null;
  stop_reason: string | null;
  /** stop_reason "undefined": where the typed function was undefined. */
  undefined: ExpressionUndefined | null;
  regime: string | null;
  rate: number | null;
  optimum: number[] | null;
}

/** A (γ, β) grid: γ log-spaced, β evenly spaced; rate[j * nLr + i] is at (lr[i], beta[j]). */
export interface RateMap {
  lr: Float64Array;
  beta: Float64Array;
  rate: Float64Array;
}

/** A region of the (γ, β) map: the error shrinks without overshoot, with ripples, or grows. */
export type MomentumRegion = 'monotone' | 'ripples' | 'divergent';

/** The core's limits: the largest input each call takes. */
export interface CoreLimits {
  maxSteps: number;
  maxDim: number;
  maxExamples: number;
  maxBatchSteps: number;
  maxAbsInput: number;
  maxMemory: number;
  maxRuns: number;
  maxWork: number;
  maxGridCells: number;
  maxGridSide: number;
  maxIsolineCrossings: number;
  maxDocumentBytes: number;
  /** The largest seed, 2^53 − 1. */
  maxSeed: number;
  divergedAbsW: number;
  divergedAbsLoss: number;
  /** A typed function's most characters, nesting levels and operations. */
  maxExpressionLength: number;
  maxExpressionDepth: number;
  maxExpressionNodes: number;
}

/** The operation a run met where a typed function is undefined, and its column. */
export interface ExpressionUndefined {
  what: 'log' | 'sqrt' | 'division' | 'power' | 'sqrt_gradient' | 'power_gradient';
  column: number;
  message: string;
}

/** The core's answer for a typed function. */
export type ExpressionCheck =
  | { ok: true; operations: number; uses_w2: boolean; error: null }
  | { ok: false; error: {
      code: 'empty' | 'too_long' | 'too_deep' | 'too_many_nodes' | 'bad_text' | 'bad_character' | 'bad_number'
        | 'unexpected' | 'unknown_name' | 'unknown_function' | 'needs_arguments' | 'not_a_function' | 'arity';
      /** 1-based, in characters; 0 when the whole text is meant. */
      column: number;
      found: string;
      expected: '' | 'operand' | 'operator' | 'operator_or_close' | 'operator_comma_or_close';
      suggestion: string;
      /** Two operands side by side ("2x"): a * is missing. */
      times: boolean;
      limit: number;
      count: number;
      /** The English sentence the CLI prints. */
      message: string;
    } };

/** A scenario or problem: the object, or its JSON text. */
type Json<T> = T | string;
type NumberList = ArrayLike<number>;
/** An optimizer of the core's registry (`optlab optimizers`). */
export interface OptimizerInfo {
  name: Scenario['optimizer']['kind'];
  rule: string;
  /** Whether it takes a step size lr. */
  lr: boolean;
  /** lr when a scenario gives none (adagrad, rmsprop, adam: torch.optim's); null: lr is required. */
  lrDefault: number | null;
  batch: 'none' | 'optional' | 'stochastic';
  params: { name: string; min: number; max: number; minOpen: boolean; maxOpen: boolean; default: number | null; integer: boolean }[];
}

/** A problem of the scenario contract (see Scenario). */
export type Problem = Scenario['problem'];

/**
 * The optimizer core (C++ in WebAssembly), as sharedCore() resolves it.
 * Every method throws an Error naming the input it refuses.
 */
export interface OptlabCore {
  readonly limits: CoreLimits;
  /** Bytes the core's allocator holds now. */
  memoryInUse(): number;
  /** The scenario contract: JSON text in, JSON text out (an array of 1 to 16 scenarios gives an array of outputs). */
  runJson(scenarioText: string): string;
  /** The scenario contract as objects. */
  run(scenario: Json<Scenario>): RunResult;
  trace(scenario: Json<Scenario>): Trace;
  /** Where each of `runs` seeded runs ends (run r seeded from seed and r), runs firstRun … firstRun + runs − 1. */
  finalPositions(scenario: Json<Scenario>, runs: number, firstRun?: number): { dim: number; w: Float64Array; diverged: Uint8Array };
  /** The double well's two local minima and the ridge between them. */
  doubleWellPoints(problem: Json<Problem>): { deep: number; shallow: number; ridge: number };
  /** The scenario once per step size: f at the last iterate, and the step each run diverged at (−1 if none). */
  lossSweep(scenario: Json<Scenario>, lrs: NumberList): { loss: Float64Array; divergedAt: Int32Array };
  /** ∇f_i(w) for every part of a finite-sum problem: n rows of dim numbers. */
  partGradients(problem: Json<Problem>, w: NumberList): Float64Array;
  /** The mini-batch gradients of SGD's first steps from w: draw d is run d's first step in finalPositions (same seed). */
  batchGradients(request: { problem: Json<Problem>; w: NumberList; batch: number; seed?: number; draws: number }): Float64Array;
  /** The noise σξ_k of each step's gradient in a run without batches on a problem with gradient noise: steps rows of dim numbers. */
  gradientNoise(request: { problem: Json<Problem>; seed?: number; steps: number }): Float64Array;
  /** The mini-batch gradient's noise at w: ∇f(w), σ², the law σ²/B · (n − B)/(n − 1) and the variance measured over the draws (≥ 2), with its standard error. */
  batchNoise(request: { problem: Json<Problem>; w: NumberList; batch: number; seed?: number; draws: number }): { dim: number; draws: number; mean: Float64Array; sigma2: number; law: number; measured: number; standardError: number };
  /** The core's registry of optimizers, with each one's rule and parameters. */
  optimizers(): OptimizerInfo[];
  /** Whether text is a function the "expression" problem takes, or where and why not (`optlab expression`). */
  checkExpression(text: string): ExpressionCheck;
  /** Momentum's linear rate over a (γ, β) grid; with `colors` (RGBA entries) also an nLr × nBeta RGBA image. */
  rateMap(grid: { eigenvalues: NumberList; lr: [number, number]; beta: [number, number]; nLr: number; nBeta: number; colors?: Uint8Array | Uint8ClampedArray }, out?: Float64Array): RateMap & { image?: Uint8ClampedArray };
  /** The same map measured by simulating `steps` heavy-ball steps per cell. */
  simulatedRateMap(grid: { eigenvalues: NumberList; lr: [number, number]; beta: [number, number]; nLr: number; nBeta: number; steps: number }): RateMap;
  /** f on a grid: values[j * nx + i] at (x[i], y[j]); a 1D problem takes only x and nx. */
  valueGrid(problem: Json<Problem>, grid: { x: [number, number]; y?: [number, number]; nx: number; ny?: number }): Float64Array;
  /** Iso-lines by marching squares: five numbers per segment (level index, x1, y1, x2, y2 in grid units). */
  isolines(values: NumberList, nx: number, ny: number, levels: NumberList, tolerance?: number): Float64Array;
  /** Momentum's linear rate on a quadratic with these eigenvalues. */
  momentumRate(eigenvalues: NumberList, lr: number, beta: number): number;
  nesterovRate(eigenvalues: NumberList, lr: number, beta: number): number;
  /** The (γ, β) map's lines: the divergent edge γL = 2(1 + β) and, per eigenvalue, its critical-damping curve up to that edge; (γ, β) pairs interleaved. */
  momentumBoundaries(map: { eigenvalues: NumberList; lr: [number, number]; beta: [number, number]; samples?: number; edgeSegments?: number }): { edge: Float64Array; nesterovEdge: Float64Array; damping: Float64Array[] };
  /** The map's region at (γ, β), from the exact rate. */
  momentumRegion(eigenvalues: NumberList, lr: number, beta: number): MomentumRegion;
  /** The regions of a grid in one call: [j * lrs.length + i] at (lrs[i], betas[j]). */
  momentumRegions(eigenvalues: NumberList, lrs: NumberList, betas: NumberList): MomentumRegion[];
  /** How a path of iterates (rows of dim numbers) behaves over rows from … to: the mean distance to point, the mean step, the path's length. */
  pathStats(w: NumberList, dim: number, point: NumberList, from: number, to: number): { distance: number; step: number; length: number };
  /** Polyak's optimal (γ*, β*) and its rate for eigenvalues in [mu, L]. */
  optimalMomentum(mu: number, L: number): { lr: number; beta: number; rate: number };
  /** Gradient descent's best step 2/(μ + L) for these eigenvalues, and its rate. */
  optimalGradientDescent(eigenvalues: NumberList): { lr: number; rate: number };
  /** Steps until an error shrinking by `rate` is below `target` of its start; null if it does not shrink. */
  stepsToTarget(rate: number, target: number): number | null;
  /** n points from lo to hi evenly spaced in log, identical on every target. */
  logspace(lo: number, hi: number, n: number): Float64Array;
}

/** Register the element as `tag` (default "optlab-figure"); returns the class registered. */
export declare function define(tag?: string): typeof OptlabFigure;
/** Where the built site lives (for links and iframe code); the one-script build sets it from its own URL. */
export declare function setSite(url: string): void;
/** The one optimizer core all figures of the page share. */
export declare function sharedCore(): Promise<OptlabCore>;
export declare const sceneNames: SceneName[];

declare global {
  interface HTMLElementTagNameMap {
    'optlab-figure': OptlabFigure;
  }
  /** The one-script build's global. */
  var optlab: { OptlabFigure: typeof OptlabFigure; define: typeof define; sharedCore: typeof sharedCore; sceneNames: SceneName[] } | undefined;
}
