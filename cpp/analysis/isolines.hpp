// Iso-lines of a function sampled on a grid, by marching squares: in each
// cell, where the level crosses the cell's edges (linear interpolation along
// each edge), joined into at most two segments. Saddle cells are resolved by
// the mean of their four corners. The contour plots draw these segments.
//
// It runs in wasm rather than JavaScript because the page traces several
// contour sets while it starts, once, when JavaScript is still cold.
#pragma once

#include <vector>

namespace optlab {

// values[j * nx + i] is the sample at grid point (i, j), nx, ny ≥ 2. Returns
// five numbers per segment: the level's index, then (x1, y1, x2, y2) in grid
// coordinates (point (i, j) at x = i, y = j).
std::vector<double> isolines(const double* values, int nx, int ny, const std::vector<double>& levels);

}  // namespace optlab
