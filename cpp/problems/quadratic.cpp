#include "problems/quadratic.hpp"

#include <Eigen/Eigenvalues>

namespace optlab {

Quadratic::Quadratic(Matrix A, Vector c, double noise)
    : A_(std::move(A)), c_(std::move(c)), noise_(noise) {
  // The iterative QR solver, not computeDirect(): the closed form for 3×3
  // uses acos/cos, which differ between native and wasm libm.
  Eigen::SelfAdjointEigenSolver<Matrix> solver(A_, Eigen::EigenvaluesOnly);
  eigenvalues_ = solver.eigenvalues();
}

double Quadratic::value(const Vector& w) const {
  const int n = dim();
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    double row = 0.0;
    for (int j = 0; j < n; ++j) row += A_(i, j) * (w[j] - c_[j]);
    total += (w[i] - c_[i]) * row;
  }
  return 0.5 * total;
}

void Quadratic::gradient(const Vector& w, Vector& g) const {
  const int n = dim();
  for (int i = 0; i < n; ++i) {
    double row = 0.0;
    for (int j = 0; j < n; ++j) row += A_(i, j) * (w[j] - c_[j]);
    g[i] = row;
  }
}

}  // namespace optlab
