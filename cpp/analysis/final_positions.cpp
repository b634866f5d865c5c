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
// GradientOracle + VanillaUpdate + iterate_diverged for a 1D problem. Each
// SGD step waits on the previous one (a chain of ~8 dependent operations,
// one a division), so Lanes independent runs advance side by side to keep
// the CPU busy; every run still sees exactly its own sequence of operations.
template <int Lanes>
void double_well_sgd(const DoubleWell& problem, double w0, double lr, int batch, int steps,
                     std::uint64_t seed, int first_run, FinalPositions& out) {
  const int n = problem.num_functions();
  const auto un = static_cast<std::uint32_t>(n);
  std::vector<Rng> rng;
  std::vector<int> pool(static_cast<std::size_t>(n * Lanes));
  double w[Lanes];
  bool active[Lanes];
  for (int l = 0; l < Lanes; ++l) {
    rng.emplace_back(Rng::derive(seed, static_cast<std::uint64_t>(first_run + l)));
    std::iota(pool.begin() + l * n, pool.begin() + (l + 1) * n, 0);
    w[l] = w0;
    active[l] = true;
  }
  int live = Lanes;
  for (int k = 1; k <= steps && live > 0; ++k) {
    for (int l = 0; l < Lanes; ++l) {
      if (!active[l]) continue;
      int* lane_pool = pool.data() + l * n;
      double g = 0.0;
      for (int j = 0; j < batch; ++j) {
        const auto pick = static_cast<std::uint32_t>(j) + rng[static_cast<std::size_t>(l)].below(un - static_cast<std::uint32_t>(j));
        std::swap(lane_pool[j], lane_pool[pick]);
        g += problem.part_slope(w[l], lane_pool[j]);
      }
      if (batch > 1) g /= static_cast<double>(batch);  // x / 1 is exact: skipping it changes no bit
      const double next = w[l] - lr * g;
      // |w| <= 1e7 keeps |f| below 3e27, far under the loss bound, so the
      // loss need not be evaluated there; beyond, the general rule applies.
      if (coordinate_diverged(next) || (std::fabs(next) > 1e7 && loss_diverged(problem.value_at(next)))) {
        active[l] = false;
        --live;
        out.diverged[static_cast<std::size_t>(first_run + l)] = 1;
        continue;
      }
      w[l] = next;
    }
  }
  for (int l = 0; l < Lanes; ++l) out.w[static_cast<std::size_t>(first_run + l)] = w[l];
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
  constexpr int kLanes = 4;
  int r = 0;
  for (; r + kLanes <= runs; r += kLanes)
    double_well_sgd<kLanes>(*well, w0[0], optimizer.lr, optimizer.batch, steps, seed, r, out);
  for (; r < runs; ++r) double_well_sgd<1>(*well, w0[0], optimizer.lr, optimizer.batch, steps, seed, r, out);
  return out;
}

}  // namespace optlab
