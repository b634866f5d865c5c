// f(x, y) = (a − x)² + b (y − x²)², minimum 0 at (a, a²): the curved valley
// on which the full-batch methods (GD, momentum, L-BFGS) are compared.
#pragma once

#include "problems/problem.hpp"

namespace optlab {

class Rosenbrock final : public Problem {
 public:
  Rosenbrock(double a, double b) : a_(a), b_(b) {}

  std::string kind() const override { return "rosenbrock"; }
  int dim() const override { return 2; }
  double value(const Vector& w) const override {
    const double u = a_ - w[0];
    const double v = w[1] - w[0] * w[0];
    return u * u + b_ * v * v;
  }
  void gradient(const Vector& w, Vector& g) const override {
    const double v = w[1] - w[0] * w[0];
    g[0] = -2.0 * (a_ - w[0]) - 4.0 * b_ * w[0] * v;
    g[1] = 2.0 * b_ * v;
  }
  std::optional<Vector> minimizer() const override {
    Vector m(2);
    m << a_, a_ * a_;
    return m;
  }

 private:
  double a_, b_;
};

}  // namespace optlab
