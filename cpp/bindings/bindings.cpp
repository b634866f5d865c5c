// The WebAssembly front end: every Embind binding of optlab, nothing else.
//
// The API is coarse on purpose: JavaScript passes JSON or numbers and gets
// back strings, plain objects and typed arrays *copied* out of the wasm heap
// (a live view would be invalidated when memory grows), so JS never owns a
// C++ object that needs delete(). Every C++ error becomes a JS Error with
// the same message the CLI prints.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <cmath>
#include <limits>

#include "analysis/final_positions.hpp"
#include "analysis/gradients.hpp"
#include "analysis/isolines.hpp"
#include "analysis/loss_sweep.hpp"
#include "analysis/momentum_rate.hpp"
#include "core/limits.hpp"
#include "core/portable_math.hpp"
#include "problems/double_well.hpp"
#include "run/registry.hpp"
#include "scenario/output.hpp"
#include "scenario/requests.hpp"
#include "scenario/work.hpp"

namespace {

using emscripten::val;
using optlab::Range;
using optlab::Vector;
using optlab::reject;

// The JS constructor of the typed array for T.
template <typename T> const char* typed_array_name();
template <> const char* typed_array_name<double>() { return "Float64Array"; }
template <> const char* typed_array_name<int>() { return "Int32Array"; }
template <> const char* typed_array_name<std::uint8_t>() { return "Uint8Array"; }

// `new Float64Array(view)` copies with memcpy. view.slice() through Embind's
// generic method caller turns megamorphic once several array types have
// been sliced, and then copies ~6x slower (2 ms instead of 0.3 ms for a
// 256x256 rate map).
template <typename T>
val copy_to_js(const T* data, std::size_t n) {
  return val::global(typed_array_name<T>()).new_(emscripten::typed_memory_view(n, data));
}
template <typename T>
val copy_to_js(const std::vector<T>& v) {
  return copy_to_js(v.data(), v.size());
}

// Every binding returns its result, or on bad input an Error object that the
// JS wrapper (web/core/optlab-core.js) throws. Nothing is thrown across the
// wasm frames: a JS exception thrown through them skips their epilogues,
// leaving the wasm stack pointer lower (32 bytes per rejected call, until
// every call failed) and the C++ exception and its message never freed.
template <typename F>
val guarded(F&& body) {
  std::string message;
  try {
    return val(body());
  } catch (const std::exception& e) {
    message = e.what();
  }
  return val::global("Error").new_(message);
}

// A JS value for a message, without calling any of its methods (a caller's
// toString could throw, or run for ever): String() of a primitive, at most
// 40 bytes of it, cut between UTF-8 characters.
std::string describe(const val& value) {
  const std::string type = value.typeOf().as<std::string>();
  if (type == "number" || type == "string" || type == "boolean" || type == "undefined" || value.isNull()) {
    std::string text = val::global("String")(value).as<std::string>();
    if (text.size() <= 40) return text;
    std::size_t end = 40;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "...";
  }
  if (type == "object") return val::global("Array").call<bool>("isArray", value) ? "an array" : "an object";
  return "a " + type;
}

double number_arg(const val& value, const std::string& name, const Range& range) {
  if (!value.isNumber() || !std::isfinite(value.as<double>()) ||
      !range.contains(value.as<double>()))
    reject(name + " must be a finite number " + range.describe() + " (got " + describe(value) + ")");
  return value.as<double>();
}

int count_arg(const val& value, const std::string& name, int lo, int hi) {
  const double x = number_arg(value, name, Range{static_cast<double>(lo), static_cast<double>(hi)});
  if (x != std::floor(x))
    reject(name + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + " (got " +
           optlab::format_number(x) + ")");
  return static_cast<int>(x);
}

// An array or typed array of finite numbers in `range`, 1..max_length long.
Vector vector_arg(const val& value, const std::string& name, const Range& range, int max_length) {
  if (!val::global("Array").call<bool>("isArray", value) && !val::global("ArrayBuffer").call<bool>("isView", value))
    reject(name + " must be an array of numbers");
  const double length = value["length"].as<double>();
  if (!(length >= 1 && length <= max_length))
    reject(name + " must have from 1 to " + std::to_string(max_length) + " numbers (got " + optlab::format_number(length) + ")");
  const int n = static_cast<int>(length);
  Vector out(n);
  for (int i = 0; i < n; ++i) out[i] = number_arg(value[i], name + "[" + std::to_string(i) + "]", range);
  return out;
}

const Range kEigenvalue{0.0, optlab::limits::kMaxAbsInput, true};
const Range kLr{0.0, optlab::limits::kMaxAbsInput, true};
const Range kBeta{0.0, 1.0, false, true};
constexpr int kMaxGrid = 4096;

// nx × ny of a grid: its memory, and its work with the given units per cell.
void grid_cells(const std::string& name, std::size_t nx, int ny, double work_per_cell = 1.0) {
  const double cells = static_cast<double>(nx) * ny;
  if (cells > static_cast<double>(optlab::limits::kMaxGridCells))
    reject(name + " must be at most " + std::to_string(optlab::limits::kMaxGridCells) + " cells (got " +
           optlab::format_number(cells) + ")");
  optlab::check_work({{name, cells}, {"work units per cell", work_per_cell}});
}

val run(const std::string& scenario) {
  return guarded([&] { return optlab::run_scenario_json(scenario); });
}

val nullable(const std::optional<int>& v) { return v ? val(*v) : val::null(); }

val trace(const std::string& scenario_text) {
  return guarded([&] {
    const optlab::Scenario s = optlab::parse_scenario(scenario_text);
    const optlab::RunOutput out = optlab::run_scenario(s);
    const optlab::Trace& t = out.trace;
    val result = val::object();
    result.set("dim", t.dim);
    result.set("rows", t.rows());
    result.set("w", copy_to_js(t.w));
    result.set("loss", copy_to_js(t.loss));
    result.set("gradNorm", copy_to_js(t.grad_norm));
    result.set("wAvg", copy_to_js(t.w_avg));
    result.set("batch", s.optimizer.batch);
    result.set("batches", s.optimizer.batch > 0 ? copy_to_js(t.batches) : val::null());
    result.set("divergedAt", nullable(out.status.diverged_at));
    result.set("stoppedAt", nullable(out.status.stopped_at));
    result.set("stopReason", out.status.stop_reason.empty() ? val::null() : val(out.status.stop_reason));
    result.set("regime", out.regime ? val(optlab::to_string(*out.regime)) : val::null());
    result.set("rate", out.rate ? val(*out.rate) : val::null());
    result.set("optimum", out.optimum ? copy_to_js(out.optimum->data(), static_cast<std::size_t>(out.optimum->size()))
                                      : val::null());
    return result;
  });
}

val logspace(const val& lo, const val& hi, const val& n) {
  return guarded([&] {
    const double a = number_arg(lo, "lo", kLr);
    const double b = number_arg(hi, "hi", Range{a, optlab::limits::kMaxAbsInput, true});
    std::vector<double> out(static_cast<std::size_t>(count_arg(n, "n", 1, kMaxGrid)));
    optlab::portable_logspace(a, b, static_cast<int>(out.size()), out.data());
    return copy_to_js(out);
  });
}

// The (γ, β) grid: γ log-spaced over [lrMin, lrMax], β evenly over [betaMin, betaMax].
struct Grid {
  Vector eigenvalues;
  std::vector<double> lrs, betas;
};

Grid grid_args(const val& eigenvalues, const val& lr_min, const val& lr_max, const val& n_lr,
               const val& beta_min, const val& beta_max, const val& n_beta) {
  Grid g;
  g.eigenvalues = vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim);
  const double a = number_arg(lr_min, "lrMin", kLr);
  const double b = number_arg(lr_max, "lrMax", Range{a, optlab::limits::kMaxAbsInput, true});
  g.lrs.resize(static_cast<std::size_t>(count_arg(n_lr, "nLr", 2, kMaxGrid)));
  optlab::portable_logspace(a, b, static_cast<int>(g.lrs.size()), g.lrs.data());
  const double c = number_arg(beta_min, "betaMin", kBeta);
  const double d = number_arg(beta_max, "betaMax", Range{c, 1.0, true, true});
  const int nb = count_arg(n_beta, "nBeta", 2, kMaxGrid);
  grid_cells("nLr × nBeta", g.lrs.size(), nb);
  for (int j = 0; j < nb; ++j) g.betas.push_back(c + (d - c) * static_cast<double>(j) / static_cast<double>(nb - 1));
  return g;
}

