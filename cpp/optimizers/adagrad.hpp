// Adagrad (Duchi, Hazan and Singer, 2011), beyond the lecture, as the
// course notebook and torch.optim.Adagrad write it:
//
//   v_{k+1} = v_k + g_k²
//   w_{k+1} = w_k − γ g_k / (√v_{k+1} + ε),        v_0 = 0,
//
// every operation coordinate by coordinate. ε is added to √v, not to v, as
// torch.optim does, and its default is torch's (1e-10).
#pragma once

#include "core/types.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

// ε of the adaptive rules: 0 < ε <= 1, added to √v (torch.optim's placement).
inline HyperParam adaptive_eps(double fallback) { return {"eps", 0.0, 1.0, true, false, fallback, false}; }

class AdagradUpdate {
 public:
  AdagradUpdate(const OptimizerSpec& spec, const Vector& w0)
      : lr_(spec.lr), eps_(spec.param("eps")), v_(Vector::Zero(w0.size())) {}
  void update(Vector& w, const Vector& g) {
    v_.array() += g.array() * g.array();
    w.array() -= lr_ * (g.array() / (v_.array().sqrt() + eps_));
  }

 private:
  double lr_, eps_;
  Vector v_;
};

struct Adagrad {
  using Update = AdagradUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "adagrad";
    o.rule = "v <- v + g^2; w <- w - lr g / (sqrt(v) + eps)";
    o.lr_default = 0.01;
    o.params = {adaptive_eps(1e-10)};
    return o;
  }
};

}  // namespace optlab
