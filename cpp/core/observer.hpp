// Callbacks that watch a run without changing it (as ensmallen's StepTaken).
// Each accepted iterate w_k is reported with the exact loss f(w_k) and
// ‖∇f(w_k)‖ of the full objective, whatever gradient the optimizer used.
#pragma once

#include "core/types.hpp"

namespace optlab {

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void begin(const Vector& /*w0*/, double /*loss*/, double /*grad_norm*/) {}
  // batch is null for full-gradient steps.
  virtual void step_taken(int /*k*/, const Vector& /*w*/, double /*loss*/, double /*grad_norm*/,
                          const IndexList* /*batch*/) {}
};

}  // namespace optlab
