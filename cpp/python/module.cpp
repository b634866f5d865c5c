// optlab._core: the core as a Python extension (pybind11), for the notebooks
// and for anyone's Python. It translates and nothing more: a scenario or a
// request comes in as the JSON text the CLI reads, is validated by the same
// code, and goes out as the CLI's fields. A run's arrays are built straight
// from the trace (fresh numpy arrays that own their memory; nothing aliases
// the core's); the analysis verbs answer in the CLI's JSON, which prints
// every double as the shortest text that reads back as the same bits.
// The Python side (cpp/python/optlab/__init__.py) turns dicts into that
// text and lists into arrays.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "expression/expression.hpp"
#include "run/registry.hpp"
#include "scenario/fields.hpp"
#include "scenario/output.hpp"
#include "scenario/requests.hpp"

namespace py = pybind11;

namespace {

// A rows × cols copy of a row-major vector (0 × 0 when cols is 0).
// Indices as int64, numpy's own integer: what indexing code (numpy's or
// torch's) takes without a cast.
template <typename Out = double, typename T>
py::array_t<Out> matrix(const std::vector<T>& flat, py::ssize_t cols) {
  const py::ssize_t rows = cols > 0 ? static_cast<py::ssize_t>(flat.size()) / cols : 0;
  py::array_t<Out> out({rows, cols});
  std::copy_n(flat.data(), static_cast<std::size_t>(rows * cols), out.mutable_data());
  return out;
}

py::array_t<double> vector(const std::vector<double>& v) {
  py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

template <typename T>
py::object or_none(const std::optional<T>& value) {
  return value ? py::cast(*value) : py::none();
}

// One run's output with the keys and order of the CLI's (scenario/output.hpp).
py::dict output_dict(const optlab::Scenario& s, const optlab::RunOutput& out) {
  const optlab::Trace& t = out.trace;
  py::dict d;
  d["problem"] = s.problem->kind();
  d["optimizer"] = s.optimizer.name();
  d["dim"] = s.problem->dim();
  d["steps"] = s.steps;
  d["seed"] = s.seed;
  d["w"] = matrix(t.w, t.dim);
  d["loss"] = vector(t.loss);
  d["grad_norm"] = vector(t.grad_norm);
  d["w_avg"] = matrix(t.w_avg, t.dim);
  if (s.optimizer.batch > 0)
    d["batches"] = matrix<std::int64_t>(t.batches, s.optimizer.batch);
  else
    d["batches"] = py::none();
  d["diverged_at"] = or_none(out.status.diverged_at);
  d["stopped_at"] = or_none(out.status.stopped_at);
  d["stop_reason"] = out.status.stop_reason.empty() ? py::object(py::none()) : py::cast(out.status.stop_reason);
  if (out.status.undefined) {
    py::dict u;
    u["what"] = out.status.undefined->what;
    u["column"] = out.status.undefined->column;
    u["message"] = optlab::describe(*out.status.undefined);
    d["undefined"] = u;
  } else {
    d["undefined"] = py::none();
  }
  d["regime"] = out.regime ? py::cast(optlab::to_string(*out.regime)) : py::object(py::none());
  d["rate"] = or_none(out.rate);
  if (out.optimum)
    d["optimum"] = vector(std::vector<double>(out.optimum->data(), out.optimum->data() + out.optimum->size()));
  else
    d["optimum"] = py::none();
  return d;
}

// A scenario's text, or an array of them, run as the CLI runs it: every
// scenario read and its work counted before any runs. The GIL is released
// while the core works, so other Python threads go on.
py::object run(const std::string& text) {
  bool is_array = false;
  std::vector<optlab::Scenario> all;
  std::vector<optlab::RunOutput> outputs;
  {
    py::gil_scoped_release unlocked;
    all = optlab::parse_scenarios(text, is_array);
    for (const auto& s : all) outputs.push_back(optlab::run_scenario(s));
  }
  if (!is_array) return output_dict(all[0], outputs[0]);
  py::list list;
  for (std::size_t i = 0; i < all.size(); ++i) list.append(output_dict(all[i], outputs[i]));
  return list;
}

std::string request(const std::string& verb, const std::string& text) {
  py::gil_scoped_release unlocked;
  return optlab::request_json(verb, text);
}

std::string finals(const std::string& text, long long runs) {
  py::gil_scoped_release unlocked;
  return optlab::final_positions_json(text, runs);
}

// The median time of `repeats` runs of one scenario inside the core, read
// once and run without conversion: what the module's own overhead is
// measured against (./build.sh bench).
double core_seconds(const std::string& text, int repeats) {
  if (repeats < 1 || repeats > 100000) throw optlab::ScenarioError("repeats must be from 1 to 100000");
  py::gil_scoped_release unlocked;
  const optlab::Scenario s = optlab::parse_scenario(text);
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(repeats));
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const optlab::RunOutput out = optlab::run_scenario(s);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (out.trace.rows() < 1) throw optlab::ScenarioError("the run recorded nothing");
  }
  std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2), times.end());
  return times[times.size() / 2];
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "The optlab core (C++), in-process. Use the optlab package, which wraps these.";
  // A ValueError, as Python's own bad arguments are; what() names the field.
  py::register_exception<optlab::ScenarioError>(m, "ScenarioError", PyExc_ValueError);
  m.def("run", &run, py::arg("scenario_json"),
        "Run a scenario (JSON text, or an array of scenarios): a dict of the output, or a list of them.");
  m.def("request", &request, py::arg("verb"), py::arg("request_json"),
        "An analysis verb of the CLI (optlab VERB FILE) on a request's JSON text: its answer as JSON text.");
  m.def("verbs", &optlab::request_verbs, "The analysis verbs' names.");
  m.def("finals", &finals, py::arg("scenario_json"), py::arg("runs"),
        "Where each of `runs` seeded runs ends, as JSON text (optlab finals).");
  m.def("optimizers", &optlab::optimizers_json, "The registry of optimizers, as JSON text (optlab optimizers).");
  m.def("expression", &optlab::expression_json, py::arg("text"),
        "Whether a typed f(x, y) is one the expression problem takes, as JSON text.");
  m.def("core_seconds", &core_seconds, py::arg("scenario_json"), py::arg("repeats"),
        "The median seconds of the core's own run of a scenario over `repeats` runs (for the benchmark).");
}
