// The run loop: K steps of one optimizer on one problem from w_0, seeded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "optimizers/optimizer_spec.hpp"
#include "problems/problem.hpp"
#include "run/observer.hpp"

namespace optlab {

struct RunStatus {
  int steps_done = 0;                 // iterates reported after w_0
  std::optional<int> diverged_at;     // the step whose iterate was rejected
  std::optional<int> stopped_at;      // lbfgs: the step after which it could not go on
  std::string stop_reason;            // "gradient_zero" or "line_search" when stopped
};

RunStatus run(const Problem& problem, const OptimizerSpec& optimizer, const Vector& w0, int steps,
              std::uint64_t seed, RunObserver& observer);

}  // namespace optlab
