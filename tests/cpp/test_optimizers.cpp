// Each update rule against values worked out by hand, the step-size regimes
// on the 1D quadratic, divergence, and the two forms of momentum.
#include <cmath>
#include <set>

#include "helpers.hpp"
#include "scenario/requests.hpp"

using optlab::test::column;
using optlab::test::run_json;

namespace {

// f(w) = a/2 (w − c)² with a = 2, c = 1, from w0 = 3, so g(w) = 2(w − 1).
std::string quad1d(const std::string& optimizer, int steps) {
  return R"({"problem":{"kind":"quadratic1d","a":2,"c":1},"optimizer":)" + optimizer +
         R"(,"w0":[3],"steps":)" + std::to_string(steps) + "}";
}

}  // namespace

TEST_CASE("gd: w <- w - lr g, by hand") {
  const auto out = run_json(quad1d(R"({"kind":"gd","lr":0.1})", 2));
  // w1 = 3 − 0.1·2·2 = 2.6; w2 = 2.6 − 0.1·2·1.6 = 2.28
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(2.6).epsilon(1e-15));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(2.28).epsilon(1e-15));
  CHECK(out["loss"][0].get<double>() == 4.0);  // a/2 (3 − 1)²
  CHECK(out["grad_norm"][0].get<double>() == 4.0);
}

TEST_CASE("gd on a 2D bowl, by hand") {
  const auto out = run_json(R"({"problem":{"kind":"quadratic","A":[[2,1],[1,3]]},
    "optimizer":{"kind":"gd","lr":0.1},"w0":[1,1],"steps":1})");
  // g = A w0 = (3, 4); w1 = (1 − 0.3, 1 − 0.4)
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(0.7).epsilon(1e-15));
  CHECK(out["w"][1][1].get<double>() == doctest::Approx(0.6).epsilon(1e-15));
  CHECK(out["loss"][0].get<double>() == 3.5);  // ½ wᵀAw = ½ (2 + 2 + 3)
}

TEST_CASE("momentum: p <- beta p + g, w <- w - lr p, by hand") {
  const auto out = run_json(quad1d(R"({"kind":"momentum","lr":0.1,"beta":0.5})", 2));
  // p1 = 4, w1 = 2.6; g1 = 3.2, p2 = 0.5·4 + 3.2 = 5.2, w2 = 2.6 − 0.52 = 2.08
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(2.6).epsilon(1e-15));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(2.08).epsilon(1e-15));
}

TEST_CASE("heavy_ball: w+ = w - lr g + beta (w - w-), by hand") {
  const auto out = run_json(quad1d(R"({"kind":"heavy_ball","lr":0.1,"beta":0.5})", 2));
  // w1 = 3 − 0.4 + 0.5·0 = 2.6; w2 = 2.6 − 0.32 + 0.5·(2.6 − 3) = 2.08
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(2.6).epsilon(1e-15));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(2.08).epsilon(1e-15));
}

TEST_CASE("nesterov: p <- beta p + g, w <- w - lr (g + beta p), by hand") {
  const auto out = run_json(quad1d(R"({"kind":"nesterov","lr":0.1,"beta":0.5})", 2));
  // p1 = 4, w1 = 3 − 0.1(4 + 2) = 2.4; g1 = 2.8, p2 = 2 + 2.8 = 4.8,
  // w2 = 2.4 − 0.1(2.8 + 2.4) = 1.88
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(2.4).epsilon(1e-15));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(1.88).epsilon(1e-15));
}

TEST_CASE("nesterov differs from momentum and follows its own rule on a bowl") {
  const std::string bowl = R"({"kind":"quadratic","A":[[1,0],[0,5]]})";
  const auto nest = run_json(R"({"problem":)" + bowl + R"(,"optimizer":{"kind":"nesterov","lr":0.05,"beta":0.9},"w0":[1,1],"steps":30})");
  // Replay the rule independently.
  double w[2] = {1, 1}, p[2] = {0, 0};
  const double a[2] = {1, 5};
  for (int k = 1; k <= 30; ++k)
    for (int i = 0; i < 2; ++i) {
      const double g = a[i] * w[i];
      p[i] = 0.9 * p[i] + g;
      w[i] = w[i] - 0.05 * (g + 0.9 * p[i]);
      CHECK(nest["w"][k][i].get<double>() == doctest::Approx(w[i]).epsilon(1e-13));
    }
  const auto mom = run_json(R"({"problem":)" + bowl + R"(,"optimizer":{"kind":"momentum","lr":0.05,"beta":0.9},"w0":[1,1],"steps":30})");
  CHECK(std::fabs(nest["w"][30][1].get<double>() - mom["w"][30][1].get<double>()) > 1e-3);
}