val grid_result(const Grid& g, const std::vector<double>& rate) {
  val result = val::object();
  result.set("lr", copy_to_js(g.lrs));
  result.set("beta", copy_to_js(g.betas));
  result.set("rate", copy_to_js(rate));
  return result;
}

// The map is redrawn on every pointer move while (γ, β) is dragged, so it
// skips the per-call allocations: the rates go into a buffer kept between
// calls, returned as a *view* of the wasm heap. Given a colour table (RGBA
// bytes), the heatmap's image comes the same way. The JS wrapper
// (web/core/optlab-core.js) copies both out at once, before any other call
// can overwrite them or grow memory.
val rate_map_view(val eigenvalues, val lr_min, val lr_max, val n_lr, val beta_min, val beta_max, val n_beta,
                  val colors) {
  static std::vector<double> rate;
  static std::vector<std::uint8_t> image, table;
  return guarded([&] {
    const Grid g = grid_args(eigenvalues, lr_min, lr_max, n_lr, beta_min, beta_max, n_beta);
    const int nl = static_cast<int>(g.lrs.size()), nb = static_cast<int>(g.betas.size());
    rate.resize(g.lrs.size() * g.betas.size());
    optlab::momentum_rate_map(g.eigenvalues, g.lrs.data(), nl, g.betas.data(), nb, rate.data());
    val result = val::object();
    result.set("lr", copy_to_js(g.lrs));
    result.set("beta", copy_to_js(g.betas));
    result.set("rate", val(emscripten::typed_memory_view(rate.size(), rate.data())));
    if (!colors.isUndefined()) {
      if (!colors.instanceof(val::global("Uint8Array")) && !colors.instanceof(val::global("Uint8ClampedArray")))
        reject("colors must be a Uint8Array of RGBA entries");
      const int bytes = colors["length"].as<int>();
      if (bytes < 4 || bytes > 4 * 4096 || bytes % 4 != 0)
        reject("colors must hold from 1 to 4096 RGBA entries (4 bytes each; got " + std::to_string(bytes) + " bytes)");
      table.resize(static_cast<std::size_t>(bytes));
      val(emscripten::typed_memory_view(table.size(), table.data())).call<void>("set", colors);
      image.resize(4 * rate.size());
      optlab::rate_map_image(rate.data(), nl, nb, table.data(), bytes / 4, image.data());
      result.set("image", val(emscripten::typed_memory_view(image.size(), image.data())));
    }
    return result;
  });
}

