// The one way the page and the node tests load the optlab core.
//
// The wasm module is a classic script built by Emscripten (wasm inlined, so
// it loads from file:// and under a strict CSP). In a page it defines the
// global factory `OptlabCoreFactory`; in node, require() returns it. Either
// way, pass the factory to loadCore() and use the object it resolves to.

// A caller's array as the core may read it without running the caller's
// code. A getter or Proxy that throws while the core reads it would unwind
// through the wasm frames, and what they had allocated (the scenario's text,
// the copy being made) would never be freed. So every array is copied here,
// in JavaScript, first: an array or Proxy through its own getters, with
// anything but a primitive in it replaced by a plain object (which the core
// refuses by name); a typed array through the intrinsic accessors, which no
// own property can shadow. An array longer than any the core takes is
// passed as an empty array of the same length, for the core's message.
const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedLength = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length').get;
const typedName = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const typedArrays = new Map([Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array].map((type) => [type.name, type]));
const primitive = (x) => x === null || (typeof x !== 'object' && typeof x !== 'function');

// Whether `value` is a Float64Array as the platform makes it: its class
// read through the built-in getter (which a Proxy or a look-alike fails),
// its prototype the platform's, and no set or length of its own.
function plainFloat64Array(value) {
  try {
    return typedName.call(value) === 'Float64Array' && Object.getPrototypeOf(value) === Float64Array.prototype
      && !Object.hasOwn(value, 'set') && !Object.hasOwn(value, 'length');
  } catch {
    return false;
  }
}

// An argument the wrapper itself has checked and hands to the core as it
// is (an output array the core fills), where every other one is copied.
class Trusted {
  constructor(value) {
    this.value = value;
  }
}

function snapshot(value, most) {
  if (primitive(value)) return value;
  const kind = typedArrays.get(typedName.call(value));
  if (kind) {
    const length = typedLength.call(value);
    if (length > most) return new Array(length);
    const copy = new kind(length);
    copy.set(value);
    return copy;
  }
  if (!Array.isArray(value)) return {};
  const length = value.length;
  if (!(Number.isSafeInteger(length) && length >= 0 && length < 2 ** 32)) return [];
  if (length > most) return new Array(length);
  const copy = new Array(length);
  for (let i = 0; i < length; i++) {
    const x = value[i];
    copy[i] = primitive(x) ? x : {};
  }
  return copy;
}

