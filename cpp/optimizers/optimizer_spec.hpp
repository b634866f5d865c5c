// Which rule a run uses and its hyperparameters, as validated from a scenario.
#pragma once

#include <string>

namespace optlab {

enum class OptimizerKind { Gd, Sgd, Momentum, HeavyBall, Nesterov, Lbfgs };

struct OptimizerSpec {
  OptimizerKind kind = OptimizerKind::Gd;
  double lr = 0.0;    // γ (first-order methods)
  double beta = 0.0;  // β (momentum, heavy_ball, nesterov)
  int batch = 0;      // B; 0 means the full gradient
  int memory = 6;     // m (lbfgs)
};

std::string to_string(OptimizerKind kind);

}  // namespace optlab
