#include "analysis/isolines.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/limits.hpp"

namespace optlab {

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

namespace {

// Marching squares, one level at a time, following each line from cell to
// cell so that it comes out as one chain of segments (see the header).
//
// A cell (i, j) has corners 0 = (i, j), 1 = (i+1, j), 2 = (i+1, j+1),
// 3 = (i, j+1) and edges k = 0..3 from corner k to corner (k + 1) % 4:
// bottom, right, top, left. A grid edge is shared by two cells; its
// crossing point is always interpolated from its lower grid point, so both
// cells get the same point to the last bit.
class Tracer {
 public:
  Tracer(const double* values, int nx, int ny, double tolerance, std::vector<double>& out)
      : v_(values), nx_(nx), ny_(ny), tolerance_(tolerance), out_(out),
        seen_(2 * static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny), 0) {}

  // Every line of level index l (value `level`) through the given cells
  // (those the level crosses).
  void trace(int l, double level, const std::vector<int>& cells) {
    l_ = l;
    level_ = level;
    stamp_ = static_cast<std::uint16_t>(l + 1);
    // Open lines first, each from one end on the grid's border, so that
    // none is cut in two; then what is left are closed loops.
    for (const int c : cells) {
      const int i = c % (nx_ - 1), j = c / (nx_ - 1);
      for (int k = 0; k < 4; ++k)
        if (on_border(i, j, k)) start(i, j, k);
    }
    for (const int c : cells)
      for (int k = 0; k < 4; ++k) start(c % (nx_ - 1), c / (nx_ - 1), k);
  }

 private:
  double at(int i, int j) const { return v_[static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(i)]; }
  bool above(int i, int j) const { return at(i, j) >= level_; }
  int code(int i, int j) const {
    return (above(i, j) ? 1 : 0) | (above(i + 1, j) ? 2 : 0) | (above(i + 1, j + 1) ? 4 : 0) | (above(i, j + 1) ? 8 : 0);
  }
  bool on_border(int i, int j, int k) const {
    return (k == 0 && j == 0) || (k == 1 && i == nx_ - 2) || (k == 2 && j == ny_ - 2) || (k == 3 && i == 0);
  }
  // Edge k of cell (i, j) as a grid edge: its lower grid point and direction.
  struct Edge {
    int i, j;
    bool vertical;
  };
  static Edge grid_edge(int i, int j, int k) {
    switch (k) {
      case 0: return {i, j, false};
      case 1: return {i + 1, j, true};
      case 2: return {i, j + 1, false};
      default: return {i, j, true};
    }
  }
  std::uint16_t& seen(Edge e) {
    return seen_[2 * (static_cast<std::size_t>(e.j) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(e.i)) +
                 (e.vertical ? 1 : 0)];
  }
  void point(Edge e, double& x, double& y) const {
    const double a = at(e.i, e.j), b = e.vertical ? at(e.i, e.j + 1) : at(e.i + 1, e.j);
    const double t = (level_ - a) / (b - a);
    x = e.vertical ? e.i : e.i + t;
    y = e.vertical ? e.j + t : e.j;
  }
  static bool crossed(int code, int k) { return ((code >> k) & 1) != ((code >> ((k + 1) % 4)) & 1); }
  // The edge joined to edge k inside cell (i, j); the corners above the level
  // decide, and a saddle (two opposite corners above) by its centre's mean.
  int partner(int i, int j, int code, int k) const {
    switch (code) {
      case 1: case 14: return k == 3 ? 0 : 3;
      case 2: case 13: return k == 0 ? 1 : 0;
      case 3: case 12: return k == 3 ? 1 : 3;
      case 4: case 11: return k == 1 ? 2 : 1;
      case 6: case 9: return k == 0 ? 2 : 0;
      case 7: case 8: return k == 3 ? 2 : 3;
      default: {  // 5 or 10
        const bool centre_above = (at(i, j) + at(i + 1, j) + at(i + 1, j + 1) + at(i, j + 1)) / 4.0 >= level_;
        if (centre_above == (code == 5)) return k ^ 1;  // corners 0 and 2 joined: edges 0-1 and 2-3
        return k == 0 ? 3 : k == 3 ? 0 : k == 1 ? 2 : 1;  // edges 3-0 and 1-2
      }
    }
  }
  // Follows the line that crosses edge k of cell (i, j), if that edge is
  // crossed and not yet traced, into the cell and on until it leaves the
  // grid or closes.
  void start(int i, int j, int k) {
    int c = code(i, j);
    if (!crossed(c, k)) return;
    const Edge e = grid_edge(i, j, k);
    if (seen(e) == stamp_) return;
    seen(e) = stamp_;
    double x, y;
    point(e, x, y);
    line_.assign({x, y});
    for (;;) {
      const int exit = partner(i, j, c, k);
      const Edge next = grid_edge(i, j, exit);
      point(next, x, y);
      line_.insert(line_.end(), {x, y});
      if (seen(next) == stamp_) break;  // back where a loop began
      seen(next) = stamp_;
      if (on_border(i, j, exit)) break;
      // Into the neighbour across that edge, entering by its opposite side.
      switch (exit) {
        case 0: --j; break;
        case 1: ++i; break;
        case 2: ++j; break;
        default: --i; break;
      }
      k = (exit + 2) % 4;
      c = code(i, j);
    }
    emit();
  }

