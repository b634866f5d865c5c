// Types of optlab's embeddable figures (the ES module dist/optlab-embed.mjs
// and the global `optlab` of the one-script build dist/optlab-embed.js).

/** The figures of the lesson, by scene name. */
export type SceneName =
  | 'step-sizes' | 'sgd-cloud' | 'annealing' | 'momentum'
  | 'beta-effect' | 'rate-map' | 'noise-smoothing' | 'lbfgs';

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

/** Per scene: parameters (numbers as decimal text, points as "w1,w2") and their ranges. */
export interface SceneAttributes {
  'step-sizes': { a?: string /* [0.001, 1000] */; lr?: string /* [0.0078125/a, 4/a] */; w0?: string /* [-10, 10] */; steps?: string /* 1..200 */ };
  'sgd-cloud': { n?: string /* 2..200 examples */; condition?: string /* [1, 100] */; noise?: string /* [0, 5] */; data_seed?: string; lr?: string /* (0, 1] */; batch?: string /* 1..n */; w0?: string /* in the view [-2.5, 3.5] × [-1.5, 4] */; seed?: string /* 0..2^53−1 */; steps?: string /* 1..1000 */ };
  annealing: { lr?: string /* [0.01, 0.5] */; batch?: string /* 1..16 */; runs?: string /* 1..2000 */; seed?: string; steps?: string /* 1..5000 */ };
  momentum: { curvature?: string /* "a1,a2": A = diag(a1, a2), each in [0.1, 100] */; lr?: string /* [0.001, 1] */; beta?: string /* [0, 0.99] */; w0?: string /* in [-1.6, 1.6]² */; steps?: string /* 1..1000 */ };
  'beta-effect': { curvature?: string; lr?: string /* [0.001, 1], γ(1 − β) when locked */; lock?: 'on' | 'off'; steps?: string /* 1..1000 */ };
  'rate-map': { curvature?: string; lr?: string /* [0.001, 1] */; beta?: string /* [0, 0.99] */ };
  'noise-smoothing': { curvature?: string; lr?: string /* (0, 1] */; beta?: string /* [0, 0.99] */; noise?: string /* [0, 10] */; w0?: string; seed?: string; steps?: string /* 1..1000 */ };
  lbfgs: { problem?: 'rosenbrock' | 'bowl'; memory?: string /* 1..50 */; w0?: string /* in the problem's view */; steps?: string /* 1..1000 */ };
}

/** The names accepted in `controls`, per scene. */
export interface ControlsOf {
  'step-sizes': 'lr' | 'player';
  'sgd-cloud': 'batch' | 'seed' | 'player';
  annealing: 'lr' | 'batch' | 'seed' | 'player';
  momentum: 'lr' | 'beta' | 'heavy-ball' | 'player';
  'beta-effect': 'lr' | 'lock' | 'player';
  'rate-map': 'best';
  'noise-smoothing': 'beta' | 'seed' | 'player';
  lbfgs: 'problem' | 'player';
}

export type FigureAttributes<S extends SceneName = SceneName> = CommonAttributes & { scene: S } & SceneAttributes[S];

/** A figure's parameters as they stand (numbers, points as [w1, w2]). */
export type FigureState = Record<string, number | string | [number, number]>;

/** The core's scenario contract (what `optlab run` reads). */
export interface Scenario {
  problem: { kind: string; [parameter: string]: unknown };
  optimizer: { kind: 'gd' | 'sgd' | 'momentum' | 'heavy_ball' | 'nesterov' | 'lbfgs'; lr?: number; beta?: number; batch?: number; memory?: number };
  w0: number[];
  steps: number;
  seed?: number;
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
  /** The scenario of the figure's main run. */
  scenario(): Scenario | null;
  /** The standalone page of this figure in this state and language (its URL carries lang=). */
  link(): string;
}

/** Register the element as `tag` (default "optlab-figure"); returns the class registered. */
export declare function define(tag?: string): typeof OptlabFigure;
/** Where the built site lives (for links and iframe code); the one-script build sets it from its own URL. */
export declare function setSite(url: string): void;
/** The one optimizer core all figures of the page share. */
export declare function sharedCore(): Promise<unknown>;
export declare const sceneNames: SceneName[];

/** Events: 'optlab-ready', 'optlab-change' (detail.state) and 'optlab-error' (detail.messages), all bubbling. */
export interface OptlabFigureEventMap {
  'optlab-ready': CustomEvent<void>;
  'optlab-change': CustomEvent<{ state: FigureState }>;
  'optlab-error': CustomEvent<{ messages: string[] }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'optlab-figure': OptlabFigure;
  }
  /** The one-script build's global. */
  var optlab: { OptlabFigure: typeof OptlabFigure; define: typeof define; sharedCore: typeof sharedCore; sceneNames: SceneName[] } | undefined;
}
