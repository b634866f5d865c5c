#include "analysis/momentum_rate.hpp"

#include "core/portable_math.hpp"

namespace optlab {

double simulated_momentum_rate(double lr, double beta, const Vector& eigenvalues, int steps,
                               int window) {
  double rate = 0.0;
  for (Eigen::Index e = 0; e < eigenvalues.size(); ++e) {
    const double lambda = eigenvalues[e];
    double w = 1.0, previous = 1.0;
    long exponent = 0;             // the state is (w, previous) · 2^exponent
    long exponent_at_start = 0;
    double norm_at_start = 1.0;
    for (int k = 1; k <= steps; ++k) {
      const double next = w - lr * lambda * w + beta * (w - previous);
      previous = w;
      w = next;
      if ((k & 15) == 0 || k == steps || k == steps - window) {
        int shift = 0;
        std::frexp(std::fabs(w) + std::fabs(previous), &shift);
        if (shift > 0 ? shift > 64 : shift < -64) {
          w = std::ldexp(w, -shift);
          previous = std::ldexp(previous, -shift);
          exponent += shift;
        }
      }
      if (k == steps - window) {
        norm_at_start = std::sqrt(w * w + previous * previous);
        exponent_at_start = exponent;
      }
    }
    const double norm_at_end = std::sqrt(w * w + previous * previous);
    if (norm_at_end == 0.0 || norm_at_start == 0.0) continue;  // exact convergence
    const double log_ratio = portable_log(norm_at_end) - portable_log(norm_at_start) +
                             static_cast<double>(exponent - exponent_at_start) * 0.69314718055994530942;
    rate = std::fmax(rate, portable_exp(log_ratio / static_cast<double>(window)));
  }
  return rate;
}

}  // namespace optlab
