// The momentum rate formula against simulation, the optimal (γ*, β*), and the
// Monte Carlo fast path against the general run loop.
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "analysis/final_positions.hpp"
#include "analysis/gradients.hpp"
#include "analysis/isolines.hpp"
#include "analysis/momentum_rate.hpp"
#include "analysis/path_stats.hpp"
#include "analysis/step_size_regime.hpp"
#include "core/portable_math.hpp"
#include "helpers.hpp"
#include "problems/double_well.hpp"
#include "problems/quadratic.hpp"
#include "problems/quadratic1d.hpp"
#include "problems/rosenbrock.hpp"
#include "run/registry.hpp"
#include "scenario/scenario.hpp"

#include <algorithm>
#include <array>
#include <limits>

using namespace optlab;

TEST_CASE("the rate of gradient descent is |1 − γλ|") {
  CHECK(momentum_rate(0.1, 0.0, 4.0) == doctest::Approx(0.6));
  CHECK(momentum_rate(0.4, 0.0, 4.0) == doctest::Approx(0.6));
  CHECK(momentum_rate(0.25, 0.0, 4.0) == 0.0);
  CHECK(momentum_rate(0.6, 0.0, 4.0) == doctest::Approx(1.4));
}

TEST_CASE("regimes follow γ·λmax against 1 and 2") {
  CHECK(classify_step_size(0.1, 4) == Regime::TooSmall);
  CHECK(classify_step_size(0.25, 4) == Regime::Optimal);
  CHECK(classify_step_size(0.3, 4) == Regime::Oscillating);
  CHECK(classify_step_size(0.5, 4) == Regime::Boundary);
  CHECK(classify_step_size(0.5000001, 4) == Regime::Diverging);
  CHECK(classify_step_size(1.0 / 3.0, 3) == Regime::Optimal);  // rounding in γ = 1/a
}

TEST_CASE("the closed-form rate matches the contraction of simulated runs") {
  Vector eig(2);
  eig << 1.0, 5.0;
  int checked = 0;
  for (double beta : {0.0, 0.3, 0.6, 0.9}) {
    for (double lr : {0.01, 0.05, 0.1, 0.2, 0.3, 0.45}) {
      const double predicted = momentum_rate(lr, beta, eig);
      // Near critical damping (a double root) the error decays like k ρ^k;
      // skip those few cells, where no finite run shows ρ cleanly.
      bool near_double_root = false;
      for (int i = 0; i < 2; ++i) {
        const double t = 1 + beta - lr * eig[i];
        near_double_root = near_double_root || (beta > 0 && std::fabs(t * t - 4 * beta) < 0.05);
      }
      if (near_double_root || predicted < 0.05) continue;
      CAPTURE(lr);
      CAPTURE(beta);
      CHECK(simulated_momentum_rate(lr, beta, eig, 3000, 1000) == doctest::Approx(predicted).epsilon(0.01));
      ++checked;
    }
  }
  CHECK(checked >= 15);
}

TEST_CASE("real momentum runs on the bowl contract at the predicted rate") {
  const double lr = 0.1, beta = 0.6;
  const auto out = test::run_json(R"({"problem":{"kind":"quadratic","A":[[1,0],[0,5]]},"optimizer":{"kind":"momentum","lr":0.1,"beta":0.6},"w0":[1,1],"steps":300})");
  Vector eig(2);
  eig << 1.0, 5.0;
  const double predicted = momentum_rate(lr, beta, eig);
  CHECK(out["rate"].get<double>() == predicted);
  auto norm_at = [&](int k) { return std::hypot(out["w"][k][0].get<double>(), out["w"][k][1].get<double>()); };
  const double measured = std::pow(norm_at(300) / norm_at(200), 1.0 / 100.0);
  CHECK(measured == doctest::Approx(predicted).epsilon(0.01));
}

