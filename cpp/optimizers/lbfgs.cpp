#include "optimizers/lbfgs.hpp"

#include <LBFGS.h>

#include "core/limits.hpp"
#include "core/divergence.hpp"

namespace optlab {

namespace {

struct Diverged {};

// The objective LBFGSpp sees; step_taken() is called by ObservedLineSearch
// once per accepted step, never for trial points.
struct ObservedObjective {
  const Problem& problem;
  RunObserver& observer;
  RunStatus& status;

  double operator()(const Vector& x, Vector& grad) {
    problem.gradient(x, grad);
    return problem.value(x);
  }

  void step_taken(const Vector& x, double fx, const Vector& grad) {
    const int k = status.steps_done + 1;
    const double grad_norm = norm2(grad);
    if (iterate_diverged(x, fx) || !std::isfinite(grad_norm)) {
      reject_iterate(problem, x, k, status);
      throw Diverged{};
    }
    observer.step_taken(k, x, fx, grad_norm, nullptr);
    status.steps_done = k;
  }
};

template <typename Scalar>
class ObservedLineSearch {
 public:
  template <typename Foo, typename Vec, typename Param>
  static void LineSearch(Foo& f, Scalar& fx, Vec& x, Vec& grad, Scalar& step, const Vec& drt,
                         const Vec& xp, const Param& param) {
    LBFGSpp::LineSearchNocedalWright<Scalar>::LineSearch(f, fx, x, grad, step, drt, xp, param);
    f.step_taken(x, fx, grad);
  }
};

}  // namespace

RunStatus Lbfgs::run(const Problem& problem, const OptimizerSpec& spec, const Vector& w0, int steps,
                     std::uint64_t /*seed: L-BFGS draws nothing*/, RunObserver& observer) {
  const int memory = static_cast<int>(spec.param("memory"));
  RunStatus status;
  Vector g(w0.size());
  problem.gradient(w0, g);
  observer.begin(w0, problem.value(w0), norm2(g));
  if (steps == 0) return status;
  if (norm2(g) == 0.0) {
    status.stopped_at = 0;
    status.stop_reason = "gradient_zero";
    return status;
  }

  LBFGSpp::LBFGSParam<double> param;
  param.m = memory;
  param.epsilon = 0.0;  // no early exit: the scenario asks for `steps` steps
  param.epsilon_rel = 0.0;
  param.past = 0;
  param.max_iterations = steps;
  param.max_linesearch = limits::kLbfgsMaxLineSearch;  // the work a step is charged for
  param.linesearch = LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE;
  LBFGSpp::LBFGSSolver<double, ObservedLineSearch> solver(param);

  ObservedObjective objective{problem, observer, status};
  Vector x = w0;
  double fx = 0.0;
  try {
    solver.minimize(objective, x, fx);
  } catch (const Diverged&) {
    return status;
  } catch (const std::exception&) {
    // The line search found no point meeting the Wolfe conditions: at a
    // minimum this is machine precision, not an error of the scenario.
    status.stopped_at = status.steps_done;
    status.stop_reason = "line_search";
    return status;
  }
  if (status.steps_done < steps) {
    status.stopped_at = status.steps_done;
    status.stop_reason = "gradient_zero";
  }
  return status;
}

}  // namespace optlab
