// The run loop: K steps of one optimizer on one problem from w_0, seeded.
#pragma once

#include <cstdint>

#include "core/observer.hpp"
#include "core/run_status.hpp"
#include "optimizers/optimizer.hpp"
#include "problems/problem.hpp"

namespace optlab {

// Runs the optimizer of `optimizer.info` (an entry of the registry).
RunStatus run(const Problem& problem, const OptimizerSpec& optimizer, const Vector& w0, int steps,
              std::uint64_t seed, RunObserver& observer);

}  // namespace optlab
