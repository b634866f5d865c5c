// Linear rate of momentum on a quadratic (Polyak 1964; Goh, "Why Momentum
// Really Works", Distill 2017). Along an eigenvector with eigenvalue λ the
// heavy-ball iteration is (w_{k+1}, w_k) = M (w_k, w_{k−1}) with
//
//   M = [[1 + β − γλ, −β],
//        [1,           0]],
//
// so the error shrinks like ρ(M)^k. The rate of the run is the largest ρ(M)
// over the eigenvalues of A. β = 0 gives gradient descent, ρ = |1 − γλ|.
// The rates use + − × ÷ and sqrt only: they run in O(cells), cheap enough
// to redraw a (γ, β) map while a point is dragged, and are the same on
// every target. Only the heatmap's colour index (rate_map_image) takes a
// log10, which picks a colour, never a number anyone reads.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/portable_math.hpp"
#include "core/types.hpp"

namespace optlab {

// ρ(M) for one eigenvalue: the roots of z² − t z + β, t = 1 + β − γλ.
inline double momentum_rate(double lr, double beta, double lambda) {
  const double t = 1.0 + beta - lr * lambda;
  const double disc = t * t - 4.0 * beta;
  if (disc < 0.0) return std::sqrt(beta);  // complex pair, |z|² = β
  return 0.5 * (std::fabs(t) + std::sqrt(disc));
}

inline double momentum_rate(double lr, double beta, const Vector& eigenvalues) {
  double rate = 0.0;
  for (Eigen::Index i = 0; i < eigenvalues.size(); ++i) {
    const double r = momentum_rate(lr, beta, eigenvalues[i]);
    rate = r > rate ? r : rate;  // not std::fmax: a libc call in wasm
  }
  return rate;
}

// Nesterov's form (optimizers/nesterov.hpp) along an eigenvector with
// eigenvalue λ, with state (w_k, p_k) and x = γλ:
//
//   p_{k+1} = β p_k + λ w_k,   w_{k+1} = (1 − x(1 + β)) w_k − γβ² p_k,
//
// a 2×2 matrix with trace t = (1 + β)(1 − x) and determinant d = β(1 − x);
// its rate is the larger |root| of z² − t z + d. It stays below 1 only for
// x < 2(1 + β)/(1 + 2β), a smaller step than heavy ball's x < 2(1 + β): the
// best (γ, β) of heavy ball can be out of bounds for Nesterov.
inline double nesterov_rate(double lr, double beta, double lambda) {
  const double x = lr * lambda;
  const double t = (1.0 + beta) * (1.0 - x), d = beta * (1.0 - x);
  const double disc = t * t - 4.0 * d;
  if (disc < 0.0) return std::sqrt(d);  // complex pair (then d > 0), |z|² = d
  return 0.5 * (std::fabs(t) + std::sqrt(disc));
}

inline double nesterov_rate(double lr, double beta, const Vector& eigenvalues) {
  double rate = 0.0;
  for (Eigen::Index i = 0; i < eigenvalues.size(); ++i) {
    const double r = nesterov_rate(lr, beta, eigenvalues[i]);
    rate = r > rate ? r : rate;
  }
  return rate;
}

// The largest γ at which Nesterov's rate stays below 1 for a largest
// eigenvalue L: γL = 2(1 + β)/(1 + 2β).
inline double nesterov_stable_lr(double beta, double L) { return 2.0 * (1.0 + beta) / ((1.0 + 2.0 * beta) * L); }

struct MomentumOptimum {
  double lr, beta, rate;
};

// The (γ*, β*) minimising the rate over eigenvalues in [μ, L] (Polyak):
// γ* = 4 / (√L + √μ)², β* = ((√κ − 1)/(√κ + 1))², rate √β*, κ = L/μ.
inline MomentumOptimum optimal_momentum(double mu, double L) {
  const double sl = std::sqrt(L), sm = std::sqrt(mu);
  const double r = (sl - sm) / (sl + sm);
  return {4.0 / ((sl + sm) * (sl + sm)), r * r, r};
}

// Gradient descent's best step for eigenvalues in [μ, L] (β = 0): γ = 2/(μ + L)
// balances the two extreme curvatures, |1 − γμ| = |1 − γL| = (L − μ)/(L + μ).
// The rate is momentum_rate's at that step, over the given eigenvalues.
inline MomentumOptimum optimal_gradient_descent(const Vector& eigenvalues) {
  const double lr = 2.0 / (eigenvalues.minCoeff() + eigenvalues.maxCoeff());
  return {lr, 0.0, momentum_rate(lr, 0.0, eigenvalues)};
}

// Steps until an error that shrinks by `rate` each step is below `target`
// of where it started: ⌈log target / log rate⌉, for 0 < rate < 1 and
// 0 < target < 1; none for a rate that does not shrink it (or is 0).
inline std::optional<int> steps_to_target(double rate, double target) {
  if (!(rate > 0.0 && rate < 1.0) || !(target > 0.0 && target < 1.0)) return std::nullopt;
  const double steps = std::ceil(portable_log(target) / portable_log(rate));
  if (!(steps <= 2147483647.0)) return std::nullopt;
  return static_cast<int>(steps);
}

// A (γ, β) grid: γ log-spaced over [lr_lo, lr_hi] (portable_logspace, the
// same numbers on every target), β evenly over [beta_lo, beta_hi].
struct RateGrid {
  Vector eigenvalues;
  std::vector<double> lrs, betas;
  RateGrid(Vector eigenvalues, double lr_lo, double lr_hi, int n_lr, double beta_lo, double beta_hi, int n_beta);
};

// The exact rate of every cell, rate[j * lrs.size() + i] at (lrs[i], betas[j]).
std::vector<double> momentum_rate_map(const RateGrid& grid);
// The rate of every cell measured by simulate_momentum_rate over `steps`
// steps (window steps / 2).
std::vector<double> simulated_rate_map(const RateGrid& grid, int steps);
// The (γ, β) map's lines and regions. The largest curvature L decides
// divergence: the rate reaches 1 on the edge γL = 2(1 + β). Along an
// eigen-direction of curvature λ, momentum's two roots are real below the
// critical damping β = (1 − √(γλ))² (γλ ≤ 1) and complex above it: the line
// between a monotone approach and ripples.
inline double divergent_edge_lr(double beta, double L) { return (2.0 * (1.0 + beta)) / L; }
inline double critical_damping_beta(double lr, double lambda) {
  const double d = 1.0 - std::sqrt(lr * lambda);
  return d * d;
}

// Points (γ, β) of the divergent region's edge for β evenly spaced over
// [beta_lo, beta_hi] in `segments` steps (segments + 1 points), as
// interleaved pairs.
std::vector<double> divergent_edge(double L, double beta_lo, double beta_hi, int segments);
// The same for Nesterov's form, whose edge is γL = 2(1 + β)/(1 + 2β)
// (nesterov_stable_lr), left of heavy ball's for every β > 0.
std::vector<double> nesterov_edge(double L, double beta_lo, double beta_hi, int segments);

// Points (γ, β) of λ's critical-damping curve, γ log-spaced from lr_lo to
// min(lr_hi, 1/λ) in `samples` steps, as interleaved pairs: only where runs
// converge, so the curve is cut where it enters the divergent region of the
// largest curvature L, its last point on that edge (found by bisection; along
// the curve β falls as γ grows, so it enters once). Empty if it starts there.
std::vector<double> critical_damping_curve(double lambda, double L, double lr_lo, double lr_hi, int samples);

// Which region of the map (γ, β) lies in, from the exact rate: divergent
// where the rate is not below 1; monotone where no eigen-direction rings,
// γλ ≤ 1 and β ≤ (1 − √(γλ))² for every λ, which the largest decides;
// ripples elsewhere.
enum class MomentumRegion : std::uint8_t { monotone, ripples, divergent };
MomentumRegion momentum_region(const Vector& eigenvalues, double lr, double beta);
std::string to_string(MomentumRegion region);

// The region of every point of a grid: out[j * n_lr + i] for (lrs[i], betas[j]).
void momentum_region_grid(const Vector& eigenvalues, const double* lrs, int n_lr, const double* betas, int n_beta,
                          MomentumRegion* out);

// Rates over a grid: out[j * n_lr + i] = rate(lrs[i], betas[j]).
void momentum_rate_map(const Vector& eigenvalues, const double* lrs, int n_lr, const double* betas, int n_beta,
                       double* out);

// The rate map as an RGBA image for a colour table of m RGBA entries
// (colors[4k..4k+3], entry 0 for slow, m − 1 for fast): image row r shows
// β row n_beta − 1 − r, so β grows upwards. A convergent cell takes entry
// round((m − 1)(1 − s)) for s = min(3, −log10(1 − rate)) / 3, i.e. by how
// many digits per step the error shrinks (rate 0: fastest, 0.999: slowest).
// A divergent cell (rate ≥ 1, or not a number) takes entry 0 too, the
// colour the rate tends to at the boundary, so a smoothed image has no grey
// fringe there: the page covers the divergent region with its exact
// boundary γλ = 2(1 + β). Done here because the page paints it while it
// starts, when JavaScript is still cold.
void rate_map_image(const double* rate, int n_lr, int n_beta, const std::uint8_t* colors, int m,
                    std::uint8_t* rgba);

// The rate measured by simulation: run the heavy-ball recursion for `steps`
// steps along each eigen-direction from (w_0, w_{−1}) = (1, 1) and return the
// largest per-step contraction (‖s_K‖ / ‖s_{K−window}‖)^(1/window) over the
// last `window` steps. The state is rescaled by powers of two (exact) so
// that neither fast nor divergent cells underflow or overflow.
double simulated_momentum_rate(double lr, double beta, const Vector& eigenvalues, int steps,
                               int window);

}  // namespace optlab
