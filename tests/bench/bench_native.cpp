// Native side of `./build.sh bench`: times the two workloads of
// tests/bench/workloads.json with the core's own code and prints one JSON
// object of per-repeat milliseconds for bench.mjs to tabulate.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "analysis/final_positions.hpp"
#include "analysis/momentum_rate.hpp"
#include "core/portable_math.hpp"
#include "problems/double_well.hpp"
#include "run/registry.hpp"
#include "scenario/fields.hpp"

using namespace optlab;
using Clock = std::chrono::steady_clock;

namespace {

template <typename F>
std::vector<double> time_repeats(int repeats, F&& body) {
  std::vector<double> ms;
  body();  // warm-up
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    body();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return ms;
}

std::string list(const std::vector<double>& v) {
  std::ostringstream out;
  out << '[';
  for (std::size_t i = 0; i < v.size(); ++i) out << (i ? "," : "") << v[i];
  return out.str() + ']';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: optlab_bench tests/bench/workloads.json\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  const Json config = Json::parse(in);
  const Json& mc = config["monteCarlo"];
  const Json& map = config["rateMap"];

  const DoubleWell well(mc["problem"]["n"].get<int>(), mc["problem"]["tilt"].get<double>(),
                        mc["problem"]["spread"].get<double>());
  const OptimizerSpec sgd = optimizer_spec("sgd", mc["lr"].get<double>(), mc["batch"].get<int>());
  const Vector w0 = Vector::Constant(1, mc["w0"].get<double>());
  const int steps = mc["steps"].get<int>(), runs = mc["runs"].get<int>();
  const auto seed = mc["seed"].get<std::uint64_t>();
  int escaped = 0;
  const auto mc_ms = time_repeats(mc["repeats"].get<int>(), [&] {
    const auto out = final_positions(well, sgd, w0, steps, seed, runs);
    escaped = static_cast<int>(std::count_if(out.w.begin(), out.w.end(), [](double w) { return w < 0; }));
  });

  Vector eig(static_cast<Eigen::Index>(map["eigenvalues"].size()));
  for (Eigen::Index i = 0; i < eig.size(); ++i) eig[i] = map["eigenvalues"][static_cast<std::size_t>(i)].get<double>();
  const int n_lr = map["nLr"].get<int>(), n_beta = map["nBeta"].get<int>();
  const double lr0 = map["lr"][0].get<double>(), lr1 = map["lr"][1].get<double>();
  const double b0 = map["beta"][0].get<double>(), b1 = map["beta"][1].get<double>();
  std::vector<double> lrs(static_cast<std::size_t>(n_lr)), betas(static_cast<std::size_t>(n_beta)),
      rate(static_cast<std::size_t>(n_lr * n_beta));
  auto grid = [&] {
    portable_logspace(lr0, lr1, n_lr, lrs.data());
    for (int j = 0; j < n_beta; ++j) betas[static_cast<std::size_t>(j)] = b0 + (b1 - b0) * j / (n_beta - 1.0);
  };
  const auto closed_ms = time_repeats(map["repeatsClosed"].get<int>(), [&] {
    grid();
    momentum_rate_map(eig, lrs.data(), n_lr, betas.data(), n_beta, rate.data());
  });
  const int sim_steps = map["simulatedSteps"].get<int>();
  const auto sim_ms = time_repeats(map["repeatsSimulated"].get<int>(), [&] {
    grid();
    for (int j = 0; j < n_beta; ++j)
      for (int i = 0; i < n_lr; ++i)
        rate[static_cast<std::size_t>(j * n_lr + i)] =
            simulated_momentum_rate(lrs[static_cast<std::size_t>(i)], betas[static_cast<std::size_t>(j)], eig, sim_steps, sim_steps / 2);
  });

  std::printf("{\"monteCarlo\":%s,\"escaped\":%d,\"rateMapClosed\":%s,\"rateMapSimulated\":%s}\n", list(mc_ms).c_str(),
              escaped, list(closed_ms).c_str(), list(sim_ms).c_str());
  return 0;
}
