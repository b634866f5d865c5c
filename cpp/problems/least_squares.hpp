// A real finite sum: f_i(w) = ½ (x_iᵀ w − y_i)², f = (1/n) Σ_i f_i, so
// ∇f(w) = (1/n) Σ_i x_i (x_iᵀ w − y_i). Its Hessian XᵀX/n is constant, so it
// is also a bowl whose full gradient is exact: the SGD figures use it.
#pragma once

#include <cstdint>

#include "problems/problem.hpp"

namespace optlab {

class LeastSquares final : public Problem {
 public:
  LeastSquares(Matrix X, Vector y);

  // Deterministic data from data_seed: row i is x_i = S z_i with z_i ~ N(0, I)
  // and S = diag(√λ_j), λ_j spaced evenly from 1 to `condition` (so XᵀX/n has
  // condition number close to `condition`), and y_i = x_iᵀ 1 + noise · ε_i.
  static LeastSquares generate(int n, int dim, double condition, double noise,
                               std::uint64_t data_seed);

  std::string kind() const override { return "least_squares"; }
  int dim() const override { return static_cast<int>(X_.cols()); }
  double value(const Vector& w) const override;
  void gradient(const Vector& w, Vector& g) const override;
  int num_functions() const override { return static_cast<int>(X_.rows()); }
  double evaluation_work() const override { return static_cast<double>(X_.rows()) * static_cast<double>(X_.cols()); }
  double part_value(const Vector& w, int i) const override;
  void add_part_gradient(const Vector& w, int i, Vector& g) const override;
  std::optional<Vector> hessian_eigenvalues() const override { return eigenvalues_; }
  std::optional<Vector> minimizer() const override { return minimizer_; }

  const LeastSquares* as_least_squares() const override { return this; }

  const Matrix& X() const { return X_; }
  const Vector& y() const { return y_; }

 private:
  double residual(const Vector& w, int i) const;

  Matrix X_;
  Vector y_;
  Vector eigenvalues_;
  std::optional<Vector> minimizer_;
};

}  // namespace optlab
