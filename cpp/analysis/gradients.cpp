#include "analysis/gradients.hpp"

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

}  // namespace optlab
