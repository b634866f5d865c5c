// Nesterov's momentum (the lecture's form):
//
//   p_{k+1} = β p_k + g_k
//   w_{k+1} = w_k − γ (g_k + β p_{k+1}),        p_0 = 0.
#pragma once

#include "core/types.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

class NesterovUpdate {
 public:
  NesterovUpdate(const OptimizerSpec& spec, const Vector& w0)
      : lr_(spec.lr), beta_(spec.param("beta")), p_(Vector::Zero(w0.size())) {}
  void update(Vector& w, const Vector& g) {
    p_ = beta_ * p_ + g;
    w -= lr_ * (g + beta_ * p_);
  }

 private:
  double lr_, beta_;
  Vector p_;
};

struct Nesterov {
  using Update = NesterovUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "nesterov";
    o.rule = "p <- beta p + g; w <- w - lr (g + beta p)";
    o.params = {momentum_beta()};
    o.theory = QuadraticTheory::Nesterov;
    return o;
  }
};

}  // namespace optlab
