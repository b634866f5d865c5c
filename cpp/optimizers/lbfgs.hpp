// Full-batch L-BFGS (Nocedal 1980; Liu & Nocedal 1989):
//
//   d_k = −H_k ∇f(w_k)      (H_k from the last m pairs s_j = w_{j+1} − w_j,
//                            y_j = ∇f(w_{j+1}) − ∇f(w_j), two-loop recursion)
//   w_{k+1} = w_k + α_k d_k (α_k meets the strong Wolfe conditions)
//
// The solver is LBFGSpp's; optlab wraps its Nocedal–Wright line search so
// that every accepted iterate is reported to the run's observer and checked
// for divergence. One step is one line search.
#pragma once

#include <cstdint>

#include "core/limits.hpp"
#include "core/observer.hpp"
#include "core/run_status.hpp"
#include "optimizers/optimizer.hpp"
#include "problems/problem.hpp"

namespace optlab {

struct Lbfgs {
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "lbfgs";
    o.rule = "full-batch L-BFGS, strong Wolfe";
    o.step_size = false;
    o.params = {{"memory", 1.0, static_cast<double>(limits::kMaxMemory), false, false, 6.0, true}};
    o.batch = BatchUse::None;
    o.exact_gradients = true;
    o.step_work = &step_work;
    return o;
  }
  // Each trial point of its line search costs f and ∇f; the two-loop
  // recursion 4·m·d.
  static double step_work(const OptimizerSpec& spec, double evaluation, double dim) {
    const double trials = 2.0 * (limits::kLbfgsMaxLineSearch + 1);
    return trials * 2.0 * evaluation + 4.0 * spec.param("memory") * dim;
  }
  // Its own loop: LBFGSpp's solver, with every accepted iterate reported.
  static RunStatus run(const Problem& problem, const OptimizerSpec& spec, const Vector& w0, int steps,
                       std::uint64_t seed, RunObserver& observer);
};

}  // namespace optlab
