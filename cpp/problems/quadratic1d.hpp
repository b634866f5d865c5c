// f(w) = a/2 · (w − c)², a > 0: the lecture's 1D quadratic, where gradient
// descent is too slow for γ < 1/a, exact in one step at γ = 1/a, oscillates
// but converges for 1/a < γ < 2/a, and diverges for γ > 2/a.
#pragma once

#include "problems/problem.hpp"

namespace optlab {

class Quadratic1D final : public Problem {
 public:
  Quadratic1D(double a, double c) : a_(a), c_(c) {}

  std::string kind() const override { return "quadratic1d"; }
  int dim() const override { return 1; }
  double value(const Vector& w) const override {
    const double d = w[0] - c_;
    return 0.5 * a_ * d * d;
  }
  void gradient(const Vector& w, Vector& g) const override { g[0] = a_ * (w[0] - c_); }
  std::optional<Vector> hessian_eigenvalues() const override { return Vector::Constant(1, a_); }
  std::optional<Vector> minimizer() const override { return Vector::Constant(1, c_); }

  double a() const { return a_; }

 private:
  double a_, c_;
};

}  // namespace optlab