val simulated_rate_map(val eigenvalues, val lr_min, val lr_max, val n_lr, val beta_min, val beta_max,
                       val n_beta, val steps) {
  return guarded([&] {
    const Grid g = grid_args(eigenvalues, lr_min, lr_max, n_lr, beta_min, beta_max, n_beta);
    const int k = count_arg(steps, "steps", 2, optlab::limits::kMaxSteps);
    grid_cells("nLr × nBeta", g.lrs.size(), static_cast<int>(g.betas.size()),
               k * static_cast<double>(g.eigenvalues.size()) * optlab::kSimulatedStepWork);
    std::vector<double> rate(g.lrs.size() * g.betas.size());
    for (std::size_t j = 0; j < g.betas.size(); ++j)
      for (std::size_t i = 0; i < g.lrs.size(); ++i)
        rate[j * g.lrs.size() + i] = optlab::simulated_momentum_rate(g.lrs[i], g.betas[j], g.eigenvalues, k, k / 2);
    return grid_result(g, rate);
  });
}

val momentum_rate(val eigenvalues, val lr, val beta) {
  return guarded([&] {
    return optlab::momentum_rate(number_arg(lr, "lr", kLr), number_arg(beta, "beta", kBeta),
                                 vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim));
  });
}

val optimal_momentum(val mu, val lambda_max) {
  return guarded([&] {
    const double m = number_arg(mu, "mu", kEigenvalue);
    const double l = number_arg(lambda_max, "L", Range{m, optlab::limits::kMaxAbsInput});
    const auto opt = optlab::optimal_momentum(m, l);
    val result = val::object();
    result.set("lr", opt.lr);
    result.set("beta", opt.beta);
    result.set("rate", opt.rate);
    return result;
  });
}

