// log, exp, pow, expm1, tanh, sin, cos and tan from + − × ÷ and exact bit
// operations only.
//
// glibc (native) and musl (wasm) disagree by 1 ULP on up to 10% of inputs
// for std::log/exp/pow/sin/cos, and V8's Math.pow differs again, so nothing
// that feeds a trajectory or a grid may call them. These versions are
// accurate to a few ULP (expm1, tanh, sin, cos and tan to about half an ULP)
// and, more importantly, give the same bits on every target as long as the
// compiler does not contract a·b+c into an FMA (-ffp-contract=off).
//
// Largest errors measured against glibc's long double functions, 10^7
// arguments in each range (uniform on |x| ≤ 1, 10, 10^3, 10^6; log-uniform on
// 2^-30…1, 2^20…2^34, 2^34…2^997, 2^997…DBL_MAX): sin 0.512 ULP, cos 0.510,
// tan 0.513; tanh 0.504 and expm1 0.507 (log-uniform on 2^-30…1, uniform on
// |x| ≤ 1, 5, 25, and 709 for expm1). sin, cos and tan are also correctly
// rounded at 1014 doubles within 2^-54 to 2^-61 of a multiple of π/2, one per
// binade from 1 to DBL_MAX (found from continued fractions of 2^e·2/π and
// checked with 1500-bit arithmetic).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace optlab {

