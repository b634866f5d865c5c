// The closed-form rate map's cell loop, in a file of its own: it is the one
// loop clang vectorises for the page, and it is compiled at -O2 in wasm
// (CMakeLists.txt), where the rest of the core is compiled for size.
#include <cmath>
#include <cstddef>

#include "analysis/momentum_rate.hpp"

namespace optlab {

namespace {

// row[i] = max(row[i], rate at (lr[i], β) for one eigenvalue λ): the formula
// of momentum_rate(lr, β, λ), its branch written as a select (wasm has no
// errno, so the unused √ of a negative discriminant may be taken). Its own
// function so that __restrict, which says row and lr do not overlap, holds
// (on local pointers clang ignores it): clang then vectorises the loop
// without checking at run time whether the two overlap.
void raise_to_rate(const double* __restrict lr, int n, double lambda, double beta, double* __restrict row) {
  const double one_plus_beta = 1.0 + beta, four_beta = 4.0 * beta, complex_rate = std::sqrt(beta);
#pragma clang loop vectorize(enable)
  for (int i = 0; i < n; ++i) {
    const double t = one_plus_beta - lr[i] * lambda;
    const double disc = t * t - four_beta;
    const double r = disc < 0.0 ? complex_rate : 0.5 * (std::fabs(t) + std::sqrt(disc));
    row[i] = r > row[i] ? r : row[i];
  }
}

}  // namespace

// The same numbers as momentum_rate(lrs[i], betas[j], eigenvalues) cell by
// cell, in an order that vectorises: a row of one β at a time, one
// eigenvalue at a time across the row. Each value goes through the same
// operations in the same order, so the bits are those of the scalar formula
// (tested), natively and in wasm.
void momentum_rate_map(const Vector& eigenvalues, const double* lrs, int n_lr, const double* betas, int n_beta,
                       double* out) {
  for (int j = 0; j < n_beta; ++j) {
    double* row = out + static_cast<std::size_t>(j) * static_cast<std::size_t>(n_lr);
    for (int i = 0; i < n_lr; ++i) row[i] = 0.0;
    for (Eigen::Index e = 0; e < eigenvalues.size(); ++e) raise_to_rate(lrs, n_lr, eigenvalues[e], betas[j], row);
  }
}

}  // namespace optlab
