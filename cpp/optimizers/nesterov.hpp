// Nesterov's momentum (the lecture's form):
//
//   p_{k+1} = β p_k + g_k
//   w_{k+1} = w_k − γ (g_k + β p_{k+1}),        p_0 = 0.
#pragma once

#include "core/types.hpp"

namespace optlab {

class NesterovUpdate {
 public:
  NesterovUpdate(double lr, double beta, const Vector& w0)
      : lr_(lr), beta_(beta), p_(Vector::Zero(w0.size())) {}
  void update(Vector& w, const Vector& g) {
    p_ = beta_ * p_ + g;
    w -= lr_ * (g + beta_ * p_);
  }

 private:
  double lr_, beta_;
  Vector p_;
};

}  // namespace optlab
