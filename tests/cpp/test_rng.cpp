// The seeded generator and the portable math: fixed reference outputs (the
// same on every target, so this file passes natively and in wasm alike) and
// statistical sanity.
#include <cmath>
#include <vector>

#include "core/portable_math.hpp"
#include "core/rng.hpp"
#include "helpers.hpp"

using optlab::Rng;

TEST_CASE("xoshiro256** matches the published algorithm on a known state") {
  // Reference: xoshiro256starstar.c with s = {1, 2, 3, 4}.
  Rng rng = Rng::from_state({1, 2, 3, 4});
  CHECK(rng.next() == 11520ULL);
  CHECK(rng.next() == 0ULL);
  CHECK(rng.next() == 1509978240ULL);
  CHECK(rng.next() == 1215971899390074240ULL);
}

TEST_CASE("seeding goes through SplitMix64") {
  std::uint64_t x = 0;
  CHECK(Rng::splitmix64(x) == 0xE220A8397B1DCDAFULL);  // published first output from state 0
}

TEST_CASE("reference outputs are fixed for seed 2020") {
  // Recorded once: a change here changes every stochastic trajectory, so it
  // must be deliberate (and the examples in docs/ re-recorded).
  Rng rng(2020);
  CHECK(rng.next() == 0x2334c896b4cf8e03ULL);
  CHECK(rng.uniform() == 0.2812262934977704);
  CHECK(rng.below(10) == 8);
  CHECK(rng.below(1000) == 40);
  CHECK(rng.below(7) == 3);
  CHECK(rng.normal() == -0.092654037026829783);
  CHECK(rng.normal() == -0.905223727952569);
  CHECK(rng.normal() == -0.058550988027741058);
  CHECK(rng.normal() == -0.62559250423452961);
  CHECK(Rng::derive(2020, 3) == 0x27cee9fa9702d098ULL);
}

TEST_CASE("uniform lies in [0, 1) with mean 1/2 and variance 1/12") {
  Rng rng(1);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n;
  CHECK(mean == doctest::Approx(0.5).epsilon(0.01));
  CHECK(sum2 / n - mean * mean == doctest::Approx(1.0 / 12.0).epsilon(0.01));
}

TEST_CASE("below(n) is uniform over 0..n-1 (chi-square)") {
  Rng rng(7);
  const int n = 13, draws = 130000;
  std::vector<int> counts(n, 0);
  for (int i = 0; i < draws; ++i) {
    const auto k = rng.below(n);
    REQUIRE(k < static_cast<std::uint32_t>(n));
    ++counts[k];
  }
  double chi2 = 0;
  const double expected = static_cast<double>(draws) / n;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  CHECK(chi2 < 32.9);  // 99.9th percentile of chi-square with 12 degrees of freedom
  CHECK(rng.below(1) == 0);
}

TEST_CASE("normal has mean 0, variance 1 and Gaussian tails") {
  Rng rng(3);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  int beyond2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = rng.normal();
    sum += z;
    sum2 += z * z;
    if (std::fabs(z) > 2.0) ++beyond2;
  }
  CHECK(std::fabs(sum / n) < 0.01);
  CHECK(sum2 / n == doctest::Approx(1.0).epsilon(0.01));
  CHECK(static_cast<double>(beyond2) / n == doctest::Approx(0.0455).epsilon(0.05));  // P(|Z| > 2)
}

TEST_CASE("portable log and exp agree with the C library to a few ULP") {
  Rng rng(11);
  for (int i = 0; i < 20000; ++i) {
    const double x = optlab::portable_exp(60.0 * rng.uniform() - 30.0);
    const double y = 1400.0 * rng.uniform() - 700.0;
    CHECK(optlab::test::relative_error(optlab::portable_log(x), std::log(x)) < 4e-16);
    CHECK(optlab::test::relative_error(optlab::portable_exp(y), std::exp(y)) < 4e-16);
  }
  CHECK(optlab::portable_log(1.0) == 0.0);
  CHECK(optlab::portable_exp(0.0) == 1.0);
  CHECK(std::isnan(optlab::portable_log(-1.0)));
  CHECK(optlab::portable_exp(1000.0) == INFINITY);
  CHECK(optlab::portable_exp(-1000.0) == 0.0);
}

TEST_CASE("logspace hits its end points exactly and is geometric in between") {
  std::vector<double> g(9);
  optlab::portable_logspace(1e-3, 10.0, 9, g.data());
  CHECK(g.front() == 1e-3);
  CHECK(g.back() == 10.0);
  for (int i = 1; i < 9; ++i) CHECK(g[i] / g[i - 1] == doctest::Approx(std::pow(1e4, 1.0 / 8.0)).epsilon(1e-13));
}

#ifdef __wasm_simd128__
#include "core/rng_simd.hpp"

using optlab::make_pair;
using optlab::OpaqueZero;
using optlab::Xoshiro2;

TEST_CASE("the two-lane SIMD generator gives each lane the scalar generator's outputs") {
  const OpaqueZero zero = OpaqueZero::make();
  Xoshiro2 pair = make_pair(7, 10);
  Rng a(Rng::derive(7, 10)), b(Rng::derive(7, 11));
  for (int i = 0; i < 1000; ++i) {
    const v128_t x = pair.next(zero);
    REQUIRE(wasm_u64x2_extract_lane(x, 0) == a.next());
    REQUIRE(wasm_u64x2_extract_lane(x, 1) == b.next());
  }
  // below: n = 3e9 rejects about 30 % of draws (2^32 mod n = 1294967296),
  // so the lanes redraw independently many times here; n = 16 never rejects.
  auto first_draw_rejected = [](const Rng& rng, std::uint32_t n) {
    std::uint64_t state[4];
    rng.get_state(state);
    Rng probe = Rng::from_state(state);
    const auto low = static_cast<std::uint32_t>((probe.next() >> 32) * n);
    return low < static_cast<std::uint32_t>(-n) % n;
  };
  int rejections = 0;
  for (std::uint32_t n : {3000000000u, 16u, 7u, 1u}) {
    for (int i = 0; i < 2000; ++i) {
      rejections += (first_draw_rejected(a, n) ? 1 : 0) + (first_draw_rejected(b, n) ? 1 : 0);
      std::uint32_t p0, p1;
      below2(pair, zero, n, p0, p1);
      REQUIRE(p0 == a.below(n));
      REQUIRE(p1 == b.below(n));
    }
  }
  CHECK(rejections > 1000);
  const v128_t x = pair.next(zero);
  CHECK(wasm_u64x2_extract_lane(x, 0) == a.next());
  CHECK(wasm_u64x2_extract_lane(x, 1) == b.next());
}
#endif
