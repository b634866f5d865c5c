// The one random generator of optlab: xoshiro256** seeded through SplitMix64,
// with samplers written from integer and basic floating-point arithmetic only.
//
// std::*_distribution is avoided because libstdc++ and libc++ (the wasm
// build) implement them differently; std::log/exp are avoided because glibc
// and musl differ by 1 ULP. Everything here gives the same bits natively, in
// node and in the browser.
//
// Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 47(4), 2021.
#pragma once

#include <cstdint>

#include "core/portable_math.hpp"

namespace optlab {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : state_) s = splitmix64(x);
  }

  // A generator in a given raw state (for reference tests of the algorithm).
  static Rng from_state(const std::uint64_t (&state)[4]) {
    Rng rng(0);
    for (int i = 0; i < 4; ++i) rng.state_[i] = state[i];
    return rng;
  }

  // The raw state (for generators that advance several streams at once).
  void get_state(std::uint64_t (&state)[4]) const {
    for (int i = 0; i < 4; ++i) state[i] = state_[i];
  }

  // SplitMix64 (Steele, Lea, Flood 2014): advances x, returns the next output.
  static std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Next raw 64-bit output.
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform on [0, 1): the top 53 bits scaled by 2^-53 (exact).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n), n ≥ 1, without modulo bias (Lemire 2019).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = static_cast<std::uint64_t>(next() >> 32) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
      while (low < threshold) {
        m = static_cast<std::uint64_t>(next() >> 32) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  // Standard normal by Marsaglia's polar method; the log is portable_log,
  // the square root is IEEE-exact. The second variate of each pair is kept.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double scale = std::sqrt(-2.0 * portable_log(s) / s);
    spare_ = v * scale;
    has_spare_ = true;
    return u * scale;
  }

  // A seed for the r-th of many independent runs derived from one seed.
  static std::uint64_t derive(std::uint64_t seed, std::uint64_t r) {
    std::uint64_t x = seed ^ (0x9E3779B97F4A7C15ULL * (r + 1));
    return splitmix64(x);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace optlab
