// Where a function was undefined: the operation and its column in the text
// that defines the function (a typed expression), reported by a run that
// stops there instead of showing NaN.
#pragma once

#include <string>

namespace optlab {

struct ExprUndefined {
  std::string what;  // log, sqrt, division, power, sqrt_gradient, power_gradient
  int column = 0;
};

}  // namespace optlab
