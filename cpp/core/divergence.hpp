// The divergence rule: an iterate is rejected when any coordinate or the
// loss is non-finite, a coordinate exceeds limits::kDivergedAbsW in absolute
// value, or the loss exceeds limits::kDivergedAbsLoss. The run stops there
// and reports diverged_at = k; nothing non-finite reaches an output.
#pragma once

#include <cmath>

#include "core/limits.hpp"
#include "core/types.hpp"

namespace optlab {

// Written as !(|x| ≤ bound) so that NaN counts as diverged.
inline bool coordinate_diverged(double x) { return !(std::fabs(x) <= limits::kDivergedAbsW); }
inline bool loss_diverged(double loss) { return !(std::fabs(loss) <= limits::kDivergedAbsLoss); }

inline bool iterate_diverged(const Vector& w, double loss) {
  for (Eigen::Index i = 0; i < w.size(); ++i)
    if (coordinate_diverged(w[i])) return true;
  return loss_diverged(loss);
}

// ‖v‖₂, summed in index order on every target.
inline double norm2(const Vector& v) {
  double s = 0.0;
  for (Eigen::Index i = 0; i < v.size(); ++i) s += v[i] * v[i];
  return std::sqrt(s);
}

}  // namespace optlab
