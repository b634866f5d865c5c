#include "analysis/final_positions.hpp"

#include <numeric>


#include "core/divergence.hpp"
#include "core/f64x2.hpp"
#include "core/rng.hpp"
#include "core/rng_simd.hpp"
#include "optimizers/gd.hpp"
#include "problems/double_well.hpp"
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
// Not inlined, as sgd_pairs below: V8 optimizes the loop on its own.
template <int Lanes, bool kOneExample>
__attribute__((noinline)) void double_well_sgd(const DoubleWell& problem, double w0, double lr, int batch,
                                               int steps, std::uint64_t seed, int base, int first_run,
                                               FinalPositions& out) {
  const int n = problem.num_functions();
  const auto un = static_cast<std::uint32_t>(n);
  std::vector<Rng> rng;
  std::vector<int> pool(static_cast<std::size_t>(n * Lanes));
  double w[Lanes];
  bool active[Lanes];
  for (int l = 0; l < Lanes; ++l) {
    rng.emplace_back(Rng::derive(seed, static_cast<std::uint64_t>(base + first_run + l)));
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
      for (int j = 0; j < (kOneExample ? 1 : batch); ++j) {
        const auto pick = static_cast<std::uint32_t>(j) + rng[static_cast<std::size_t>(l)].below(un - static_cast<std::uint32_t>(j));
        std::swap(lane_pool[j], lane_pool[pick]);
        g += DoubleWell::slope_of(w[l], problem.part_constant(lane_pool[j]));
      }
      if (!kOneExample && batch > 1) g /= static_cast<double>(batch);  // x / 1 is exact: skipping it changes no bit
      const double next = vanilla_step(w[l], lr, g);
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


#ifdef __wasm_simd128__
// The same loop for WebAssembly, two runs per 128-bit vector, eight runs in
// flight. V8 keeps few 64-bit scalars in registers, so interleaved scalar
// generators spill; as i64x2 vectors the xoshiro256** states of two runs
// advance in one set of instructions. Every lane performs exactly the scalar
// operations: integer shifts, xors and adds are exact, and f64x2
// add/sub/mul/div round each lane as IEEE double arithmetic does (wasm SIMD
// has no fused multiply-add without relaxed-simd, which is not enabled).

// Some lane of a pair is beyond 1e7 (or NaN): the scalar rule decides for
// each lane; returns the pair's new mask of live lanes. Rare, so it is kept
// out of the loop below, which V8 then compiles as a smaller function.
__attribute__((noinline)) v128_t far_lanes(const DoubleWell& problem, v128_t next, v128_t active, int first,
                                           int& live, FinalPositions& out) {
  const double v[2] = {wasm_f64x2_extract_lane(next, 0), wasm_f64x2_extract_lane(next, 1)};
  const bool was[2] = {wasm_i64x2_extract_lane(active, 0) != 0, wasm_i64x2_extract_lane(active, 1) != 0};
  bool keep[2];
  for (int l = 0; l < 2; ++l) {
    keep[l] = was[l];
    if (was[l] && (coordinate_diverged(v[l]) || (std::fabs(v[l]) > 1e7 && loss_diverged(problem.value_at(v[l]))))) {
      keep[l] = false;
      --live;
      out.diverged[static_cast<std::size_t>(first + l)] = 1;
    }
  }
  return wasm_i64x2_make(keep[0] ? -1 : 0, keep[1] ? -1 : 0);
}

struct SimdPair {
  Xoshiro2 gen;
  v128_t w, active;
};

// The steps of four pairs of runs (first_run .. first_run + 7), each pair's
// pools of example indices at pool + 2pn and pool + (2p + 1)n. Only this loop
// is hot: V8 optimizes it as a function of its own, and the optimizing
// compiler's time grows faster than a function's size, so the set-up stays
// in the caller.
template <bool kOneExample>
__attribute__((noinline)) void sgd_pairs(const DoubleWell& problem, const double* part, int* pool, int n, double lr,
                                         int batch, int steps, int first_run, SimdPair (&pairs)[4], FinalPositions& out) {
  const auto un = static_cast<std::uint32_t>(n);
  const OpaqueZero sh = OpaqueZero::make();
  const v128_t size = wasm_f64x2_splat(static_cast<double>(batch));
  const v128_t quiet = wasm_f64x2_splat(1e7);
  int live = 8;
  SimdPair a = pairs[0], b = pairs[1], c = pairs[2], d = pairs[3];

  auto step = [&](SimdPair& s, int p) __attribute__((always_inline)) {
    int* pool0 = pool + (2 * p) * n;
    int* pool1 = pool0 + n;
    v128_t g = wasm_f64x2_splat(0.0);
    for (int j = 0; j < (kOneExample ? 1 : batch); ++j) {
      const auto uj = static_cast<std::uint32_t>(j);
      std::uint32_t pick0, pick1;
      below2(s.gen, sh, un - uj, pick0, pick1);
      pick0 += uj;
      pick1 += uj;
      std::swap(pool0[j], pool0[pick0]);
      std::swap(pool1[j], pool1[pick1]);
      const F64x2 constant(wasm_f64x2_make(part[pool0[j]], part[pool1[j]]));
      g = wasm_f64x2_add(g, DoubleWell::slope_of(F64x2(s.w), constant).v);
    }
    if (!kOneExample && batch > 1) g = wasm_f64x2_div(g, size);
    const v128_t next = vanilla_step(F64x2(s.w), lr, F64x2(g)).v;
    if (!wasm_i64x2_all_true(wasm_f64x2_le(wasm_f64x2_abs(next), quiet)))
      s.active = far_lanes(problem, next, s.active, first_run + 2 * p, live, out);
    s.w = wasm_v128_bitselect(next, s.w, s.active);
  };

  for (int k = 1; k <= steps && live > 0; ++k) {
    step(a, 0);
    step(b, 1);
    step(c, 2);
    step(d, 3);
  }
  pairs[0] = a;
  pairs[1] = b;
  pairs[2] = c;
  pairs[3] = d;
}

// Runs first_run .. first_run + 7, as four pairs.
template <bool kOneExample>
void double_well_sgd_simd(const DoubleWell& problem, double w0, double lr, int batch, int steps,
                          std::uint64_t seed, int base, int first_run, FinalPositions& out) {
  const int n = problem.num_functions();
  std::vector<double> part(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) part[static_cast<std::size_t>(i)] = problem.part_constant(i);
  std::vector<int> pool(static_cast<std::size_t>(n * 8));
  for (int l = 0; l < 8; ++l) std::iota(pool.begin() + l * n, pool.begin() + (l + 1) * n, 0);
  SimdPair pairs[4];
  for (int p = 0; p < 4; ++p) pairs[p] = {make_pair(seed, base + first_run + 2 * p), wasm_f64x2_splat(w0), wasm_i64x2_splat(-1)};
  sgd_pairs<kOneExample>(problem, part.data(), pool.data(), n, lr, batch, steps, first_run, pairs, out);
  for (int p = 0; p < 4; ++p) {
    out.w[static_cast<std::size_t>(first_run + 2 * p)] = wasm_f64x2_extract_lane(pairs[p].w, 0);
    out.w[static_cast<std::size_t>(first_run + 2 * p + 1)] = wasm_f64x2_extract_lane(pairs[p].w, 1);
  }
}
#endif

}  // namespace

FinalPositions final_positions_general(const Problem& problem, const OptimizerSpec& optimizer,
                                       const Vector& w0, int steps, std::uint64_t seed, int runs,
                                       int first_run) {
  FinalPositions out;
  out.dim = problem.dim();
  out.w.resize(static_cast<std::size_t>(runs) * static_cast<std::size_t>(out.dim));
  out.diverged.resize(static_cast<std::size_t>(runs));
  for (int r = 0; r < runs; ++r) {
    LastIterate last;
    const RunStatus status = run(problem, optimizer, w0, steps, Rng::derive(seed, static_cast<std::uint64_t>(first_run + r)), last);
    std::copy(last.w.data(), last.w.data() + out.dim, out.w.begin() + static_cast<long>(r) * out.dim);
    out.diverged[static_cast<std::size_t>(r)] = status.diverged_at ? 1 : 0;
  }
  return out;
}

FinalPositions final_positions(const Problem& problem, const OptimizerSpec& optimizer,
                               const Vector& w0, int steps, std::uint64_t seed, int runs, int first_run) {
  // The fast loop is SGD's rule (vanilla_step with a mini-batch) on the double well.
  const DoubleWell* well = problem.as_double_well();
  // Sgd's name, built once: info() makes a whole description, and a page
  // calls this once per slice of runs.
  static const std::string sgd = Sgd::info().name;
  if (!well || optimizer.info->name != sgd || problem.gradient_noise() > 0.0)
    return final_positions_general(problem, optimizer, w0, steps, seed, runs, first_run);
  FinalPositions out;
  out.dim = 1;
  out.w.resize(static_cast<std::size_t>(runs));
  out.diverged.resize(static_cast<std::size_t>(runs));
  constexpr int kLanes = 8;
  int r = 0;
  for (; r + kLanes <= runs; r += kLanes)
#ifdef __wasm_simd128__
    if (optimizer.batch == 1)
      double_well_sgd_simd<true>(*well, w0[0], optimizer.lr, 1, steps, seed, first_run, r, out);
    else
      double_well_sgd_simd<false>(*well, w0[0], optimizer.lr, optimizer.batch, steps, seed, first_run, r, out);
#else
    if (optimizer.batch == 1)
      double_well_sgd<kLanes, true>(*well, w0[0], optimizer.lr, 1, steps, seed, first_run, r, out);
    else
      double_well_sgd<kLanes, false>(*well, w0[0], optimizer.lr, optimizer.batch, steps, seed, first_run, r, out);
#endif
  for (; r < runs; ++r) double_well_sgd<1, false>(*well, w0[0], optimizer.lr, optimizer.batch, steps, seed, first_run, r, out);
  return out;
}

}  // namespace optlab
