// How a run ended: what every optimizer's loop reports.
#pragma once

#include <optional>
#include <string>

#include "core/undefined.hpp"

namespace optlab {

struct RunStatus {
  int steps_done = 0;                 // iterates reported after w_0
  std::optional<int> diverged_at;     // the step whose iterate was rejected
  std::optional<int> stopped_at;      // lbfgs: the step after which it could not go on
  std::string stop_reason;            // "gradient_zero", "line_search" or "undefined" when stopped
  std::optional<ExprUndefined> undefined;  // "undefined": the operation that was, and where
};

}  // namespace optlab
