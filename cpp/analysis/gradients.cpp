#include "analysis/gradients.hpp"

#include <cmath>

#include "core/rng.hpp"
#include "optimizers/gradient_oracle.hpp"

namespace optlab {

std::vector<double> part_gradients(const Problem& problem, const Vector& w) {
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(problem.num_functions()) * static_cast<std::size_t>(w.size()));
  Vector g(w.size());
  for (int i = 0; i < problem.num_functions(); ++i) {
    g.setZero();
    problem.add_part_gradient(w, i, g);
    out.insert(out.end(), g.data(), g.data() + g.size());
  }
  return out;
}

std::vector<double> batch_gradients(const Problem& problem, const Vector& w, int batch, std::uint64_t seed,
                                    int draws) {
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(draws) * static_cast<std::size_t>(w.size()));
  Vector g(w.size());
  for (int d = 0; d < draws; ++d) {
    Rng rng(Rng::derive(seed, static_cast<std::uint64_t>(d)));
    GradientOracle oracle(problem, batch, rng);
    oracle(w, g);
    out.insert(out.end(), g.data(), g.data() + g.size());
  }
  return out;
}

std::vector<double> gradient_noise(const Problem& problem, std::uint64_t seed, int steps) {
  // A run's generator (run/first_order.hpp's run_with), drawn from as its
  // oracle draws when it has no batches: the noise alone, added to 0.
  Rng rng(seed);
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(steps) * static_cast<std::size_t>(problem.dim()));
  Vector g(problem.dim());
  for (int k = 0; k < steps; ++k) {
    g.setZero();
    GradientOracle::add_noise(problem.gradient_noise(), rng, g);
    out.insert(out.end(), g.data(), g.data() + g.size());
  }
  return out;
}

BatchNoise batch_noise(const Problem& problem, const Vector& w, int batch, std::uint64_t seed, int draws) {
  const int n = problem.num_functions();
  const auto dim = static_cast<std::size_t>(w.size());
  const std::vector<double> parts = part_gradients(problem, w);
  // ‖a − mean‖², summed dimension by dimension.
  BatchNoise out;
  const auto squared_distance = [&](const double* a) {
    double s = 0.0;
    for (std::size_t k = 0; k < dim; ++k) {
      const double d = a[k] - out.mean[static_cast<Eigen::Index>(k)];
      s += d * d;
    }
    return s;
  };
  // Each part's share g_i/n added in turn (not the sum divided once): the
  // page's arrow has always been drawn from these bits.
  out.mean = Vector::Zero(w.size());
  for (int i = 0; i < n; ++i)
    for (std::size_t k = 0; k < dim; ++k)
      out.mean[static_cast<Eigen::Index>(k)] += parts[static_cast<std::size_t>(i) * dim + k] / n;
  for (int i = 0; i < n; ++i) out.sigma2 += squared_distance(parts.data() + static_cast<std::size_t>(i) * dim);
  out.sigma2 /= n;
  // B = n: the batch is the whole sum, no noise (and n = 1 would divide 0 by 0).
  out.law = batch == n ? 0.0 : (out.sigma2 / batch) * (static_cast<double>(n - batch) / (n - 1));
  const std::vector<double> drawn = batch_gradients(problem, w, batch, seed, draws);
  std::vector<double> squares(static_cast<std::size_t>(draws));
  for (int d = 0; d < draws; ++d) squares[static_cast<std::size_t>(d)] = squared_distance(drawn.data() + static_cast<std::size_t>(d) * dim);
  for (double s : squares) out.measured += s;
  out.measured /= draws;
  double spread = 0.0;
  for (double s : squares) spread += (s - out.measured) * (s - out.measured);
  spread /= draws - 1;
  out.standard_error = std::sqrt(spread / draws);
  return out;
}

}  // namespace optlab
