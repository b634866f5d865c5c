#include "run/registry.hpp"

#include <stdexcept>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "optimizers/adagrad.hpp"
#include "optimizers/adam.hpp"
#include "optimizers/gd.hpp"
#include "optimizers/heavy_ball.hpp"
#include "optimizers/lbfgs.hpp"
#include "optimizers/momentum.hpp"
#include "optimizers/nesterov.hpp"
#include "optimizers/rmsprop.hpp"
#include "run/first_order.hpp"

namespace optlab {

namespace {

// An optimizer with a loop of its own has a static run(); a first-order
// rule has an Update class, which the common loop drives.
template <typename T, typename = void>
struct has_own_loop : std::false_type {};
template <typename T>
struct has_own_loop<T, std::void_t<decltype(&T::run)>> : std::true_type {};

template <typename T>
OptimizerInfo entry() {
  OptimizerInfo info = T::info();
  if constexpr (has_own_loop<T>::value)
    info.run = &T::run;
  else
    info.run = &run_with<typename T::Update>;
  return info;
}

}  // namespace

const std::vector<OptimizerInfo>& optimizers() {
  static const std::vector<OptimizerInfo> all{
      entry<Gd>(),
      entry<Sgd>(),
      entry<Momentum>(),
      entry<HeavyBall>(),
      entry<Nesterov>(),
      entry<Lbfgs>(),
      entry<Adagrad>(),
      entry<Rmsprop>(),
      entry<Adam>(),
  };
  return all;
}

const OptimizerInfo* find_optimizer(std::string_view name) {
  for (const auto& info : optimizers())
    if (info.name == name) return &info;
  return nullptr;
}

OptimizerSpec optimizer_spec(std::string_view name, double lr, int batch,
                             std::initializer_list<std::pair<std::string_view, double>> params) {
  OptimizerSpec spec;
  spec.info = find_optimizer(name);
  if (!spec.info) throw std::logic_error("no optimizer named " + std::string(name));
  spec.lr = spec.info->step_size ? lr : 0.0;
  spec.batch = batch;
  for (const auto& p : spec.info->params) {
    if (!p.default_value) throw std::logic_error(spec.info->name + "." + p.name + " has no default");
    spec.values.push_back(*p.default_value);
  }
  for (const auto& [key, value] : params) {
    std::size_t i = 0;
    while (i < spec.info->params.size() && spec.info->params[i].name != key) ++i;
    if (i == spec.info->params.size()) throw std::logic_error(spec.info->name + " has no parameter " + std::string(key));
    spec.values[i] = value;
  }
  return spec;
}

double OptimizerSpec::param(std::string_view key) const {
  for (std::size_t i = 0; i < info->params.size(); ++i)
    if (info->params[i].name == key) return values[i];
  throw std::logic_error(info->name + " has no parameter " + std::string(key));
}

double OptimizerSpec::param_or(std::string_view key, double otherwise) const {
  for (std::size_t i = 0; i < info->params.size(); ++i)
    if (info->params[i].name == key) return values[i];
  return otherwise;
}

std::string optimizers_json() {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& o : optimizers()) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto& p : o.params)
      params.push_back({{"name", p.name},
                        {"min", p.lo},
                        {"max", p.hi},
                        {"minOpen", p.lo_open},
                        {"maxOpen", p.hi_open},
                        {"default", p.default_value ? nlohmann::ordered_json(*p.default_value) : nlohmann::ordered_json(nullptr)},
                        {"integer", p.integer}});
    const char* batch = o.batch == BatchUse::None ? "none" : o.batch == BatchUse::Optional ? "optional" : "stochastic";
    out.push_back({{"name", o.name},
                   {"rule", o.rule},
                   {"lr", o.step_size},
                   {"lrDefault", o.lr_default ? nlohmann::ordered_json(*o.lr_default) : nlohmann::ordered_json(nullptr)},
                   {"batch", batch},
                   {"params", params}});
  }
  return out.dump();
}

RunStatus run(const Problem& problem, const OptimizerSpec& optimizer, const Vector& w0, int steps,
              std::uint64_t seed, RunObserver& observer) {
  return optimizer.info->run(problem, optimizer, w0, steps, seed, observer);
}

}  // namespace optlab
