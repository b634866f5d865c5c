// The gradients a step sees, one by one: every part's ∇f_i(w) of a finite
// sum, and the mini-batch gradients g_B that SGD steps from w would draw.
#pragma once

#include <cstdint>
#include <vector>

#include "problems/problem.hpp"

namespace optlab {

// ∇f_i(w) for i = 0..n−1, row-major (n rows of dim numbers).
std::vector<double> part_gradients(const Problem& problem, const Vector& w);

// `draws` gradients as the optimizer sees them at w with batch B (0: the
// full gradient; plus the problem's gradient noise), row-major. Draw d uses
// the seed Rng::derive(seed, d): exactly the gradient of the first step of
// run d of final_positions with the same seed, so w − γ g_d is where that
// run's one step ends.
std::vector<double> batch_gradients(const Problem& problem, const Vector& w, int batch, std::uint64_t seed,
                                    int draws);

// The noise σξ_k that the gradient of step k (k = 0 … steps − 1) of a run
// seeded with `seed` gets, on a problem with gradient noise σ > 0 and
// without mini-batches: that step's gradient is ∇f(w_k) + σξ_k, whatever the
// optimizer (the draws do not depend on w), row-major, steps rows of dim.
// With it an independent implementation (the notebook's numpy and torch)
// can follow a noisy run of the core exactly.
std::vector<double> gradient_noise(const Problem& problem, std::uint64_t seed, int steps);

// How noisy the mini-batch gradient g_B is at w, as the lecture states it
// and as draws of it measure it. The full gradient ∇f(w) is the mean of the
// parts' gradients; σ² = (1/n) Σ ‖∇f_i(w) − ∇f(w)‖² their spread. Drawn
// without replacement, g_B has variance E‖g_B − ∇f‖² = σ²/B · (n − B)/(n − 1)
// (the law); `measured` is the mean of ‖g_d − ∇f‖² over the draws of
// batch_gradients (same seed, so draw d is run d's first step), and
// `standard_error` that mean's standard error, √(s²/draws) with s² the
// squares' sample variance: how far from the law the measurement may
// fairly land. draws ≥ 2.
struct BatchNoise {
  Vector mean;
  double sigma2 = 0.0;
  double law = 0.0;
  double measured = 0.0;
  double standard_error = 0.0;
};
BatchNoise batch_noise(const Problem& problem, const Vector& w, int batch, std::uint64_t seed, int draws);

}  // namespace optlab
