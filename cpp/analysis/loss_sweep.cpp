#include "analysis/loss_sweep.hpp"

#include "run/run.hpp"

namespace optlab {

namespace {

// Keeps only the loss of the last accepted iterate.
class LastLoss final : public RunObserver {
 public:
  void begin(const Vector&, double f, double) override { loss = f; }
  void step_taken(int, const Vector&, double f, double, const IndexList*) override { loss = f; }
  double loss = 0.0;
};

}  // namespace

LossSweep loss_sweep(const Problem& problem, OptimizerSpec optimizer, const Vector& w0, int steps,
                     std::uint64_t seed, const std::vector<double>& lrs) {
  LossSweep out;
  out.loss.reserve(lrs.size());
  out.diverged_at.reserve(lrs.size());
  for (const double lr : lrs) {
    optimizer.lr = lr;
    LastLoss last;
    const RunStatus status = run(problem, optimizer, w0, steps, seed, last);
    out.loss.push_back(last.loss);
    out.diverged_at.push_back(status.diverged_at ? *status.diverged_at : -1);
  }
  return out;
}

}  // namespace optlab
