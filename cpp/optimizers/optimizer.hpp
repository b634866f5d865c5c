// What the registry (run/registry.hpp) knows of an optimizer, and a
// scenario's choice of one. Each optimizer's own header describes it with
// an OptimizerInfo next to its rule; the scenario parser, the CLI's help,
// the output's names and the wasm module read these descriptions, so that
// a new optimizer is its header plus one line in run/registry.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/observer.hpp"
#include "core/run_status.hpp"
#include "problems/problem.hpp"

namespace optlab {

// A hyperparameter besides γ and the batch: its name in the scenario, its
// range (open at an end where said), its default (none: required), and
// whether it is an integer.
struct HyperParam {
  std::string name;
  double lo = 0.0, hi = 0.0;
  bool lo_open = false, hi_open = false;
  std::optional<double> default_value;
  bool integer = false;
};

// β of the momentum family: 0 <= β < 1, 0.9 by default (the lecture's).
inline HyperParam momentum_beta() { return {"beta", 0.0, 1.0, false, true, 0.9, false}; }

// How an optimizer uses mini-batches: not at all (gd: the full gradient),
// when asked (the momentum family: the full gradient by default), or by
// nature (sgd: one example by default, and it needs stochastic gradients).
enum class BatchUse { None, Optional, Stochastic };

// What the output can say of a run on a quadratic from theory alone.
enum class QuadraticTheory {
  None,
  Momentum,          // its rate is the heavy-ball 2x2 recurrence's (β = 0 for gd)
  MomentumAndRegime,  // that, and the regime of γ against 1/a and 2/a (gd)
  Nesterov            // its rate is its own 2x2 iteration's (analysis/momentum_rate.hpp)
};

struct OptimizerSpec;
using Runner = RunStatus (*)(const Problem&, const OptimizerSpec&, const Vector& w0, int steps, std::uint64_t seed,
                             RunObserver&);
// The work of one step in scenario/work.hpp's units, for an optimizer whose
// step is not one gradient and an update of a few vector operations, given
// the work of one evaluation of f and ∇f and the dimension.
using StepWork = double (*)(const OptimizerSpec&, double evaluation, double dim);

struct OptimizerInfo {
  std::string name;        // "kind" in the scenario
  std::string rule;        // as `optlab --help` prints it
  bool step_size = true;   // takes lr (γ > 0)
  std::optional<double> lr_default;  // lr when the scenario gives none (none: lr is required)
  std::vector<HyperParam> params;
  BatchUse batch = BatchUse::Optional;
  bool exact_gradients = false;  // refuses gradient noise (lbfgs)
  QuadraticTheory theory = QuadraticTheory::None;
  Runner run = nullptr;    // set by the registry
  StepWork step_work = nullptr;  // null: one gradient (or mini-batch) and the update
};

struct OptimizerSpec {
  const OptimizerInfo* info = nullptr;  // an entry of the registry
  double lr = 0.0;                      // γ (0 when the optimizer takes none)
  int batch = 0;                        // B; 0 means the full gradient
  std::vector<double> values;           // info->params, in their order

  const std::string& name() const { return info->name; }
  // The value of the hyperparameter `name` (std::logic_error if the
  // optimizer has none of that name: a bug, never bad input).
  double param(std::string_view name) const;
  // The same, or `otherwise` when the optimizer has no such parameter.
  double param_or(std::string_view name, double otherwise) const;
};

}  // namespace optlab
