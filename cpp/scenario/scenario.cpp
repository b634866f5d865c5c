#include "scenario/scenario.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

#include "core/limits.hpp"
#include "problems/double_well.hpp"
#include "problems/expression.hpp"
#include "problems/least_squares.hpp"
#include "problems/quadratic.hpp"
#include "problems/quadratic1d.hpp"
#include "problems/rosenbrock.hpp"
#include "run/registry.hpp"
#include "scenario/work.hpp"

namespace optlab {

namespace {

using limits::kMaxAbsInput;
const Range kAnyValue{-kMaxAbsInput, kMaxAbsInput};
const Range kPositive{0.0, kMaxAbsInput, true};
const Range kNonNegativeNoise{0.0, limits::kMaxNoise};

std::string read_kind(const Json& object, const std::string& path, const std::vector<std::string>& kinds) {
  std::string list;
  for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
  if (!object.is_object()) reject(path + " must be a JSON object with a \"kind\" (got " + describe_value(object) + ")");
  if (!object.contains("kind")) reject(path + ".kind is required: one of " + list);
  const Json& kind = object.at("kind");
  if (kind.is_string())
    for (const auto& k : kinds)
      if (kind.get<std::string>() == k) return k;
  reject(path + ".kind must be one of " + list + " (got " + describe_value(kind) + ")");
}

Vector to_vector(const std::vector<double>& values) {
  return Eigen::Map<const Vector>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// Rows of numbers of one common length: A of a quadratic, X of least squares.
Matrix read_rows(const Json& value, const std::string& path, std::size_t min_rows, std::size_t max_rows,
                 std::size_t max_cols, const std::string& shape) {
  if (!value.is_array() || value.size() < min_rows || value.size() > max_rows)
    reject(path + " must be " + shape + " (got " + describe_value(value) + ")");
  std::size_t cols = 0;
  Matrix out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string row_path = path + "[" + std::to_string(i) + "]";
    const auto row = i == 0 ? read_numbers(value[i], row_path, kAnyValue, std::nullopt,
                                           " (" + shape + ")", 1, max_cols)
                            : read_numbers(value[i], row_path, kAnyValue, cols,
                                           " like " + path + "[0]");
    if (i == 0) {
      cols = row.size();
      out.resize(static_cast<Eigen::Index>(value.size()), static_cast<Eigen::Index>(cols));
    }
    for (std::size_t j = 0; j < cols; ++j) out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = row[j];
  }
  return out;
}

std::unique_ptr<Problem> parse_quadratic(const Json& json, const std::string& path) {
  const Fields f(json, path, {"kind", "A", "c", "noise"}, "quadratic");
  const std::string dims = "a square array of d rows of d numbers, 1 <= d <= " + std::to_string(limits::kMaxDim);
  Matrix A = read_rows(f.required("A"), f.path("A"), 1, limits::kMaxDim, limits::kMaxDim, dims);
  const Eigen::Index d = A.rows();
  if (A.cols() != d)
    reject(f.path("A") + " must be " + dims + " (got " + std::to_string(d) + " rows of " + std::to_string(A.cols()) + ")");
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = 0; j < i; ++j)
      if (A(i, j) != A(j, i))
        reject(f.path("A") + " must be symmetric (A[" + std::to_string(j) + "][" + std::to_string(i) + "] = " +
               format_number(A(j, i)) + " but A[" + std::to_string(i) + "][" + std::to_string(j) +
               "] = " + format_number(A(i, j)) + ")");
  const double smallest = Eigen::SelfAdjointEigenSolver<Matrix>(A, Eigen::EigenvaluesOnly).eigenvalues()[0];
  if (!(smallest > 0.0) || Eigen::LLT<Matrix>(A).info() != Eigen::Success)
    reject(f.path("A") + " must be positive definite (its smallest eigenvalue is " + format_short(smallest) + ")");
  Vector c = Vector::Zero(d);
  if (f.has("c"))
    c = to_vector(read_numbers(f.required("c"), f.path("c"), kAnyValue, static_cast<std::size_t>(d),
                               ", one per row of " + f.path("A")));
  const double noise = f.number("noise", kNonNegativeNoise, 0.0);
  return std::make_unique<Quadratic>(std::move(A), std::move(c), noise);
}

std::unique_ptr<Problem> parse_least_squares(const Json& json, const std::string& path) {
  if (json.contains("X") || json.contains("y")) {
    const Fields f(json, path, {"kind", "X", "y"}, "least_squares with inline data (X, y)");
    const std::string shape = "an array of n rows of dim numbers, 1 <= n <= " +
                              std::to_string(limits::kMaxExamples) + ", 1 <= dim <= " + std::to_string(limits::kMaxDim);
    Matrix X = read_rows(f.required("X"), f.path("X"), 1, limits::kMaxExamples, limits::kMaxDim, shape);
    Vector y = to_vector(read_numbers(f.required("y"), f.path("y"), kAnyValue,
                                      static_cast<std::size_t>(X.rows()), ", one per row of " + f.path("X")));
    return std::make_unique<LeastSquares>(std::move(X), std::move(y));
  }
  const Fields f(json, path, {"kind", "n", "dim", "condition", "noise", "data_seed"},
                 "least_squares with generated data");
  const auto n = f.integer("n", 1, limits::kMaxExamples, 32);
  const auto dim = f.integer("dim", 1, limits::kMaxDim, 2);
  const double condition = f.number("condition", Range{1.0, limits::kMaxCondition}, 5.0);
  const double noise = f.number("noise", kNonNegativeNoise, 0.5);
  const auto data_seed = f.integer("data_seed", 0, static_cast<long long>(limits::kMaxSeed), 0);
  return std::make_unique<LeastSquares>(LeastSquares::generate(
      static_cast<int>(n), static_cast<int>(dim), condition, noise, static_cast<std::uint64_t>(data_seed)));
}

// The optimizer's fields as its registry entry describes them: γ, its
// hyperparameters with their ranges and defaults, and the batch.
OptimizerSpec parse_optimizer(const Json& json, const Problem& problem, int steps) {
  const std::string path = "optimizer";
  std::vector<std::string> names;
  for (const auto& o : optimizers()) names.push_back(o.name);
  const std::string kind = read_kind(json, path, names);
  const OptimizerInfo& info = *find_optimizer(kind);
  OptimizerSpec spec;
  spec.info = &info;
  const int n = problem.num_functions();

  std::vector<std::string> allowed{"kind"};
  if (info.step_size) allowed.push_back("lr");
  for (const auto& p : info.params) allowed.push_back(p.name);
  if (info.batch != BatchUse::None) allowed.push_back("batch");
  const Fields f(json, path, allowed, kind);
  if (info.step_size) spec.lr = f.number("lr", kPositive, info.lr_default);
  for (const auto& p : info.params) {
    if (p.integer) {
      const auto fallback = p.default_value ? std::optional<long long>(static_cast<long long>(*p.default_value)) : std::nullopt;
      spec.values.push_back(static_cast<double>(
          f.integer(p.name, static_cast<long long>(p.lo), static_cast<long long>(p.hi), fallback)));
    } else {
      spec.values.push_back(f.number(p.name, Range{p.lo, p.hi, p.lo_open, p.hi_open}, p.default_value));
    }
  }

  if (info.exact_gradients && problem.gradient_noise() > 0.0)
    reject("optimizer.kind " + kind + " needs exact gradients: problem.noise must be 0 (got " +
           format_number(problem.gradient_noise()) + ")");
  if (info.batch == BatchUse::Stochastic && n == 0 && problem.gradient_noise() == 0.0)
    reject("optimizer.kind " + kind + " needs stochastic gradients: a finite-sum problem (least_squares, double_well) "
           "or a quadratic with noise > 0 (got " + problem.kind() + " without noise)");
  if (f.has("batch")) {
    if (n == 0)
      reject("optimizer.batch needs a finite-sum problem (least_squares, double_well); " + problem.kind() +
             " is not one");
    spec.batch = static_cast<int>(f.integer("batch", 1, n, std::nullopt, " (n of the problem)"));
  } else if (info.batch == BatchUse::Stochastic && n > 0) {
    spec.batch = 1;
  }
  if (static_cast<long>(spec.batch) * steps > limits::kMaxBatchSteps)
    reject("optimizer.batch times steps must be <= " + std::to_string(limits::kMaxBatchSteps) + " (got " +
           std::to_string(spec.batch) + " x " + std::to_string(steps) + ")");
  return spec;
}

std::unique_ptr<Problem> parse_expression_problem(const Json& json, const std::string& path) {
  const Fields f(json, path, {"kind", "f", "noise"}, "expression");
  const Json& text = f.required("f");
  if (!text.is_string())
    reject(f.path("f") + " must be a function of x and y as text, e.g. \"x^2 + 5*y^2\" (got " + describe_value(text) + ")");
  ExprParse parsed = parse_expression(text.get_ref<const std::string&>());
  if (!parsed.expression) reject(f.path("f") + ": " + describe(parsed.error));
  return std::make_unique<ExpressionProblem>(std::move(*parsed.expression), f.number("noise", kNonNegativeNoise, 0.0));
}

// A typed function must be defined, with its gradient, where the run starts.
void check_start(const Problem& problem, const Vector& w0) {
  if (problem.kind() != "expression") return;
  const std::string at = "(" + format_number(w0[0]) + ", " + format_number(w0[1]) + ")";
  if (auto why = problem.undefined_at(w0)) reject("w0: f is undefined at " + at + ": " + describe(*why));
  Vector g(2);
  problem.gradient(w0, g);
  if (!std::isfinite(problem.value(w0)) || !std::isfinite(g[0]) || !std::isfinite(g[1]))
    reject("w0: f or its gradient overflows at " + at);
}

}  // namespace

