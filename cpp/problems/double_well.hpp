// The annealing example: a 1D non-convex finite sum
//
//   f_i(w) = (w² − 1)²/4 + (h + b_i) w,   b_i = s · (2i − (n − 1)) / (n − 1),
//   f(w)   = (1/n) Σ f_i = (w² − 1)²/4 + h w          (the b_i sum to zero).
//
// For 0 < h < 2/(3√3) ≈ 0.385 f has a deeper minimum left of −1 and a
// shallow one right of 0 (h = 0.25: w ≈ −1.107 and w ≈ 0.838, barrier
// height ≈ 0.051 from the shallow side, ≈ 0.546 from the deep side), so
// gradient descent started in the shallow basin stays there while SGD's
// noise, ∇f_i − ∇f = b_i with E[b_i] = 0, can carry it over the ridge.
// Parameters: n parts (default 16), tilt h (0.25), spread s (1.5). With the
// defaults and γ = 0.1 over 1000 steps, about 99% of SGD runs escape with
// batch 1, 64% with batch 2 and 3% with batch 4: the mini-batch tames the
// noise that does the annealing.
#pragma once

#include "problems/problem.hpp"

namespace optlab {

class DoubleWell final : public Problem {
 public:
  DoubleWell(int n, double tilt, double spread);

  std::string kind() const override { return "double_well"; }
  int dim() const override { return 1; }
  double value(const Vector& w) const override { return value_at(w[0]); }
  void gradient(const Vector& w, Vector& g) const override { g[0] = base_slope(w[0]) + tilt_; }
  int num_functions() const override { return n_; }
  double part_value(const Vector& w, int i) const override {
    return base_value(w[0]) + (tilt_ + offset(i)) * w[0];
  }
  void add_part_gradient(const Vector& w, int i, Vector& g) const override {
    g[0] += part_slope(w[0], i);
  }
  std::optional<Vector> minimizer() const override;
  const DoubleWell* as_double_well() const override { return this; }

  // The scalar kernels, shared with the fast Monte Carlo loop so both give
  // the same bits.
  double value_at(double w) const { return base_value(w) + tilt_ * w; }
  double part_slope(double w, int i) const { return slope_of(w, part_constant(i)); }
  // ∇f_i(w) = w (w² − 1) + (tilt + b_i) for any number type (doubles, and
  // the SIMD pairs of the wasm Monte Carlo loop), given its constant term.
  template <typename T>
  static T slope_of(const T& w, const T& constant) {
    return w * (w * w - T(1.0)) + constant;
  }
  // The w-free term of ∇f_i: tilt + b_i.
  double part_constant(int i) const { return tilt_ + offsets_[static_cast<std::size_t>(i)]; }
  double offset(int i) const { return offsets_[static_cast<std::size_t>(i)]; }
  // The two local minima, deeper first (equal depth when tilt = 0).
  double deep_minimum() const;
  double shallow_minimum() const;
  // The local maximum between them: the ridge SGD's noise must carry a run over.
  double ridge() const;

 private:
  static double base_value(double w) {
    const double q = w * w - 1.0;
    return 0.25 * q * q;
  }
  static double base_slope(double w) { return w * (w * w - 1.0); }  // the mean of slope_of over i, without the tilt
  double newton_root(double start) const;

  int n_;
  double tilt_;
  std::vector<double> offsets_;  // b_i, tabulated: the Monte Carlo loop reads one per step
};

}  // namespace optlab
