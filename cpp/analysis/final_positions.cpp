#include "analysis/final_positions.hpp"

#include <numeric>

#include "core/rng.hpp"
#include "problems/double_well.hpp"
#include "run/divergence.hpp"
#include "run/run.hpp"

namespace optlab {

namespace {

class LastIterate final : public RunObserver {
 public:
  void begin(const Vector& w0, double, double) override { w = w0; }
  void step_taken(int, const Vector& wk, double, double, const IndexList*) override { w = wk; }
  Vector w;
};

// SGD on the double well, scalar: the same operations in the same order as
// GradientOracle + VanillaUpdate + iterate_diverged for a 1D problem.
void double_well_sgd(const DoubleWell& problem, double w0, double lr, int batch, int steps,
                     std::uint64_t seed, int runs, FinalPositions& out) {
  const int n = problem.num_functions();
  std::vector<int> pool(static_cast<std::size_t>(n));
  for (int r = 0; r < runs; ++r) {
    Rng rng(Rng::derive(seed, static_cast<std::uint64_t>(r)));
    std::iota(pool.begin(), pool.end(), 0);
    double w = w0;
    bool diverged = false;
    for (int k = 1; k <= steps; ++k) {
      double g = 0.0;
      for (int j = 0; j < batch; ++j) {
        const auto pick = static_cast<std::uint32_t>(j) +
                          rng.below(static_cast<std::uint32_t>(n) - static_cast<std::uint32_t>(j));
        std::swap(pool[static_cast<std::size_t>(j)], pool[pick]);
        g += problem.part_slope(w, pool[static_cast<std::size_t>(j)]);
      }
      g /= static_cast<double>(batch);
      const double next = w - lr * g;
      if (coordinate_diverged(next) || loss_diverged(problem.value_at(next))) {
        diverged = true;
        break;
      }
      w = next;
    }
    out.w[static_cast<std::size_t>(r)] = w;
    out.diverged[static_cast<std::size_t>(r)] = diverged ? 1 : 0;
  }
}

}  // namespace

FinalPositions final_positions_general(const Problem& problem, const OptimizerSpec& optimizer,
                                       const Vector& w0, int steps, std::uint64_t seed, int runs) {
  FinalPositions out;
  out.dim = problem.dim();
  out.w.resize(static_cast<std::size_t>(runs) * static_cast<std::size_t>(out.dim));
  out.diverged.resize(static_cast<std::size_t>(runs));
  for (int r = 0; r < runs; ++r) {
    LastIterate last;
    const RunStatus status = run(problem, optimizer, w0, steps, Rng::derive(seed, static_cast<std::uint64_t>(r)), last);
    std::copy(last.w.data(), last.w.data() + out.dim, out.w.begin() + static_cast<long>(r) * out.dim);
    out.diverged[static_cast<std::size_t>(r)] = status.diverged_at ? 1 : 0;
  }
  return out;
}

FinalPositions final_positions(const Problem& problem, const OptimizerSpec& optimizer,
                               const Vector& w0, int steps, std::uint64_t seed, int runs) {
  const auto* well = dynamic_cast<const DoubleWell*>(&problem);
  if (!well || optimizer.kind != OptimizerKind::Sgd)
    return final_positions_general(problem, optimizer, w0, steps, seed, runs);
  FinalPositions out;
  out.dim = 1;
  out.w.resize(static_cast<std::size_t>(runs));
  out.diverged.resize(static_cast<std::size_t>(runs));
  double_well_sgd(*well, w0[0], optimizer.lr, optimizer.batch, steps, seed, runs, out);
  return out;
}

}  // namespace optlab
