// Adam (Kingma and Ba, 2015), beyond the lecture: momentum's running mean
// of the gradients, rescaled coordinate by coordinate as RMSProp does, each
// mean corrected for starting at 0:
//
//   m_{k+1} = β₁ m_k + (1 − β₁) g_k
//   v_{k+1} = β₂ v_k + (1 − β₂) g_k²
//   m̂ = m_{k+1} / (1 − β₁^{k+1}),   v̂ = v_{k+1} / (1 − β₂^{k+1})
//   w_{k+1} = w_k − γ m̂ / (√v̂ + ε),        m_0 = v_0 = 0.
//
// The last line is computed as torch.optim.Adam computes it,
// γ/(1 − β₁^{k+1}) · m / (√v / √(1 − β₂^{k+1}) + ε), and the defaults are
// torch's (γ = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8). The powers β^{k+1}
// are running products, not pow(): the same bits natively and in wasm.
#pragma once

#include <cmath>

#include "core/types.hpp"
#include "optimizers/adagrad.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

class AdamUpdate {
 public:
  AdamUpdate(const OptimizerSpec& spec, const Vector& w0)
      : lr_(spec.lr), beta1_(spec.param("beta1")), beta2_(spec.param("beta2")), eps_(spec.param("eps")),
        m_(Vector::Zero(w0.size())), v_(Vector::Zero(w0.size())) {}
  void update(Vector& w, const Vector& g) {
    m_.array() = beta1_ * m_.array() + (1.0 - beta1_) * g.array();
    v_.array() = beta2_ * v_.array() + (1.0 - beta2_) * g.array() * g.array();  // ((1 − β₂) g) g, as torch
    beta1_power_ *= beta1_;
    beta2_power_ *= beta2_;
    const double step = lr_ / (1.0 - beta1_power_);
    const double root_correction = std::sqrt(1.0 - beta2_power_);
    w.array() -= step * (m_.array() / (v_.array().sqrt() / root_correction + eps_));
  }

 private:
  double lr_, beta1_, beta2_, eps_;
  double beta1_power_ = 1.0, beta2_power_ = 1.0;  // β₁^k, β₂^k
  Vector m_, v_;
};

struct Adam {
  using Update = AdamUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "adam";
    o.rule = "m <- beta1 m + (1 - beta1) g; v <- beta2 v + (1 - beta2) g^2; w <- w - lr mhat / (sqrt(vhat) + eps)";
    o.lr_default = 0.001;
    o.params = {{"beta1", 0.0, 1.0, false, true, 0.9, false}, {"beta2", 0.0, 1.0, false, true, 0.999, false},
                adaptive_eps(1e-8)};
    return o;
  }
};

}  // namespace optlab
