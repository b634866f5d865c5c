// Many seeded runs of one scenario, keeping only where each one ends: the
// annealing statistics (how many SGD runs left the shallow basin).
//
// Run r uses the seed Rng::derive(seed, r); a call may compute runs
// first_run .. first_run + runs − 1 only (row i of the result is run
// first_run + i), so that many runs can be split into short calls. A diverged run reports its last
// accepted iterate and is flagged. SGD on the double well, the figure's hot
// loop, takes a scalar path that performs exactly the general loop's
// operations (a test holds it to the same bits) without its bookkeeping.
#pragma once

#include <cstdint>
#include <vector>

#include "optimizers/optimizer.hpp"
#include "problems/problem.hpp"

namespace optlab {

struct FinalPositions {
  int dim = 0;
  std::vector<double> w;        // runs × dim, row-major
  std::vector<std::uint8_t> diverged;  // runs
};

FinalPositions final_positions(const Problem& problem, const OptimizerSpec& optimizer,
                               const Vector& w0, int steps, std::uint64_t seed, int runs, int first_run = 0);

// The general loop only (for tests and benchmarks of the fast path).
FinalPositions final_positions_general(const Problem& problem, const OptimizerSpec& optimizer,
                                       const Vector& w0, int steps, std::uint64_t seed, int runs,
                                       int first_run = 0);

}  // namespace optlab