TEST_CASE("Nesterov's runs contract (or grow) at Nesterov's own rate, not heavy ball's") {
  Vector eig(2);
  eig << 1.0, 5.0;
  int checked = 0;
  for (double beta : {0.0, 0.146, 0.5, 0.9}) {
    for (double lr : {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.382, 0.45}) {
      const std::string scenario = R"({"problem":{"kind":"quadratic","A":[[1,0],[0,5]]},"optimizer":{"kind":"nesterov","lr":)" +
                                   format_number(lr) + R"(,"beta":)" + format_number(beta) + R"(},"w0":[1,1],"steps":200})";
      const auto out = test::run_json(scenario);
      const double predicted = nesterov_rate(lr, beta, eig);
      CHECK(out["rate"].get<double>() == predicted);
      // Near a double root the error decays like k ρ^k; a run that stopped
      // (diverged) or reached rounding shows no clean rate.
      bool near_double_root = false;
      for (int i = 0; i < 2; ++i) {
        const double x = lr * eig[i], t = (1 + beta) * (1 - x), d = beta * (1 - x);
        near_double_root = near_double_root || std::fabs(t * t - 4 * d) < 0.05;
      }
      if (near_double_root || predicted < 0.3 || out["w"].size() < 201) continue;
      auto norm_at = [&](int k) { return std::hypot(out["w"][k][0].get<double>(), out["w"][k][1].get<double>()); };
      if (norm_at(200) < 1e-250) continue;
      CAPTURE(lr);
      CAPTURE(beta);
      CHECK(std::pow(norm_at(200) / norm_at(100), 1.0 / 100.0) == doctest::Approx(predicted).epsilon(0.02));
      ++checked;
    }
  }
  CHECK(checked >= 12);
  // The star of figure 4 (Polyak's best for heavy ball on this bowl) is out
  // of Nesterov's bounds: γL = 1.91 > 2(1 + β)/(1 + 2β) = 1.77.
  const auto best = optimal_momentum(1.0, 5.0);
  CHECK(momentum_rate(best.lr, best.beta, eig) < 1.0);
  CHECK(nesterov_rate(best.lr, best.beta, eig) > 1.0);
  CHECK(best.lr > nesterov_stable_lr(best.beta, 5.0));
  CHECK(nesterov_rate(nesterov_stable_lr(0.5, 5.0), 0.5, 5.0) == doctest::Approx(1.0));
  // β = 0 is gradient descent for both.
  CHECK(nesterov_rate(0.3, 0.0, eig) == momentum_rate(0.3, 0.0, eig));
}

TEST_CASE("the optimal (γ*, β*) beats every point of a fine grid") {
  const double mu = 1.0, L = 5.0;
  const auto best = optimal_momentum(mu, L);
  const double kappa = L / mu;
  CHECK(best.rate == doctest::Approx((std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1)));
  Vector eig(2);
  eig << mu, L;
  // At the optimum both extreme eigenvalues sit on a double root, where the
  // square root of a rounding-sized discriminant costs about half the digits.
  CHECK(momentum_rate(best.lr, best.beta, eig) == doctest::Approx(best.rate).epsilon(1e-7));
  std::vector<double> lrs(200), betas(200), rates(200 * 200);
  portable_logspace(0.01, 2.0, 200, lrs.data());
  for (int j = 0; j < 200; ++j) betas[static_cast<std::size_t>(j)] = 0.995 * j / 199.0;
  momentum_rate_map(eig, lrs.data(), 200, betas.data(), 200, rates.data());
  for (double r : rates) CHECK(r >= best.rate - 1e-12);
}

TEST_CASE("rate map: each cell is the scalar formula's rate, bit for bit") {
  // The map is computed row by row in a vectorisable order; every cell must
  // still be momentum_rate(γ, β, eigenvalues) exactly: complex roots,
  // real roots, divergent cells and exact zeros (γλ = 1, β = 0) included.
  Vector eig(3);
  eig << 0.5, 1.0, 20.0;
  const int n_lr = 61, n_beta = 37;
  std::vector<double> lrs(n_lr), betas(n_beta), rates(n_lr * n_beta);
  portable_logspace(0.001, 4.0, n_lr, lrs.data());
  lrs[7] = 1.0;  // γλ = 1 for λ = 1
  for (int j = 0; j < n_beta; ++j) betas[static_cast<std::size_t>(j)] = 0.999 * j / (n_beta - 1.0);
  momentum_rate_map(eig, lrs.data(), n_lr, betas.data(), n_beta, rates.data());
  int complex = 0, divergent = 0;
  for (int j = 0; j < n_beta; ++j)
    for (int i = 0; i < n_lr; ++i) {
      const double lr = lrs[static_cast<std::size_t>(i)], beta = betas[static_cast<std::size_t>(j)];
      const double expected = momentum_rate(lr, beta, eig);
      const double got = rates[static_cast<std::size_t>(j * n_lr + i)];
      CHECK(std::memcmp(&got, &expected, sizeof got) == 0);
      complex += got == std::sqrt(beta) && beta > 0.0;
      divergent += !(got < 1.0);
    }
  CHECK(complex > 0);
  CHECK(divergent > 0);
}

TEST_CASE("rate map: region boundaries where the lecture puts them") {
  Vector eig(1);
  eig << 1.0;
  CHECK(momentum_rate(2.0 * (1 + 0.5) - 1e-9, 0.5, eig) < 1.0);  // γλ < 2(1 + β) converges
  CHECK(momentum_rate(2.0 * (1 + 0.5) + 1e-9, 0.5, eig) > 1.0);
  CHECK(momentum_rate(0.01, 0.999, eig) == doctest::Approx(std::sqrt(0.999)));  // ripples: |z| = √β
}

TEST_CASE("the divergent edge γL = 2(1 + β) is where the rate reaches 1") {
  const std::vector<double> edge = divergent_edge(5.0, 0.0, 0.99, 64);
  REQUIRE(edge.size() == 2 * 65);
  CHECK(edge[0] == 2.0 / 5.0);
  CHECK(edge[1] == 0.0);
  CHECK(edge[2 * 64 + 1] == 0.99);
  Vector eig(2);
  eig << 1.0, 5.0;
  for (std::size_t k = 0; k < edge.size(); k += 2) {
    CHECK(edge[k] == doctest::Approx(2.0 * (1.0 + edge[k + 1]) / 5.0));
    CHECK(momentum_rate(edge[k], edge[k + 1], eig) == doctest::Approx(1.0));
    CHECK(momentum_rate(edge[k] * (1 - 1e-9), edge[k + 1], eig) < 1.0);
  }
}

