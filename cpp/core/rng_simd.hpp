// xoshiro256** for two streams at once in WebAssembly SIMD (i64x2 lanes):
// the Monte Carlo loop advances pairs of runs with one set of instructions.
// Each lane gives exactly the outputs of Rng (tests/cpp/test_rng.cpp checks
// next and below against the scalar generator, rejections included).
#pragma once

#ifdef __wasm_simd128__
#include <wasm_simd128.h>

#include <cstdint>

#include "core/rng.hpp"

namespace optlab {

// A zero the compiler cannot see: clang canonicalises x + (x << 2) into
// i64x2.mul, which V8 expands to about ten x86 instructions (SSE has no
// 64-bit lane multiply); x + ((x << 2) ^ 0) with an opaque 0 stays three.
inline volatile std::uint64_t g_opaque_zero = 0;

struct OpaqueZero {
  v128_t zero;
  static OpaqueZero make() { return {wasm_i64x2_splat(static_cast<std::int64_t>(g_opaque_zero))}; }
};

struct Xoshiro2 {
  v128_t s0, s1, s2, s3;

  template <int K>
  static v128_t rotl(v128_t x) { return wasm_v128_or(wasm_i64x2_shl(x, K), wasm_u64x2_shr(x, 64 - K)); }

  // Rng::next for both lanes: result = rotl(s1 · 5, 7) · 9.
  v128_t next(OpaqueZero sh) {
    const v128_t times5 = wasm_i64x2_add(wasm_v128_xor(wasm_i64x2_shl(s1, 2), sh.zero), s1);
    const v128_t r = rotl<7>(times5);
    const v128_t result = wasm_i64x2_add(wasm_v128_xor(wasm_i64x2_shl(r, 3), sh.zero), r);
    const v128_t t = wasm_i64x2_shl(s1, 17);
    s2 = wasm_v128_xor(s2, s0);
    s3 = wasm_v128_xor(s3, s1);
    s1 = wasm_v128_xor(s1, s2);
    s0 = wasm_v128_xor(s0, s3);
    s2 = wasm_v128_xor(s2, t);
    s3 = rotl<45>(s3);
    return result;
  }

  // Keep the state of `other` in the lanes where mask is set.
  void take(const Xoshiro2& other, v128_t mask) {
    s0 = wasm_v128_bitselect(other.s0, s0, mask);
    s1 = wasm_v128_bitselect(other.s1, s1, mask);
    s2 = wasm_v128_bitselect(other.s2, s2, mask);
    s3 = wasm_v128_bitselect(other.s3, s3, mask);
  }
};

inline Xoshiro2 make_pair(std::uint64_t seed, int run) {
  std::uint64_t x[4], y[4];
  Rng(Rng::derive(seed, static_cast<std::uint64_t>(run))).get_state(x);
  Rng(Rng::derive(seed, static_cast<std::uint64_t>(run + 1))).get_state(y);
  return {wasm_u64x2_make(x[0], y[0]), wasm_u64x2_make(x[1], y[1]), wasm_u64x2_make(x[2], y[2]),
          wasm_u64x2_make(x[3], y[3])};
}

// The rejection step of below2: a lane whose low product bits fell under
// the threshold draws again from its own generator, until neither does.
// Rare (probability about n / 2^32 per draw), so it stays out of line and
// the Monte Carlo loop that inlines below2 four times stays small.
__attribute__((noinline)) inline void below2_redraw(Xoshiro2& gen, OpaqueZero sh, std::uint32_t n,
                                                    std::uint64_t& m0, std::uint64_t& m1) {
  const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
  for (;;) {
    const bool redo0 = static_cast<std::uint32_t>(m0) < threshold;
    const bool redo1 = static_cast<std::uint32_t>(m1) < threshold;
    if (!redo0 && !redo1) break;
    Xoshiro2 advanced = gen;
    const v128_t y = advanced.next(sh);
    gen.take(advanced, wasm_i64x2_make(redo0 ? -1 : 0, redo1 ? -1 : 0));
    if (redo0) m0 = static_cast<std::uint64_t>(wasm_u32x4_extract_lane(y, 1)) * n;
    if (redo1) m1 = static_cast<std::uint64_t>(wasm_u32x4_extract_lane(y, 3)) * n;
  }
}

// Rng::below(n) for both lanes (Lemire 2019). When a lane's draw is rejected
// (rare; never for n a power of two) only that lane's generator draws again.
inline void below2(Xoshiro2& gen, OpaqueZero sh, std::uint32_t n, std::uint32_t& pick0, std::uint32_t& pick1) {
  const v128_t x = gen.next(sh);
  // The high 32 bits of each 64-bit output: u32 lanes 1 and 3 (little endian).
  std::uint64_t m0 = static_cast<std::uint64_t>(wasm_u32x4_extract_lane(x, 1)) * n;
  std::uint64_t m1 = static_cast<std::uint64_t>(wasm_u32x4_extract_lane(x, 3)) * n;
  if (static_cast<std::uint32_t>(m0) < n || static_cast<std::uint32_t>(m1) < n) below2_redraw(gen, sh, n, m0, m1);
  pick0 = static_cast<std::uint32_t>(m0 >> 32);
  pick1 = static_cast<std::uint32_t>(m1 >> 32);
}

}  // namespace optlab

#endif  // __wasm_simd128__
