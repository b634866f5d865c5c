#include "scenario/work.hpp"

#include <algorithm>
#include <cmath>

#include "core/limits.hpp"
#include "scenario/fields.hpp"

namespace optlab {

double step_work(const Problem& problem, const OptimizerSpec& optimizer) {
  const double evaluation = problem.evaluation_work();
  const double dim = problem.dim();
  if (optimizer.info->step_work) return optimizer.info->step_work(optimizer, evaluation, dim);
  const double oracle = optimizer.batch > 0 ? optimizer.batch * (dim + kSampleWork) : evaluation;
  const double noise = problem.gradient_noise() > 0.0 ? dim : 0.0;
  return oracle + noise + 2.0 * evaluation + dim;
}

double run_work(const Problem& problem, const OptimizerSpec& optimizer, int steps) {
  return std::max(1, steps) * step_work(problem, optimizer);
}

void check_work(const std::vector<WorkFactor>& factors) {
  double total = 1.0, rest = 1.0;
  std::string names, values;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    total *= factors[i].value;
    if (i > 0) rest *= factors[i].value;
    names += (i ? " × " : "") + factors[i].name;
    values += (i ? " × " : "") + format_short(factors[i].value);
  }
  if (total <= limits::kMaxWork) return;
  const std::string over = names + " = " + values + " = " + format_short(total) + " work units, over the limit of " +
                           format_short(limits::kMaxWork) + " per call (a few seconds of one core)";
  const double most = std::floor(limits::kMaxWork / rest);
  if (most < 1.0) throw ScenarioError("this call is too much work: " + over);
  throw ScenarioError(factors.front().name + " must be at most " + format_number(most) + " here: " + over);
}

void check_cells(const std::string& name, double nx, double ny, double per_cell) {
  if (nx * ny > static_cast<double>(limits::kMaxGridCells))
    reject(name + " must be at most " + std::to_string(limits::kMaxGridCells) + " cells (got " +
           format_number(nx * ny) + ")");
  check_work({{name, nx * ny}, {"work units per cell", per_cell}});
}

}  // namespace optlab
