// The optimizers optlab knows. Each is described in its own header under
// optimizers/ (its rule, its parameters with ranges and defaults, its
// state); registry.cpp lists them, one line each. The scenario parser, the
// CLI's help and `optlab optimizers`, the output and the wasm module all
// read this list.
#pragma once

#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "optimizers/optimizer.hpp"

namespace optlab {

// Every optimizer, in the order the help lists them.
const std::vector<OptimizerInfo>& optimizers();
// The optimizer named `name`, or nullptr.
const OptimizerInfo* find_optimizer(std::string_view name);

// A spec of the optimizer `name` with step size lr, batch B (0: the full
// gradient) and its hyperparameters at their defaults but for `params`;
// for code that builds runs without a scenario (tests, benchmarks). An
// unknown name or parameter is a bug: std::logic_error.
OptimizerSpec optimizer_spec(std::string_view name, double lr, int batch = 0,
                             std::initializer_list<std::pair<std::string_view, double>> params = {});

// The optimizers as JSON text, for `optlab optimizers` and the wasm module:
// [{"name", "rule", "lr": bool, "lrDefault": number | null, "batch": "none" | "optional" | "stochastic",
//   "params": [{"name", "min", "max", "minOpen", "maxOpen", "default", "integer"}]}]
std::string optimizers_json();

}  // namespace optlab
