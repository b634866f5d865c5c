#include "scenario/output.hpp"


#include "analysis/final_positions.hpp"
#include "analysis/momentum_rate.hpp"
#include "core/limits.hpp"
#include "expression/expression.hpp"
#include "scenario/work.hpp"

namespace optlab {

RunOutput run_scenario(const Scenario& s) {
  RunOutput out;
  out.status = run(*s.problem, s.optimizer, s.w0, s.steps, s.seed, out.trace);
  out.optimum = s.problem->minimizer();
  if (const auto eigenvalues = s.problem->hessian_eigenvalues()) {
    const QuadraticTheory theory = s.optimizer.info->theory;
    if (theory == QuadraticTheory::MomentumAndRegime)
      out.regime = classify_step_size(s.optimizer.lr, eigenvalues->maxCoeff());
    const double beta = s.optimizer.param_or("beta", 0.0);
    if (theory == QuadraticTheory::Nesterov)
      out.rate = nesterov_rate(s.optimizer.lr, beta, *eigenvalues);
    else if (theory != QuadraticTheory::None)
      out.rate = momentum_rate(s.optimizer.lr, beta, *eigenvalues);
  }
  return out;
}

namespace {

Json rows(const std::vector<double>& flat, int width) {
  Json out = Json::array();
  for (std::size_t i = 0; i + static_cast<std::size_t>(width) <= flat.size(); i += static_cast<std::size_t>(width))
    out.push_back(std::vector<double>(flat.begin() + static_cast<long>(i), flat.begin() + static_cast<long>(i) + width));
  return out;
}

template <typename T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

std::string to_json(const Scenario& s, const RunOutput& out) {
  const Trace& t = out.trace;
  Json j;
  j["problem"] = s.problem->kind();
  j["optimizer"] = s.optimizer.name();
  j["dim"] = s.problem->dim();
  j["steps"] = s.steps;
  j["seed"] = s.seed;
  j["w"] = rows(t.w, t.dim);
  j["loss"] = t.loss;
  j["grad_norm"] = t.grad_norm;
  j["w_avg"] = rows(t.w_avg, t.dim);
  if (s.optimizer.batch > 0) {
    Json batches = Json::array();
    const auto b = static_cast<std::size_t>(s.optimizer.batch);
    for (std::size_t i = 0; i + b <= t.batches.size(); i += b)
      batches.push_back(std::vector<int>(t.batches.begin() + static_cast<long>(i), t.batches.begin() + static_cast<long>(i + b)));
    j["batches"] = batches;
  } else {
    j["batches"] = nullptr;
  }
  j["diverged_at"] = or_null(out.status.diverged_at);
  j["stopped_at"] = or_null(out.status.stopped_at);
  j["stop_reason"] = out.status.stop_reason.empty() ? Json(nullptr) : Json(out.status.stop_reason);
  if (out.status.undefined) {
    j["undefined"] = {{"what", out.status.undefined->what},
                      {"column", out.status.undefined->column},
                      {"message", describe(*out.status.undefined)}};
  } else {
    j["undefined"] = nullptr;
  }
  j["regime"] = out.regime ? Json(to_string(*out.regime)) : Json(nullptr);
  j["rate"] = or_null(out.rate);
  j["optimum"] = out.optimum ? Json(std::vector<double>(out.optimum->data(), out.optimum->data() + out.optimum->size()))
                             : Json(nullptr);
  return j.dump();
}

std::vector<Scenario> parse_scenarios(const std::string& text, bool& is_array) {
  const Json json = parse_json(text, "the scenario");
  is_array = json.is_array();
  std::vector<Scenario> all;
  if (!is_array) {
    all.push_back(parse_scenario(json));
    return all;
  }
  // An array of scenarios (the playground's runs, exported together): each
  // is read and counted before any runs.
  if (json.empty() || json.size() > static_cast<std::size_t>(limits::kMaxScenarios))
    reject("an array of scenarios must hold from 1 to " + std::to_string(limits::kMaxScenarios) + " of them (got " +
           std::to_string(json.size()) + ")");
  double work = 0.0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    try {
      all.push_back(parse_scenario(json[i]));
    } catch (const ScenarioError& e) {
      reject("scenario [" + std::to_string(i) + "]: " + e.what());
    }
    work += run_work(*all.back().problem, all.back().optimizer, all.back().steps);
  }
  check_work({{"scenarios", static_cast<double>(all.size())}, {"mean work units per scenario", work / static_cast<double>(all.size())}});
  return all;
}

std::string run_scenario_json(const std::string& text) {
  bool is_array = false;
  const std::vector<Scenario> all = parse_scenarios(text, is_array);
  if (!is_array) return to_json(all[0], run_scenario(all[0]));
  std::string out = "[";
  for (std::size_t i = 0; i < all.size(); ++i) out += (i ? "," : "") + to_json(all[i], run_scenario(all[i]));
  return out + "]";
}

}  // namespace optlab

namespace optlab {

std::string final_positions_json(const std::string& scenario_text, long long runs) {
  if (runs < 1 || runs > limits::kMaxRuns)
    throw ScenarioError("runs must be an integer from 1 to " + std::to_string(limits::kMaxRuns) + " (got " +
                        std::to_string(runs) + ")");
  const Scenario s = parse_scenario(scenario_text);
  check_work({{"runs", static_cast<double>(runs)}, {"work units per run", run_work(*s.problem, s.optimizer, s.steps)}});
  const FinalPositions out = final_positions(*s.problem, s.optimizer, s.w0, s.steps, s.seed, static_cast<int>(runs));
  Json j;
  j["runs"] = runs;
  j["dim"] = out.dim;
  j["w"] = rows(out.w, out.dim);  // one row of dim numbers per run
  Json diverged = Json::array();
  for (auto d : out.diverged) diverged.push_back(d != 0);
  j["diverged"] = diverged;
  return j.dump();
}

}  // namespace optlab
