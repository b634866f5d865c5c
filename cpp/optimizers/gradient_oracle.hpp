// g_k, the gradient an optimizer sees at w_k:
//   the full gradient ∇f(w_k)                          (batch = 0), or
//   the mini-batch mean (1/B) Σ_{j∈B_k} ∇f_j(w_k)      (batch = B ≥ 1),
// plus σξ, ξ ~ N(0, I), when the problem has gradient noise σ > 0.
//
// B_k is B distinct indices drawn uniformly from 0..n−1 by a partial
// Fisher–Yates shuffle: without replacement within a step, independently
// across steps (each step's shuffle is uniform whatever order the pool was
// left in).
#pragma once

#include <numeric>

#include "core/rng.hpp"
#include "problems/problem.hpp"

namespace optlab {

class GradientOracle {
 public:
  GradientOracle(const Problem& problem, int batch, Rng& rng)
      : problem_(problem), batch_(batch), rng_(rng), pool_(batch > 0 ? problem.num_functions() : 0) {
    std::iota(pool_.begin(), pool_.end(), 0);
    drawn_.resize(static_cast<std::size_t>(batch));
  }

  void operator()(const Vector& w, Vector& g) {
    if (batch_ > 0) {
      const auto n = static_cast<std::uint32_t>(pool_.size());
      for (int j = 0; j < batch_; ++j) {
        const auto pick = static_cast<std::uint32_t>(j) + rng_.below(n - static_cast<std::uint32_t>(j));
        std::swap(pool_[static_cast<std::size_t>(j)], pool_[pick]);
        drawn_[static_cast<std::size_t>(j)] = pool_[static_cast<std::size_t>(j)];
      }
      g.setZero();
      for (int i : drawn_) problem_.add_part_gradient(w, i, g);
      g /= static_cast<double>(batch_);
    } else {
      problem_.gradient(w, g);
    }
    add_noise(problem_.gradient_noise(), rng_, g);
  }

  // g += σξ, ξ ~ N(0, I) drawn from rng, coordinate by coordinate: the
  // noise of one step (also analysis/gradients.hpp's gradient_noise).
  static void add_noise(double sigma, Rng& rng, Vector& g) {
    if (sigma > 0.0)
      for (Eigen::Index j = 0; j < g.size(); ++j) g[j] += sigma * rng.normal();
  }

  bool stochastic() const { return batch_ > 0 || problem_.gradient_noise() > 0.0; }
  int batch() const { return batch_; }
  // The indices drawn for the last gradient (empty for full gradients).
  const IndexList& last_batch() const { return drawn_; }

 private:
  const Problem& problem_;
  int batch_;
  Rng& rng_;
  IndexList pool_;
  IndexList drawn_;
};

}  // namespace optlab
