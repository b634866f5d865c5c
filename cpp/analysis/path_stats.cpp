#include "analysis/path_stats.hpp"

#include <cmath>

namespace optlab {

namespace {

double distance(const double* a, const double* b, int dim) {
  double sum = 0.0;
  for (int i = 0; i < dim; ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum);
}

}  // namespace

PathStats path_stats(const double* w, int rows, int dim, const double* point, int from, int to) {
  (void)rows;
  PathStats out{0.0, 0.0, 0.0};
  for (int k = from; k <= to; ++k) out.distance += distance(w + static_cast<long>(k) * dim, point, dim);
  out.distance /= static_cast<double>(to - from + 1);
  int steps = 0;
  for (int k = from > 1 ? from : 1; k <= to; ++k, ++steps)
    out.length += distance(w + static_cast<long>(k) * dim, w + static_cast<long>(k - 1) * dim, dim);
  out.step = steps > 0 ? out.length / steps : 0.0;
  return out;
}

}  // namespace optlab
