// The objectives: gradients against finite differences, the finite-sum
// identity E[∇f_i] = ∇f, and the mini-batch variance law.
#include <cmath>

#include "core/rng.hpp"
#include "helpers.hpp"
#include "optimizers/gradient_oracle.hpp"
#include "problems/double_well.hpp"
#include "problems/least_squares.hpp"
#include "problems/quadratic.hpp"
#include "problems/quadratic1d.hpp"
#include "problems/rosenbrock.hpp"

using namespace optlab;

namespace {

void check_gradient_by_differences(const Problem& p, const Vector& w) {
  Vector g(p.dim());
  p.gradient(w, g);
  for (int i = 0; i < p.dim(); ++i) {
    const double h = 1e-6 * std::max(1.0, std::fabs(w[i]));
    Vector up = w, down = w;
    up[i] += h;
    down[i] -= h;
    const double numeric = (p.value(up) - p.value(down)) / (2 * h);
    CHECK(g[i] == doctest::Approx(numeric).epsilon(1e-6).scale(1.0));
  }
}

}  // namespace

TEST_CASE("gradients match central differences") {
  Vector w2(2);
  w2 << 0.7, -1.3;
  Matrix A(2, 2);
  A << 2, 0.5, 0.5, 1;
  check_gradient_by_differences(Quadratic(A, Vector::Constant(2, 0.2), 0.0), w2);
  check_gradient_by_differences(Rosenbrock(1, 100), w2);
  check_gradient_by_differences(LeastSquares::generate(30, 2, 10, 0.5, 4), w2);
  check_gradient_by_differences(Quadratic1D(3, -1), Vector::Constant(1, 0.4));
  check_gradient_by_differences(DoubleWell(16, 0.25, 2), Vector::Constant(1, 0.4));
}

TEST_CASE("finite sums: the mean of the parts is the whole, for f and for its gradient") {
  const LeastSquares ls = LeastSquares::generate(50, 3, 20, 1.0, 8);
  const DoubleWell well(16, 0.25, 2.0);
  for (const Problem* p : {static_cast<const Problem*>(&ls), static_cast<const Problem*>(&well)}) {
    CAPTURE(p->kind());
    Rng rng(1);
    for (int trial = 0; trial < 20; ++trial) {
      Vector w(p->dim());
      for (int i = 0; i < p->dim(); ++i) w[i] = 4 * rng.uniform() - 2;
      Vector mean = Vector::Zero(p->dim()), full(p->dim());
      double value = 0;
      for (int i = 0; i < p->num_functions(); ++i) {
        p->add_part_gradient(w, i, mean);
        value += p->part_value(w, i);
      }
      mean /= p->num_functions();
      value /= p->num_functions();
      p->gradient(w, full);
      for (int i = 0; i < p->dim(); ++i) CHECK(std::fabs(mean[i] - full[i]) <= 1e-12 * std::max(1.0, std::fabs(full[i])));
      CHECK(std::fabs(value - p->value(w)) <= 1e-12 * std::max(1.0, std::fabs(value)));
    }
  }
}

TEST_CASE("least squares: the gradient is Xᵀ(Xw − y)/n and the optimum solves the normal equations") {
  const LeastSquares ls = LeastSquares::generate(40, 3, 5, 0.5, 2);
  Vector w(3);
  w << 0.3, -0.7, 1.1;
  Vector g(3);
  ls.gradient(w, g);
  const Vector expected = ls.X().transpose() * (ls.X() * w - ls.y()) / 40.0;
  CHECK((g - expected).norm() <= 1e-12 * expected.norm());
  REQUIRE(ls.minimizer());
  ls.gradient(*ls.minimizer(), g);
  CHECK(g.norm() < 1e-12);
  const auto eig = *ls.hessian_eigenvalues();
  CHECK(eig[2] / eig[0] == doctest::Approx(5.0).epsilon(0.5));  // condition close to the asked 5
}

TEST_CASE("double well: a deeper and a shallow minimum with the documented barrier") {
  const DoubleWell well(16, 0.25, 2.0);
  const double deep = well.deep_minimum(), shallow = well.shallow_minimum();
  CHECK(deep == doctest::Approx(-1.107159871688768).epsilon(1e-12));
  CHECK(shallow == doctest::Approx(0.8375).epsilon(1e-3));
  Vector g(1);
  for (double m : {deep, shallow}) {
    well.gradient(Vector::Constant(1, m), g);
    CHECK(std::fabs(g[0]) < 1e-14);
  }
  CHECK(well.value_at(deep) < well.value_at(shallow));
  // The ridge between them, where f' = 0 near w ≈ 0.27.
  double ridge = 0.27;
  for (int k = 0; k < 50; ++k) ridge -= (ridge * ridge * ridge - ridge + 0.25) / (3 * ridge * ridge - 1);
  CHECK(well.value_at(ridge) - well.value_at(shallow) == doctest::Approx(0.050).epsilon(0.05));
  CHECK(well.value_at(ridge) - well.value_at(deep) == doctest::Approx(0.546).epsilon(0.01));
  // The parts' offsets are symmetric, so they are zero-mean exactly.
  for (int i = 0; i < 16; ++i) CHECK(well.offset(i) == -well.offset(15 - i));
}

TEST_CASE("mini-batch gradients: unbiased, with variance (1/B)(n−B)/(n−1) σ²") {
  const LeastSquares ls = LeastSquares::generate(12, 2, 4, 1.0, 6);
  const int n = ls.num_functions();
  Vector w(2);
  w << 0.2, -0.4;
  Vector full(2);
  ls.gradient(w, full);
  // Population variance of the per-example gradients (summed over coordinates).
  double sigma2 = 0;
  for (int i = 0; i < n; ++i) {
    Vector gi = Vector::Zero(2);
    ls.add_part_gradient(w, i, gi);
    sigma2 += (gi - full).squaredNorm();
  }
  sigma2 /= n;
  for (int batch : {1, 3, 6, 12}) {
    CAPTURE(batch);
    Rng rng(100 + static_cast<std::uint64_t>(batch));
    GradientOracle oracle(ls, batch, rng);
    const int draws = 40000;
    Vector sum = Vector::Zero(2), g(2);
    double spread = 0;
    for (int d = 0; d < draws; ++d) {
      oracle(w, g);
      sum += g;
      spread += (g - full).squaredNorm();
    }
    const Vector mean = sum / draws;
    CHECK((mean - full).norm() < 0.02 * std::sqrt(sigma2) + 1e-12);
    const double expected = sigma2 / batch * (n - batch) / (n - 1.0);
    if (batch == n) {
      CHECK(spread / draws < 1e-25);  // the whole set every time: exact up to rounding
    } else {
      CHECK(spread / draws == doctest::Approx(expected).epsilon(0.05));
    }
  }
}
