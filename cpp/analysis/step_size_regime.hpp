// The lecture's step-size regimes of gradient descent on a quadratic with
// largest Hessian eigenvalue λ (a for the 1D quadratic): with x = γλ,
//   too_small    x < 1       steady, slow progress
//   optimal      x = 1       exact in one step along that direction
//   oscillating  1 < x < 2   overshoots, converges with alternating sign
//   boundary     x = 2       oscillates with constant amplitude
//   diverging    x > 2       the error grows as |1 − x|^k
// "= 1" and "= 2" mean within a relative limits::kRegimeTolerance.
#pragma once

#include <cmath>
#include <string>

#include "core/limits.hpp"

namespace optlab {

enum class Regime { TooSmall, Optimal, Oscillating, Boundary, Diverging };

inline Regime classify_step_size(double lr, double lambda_max) {
  const double x = lr * lambda_max;
  const double tol = limits::kRegimeTolerance;
  if (std::fabs(x - 1.0) <= tol) return Regime::Optimal;
  if (std::fabs(x - 2.0) <= 2.0 * tol) return Regime::Boundary;
  if (x < 1.0) return Regime::TooSmall;
  if (x < 2.0) return Regime::Oscillating;
  return Regime::Diverging;
}

inline std::string to_string(Regime r) {
  switch (r) {
    case Regime::TooSmall: return "too_small";
    case Regime::Optimal: return "optimal";
    case Regime::Oscillating: return "oscillating";
    case Regime::Boundary: return "boundary";
    case Regime::Diverging: return "diverging";
  }
  return "";
}

}  // namespace optlab
