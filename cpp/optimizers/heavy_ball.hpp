// Momentum in its heavy-ball form:
//
//   w_{k+1} = w_k − γ g_k + β (w_k − w_{k−1}),        w_{−1} = w_0.
//
// Algebraically the same method as MomentumUpdate (γ p_k = w_{k−1} − w_k);
// in floating point the iterates agree to rounding.
#pragma once

#include "core/types.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

class HeavyBallUpdate {
 public:
  HeavyBallUpdate(const OptimizerSpec& spec, const Vector& w0)
      : lr_(spec.lr), beta_(spec.param("beta")), previous_(w0) {}
  void update(Vector& w, const Vector& g) {
    next_ = w - lr_ * g + beta_ * (w - previous_);
    previous_ = w;
    w = next_;
  }

 private:
  double lr_, beta_;
  Vector previous_, next_;
};

struct HeavyBall {
  using Update = HeavyBallUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "heavy_ball";
    o.rule = "w+ = w - lr g + beta (w - w-)";
    o.params = {momentum_beta()};
    o.theory = QuadraticTheory::Momentum;
    return o;
  }
};

}  // namespace optlab
