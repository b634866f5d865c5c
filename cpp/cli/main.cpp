// optlab: run a scenario from the command line.
//   optlab run FILE    (FILE may be - for standard input)
// Prints the output JSON on stdout and exits 0; on bad input prints one
// message on stderr, nothing on stdout, and exits 2; exits 1 when the output
// cannot be written.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "core/limits.hpp"
#include "run/registry.hpp"
#include "scenario/fields.hpp"
#include "scenario/output.hpp"
#include "scenario/requests.hpp"

namespace {

constexpr int kBadInput = 2;

// The optimizers' lines of the help, from the registry: name, rule, fields
// (defaults in parentheses).
std::string optimizer_table() {
  std::string out;
  for (const auto& o : optlab::optimizers()) {
    std::string fields;
    const auto add = [&](const std::string& field) { fields += (fields.empty() ? "" : ", ") + field; };
    if (o.step_size) add(o.lr_default ? "lr (" + optlab::format_number(*o.lr_default) + ")" : std::string("lr"));
    for (const auto& p : o.params)
      add(p.default_value ? p.name + " (" + optlab::format_number(*p.default_value) + ")" : p.name);
    if (o.batch == optlab::BatchUse::Stochastic) add("batch (1)");
    if (o.batch == optlab::BatchUse::Optional) add("batch");
    std::string line = "  " + o.name;
    line.resize(std::max<std::size_t>(line.size() + 2, 14), ' ');
    line += o.rule;
    line.resize(std::max<std::size_t>(line.size() + 3, 49), ' ');
    out += line + fields + "\n";
  }
  return out;
}

void print_help(std::ostream& out) {
  using namespace optlab::limits;
  out << R"(usage: optlab run FILE      run the scenario in FILE (- reads standard input)
       optlab optimizers    every optimizer, its rule and parameters (JSON)
       optlab finals FILE RUNS
                            where each of RUNS seeded runs of the scenario ends
                            (run r seeded from seed and r, as the page does)
       optlab grid FILE     f on a grid: {"problem", "x": [lo, hi], "nx",
                            "y": [lo, hi], "ny"} (1-D problems: x, nx)
       optlab gradients FILE
                            every part's gradient: {"problem", "w"}
       optlab batch_gradients FILE
                            the gradients of SGD's first steps from w:
                            {"problem", "w", "batch", "seed", "draws"}
                            (draw d is run d of finals)
       optlab batch_noise FILE
                            the variance of those gradients, by the law
                            sigma^2/B (n-B)/(n-1) and measured over the draws
                            (the same request, draws >= 2)
       optlab gradient_noise FILE
                            the noise sigma xi_k each step's gradient gets in
                            a run without batches: {"problem", "seed", "steps"}
       optlab double_well FILE
                            the double well's minima and ridge: {"problem"}
       optlab data FILE     a least-squares problem's examples X and y (those
                            its data_seed generates): {"problem"}
       optlab rate_map FILE momentum's rate over a (gamma, beta) grid:
                            {"eigenvalues", "lr": [lo, hi], "nLr",
                            "beta": [lo, hi], "nBeta"} (gamma log-spaced)
       optlab simulated_rate_map FILE
                            the same with "steps": each rate measured by
                            running momentum that many steps
       optlab momentum_boundaries FILE
                            the (gamma, beta) map's lines: {"eigenvalues",
                            "lr": [lo, hi], "beta": [lo, hi], "samples",
                            "edgeSegments"}
       optlab rates FILE    momentum's and Nesterov's rates at one (gamma, beta):
                            {"eigenvalues", "lr", "beta"}
       optlab optimal FILE  the best gradient descent and the best momentum
                            for the eigenvalues: {"eigenvalues"}
       optlab loss_sweep FILE
                            f after the scenario's run for each step size:
                            {"scenario", "lrs": [...]}
       optlab expression FILE
                            whether {"f": TEXT} is a function the expression
                            problem takes, or where and why it is not
       optlab --help        show this text

A scenario is one JSON object:
  {"problem":   {"kind": KIND, ...parameters},
   "optimizer": {"kind": RULE, ...hyperparameters},
   "w0": [numbers], "steps": K, "seed": S}

