// Iso-lines of a function sampled on a grid, by marching squares: in each
// cell, where the level crosses the cell's edges (linear interpolation along
// each edge), joined into at most two segments. Saddle cells are resolved by
// the mean of their four corners. Each line is followed from cell to cell,
// so its segments come out in order, each starting exactly where the one
// before it ended: the contour plots draw a line as one path (half the
// canvas calls of loose segments, and joins instead of overlapping caps).
//
// It runs in wasm rather than JavaScript because the page traces several
// contour sets while it starts, once, when JavaScript is still cold.
#pragma once

#include <cstddef>
#include <vector>

#include "problems/problem.hpp"

namespace optlab {

// f sampled for a contour plot: out[j * nx + i] = f(x_i, y_j), x and y evenly
// spaced over [x0, x1] and [y0, y1] (nx, ny ≥ 2). A one-dimensional problem
// gives f along [x0, x1] (ny = 1; y0, y1 unused). out holds nx · ny numbers.
void value_grid(const Problem& problem, double x0, double x1, int nx, double y0, double y1, int ny, double* out);

// The index of the first sample that is NaN or infinite, or n if none is.
std::size_t first_non_finite(const double* values, std::size_t n);

// values[j * nx + i] is the sample at grid point (i, j), nx, ny ≥ 2. Returns
// five numbers per segment: the level's index, then (x1, y1, x2, y2) in grid
// coordinates (point (i, j) at x = i, y = j). Levels come in the order given;
// within a level, line after line: an open line from one end on the grid's
// border to the other, a closed one back to its first point. A segment whose
// (x1, y1) equals the previous segment's (x2, y2) continues its line. At most
// 65,535 levels (the bindings allow 256). Throws std::length_error, before
// it keeps anything, when the levels cross the cells more than
// limits::kMaxIsolineCrossings times in all.
//
// tolerance > 0 (grid units) simplifies each line (Douglas-Peucker): of its
// points, one per grid edge crossed, only those needed to keep every point
// within `tolerance` of the line drawn are kept, the ends always. Most
// points of a smooth contour lie almost on the chord of their neighbours:
// at 1/4000 of a 161-point grid (0.1 px on a 400 px plot), Rosenbrock's
// 6,125 points become ~1,200, the same picture in a fifth of the canvas calls.
std::vector<double> isolines(const double* values, int nx, int ny, const std::vector<double>& levels,
                             double tolerance = 0.0);

}  // namespace optlab