TEST_CASE("heavy_ball gives the same iterates as momentum (to 1e-12)") {
  for (const char* problem : {R"({"kind":"quadratic","A":[[1,0.5],[0.5,5]],"c":[0.3,-0.2]})",
                              R"({"kind":"rosenbrock"})", R"({"kind":"least_squares","n":40,"dim":3})"}) {
    CAPTURE(problem);
    const std::string tail = R"(,"w0":[0.5,0.5)" + std::string(std::string(problem).find("least") != std::string::npos ? ",0.5" : "") + R"(],"steps":400,"seed":5})";
    const auto mom = run_json(std::string(R"({"problem":)") + problem + R"(,"optimizer":{"kind":"momentum","lr":0.001,"beta":0.9})" + tail);
    const auto hb = run_json(std::string(R"({"problem":)") + problem + R"(,"optimizer":{"kind":"heavy_ball","lr":0.001,"beta":0.9})" + tail);
    REQUIRE(mom["w"].size() == hb["w"].size());
    for (std::size_t k = 0; k < mom["w"].size(); ++k)
      for (std::size_t i = 0; i < mom["w"][k].size(); ++i)
        CHECK(std::fabs(mom["w"][k][i].get<double>() - hb["w"][k][i].get<double>()) <= 1e-12);
  }
  // With mini-batches the two forms also see the same batches (same seed).
  const std::string ls = R"({"kind":"least_squares","n":20})";
  const auto mom = run_json(R"({"problem":)" + ls + R"(,"optimizer":{"kind":"momentum","lr":0.01,"beta":0.9,"batch":4},"w0":[0,0],"steps":300,"seed":9})");
  const auto hb = run_json(R"({"problem":)" + ls + R"(,"optimizer":{"kind":"heavy_ball","lr":0.01,"beta":0.9,"batch":4},"w0":[0,0],"steps":300,"seed":9})");
  CHECK(mom["batches"] == hb["batches"]);
  for (std::size_t k = 0; k < mom["w"].size(); ++k)
    for (std::size_t i = 0; i < 2; ++i)
      CHECK(std::fabs(mom["w"][k][i].get<double>() - hb["w"][k][i].get<double>()) <= 1e-12);
}