std::unique_ptr<Problem> parse_problem(const Json& json, const std::string& path) {
  const std::string kind =
      read_kind(json, path, {"quadratic1d", "quadratic", "least_squares", "double_well", "rosenbrock", "expression"});
  if (kind == "quadratic1d") {
    const Fields f(json, path, {"kind", "a", "c"}, kind);
    return std::make_unique<Quadratic1D>(f.number("a", kPositive), f.number("c", kAnyValue, 0.0));
  }
  if (kind == "quadratic") return parse_quadratic(json, path);
  if (kind == "least_squares") return parse_least_squares(json, path);
  if (kind == "double_well") {
    const Fields f(json, path, {"kind", "n", "tilt", "spread"}, kind);
    const auto n = f.integer("n", 2, limits::kMaxExamples, 16);
    const double tilt = f.number("tilt", Range{-limits::kMaxTilt, limits::kMaxTilt}, 0.25);
    const double spread = f.number("spread", Range{0.0, limits::kMaxSpread}, 1.5);
    return std::make_unique<DoubleWell>(static_cast<int>(n), tilt, spread);
  }
  if (kind == "expression") return parse_expression_problem(json, path);
  const Fields f(json, path, {"kind", "a", "b"}, kind);
  return std::make_unique<Rosenbrock>(f.number("a", kAnyValue, 1.0), f.number("b", kPositive, 100.0));
}

Scenario parse_scenario(const Json& json) {
  const Fields f(json, "", {"problem", "optimizer", "w0", "steps", "seed"}, "the scenario");
  Scenario s;
  s.problem = parse_problem(f.required("problem"));
  s.steps = static_cast<int>(f.integer("steps", 0, limits::kMaxSteps));
  s.optimizer = parse_optimizer(f.required("optimizer"), *s.problem, s.steps);
  const auto dim = static_cast<std::size_t>(s.problem->dim());
  s.w0 = to_vector(read_numbers(f.required("w0"), "w0", kAnyValue, dim,
                                ", one per dimension of " + s.problem->kind()));
  check_start(*s.problem, s.w0);
  s.seed = static_cast<std::uint64_t>(f.integer("seed", 0, static_cast<long long>(limits::kMaxSeed), 0));
  check_work({{"steps", static_cast<double>(std::max(1, s.steps))},
              {"work units per step", step_work(*s.problem, s.optimizer)}});
  return s;
}

Scenario parse_scenario(const std::string& text) { return parse_scenario(parse_json(text, "the scenario")); }

}  // namespace optlab
