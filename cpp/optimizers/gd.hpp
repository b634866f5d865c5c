// Gradient descent and SGD:
//
//   w_{k+1} = w_k − γ g_k
//
// with g_k the full gradient (gd) or a stochastic one (sgd: a mini-batch
// mean, default batch 1, or a noisy gradient).
#pragma once

#include "core/types.hpp"

namespace optlab {

class VanillaUpdate {
 public:
  VanillaUpdate(double lr, const Vector& /*w0*/) : lr_(lr) {}
  void update(Vector& w, const Vector& g) { w -= lr_ * g; }

 private:
  double lr_;
};

}  // namespace optlab
