#include "problems/least_squares.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include "core/rng.hpp"

namespace optlab {

LeastSquares::LeastSquares(Matrix X, Vector y) : X_(std::move(X)), y_(std::move(y)) {
  const int n = num_functions(), d = dim();
  Matrix H = Matrix::Zero(d, d);
  Vector b = Vector::Zero(d);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j) {
      b[j] += X_(i, j) * y_[i];
      for (int k = 0; k < d; ++k) H(j, k) += X_(i, j) * X_(i, k);
    }
  H /= static_cast<double>(n);
  b /= static_cast<double>(n);
  eigenvalues_ = Eigen::SelfAdjointEigenSolver<Matrix>(H, Eigen::EigenvaluesOnly).eigenvalues();
  // A unique minimiser exists only when XᵀX is positive definite.
  if (eigenvalues_[0] > 1e-12 * eigenvalues_[d - 1]) {
    Eigen::LDLT<Matrix> ldlt(H);
    minimizer_ = ldlt.solve(b);
  }
}

LeastSquares LeastSquares::generate(int n, int dim, double condition, double noise,
                                    std::uint64_t data_seed) {
  Rng rng(data_seed);
  Vector scale(dim);
  for (int j = 0; j < dim; ++j) {
    const double t = dim == 1 ? 0.0 : static_cast<double>(j) / static_cast<double>(dim - 1);
    scale[j] = std::sqrt(1.0 + (condition - 1.0) * t);
  }
  Matrix X(n, dim);
  Vector y(n);
  for (int i = 0; i < n; ++i) {
    double target = 0.0;
    for (int j = 0; j < dim; ++j) {
      X(i, j) = scale[j] * rng.normal();
      target += X(i, j);
    }
    y[i] = target + noise * rng.normal();
  }
  return LeastSquares(std::move(X), std::move(y));
}

double LeastSquares::residual(const Vector& w, int i) const {
  double r = 0.0;
  for (int j = 0; j < dim(); ++j) r += X_(i, j) * w[j];
  return r - y_[i];
}

double LeastSquares::part_value(const Vector& w, int i) const {
  const double r = residual(w, i);
  return 0.5 * r * r;
}

void LeastSquares::add_part_gradient(const Vector& w, int i, Vector& g) const {
  const double r = residual(w, i);
  for (int j = 0; j < dim(); ++j) g[j] += X_(i, j) * r;
}

double LeastSquares::value(const Vector& w) const {
  double total = 0.0;
  for (int i = 0; i < num_functions(); ++i) total += part_value(w, i);
  return total / static_cast<double>(num_functions());
}

void LeastSquares::gradient(const Vector& w, Vector& g) const {
  g.setZero();
  for (int i = 0; i < num_functions(); ++i) add_part_gradient(w, i, g);
  g /= static_cast<double>(num_functions());
}

}  // namespace optlab
