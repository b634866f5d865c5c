// f(w₁, w₂) typed by a user (expression/expression.hpp), with its gradient
// by automatic differentiation and, if asked, Gaussian noise σξ on every
// gradient an optimizer sees (the saddle x² − y²: started on its stable
// axis, plain GD stalls at the saddle point; noise lets it escape).
#pragma once

#include <utility>

#include "expression/expression.hpp"
#include "problems/problem.hpp"

namespace optlab {

class ExpressionProblem final : public Problem {
 public:
  ExpressionProblem(Expression expression, double noise) : expression_(std::move(expression)), noise_(noise) {}

  std::string kind() const override { return "expression"; }
  int dim() const override { return 2; }
  double value(const Vector& w) const override { return expression_.value(w[0], w[1]); }
  void gradient(const Vector& w, Vector& g) const override { expression_.value_gradient(w[0], w[1], g[0], g[1]); }
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
  Expression expression_;
  double noise_;
};

}  // namespace optlab