// Gradient descent's best step for the eigenvalues and its rate, {lr, rate}.
val optimal_gradient_descent(val eigenvalues) {
  return guarded([&] {
    const auto opt = optlab::optimal_gradient_descent(vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim));
    val result = val::object();
    result.set("lr", opt.lr);
    result.set("rate", opt.rate);
    return result;
  });
}

// Steps until the error is below `target` of where it started, or null.
val steps_to_target(val rate, val target) {
  return guarded([&] {
    const double r = number_arg(rate, "rate", Range{0.0, optlab::limits::kMaxAbsInput});
    const double t = number_arg(target, "target", Range{0.0, 1.0, true, true});
    const auto steps = optlab::steps_to_target(r, t);
    return steps ? val(*steps) : val::null();
  });
}

// Runs firstRun .. firstRun + runs − 1 (firstRun optional, 0 by default):
// a page can split many runs into calls that each take a fraction of a frame.
val final_positions(const std::string& scenario_text, val runs, val first_run) {
  return guarded([&] {
    const optlab::Scenario s = optlab::parse_scenario(scenario_text);
    const int r = count_arg(runs, "runs", 1, optlab::limits::kMaxRuns);
    const int first = first_run.isUndefined() ? 0 : count_arg(first_run, "firstRun", 0, optlab::limits::kMaxRuns - r);
    optlab::check_work({{"runs", static_cast<double>(r)},
                        {"work units per run", optlab::run_work(*s.problem, s.optimizer, s.steps)}});
    const auto out = optlab::final_positions(*s.problem, s.optimizer, s.w0, s.steps, s.seed, r, first);
    val result = val::object();
    result.set("dim", out.dim);
    result.set("w", copy_to_js(out.w));
    result.set("diverged", copy_to_js(out.diverged));
    return result;
  });
}

// The scenario run once per step size: f at the last iterate and where each
// run diverged (-1 if it did not). The "try step sizes on a log scale" sweep
// in one call instead of one trace per γ.
val loss_sweep(const std::string& scenario_text, val lrs) {
  return guarded([&] {
    optlab::Scenario s = optlab::parse_scenario(scenario_text);
    if (!s.optimizer.info->step_size) reject("lossSweep needs an optimizer with a step size (got " + s.optimizer.name() + ")");
    const Vector values = vector_arg(lrs, "lrs", kLr, 4096);
    optlab::check_work({{"lrs.length", static_cast<double>(values.size())},
                        {"work units per run", optlab::run_work(*s.problem, s.optimizer, s.steps)}});
    const optlab::LossSweep sweep = optlab::loss_sweep(*s.problem, s.optimizer, s.w0, s.steps, s.seed,
                                                       std::vector<double>(values.data(), values.data() + values.size()));
    val result = val::object();
    result.set("loss", copy_to_js(sweep.loss));
    result.set("divergedAt", copy_to_js(sweep.diverged_at));
    return result;
  });
}