TEST_CASE("critical damping: β = (1 − √(γλ))² from lr_lo, cut on the divergent region's edge") {
  for (const auto& bowl : std::vector<std::pair<double, double>>{{1, 5}, {0.1, 100}, {1, 10}}) {
    const double mu = bowl.first, L = bowl.second;  // not a structured binding: CAPTURE takes it by reference
    for (const double lambda : {mu, L}) {
      CAPTURE(mu);
      CAPTURE(L);
      CAPTURE(lambda);
      const std::vector<double> points = critical_damping_curve(lambda, L, 0.001, 1.0, 200);
      REQUIRE(points.size() > 200);
      CHECK(points[0] == 0.001);
      for (std::size_t k = 0; k < points.size(); k += 2) {
        const double lr = points[k], beta = points[k + 1];
        CHECK(beta == doctest::Approx((1 - std::sqrt(lr * lambda)) * (1 - std::sqrt(lr * lambda))).epsilon(1e-15));
        CHECK(lr * L < 2 * (1 + beta));  // every point converges
        if (k > 0) CHECK(lr > points[k - 2]);
      }
      const double lr = points[points.size() - 2], beta = points.back();
      // The bowl's own curvature L ends at γ = 1/L, β = 0, well inside; the
      // smaller one, whose curve runs on to γ = 1/μ, meets the edge.
      if (lambda == L) {
        CHECK(points.size() == 2 * 201);
        CHECK(lr == 1.0 / L);
      } else {
        CHECK(std::fabs(lr * L - 2 * (1 + beta)) < 1e-9);
      }
    }
  }
  // On the course's bowl the shallow curve ends at γ ≈ 0.43, short of 1/μ = 1.
  const std::vector<double> shallow = critical_damping_curve(1.0, 5.0, 0.001, 1.0, 200);
  CHECK(shallow[shallow.size() - 2] > 0.4);
  CHECK(shallow[shallow.size() - 2] < 0.45);
  // A curve that starts inside the divergent region has no point.
  CHECK(critical_damping_curve(1.0, 5.0, 0.5, 1.0, 10).empty());
}

TEST_CASE("momentum regions: divergent by the exact rate, monotone under L's critical damping, ripples elsewhere") {
  Vector eig(2);
  eig << 1.0, 5.0;
  CHECK(momentum_region(eig, 0.05, 0.8) == MomentumRegion::ripples);     // figure 4's default point
  CHECK(momentum_region(eig, 0.05, 0.25) == MomentumRegion::monotone);   // on L's curve, (1 − √0.25)²
  CHECK(momentum_region(eig, 0.05, 0.2501) == MomentumRegion::ripples);
  CHECK(momentum_region(eig, 0.3, 0.0) == MomentumRegion::ripples);      // γL > 1: the stiff mode flips sign
  CHECK(momentum_region(eig, 0.9, 0.1) == MomentumRegion::divergent);
  CHECK(momentum_region(eig, 2 * 1.5 / 5 * (1 + 1e-12), 0.5) == MomentumRegion::divergent);
  CHECK(momentum_region(eig, 2 * 1.5 / 5 * (1 - 1e-9), 0.5) == MomentumRegion::ripples);
  CHECK(to_string(MomentumRegion::monotone) == "monotone");
  CHECK(to_string(MomentumRegion::ripples) == "ripples");
  CHECK(to_string(MomentumRegion::divergent) == "divergent");
  // The grid is the points, row by row in β; divergent exactly where the rate is not below 1.
  std::vector<double> lrs(40), betas(30);
  portable_logspace(0.001, 1.0, 40, lrs.data());
  for (int j = 0; j < 30; ++j) betas[static_cast<std::size_t>(j)] = 0.99 * j / 29.0;
  std::vector<MomentumRegion> grid(40 * 30);
  momentum_region_grid(eig, lrs.data(), 40, betas.data(), 30, grid.data());
  int seen[3] = {0, 0, 0};
  for (int j = 0; j < 30; ++j)
    for (int i = 0; i < 40; ++i) {
      const double lr = lrs[static_cast<std::size_t>(i)], beta = betas[static_cast<std::size_t>(j)];
      const MomentumRegion r = grid[static_cast<std::size_t>(j * 40 + i)];
      CHECK(r == momentum_region(eig, lr, beta));
      CHECK((r == MomentumRegion::divergent) == !(momentum_rate(lr, beta, eig) < 1.0));
      ++seen[static_cast<int>(r)];
    }
  CHECK(seen[0] > 0);
  CHECK(seen[1] > 0);
  CHECK(seen[2] > 0);
}

