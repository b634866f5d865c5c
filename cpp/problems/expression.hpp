// f(w₁, w₂) typed by a user (expression/expression.hpp), with its gradient
// by automatic differentiation and, if asked, Gaussian noise σξ on every
// gradient an optimizer sees (the saddle x² − y²: started on its stable
// axis, plain GD stalls at the saddle point; noise lets it escape).
#pragma once

#include <cstring>
#include <utility>

#include "expression/expression.hpp"
#include "problems/problem.hpp"

namespace optlab {

class ExpressionProblem final : public Problem {
 public:
  ExpressionProblem(Expression expression, double noise) : expression_(std::move(expression)), noise_(noise) {}

  std::string kind() const override { return "expression"; }
  int dim() const override { return 2; }
  // A run asks for f(w_k), ∇f(w_k) and again ∇f(w_k) for its next step:
  // one pass of the program gives all three, kept for the last point asked.
  // (Where ∇f is undefined f alone may not be, and is computed alone.)
  double value(const Vector& w) const override {
    if (at(w) || evaluate(w)) return last_.f;
    return expression_.value(w[0], w[1]);
  }
  void gradient(const Vector& w, Vector& g) const override {
    if (at(w) || evaluate(w)) {
      g[0] = last_.g1;
      g[1] = last_.g2;
    } else {
      expression_.value_gradient(w[0], w[1], g[0], g[1]);
    }
  }
  // One evaluation runs the program once: a few work units per operation.
  double evaluation_work() const override { return 4.0 * static_cast<double>(expression_.program().size()); }
  double gradient_noise() const override { return noise_; }

  std::optional<ExprUndefined> undefined_at(const Vector& w) const override {
    ExprUndefined why;
    double g1, g2;
    expression_.value_gradient(w[0], w[1], g1, g2, &why);
    if (why.what.empty()) return std::nullopt;
    return why;
  }

  const Expression& expression() const { return expression_; }

 private:
  // Whether the kept pass is for w, bit for bit (−0 is not 0: 1/x tells them apart).
  bool at(const Vector& w) const {
    return last_.valid && std::memcmp(&last_.w1, &w[0], sizeof(double)) == 0 && std::memcmp(&last_.w2, &w[1], sizeof(double)) == 0;
  }
  // One pass at w, kept when f and ∇f are both defined there.
  bool evaluate(const Vector& w) const {
    ExprUndefined why;
    Last next{w[0], w[1], 0.0, 0.0, 0.0, false};
    next.f = expression_.value_gradient(w[0], w[1], next.g1, next.g2, &why);
    next.valid = why.what.empty();
    last_ = next;
    return next.valid;
  }

  struct Last {
    double w1, w2, f, g1, g2;
    bool valid;
  };
  Expression expression_;
  double noise_;
  mutable Last last_{0.0, 0.0, 0.0, 0.0, 0.0, false};
};

}  // namespace optlab