TEST_CASE("step-size regimes on the 1D quadratic") {
  // a = 4: 1/a = 0.25, 2/a = 0.5, minimum at c = 1.
  auto run_lr = [](double lr, int steps) {
    return run_json(R"({"problem":{"kind":"quadratic1d","a":4,"c":1},"optimizer":{"kind":"gd","lr":)" +
                    optlab::format_number(lr) + R"(},"w0":[3],"steps":)" + std::to_string(steps) + "}");
  };
  SUBCASE("lr = 1/a reaches the minimum in one step") {
    const auto out = run_lr(0.25, 5);
    CHECK(out["regime"] == "optimal");
    for (int k = 1; k <= 5; ++k) CHECK(out["w"][k][0].get<double>() == 1.0);
    CHECK(out["loss"][1].get<double>() == 0.0);
  }
  SUBCASE("lr = 2/a oscillates with constant amplitude") {
    const auto out = run_lr(0.5, 50);
    CHECK(out["regime"] == "boundary");
    CHECK(out["diverged_at"].is_null());
    for (int k = 0; k <= 50; ++k) CHECK(out["w"][k][0].get<double>() == (k % 2 == 0 ? 3.0 : -1.0));
  }
  SUBCASE("lr < 1/a approaches monotonically") {
    const auto out = run_lr(0.1, 30);
    CHECK(out["regime"] == "too_small");
    const auto w = column(out["w"], 0);
    for (std::size_t k = 1; k < w.size(); ++k) CHECK((w[k] < w[k - 1] && w[k] > 1.0));
  }
  SUBCASE("1/a < lr < 2/a alternates sides yet converges") {
    const auto out = run_lr(0.4, 60);
    CHECK(out["regime"] == "oscillating");
    const auto w = column(out["w"], 0);
    for (std::size_t k = 1; k < w.size(); ++k) {
      CHECK((w[k] - 1.0) * (w[k - 1] - 1.0) < 0.0);
      CHECK(std::fabs(w[k] - 1.0) == doctest::Approx(0.6 * std::fabs(w[k - 1] - 1.0)));
    }
  }
  SUBCASE("lr > 2/a diverges and the run stops there, without NaN") {
    const auto out = run_lr(0.6, 1000);
    CHECK(out["regime"] == "diverging");
    // |w_k − 1| = 2 · 1.4^k passes 1e10 at k = 67.
    CHECK(out["diverged_at"] == 67);
    CHECK(out["w"].size() == 67);  // w_0..w_66
    CHECK(out["w_avg"].size() == 66);
    const std::string text = out.dump();
    CHECK(text.find("null,") != std::string::npos);
    CHECK(text.find("NaN") == std::string::npos);
    CHECK(text.find("Infinity") == std::string::npos);
  }
}

TEST_CASE("divergence through overflow is caught before a non-finite value appears") {
  const auto out = run_json(R"({"problem":{"kind":"rosenbrock"},"optimizer":{"kind":"gd","lr":0.01},"w0":[3,-3],"steps":100})");
  REQUIRE(out["diverged_at"].is_number());
  for (const auto& row : out["w"])
    for (const auto& x : row) CHECK(std::isfinite(x.get<double>()));
  for (const auto& f : out["loss"]) CHECK(std::isfinite(f.get<double>()));
}

TEST_CASE("sgd: each step uses the mean gradient of the batch it reports") {
  // Inline data so ∇f_i(w) = x_i (x_iᵀ w − y_i) is easy to recompute.
  const auto out = run_json(R"({"problem":{"kind":"least_squares","X":[[1,0],[0,2],[1,1],[2,-1]],"y":[1,2,3,0]},
    "optimizer":{"kind":"sgd","lr":0.1,"batch":2},"w0":[0.5,-0.5],"steps":25,"seed":3})");
  const double X[4][2] = {{1, 0}, {0, 2}, {1, 1}, {2, -1}}, y[4] = {1, 2, 3, 0};
  double w[2] = {0.5, -0.5};
  REQUIRE(out["batches"].size() == 25);
  for (int k = 0; k < 25; ++k) {
    const auto& b = out["batches"][k];
    REQUIRE(b.size() == 2);
    CHECK(b[0] != b[1]);
    double g[2] = {0, 0};
    for (const auto& idx : b) {
      const int i = idx.get<int>();
      REQUIRE((i >= 0 && i < 4));
      const double r = X[i][0] * w[0] + X[i][1] * w[1] - y[i];
      g[0] += X[i][0] * r / 2;
      g[1] += X[i][1] * r / 2;
    }
    w[0] -= 0.1 * g[0];
    w[1] -= 0.1 * g[1];
    CHECK(out["w"][k + 1][0].get<double>() == doctest::Approx(w[0]).epsilon(1e-13));
    CHECK(out["w"][k + 1][1].get<double>() == doctest::Approx(w[1]).epsilon(1e-13));
  }
}

TEST_CASE("batches: distinct within a step, every index drawn about equally often") {
  const auto out = run_json(R"({"problem":{"kind":"double_well","n":10},"optimizer":{"kind":"sgd","lr":0.001,"batch":3},"w0":[0.8],"steps":10000,"seed":1})");
  std::vector<int> counts(10, 0);
  for (const auto& b : out["batches"]) {
    std::set<int> seen;
    for (const auto& i : b) seen.insert(i.get<int>());
    CHECK(seen.size() == 3);
    for (int i : seen) ++counts[static_cast<std::size_t>(i)];
  }
  for (int c : counts) CHECK(c == doctest::Approx(3000).epsilon(0.06));
}