// ∇f_i(w) for every part i of a finite sum, as n rows of dim numbers.
val part_gradients(const std::string& problem_text, val w) {
  return guarded([&] {
    const auto problem = optlab::parse_problem(optlab::parse_json(problem_text, "the problem"));
    const int n = problem->num_functions();
    if (n == 0) reject("problem.kind must be a finite sum (least_squares or double_well) (got " + problem->kind() + ")");
    const Vector at = vector_arg(w, "w", Range{-optlab::limits::kMaxAbsInput, optlab::limits::kMaxAbsInput},
                                 optlab::limits::kMaxDim);
    if (at.size() != problem->dim())
      reject("w must have " + std::to_string(problem->dim()) + " numbers, one per dimension of the problem (got " +
             std::to_string(at.size()) + ")");
    return copy_to_js(optlab::part_gradients(*problem, at));
  });
}

// The gradients SGD's first steps from w would see (scenario/requests.hpp's
// batch_gradients request, as `optlab batch_gradients` reads it).
val batch_gradients(const std::string& request_text) {
  return guarded([&] {
    const auto r = optlab::parse_batch_gradients(request_text);
    return copy_to_js(optlab::batch_gradients(*r.problem, r.w, r.batch, r.seed, r.draws));
  });
}

// The double well's landmarks, for the annealing figure: its two local
// minima and the ridge between them, {deep, shallow, ridge}.
val double_well_points(const std::string& problem_text) {
  return guarded([&] {
    const auto problem = optlab::parse_problem(optlab::parse_json(problem_text, "the problem"));
    const optlab::DoubleWell* well = problem->as_double_well();
    if (!well) reject("problem.kind must be double_well (got " + problem->kind() + ")");
    val result = val::object();
    result.set("deep", well->deep_minimum());
    result.set("shallow", well->shallow_minimum());
    result.set("ridge", well->ridge());
    return result;
  });
}

// f on a grid, for contour plots: out[j * nx + i] = f(x_i, y_j), x and y
// evenly spaced over [x0, x1] and [y0, y1]. A one-dimensional problem gives
// f along [x0, x1] (ny must be 1; y is ignored).
val value_grid(const std::string& problem_text, val x0, val x1, val nx, val y0, val y1, val ny) {
  return guarded([&] {
    const auto problem = optlab::parse_problem(optlab::parse_json(problem_text, "the problem"));
    const int dim = problem->dim();
    if (dim > 2)
      reject("valueGrid needs a problem of dimension 1 or 2 (got dimension " + std::to_string(dim) + ")");
    const Range any{-optlab::limits::kMaxAbsInput, optlab::limits::kMaxAbsInput};
    const double a = number_arg(x0, "x0", any), b = number_arg(x1, "x1", Range{a, optlab::limits::kMaxAbsInput, true});
    const int n = count_arg(nx, "nx", 2, 4096);
    const int m = dim == 1 ? count_arg(ny, "ny", 1, 1) : count_arg(ny, "ny", 2, 1024);
    const double c = dim == 1 ? 0.0 : number_arg(y0, "y0", any);
    const double d = dim == 1 ? 0.0 : number_arg(y1, "y1", Range{c, optlab::limits::kMaxAbsInput, true});
    grid_cells("nx × ny", static_cast<std::size_t>(n), m, problem->evaluation_work());
    std::vector<double> out(static_cast<std::size_t>(n) * static_cast<std::size_t>(m));
    optlab::value_grid(*problem, a, b, n, c, d, m, out.data());
    return copy_to_js(out);
  });
}

