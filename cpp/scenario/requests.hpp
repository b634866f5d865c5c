// The core's verbs besides run and finals, each one JSON object in and one
// out, for the CLI (`optlab VERB FILE`) and so for the notebooks: the same
// computations as the wasm module's functions of the same names
// (cpp/analysis), validated with the scenario's fields and messages.
//
//   grid             {"problem", "x": [lo, hi], "nx", "y": [lo, hi], "ny"}
//                    -> {"nx", "ny", "values": [f(x_i, y_j) at j * nx + i]}
//                    (a 1-D problem: x and nx only; f along the line)
//   gradients        {"problem", "w"}  (a finite sum)
//                    -> {"n", "dim", "gradients": [∇f_i(w), one row per part]}
//   batch_gradients  {"problem", "w", "batch", "seed", "draws"}
//                    -> {"draws", "dim", "gradients": [g_d, one row per draw]}
//                    (draw d: the first step's gradient of run d of `finals`)
//   batch_noise      the same request (draws ≥ 2)
//                    -> {"dim", "draws", "mean": ∇f(w), "sigma2", "law", "measured",
//                        "standard_error"}: g_B's variance by the law and measured
//                    over the draws (analysis/gradients.hpp's batch_noise)
//   double_well      {"problem"}  (a double_well)
//                    -> {"deep", "shallow", "ridge"}
//   data             {"problem"}  (a least_squares, generated or inline)
//                    -> {"n", "dim", "X": [x_i, one row per example], "y": [y_i]}
//   rate_map         {"eigenvalues", "lr": [lo, hi], "nLr", "beta": [lo, hi], "nBeta"}
//                    -> {"lr", "beta", "rate": [momentum's rate at j * nLr + i]}
//                    (γ log-spaced, β evenly spaced)
//   simulated_rate_map  the same and "steps": each rate measured by simulation
//   momentum_boundaries {"eigenvalues", "lr": [lo, hi], "beta": [lo, hi], "samples" (200),
//                        "edgeSegments" (64)}
//                    -> {"edge": [γ, β, γ, β, …], "nesterovEdge": Nesterov's edge the same way,
//                        "damping": [one such curve per eigenvalue]}
//                    (analysis/momentum_rate.hpp's divergent_edge, critical_damping_curve)
//   rates            {"eigenvalues", "lr", "beta"}
//                    -> {"momentum", "nesterov": their rates, "region": the map's region}
//   optimal          {"eigenvalues"}
//                    -> {"momentum": {"lr", "beta", "rate"} (Polyak), "gd": {"lr", "rate"}}
//   loss_sweep       {"scenario", "lrs": [γ, …]}
//                    -> {"loss": f after the run per γ, "diverged_at": its step or -1}
//   expression       {"f": a function of x and y as text}
//                    -> {"ok", "operations", "uses_w2", "error": null} or {"ok": false, "error":
//                        {"code", "column", "found", "expected", "suggestion", "times", "limit",
//                         "count", "message"}} (expression/expression.hpp's ExprError)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/momentum_rate.hpp"
#include "problems/problem.hpp"

namespace optlab {

// A grid request, validated: f on nx × ny points (ny = 1 along a line).
struct GridRequest {
  std::unique_ptr<Problem> problem;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 0;
  int nx = 2, ny = 1;
};
GridRequest parse_grid(const std::string& request_text);
std::vector<double> grid_values(const GridRequest& r);

// A gradients request, validated.
struct GradientsRequest {
  std::unique_ptr<Problem> problem;
  Vector w;
};
GradientsRequest parse_gradients(const std::string& request_text);

// A rate_map (steps = 0) or simulated_rate_map request, validated.
struct RateMapRequest {
  RateGrid grid;
  int steps = 0;
};
RateMapRequest parse_rate_map(const std::string& request_text, bool simulated);

// A momentum_boundaries request's lines: the divergent edge and each
// eigenvalue's critical-damping curve, (γ, β) pairs interleaved.
struct MomentumBoundaries {
  std::vector<double> edge, nesterov_edge;
  std::vector<std::vector<double>> damping;
};
MomentumBoundaries momentum_boundaries(const std::string& request_text);

// A loss sweep's step sizes checked against its scenario (an optimizer
// with a step size; the work of every run): the wasm module's lossSweep
// and the CLI's loss_sweep check alike.
struct Scenario;
void check_loss_sweep(const Scenario& scenario, const std::vector<double>& lrs);

// A batch_gradients or batch_noise request, validated (the wasm module's
// batchGradients and batchNoise read the same requests).
struct BatchGradientsRequest {
  std::unique_ptr<Problem> problem;
  Vector w;
  int batch = 1;
  std::uint64_t seed = 0;
  int draws = 1;
};
BatchGradientsRequest parse_batch_gradients(const std::string& request_text);
BatchGradientsRequest parse_batch_noise(const std::string& request_text);

// A gradient_noise request, validated: {"problem" (with gradient noise),
// "seed", "steps"}.
struct GradientNoiseRequest {
  std::unique_ptr<Problem> problem;
  std::uint64_t seed = 0;
  int steps = 1;
};
GradientNoiseRequest parse_gradient_noise(const std::string& request_text);

// The verbs' names, in the order `optlab --help` lists them.
const std::vector<std::string>& request_verbs();

// Runs `verb` on the request text; ScenarioError names a bad field.
std::string request_json(const std::string& verb, const std::string& request_text);
// The expression verb's answer for a text itself (the page checks each keystroke).
std::string expression_json(const std::string& text);

}  // namespace optlab