TEST_CASE("noisy bowl: every optimizer sees grad + sigma xi; sgd is allowed there") {
  const std::string noisy = R"({"kind":"quadratic","A":[[1,0],[0,5]],"noise":1})";
  const auto a = run_json(R"({"problem":)" + noisy + R"(,"optimizer":{"kind":"sgd","lr":0.1},"w0":[1,1],"steps":2000,"seed":4})");
  const auto b = run_json(R"({"problem":)" + noisy + R"(,"optimizer":{"kind":"gd","lr":0.1},"w0":[1,1],"steps":2000,"seed":4})");
  CHECK(a["w"] == b["w"]);  // the same rule, the same noise
  CHECK(a["batches"].is_null());
  // Stationary spread of GD with noise along a = 1: Var = γσ²/(2 − γa) = 0.1/1.9.
  double sum2 = 0;
  int count = 0;
  for (std::size_t k = 200; k < a["w"].size(); ++k, ++count) sum2 += std::pow(a["w"][k][0].get<double>(), 2);
  CHECK(sum2 / count == doctest::Approx(0.1 / 1.9).epsilon(0.25));
  // The running average is far closer to the optimum than the last iterate's spread.
  const auto& avg = a["w_avg"].back();
  CHECK(std::hypot(avg[0].get<double>(), avg[1].get<double>()) < 0.05);
}

TEST_CASE("lbfgs converges on Rosenbrock from the classic start") {
  const auto out = run_json(R"({"problem":{"kind":"rosenbrock"},"optimizer":{"kind":"lbfgs","memory":6},"w0":[-1.2,1],"steps":200})");
  const auto& last = out["w"].back();
  CHECK(last[0].get<double>() == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(last[1].get<double>() == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(out["loss"].back().get<double>() < 1e-12);
  CHECK(out["w"].size() < 100);  // it stops at machine precision, well before 200
  CHECK(out["stopped_at"].is_number());
  CHECK(out["optimum"] == optlab::Json::array({1.0, 1.0}));
  // Each step decreases f (sufficient decrease of the Wolfe conditions).
  const auto& loss = out["loss"];
  for (std::size_t k = 1; k < loss.size(); ++k) CHECK(loss[k].get<double>() <= loss[k - 1].get<double>());
  // Gradient descent with a stable step is nowhere near after 200 steps.
  const auto gd = run_json(R"({"problem":{"kind":"rosenbrock"},"optimizer":{"kind":"gd","lr":0.001},"w0":[-1.2,1],"steps":200})");
  CHECK(gd["loss"].back().get<double>() > 1e-2);
}

TEST_CASE("lbfgs on a bowl finds the minimum in a few steps") {
  const auto out = run_json(R"({"problem":{"kind":"quadratic","A":[[1,0],[0,5]],"c":[2,-1]},"optimizer":{"kind":"lbfgs"},"w0":[1,1],"steps":20})");
  const auto& last = out["w"].back();
  CHECK(last[0].get<double>() == doctest::Approx(2.0).epsilon(1e-8));
  CHECK(last[1].get<double>() == doctest::Approx(-1.0).epsilon(1e-8));
}

TEST_CASE("the running average w_avg is (1/k) of the sum of w_1..w_k") {
  const auto out = run_json(R"({"problem":{"kind":"double_well"},"optimizer":{"kind":"sgd","lr":0.05},"w0":[0.8],"steps":200,"seed":2})");
  double sum = 0;
  for (int k = 1; k <= 200; ++k) {
    sum += out["w"][k][0].get<double>();
    CHECK(out["w_avg"][k - 1][0].get<double>() == doctest::Approx(sum / k).epsilon(1e-12));
  }
}

// The adaptive rules beyond the lecture (torch.optim's Adagrad, RMSprop and
// Adam; the notebook checks them against torch itself).
TEST_CASE("adagrad: v <- v + g^2, w <- w - lr g / (sqrt(v) + eps), by hand") {
  const auto out = run_json(quad1d(R"({"kind":"adagrad","lr":0.5,"eps":1e-10})", 2));
  // g0 = 4, v1 = 16, w1 = 3 − 0.5·4/(4 + 1e-10); g1 = 2(w1 − 1), v2 = 16 + g1², w2 = w1 − 0.5·g1/(√v2 + 1e-10)
  const double w1 = 3 - 0.5 * (4 / (4 + 1e-10));
  const double g1 = 2 * (w1 - 1), v2 = 16 + g1 * g1;
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(w1).epsilon(1e-15));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(w1 - 0.5 * (g1 / (std::sqrt(v2) + 1e-10))).epsilon(1e-15));
}

