// The scenario contract shared by the CLI, the WebAssembly module and the
// notebooks: one JSON object in, one JSON object out.
//
//   { "problem":   {"kind": "quadratic1d" | "quadratic" | "least_squares"
//                           | "double_well" | "rosenbrock", ...parameters},
//     "optimizer": {"kind": a name of run/registry.hpp's optimizers, "lr",
//                   its hyperparameters, "batch"},
//     "w0": [numbers], "steps": K, "seed": S }
//
// Every field is validated; docs/scenario.md lists the parameters and limits.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "optimizers/optimizer.hpp"
#include "problems/problem.hpp"
#include "scenario/fields.hpp"

namespace optlab {

struct Scenario {
  std::unique_ptr<Problem> problem;
  OptimizerSpec optimizer;
  Vector w0;
  int steps = 0;
  std::uint64_t seed = 0;
};

Scenario parse_scenario(const std::string& text);
Scenario parse_scenario(const Json& json);

// A problem object alone (the "problem" field), e.g. for per-example
// gradients on the page.
std::unique_ptr<Problem> parse_problem(const Json& json, const std::string& path = "problem");

}  // namespace optlab
