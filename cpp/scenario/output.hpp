// Running a validated scenario and writing its result.
//
// The output object (keys in this order):
//   problem, optimizer, dim, steps, seed    the run that was made
//   w          iterates w_0..w_K as rows (fewer when the run stopped early)
//   loss       f(w_k) of the full objective, one per row of w
//   grad_norm  ‖∇f(w_k)‖ of the full objective, one per row of w
//   w_avg      running averages w̄_k = (1/k) Σ_{j=1..k} w_j, k = 1..K
//   batches    the 0-based indices drawn at each step (null for full gradients)
//   diverged_at  null, or the step whose iterate was rejected
//   stopped_at, stop_reason   lbfgs only: where and why it could not go on
//   regime     gd on a quadratic: too_small | optimal | oscillating | boundary | diverging
//   rate       gd, momentum, heavy_ball on a quadratic: predicted linear rate
//   optimum    a known minimiser of f, or null
// Numbers print as the shortest decimal that reads back as the same double.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/step_size_regime.hpp"
#include "run/run.hpp"
#include "run/trace.hpp"
#include "scenario/scenario.hpp"

namespace optlab {

struct RunOutput {
  Trace trace;
  RunStatus status;
  std::optional<Regime> regime;
  std::optional<double> rate;
  std::optional<Vector> optimum;
};

RunOutput run_scenario(const Scenario& scenario);
std::string to_json(const Scenario& scenario, const RunOutput& output);

// One scenario object, or an array of 1 .. limits::kMaxScenarios of them
// (is_array says which), each read and its work counted before any runs:
// the same reading for the CLI, the wasm module and the Python module.
std::vector<Scenario> parse_scenarios(const std::string& text, bool& is_array);

// Parse, run and serialise: the whole contract in one call. Throws
// ScenarioError with the user's message on bad input.
std::string run_scenario_json(const std::string& scenario_text);

// Where each of `runs` seeded runs of the scenario ends (run r seeded with
// Rng::derive(seed, r), as the page's finalPositions):
//   {"runs": R, "dim": d, "w": [[...] x R], "diverged": [bool x R]}
// runs must be 1 .. limits::kMaxRuns.
std::string final_positions_json(const std::string& scenario_text, long long runs);

}  // namespace optlab
