// How an iterate path behaves over a window of steps: how far it stays from
// a point (the minimum), and how much it moves. Under gradient noise these
// tell momentum's smoothing apart from averaging's: momentum shortens the
// path (steadier steps) while its distance to the minimum barely changes;
// averaging brings the distance down.
#pragma once

namespace optlab {

struct PathStats {
  double distance;  // mean ‖w_k − point‖ over k = from … to
  double step;      // mean ‖w_k − w_{k−1}‖ over the steps that end in the window (k = max(from, 1) … to)
  double length;    // their sum: the path's length over the window
};

// w: rows × dim iterates, row-major; 0 ≤ from ≤ to < rows. The sums run in
// index order with sqrt only, so native and wasm agree to the bit.
PathStats path_stats(const double* w, int rows, int dim, const double* point, int from, int to);

}  // namespace optlab
