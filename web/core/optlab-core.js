// The one way the page and the node tests load the optlab core.
//
// The wasm module is a classic script built by Emscripten (wasm inlined, so
// it loads from file:// and under a strict CSP). In a page it defines the
// global factory `OptlabCoreFactory`; in node, require() returns it. Either
// way, pass the factory to loadCore() and use the object it resolves to.

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
   * Call the module's function `name`. A binding returns an Error object for
   * bad input, thrown here; an exception from JavaScript that crossed the
   * wasm frames (a caller's getter or Proxy that throws) left the wasm stack
   * pointer where those frames had moved it, so it is put back.
   */
  _call(name, ...args) {
    const top = this.module.stackSave();
    let result;
    try {
      result = this.module[name](...args);
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
    return this._call('partGradients', this._text(problem), w);
  }

  /**
   * Momentum's linear rate over a (γ, β) grid: γ log-spaced in lr = [min, max],
   * β evenly spaced in beta = [min, max]; rate[j * nLr + i] is at (lr[i], beta[j]).
   * Pass `out` (a Float64Array of nLr * nBeta) to reuse one array while
   * redrawing: a fresh 512 KB array per frame costs page faults and GC.
   * With `colors` (RGBA bytes, entry 0 slow, last fast) the map comes with
   * `image`, an nLr × nBeta RGBA Uint8ClampedArray with β growing upwards:
   * each cell coloured by −log10(1 − rate) from 0 to 3; divergent cells
   * take entry 0, the slowest (draw the divergent region over them).
   */
  rateMap({ eigenvalues, lr, beta, nLr, nBeta, colors }, out) {
    const map = this._call('rateMapView', eigenvalues, lr[0], lr[1], nLr, beta[0], beta[1], nBeta, colors);
    // `rate` and `image` are views of the wasm heap, valid only until the
    // next call: copy them now.
    if (out === undefined) {
      map.rate = map.rate.slice();
    } else {
      if (!(out instanceof Float64Array) || out.length !== map.rate.length) {
        throw new Error(`rateMap: out must be a Float64Array of nLr * nBeta = ${map.rate.length} numbers`);
      }
      out.set(map.rate);
      map.rate = out;
    }
    if (map.image) map.image = new Uint8ClampedArray(map.image);
    return map;
  }

  /** The same map measured by simulating `steps` heavy-ball steps per cell. */
  simulatedRateMap({ eigenvalues, lr, beta, nLr, nBeta, steps }) {
    return this._call('simulatedRateMap', eigenvalues, lr[0], lr[1], nLr, beta[0], beta[1], nBeta, steps);
  }

  /**
   * f of a 2D problem on a grid: values[j * nx + i] at (x[i], y[j]), evenly
   * spaced. For a 1D problem give only x and nx: f along the line.
   */
  valueGrid(problem, { x, y = [0, 1], nx, ny = 1 }) {
    return this._call('valueGrid', this._text(problem), x[0], x[1], nx, y[0], y[1], ny);
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

  momentumRate(eigenvalues, lr, beta) {
    return this._call('momentumRate', eigenvalues, lr, beta);
  }

  /** Polyak's optimal (γ*, β*) and its rate for eigenvalues in [mu, L]. */
  optimalMomentum(mu, L) {
    return this._call('optimalMomentum', mu, L);
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