TEST_CASE("batch noise: the law σ²/B · (n − B)/(n − 1) against the draws' measured variance") {
  const auto problem = parse_problem(Json::parse(R"({"kind": "least_squares", "n": 12, "dim": 2, "data_seed": 2})"));
  Vector w(2);
  w << 0.7, -1.3;
  const std::vector<double> parts = part_gradients(*problem, w);
  Vector full = Vector::Zero(2);
  for (int i = 0; i < 12; ++i) full += Eigen::Map<const Vector>(parts.data() + 2 * i, 2) / 12.0;
  double sigma2 = 0.0;
  for (int i = 0; i < 12; ++i) sigma2 += (Eigen::Map<const Vector>(parts.data() + 2 * i, 2) - full).squaredNorm() / 12.0;
  for (const int batch : {1, 3, 6, 11}) {
    CAPTURE(batch);
    const BatchNoise b = batch_noise(*problem, w, batch, 9, 40);
    CHECK(b.mean[0] == doctest::Approx(full[0]).epsilon(1e-14));
    CHECK(b.mean[1] == doctest::Approx(full[1]).epsilon(1e-14));
    CHECK(b.sigma2 == doctest::Approx(sigma2).epsilon(1e-13));
    CHECK(b.law == doctest::Approx(sigma2 / batch * (12.0 - batch) / 11.0).epsilon(1e-13));
    // measured and its standard error are those of batch_gradients' draws.
    const std::vector<double> g = batch_gradients(*problem, w, batch, 9, 40);
    std::vector<double> squares;
    for (int d = 0; d < 40; ++d) squares.push_back((Eigen::Map<const Vector>(g.data() + 2 * d, 2) - b.mean).squaredNorm());
    double mean = 0.0, var = 0.0;
    for (double s : squares) mean += s / 40.0;
    for (double s : squares) var += (s - mean) * (s - mean) / 39.0;
    CHECK(b.measured == doctest::Approx(mean).epsilon(1e-13));
    CHECK(b.standard_error == doctest::Approx(std::sqrt(var / 40.0)).epsilon(1e-12));
  }
  // With many draws the measurement lands near the law (within 4 standard errors).
  for (const int batch : {1, 2, 4, 8}) {
    const BatchNoise b = batch_noise(*problem, w, batch, 1, 4000);
    CHECK(std::fabs(b.measured - b.law) < 4 * b.standard_error);
  }
  // B = n: the batch is the whole sum, no noise by the law, and none (up to rounding) measured.
  const BatchNoise whole = batch_noise(*problem, w, 12, 3, 5);
  CHECK(whole.law == 0.0);
  CHECK(whole.measured < 1e-24);
}

TEST_CASE("rate map image: colours by digits per step, divergent as the slowest, β upwards") {
  // Four colour entries: index 3 fast, 0 slow; each entry's red byte is its index.
  const std::uint8_t colors[16] = {0, 9, 9, 9, 1, 9, 9, 9, 2, 9, 9, 9, 3, 9, 9, 9};
  // Row 0 (smallest β): rate 0 (fastest), 0.9 (1 digit), 0.999 (3 digits); row 1: 0.99999 (capped), 1, NaN.
  const double rate[6] = {0.0, 0.9, 0.999, 0.99999, 1.0, std::nan("")};
  std::uint8_t rgba[24] = {};
  rate_map_image(rate, 3, 2, colors, 4, rgba);
  // Image row 0 is β row 1 (β grows upwards).
  CHECK(rgba[0] == 0);     // 0.99999: capped at 3 digits, the slowest entry
  CHECK(rgba[1] == 9);
  CHECK(rgba[4] == 0);     // rate 1: divergent, the slowest entry
  CHECK(rgba[5] == 9);
  CHECK(rgba[8] == 0);     // NaN counts as divergent
  for (int k = 3; k < 24; k += 4) CHECK(rgba[k] == 255);  // opaque
  CHECK(rgba[12] == 3);    // rate 0: the fastest entry
  CHECK(rgba[16] == 2);    // one digit of three: round(3 · 2/3) = 2
  CHECK(rgba[20] == 0);    // three digits: the slowest
}

namespace {

OptimizerSpec sgd_spec(double lr, int batch) { return optlab::optimizer_spec("sgd", lr, batch); }

// The fast path's final positions and divergence flags, checked equal to the general loop's.
FinalPositions check_fast_equals_general(const DoubleWell& well, const OptimizerSpec& sgd, double w0, int steps,
                                         std::uint64_t seed, int runs) {
  const Vector start = Vector::Constant(1, w0);
  const auto fast = final_positions(well, sgd, start, steps, seed, runs);
  const auto slow = final_positions_general(well, sgd, start, steps, seed, runs);
  CHECK(fast.w == slow.w);
  CHECK(fast.diverged == slow.diverged);
  return fast;
}

}  // namespace

