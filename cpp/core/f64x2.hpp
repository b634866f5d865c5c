// Two doubles in one WebAssembly SIMD register, with the arithmetic
// operators, so that a formula written once as a template (an update rule,
// a problem's slope) runs on doubles and on pairs alike. Each lane rounds
// as IEEE double arithmetic does (wasm SIMD has no fused multiply-add
// without relaxed-simd, which is not enabled), so a pair's lanes give the
// scalar formula's bits.
#pragma once

#ifdef __wasm_simd128__
#include <wasm_simd128.h>

namespace optlab {

struct F64x2 {
  v128_t v;
  // No conversion back to v128_t: clang would then also read `x * pair`
  // as its built-in vector arithmetic, on the register's integer lanes.
  explicit F64x2(v128_t value) : v(value) {}
  F64x2(double x) : v(wasm_f64x2_splat(x)) {}  // NOLINT: a constant in both lanes
};

inline F64x2 operator+(F64x2 a, F64x2 b) { return F64x2(wasm_f64x2_add(a.v, b.v)); }
inline F64x2 operator-(F64x2 a, F64x2 b) { return F64x2(wasm_f64x2_sub(a.v, b.v)); }
inline F64x2 operator*(F64x2 a, F64x2 b) { return F64x2(wasm_f64x2_mul(a.v, b.v)); }
inline F64x2 operator/(F64x2 a, F64x2 b) { return F64x2(wasm_f64x2_div(a.v, b.v)); }

}  // namespace optlab
#endif
