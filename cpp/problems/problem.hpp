// The objective contract every optimizer sees.
//
// A problem gives f(w) and ∇f(w). A finite sum f = (1/n) Σ_i f_i also gives
// its parts f_i and ∇f_i; a mini-batch gradient is always the *mean*
// (1/|B|) Σ_{j∈B} ∇f_j(w), never the sum (decided once, as in the lecture).
// A problem may also add Gaussian noise σξ to every gradient an optimizer
// sees (the bowl of the course's "SGD vs momentum" figure).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "core/run_status.hpp"
#include "core/types.hpp"
#include "core/undefined.hpp"

namespace optlab {

class DoubleWell;
class LeastSquares;

class Problem {
 public:
  virtual ~Problem() = default;

  virtual std::string kind() const = 0;
  virtual int dim() const = 0;
  virtual double value(const Vector& w) const = 0;
  // Exact full gradient ∇f(w), written into g (already of size dim()).
  virtual void gradient(const Vector& w, Vector& g) const = 0;

  // Number of parts n of a finite sum; 0 when f is not one.
  virtual int num_functions() const { return 0; }
  virtual double part_value(const Vector& /*w*/, int /*i*/) const {
    throw std::logic_error(kind() + " is not a finite sum");
  }
  // g += ∇f_i(w).
  virtual void add_part_gradient(const Vector& /*w*/, int /*i*/, Vector& /*g*/) const {
    throw std::logic_error(kind() + " is not a finite sum");
  }

  // Work units of one f(w) or one ∇f(w): how many coordinates of how many
  // terms it touches (scenario/work.hpp).
  virtual double evaluation_work() const { return dim(); }

  // σ of the Gaussian noise added to every gradient an optimizer sees.
  virtual double gradient_noise() const { return 0.0; }

  // Eigenvalues of the (constant) Hessian, ascending, for quadratics only:
  // they decide step-size regimes and momentum rates.
  virtual std::optional<Vector> hessian_eigenvalues() const { return std::nullopt; }

  // A global minimiser when it is known in closed form or by a direct solve.
  virtual std::optional<Vector> minimizer() const { return std::nullopt; }

  // Where f or ∇f is undefined at w (a typed function's log of a negative
  // number…), the operation and its place; nothing for a problem defined
  // everywhere. A run whose iterate lands there stops, saying so.
  virtual std::optional<ExprUndefined> undefined_at(const Vector& /*w*/) const { return std::nullopt; }

  // The double well, the one problem with a Monte Carlo loop of its own
  // (analysis/final_positions.cpp): that loop inlines its slope, so it
  // needs the problem's type, not only this interface.
  virtual const DoubleWell* as_double_well() const { return nullptr; }

  // Least squares, whose data (X, y) the `data` request hands out: the
  // notebook plots and cross-checks the very examples the page uses.
  virtual const LeastSquares* as_least_squares() const { return nullptr; }
};

// A rejected iterate w_k: where f is undefined the run stopped after step
// k − 1, saying why; otherwise it diverged at k.
inline void reject_iterate(const Problem& problem, const Vector& w, int k, RunStatus& status) {
  if (auto why = problem.undefined_at(w)) {
    status.stopped_at = k - 1;
    status.stop_reason = "undefined";
    status.undefined = std::move(why);
  } else {
    status.diverged_at = k;
  }
}

}  // namespace optlab