// Natural log for finite x > 0 (NaN for x ≤ 0 or NaN, +∞ for +∞).
inline double portable_log(double x) {
  if (!(x > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  if (x == std::numeric_limits<double>::infinity()) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // exact: x = m · 2^e, m ∈ [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  // log(m) = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716: 12 odd terms.
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double p = 1.0 / 25.0;
  p = p * s2 + 1.0 / 23.0;
  p = p * s2 + 1.0 / 21.0;
  p = p * s2 + 1.0 / 19.0;
  p = p * s2 + 1.0 / 17.0;
  p = p * s2 + 1.0 / 15.0;
  p = p * s2 + 1.0 / 13.0;
  p = p * s2 + 1.0 / 11.0;
  p = p * s2 + 1.0 / 9.0;
  p = p * s2 + 1.0 / 7.0;
  p = p * s2 + 1.0 / 5.0;
  p = p * s2 + 1.0 / 3.0;
  const double log_m = 2.0 * s + 2.0 * s * s2 * p;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;  // high bits of ln 2
  constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 − kLn2Hi
  const double de = static_cast<double>(e);
  return de * kLn2Hi + (de * kLn2Lo + log_m);
}

// e^x for finite x (0 below −745, +∞ above 709.78).
inline double portable_exp(double x) {
  if (x != x) return x;
  if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| ≤ 0.35
  // Taylor series of e^r to degree 18 in Horner form.
  double p = 1.0 / 6402373705728000.0;  // 1/18!
  p = p * r + 1.0 / 355687428096000.0;
  p = p * r + 1.0 / 20922789888000.0;
  p = p * r + 1.0 / 1307674368000.0;
  p = p * r + 1.0 / 87178291200.0;
  p = p * r + 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // Scale by 2^k in two halves so that k near the ends does not overflow early.
  const int ki = static_cast<int>(k);
  return std::ldexp(std::ldexp(p, ki / 2), ki - ki / 2);
}

// base^y for finite base > 0.
inline double portable_pow(double base, double y) { return portable_exp(y * portable_log(base)); }

// n points from lo to hi, evenly spaced in log: lo·(hi/lo)^(i/(n−1)).
// The end points are exact.
template <typename Out>
void portable_logspace(double lo, double hi, int n, Out out) {
  if (n == 1) {
    out[0] = lo;
    return;
  }
  const double log_lo = portable_log(lo);
  const double log_hi = portable_log(hi);
  for (int i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(n - 1);
    out[i] = (i == 0) ? lo : (i == n - 1) ? hi : portable_exp(log_lo + t * (log_hi - log_lo));
  }
}

// Double-double arithmetic for expm1, tanh, sin, cos and tan: a value is the
// unevaluated sum hi + lo (about 106 bits). The error-free steps below are
// exact only if no product is fused with a sum, so every product is a
// statement of its own.
namespace portable_detail {

struct DoubleDouble {
  double hi;
  double lo;
};

// a + b = hi + lo exactly, for |a| ≥ |b| or a = 0 (Dekker).
inline DoubleDouble fast_two_sum(double a, double b) {
  const double s = a + b;
  const double b_used = s - a;
  return {s, b - b_used};
}

// a + b = hi + lo exactly, for any a, b (Knuth).
inline DoubleDouble two_sum(double a, double b) {
  const double s = a + b;
  const double b_used = s - a;
  const double a_used = s - b_used;
  return {s, (a - a_used) + (b - b_used)};
}

// a = hi + lo, each with at most 26 significant bits (Veltkamp), |a| < 2^995.
inline DoubleDouble split(double a) {
  const double c = 134217729.0 * a;  // (2^27 + 1)·a
  const double hi = c - (c - a);
  return {hi, a - hi};
}

// a·b = hi + lo exactly unless it underflows (Dekker; no FMA needed).
inline DoubleDouble two_prod(double a, double b) {
  const double p = a * b;
  const DoubleDouble as = split(a);
  const DoubleDouble bs = split(b);
  const double hh = as.hi * bs.hi;
  const double hl = as.hi * bs.lo;
  const double lh = as.lo * bs.hi;
  const double ll = as.lo * bs.lo;
  return {p, (((hh - p) + hl) + lh) + ll};
}

// a·b to about 2^-104 relative (a.lo·b.lo is left out).
inline DoubleDouble mul(DoubleDouble a, DoubleDouble b) {
  const DoubleDouble p = two_prod(a.hi, b.hi);
  const double cross_ab = a.hi * b.lo;
  const double cross_ba = a.lo * b.hi;
  return fast_two_sum(p.hi, p.lo + (cross_ab + cross_ba));
}

// a/b: one quotient and one correction from the exact remainder, so the
// result is within 0.5 ULP (plus a's and b's own errors) of the true a/b.
inline double divide(DoubleDouble a, DoubleDouble b) {
  const double q = a.hi / b.hi;
  const DoubleDouble qb = two_prod(q, b.hi);
  const double q_blo = q * b.lo;
  const double remainder = (((a.hi - qb.hi) - qb.lo) + a.lo) - q_blo;
  return q + remainder / b.hi;
}

// c[0] + c[1]·z + … + c[N−1]·z^(N−1) in Horner form.
template <std::size_t N>
inline double polynomial(double z, const double (&c)[N]) {
  double p = c[N - 1];
  for (std::size_t i = N - 1; i-- > 0;) {
    const double pz = p * z;
    p = pz + c[i];
  }
  return p;
}

// 1/3 = kThirdHi + kThirdLo to 2^-108: kThirdHi = (1 − 2^-54)/3 exactly, so
// the remainder 2^-54/3 is kThirdHi·2^-54 to within 2^-108. The Taylor
// coefficients 1/6 and 1/24 are this pair scaled by 1/2 and 1/8 (exact).
constexpr double kThirdHi = 0x1.5555555555555p-2;
constexpr double kThirdLo = 0x1.5555555555555p-56;

// e^r − 1 for |r| ≤ ln2/2 (a little beyond is fine) as a double-double with
// relative error below 2^-59. r + r²/2 + r³/6 carry up to 22 % of the value
// and are formed in double-double; the rest, under 0.2 %, in double. Taylor
// series to r^15: the first term left out is below 2^-66 of the value.
inline DoubleDouble expm1_kernel(DoubleDouble r) {
  static constexpr double kTail[] = {
      1.0 / 24.0,           1.0 / 120.0,           1.0 / 720.0,
      1.0 / 5040.0,         1.0 / 40320.0,         1.0 / 362880.0,
      1.0 / 3628800.0,      1.0 / 39916800.0,      1.0 / 479001600.0,
      1.0 / 6227020800.0,   1.0 / 87178291200.0,   1.0 / 1307674368000.0};
  const DoubleDouble z = mul(r, r);
  const DoubleDouble sixth = mul(mul(r, z), {0.5 * kThirdHi, 0.5 * kThirdLo});
  const double z2 = z.hi * z.hi;
  const double tail = z2 * polynomial(r.hi, kTail);
  const DoubleDouble s = two_sum(r.hi, 0.5 * z.hi);
  const DoubleDouble t = two_sum(s.hi, sixth.hi);
  const double lo = (s.lo + (r.lo + 0.5 * z.lo)) + (t.lo + (sixth.lo + tail));
  return fast_two_sum(t.hi, lo);
}

// x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite), and e = e^r − 1.
struct ExpReduced {
  int k;
  DoubleDouble e;
};

// For −40 ≤ x ≤ 710. ln2 = kLn2Hi + kLn2Lo to 2^-86; kLn2Hi has 32
// significant bits, so k·kLn2Hi (|k| ≤ 1025) and x − k·kLn2Hi are exact.
inline ExpReduced exp_reduce(double x) {
  constexpr double kInvLn2 = 0x1.71547652b82fep+0;
  constexpr double kLn2Hi = 0x1.62e42feep-1;
  constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
  const double x_over_ln2 = x * kInvLn2;
  const double k = std::floor(x_over_ln2 + 0.5);
  const double k_hi = k * kLn2Hi;
  const double k_lo = k * kLn2Lo;
  const DoubleDouble r = two_sum(x - k_hi, -k_lo);
  return {static_cast<int>(k), expm1_kernel(r)};
}

// e^x − 1 as a double-double for −40 ≤ x ≤ 700: 2^k·(1 + e) − 1 with the
// 1 + e and the − 1 exact (ldexp scales exactly here).
inline DoubleDouble expm1_dd(double x) {
  const ExpReduced red = exp_reduce(x);
  if (red.k == 0) return red.e;
  const DoubleDouble one_plus = fast_two_sum(1.0, red.e.hi);
  const double hi = std::ldexp(one_plus.hi, red.k);
  const double lo = std::ldexp(one_plus.lo + red.e.lo, red.k);
  const DoubleDouble s = two_sum(hi, -1.0);
  return fast_two_sum(s.hi, s.lo + lo);
}

// sin r for r = r.hi + r.lo, |r| ≤ π/4 (a little beyond is fine), as a
// double-double with relative error below 2^-59. r − r³/6 is formed in
// double-double (r³/6 is up to a tenth of the value); r⁵(1/5! − r²/7! + …),
// under 0.4 % of it, in double. Taylor series to r^17: the first term left
// out is below 2^-62 of the value.
inline DoubleDouble sin_kernel(DoubleDouble r) {
  static constexpr double kTail[] = {
      1.0 / 120.0,         -1.0 / 5040.0,          1.0 / 362880.0,      -1.0 / 39916800.0,
      1.0 / 6227020800.0,  -1.0 / 1307674368000.0, 1.0 / 355687428096000.0};
  const DoubleDouble z = mul(r, r);
  const DoubleDouble r3 = mul(r, z);
  const DoubleDouble sixth = mul(r3, {-0.5 * kThirdHi, -0.5 * kThirdLo});
  const double r5 = r3.hi * z.hi;
  const double tail = r5 * polynomial(z.hi, kTail);
  const DoubleDouble s = two_sum(r.hi, sixth.hi);
  const double lo = s.lo + (r.lo + (sixth.lo + tail));
  return fast_two_sum(s.hi, lo);
}

// cos r for r = r.hi + r.lo, |r| ≤ π/4, as a double-double with relative
// error below 2^-61. 1 − r²/2 + r⁴/24 is formed in double-double (r⁴/24 is
// up to 2 % of the value); r⁶(−1/6! + r²/8! − …), under 0.05 %, in double.
// Taylor series to r^18: the first term left out is below 2^-67 of the value.
inline DoubleDouble cos_kernel(DoubleDouble r) {
  static constexpr double kTail[] = {
      -1.0 / 720.0,           1.0 / 40320.0,         -1.0 / 3628800.0,
      1.0 / 479001600.0,      -1.0 / 87178291200.0,  1.0 / 20922789888000.0,
      -1.0 / 6402373705728000.0};
  const DoubleDouble z = mul(r, r);
  const DoubleDouble z2 = mul(z, z);
  const DoubleDouble z2_24 = mul(z2, {0.125 * kThirdHi, 0.125 * kThirdLo});
  const double r6 = z2.hi * z.hi;
  const double tail = r6 * polynomial(z.hi, kTail);
  const DoubleDouble s = fast_two_sum(1.0, -0.5 * z.hi);
  const DoubleDouble t = two_sum(s.hi, z2_24.hi);
  const double lo = (s.lo - 0.5 * z.lo) + (t.lo + (z2_24.lo + tail));
  return fast_two_sum(t.hi, lo);
}

// |x| = (4j + quadrant)·π/2 + r for some integer j, |r| ≤ π/4 (a little
// beyond after rounding). r.hi + r.lo is within 2^-100·|r| + 2^-130 of r, so
// within 2^-69·|r|: no double is nearer than 2^-61 to a multiple of π/2.
struct Reduced {
  int quadrant;
  DoubleDouble r;
};

// π/2 = kPio2Hi + kPio2Lo to 2^-108.
constexpr double kPio2Hi = 0x1.921fb54442d18p+0;
constexpr double kPio2Lo = 0x1.1a62633145c07p-54;

// Cody–Waite for π/4 < ax < 2^20, so n = round(ax·2/π) < 2^20. π/2 is cut
// into parts of 33, 33 and 30 significant bits, so n times each is exact,
// plus a rounded fourth part (π/2 to 2^-160). ax − n·part1 is exact (a
// multiple of 2^-53 below 1); the remainder nearest a multiple of π/2 for a
// double in this range is about 2^-60, and r is formed to about 2^-130.
inline Reduced reduce_medium(double ax) {
  constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;
  constexpr double kPart1 = 0x1.921fb544p+0;
  constexpr double kPart2 = 0x1.0b4611a6p-34;
  constexpr double kPart3 = 0x1.3198a2ep-69;
  constexpr double kPart4 = 0x1.b839a252049c1p-104;
  const double ax_quarters = ax * kTwoOverPi;
  const double n = std::floor(ax_quarters + 0.5);
  const double n1 = n * kPart1;
  const double n2 = n * kPart2;
  const double n3 = n * kPart3;
  const double n4 = n * kPart4;
  const DoubleDouble a = two_sum(ax - n1, -n2);
  const DoubleDouble b = two_sum(a.hi, -n3);
  const double lo = (a.lo + b.lo) - n4;
  return {static_cast<int>(n) & 3, fast_two_sum(b.hi, lo)};
}

// Bits of 2/π = 0.b_1 b_2 b_3 … (binary), 32 to a word, most significant
// first: b_1 … b_1216. The largest double reads up to b_1193.
constexpr std::uint32_t kTwoOverPiBits[] = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041, 0xFE5163AB, 0xDEBBC561,
    0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C, 0xFE1DEB1C, 0xB129A73E, 0xE88235F5, 0x2EBB4484,
    0xE99C7026, 0xB45F7E41, 0x3991D639, 0x835339F4, 0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F,
    0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7, 0x4F463F66, 0x9E5FEA2D, 0x7527BAC7, 0xEBE5F17B,
    0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1, 0x1F8D5D08, 0x56033046, 0xFC7B6BAB};

// The 32 bits b_p … b_{p+31} of 2/π, for −63 ≤ p ≤ 1184; b_p = 0 for p ≤ 0.
inline std::uint32_t two_over_pi_bits(int p) {
  const int q = p + 63;  // position of b_p in the table behind two zero words
  const int k = q / 32;
  const int shift = q % 32;
  auto word = [](int i) -> std::uint64_t { return i < 2 ? 0 : kTwoOverPiBits[i - 2]; };
  const std::uint64_t pair = (word(k) << 32) | word(k + 1);
  return static_cast<std::uint32_t>((pair << shift) >> 32);
}

// Payne–Hanek for ax ≥ 2^20 (any finite double). With ax = m·2^E (m an
// integer below 2^53), ax·2/π = Σ m·b_i·2^(E−i); the terms with i ≤ E − 2
// are multiples of 4 (whole turns) and are skipped, so only 224 bits of 2/π
// from b_{E−1} on are needed, whatever the size of ax. m times those bits,
// in integers, gives the quarter turns mod 4 (top 2 bits) and the fraction
// of a quarter turn (222 bits; the bits of 2/π left out change it by less
// than 2^-169, against a smallest remainder of about 2^-61 over all doubles).
inline Reduced reduce_large(double ax) {
  int e = 0;
  const double m = std::frexp(ax, &e);
  const auto mant = static_cast<std::uint64_t>(std::ldexp(m, 53));  // ax = mant·2^(e−53)
  const int first = e - 54;
  std::uint32_t window[7];  // least significant digit first
  for (int j = 0; j < 7; ++j) window[6 - j] = two_over_pi_bits(first + 32 * j);

  // mant·window mod 2^224, in 32-bit digits.
  const std::uint64_t m_lo = mant & 0xFFFFFFFFu;
  const std::uint64_t m_hi = mant >> 32;
  std::uint32_t d[7];
  std::uint64_t carry = 0;
  for (int i = 0; i < 7; ++i) {
    const std::uint64_t t = window[i] * m_lo + carry;
    d[i] = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }
  carry = 0;
  for (int i = 1; i < 7; ++i) {
    const std::uint64_t t = window[i - 1] * m_hi + d[i] + carry;
    d[i] = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }

  int quadrant = static_cast<int>(d[6] >> 30);
  d[6] &= 0x3FFFFFFFu;
  // A fraction of a half or more rounds up to the next quarter turn, and the
  // remainder is then −(1 − fraction): negate in two's complement.
  const bool round_up = (d[6] >> 29) != 0;
  if (round_up) {
    ++quadrant;
    carry = 1;
    for (int i = 0; i < 7; ++i) {
      const std::uint64_t t = static_cast<std::uint64_t>(~d[i]) + carry;
      d[i] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    d[6] &= 0x3FFFFFFFu;
  }

  // The fraction (in quarter turns) as a double-double, then times π/2.
  DoubleDouble f{0.0, 0.0};
  for (int i = 6; i >= 0; --i) {
    const double digit = std::ldexp(static_cast<double>(d[i]), 32 * i - 222);
    const DoubleDouble s = two_sum(f.hi, digit);
    f = {s.hi, f.lo + s.lo};
  }
  f = fast_two_sum(f.hi, f.lo);
  const DoubleDouble r = mul(f, {kPio2Hi, kPio2Lo});
  return {quadrant & 3, round_up ? DoubleDouble{-r.hi, -r.lo} : r};
}

// The reduction for finite ax ≥ 0: none up to π/4, Cody–Waite below 2^20,
// Payne–Hanek from there to DBL_MAX.
inline Reduced reduce(double ax) {
  constexpr double kPio4 = 0x1.921fb54442d18p-1;
  if (ax <= kPio4) return {0, {ax, 0.0}};
  if (ax < 0x1p20) return reduce_medium(ax);
  return reduce_large(ax);
}

// False for ±∞ and NaN, by a comparison alone.
inline bool is_finite(double x) { return std::fabs(x) <= std::numeric_limits<double>::max(); }

}  // namespace portable_detail

// e^x − 1, accurate near 0 where portable_exp(x) − 1 is not. NaN for NaN,
// −1 for −∞, +∞ above ln(DBL_MAX). Largest error measured: 0.507 ULP.
inline double portable_expm1(double x) {
  using namespace portable_detail;
  if (x != x) return std::numeric_limits<double>::quiet_NaN();
  if (x > 710.0) return std::numeric_limits<double>::infinity();
  if (x < -40.0) return -1.0;  // e^x < 2^-57: −1 + e^x rounds to −1
  if (std::fabs(x) < 0x1p-54) return x;  // x + x²/2 rounds to x; keeps −0
  if (x <= 700.0) return expm1_dd(x).hi;
  // Here the − 1 is below 2^-1000 of the value; ldexp overflows to +∞.
  const ExpReduced red = exp_reduce(x);
  const DoubleDouble one_plus = fast_two_sum(1.0, red.e.hi);
  return std::ldexp(one_plus.hi + (one_plus.lo + red.e.lo), red.k);
}

// tanh x = u/(u + 2) with u = e^{2|x|} − 1 in double-double, so it is as
// accurate near 0 as near ±1. Odd (tanh(−x) = −tanh(x) bit for bit), ±1 for
// |x| > 22 and ±∞, NaN for NaN. Largest error measured: 0.504 ULP.
inline double portable_tanh(double x) {
  using namespace portable_detail;
  if (x != x) return std::numeric_limits<double>::quiet_NaN();
  const double ax = std::fabs(x);
  if (ax < 0x1p-27) return x;  // x − x³/3 rounds to x; keeps −0
  double t = 1.0;              // for ax > 22: 1 − tanh 22 < 2^-62
  if (ax <= 22.0) {
    const DoubleDouble u = expm1_dd(2.0 * ax);
    const DoubleDouble u_plus_2 = two_sum(u.hi, 2.0);
    t = divide(u, {u_plus_2.hi, u_plus_2.lo + u.lo});
  }
  return x < 0.0 ? -t : t;
}

// sin x for every finite x: the remainder of |x| modulo π/2 is exact to about
// 2^-100 relative (Cody–Waite below 2^20, Payne–Hanek above, up to DBL_MAX),
// and the kernels carry its low part. Odd bit for bit (sin(−0) = −0); NaN
// for ±∞ and NaN. Largest error measured: 0.512 ULP, from |x| ≤ 1 to DBL_MAX.
inline double portable_sin(double x) {
  using namespace portable_detail;
  if (!is_finite(x)) return std::numeric_limits<double>::quiet_NaN();
  const double ax = std::fabs(x);
  if (ax < 0x1p-27) return x;  // x − x³/6 rounds to x; keeps −0
  const Reduced red = reduce(ax);
  const double v = (red.quadrant & 1) ? cos_kernel(red.r).hi : sin_kernel(red.r).hi;
  const double s = (red.quadrant & 2) ? -v : v;
  return x < 0.0 ? -s : s;
}

// cos x for every finite x, reduced as in portable_sin. Even bit for bit; NaN
// for ±∞ and NaN. Largest error measured: 0.510 ULP, from |x| ≤ 1 to DBL_MAX.
inline double portable_cos(double x) {
  using namespace portable_detail;
  if (!is_finite(x)) return std::numeric_limits<double>::quiet_NaN();
  const double ax = std::fabs(x);
  if (ax < 0x1p-27) return 1.0;  // 1 − x²/2 rounds to 1
  const Reduced red = reduce(ax);
  const double v = (red.quadrant & 1) ? sin_kernel(red.r).hi : cos_kernel(red.r).hi;
  return (red.quadrant == 1 || red.quadrant == 2) ? -v : v;
}

// tan x for every finite x: sin r / cos r (or −cos r / sin r in odd
// quadrants) divided in double-double, so the one rounding is the last.
// Odd bit for bit; NaN for ±∞ and NaN. Largest error measured: 0.513 ULP.
inline double portable_tan(double x) {
  using namespace portable_detail;
  if (!is_finite(x)) return std::numeric_limits<double>::quiet_NaN();
  const double ax = std::fabs(x);
  if (ax < 0x1p-27) return x;  // x + x³/3 rounds to x; keeps −0
  const Reduced red = reduce(ax);
  const DoubleDouble s = sin_kernel(red.r);
  const DoubleDouble c = cos_kernel(red.r);
  const double t = (red.quadrant & 1) ? -divide(c, s) : divide(s, c);
  return x < 0.0 ? -t : t;
}

}  // namespace optlab