TEST_CASE("rmsprop: v <- alpha v + (1 - alpha) g^2, by hand; each coordinate is scaled by its own root mean square") {
  const auto out = run_json(quad1d(R"({"kind":"rmsprop","lr":0.1,"alpha":0.9})", 2));
  // v1 = 0.1·16 = 1.6; w1 = 3 − 0.1·4/(√1.6 + 1e-8)
  const double w1 = 3 - 0.1 * (4 / (std::sqrt(1.6) + 1e-8));
  const double g1 = 2 * (w1 - 1), v2 = 0.9 * 1.6 + 0.1 * g1 * g1;
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(w1).epsilon(1e-14));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(w1 - 0.1 * (g1 / (std::sqrt(v2) + 1e-8))).epsilon(1e-14));
  // On the bowl diag(1, 100) from (1, 1) the first step moves both
  // coordinates by the same γ/√(1 − α), up to ε, however steep each is.
  const auto bowl = run_json(R"({"problem":{"kind":"quadratic","A":[[1,0],[0,100]]},
    "optimizer":{"kind":"rmsprop","lr":0.01,"alpha":0.99},"w0":[1,1],"steps":1})");
  CHECK(1 - bowl["w"][1][0].get<double>() == doctest::Approx(0.1).epsilon(1e-6));
  CHECK(1 - bowl["w"][1][1].get<double>() == doctest::Approx(0.1).epsilon(1e-6));
}

TEST_CASE("adam: bias-corrected means; with beta1 = beta2 = 0 it is rmsprop with alpha = 0, bit for bit") {
  const auto out = run_json(quad1d(R"({"kind":"adam","lr":0.1})", 2));
  // Step 1: m̂ = g0, v̂ = g0², so w1 = 3 − 0.1·4/(4 + 1e-8) whatever β₁, β₂.
  CHECK(out["w"][1][0].get<double>() == doctest::Approx(3 - 0.1 * 4 / (4 + 1e-8)).epsilon(1e-15));
  // Step 2 by hand, with torch's defaults β₁ = 0.9, β₂ = 0.999.
  const double w1 = out["w"][1][0].get<double>(), g1 = 2 * (w1 - 1);
  const double m = 0.9 * 0.4 + 0.1 * g1, v = 0.999 * 0.016 + 0.001 * g1 * g1;
  const double expected = w1 - (0.1 / (1 - 0.81)) * (m / (std::sqrt(v) / std::sqrt(1 - 0.998001) + 1e-8));
  CHECK(out["w"][2][0].get<double>() == doctest::Approx(expected).epsilon(1e-13));

  const std::string bowl = R"({"problem":{"kind":"quadratic","A":[[1,0],[0,5]],"noise":1},"w0":[1,1],"steps":40,"seed":3,"optimizer":)";
  const auto adam = run_json(bowl + R"({"kind":"adam","lr":0.05,"beta1":0,"beta2":0}})");
  const auto rms = run_json(bowl + R"({"kind":"rmsprop","lr":0.05,"alpha":0}})");
  CHECK(adam["w"] == rms["w"]);
}