TEST_CASE("Monte Carlo fast path equals the general loop bit for bit") {
  const DoubleWell well(16, 0.25, 2.0);
  for (int batch : {1, 4}) check_fast_equals_general(well, sgd_spec(0.1, batch), well.shallow_minimum(), 500, 42, 60);
  // And diverging runs too.
  const auto wild = check_fast_equals_general(well, sgd_spec(3.0, 1), 0.8, 100, 1, 20);
  CHECK(wild.diverged[0] == 1);
  // An odd number of parts (Lemire's threshold is not 0) and 8k + 5 runs.
  const DoubleWell odd(7, 0.1, 1.0);
  for (int batch : {1, 3, 7}) check_fast_equals_general(odd, sgd_spec(0.2, batch), odd.shallow_minimum(), 300, 9, 21);
}

TEST_CASE("final positions in pieces: runs first_run .. first_run + k − 1 are rows of the whole") {
  // The page computes many runs a few at a time; the pieces must be the very
  // runs of one call, on the fast path (SIMD lanes of 8 and the scalar tail)
  // and on the general loop.
  const DoubleWell well(16, 0.25, 2.0);
  const Vector w0 = Vector::Constant(1, well.shallow_minimum());
  const OptimizerSpec momentum = optlab::optimizer_spec("momentum", 0.05, 0, {{"beta", 0.5}});
  for (const OptimizerSpec& spec : {sgd_spec(0.1, 1), sgd_spec(0.2, 3), momentum}) {
    const FinalPositions whole = final_positions(well, spec, w0, 300, 11, 37);
    for (const auto& [first, count] : std::vector<std::pair<int, int>>{{0, 8}, {3, 13}, {8, 29}, {36, 1}}) {
      const FinalPositions part = final_positions(well, spec, w0, 300, 11, count, first);
      REQUIRE(part.w.size() == static_cast<std::size_t>(count));
      for (int i = 0; i < count; ++i) {
        CHECK(part.w[static_cast<std::size_t>(i)] == whole.w[static_cast<std::size_t>(first + i)]);
        CHECK(part.diverged[static_cast<std::size_t>(i)] == whole.diverged[static_cast<std::size_t>(first + i)]);
      }
    }
  }
}

TEST_CASE("the double well's ridge: the root of f' between the minima, where f is highest between them") {
  for (double tilt : {-0.38, -0.25, 0.0, 0.1, 0.25, 0.38}) {
    const DoubleWell well(16, tilt, 1.5);
    const double ridge = well.ridge(), deep = well.deep_minimum(), shallow = well.shallow_minimum();
    CHECK(std::fabs(ridge * (ridge * ridge - 1.0) + tilt) < 1e-15);
    CHECK(std::min(deep, shallow) < ridge);
    CHECK(ridge < std::max(deep, shallow));
    for (double w = std::min(deep, shallow); w < std::max(deep, shallow); w += 1e-3)
      CHECK(well.value_at(w) <= well.value_at(ridge) + 1e-15);
  }
  // docs/scenario.md's numbers: h = 0.25, ridge 0.051 above the shallow minimum and 0.546 above the deep one.
  const DoubleWell well(16, 0.25, 1.5);
  CHECK(std::fabs(well.value_at(well.ridge()) - well.value_at(well.shallow_minimum()) - 0.051) < 5e-4);
  CHECK(std::fabs(well.value_at(well.ridge()) - well.value_at(well.deep_minimum()) - 0.546) < 5e-4);
}

TEST_CASE("annealing: SGD noise carries runs over the ridge that GD never crosses") {
  const DoubleWell well(16, 0.25, 2.0);
  const Vector w0 = Vector::Constant(1, well.shallow_minimum());
  OptimizerSpec sgd = sgd_spec(0.1, 1);
  auto escaped = [&](const FinalPositions& f) {
    int count = 0;
    for (double w : f.w) count += w < 0.0 ? 1 : 0;
    return count;
  };
  const int runs = 400;
  const int small_batch = escaped(final_positions(well, sgd, w0, 1000, 7, runs));
  sgd.batch = 8;
  const int large_batch = escaped(final_positions(well, sgd, w0, 1000, 7, runs));
  const OptimizerSpec gd = optlab::optimizer_spec("gd", 0.1);
  const int full = escaped(final_positions(well, gd, w0, 1000, 7, 1));
  CHECK(full == 0);
  CHECK(small_batch > runs / 4);
  CHECK(large_batch < small_batch);
}

TEST_CASE("the documented annealing defaults: batch size tames the escape") {
  // docs/scenario.md and double_well.hpp quote these fractions for the defaults.
  auto escaped_fraction = [](int batch) {
    const auto s = parse_scenario(R"({"problem":{"kind":"double_well"},"optimizer":{"kind":"sgd","lr":0.1,"batch":)" +
                                  std::to_string(batch) + R"(},"w0":[0.8375],"steps":1000,"seed":1})");
    const auto f = final_positions(*s.problem, s.optimizer, s.w0, s.steps, s.seed, 400);
    return static_cast<double>(std::count_if(f.w.begin(), f.w.end(), [](double w) { return w < 0; })) / 400.0;
  };
  CHECK(escaped_fraction(1) > 0.9);
  const double two = escaped_fraction(2);
  CHECK((two > 0.45 && two < 0.8));
  CHECK(escaped_fraction(4) < 0.1);
}

