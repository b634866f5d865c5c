// The plain-JavaScript peer: the same two workloads written the way a web
// author would without a wasm core (a 32-bit xoshiro128** generator, typed
// arrays, state in locals). Its numbers are not bit-identical to the core's
// (another generator, Math.exp/log), only the same amount of work.

// xoshiro128** (Blackman & Vigna) seeded by SplitMix32; returns [0, 1).
function makeUniform(seed) {
  let x = seed >>> 0;
  const next32 = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32(), b = next32(), c = next32(), d = next32();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}
function rotl(x, k) { return (x << k) | (x >>> (32 - k)); }

/** SGD on the double well: final positions of `runs` runs (1D, batch drawn without replacement). */
export function monteCarlo({ problem, lr, batch, w0, steps, runs, seed }) {
  const { n, tilt, spread } = problem;
  const offset = new Float64Array(n);
  for (let i = 0; i < n; i++) offset[i] = (spread * (2 * i - (n - 1))) / (n - 1);
  const pool = new Int32Array(n);
  const final = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    const uniform = makeUniform(seed * 7919 + r);
    for (let i = 0; i < n; i++) pool[i] = i;
    let w = w0;
    for (let k = 0; k < steps; k++) {
      let g = 0;
      for (let j = 0; j < batch; j++) {
        const pick = j + Math.floor(uniform() * (n - j));
        const tmp = pool[j]; pool[j] = pool[pick]; pool[pick] = tmp;
        g += w * (w * w - 1) + (tilt + offset[pool[j]]);
      }
      w -= (lr * g) / batch;
      if (!(Math.abs(w) <= 1e10)) break;
    }
    final[r] = w;
  }
  return final;
}

function grid({ lr, beta, nLr, nBeta }) {
  const lrs = new Float64Array(nLr), betas = new Float64Array(nBeta);
  const l0 = Math.log(lr[0]), l1 = Math.log(lr[1]);
  for (let i = 0; i < nLr; i++) lrs[i] = Math.exp(l0 + ((l1 - l0) * i) / (nLr - 1));
  for (let j = 0; j < nBeta; j++) betas[j] = beta[0] + ((beta[1] - beta[0]) * j) / (nBeta - 1);
  return { lrs, betas };
}

/** Momentum's rate from the closed form (spectral radius per eigenvalue). */
export function rateMapClosed(config) {
  const { eigenvalues, nLr, nBeta } = config;
  const { lrs, betas } = grid(config);
  const rate = new Float64Array(nLr * nBeta);
  for (let j = 0; j < nBeta; j++) {
    const beta = betas[j];
    for (let i = 0; i < nLr; i++) {
      let worst = 0;
      for (const lambda of eigenvalues) {
        const t = 1 + beta - lrs[i] * lambda;
        const disc = t * t - 4 * beta;
        const r = disc < 0 ? Math.sqrt(beta) : 0.5 * (Math.abs(t) + Math.sqrt(disc));
        if (r > worst) worst = r;
      }
      rate[j * nLr + i] = worst;
    }
  }
  return rate;
}

/** The same map by simulating `steps` heavy-ball steps per cell and eigenvalue. */
export function rateMapSimulated(config) {
  const { eigenvalues, nLr, nBeta, simulatedSteps: steps } = config;
  const window = steps >> 1;
  const { lrs, betas } = grid(config);
  const rate = new Float64Array(nLr * nBeta);
  for (let j = 0; j < nBeta; j++) {
    for (let i = 0; i < nLr; i++) {
      let worst = 0;
      for (const lambda of eigenvalues) {
        let w = 1, prev = 1, logScale = 0, logStart = 0;
        const a = 1 - lrs[i] * lambda, beta = betas[j];
        for (let k = 1; k <= steps; k++) {
          const next = a * w + beta * (w - prev);
          prev = w; w = next;
          if ((k & 15) === 0) {
            const m = Math.abs(w) + Math.abs(prev);
            if (m > 1e20 || (m < 1e-20 && m > 0)) { w /= m; prev /= m; logScale += Math.log(m); }
          }
          if (k === steps - window) logStart = logScale + Math.log(Math.hypot(w, prev));
        }
        const end = Math.hypot(w, prev);
        if (end > 0) worst = Math.max(worst, Math.exp((logScale + Math.log(end) - logStart) / window));
      }
      rate[j * nLr + i] = worst;
    }
  }
  return rate;
}
