// SGD momentum (the lecture's form):
//
//   p_{k+1} = β p_k + g_k
//   w_{k+1} = w_k − γ p_{k+1},        p_0 = 0.
#pragma once

#include "core/types.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

class MomentumUpdate {
 public:
  MomentumUpdate(const OptimizerSpec& spec, const Vector& w0)
      : lr_(spec.lr), beta_(spec.param("beta")), p_(Vector::Zero(w0.size())) {}
  void update(Vector& w, const Vector& g) {
    p_ = beta_ * p_ + g;
    w -= lr_ * p_;
  }

 private:
  double lr_, beta_;
  Vector p_;
};

struct Momentum {
  using Update = MomentumUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "momentum";
    o.rule = "p <- beta p + g; w <- w - lr p";
    o.params = {momentum_beta()};
    o.theory = QuadraticTheory::Momentum;
    return o;
  }
};

}  // namespace optlab
