// libFuzzer target over the core's entry points, built with clang and
// AddressSanitizer + UndefinedBehaviorSanitizer (./build.sh fuzz SECONDS).
//
// The first byte of an input picks what the rest is:
//   0  a scenario, as `optlab run`, `finals` and the page's lossSweep and
//      partGradients read it
//   1  a problem, as valueGrid and partGradients read it; its grid then
//      goes through isolines
//   2  a grid of raw doubles with levels and a tolerance, for isolines
//   3  numbers for the momentum analysis (rates, Polyak's optimum, the
//      simulated rate map)
// Text goes through the whole validation, as it comes from a user. What the
// validation accepts is then run only while its counted work stays small
// (kFuzzWork): the work limit itself is tested elsewhere, and a fuzzer
// input must take far less than its one-second timeout.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "analysis/final_positions.hpp"
#include "analysis/isolines.hpp"
#include "analysis/momentum_rate.hpp"
#include "core/limits.hpp"
#include "core/portable_math.hpp"
#include "problems/double_well.hpp"
#include "run/run.hpp"
#include "scenario/output.hpp"
#include "scenario/requests.hpp"
#include "scenario/work.hpp"

namespace {

using namespace optlab;

// Built with assertions and ASan at -O1, a work unit takes some 400 ns
// (a least-squares seed of 5e6 units ran 1.9 s): an input may run up to
// about eight times this budget (whole and split final positions, the run,
// the loss sweep), which keeps it under 0.3 s.
constexpr double kFuzzWork = 1e5;

// Reads the input's bytes in order; past the end, zeros.
struct Bytes {
  const std::uint8_t* data;
  std::size_t size, at = 0;
  std::uint8_t byte() { return at < size ? data[at++] : 0; }
  std::uint64_t word() {
    std::uint64_t x = 0;
    for (int i = 0; i < 8; ++i) x = (x << 8) | byte();
    return x;
  }
  double raw() {
    const std::uint64_t x = word();
    double d;
    std::memcpy(&d, &x, sizeof d);
    return d;
  }
  // A number in [lo, hi], spread over the range on a log or linear scale.
  double in(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(word() >> 11) * 0x1.0p-53; }
  std::string rest() { return std::string(reinterpret_cast<const char*>(data + at), size - at); }
};

class LastLoss final : public RunObserver {
 public:
  void begin(const Vector&, double f, double) override { loss = f; }
  void step_taken(int, const Vector&, double f, double, const IndexList*) override { loss = f; }
  double loss = 0.0;
};

void part_gradients(const Problem& problem, const Vector& w) {
  const int n = problem.num_functions();
  if (n == 0 || static_cast<double>(n) * problem.dim() > kFuzzWork) return;
  Vector g(problem.dim());
  for (int i = 0; i < n; ++i) {
    g.setZero();
    problem.add_part_gradient(w, i, g);
  }
}

// The page computes many runs in short calls (finalPositions with a
// firstRun): any split must give the rows of one whole call, bit for bit.
void pieces(const Scenario& s, int runs) {
  const FinalPositions whole = final_positions(*s.problem, s.optimizer, s.w0, s.steps, s.seed, runs);
  for (int first = 0; first < runs;) {
    const int count = std::min(runs - first, 1 + first % 3);
    const FinalPositions part = final_positions(*s.problem, s.optimizer, s.w0, s.steps, s.seed, count, first);
    const auto d = static_cast<std::size_t>(whole.dim);
    for (int i = 0; i < count; ++i) {
      const auto r = static_cast<std::size_t>(first + i);
      if (part.diverged[static_cast<std::size_t>(i)] != whole.diverged[r] ||
          std::memcmp(&part.w[i * d], &whole.w[r * d], d * sizeof(double)) != 0)
        __builtin_trap();
    }
    first += count;
  }
}

// The annealing figure's landmarks: two minima with the ridge between them,
// each a stationary point of f (to the bisection's accuracy).
void double_well_points(const Problem& problem) {
  const auto* well = dynamic_cast<const DoubleWell*>(&problem);
  if (!well) return;
  const double deep = well->deep_minimum(), shallow = well->shallow_minimum(), ridge = well->ridge();
  if (!(std::isfinite(deep) && std::isfinite(shallow) && std::isfinite(ridge))) __builtin_trap();
  if (!(std::fmin(deep, shallow) <= ridge && ridge <= std::fmax(deep, shallow))) __builtin_trap();
}

void scenario(Bytes& in) {
  const int runs = 1 + in.byte() % 16;
  const std::string text = in.rest();
  Scenario s;
  try {
    s = parse_scenario(text);
  } catch (const ScenarioError&) {
    return;
  }
  double_well_points(*s.problem);
  const double work = run_work(*s.problem, s.optimizer, s.steps);
  if (work > kFuzzWork) return;
  (void)to_json(s, run_scenario(s));
  part_gradients(*s.problem, s.w0);
  if (runs * work <= kFuzzWork) {
    (void)final_positions_json(text, runs);
    pieces(s, runs);
  }
  if (!s.optimizer.info->step_size || 4 * work > kFuzzWork) return;
  for (double scale : {0.5, 2.0, 3.0, 1e3}) {  // lossSweep's runs
    OptimizerSpec spec = s.optimizer;
    spec.lr = std::fmin(spec.lr * scale, limits::kMaxAbsInput);
    LastLoss last;
    (void)run(*s.problem, spec, s.w0, s.steps, s.seed, last);
  }
}

void isolines_of(const std::vector<double>& grid, int nx, int ny, Bytes& in) {
  std::vector<double> levels;
  const int count = 1 + in.byte() % 8;
  for (int i = 0; i < count; ++i) {
    const double x = in.raw();
    levels.push_back(std::isfinite(x) ? x : static_cast<double>(i));
  }
  (void)isolines(grid.data(), nx, ny, levels, in.byte() / 255.0);
}

void problem(Bytes& in) {
  const int nx = 2 + in.byte() % 40, ny = 2 + in.byte() % 40;
  const double x0 = in.in(-limits::kMaxAbsInput, limits::kMaxAbsInput);
  const double x1 = in.in(x0, limits::kMaxAbsInput), y0 = in.in(-10, 10), y1 = in.in(y0, 10);
  if (!(x1 > x0 && y1 > y0)) return;  // valueGrid takes only increasing ranges
  std::unique_ptr<Problem> p;
  try {
    p = parse_problem(parse_json(in.rest(), "the problem"));
  } catch (const ScenarioError&) {
    return;
  }
  part_gradients(*p, Vector::Constant(p->dim(), x0));
  double_well_points(*p);
  if (p->dim() > 2 || nx * ny * p->evaluation_work() > kFuzzWork) return;
  const int rows = p->dim() == 1 ? 1 : ny;
  std::vector<double> grid(static_cast<std::size_t>(nx) * rows);
  value_grid(*p, x0, x1, nx, y0, y1, rows, grid.data());
  if (rows < 2 || first_non_finite(grid.data(), grid.size()) < grid.size()) return;
  Bytes levels{reinterpret_cast<const std::uint8_t*>(grid.data()), 16};
  isolines_of(grid, nx, rows, levels);
}

void raw_isolines(Bytes& in) {
  const int nx = 2 + in.byte() % 24, ny = 2 + in.byte() % 24;
  std::vector<double> grid(static_cast<std::size_t>(nx) * ny);
  for (double& v : grid) {
    // Few distinct values make saddles and flat cells, the hard cases.
    const std::uint8_t b = in.byte();
    v = b < 128 ? static_cast<double>(b % 5) : in.raw();
    if (!std::isfinite(v)) v = 0.0;
  }
  isolines_of(grid, nx, ny, in);
}

void momentum(Bytes& in) {
  const int k = 1 + in.byte() % limits::kMaxDim;
  Vector eigenvalues(k);
  // exp(log(x)) may round past x: the bindings refuse anything over the limit.
  const auto spread = [&in] { return std::fmin(std::exp(in.in(std::log(1e-12), std::log(limits::kMaxAbsInput))), limits::kMaxAbsInput); };
  for (int i = 0; i < k; ++i) eigenvalues[i] = spread();
  const double lr = spread();
  const double beta = in.in(0.0, 1.0) * (1.0 - 0x1.0p-53);
  (void)momentum_rate(lr, beta, eigenvalues);
  const double steps = 2 + in.byte() % 200;
  (void)simulated_momentum_rate(lr, beta, eigenvalues, static_cast<int>(steps), static_cast<int>(steps) / 2);
  const double mu = eigenvalues.minCoeff(), L = eigenvalues.maxCoeff();
  if (mu < L) (void)optimal_momentum(mu, L);
  const int n = 2 + in.byte() % 16;
  std::vector<double> lrs(static_cast<std::size_t>(n)), betas(static_cast<std::size_t>(n)), rate(lrs.size() * betas.size());
  portable_logspace(lr, std::fmin(lr * 100, limits::kMaxAbsInput), n, lrs.data());
  for (int j = 0; j < n; ++j) betas[static_cast<std::size_t>(j)] = beta * j / (n - 1);
  momentum_rate_map(eigenvalues, lrs.data(), n, betas.data(), n, rate.data());
  std::vector<std::uint8_t> colors(4 * 7, 200), image(4 * rate.size());
  rate_map_image(rate.data(), n, n, colors.data(), 7, image.data());
}

// The requests the CLI and the wasm module share, parsed from the rest of
// the input and computed when their work is small.
void request(Bytes& in) {
  const int which = in.byte() % 3;
  const bool simulated = in.byte() % 2 == 1;
  const std::string text = in.rest();
  try {
    if (which == 0) {
      const GridRequest r = parse_grid(text);
      if (r.nx * static_cast<double>(r.ny) * r.problem->evaluation_work() <= kFuzzWork) (void)grid_values(r);
    } else if (which == 1) {
      const RateMapRequest r = parse_rate_map(text, simulated);
      const double cells = static_cast<double>(r.grid.lrs.size() * r.grid.betas.size());
      if (r.steps == 0 && cells <= kFuzzWork) (void)momentum_rate_map(r.grid);
      if (r.steps > 0 && cells * r.steps * r.grid.eigenvalues.size() <= kFuzzWork) (void)simulated_rate_map(r.grid, r.steps);
    } else {
      const GradientsRequest r = parse_gradients(text);
      (void)part_gradients(*r.problem, r.w);
    }
  } catch (const ScenarioError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in{data, size};
  switch (in.byte() % 5) {
    case 0: scenario(in); break;
    case 1: problem(in); break;
    case 2: raw_isolines(in); break;
    case 3: request(in); break;
    default: momentum(in); break;
  }
  return 0;
}