TEST_CASE("isolines: marching squares traces circles of f = x^2 + y^2 at the right radius") {
  const int n = 41;  // x, y in [-2, 2], point i at -2 + 0.1 i
  std::vector<double> f(n * n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const double x = -2 + 0.1 * i, y = -2 + 0.1 * j;
      f[j * n + i] = x * x + y * y;
    }
  const std::vector<double> levels = {0.25, 1.0, 2.25, 100.0};
  const auto s = isolines(f.data(), n, n, levels);
  REQUIRE(s.size() % 5 == 0);
  int per_level[4] = {0, 0, 0, 0};
  double worst = 0.0;
  for (std::size_t k = 0; k < s.size(); k += 5) {
    const int l = static_cast<int>(s[k]);
    ++per_level[l];
    for (int e = 0; e < 2; ++e) {
      const double x = -2 + 0.1 * s[k + 1 + 2 * e], y = -2 + 0.1 * s[k + 2 + 2 * e];
      // Linear interpolation of x² along an edge overestimates the radius by at most h²/(8r).
      worst = std::max(worst, std::fabs(std::sqrt(x * x + y * y) - std::sqrt(levels[l])));
    }
  }
  CHECK(worst < 0.01);
  CHECK(per_level[3] == 0);  // above every sample: no line
  // Each circle is closed, so it crosses as many cells as its length in cells, about 2πr / h.
  for (int l = 0; l < 3; ++l) CHECK(per_level[l] >= static_cast<int>(2 * 3.14159 * std::sqrt(levels[l]) / 0.1));
}

TEST_CASE("isolines: a tolerance keeps each line within it of every traced point, with fewer points") {
  // Rosenbrock on a 161-point grid, the lesson's figure 8.
  const int n = 161;
  std::vector<double> f(n * n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const double x = -2 + 4.0 * i / (n - 1), y = -1 + 4.0 * j / (n - 1);
      f[j * n + i] = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }
  std::vector<double> levels;
  for (int l = 0; l < 12; ++l) levels.push_back(3609.0 / 3000 * std::pow(3000.0, l / 11.0));
  const double tol = 160.0 / 4000;  // 0.04 grid units
  const auto full = isolines(f.data(), n, n, levels);
  const auto thin = isolines(f.data(), n, n, levels, tol);
  CHECK(isolines(f.data(), n, n, levels, 0.0) == full);
  // Lines as point lists: a segment that starts where the last ended continues it.
  const auto lines = [](const std::vector<double>& s) {
    std::vector<std::vector<std::array<double, 2>>> out;
    for (std::size_t k = 0; k < s.size(); k += 5) {
      if (out.empty() || out.back().back() != std::array<double, 2>{s[k + 1], s[k + 2]}) out.push_back({{s[k + 1], s[k + 2]}});
      out.back().push_back({s[k + 3], s[k + 4]});
    }
    return out;
  };
  const auto a = lines(full), b = lines(thin);
  REQUIRE(a.size() == b.size());
  std::size_t points_full = 0, points_thin = 0;
  double worst = 0.0;
  for (std::size_t L = 0; L < a.size(); ++L) {
    points_full += a[L].size();
    points_thin += b[L].size();
    // The kept points are traced points, in order, ends included; every
    // dropped point lies within the tolerance of the segment that skips it.
    REQUIRE(b[L].front() == a[L].front());
    REQUIRE(b[L].back() == a[L].back());
    std::size_t q = 0;
    for (std::size_t p = 1; p < b[L].size(); ++p) {
      std::size_t r = q + 1;
      while (r < a[L].size() && a[L][r] != b[L][p]) ++r;
      REQUIRE(r < a[L].size());
      const auto& s0 = a[L][q];
      const auto& s1 = a[L][r];
      const double dx = s1[0] - s0[0], dy = s1[1] - s0[1], len = std::hypot(dx, dy);
      for (std::size_t m = q + 1; m < r; ++m) {
        const double px = a[L][m][0] - s0[0], py = a[L][m][1] - s0[1];
        // Distance to the chord's line, which bounds the distance to the chord for these near-straight spans.
        worst = std::max(worst, len > 0 ? std::fabs(dy * px - dx * py) / len : std::hypot(px, py));
      }
      q = r;
    }
  }
  CHECK(worst <= tol);
  CHECK(points_thin * 3 < points_full);  // 6,125 points to about 1,200
}

