// The observer that records a whole run: iterates, losses, gradient norms,
// the drawn batches and the running average of the iterates
//   w̄_k = (1/k) Σ_{j=1..k} w_j,   k ≥ 1   (noise smoothing by averaging),
// updated as w̄_k = w̄_{k−1} + (w_k − w̄_{k−1}) / k.
#pragma once

#include <vector>

#include "core/observer.hpp"

namespace optlab {

class Trace final : public RunObserver {
 public:
  void begin(const Vector& w0, double loss, double grad_norm) override {
    dim = static_cast<int>(w0.size());
    push(w, w0);
    this->loss.push_back(loss);
    this->grad_norm.push_back(grad_norm);
    mean_ = Vector::Zero(w0.size());
  }

  void step_taken(int k, const Vector& wk, double loss_k, double grad_norm_k,
                  const IndexList* batch) override {
    push(w, wk);
    loss.push_back(loss_k);
    grad_norm.push_back(grad_norm_k);
    mean_ += (wk - mean_) / static_cast<double>(k);
    push(w_avg, mean_);
    if (batch) batches.insert(batches.end(), batch->begin(), batch->end());
  }

  int rows() const { return static_cast<int>(loss.size()); }

  int dim = 0;
  std::vector<double> w;          // (steps_done + 1) × dim, row-major
  std::vector<double> loss;       // steps_done + 1
  std::vector<double> grad_norm;  // steps_done + 1
  std::vector<double> w_avg;      // steps_done × dim
  std::vector<int> batches;       // steps_done × batch, empty for full gradients

 private:
  static void push(std::vector<double>& out, const Vector& v) { out.insert(out.end(), v.data(), v.data() + v.size()); }
  Vector mean_;
};

}  // namespace optlab