problem kinds and parameters (defaults in parentheses):
  quadratic1d    f(w) = a/2 (w - c)^2          a > 0, c (0)
  quadratic      f(w) = 1/2 (w-c)^T A (w-c)    A symmetric positive definite,
                 1 to )" << kMaxDim << R"( rows; c (0); noise sigma >= 0 added to every gradient (0)
  least_squares  f_i(w) = 1/2 (x_i^T w - y_i)^2, f = mean of f_i
                 inline: X (n rows), y (n numbers), or generated: n (32),
                 dim (2), condition (5), noise (0.5), data_seed (0)
  double_well    f_i(w) = (w^2-1)^2/4 + (tilt + b_i) w, b_i evenly spread in
                 [-spread, spread]: n (16), tilt (0.25), spread (1.5)
  rosenbrock     f(x,y) = (a-x)^2 + b (y-x^2)^2: a (1), b (100)
  expression     f typed as text of x and y (or w1, w2): f, e.g.
                 "(1 - x)^2 + 100*(y - x^2)^2", at most )" << kMaxExpressionLength << R"( characters;
                 + - * / ^, sin cos tan exp log sqrt abs tanh min max, pi, e;
                 noise sigma >= 0 added to every gradient (0)

optimizer rules (gamma = lr, g_k = gradient or mini-batch mean):
)" << optimizer_table() << R"(
limits: steps 0..)" << kMaxSteps << R"(, dimension 1..)" << kMaxDim << R"(, n 1..)" << kMaxExamples
      << R"(, batch 1..n, batch x steps <= )" << kMaxBatchSteps << R"(,
  0 < lr <= 1e6, 0 <= beta < 1, |numbers| <= 1e6, seed 0..2^53-1;
  a scenario has at most 8 MiB, nests at most )" << kMaxDepth << R"( levels, has arrays of at most )" << kMaxArrayLength << R"(
  entries and objects of at most )" << kMaxObjectFields << R"( fields;
  a call does at most )" << kMaxWork << R"( units of work (steps x work of a step x runs;
  a unit is one coordinate of one example touched, about a nanosecond).
A run stops as diverged at the first iterate with |w_i| > 1e10 or |f| > 1e30.

The output JSON has w, loss, grad_norm, w_avg, batches, diverged_at,
stopped_at, stop_reason, regime, rate and optimum; see docs/scenario.md.
Exit status: 0 on success, 2 on bad input (message on standard error),
1 when the output cannot be written.
)";
}

int usage_error(const std::string& message) {
  std::cerr << "optlab: " << message << "\n(run 'optlab --help' for the scenario format)\n";
  return kBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "--help" || command == "-h" || command == "help") {
    print_help(std::cout);
    std::cout << std::flush;
    if (!std::cout) {
      std::cerr << "optlab: cannot write the help: " << std::strerror(errno) << '\n';
      return 1;
    }
    return 0;
  }
  // Arguments are echoed through printable(): an argument may carry escape
  // sequences that would otherwise reach the terminal.
  if (command == "optimizers") {
    if (argc != 2) return usage_error("'optlab optimizers' takes no arguments");
    std::cout << optlab::optimizers_json() << '\n' << std::flush;
    if (!std::cout) {
      std::cerr << "optlab: cannot write the output: " << std::strerror(errno) << '\n';
      return 1;
    }
    return 0;
  }
  const auto& verbs = optlab::request_verbs();
  const bool verb = std::find(verbs.begin(), verbs.end(), command) != verbs.end();
  if (command != "run" && command != "finals" && !verb)
    return usage_error(command.empty() ? "missing command" : "unknown command '" + optlab::printable(command) + "'");
  if ((command == "run" || verb) && argc != 3)
    return usage_error("'optlab " + command + "' takes one FILE (or - for standard input)");
  long long runs = 0;
  if (command == "finals") {
    if (argc != 4) return usage_error("'optlab finals' takes a FILE (or -) and a number of RUNS");
    char* end = nullptr;
    runs = std::strtoll(argv[3], &end, 10);
    if (end == argv[3] || *end != '\0' || runs < 1 || runs > optlab::limits::kMaxRuns)
      return usage_error("RUNS must be an integer from 1 to " + std::to_string(optlab::limits::kMaxRuns) + " (got '" +
                         optlab::printable(argv[3]) + "')");
  }

  // At most one byte more than a scenario may have is read: the parser
  // names the limit, and a huge or endless input costs no memory.
  std::string text;
  const std::string file = argv[2];
  const auto most = static_cast<std::streamsize>(optlab::limits::kMaxDocumentBytes + 1);
  std::error_code error;
  if (file != "-" && std::filesystem::is_directory(file, error))
    return usage_error("cannot read '" + optlab::printable(file) + "': it is a directory");
  std::ifstream opened;
  if (file != "-") {
    opened.open(file, std::ios::binary);
    if (!opened)
      return usage_error("cannot read '" + optlab::printable(file) + "': " + std::strerror(errno));
  }
  std::istream& in = file == "-" ? std::cin : opened;
  text.resize(static_cast<std::size_t>(most));
  in.read(text.data(), most);
  if (in.bad()) return usage_error("cannot read '" + optlab::printable(file) + "'");
  text.resize(static_cast<std::size_t>(in.gcount()));

  try {
    const std::string output = command == "run"      ? optlab::run_scenario_json(text)
                               : command == "finals" ? optlab::final_positions_json(text, runs)
                                                     : optlab::request_json(command, text);
    std::cout << output << '\n' << std::flush;
    // A full disk or a closed pipe must not pass for success.
    if (!std::cout) {
      std::cerr << "optlab: cannot write the output: " << std::strerror(errno) << '\n';
      return 1;
    }
    return 0;
  } catch (const optlab::ScenarioError& e) {
    std::cerr << "optlab: " << e.what() << '\n';
    return kBadInput;
  }
}