TEST_CASE("isolines: saddle cells are split by the mean of their corners") {
  // Corners 0 and 2 high, 1 and 3 low: a saddle.
  const double high_centre[4] = {1, 0, 0, 1};  // values[j*2+i]: (0,0)=1, (1,0)=0, (0,1)=0, (1,1)=1
  auto s = isolines(high_centre, 2, 2, {0.4});  // centre mean 0.5 ≥ 0.4: the high corners join
  REQUIRE(s.size() == 10);
  // Both segments cut off a low corner: (1,0) and (0,1).
  CHECK(((s[1] > 0.5 && s[2] < 0.5) || (s[3] > 0.5 && s[4] < 0.5)));
  s = isolines(high_centre, 2, 2, {0.6});  // centre 0.5 < 0.6: the low corners join
  REQUIRE(s.size() == 10);
  CHECK(((s[1] < 0.5 && s[2] < 0.5) || (s[3] < 0.5 && s[4] < 0.5)));  // one cuts off corner (0, 0)
}

TEST_CASE("isolines: the crossings are counted before any segment is kept, and more than a plot can use are refused") {
  // A checkerboard of 0 and 1: every level in (0, 1] crosses every cell.
  const int nx = 513, ny = 129;
  std::vector<double> board(static_cast<std::size_t>(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) board[static_cast<std::size_t>(j) * nx + i] = (i + j) % 2;
  const long cells = (nx - 1) * (ny - 1);  // 65,536
  const std::vector<double> four{0.2, 0.4, 0.6, 0.8}, five{0.2, 0.4, 0.6, 0.8, 1.0};
  REQUIRE(cells * 4 == limits::kMaxIsolineCrossings);
  // At the limit: two segments per saddle cell and level.
  CHECK(isolines(board.data(), nx, ny, four).size() == static_cast<std::size_t>(cells * 4 * 2 * 5));
  CHECK_THROWS_WITH_AS(isolines(board.data(), nx, ny, five),
                       "the levels cross the grid's cells 327680 times in all, more than the 262144 a plot can use: "
                       "use fewer levels or a coarser grid",
                       std::length_error);
  // A level outside the values crosses nothing and costs nothing.
  CHECK(isolines(board.data(), nx, ny, {0.2, 0.4, 0.6, 0.8, 7.0}).size() == static_cast<std::size_t>(cells * 40));
}

namespace {

// The cells' segments of marching squares, cell by cell and level by level
// with no following: the reference isolines() must match as a set.
std::vector<std::array<double, 5>> loose_segments(const std::vector<double>& v, int nx, int ny,
                                                  const std::vector<double>& levels) {
  std::vector<std::array<double, 5>> out;
  for (std::size_t l = 0; l < levels.size(); ++l)
    for (int j = 0; j + 1 < ny; ++j)
      for (int i = 0; i + 1 < nx; ++i) {
        const double c[4] = {v[j * nx + i], v[j * nx + i + 1], v[(j + 1) * nx + i + 1], v[(j + 1) * nx + i]};
        const double px[4] = {double(i), i + 1.0, i + 1.0, double(i)}, py[4] = {double(j), double(j), j + 1.0, j + 1.0};
        int code = 0;
        for (int k = 0; k < 4; ++k) code |= (c[k] >= levels[l] ? 1 : 0) << k;
        auto cut = [&](int k, double& x, double& y) {
          const double t = (levels[l] - c[k]) / (c[(k + 1) % 4] - c[k]);
          x = px[k] + t * (px[(k + 1) % 4] - px[k]);
          y = py[k] + t * (py[(k + 1) % 4] - py[k]);
        };
        auto add = [&](int a, int b) {
          std::array<double, 5> s{double(l), 0, 0, 0, 0};
          cut(a, s[1], s[2]);
          cut(b, s[3], s[4]);
          out.push_back(s);
        };
        const bool centre = (c[0] + c[1] + c[2] + c[3]) / 4.0 >= levels[l];
        switch (code) {
          case 1: case 14: add(3, 0); break;
          case 2: case 13: add(0, 1); break;
          case 3: case 12: add(3, 1); break;
          case 4: case 11: add(1, 2); break;
          case 6: case 9: add(0, 2); break;
          case 7: case 8: add(3, 2); break;
          case 5: case 10:
            if (centre == (code == 5)) { add(0, 1); add(2, 3); } else { add(3, 0); add(1, 2); }
            break;
          default: break;
        }
      }
  return out;
}

// Where the lines of isolines() output start (a segment not continuing the previous one).
std::vector<std::size_t> line_starts(const std::vector<double>& s) {
  std::vector<std::size_t> starts;
  for (std::size_t k = 0; k < s.size(); k += 5)
    if (k == 0 || s[k] != s[k - 5] || s[k + 1] != s[k - 2] || s[k + 2] != s[k - 1]) starts.push_back(k);
  return starts;
}

}  // namespace

TEST_CASE("isolines: the same segments as cell-by-cell marching squares, joined into lines") {
  // A bumpy surface with saddles, open lines (cut by the border) and closed ones.
  const int nx = 57, ny = 43;
  std::vector<double> f(nx * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      f[j * nx + i] = std::sin(0.31 * i) * std::cos(0.23 * j) + 0.02 * i - 0.4 * std::sin(0.11 * i * j / 7.0);
  const std::vector<double> levels = {0.5, -0.3, 0.0, 0.5, 0.9, -2.0};  // unsorted, one repeated, one below every sample
  const auto s = isolines(f.data(), nx, ny, levels);
  auto ref = loose_segments(f, nx, ny, levels);
  REQUIRE(s.size() == 5 * ref.size());
  // Every segment once, in either direction (the shared points are the same
  // crossing computed from the other end of an edge: equal to rounding).
  std::vector<bool> used(ref.size(), false);
  const auto near = [](double a, double b) { return std::fabs(a - b) < 1e-12; };
  int missing = 0;
  for (std::size_t k = 0; k < s.size(); k += 5) {
    bool found = false;
    for (std::size_t r = 0; r < ref.size() && !found; ++r) {
      if (used[r] || ref[r][0] != s[k]) continue;
      const auto& q = ref[r];
      const bool same = near(q[1], s[k + 1]) && near(q[2], s[k + 2]) && near(q[3], s[k + 3]) && near(q[4], s[k + 4]);
      const bool flipped = near(q[1], s[k + 3]) && near(q[2], s[k + 4]) && near(q[3], s[k + 1]) && near(q[4], s[k + 2]);
      if (same || flipped) used[r] = found = true;
    }
    if (!found) ++missing;
  }
  CHECK(missing == 0);
  // Levels in the order given.
  for (std::size_t k = 5; k < s.size(); k += 5) CHECK(s[k] >= s[k - 5]);
  // Each line ends on the border or where it began; a line never stops
  // inside the grid, so there are exactly as many lines as that allows.
  const auto starts = line_starts(s);
  const auto on_border = [&](double x, double y) { return x == 0 || y == 0 || x == nx - 1 || y == ny - 1; };
  for (std::size_t n = 0; n < starts.size(); ++n) {
    const std::size_t a = starts[n], b = (n + 1 < starts.size() ? starts[n + 1] : s.size()) - 5;
    const bool closed = s[b + 3] == s[a + 1] && s[b + 4] == s[a + 2];
    CHECK((closed || (on_border(s[a + 1], s[a + 2]) && on_border(s[b + 3], s[b + 4]))));
  }
  CHECK(starts.size() < s.size() / 5 / 10);  // lines, not loose segments
}

TEST_CASE("isolines: a circle comes out as one closed line") {
  const int n = 41;
  std::vector<double> f(n * n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) f[j * n + i] = (i - 20.0) * (i - 20.0) + (j - 20.0) * (j - 20.0);
  const auto s = isolines(f.data(), n, n, {30.0, 150.0});
  const auto starts = line_starts(s);
  REQUIRE(starts.size() == 2);
  for (std::size_t n2 = 0; n2 < 2; ++n2) {
    const std::size_t a = starts[n2], b = (n2 == 0 ? starts[1] : s.size()) - 5;
    CHECK(s[b + 3] == s[a + 1]);
    CHECK(s[b + 4] == s[a + 2]);
  }
}

TEST_CASE("value_grid: f at every grid point, x along rows, both ends included") {
  const Rosenbrock f(1.0, 100.0);
  const int nx = 5, ny = 3;
  std::vector<double> out(nx * ny, -1.0);
  value_grid(f, -2.0, 2.0, nx, -1.0, 3.0, ny, out.data());
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      Vector w(2);
      w << -2.0 + i, -1.0 + 2.0 * j;
      CHECK(out[j * nx + i] == f.value(w));
    }
  const Quadratic1D q(2.0, 0.0);  // f = a w² / 2 on one axis: ny = 1, y unused
  std::vector<double> line(3);
  value_grid(q, -1.0, 1.0, 3, 0.0, 0.0, 1, line.data());
  CHECK(line == std::vector<double>{1.0, 0.0, 1.0});
}

TEST_CASE("first_non_finite: the first NaN or infinity, or n") {
  const double ok[3] = {1.0, -1e308, 0.0};
  CHECK(first_non_finite(ok, 3) == 3);
  const double bad[4] = {1.0, std::numeric_limits<double>::infinity(), std::nan(""), 2.0};
  CHECK(first_non_finite(bad, 4) == 1);
  CHECK(first_non_finite(bad + 2, 2) == 0);
  CHECK(first_non_finite(bad, 0) == 0);
}

TEST_CASE("path_stats: the mean distance to a point, the mean step and the path's length over a window") {
  // (0,0) → (3,4) → (3,0) → (0,0): steps 5, 4, 3.
  const double w[] = {0, 0, 3, 4, 3, 0, 0, 0};
  const double origin[] = {0, 0};
  const PathStats all = path_stats(w, 4, 2, origin, 0, 3);
  CHECK(all.distance == (0 + 5 + 3 + 0) / 4.0);
  CHECK(all.length == 12.0);
  CHECK(all.step == 4.0);
  // A window starting at row 2 counts the steps that end in it: 4 and 3.
  const PathStats tail = path_stats(w, 4, 2, origin, 2, 3);
  CHECK(tail.length == 7.0);
  CHECK(tail.step == 3.5);
  CHECK(tail.distance == 1.5);
  // One row: no step.
  CHECK(path_stats(w, 4, 2, origin, 0, 0).step == 0.0);
}
