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

#include "problems/problem.hpp"
#include "run/observer.hpp"
#include "run/run.hpp"

namespace optlab {

RunStatus run_lbfgs(const Problem& problem, int memory, const Vector& w0, int steps,
                    RunObserver& observer);

}  // namespace optlab
