#include "run/run.hpp"

#include <stdexcept>

#include "core/rng.hpp"
#include "optimizers/gd.hpp"
#include "optimizers/gradient_oracle.hpp"
#include "optimizers/heavy_ball.hpp"
#include "optimizers/lbfgs.hpp"
#include "optimizers/momentum.hpp"
#include "optimizers/nesterov.hpp"
#include "run/divergence.hpp"

namespace optlab {

namespace {

// One function per update rule, kept out of run(): V8 compiles a hot wasm
// function again with its optimizing compiler, whose time grows faster than
// the function's size. Inlined, the four loops would make run() a 15 KB
// function that takes ~430 ms of a core to optimize while the page loads;
// apart, only the loops a page runs are optimized, each a fraction of that.
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
      status.diverged_at = k;
      return status;
    }
    problem.gradient(w, exact);
    const double grad_norm = norm2(exact);
    // A finite iterate can still overflow the gradient (|w| near the bound
    // on a steep problem); that too is divergence.
    if (!std::isfinite(grad_norm)) {
      status.diverged_at = k;
      return status;
    }
    observer.step_taken(k, w, loss, grad_norm, batch);
    status.steps_done = k;
  }
  return status;
}

}  // namespace

std::string to_string(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Gd: return "gd";
    case OptimizerKind::Sgd: return "sgd";
    case OptimizerKind::Momentum: return "momentum";
    case OptimizerKind::HeavyBall: return "heavy_ball";
    case OptimizerKind::Nesterov: return "nesterov";
    case OptimizerKind::Lbfgs: return "lbfgs";
  }
  throw std::logic_error("unknown optimizer kind");
}

RunStatus run(const Problem& problem, const OptimizerSpec& opt, const Vector& w0, int steps,
              std::uint64_t seed, RunObserver& observer) {
  if (opt.kind == OptimizerKind::Lbfgs) return run_lbfgs(problem, opt.memory, w0, steps, observer);
  Rng rng(seed);
  GradientOracle oracle(problem, opt.batch, rng);
  switch (opt.kind) {
    case OptimizerKind::Gd:
    case OptimizerKind::Sgd:
      return run_first_order(problem, VanillaUpdate(opt.lr, w0), oracle, w0, steps, observer);
    case OptimizerKind::Momentum:
      return run_first_order(problem, MomentumUpdate(opt.lr, opt.beta, w0), oracle, w0, steps, observer);
    case OptimizerKind::HeavyBall:
      return run_first_order(problem, HeavyBallUpdate(opt.lr, opt.beta, w0), oracle, w0, steps, observer);
    case OptimizerKind::Nesterov:
      return run_first_order(problem, NesterovUpdate(opt.lr, opt.beta, w0), oracle, w0, steps, observer);
    case OptimizerKind::Lbfgs: break;
  }
  throw std::logic_error("unknown optimizer kind");
}

}  // namespace optlab
