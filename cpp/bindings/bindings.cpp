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

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/final_positions.hpp"
#include "analysis/gradients.hpp"
#include "analysis/isolines.hpp"
#include "analysis/loss_sweep.hpp"
#include "analysis/momentum_rate.hpp"
#include "analysis/path_stats.hpp"
#include "core/limits.hpp"
#include "core/portable_math.hpp"
#include "expression/expression.hpp"
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

// A JS value read as the number, integer or array of numbers a function
// takes; the checks and their messages are scenario/fields', the ones the
// scenario and the CLI's requests give.
double number_arg(const val& value, const std::string& name, const Range& range) {
  if (!value.isNumber()) optlab::reject_number(name, range, describe(value));
  return optlab::check_number(value.as<double>(), name, range);
}

int count_arg(const val& value, const std::string& name, int lo, int hi) {
  if (!value.isNumber()) optlab::reject_integer(name, lo, hi, "", describe(value));
  return static_cast<int>(optlab::check_integer(value.as<double>(), name, lo, hi));
}

bool is_array(const val& value) {
  return val::global("Array").call<bool>("isArray", value) || val::global("ArrayBuffer").call<bool>("isView", value);
}

// An array or typed array of finite numbers in `range`, 1..max_length long;
// the length is checked before anything is copied.
Vector vector_arg(const val& value, const std::string& name, const Range& range, int max_length) {
  if (!is_array(value)) reject(name + " must be an array of numbers (got " + describe(value) + ")");
  optlab::check_length(name, value["length"].as<double>(), 1, static_cast<std::size_t>(max_length));
  const int n = value["length"].as<int>();
  Vector out(n);
  for (int i = 0; i < n; ++i) out[i] = number_arg(value[i], name + "[" + std::to_string(i) + "]", range);
  return out;
}

const Range kEigenvalue{0.0, optlab::limits::kMaxAbsInput, true};
const Range kLr{0.0, optlab::limits::kMaxAbsInput, true};
const Range kBeta{0.0, 1.0, false, true};
constexpr int kMaxGridSide = optlab::limits::kMaxGridSide;

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
    if (out.status.undefined) {
      val undefined = val::object();
      undefined.set("what", out.status.undefined->what);
      undefined.set("column", out.status.undefined->column);
      undefined.set("message", optlab::describe(*out.status.undefined));
      result.set("undefined", undefined);
    } else {
      result.set("undefined", val::null());
    }
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
    std::vector<double> out(static_cast<std::size_t>(count_arg(n, "n", 1, kMaxGridSide)));
    optlab::portable_logspace(a, b, static_cast<int>(out.size()), out.data());
    return copy_to_js(out);
  });
}

val rate_map_result(const optlab::RateGrid& grid, const std::vector<double>& rate) {
  val result = val::object();
  result.set("lr", copy_to_js(grid.lrs));
  result.set("beta", copy_to_js(grid.betas));
  result.set("rate", copy_to_js(rate));
  return result;
}

// The heatmap's image of a rate map: each cell coloured from `colors`, RGBA
// bytes, entry 0 slow, last fast (rate_map_image).
val rate_map_image(const std::vector<double>& rate, const optlab::RateGrid& grid, val colors) {
  if (!colors.instanceof(val::global("Uint8Array")) && !colors.instanceof(val::global("Uint8ClampedArray")))
    reject("colors must be a Uint8Array of RGBA entries (got " + describe(colors) + ")");
  const int bytes = colors["length"].as<int>();
  if (bytes < 4 || bytes > 4 * 4096 || bytes % 4 != 0)
    reject("colors must hold from 1 to 4096 RGBA entries (4 bytes each; got " + std::to_string(bytes) + " bytes)");
  std::vector<std::uint8_t> table(static_cast<std::size_t>(bytes));
  val(emscripten::typed_memory_view(table.size(), table.data())).call<void>("set", colors);
  std::vector<std::uint8_t> image(4 * rate.size());
  optlab::rate_map_image(rate.data(), static_cast<int>(grid.lrs.size()), static_cast<int>(grid.betas.size()), table.data(),
                         bytes / 4, image.data());
  return val::global("Uint8ClampedArray").new_(emscripten::typed_memory_view(image.size(), image.data()));
}

void check_rate_out(const val& out, std::size_t cells) {
  if (!out.instanceof(val::global("Float64Array")) || out["length"].as<double>() != static_cast<double>(cells))
    reject("out must be a Float64Array of nLr * nBeta = " + std::to_string(cells) + " numbers");
}

// Doubles per block of rows computed into `out`: 128 KB, which stays in the
// cache between being written and being copied out.
constexpr int kRateBlock = 16384;

