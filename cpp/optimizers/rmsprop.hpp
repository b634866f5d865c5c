// RMSProp (Tieleman and Hinton, 2012), beyond the lecture, as the course
// notebook and torch.optim.RMSprop write it:
//
//   v_{k+1} = α v_k + (1 − α) g_k²
//   w_{k+1} = w_k − γ g_k / (√v_{k+1} + ε),        v_0 = 0,
//
// every operation coordinate by coordinate: each coordinate's step is
// divided by a running root mean square of its own gradients. Defaults are
// torch's (α = 0.99, ε = 1e-8).
#pragma once

#include "core/types.hpp"
#include "optimizers/adagrad.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

class RmspropUpdate {
 public:
  RmspropUpdate(const OptimizerSpec& spec, const Vector& w0)
      : lr_(spec.lr), alpha_(spec.param("alpha")), eps_(spec.param("eps")), v_(Vector::Zero(w0.size())) {}
  void update(Vector& w, const Vector& g) {
    v_.array() = alpha_ * v_.array() + (1.0 - alpha_) * g.array() * g.array();  // ((1 − α) g) g, as torch
    w.array() -= lr_ * (g.array() / (v_.array().sqrt() + eps_));
  }

 private:
  double lr_, alpha_, eps_;
  Vector v_;
};

struct Rmsprop {
  using Update = RmspropUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "rmsprop";
    o.rule = "v <- alpha v + (1 - alpha) g^2; w <- w - lr g / (sqrt(v) + eps)";
    o.lr_default = 0.01;
    // α = 1 would never move v from 0: every step would be γ g / ε.
    o.params = {{"alpha", 0.0, 1.0, false, true, 0.99, false}, adaptive_eps(1e-8)};
    return o;
  }
};

}  // namespace optlab
