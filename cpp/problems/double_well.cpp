#include "problems/double_well.hpp"

#include <cmath>

namespace optlab {

DoubleWell::DoubleWell(int n, double tilt, double spread) : n_(n), tilt_(tilt), offsets_(static_cast<std::size_t>(n)) {
  for (int i = 0; i < n; ++i)
    offsets_[static_cast<std::size_t>(i)] = spread * static_cast<double>(2 * i - (n - 1)) / static_cast<double>(n - 1);
}

double DoubleWell::newton_root(double start) const {
  // f'(w) = w³ − w + h is convex on w < 0 and concave on w > 0 from the
  // chosen starts (|w| = 1.5 lies beyond both outer roots), so Newton
  // converges monotonically; 60 steps is far more than it needs.
  double w = start;
  for (int k = 0; k < 60; ++k) {
    const double slope = base_slope(w) + tilt_;
    const double curvature = 3.0 * w * w - 1.0;
    const double next = w - slope / curvature;
    if (next == w) break;
    w = next;
  }
  return w;
}

double DoubleWell::deep_minimum() const { return newton_root(tilt_ >= 0.0 ? -1.5 : 1.5); }
double DoubleWell::shallow_minimum() const { return newton_root(tilt_ >= 0.0 ? 1.5 : -1.5); }

double DoubleWell::ridge() const {
  // f'(w) = w³ − w + h falls from +|h|-ish to −|h|-ish across [−1/√3, 1/√3]
  // (f'' = 3w² − 1 < 0 there) and has its middle root inside: bisection to
  // the last bit, whatever the tilt (|h| < 2/(3√3) keeps the root inside).
  double lo = -1.0 / std::sqrt(3.0), hi = 1.0 / std::sqrt(3.0);
  for (int k = 0; k < 200; ++k) {
    const double mid = 0.5 * (lo + hi);
    if (mid == lo || mid == hi) break;
    (base_slope(mid) + tilt_ > 0.0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

std::optional<Vector> DoubleWell::minimizer() const {
  if (tilt_ == 0.0) return std::nullopt;  // two global minima, ±1
  return Vector::Constant(1, deep_minimum());
}

}  // namespace optlab
