#include "scenario/requests.hpp"

#include <cstdint>

#include "analysis/gradients.hpp"
#include "analysis/isolines.hpp"
#include "analysis/loss_sweep.hpp"
#include "analysis/momentum_rate.hpp"
#include "core/limits.hpp"
#include "expression/expression.hpp"
#include "problems/double_well.hpp"
#include "problems/least_squares.hpp"
#include "scenario/fields.hpp"
#include "scenario/scenario.hpp"
#include "scenario/work.hpp"

namespace optlab {

namespace {

const Range kAny{-limits::kMaxAbsInput, limits::kMaxAbsInput};

Json rows(const std::vector<double>& flat, std::size_t width) {
  Json out = Json::array();
  for (std::size_t i = 0; i + width <= flat.size(); i += width)
    out.push_back(std::vector<double>(flat.begin() + static_cast<long>(i), flat.begin() + static_cast<long>(i + width)));
  return out;
}

// [lo, hi] with lo < hi, both in `range`.
std::pair<double, double> interval(const Fields& f, const std::string& key, const Range& range = kAny) {
  const auto ends = read_numbers(f.required(key), f.path(key), range, 2, " ([lo, hi])");
  if (!(ends[0] < ends[1]))
    reject(f.path(key) + " must be [lo, hi] with lo < hi (got [" + format_number(ends[0]) + ", " +
           format_number(ends[1]) + "])");
  return {ends[0], ends[1]};
}

Vector point(const Fields& f, const Problem& problem) {
  const auto w = read_numbers(f.required("w"), f.path("w"), kAny, static_cast<std::size_t>(problem.dim()),
                              ", one per dimension of " + problem.kind());
  return Eigen::Map<const Vector>(w.data(), static_cast<Eigen::Index>(w.size()));
}

GridRequest read_grid(const Json& request) {
  const Fields f(request, "", {"problem", "x", "nx", "y", "ny"}, "a grid request", "the request");
  GridRequest r;
  r.problem = parse_problem(f.required("problem"));
  const int dim = r.problem->dim();
  if (dim > 2) reject("a grid needs a problem of dimension 1 or 2 (got dimension " + std::to_string(dim) + ")");
  std::tie(r.x0, r.x1) = interval(f, "x");
  r.nx = static_cast<int>(f.integer("nx", 2, limits::kMaxGridSide));
  if (dim == 2) {
    std::tie(r.y0, r.y1) = interval(f, "y");
    r.ny = static_cast<int>(f.integer("ny", 2, limits::kMaxGridSide));
  } else if (f.has("y") || f.has("ny")) {
    reject("y and ny are for problems of dimension 2 (" + r.problem->kind() + " has dimension 1)");
  }
  check_cells("nx × ny", r.nx, r.ny, r.problem->evaluation_work());
  return r;
}

Json grid(const Json& request) {
  const GridRequest r = read_grid(request);
  Json out;
  out["nx"] = r.nx;
  out["ny"] = r.ny;
  out["values"] = grid_values(r);
  return out;
}

GradientsRequest read_gradients(const Json& request) {
  const Fields f(request, "", {"problem", "w"}, "a gradients request", "the request");
  GradientsRequest r;
  r.problem = parse_problem(f.required("problem"));
  if (r.problem->num_functions() == 0)
    reject("problem.kind must be a finite sum (least_squares or double_well) (got " + r.problem->kind() + ")");
  r.w = point(f, *r.problem);
  return r;
}

Json gradients(const Json& request) {
  const GradientsRequest r = read_gradients(request);
  Json out;
  out["n"] = r.problem->num_functions();
  out["dim"] = r.problem->dim();
  out["gradients"] = rows(part_gradients(*r.problem, r.w), static_cast<std::size_t>(r.problem->dim()));
  return out;
}

// A bowl's curvatures, as every map and rate request reads them.
Vector eigenvalues_of(const Fields& f) {
  const auto values = read_numbers(f.required("eigenvalues"), f.path("eigenvalues"),
                                   Range{0.0, limits::kMaxAbsInput, true}, std::nullopt, "", 1, limits::kMaxDim);
  return Eigen::Map<const Vector>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// The (γ, β) plane's fields a map's requests share: the eigenvalues and
// the γ and β intervals.
struct MapAxes {
  Vector eigenvalues;
  double lr_lo, lr_hi, beta_lo, beta_hi;
};
MapAxes read_axes(const Fields& f) {
  MapAxes axes{eigenvalues_of(f), 0, 0, 0, 0};
  std::tie(axes.lr_lo, axes.lr_hi) = interval(f, "lr", Range{0.0, limits::kMaxAbsInput, true});
  std::tie(axes.beta_lo, axes.beta_hi) = interval(f, "beta", Range{0.0, 1.0, false, true});
  return axes;
}

RateMapRequest read_rate_map(const Json& request, bool simulated) {
  std::vector<std::string> keys{"eigenvalues", "lr", "nLr", "beta", "nBeta"};
  if (simulated) keys.push_back("steps");
  const Fields f(request, "", keys, simulated ? "a simulated_rate_map request" : "a rate_map request", "the request");
  const MapAxes axes = read_axes(f);
  const int n_lr = static_cast<int>(f.integer("nLr", 2, limits::kMaxGridSide));
  const int n_beta = static_cast<int>(f.integer("nBeta", 2, limits::kMaxGridSide));
  const int steps = simulated ? static_cast<int>(f.integer("steps", 2, limits::kMaxSteps)) : 0;
  const double per_cell = simulated ? steps * static_cast<double>(axes.eigenvalues.size()) * kSimulatedStepWork : 1.0;
  check_cells("nLr × nBeta", n_lr, n_beta, per_cell);
  return RateMapRequest{RateGrid(axes.eigenvalues, axes.lr_lo, axes.lr_hi, n_lr, axes.beta_lo, axes.beta_hi, n_beta), steps};
}

MomentumBoundaries read_boundaries(const Json& request) {
  const Fields f(request, "", {"eigenvalues", "lr", "beta", "samples", "edgeSegments"}, "a momentum_boundaries request",
                 "the request");
  const MapAxes axes = read_axes(f);
  const int samples = static_cast<int>(f.integer("samples", 1, limits::kMaxGridSide, 200));
  const int segments = static_cast<int>(f.integer("edgeSegments", 1, limits::kMaxGridSide, 64));
  check_cells("eigenvalues.length × samples", static_cast<double>(axes.eigenvalues.size()), samples);
  MomentumBoundaries out;
  const double L = axes.eigenvalues.maxCoeff();
  out.edge = divergent_edge(L, axes.beta_lo, axes.beta_hi, segments);
  out.nesterov_edge = nesterov_edge(L, axes.beta_lo, axes.beta_hi, segments);
  for (Eigen::Index i = 0; i < axes.eigenvalues.size(); ++i)
    out.damping.push_back(critical_damping_curve(axes.eigenvalues[i], L, axes.lr_lo, axes.lr_hi, samples));
  return out;
}

Json boundaries(const Json& request) {
  const MomentumBoundaries b = read_boundaries(request);
  Json out;
  out["edge"] = b.edge;
  out["nesterovEdge"] = b.nesterov_edge;
  out["damping"] = b.damping;
  return out;
}

Json rate_map(const Json& request, bool simulated) {
  const RateMapRequest r = read_rate_map(request, simulated);
  Json out;
  out["lr"] = r.grid.lrs;
  out["beta"] = r.grid.betas;
  out["rate"] = simulated ? simulated_rate_map(r.grid, r.steps) : momentum_rate_map(r.grid);
  return out;
}

Json rates(const Json& request) {
  const Fields f(request, "", {"eigenvalues", "lr", "beta"}, "a rates request", "the request");
  const Vector e = eigenvalues_of(f);
  const double lr = f.number("lr", Range{0.0, limits::kMaxAbsInput, true});
  const double beta = f.number("beta", Range{0.0, 1.0, false, true});
  Json out;
  out["momentum"] = momentum_rate(lr, beta, e);
  out["nesterov"] = nesterov_rate(lr, beta, e);
  out["region"] = to_string(momentum_region(e, lr, beta));
  return out;
}

Json optimal(const Json& request) {
  const Fields f(request, "", {"eigenvalues"}, "an optimal request", "the request");
  const Vector e = eigenvalues_of(f);
  if (!(e.minCoeff() < e.maxCoeff())) reject("eigenvalues must hold at least two different values (a bowl with μ < L)");
  const MomentumOptimum m = optimal_momentum(e.minCoeff(), e.maxCoeff());
  const MomentumOptimum g = optimal_gradient_descent(e);
  Json out;
  out["momentum"] = {{"lr", m.lr}, {"beta", m.beta}, {"rate", m.rate}};
  out["gd"] = {{"lr", g.lr}, {"rate", g.rate}};
  return out;
}

Json sweep(const Json& request) {
  const Fields f(request, "", {"scenario", "lrs"}, "a loss_sweep request", "the request");
  const Scenario s = parse_scenario(f.required("scenario"));
  const auto lrs = read_numbers(f.required("lrs"), f.path("lrs"), Range{0.0, limits::kMaxAbsInput, true}, std::nullopt, "", 1,
                                limits::kMaxGridSide);
  check_loss_sweep(s, lrs);
  const LossSweep result = loss_sweep(*s.problem, s.optimizer, s.w0, s.steps, s.seed, lrs);
  Json out;
  out["loss"] = result.loss;
  out["diverged_at"] = result.diverged_at;
  return out;
}

// batch_noise measures a variance over the draws, which takes two of them.
BatchGradientsRequest parse_batch(const Json& request, const std::string& verb, int min_draws) {
  const Fields f(request, "", {"problem", "w", "batch", "seed", "draws"}, "a " + verb + " request", "the request");
  BatchGradientsRequest r;
  r.problem = parse_problem(f.required("problem"));
  const int n = r.problem->num_functions();
  if (n == 0) reject("problem.kind must be a finite sum (least_squares or double_well) (got " + r.problem->kind() + ")");
  r.w = point(f, *r.problem);
  r.batch = static_cast<int>(f.integer("batch", 1, n, std::nullopt, " (n of the problem)"));
  r.seed = static_cast<std::uint64_t>(f.integer("seed", 0, static_cast<long long>(limits::kMaxSeed), 0));
  r.draws = static_cast<int>(f.integer("draws", min_draws, limits::kMaxRuns));
  check_work({{"draws", static_cast<double>(r.draws)}, {"work units per draw", r.batch * (r.problem->dim() + kSampleWork)}});
  return r;
}

Json batch(const Json& request) {
  const BatchGradientsRequest r = parse_batch(request, "batch_gradients", 1);
  Json out;
  out["draws"] = r.draws;
  out["dim"] = r.problem->dim();
  out["gradients"] = rows(batch_gradients(*r.problem, r.w, r.batch, r.seed, r.draws), static_cast<std::size_t>(r.problem->dim()));
  return out;
}

Json noise(const Json& request) {
  const BatchGradientsRequest r = parse_batch(request, "batch_noise", 2);
  const BatchNoise b = batch_noise(*r.problem, r.w, r.batch, r.seed, r.draws);
  Json out;
  out["dim"] = r.problem->dim();
  out["draws"] = r.draws;
  out["mean"] = std::vector<double>(b.mean.data(), b.mean.data() + b.mean.size());
  out["sigma2"] = b.sigma2;
  out["law"] = b.law;
  out["measured"] = b.measured;
  out["standard_error"] = b.standard_error;
  return out;
}

GradientNoiseRequest parse_noise_draws(const Json& request) {
  const Fields f(request, "", {"problem", "seed", "steps"}, "a gradient_noise request", "the request");
  GradientNoiseRequest r;
  r.problem = parse_problem(f.required("problem"));
  if (!(r.problem->gradient_noise() > 0.0))
    reject("problem must have gradient noise: a quadratic with noise > 0 (the gradients of " + r.problem->kind() +
           " have none)");
  r.seed = static_cast<std::uint64_t>(f.integer("seed", 0, static_cast<long long>(limits::kMaxSeed), 0));
  r.steps = static_cast<int>(f.integer("steps", 1, limits::kMaxSteps));
  check_work({{"steps", static_cast<double>(r.steps)}, {"work units per step", r.problem->dim() * kSampleWork}});
  return r;
}

Json noise_draws(const Json& request) {
  const GradientNoiseRequest r = parse_noise_draws(request);
  Json out;
  out["steps"] = r.steps;
  out["dim"] = r.problem->dim();
  out["noise"] = rows(gradient_noise(*r.problem, r.seed, r.steps), static_cast<std::size_t>(r.problem->dim()));
  return out;
}

Json double_well(const Json& request) {
  const Fields f(request, "", {"problem"}, "a double_well request", "the request");
  const auto problem = parse_problem(f.required("problem"));
  const DoubleWell* well = problem->as_double_well();
  if (!well) reject("problem.kind must be double_well (got " + problem->kind() + ")");
  Json out;
  out["deep"] = well->deep_minimum();
  out["shallow"] = well->shallow_minimum();
  out["ridge"] = well->ridge();
  return out;
}

// The examples of a least-squares problem, generated from its data_seed or
// given inline: the same numbers the page's figures run on.
Json data(const Json& request) {
  const Fields f(request, "", {"problem"}, "a data request", "the request");
  const auto problem = parse_problem(f.required("problem"));
  const LeastSquares* ls = problem->as_least_squares();
  if (!ls) reject("problem.kind must be least_squares (got " + problem->kind() + ")");
  const Matrix& X = ls->X();
  Json rows_out = Json::array();
  for (Eigen::Index i = 0; i < X.rows(); ++i) {
    std::vector<double> row(static_cast<std::size_t>(X.cols()));
    for (Eigen::Index j = 0; j < X.cols(); ++j) row[static_cast<std::size_t>(j)] = X(i, j);
    rows_out.push_back(row);
  }
  Json out;
  out["n"] = X.rows();
  out["dim"] = X.cols();
  out["X"] = rows_out;
  out["y"] = std::vector<double>(ls->y().data(), ls->y().data() + ls->y().size());
  return out;
}

Json expression_report(const std::string& text) {
  const ExprParse parsed = parse_expression(text);
  Json out;
  out["ok"] = parsed.expression.has_value();
  if (parsed.expression) {
    out["operations"] = parsed.expression->program().size();
    out["uses_w2"] = parsed.expression->uses_w2();
    out["error"] = nullptr;
    return out;
  }
  const ExprError& e = parsed.error;
  out["error"] = {{"code", e.code},          {"column", e.column},         {"found", e.found},
                  {"expected", e.expected},  {"suggestion", e.suggestion}, {"times", e.times},
                  {"limit", e.limit},        {"count", e.count},           {"message", describe(e)}};
  return out;
}

Json expression(const Json& request) {
  const Fields f(request, "", {"f"}, "expression", "the request");
  const Json& text = f.required("f");
  if (!text.is_string()) reject("f must be a function of x and y as text (got " + describe_value(text) + ")");
  return expression_report(text.get_ref<const std::string&>());
}

}  // namespace

std::string expression_json(const std::string& text) { return expression_report(text).dump(); }

void check_loss_sweep(const Scenario& s, const std::vector<double>& lrs) {
  if (!s.optimizer.info->step_size) reject("a loss sweep needs an optimizer with a step size (got " + s.optimizer.name() + ")");
  check_work({{"lrs.length", static_cast<double>(lrs.size())}, {"work units per run", run_work(*s.problem, s.optimizer, s.steps)}});
}

GridRequest parse_grid(const std::string& request_text) {
  return read_grid(parse_json(request_text, "the request"));
}

std::vector<double> grid_values(const GridRequest& r) {
  std::vector<double> values(static_cast<std::size_t>(r.nx) * static_cast<std::size_t>(r.ny));
  value_grid(*r.problem, r.x0, r.x1, r.nx, r.y0, r.y1, r.ny, values.data());
  return values;
}

GradientsRequest parse_gradients(const std::string& request_text) {
  return read_gradients(parse_json(request_text, "the request"));
}

RateMapRequest parse_rate_map(const std::string& request_text, bool simulated) {
  return read_rate_map(parse_json(request_text, "the request"), simulated);
}

MomentumBoundaries momentum_boundaries(const std::string& request_text) {
  return read_boundaries(parse_json(request_text, "the request"));
}

BatchGradientsRequest parse_batch_gradients(const std::string& request_text) {
  return parse_batch(parse_json(request_text, "the request"), "batch_gradients", 1);
}

GradientNoiseRequest parse_gradient_noise(const std::string& request_text) {
  return parse_noise_draws(parse_json(request_text, "the request"));
}

BatchGradientsRequest parse_batch_noise(const std::string& request_text) {
  return parse_batch(parse_json(request_text, "the request"), "batch_noise", 2);
}

const std::vector<std::string>& request_verbs() {
  static const std::vector<std::string> verbs{"grid",     "gradients",          "batch_gradients",    "batch_noise", "gradient_noise",
                                              "double_well", "data", "rate_map",    "simulated_rate_map", "momentum_boundaries",
                                              "rates",    "optimal",            "loss_sweep",         "expression"};
  return verbs;
}

std::string request_json(const std::string& verb, const std::string& request_text) {
  const Json request = parse_json(request_text, "the request");
  if (verb == "grid") return grid(request).dump();
  if (verb == "gradients") return gradients(request).dump();
  if (verb == "batch_gradients") return batch(request).dump();
  if (verb == "batch_noise") return noise(request).dump();
  if (verb == "gradient_noise") return noise_draws(request).dump();
  if (verb == "double_well") return double_well(request).dump();
  if (verb == "data") return data(request).dump();
  if (verb == "rate_map") return rate_map(request, false).dump();
  if (verb == "simulated_rate_map") return rate_map(request, true).dump();
  if (verb == "momentum_boundaries") return boundaries(request).dump();
  if (verb == "rates") return rates(request).dump();
  if (verb == "optimal") return optimal(request).dump();
  if (verb == "loss_sweep") return sweep(request).dump();
  if (verb == "expression") return expression(request).dump();
  reject("unknown verb '" + printable(verb) + "'");
}

}  // namespace optlab