  // The traced line (line_: x, y, x, y, ...) as segments, simplified first
  // when a tolerance is set.
  void emit() {
    const std::size_t n = line_.size() / 2;
    keep_.assign(n, tolerance_ > 0.0 ? 0 : 1);
    keep_[0] = keep_[n - 1] = 1;
    if (tolerance_ > 0.0) simplify(n);
    std::size_t from = 0;
    for (std::size_t p = 1; p < n; ++p) {
      if (!keep_[p]) continue;
      out_.insert(out_.end(), {static_cast<double>(l_), line_[2 * from], line_[2 * from + 1], line_[2 * p], line_[2 * p + 1]});
      from = p;
    }
  }

  // Douglas-Peucker over line_'s n points, with a stack rather than
  // recursion: keep the point farthest from the chord of each span while it
  // is farther than the tolerance. A closed line's chord is a point (both
  // ends are one): distances are then to that point.
  void simplify(std::size_t n) {
    spans_.assign({0, n - 1});
    while (!spans_.empty()) {
      const std::size_t b = spans_.back();
      spans_.pop_back();
      const std::size_t a = spans_.back();
      spans_.pop_back();
      const double ax = line_[2 * a], ay = line_[2 * a + 1];
      const double dx = line_[2 * b] - ax, dy = line_[2 * b + 1] - ay;
      const double length = std::sqrt(dx * dx + dy * dy);
      double farthest = -1.0;
      std::size_t at = a;
      for (std::size_t p = a + 1; p < b; ++p) {
        const double px = line_[2 * p] - ax, py = line_[2 * p + 1] - ay;
        const double d = length > 0.0 ? std::fabs(dy * px - dx * py) / length : std::sqrt(px * px + py * py);
        if (d > farthest) {
          farthest = d;
          at = p;
        }
      }
      if (farthest > tolerance_) {
        keep_[at] = 1;
        spans_.insert(spans_.end(), {a, at, at, b});
      }
    }
  }

  const double* v_;
  int nx_, ny_;
  double tolerance_;
  std::vector<double>& out_;
  std::vector<double> line_;         // the line being traced: x, y per point
  std::vector<unsigned char> keep_;  // per point of line_: drawn or not
  std::vector<std::size_t> spans_;   // simplify()'s stack of (first, last) points
  std::vector<std::uint16_t> seen_;  // per grid edge: 1 + the level index last traced through it
  int l_ = 0;
  double level_ = 0.0;
  std::uint16_t stamp_ = 0;
};

}  // namespace

std::vector<double> isolines(const double* values, int nx, int ny, const std::vector<double>& levels, double tolerance) {
  // One pass over the cells finds the levels each one crosses (those in
  // (min, max] of its corners), so each level visits only its own cells.
  // The levels' indices by value (at most a few hundred levels: insertion
  // sort, which keeps the core small).
  std::vector<int> order(levels.size());
  for (std::size_t r = 0; r < order.size(); ++r) {
    std::size_t q = r;
    for (; q > 0 && levels[static_cast<std::size_t>(order[q - 1])] > levels[r]; --q) order[q] = order[q - 1];
    order[q] = static_cast<int>(r);
  }
  std::vector<double> sorted(levels.size());
  for (std::size_t r = 0; r < order.size(); ++r) sorted[r] = levels[order[r]];
  // Each (level, cell) crossing adds at most two segments, ten numbers: the
  // crossings are counted before anything is kept for them, so that no grid
  // and levels (a checkerboard crosses every level in every cell) can make
  // the output outgrow what a plot can use.
  const auto each_crossing = [&](auto&& visit) {
    for (int j = 0; j + 1 < ny; ++j)
      for (int i = 0; i + 1 < nx; ++i) {
        const double* row = values + static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) + i;
        const double a = row[0], b = row[1], c = row[nx + 1], d = row[nx];
        const double lo = std::min(std::min(a, b), std::min(c, d)), hi = std::max(std::max(a, b), std::max(c, d));
        for (auto r = static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), lo) - sorted.begin());
             r < sorted.size() && sorted[r] <= hi; ++r)
          visit(r, j * (nx - 1) + i);
      }
  };
  long crossings = 0;
  each_crossing([&](std::size_t, int) { ++crossings; });
  if (crossings > limits::kMaxIsolineCrossings)
    throw std::length_error("the levels cross the grid's cells " + std::to_string(crossings) +
                            " times in all, more than the " + std::to_string(limits::kMaxIsolineCrossings) +
                            " a plot can use: use fewer levels or a coarser grid");
  std::vector<std::vector<int>> cells(levels.size());
  each_crossing([&](std::size_t r, int cell) { cells[static_cast<std::size_t>(order[r])].push_back(cell); });
  std::vector<double> out;
  Tracer tracer(values, nx, ny, tolerance, out);
  for (std::size_t l = 0; l < levels.size(); ++l)
    if (!cells[l].empty()) tracer.trace(static_cast<int>(l), levels[l], cells[l]);
  return out;
}

}  // namespace optlab