// Momentum's rate over a (γ, β) grid (scenario/requests.hpp's rate_map
// request). Given a colour table (RGBA bytes), the heatmap's image comes
// with it: the page paints it while it starts, when JavaScript is still cold.
// Given `out` (a plain Float64Array, as the JS wrapper makes sure, of one
// number per cell, as is checked here), the rates are copied into it and it
// is the result's `rate`: a map redrawn while its point is dragged then
// costs no new 512 KB array for the collector, and its rows are copied out
// in blocks that are still in the cache (about 10% faster than computing
// the whole map and copying it).
val rate_map(const std::string& request_text, val colors, val out) {
  return guarded([&] {
    const optlab::RateMapRequest r = optlab::parse_rate_map(request_text, false);
    const optlab::RateGrid& grid = r.grid;
    val result = val::object();
    result.set("lr", copy_to_js(grid.lrs));
    result.set("beta", copy_to_js(grid.betas));
    if (!colors.isUndefined() || out.isUndefined()) {
      const std::vector<double> rate = optlab::momentum_rate_map(grid);
      if (!out.isUndefined()) {
        check_rate_out(out, rate.size());
        out.call<void>("set", emscripten::typed_memory_view(rate.size(), rate.data()));
        result.set("rate", out);
      } else {
        result.set("rate", copy_to_js(rate));
      }
      if (!colors.isUndefined()) result.set("image", rate_map_image(rate, grid, colors));
      return result;
    }
    // Into `out` alone (the page's redraws): a block of rows at a time.
    const int n_lr = static_cast<int>(grid.lrs.size()), n_beta = static_cast<int>(grid.betas.size());
    check_rate_out(out, static_cast<std::size_t>(n_lr) * static_cast<std::size_t>(n_beta));
    const int rows = std::max(1, kRateBlock / n_lr);
    std::vector<double> block(static_cast<std::size_t>(rows) * static_cast<std::size_t>(n_lr));
    for (int j = 0; j < n_beta; j += rows) {
      const int count = std::min(rows, n_beta - j);
      optlab::momentum_rate_map(grid.eigenvalues, grid.lrs.data(), n_lr, grid.betas.data() + j, count, block.data());
      out.call<void>("set", emscripten::typed_memory_view(static_cast<std::size_t>(count) * static_cast<std::size_t>(n_lr), block.data()),
                     static_cast<double>(j) * n_lr);
    }
    result.set("rate", out);
    return result;
  });
}

val simulated_rate_map(const std::string& request_text) {
  return guarded([&] {
    const optlab::RateMapRequest r = optlab::parse_rate_map(request_text, true);
    return rate_map_result(r.grid, optlab::simulated_rate_map(r.grid, r.steps));
  });
}

val momentum_rate(val eigenvalues, val lr, val beta) {
  return guarded([&] {
    return optlab::momentum_rate(number_arg(lr, "lr", kLr), number_arg(beta, "beta", kBeta),
                                 vector_arg(eigenvalues, "eigenvalues", kEigenvalue, optlab::limits::kMaxDim));
  });
}

