// The log-scale sweep of the lecture: one run per step size, keeping the
// loss where each run ends and the step at which it diverged (-1: never).
#pragma once

#include <cstdint>
#include <vector>

#include "optimizers/optimizer.hpp"
#include "problems/problem.hpp"

namespace optlab {

struct LossSweep {
  std::vector<double> loss;      // f at the last accepted iterate
  std::vector<int> diverged_at;  // -1 when the run did not diverge
};

// `optimizer` with its γ replaced by each of `lrs` in turn.
LossSweep loss_sweep(const Problem& problem, OptimizerSpec optimizer, const Vector& w0, int steps,
                     std::uint64_t seed, const std::vector<double>& lrs);

}  // namespace optlab
