// f(w) = ½ (w − c)ᵀ A (w − c), A symmetric positive definite: the bowl.
// With noise σ > 0 every gradient an optimizer sees is A(w − c) + σξ,
// ξ ~ N(0, I) from the run's seeded generator.
#pragma once

#include "problems/problem.hpp"

namespace optlab {

class Quadratic final : public Problem {
 public:
  // A must already be checked symmetric positive definite (scenario does).
  Quadratic(Matrix A, Vector c, double noise);

  std::string kind() const override { return "quadratic"; }
  int dim() const override { return static_cast<int>(c_.size()); }
  double value(const Vector& w) const override;
  void gradient(const Vector& w, Vector& g) const override;
  double gradient_noise() const override { return noise_; }
  double evaluation_work() const override { return static_cast<double>(dim()) * dim(); }  // A(w − c)
  std::optional<Vector> hessian_eigenvalues() const override { return eigenvalues_; }
  std::optional<Vector> minimizer() const override { return c_; }

 private:
  Matrix A_;
  Vector c_;
  double noise_;
  Vector eigenvalues_;
};

}  // namespace optlab