// Nesterov's rate at (γ, β): the spectral radius of its own iteration.
val nesterov_rate(val eigenvalues, val lr, val beta) {
  return guarded([&] {
    return optlab::nesterov_rate(number_arg(lr, "lr", kLr), number_arg(beta, "beta", kBeta),
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
    const Vector values = vector_arg(lrs, "lrs", kLr, kMaxGridSide);
    const std::vector<double> steps(values.data(), values.data() + values.size());
    optlab::check_loss_sweep(s, steps);
    const optlab::LossSweep sweep = optlab::loss_sweep(*s.problem, s.optimizer, s.w0, s.steps, s.seed, steps);
    val result = val::object();
    result.set("loss", copy_to_js(sweep.loss));
    result.set("divergedAt", copy_to_js(sweep.diverged_at));
    return result;
  });
}

// ∇f_i(w) for every part i of a finite sum, as n rows of dim numbers
// (scenario/requests.hpp's gradients request).
val part_gradients(const std::string& request_text) {
  return guarded([&] {
    const auto r = optlab::parse_gradients(request_text);
    return copy_to_js(optlab::part_gradients(*r.problem, r.w));
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

// The noise each step's gradient gets in a run without batches
// (scenario/requests.hpp's gradient_noise request), steps rows of dim.
val gradient_noise(const std::string& request_text) {
  return guarded([&] {
    const auto r = optlab::parse_gradient_noise(request_text);
    return copy_to_js(optlab::gradient_noise(*r.problem, r.seed, r.steps));
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

// f on a grid, for contour plots (scenario/requests.hpp's grid request):
// out[j * nx + i] = f(x_i, y_j); a one-dimensional problem gives f along x.
val value_grid(const std::string& request_text) {
  return guarded([&] { return copy_to_js(optlab::grid_values(optlab::parse_grid(request_text))); });
}

// Iso-lines of a grid of samples (from valueGrid): five numbers per
// segment, the level's index and (x1, y1, x2, y2) in grid coordinates;
// each line simplified within `tolerance` grid units (optional, 0 to 1).
val isolines(val values, val nx, val ny, val levels, val tolerance) {
  return guarded([&] {
    const int n = count_arg(nx, "nx", 2, kMaxGridSide), m = count_arg(ny, "ny", 2, kMaxGridSide);
    optlab::check_cells("nx × ny", n, m);
    if (!is_array(values)) reject("values must be an array of numbers (got " + describe(values) + ")");
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

// The (γ, β) map's lines, once per map (scenario/requests.hpp's
// momentum_boundaries request): {edge, damping}.
val momentum_boundaries(const std::string& request_text) {
  return guarded([&] {
    const optlab::MomentumBoundaries b = optlab::momentum_boundaries(request_text);
    val damping = val::array();
    for (const auto& curve : b.damping) damping.call<void>("push", copy_to_js(curve));
    val result = val::object();
    result.set("edge", copy_to_js(b.edge));
    result.set("nesterovEdge", copy_to_js(b.nesterov_edge));
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
    const Vector l = vector_arg(lrs, "lrs", kLr, kMaxGridSide);
    const Vector b = vector_arg(betas, "betas", kBeta, kMaxGridSide);
    optlab::check_cells("lrs.length × betas.length", static_cast<double>(l.size()), static_cast<double>(b.size()),
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

// How a path of iterates (a trace's w: rows of dim numbers) behaves over
// rows from … to: {distance, step, length} (analysis/path_stats.hpp).
val path_stats(val w, val dim, val point, val from, val to) {
  return guarded([&] {
    const int d = count_arg(dim, "dim", 1, optlab::limits::kMaxDim);
    if (!is_array(w)) reject("w must be an array of numbers (got " + describe(w) + ")");
    const double length = w["length"].as<double>();
    const double most = static_cast<double>(optlab::limits::kMaxSteps + 1) * d;
    if (!(length >= d && length <= most && std::fmod(length, d) == 0.0))
      reject("w must hold whole rows of dim = " + std::to_string(d) + " numbers, at most " + optlab::format_number(most) +
             " (got " + optlab::format_number(length) + ")");
    const std::vector<double> values = emscripten::convertJSArrayToNumberVector<double>(w);
    if (const std::size_t i = optlab::first_non_finite(values.data(), values.size()); i < values.size())
      reject("w[" + std::to_string(i) + "] must be a finite number");
    const int rows = static_cast<int>(values.size()) / d;
    const Vector p = vector_arg(point, "point", Range{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max()}, d);
    if (p.size() != d) reject("point must have dim = " + std::to_string(d) + " numbers (got " + std::to_string(p.size()) + ")");
    const int a = count_arg(from, "from", 0, rows - 1);
    const int b = count_arg(to, "to", a, rows - 1);
    const optlab::PathStats stats = optlab::path_stats(values.data(), rows, d, p.data(), a, b);
    val result = val::object();
    result.set("distance", stats.distance);
    result.set("step", stats.step);
    result.set("length", stats.length);
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
  out.set("maxGridSide", kMaxGridSide);
  out.set("maxIsolineCrossings", static_cast<double>(kMaxIsolineCrossings));
  out.set("maxDocumentBytes", static_cast<double>(kMaxDocumentBytes));
  out.set("maxSeed", kMaxSeed);
  out.set("divergedAbsW", kDivergedAbsW);
  out.set("divergedAbsLoss", kDivergedAbsLoss);
  out.set("maxExpressionLength", kMaxExpressionLength);
  out.set("maxExpressionDepth", kMaxExpressionDepth);
  out.set("maxExpressionNodes", kMaxExpressionNodes);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(optlab) {
  emscripten::function("run", &run);
  emscripten::function("trace", &trace);
  emscripten::function("finalPositions", &final_positions);
  emscripten::function("partGradients", &part_gradients);
  emscripten::function("batchGradients", &batch_gradients);
  emscripten::function("gradientNoise", &gradient_noise);
  emscripten::function("lossSweep", &loss_sweep);
  emscripten::function("rateMap", &rate_map);
  emscripten::function("simulatedRateMap", &simulated_rate_map);
  emscripten::function("momentumRate", &momentum_rate);
  emscripten::function("nesterovRate", &nesterov_rate);
  emscripten::function("optimalMomentum", &optimal_momentum);
  emscripten::function("optimalGradientDescent", &optimal_gradient_descent);
  emscripten::function("stepsToTarget", &steps_to_target);
  emscripten::function("logspace", &logspace);
  emscripten::function("valueGrid", &value_grid);
  emscripten::function("doubleWellPoints", &double_well_points);
  emscripten::function("isolines", &isolines);
  emscripten::function("limits", &limits_object);
  emscripten::function("memoryInUse", &memory_in_use);
  emscripten::function("pathStats", &path_stats);
  emscripten::function("optimizers", &optlab::optimizers_json);
  emscripten::function("momentumBoundaries", &momentum_boundaries);
  emscripten::function("momentumRegion", &momentum_region);
  emscripten::function("momentumRegionGrid", &momentum_region_grid);
  emscripten::function("batchNoise", &batch_noise);
  emscripten::function("checkExpression", &optlab::expression_json);
}
