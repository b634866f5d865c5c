// The work of a call, counted before it starts and held to limits::kMaxWork.
//
// A unit is one coordinate of one term touched once: f(w) or ∇f(w) of least
// squares over n examples in d dimensions is n·d units, of a d-dimensional
// quadratic d² (the product A(w − c)), of the double well or Rosenbrock a
// few. On the bench machine a unit takes about a nanosecond of one core,
// native or wasm, so the limit keeps any call to a few seconds. Counts are
// upper bounds: a run is charged for every step it may take, an L-BFGS step
// for every trial point its line search may evaluate.
#pragma once

#include <string>
#include <vector>

#include "optimizers/optimizer.hpp"
#include "problems/problem.hpp"

namespace optlab {

// One step of the run loop: the gradient the optimizer sees (B parts, or
// the full gradient), f and ∇f at the new iterate for the trace, the update.
double step_work(const Problem& problem, const OptimizerSpec& optimizer);
// A run of `steps` steps (w_0's evaluation is within a step's margin; a run
// of 0 steps is charged one).
double run_work(const Problem& problem, const OptimizerSpec& optimizer, int steps);
// One step of the 2x2 momentum recurrence on one eigenvalue (simulated rate
// maps): a chain of dependent multiply-adds, about three units' time.
inline constexpr double kSimulatedStepWork = 3.0;
// Drawing one example of a mini-batch (the generator, the index): measured
// at about two units, which is most of a one-dimensional part's gradient
// (counted as nothing, the double well's SGD at the limit would take 9 s of
// one core, not the few seconds the limit stands for).
inline constexpr double kSampleWork = 2.0;

// One factor of a call's work, named as the caller's setting is named.
struct WorkFactor {
  std::string name;
  double value;
};

// Throws ScenarioError when the product of the factors exceeds
// limits::kMaxWork. The first factor is the setting the message asks to
// lower, with the largest value that fits beside the others:
//   runs must be at most 13 here: runs × work units per run = 100000 ×
//   3.00012e+08 = 3.00012e+13 work units, over the limit of 4e+09 per call
//   (a few seconds of one core)
void check_work(const std::vector<WorkFactor>& factors);

// A grid of nx × ny cells (`name` as the caller calls it, "nx × ny"): at
// most limits::kMaxGridCells of memory, and at most the work limit at
// `per_cell` units each.
void check_cells(const std::string& name, double nx, double ny, double per_cell = 1.0);

}  // namespace optlab
