// The loop of every first-order rule: g_k from the gradient oracle, then
// the rule's update, then the divergence check and the observer.
#pragma once

#include <cmath>
#include <cstdint>

#include "core/divergence.hpp"
#include "core/observer.hpp"
#include "core/rng.hpp"
#include "core/run_status.hpp"
#include "optimizers/gradient_oracle.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

// One function per update rule, kept out of run(): V8 compiles a hot wasm
// function again with its optimizing compiler, whose time grows faster than
// the function's size. Inlined together, the loops make one large function
// that takes a good part of a second of a core to optimize while the page
// loads; apart, only the loops a page runs are optimized.
template <typename Update>
__attribute__((noinline)) RunStatus run_first_order(const Problem& problem, Update update,
                                                    GradientOracle& oracle, const Vector& w0, int steps,
                                                    RunObserver& observer) {
  RunStatus status;
  Vector w = w0;
  Vector g(w0.size()), exact(w0.size());
  problem.gradient(w, exact);
  observer.begin(w, problem.value(w), norm2(exact));
  const IndexList* batch = oracle.batch() > 0 ? &oracle.last_batch() : nullptr;
  for (int k = 1; k <= steps; ++k) {
    oracle(w, g);
    update.update(w, g);
    const double loss = problem.value(w);
    if (iterate_diverged(w, loss)) {
      reject_iterate(problem, w, k, status);
      return status;
    }
    problem.gradient(w, exact);
    const double grad_norm = norm2(exact);
    // A finite iterate can still overflow the gradient (|w| near the bound
    // on a steep problem); that too is divergence.
    if (!std::isfinite(grad_norm)) {
      reject_iterate(problem, w, k, status);
      return status;
    }
    observer.step_taken(k, w, loss, grad_norm, batch);
    status.steps_done = k;
  }
  return status;
}

// The Runner of a first-order optimizer whose rule is `Update`.
template <typename Update>
RunStatus run_with(const Problem& problem, const OptimizerSpec& spec, const Vector& w0, int steps,
                   std::uint64_t seed, RunObserver& observer) {
  Rng rng(seed);
  GradientOracle oracle(problem, spec.batch, rng);
  return run_first_order(problem, Update(spec, w0), oracle, w0, steps, observer);
}

}  // namespace optlab
