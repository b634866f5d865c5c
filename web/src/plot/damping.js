// The (γ, β) map's lines, in the plane's own numbers: the divergent
// region's edge, and the critical-damping curves. Along an eigen-direction
// of curvature λ, momentum's two roots are real below β = (1 − √(γλ))²
// (γλ ≤ 1) and complex above it: the line between a monotone approach and
// ripples. It means that only where the run converges, γL < 2(1 + β) for
// the largest curvature L; there the curve stops.

/** The divergent region's edge: the γ at which the rate reaches 1 for β, γL = 2(1 + β). */
export const divergentFrom = (beta, L) => (2 * (1 + beta)) / L;

/** The critical-damping β for γ and one curvature λ (γλ ≤ 1). */
export const damped = (lr, lambda) => (1 - Math.sqrt(lr * lambda)) ** 2;
const diverges = (lr, lambda, L) => lr * L >= 2 * (1 + damped(lr, lambda));

/**
 * Points [γ, β] of λ's curve, γ log-spaced from lrRange[0] to
 * min(lrRange[1], 1/λ) in `samples` steps, cut where it enters the
 * divergent region (found by bisection, so the last point sits on its
 * edge). Along the curve β falls as γ grows, so it enters once.
 */
export function criticalDamping(lambda, L, lrRange, samples = 200) {
  const at = (i) => lrRange[0] * (Math.min(lrRange[1], 1 / lambda) / lrRange[0]) ** (i / samples);
  const points = [];
  for (let i = 0; i <= samples; i++) {
    let lr = at(i);
    if (diverges(lr, lambda, L)) {
      if (i === 0) break;
      let lo = at(i - 1);
      for (let b = 0; b < 50; b++) {
        const mid = Math.sqrt(lo * lr);
        if (diverges(mid, lambda, L)) lr = mid;
        else lo = mid;
      }
      points.push([lo, damped(lo, lambda)]);
      break;
    }
    points.push([lr, damped(lr, lambda)]);
  }
  return points;
}
