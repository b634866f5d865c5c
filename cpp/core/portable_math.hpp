// log, exp and pow from + − × ÷ and exact bit operations only.
//
// glibc (native) and musl (wasm) disagree by 1 ULP on up to 10% of inputs
// for std::log/exp/pow, and V8's Math.pow differs again, so nothing that
// feeds a trajectory or a grid may call them. These versions are accurate to
// a few ULP and, more importantly, give the same bits on every target as long
// as the compiler does not contract a·b+c into an FMA (-ffp-contract=off).
#pragma once

#include <cmath>
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

}  // namespace optlab