// Iso-lines of a grid of samples (from valueGrid): five numbers per
// segment, the level's index and (x1, y1, x2, y2) in grid coordinates;
// each line simplified within `tolerance` grid units (optional, 0 to 1).
val isolines(val values, val nx, val ny, val levels, val tolerance) {
  return guarded([&] {
    const int n = count_arg(nx, "nx", 2, 4096), m = count_arg(ny, "ny", 2, 4096);
    grid_cells("nx × ny", static_cast<std::size_t>(n), m);
    if (!val::global("ArrayBuffer").call<bool>("isView", values) && !val::global("Array").call<bool>("isArray", values))
      reject("values must be an array of numbers");
    // The length is checked before the copy is made; then one bulk copy (the
    // grid has thousands of samples), and every sample checked.
    const double length = values["length"].as<double>();
    if (length != static_cast<double>(n) * static_cast<double>(m))
      reject("values must have nx * ny = " + std::to_string(n * m) + " numbers (got " + optlab::format_number(length) + ")");
    const std::vector<double> v = emscripten::convertJSArrayToNumberVector<double>(values);
    if (const std::size_t i = optlab::first_non_finite(v.data(), v.size()); i < v.size())
      reject("values[" + std::to_string(i) + "] must be a finite number");
    const Range any{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    const Vector l = vector_arg(levels, "levels", any, 256);
    optlab::check_work({{"levels.length", static_cast<double>(l.size())}, {"nx × ny", static_cast<double>(n) * m}});
    const double tol = tolerance.isUndefined() ? 0.0 : number_arg(tolerance, "tolerance", Range{0.0, 1.0});
    return copy_to_js(optlab::isolines(v.data(), n, m, std::vector<double>(l.data(), l.data() + l.size()), tol));
  });
}

// The (γ, β) map's lines, once per map: {edge, damping}. edge: the
// divergent region's edge γL = 2(1 + β), edgeSegments + 1 points (γ, β)
// interleaved; damping: per eigenvalue (in the order given) its critical-
// damping curve β = (1 − √(γλ))² in `samples` steps, cut at that edge.
val momentum_boundaries(val eigenvalues, val lr_min, val lr_max, val beta_min, val beta_max, val samples,
                        val edge_segments) {
  return guarded([&] {
    const Vector e = vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim);
    const double a = number_arg(lr_min, "lrMin", kLr);
    const double b = number_arg(lr_max, "lrMax", Range{a, optlab::limits::kMaxAbsInput, true});
    const double c = number_arg(beta_min, "betaMin", kBeta);
    const double d = number_arg(beta_max, "betaMax", Range{c, 1.0, true, true});
    const int n = count_arg(samples, "samples", 1, kMaxGrid);
    const int m = count_arg(edge_segments, "edgeSegments", 1, kMaxGrid);
    grid_cells("eigenvalues.length × samples", static_cast<std::size_t>(e.size()), n);
    const double L = e.maxCoeff();
    val damping = val::array();
    for (Eigen::Index i = 0; i < e.size(); ++i)
      damping.call<void>("push", copy_to_js(optlab::critical_damping_curve(e[i], L, a, b, n)));
    val result = val::object();
    result.set("edge", copy_to_js(optlab::divergent_edge(L, c, d, m)));
    result.set("damping", damping);
    return result;
  });
}

// The region of the map at one (γ, β): "monotone", "ripples" or "divergent".
val momentum_region(val eigenvalues, val lr, val beta) {
  return guarded([&] {
    const Vector e = vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim);
    return optlab::to_string(optlab::momentum_region(e, number_arg(lr, "lr", kLr), number_arg(beta, "beta", kBeta)));
  });
}

// The regions of a whole grid in one call (the map places its labels on a
// coarse grid while the page starts): {names, codes}, codes[j * lrs.length
// + i] the index in names of the region at (lrs[i], betas[j]).
val momentum_region_grid(val eigenvalues, val lrs, val betas) {
  return guarded([&] {
    const Vector e = vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim);
    const Vector l = vector_arg(lrs, "lrs", kLr, kMaxGrid);
    const Vector b = vector_arg(betas, "betas", kBeta, kMaxGrid);
    grid_cells("lrs.length × betas.length", static_cast<std::size_t>(l.size()), static_cast<int>(b.size()),
               static_cast<double>(e.size()));
    std::vector<optlab::MomentumRegion> regions(static_cast<std::size_t>(l.size() * b.size()));
    optlab::momentum_region_grid(e, l.data(), static_cast<int>(l.size()), b.data(), static_cast<int>(b.size()),
                                 regions.data());
    std::vector<std::uint8_t> codes(regions.size());
    for (std::size_t k = 0; k < regions.size(); ++k) codes[k] = static_cast<std::uint8_t>(regions[k]);
    val names = val::array();
    for (auto r : {optlab::MomentumRegion::monotone, optlab::MomentumRegion::ripples, optlab::MomentumRegion::divergent})
      names.set(static_cast<int>(r), optlab::to_string(r));
    val result = val::object();
    result.set("names", names);
    result.set("codes", copy_to_js(codes));
    return result;
  });
}

