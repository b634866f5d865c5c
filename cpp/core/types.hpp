// Eigen aliases shared by the whole core.
//
// The build defines EIGEN_DONT_VECTORIZE: with SIMD, Eigen reorders the sums
// inside reductions differently on x86-64 (SSE/AVX packets) and in wasm
// (scalar), which would break byte-identical trajectories across targets.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace optlab {

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;
using IndexList = std::vector<int>;

}  // namespace optlab
