// Momentum in its heavy-ball form:
//
//   w_{k+1} = w_k − γ g_k + β (w_k − w_{k−1}),        w_{−1} = w_0.
//
// Algebraically the same method as MomentumUpdate (γ p_k = w_{k−1} − w_k);
// in floating point the iterates agree to rounding.
#pragma once

#include "core/types.hpp"

namespace optlab {

class HeavyBallUpdate {
 public:
  HeavyBallUpdate(double lr, double beta, const Vector& w0) : lr_(lr), beta_(beta), previous_(w0) {}
  void update(Vector& w, const Vector& g) {
    next_ = w - lr_ * g + beta_ * (w - previous_);
    previous_ = w;
    w = next_;
  }

 private:
  double lr_, beta_;
  Vector previous_, next_;
};

}  // namespace optlab