// The mini-batch gradient's noise at w (the batch_noise request, as
// `optlab batch_noise` reads it): {dim, draws, mean, sigma2, law, measured,
// standardError}.
val batch_noise(const std::string& request_text) {
  return guarded([&] {
    const auto r = optlab::parse_batch_noise(request_text);
    const optlab::BatchNoise b = optlab::batch_noise(*r.problem, r.w, r.batch, r.seed, r.draws);
    val result = val::object();
    result.set("dim", static_cast<int>(b.mean.size()));
    result.set("draws", r.draws);
    result.set("mean", copy_to_js(b.mean.data(), static_cast<std::size_t>(b.mean.size())));
    result.set("sigma2", b.sigma2);
    result.set("law", b.law);
    result.set("measured", b.measured);
    result.set("standardError", b.standard_error);
    return result;
  });
}

// Bytes the core's allocator holds now: a host (and the tests) can see that
// rejected calls keep no memory, which the size of the wasm memory, grown in
// whole megabytes and never shrunk, cannot show.
double memory_in_use() { return static_cast<double>(mallinfo().uordblks); }

val limits_object() {
  using namespace optlab::limits;
  val out = val::object();
  out.set("maxSteps", kMaxSteps);
  out.set("maxDim", kMaxDim);
  out.set("maxExamples", kMaxExamples);
  out.set("maxBatchSteps", static_cast<double>(kMaxBatchSteps));
  out.set("maxAbsInput", kMaxAbsInput);
  out.set("maxMemory", kMaxMemory);
  out.set("maxRuns", kMaxRuns);
  out.set("maxWork", kMaxWork);
  out.set("maxGridCells", static_cast<double>(kMaxGridCells));
  out.set("maxIsolineCrossings", static_cast<double>(kMaxIsolineCrossings));
  out.set("maxDocumentBytes", static_cast<double>(kMaxDocumentBytes));
  out.set("maxSeed", kMaxSeed);
  out.set("divergedAbsW", kDivergedAbsW);
  out.set("divergedAbsLoss", kDivergedAbsLoss);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(optlab) {
  emscripten::function("run", &run);
  emscripten::function("trace", &trace);
  emscripten::function("finalPositions", &final_positions);
  emscripten::function("partGradients", &part_gradients);
  emscripten::function("batchGradients", &batch_gradients);
  emscripten::function("lossSweep", &loss_sweep);
  emscripten::function("rateMapView", &rate_map_view);
  emscripten::function("simulatedRateMap", &simulated_rate_map);
  emscripten::function("momentumRate", &momentum_rate);
  emscripten::function("optimalMomentum", &optimal_momentum);
  emscripten::function("optimalGradientDescent", &optimal_gradient_descent);
  emscripten::function("stepsToTarget", &steps_to_target);
  emscripten::function("logspace", &logspace);
  emscripten::function("valueGrid", &value_grid);
  emscripten::function("doubleWellPoints", &double_well_points);
  emscripten::function("isolines", &isolines);
  emscripten::function("limits", &limits_object);
  emscripten::function("memoryInUse", &memory_in_use);
  emscripten::function("optimizers", &optlab::optimizers_json);
  emscripten::function("momentumBoundaries", &momentum_boundaries);
  emscripten::function("momentumRegion", &momentum_region);
  emscripten::function("momentumRegionGrid", &momentum_region_grid);
  emscripten::function("batchNoise", &batch_noise);
}
