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

}  // namespace optlab