// A list for a JSON request, for the core to judge: a typed array as a plain
// array (JSON.stringify would write it as an object), and a number JSON
// cannot hold (NaN, ±Infinity) as its name, so the message quotes it
// instead of the null JSON would make of it.
function list(value) {
  if (primitive(value)) return value;
  const copy = snapshot(value, 1 << 20);
  if (!Array.isArray(copy) && !typedArrays.has(typedName.call(copy))) return copy;
  return Array.from(copy, (x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}

export class OptlabCore {
  /** @param {object} module the instantiated Emscripten module */
  constructor(module) {
    this.module = module;
    this.limits = module.limits();
  }

  /**
   * A scenario or problem as JSON text. Its size is checked before it is
   * copied into the wasm heap: a string of n UTF-16 units has at least n
   * bytes of UTF-8, so a longer one than the core's limit is refused here,
   * and the core refuses the rest by their bytes.
   */
  _text(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (typeof text !== 'string') throw new Error('the scenario must be a JSON object or its text');
    const most = this.limits.maxDocumentBytes;
    if (text.length > most) throw new Error(`the scenario has more than ${most} bytes, the most a scenario may have`);
    return text;
  }

  /**
   * Every optimizer of the core's registry: [{name, rule, lr, batch,
   * params: [{name, min, max, minOpen, maxOpen, default, integer}]}]
   * (what `optlab optimizers` prints).
   */
  optimizers() {
    return JSON.parse(this.module.optimizers());
  }

  /**
   * Whether `text` is a function the expression problem takes:
   * {ok: true, operations, uses_w2} or {ok: false, error: {code, column,
   * found, expected, suggestion, times, limit, count, message}} (what
   * `optlab expression` prints). Of a text too long to be one, only the
   * start is copied into the core: enough characters to be too many.
   */
  checkExpression(text) {
    if (typeof text !== 'string') throw new TypeError('optlab: checkExpression takes a string');
    // A character is one or two UTF-16 code units: 2·limit + 2 units hold
    // more than `limit` characters before any pair this cut may split.
    const most = 2 * this.limits.maxExpressionLength + 2;
    return JSON.parse(this.module.checkExpression(text.length > most ? text.slice(0, most) : text));
  }

  /** Bytes the core's allocator holds now (rejected calls keep none). */
  memoryInUse() {
    return this.module.memoryInUse();
  }

  /**
   * Call the module's function `name`. A binding returns an Error object for
   * bad input, thrown here; an exception from JavaScript that crossed the
   * wasm frames (a caller's getter or Proxy that throws) left the wasm stack
   * pointer where those frames had moved it, so it is put back.
   */
  _call(name, ...args) {
    const plain = args.map((value) => (value instanceof Trusted ? value.value : snapshot(value, this.limits.maxGridCells)));
    const top = this.module.stackSave();
    let result;
    try {
      result = this.module[name](...plain);
    } catch (error) {
      this.module.stackRestore(top);
      throw error;
    }
    if (result instanceof Error) throw result;
    return result;
  }

  /** The scenario contract as text: JSON in, JSON out (throws Error on bad input). */
  runJson(scenarioText) {
    if (typeof scenarioText !== 'string') throw new Error('runJson takes the scenario as JSON text');
    return this._call('run', this._text(scenarioText));
  }

  /** The scenario contract as objects. */
  run(scenario) {
    return JSON.parse(this._call('run', this._text(scenario)));
  }

  /**
   * A run as typed arrays (copies, safe to keep): w and wAvg are row-major
   * with `dim` columns; batches is row-major with `batch` columns or null.
   */
  trace(scenario) {
    return this._call('trace', this._text(scenario));
  }

  /**
   * Where each of `runs` seeded runs of the scenario ends (run r seeded from
   * seed and r): {dim, w, diverged}. With `firstRun`, runs firstRun ..
   * firstRun + runs − 1, so that many runs can be computed a few at a time.
   */
  finalPositions(scenario, runs, firstRun) {
    return this._call('finalPositions', this._text(scenario), runs, firstRun);
  }

  /** The double well's two local minima and the ridge between them: {deep, shallow, ridge}. */
  doubleWellPoints(problem) {
    return this._call('doubleWellPoints', this._text(problem));
  }

  /**
   * The scenario once per step size in `lrs`: {loss, divergedAt} with f at
   * the last iterate and the step each run diverged at (-1 if it did not).
   */
  lossSweep(scenario, lrs) {
    return this._call('lossSweep', this._text(scenario), lrs);
  }

  /** ∇f_i(w) for every part of a finite-sum problem, as n rows of dim numbers. */
  partGradients(problem, w) {
    return this._call('partGradients', this._text({ problem, w: list(w) }));
  }

  /**
   * The gradients g_d the first SGD steps from w would see, `draws` rows of
   * dim numbers: draw d is the gradient of run d's first step in
   * finalPositions (seed derived from seed and d), batch B examples each.
   */
  batchGradients({ problem, w, batch, seed = 0, draws }) {
    return this._call('batchGradients', this._text({ problem, w: list(w), batch, seed, draws }));
  }

  /**
   * The noise σξ_k the gradient of step k of a run seeded with `seed` gets
   * on a problem with gradient noise and without batches, `steps` rows of
   * dim numbers: that step's gradient is ∇f(w_k) + σξ_k, whatever the optimizer.
   */
  gradientNoise({ problem, seed = 0, steps }) {
    return this._call('gradientNoise', this._text({ problem, seed, steps }));
  }

  /**
   * The mini-batch gradient's noise at w, for the same request as
   * batchGradients (draws ≥ 2): {dim, draws, mean, sigma2, law, measured,
   * standardError}. mean is ∇f(w), the mean of the parts' gradients; sigma2
   * their spread (1/n) Σ ‖∇f_i − ∇f‖²; law σ²/B · (n − B)/(n − 1), the
   * variance of g_B drawn without replacement; measured the mean of
   * ‖g_d − ∇f‖² over the draws, and standardError its standard error.
   */
  batchNoise({ problem, w, batch, seed = 0, draws }) {
    return this._call('batchNoise', this._text({ problem, w: list(w), batch, seed, draws }));
  }

  /**
   * Momentum's linear rate over a (γ, β) grid: γ log-spaced in lr = [min, max],
   * β evenly spaced in beta = [min, max]; rate[j * nLr + i] is at (lr[i], beta[j]).
   * With `out` (a Float64Array of nLr * nBeta) the rates are written there.
   * With `colors` (RGBA bytes, entry 0 slow, last fast) the map comes with
   * `image`, an nLr × nBeta RGBA Uint8ClampedArray with β growing upwards:
   * each cell coloured by −log10(1 − rate) from 0 to 3; divergent cells
   * take entry 0, the slowest (draw the divergent region over them).
   */
  rateMap({ eigenvalues, lr, beta, nLr, nBeta, colors }, out) {
    const text = this._text({ eigenvalues: list(eigenvalues), lr, nLr, beta, nBeta });
    if (out === undefined) return this._call('rateMap', text, colors, undefined);
    // The core writes into `out` itself, so it is passed as it is, not
    // copied as every other argument is: only a plain Float64Array, whose
    // set() and length are the platform's (not a Proxy, a subclass or an
    // array with a set or length of its own, which would be handed a view
    // of the core's memory); the core checks its length.
    if (!plainFloat64Array(out)) throw new Error('rateMap: out must be a Float64Array of nLr * nBeta numbers');
    return this._call('rateMap', text, colors, new Trusted(out));
  }

  /** The same map measured by simulating `steps` heavy-ball steps per cell. */
  simulatedRateMap({ eigenvalues, lr, beta, nLr, nBeta, steps }) {
    return this._call('simulatedRateMap', this._text({ eigenvalues: list(eigenvalues), lr, nLr, beta, nBeta, steps }));
  }

  /**
   * f of a 2D problem on a grid: values[j * nx + i] at (x[i], y[j]), evenly
   * spaced. For a 1D problem give only x and nx: f along the line.
   */
  valueGrid(problem, { x, nx, y, ny }) {
    return this._call('valueGrid', this._text({ problem, x, nx, y, ny }));
  }

  /**
   * Iso-lines of grid samples (values[j * nx + i], e.g. from valueGrid) by
   * marching squares: a Float64Array of five numbers per segment, the
   * level's index and (x1, y1, x2, y2) in grid coordinates. Segments come
   * line by line: one whose (x1, y1) is the previous one's (x2, y2)
   * continues that line. tolerance (grid units, 0 to 1; default 0: every
   * point) keeps of each line only the points needed to stay within it.
   */
  isolines(values, nx, ny, levels, tolerance = 0) {
    return this._call('isolines', values, nx, ny, levels, tolerance);
  }

  /** Momentum's (heavy ball's) rate at one (γ, β): the largest spectral radius of its iteration over the eigenvalues. */
  momentumRate(eigenvalues, lr, beta) {
    return this._call('momentumRate', eigenvalues, lr, beta);
  }

  /** Nesterov's rate at one (γ, β), from its own iteration: below 1 only for γL < 2(1 + β)/(1 + 2β). */
  nesterovRate(eigenvalues, lr, beta) {
    return this._call('nesterovRate', eigenvalues, lr, beta);
  }

  /**
   * The (γ, β) map's lines, for eigenvalues with largest L: {edge, damping}.
   * edge: the divergent region's edge γL = 2(1 + β), edgeSegments + 1 points
   * with β evenly over beta = [min, max]; damping: for each eigenvalue λ (in
   * the order given) the critical-damping curve β = (1 − √(γλ))², γ
   * log-spaced from lr[0] to min(lr[1], 1/λ) in `samples` steps and cut
   * where it enters the divergent region. Points as interleaved (γ, β)
   * pairs in Float64Arrays.
   */
  momentumBoundaries({ eigenvalues, lr, beta, samples = 200, edgeSegments = 64 }) {
    return this._call('momentumBoundaries', this._text({ eigenvalues: list(eigenvalues), lr, beta, samples, edgeSegments }));
  }

  /** The map's region at (γ, β) from the exact rate: 'monotone', 'ripples' or 'divergent'. */
  momentumRegion(eigenvalues, lr, beta) {
    return this._call('momentumRegion', eigenvalues, lr, beta);
  }

  /**
   * The regions of a whole grid in one call: an array of lrs.length ×
   * betas.length names, [j * lrs.length + i] at (lrs[i], betas[j]).
   */
  momentumRegions(eigenvalues, lrs, betas) {
    const { names, codes } = this._call('momentumRegionGrid', eigenvalues, lrs, betas);
    return Array.from(codes, (code) => names[code]);
  }

  /** Polyak's optimal (γ*, β*) and its rate for eigenvalues in [mu, L]. */
  optimalMomentum(mu, L) {
    return this._call('optimalMomentum', mu, L);
  }

  /** Gradient descent's best step 2/(μ + L) for these eigenvalues, and its rate: {lr, rate}. */
  optimalGradientDescent(eigenvalues) {
    return this._call('optimalGradientDescent', eigenvalues);
  }

  /** ⌈log target / log rate⌉: steps until an error shrinking by `rate` is below `target` of its start; null if it does not shrink. */
  stepsToTarget(rate, target) {
    return this._call('stepsToTarget', rate, target);
  }

  /**
   * How a path of iterates (a trace's w, rows of `dim` numbers) behaves
   * over rows from … to: {distance, step, length}, the mean distance to
   * `point`, the mean length of the steps that end there, and their sum.
   */
  pathStats(w, dim, point, from, to) {
    return this._call('pathStats', w, dim, point, from, to);
  }

  /** n points from lo to hi evenly spaced in log, identical on every target. */
  logspace(lo, hi, n) {
    return this._call('logspace', lo, hi, n);
  }
}


/**
 * Instantiate the core. `factory` is the Emscripten factory: the global
 * `OptlabCoreFactory` in a page, `require('.../optlab_core.js')` in node.
 */
export async function loadCore(factory = globalThis.OptlabCoreFactory) {
  if (typeof factory !== 'function') {
    throw new Error('optlab: the core script optlab_core.js must be loaded before loadCore() is called');
  }
  return new OptlabCore(await factory());
}
