#include "scenario/requests.hpp"

#include <cstdint>

#include "analysis/gradients.hpp"
#include "analysis/isolines.hpp"
#include "core/limits.hpp"
#include "problems/double_well.hpp"
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

// [lo, hi] with lo < hi, both within the inputs' bound.
std::pair<double, double> interval(const Fields& f, const std::string& key) {
  const auto ends = read_numbers(f.required(key), f.path(key), kAny, 2, " ([lo, hi])");
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

Json grid(const Json& request) {
  const Fields f(request, "", {"problem", "x", "nx", "y", "ny"}, "a grid request", "the request");
  const auto problem = parse_problem(f.required("problem"));
  const int dim = problem->dim();
  if (dim > 2) reject("grid needs a problem of dimension 1 or 2 (got dimension " + std::to_string(dim) + ")");
  const auto [x0, x1] = interval(f, "x");
  const int nx = static_cast<int>(f.integer("nx", 2, 4096));
  double y0 = 0.0, y1 = 0.0;
  int ny = 1;
  if (dim == 2) {
    std::tie(y0, y1) = interval(f, "y");
    ny = static_cast<int>(f.integer("ny", 2, 1024));
  } else if (f.has("y") || f.has("ny")) {
    reject("y and ny are for problems of dimension 2 (" + problem->kind() + " has dimension 1)");
  }
  check_work({{"nx × ny", static_cast<double>(nx) * ny}, {"work units per cell", problem->evaluation_work()}});
  std::vector<double> values(static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny));
  value_grid(*problem, x0, x1, nx, y0, y1, ny, values.data());
  Json out;
  out["nx"] = nx;
  out["ny"] = ny;
  out["values"] = values;
  return out;
}

Json gradients(const Json& request) {
  const Fields f(request, "", {"problem", "w"}, "a gradients request", "the request");
  const auto problem = parse_problem(f.required("problem"));
  if (problem->num_functions() == 0)
    reject("problem.kind must be a finite sum (least_squares or double_well) (got " + problem->kind() + ")");
  const Vector w = point(f, *problem);
  Json out;
  out["n"] = problem->num_functions();
  out["dim"] = problem->dim();
  out["gradients"] = rows(part_gradients(*problem, w), static_cast<std::size_t>(problem->dim()));
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

}  // namespace

BatchGradientsRequest parse_batch_gradients(const std::string& request_text) {
  return parse_batch(parse_json(request_text, "the request"), "batch_gradients", 1);
}

BatchGradientsRequest parse_batch_noise(const std::string& request_text) {
  return parse_batch(parse_json(request_text, "the request"), "batch_noise", 2);
}

const std::vector<std::string>& request_verbs() {
  static const std::vector<std::string> verbs{"grid", "gradients", "batch_gradients", "batch_noise", "double_well"};
  return verbs;
}

std::string request_json(const std::string& verb, const std::string& request_text) {
  const Json request = parse_json(request_text, "the request");
  if (verb == "grid") return grid(request).dump();
  if (verb == "gradients") return gradients(request).dump();
  if (verb == "batch_gradients") return batch(request).dump();
  if (verb == "batch_noise") return noise(request).dump();
  if (verb == "double_well") return double_well(request).dump();
  reject("unknown verb '" + printable(verb) + "'");
}

}  // namespace optlab