TEST_CASE("the adaptive rules take torch.optim's defaults, lr included, and refuse parameters out of range by name") {
  const auto defaults = run_json(quad1d(R"({"kind":"adam"})", 1));
  CHECK(defaults["w"][1][0].get<double>() == doctest::Approx(3 - 0.001 * 4 / (4 + 1e-8)).epsilon(1e-15));
  CHECK(run_json(quad1d(R"({"kind":"adagrad"})", 1))["w"][1][0].get<double>() == doctest::Approx(2.99).epsilon(1e-12));
  CHECK(run_json(quad1d(R"({"kind":"rmsprop"})", 1))["w"][1][0].get<double>() ==
        doctest::Approx(3 - 0.01 * 4 / (std::sqrt(0.01 * 16) + 1e-8)).epsilon(1e-12));
  using optlab::test::rejection;
  CHECK(rejection(quad1d(R"({"kind":"adam","beta1":1})", 1)) == "optimizer.beta1 must be a finite number >= 0 and < 1 (got 1)");
  CHECK(rejection(quad1d(R"({"kind":"adam","beta2":-0.1})", 1)) == "optimizer.beta2 must be a finite number >= 0 and < 1 (got -0.1)");
  CHECK(rejection(quad1d(R"({"kind":"rmsprop","alpha":1})", 1)) == "optimizer.alpha must be a finite number >= 0 and < 1 (got 1)");
  CHECK(rejection(quad1d(R"({"kind":"adagrad","eps":0})", 1)) == "optimizer.eps must be a finite number > 0 and <= 1 (got 0)");
  CHECK(rejection(quad1d(R"({"kind":"adagrad","beta":0.9})", 1)).find("optimizer.beta is not a field of adagrad") == 0);
}

TEST_CASE("gradient_noise: the noise each step of a run on the noisy bowl gets, whatever the optimizer") {
  using optlab::test::run_json;
  const std::string bowl = R"({"kind":"quadratic","A":[[1,0],[0,5]],"noise":0.7})";
  const auto draws = optlab::Json::parse(optlab::request_json("gradient_noise", R"({"problem":)" + bowl + R"(,"seed":11,"steps":25})"));
  REQUIRE(draws["noise"].size() == 25);
  for (const std::string optimizer : {R"({"kind":"gd","lr":0.1})", R"({"kind":"adam","lr":0.1,"beta1":0.7,"beta2":0.7})"}) {
    const auto out = run_json(R"({"problem":)" + bowl + R"(,"optimizer":)" + optimizer + R"(,"w0":[1,-1],"steps":25,"seed":11})");
    // Step by step, the same arithmetic as the core's: g = A w + σξ, then the rule.
    double w1 = 1, w2 = -1, m1 = 0, m2 = 0, v1 = 0, v2 = 0, b1 = 1, b2 = 1;
    for (int k = 0; k < 25; ++k) {
      const double g1 = 1 * w1 + 0 * w2 + draws["noise"][k][0].get<double>();
      const double g2 = 0 * w1 + 5 * w2 + draws["noise"][k][1].get<double>();
      if (optimizer.find("gd") != std::string::npos) {
        w1 = w1 - 0.1 * g1;
        w2 = w2 - 0.1 * g2;
      } else {
        m1 = 0.7 * m1 + (1 - 0.7) * g1, m2 = 0.7 * m2 + (1 - 0.7) * g2;
        v1 = 0.7 * v1 + (1 - 0.7) * g1 * g1, v2 = 0.7 * v2 + (1 - 0.7) * g2 * g2;
        b1 *= 0.7, b2 *= 0.7;
        const double step = 0.1 / (1 - b1), root = std::sqrt(1 - b2);
        w1 -= step * (m1 / (std::sqrt(v1) / root + 1e-8));
        w2 -= step * (m2 / (std::sqrt(v2) / root + 1e-8));
      }
      CHECK(out["w"][k + 1][0].get<double>() == doctest::Approx(w1).epsilon(1e-14));
      CHECK(out["w"][k + 1][1].get<double>() == doctest::Approx(w2).epsilon(1e-14));
    }
  }
  const auto refused = [](const std::string& request) {
    try {
      optlab::request_json("gradient_noise", request);
    } catch (const optlab::ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(refused(R"({"problem":{"kind":"rosenbrock"},"steps":3})") ==
        "problem must have gradient noise: a quadratic with noise > 0 (the gradients of rosenbrock have none)");
  CHECK(refused(R"({"problem":)" + bowl + R"(,"steps":0})") == "steps must be an integer from 1 to 20000 (got 0)");
}
