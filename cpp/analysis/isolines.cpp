#include "analysis/isolines.hpp"

#include <cmath>

namespace optlab {

namespace {

struct Point {
  double x, y;
};

// Where the level crosses the edge from a (value va) to b (value vb).
Point cross(Point a, double va, Point b, double vb, double level) {
  const double t = (level - va) / (vb - va);
  return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

}  // namespace

// These loops sit here, compiled for speed, and not in the bindings (built
// for size, where Eigen's element access is a call): they run over every
// sample, so V8 soon optimizes them, and a small function is quick to optimize.
void value_grid(const Problem& problem, double x0, double x1, int nx, double y0, double y1, int ny, double* out) {
  const int dim = problem.dim();
  Vector w(dim);
  for (int j = 0; j < ny; ++j) {
    if (dim == 2) w[1] = y0 + (y1 - y0) * j / (ny - 1.0);  // once per row
    for (int i = 0; i < nx; ++i) {
      w[0] = x0 + (x1 - x0) * i / (nx - 1.0);
      out[static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i)] = problem.value(w);
    }
  }
}

std::size_t first_non_finite(const double* values, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(values[i])) return i;
  return n;
}

std::vector<double> isolines(const double* values, int nx, int ny, const std::vector<double>& levels) {
  std::vector<double> out;
  for (std::size_t l = 0; l < levels.size(); ++l) {
    const double level = levels[l];
    for (int j = 0; j + 1 < ny; ++j)
      for (int i = 0; i + 1 < nx; ++i) {
        // Corners counter-clockwise from (i, j): 0 = (i, j), 1 = (i+1, j), 2 = (i+1, j+1), 3 = (i, j+1).
        const double v[4] = {values[j * nx + i], values[j * nx + i + 1], values[(j + 1) * nx + i + 1],
                             values[(j + 1) * nx + i]};
        const Point p[4] = {{double(i), double(j)}, {i + 1.0, double(j)}, {i + 1.0, j + 1.0}, {double(i), j + 1.0}};
        int code = 0;
        for (int c = 0; c < 4; ++c) code |= (v[c] >= level ? 1 : 0) << c;
        if (code == 0 || code == 15) continue;
        // Edge e runs from corner e to corner (e + 1) % 4.
        auto edge = [&](int e) { return cross(p[e], v[e], p[(e + 1) % 4], v[(e + 1) % 4], level); };
        auto segment = [&](int e1, int e2) {
          const Point a = edge(e1), b = edge(e2);
          out.insert(out.end(), {double(l), a.x, a.y, b.x, b.y});
        };
        // The corners above the level, as a set, decide which edges are crossed.
        switch (code) {
          case 1: case 14: segment(3, 0); break;
          case 2: case 13: segment(0, 1); break;
          case 3: case 12: segment(3, 1); break;
          case 4: case 11: segment(1, 2); break;
          case 6: case 9: segment(0, 2); break;
          case 7: case 8: segment(3, 2); break;
          case 5: case 10: {
            // A saddle: corners 0 and 2 on one side, 1 and 3 on the other.
            const bool center_above = (v[0] + v[1] + v[2] + v[3]) / 4.0 >= level;
            const bool zero_above = code == 5;
            if (center_above == zero_above) {  // 0 and 2 joined through the centre: cut off corners 1 and 3
              segment(0, 1);
              segment(2, 3);
            } else {  // cut off corners 0 and 2
              segment(3, 0);
              segment(1, 2);
            }
            break;
          }
          default: break;
        }
      }
  }
  return out;
}

}  // namespace optlab
