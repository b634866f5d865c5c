// Gradient descent and SGD:
//
//   w_{k+1} = w_k − γ g_k
//
// with g_k the full gradient (gd) or a stochastic one (sgd: a mini-batch
// mean, default batch 1, or a noisy gradient).
#pragma once

#include "core/types.hpp"
#include "optimizers/optimizer.hpp"

namespace optlab {

// The rule for any number type: the run loop's vectors, and the Monte Carlo
// fast path's doubles and SIMD pairs (analysis/final_positions.cpp), all
// step by this one expression, so that they give the same bits.
template <typename W, typename G>
inline W vanilla_step(const W& w, double lr, const G& g) {
  return w - lr * g;
}

class VanillaUpdate {
 public:
  VanillaUpdate(const OptimizerSpec& spec, const Vector& /*w0*/) : lr_(spec.lr) {}
  void update(Vector& w, const Vector& g) { w = vanilla_step(w, lr_, g); }

 private:
  double lr_;
};

struct Gd {
  using Update = VanillaUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "gd";
    o.rule = "w <- w - lr g";
    o.batch = BatchUse::None;
    o.theory = QuadraticTheory::MomentumAndRegime;
    return o;
  }
};

struct Sgd {
  using Update = VanillaUpdate;
  static OptimizerInfo info() {
    OptimizerInfo o;
    o.name = "sgd";
    o.rule = "the same with stochastic g";
    o.batch = BatchUse::Stochastic;
    return o;
  }
};

}  // namespace optlab
