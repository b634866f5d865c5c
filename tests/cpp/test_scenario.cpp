// The scenario contract: every rejection names its field and allowed range;
// accepted scenarios produce the documented output.
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "core/limits.hpp"
#include "helpers.hpp"
#include "problems/least_squares.hpp"
#include "run/registry.hpp"
#include "scenario/requests.hpp"
#include "scenario/work.hpp"

using optlab::test::rejection;
using optlab::test::run_json;

namespace {

std::string with(const std::string& problem, const std::string& optimizer, const std::string& rest) {
  return R"({"problem":)" + problem + R"(,"optimizer":)" + optimizer + "," + rest + "}";
}
const std::string kQuad = R"({"kind":"quadratic1d","a":2})";
const std::string kGd = R"({"kind":"gd","lr":0.1})";
const std::string kRest = R"("w0":[1],"steps":5)";

}  // namespace

TEST_CASE("a minimal valid scenario runs") { CHECK(rejection(with(kQuad, kGd, kRest)) == ""); }

TEST_CASE("malformed JSON, NaN and Infinity are rejected as such") {
  CHECK(rejection("{").find("the scenario is not valid JSON") == 0);
  CHECK(rejection(R"({"problem": NaN})").find("not valid JSON") != std::string::npos);
  CHECK(rejection(R"({"steps": Infinity})").find("NaN and Infinity are not JSON") != std::string::npos);
  CHECK(rejection(R"({"steps": 1e999})") == "steps must be a finite number (got 1e999, beyond the range of a double)");
  CHECK(rejection(R"({"optimizer": {"kind": "gd", "lr": -1e400}})") ==
        "optimizer.lr must be a finite number (got -1e400, beyond the range of a double)");
  CHECK(rejection("[1,2]") == "scenario [0]: the scenario must be a JSON object (got 1)");
  CHECK(rejection(R"({"steps":1,"steps":2})") == "the scenario has the key \"steps\" twice in one object");
}

TEST_CASE("unknown fields are named, with the allowed ones") {
  CHECK(rejection(with(kQuad, kGd, kRest + R"(,"sed":1)")) ==
        "sed is not a field of the scenario (allowed: problem, optimizer, w0, steps, seed)");
  CHECK(rejection(with(kQuad, R"({"kind":"gd","lr":0.1,"beta":0.9})", kRest)) ==
        "optimizer.beta is not a field of gd (allowed: kind, lr)");
  CHECK(rejection(with(kQuad, R"({"kind":"gd","lr":0.1,"batch":2})", kRest)) ==
        "optimizer.batch is not a field of gd (allowed: kind, lr)");
  CHECK(rejection(with(R"({"kind":"quadratic1d","a":2,"b":1})", kGd, kRest)) ==
        "problem.b is not a field of quadratic1d (allowed: kind, a, c)");
  CHECK(rejection(with(kQuad, R"({"kind":"lbfgs","lr":1})", kRest)) ==
        "optimizer.lr is not a field of lbfgs (allowed: kind, memory)");
}

TEST_CASE("required fields and kinds") {
  CHECK(rejection(R"({"optimizer":{"kind":"gd","lr":1},"w0":[1],"steps":1})") == "problem is required");
  CHECK(rejection(with(kQuad, kGd, R"("w0":[1])")) == "steps is required: an integer from 0 to 20000");
  CHECK(rejection(with(R"({"a":2})", kGd, kRest)).find("problem.kind is required: one of quadratic1d") == 0);
  CHECK(rejection(with(R"({"kind":"cubic"})", kGd, kRest)) ==
        "problem.kind must be one of quadratic1d, quadratic, least_squares, double_well, rosenbrock, expression (got \"cubic\")");
  CHECK(rejection(with(kQuad, R"({"kind":"adamw","lr":1})", kRest)) ==
        "optimizer.kind must be one of gd, sgd, momentum, heavy_ball, nesterov, lbfgs, adagrad, rmsprop, adam (got \"adamw\")");
  CHECK(rejection(with(kQuad, R"({"kind":"gd"})", kRest)) ==
        "optimizer.lr is required: a finite number > 0 and <= 1000000");
  CHECK(rejection(with(R"({"kind":"quadratic1d"})", kGd, kRest)) ==
        "problem.a is required: a finite number > 0 and <= 1000000");
}

TEST_CASE("numbers out of range name the field and the range") {
  CHECK(rejection(with(kQuad, R"({"kind":"gd","lr":-1})", kRest)) ==
        "optimizer.lr must be a finite number > 0 and <= 1000000 (got -1)");
  CHECK(rejection(with(kQuad, R"({"kind":"gd","lr":0})", kRest)) ==
        "optimizer.lr must be a finite number > 0 and <= 1000000 (got 0)");
  CHECK(rejection(with(kQuad, R"({"kind":"gd","lr":"0.1"})", kRest)) ==
        "optimizer.lr must be a finite number > 0 and <= 1000000 (got \"0.1\")");
  CHECK(rejection(with(kQuad, R"({"kind":"momentum","lr":0.1,"beta":1})", kRest)) ==
        "optimizer.beta must be a finite number >= 0 and < 1 (got 1)");
  CHECK(rejection(with(kQuad, R"({"kind":"nesterov","lr":0.1,"beta":-0.1})", kRest)) ==
        "optimizer.beta must be a finite number >= 0 and < 1 (got -0.1)");
  CHECK(rejection(with(R"({"kind":"quadratic1d","a":-2})", kGd, kRest)) ==
        "problem.a must be a finite number > 0 and <= 1000000 (got -2)");
  CHECK(rejection(with(kQuad, kGd, R"("w0":[1],"steps":20001)")) ==
        "steps must be an integer from 0 to 20000 (got 20001)");
  CHECK(rejection(with(kQuad, kGd, R"("w0":[1],"steps":2.5)")) ==
        "steps must be an integer from 0 to 20000 (got 2.5)");
  CHECK(rejection(with(kQuad, kGd, R"("w0":[1],"steps":-1)")) ==
        "steps must be an integer from 0 to 20000 (got -1)");
  CHECK(rejection(with(kQuad, kGd, kRest + R"(,"seed":-3)")) ==
        "seed must be an integer from 0 to 9007199254740991 (got -3)");
  CHECK(rejection(with(kQuad, kGd, kRest + R"(,"seed":18446744073709551615)")) ==
        "seed must be an integer from 0 to 9007199254740991 (got 18446744073709551615)");
  CHECK(rejection(with(R"({"kind":"double_well","tilt":0.5})", kGd, R"("w0":[1],"steps":1)")) ==
        "problem.tilt must be a finite number with |value| <= 0.38 (got 0.5)");
  CHECK(rejection(with(R"({"kind":"quadratic","A":[[1]],"noise":-1})", kGd, kRest)) ==
        "problem.noise must be a finite number >= 0 and <= 1000 (got -1)");
  CHECK(rejection(with(kQuad, R"({"kind":"lbfgs","memory":0})", kRest)) ==
        "optimizer.memory must be an integer from 1 to 50 (got 0)");
  CHECK(rejection(with(R"({"kind":"least_squares","condition":0.5})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.condition must be a finite number >= 1 and <= 1000000 (got 0.5)");
}

TEST_CASE("w0 must match the problem's dimension and be finite") {
  CHECK(rejection(with(kQuad, kGd, R"("w0":[1,2],"steps":1)")) ==
        "w0 must have 1 number, one per dimension of quadratic1d (got 2)");
  CHECK(rejection(with(R"({"kind":"rosenbrock"})", kGd, R"("w0":[1],"steps":1)")) ==
        "w0 must have 2 numbers, one per dimension of rosenbrock (got 1)");
  CHECK(rejection(with(kQuad, kGd, R"("w0":["a"],"steps":1)")) ==
        "w0[0] must be a finite number with |value| <= 1000000 (got \"a\")");
  CHECK(rejection(with(kQuad, kGd, R"("w0":[1e7],"steps":1)")) ==
        "w0[0] must be a finite number with |value| <= 1000000 (got 10000000.0)");
  CHECK(rejection(with(kQuad, kGd, R"("w0":3,"steps":1)")) == "w0 must be an array of numbers (got 3)");
}

TEST_CASE("A must be square, symmetric and positive definite") {
  auto quad = [](const std::string& A) {
    return rejection(with(R"({"kind":"quadratic","A":)" + A + "}", kGd, R"("w0":[1,1],"steps":1)"));
  };
  CHECK(quad("[[1,2],[2,1]]") == "problem.A must be positive definite (its smallest eigenvalue is -1)");
  CHECK(quad("[[1,2],[3,4]]") == "problem.A must be symmetric (A[0][1] = 2 but A[1][0] = 3)");
  CHECK(quad("[[1,0,0],[0,1,0]]").find("problem.A must be a square array of d rows of d numbers") == 0);
  CHECK(quad("[[1,0],[0]]") == "problem.A[1] must have 2 numbers like problem.A[0] (got 1)");
  CHECK(quad("[]").find("problem.A must be a square array") == 0);
  CHECK(quad("[[0,0],[0,0]]").find("problem.A must be positive definite") == 0);
  CHECK(rejection(with(R"({"kind":"quadratic","A":[[1,0],[0,1]],"c":[1]})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.c must have 2 numbers, one per row of problem.A (got 1)");
  std::string big = "[";
  for (int i = 0; i < 11; ++i) big += std::string(i ? "," : "") + "[1]";
  CHECK(quad(big + "]").find("problem.A must be a square array of d rows of d numbers, 1 <= d <= 10") == 0);
}

TEST_CASE("batch must fit the finite sum, and stochastic rules need stochastic problems") {
  const std::string well = R"({"kind":"double_well","n":8})";
  CHECK(rejection(with(well, R"({"kind":"sgd","lr":0.1,"batch":9})", R"("w0":[1],"steps":1)")) ==
        "optimizer.batch must be an integer from 1 to 8 (n of the problem) (got 9)");
  CHECK(rejection(with(well, R"({"kind":"sgd","lr":0.1,"batch":0})", R"("w0":[1],"steps":1)")) ==
        "optimizer.batch must be an integer from 1 to 8 (n of the problem) (got 0)");
  CHECK(rejection(with(kQuad, R"({"kind":"momentum","lr":0.1,"batch":2})", kRest)) ==
        "optimizer.batch needs a finite-sum problem (least_squares, double_well); quadratic1d is not one");
  CHECK(rejection(with(kQuad, R"({"kind":"sgd","lr":0.1})", kRest)).find("optimizer.kind sgd needs stochastic gradients") == 0);
  CHECK(rejection(with(R"({"kind":"quadratic","A":[[1]],"noise":1})", R"({"kind":"lbfgs"})", kRest)) ==
        "optimizer.kind lbfgs needs exact gradients: problem.noise must be 0 (got 1)");
  CHECK(rejection(with(R"({"kind":"double_well","n":10000})", R"({"kind":"sgd","lr":0.1,"batch":10000})",
                       R"("w0":[1],"steps":201)")) ==
        "optimizer.batch times steps must be <= 2000000 (got 10000 x 201)");
}

TEST_CASE("least squares data: inline or generated, never both, and consistent") {
  CHECK(rejection(with(R"({"kind":"least_squares","X":[[1,2]],"y":[1],"n":3})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.n is not a field of least_squares with inline data (X, y) (allowed: kind, X, y)");
  CHECK(rejection(with(R"({"kind":"least_squares","X":[[1,2]]})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.y is required");
  CHECK(rejection(with(R"({"kind":"least_squares","X":[[1,2],[3,4]],"y":[1]})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.y must have 2 numbers, one per row of problem.X (got 1)");
  CHECK(rejection(with(R"({"kind":"least_squares","n":0})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.n must be an integer from 1 to 10000 (got 0)");
  CHECK(rejection(with(R"({"kind":"least_squares","dim":11})", kGd, R"("w0":[1,1],"steps":1)")) ==
        "problem.dim must be an integer from 1 to 10 (got 11)");
}

TEST_CASE("the output: documented keys in order, w0 first, numbers that round-trip") {
  const std::string text = optlab::run_scenario_json(
      R"({"problem":{"kind":"double_well"},"optimizer":{"kind":"sgd","lr":0.1,"batch":2},"w0":[0.1],"steps":4,"seed":11})");
  const char* keys[] = {"\"problem\"", "\"optimizer\"", "\"dim\"", "\"steps\"", "\"seed\"", "\"w\"", "\"loss\"",
                        "\"grad_norm\"", "\"w_avg\"", "\"batches\"", "\"diverged_at\"", "\"stopped_at\"",
                        "\"stop_reason\"", "\"regime\"", "\"rate\"", "\"optimum\""};
  std::size_t at = 0;
  for (const char* key : keys) {
    const auto found = text.find(key, at);
    CHECK_MESSAGE(found != std::string::npos, key);
    at = found;
  }
  const auto out = nlohmann::ordered_json::parse(text);
  CHECK(out["w"][0][0].get<double>() == 0.1);
  CHECK(out["w"].size() == 5);
  CHECK(out["loss"].size() == 5);
  CHECK(out["grad_norm"].size() == 5);
  CHECK(out["w_avg"].size() == 4);
  CHECK(out["batches"].size() == 4);
  // Shortest round-trip printing: reparsing gives the same doubles, so
  // dumping again gives the same text.
  CHECK(out.dump() == text);
  CHECK(text.find("0.1]") != std::string::npos);
}

TEST_CASE("steps = 0 gives only w0") {
  const auto out = run_json(with(kQuad, kGd, R"("w0":[1],"steps":0)"));
  CHECK(out["w"].size() == 1);
  CHECK(out["w_avg"].empty());
}

TEST_CASE("every shared scenario file parses and runs") {
  for (const char* name : {"quadratic1d-regimes.json", "bowl-momentum.json", "bowl-noise.json",
                           "least-squares-sgd.json", "double-well-sgd.json", "rosenbrock-lbfgs.json"}) {
    CAPTURE(name);
    const auto list = optlab::Json::parse(optlab::test::read_file(optlab::test::scenario_path(name)));
    REQUIRE(list.is_array());
    for (const auto& scenario : list) CHECK(rejection(scenario.dump()) == "");
  }
}

// Hostile documents are refused in one linear pass, before any of them is
// kept: no recursion, no allocation beyond the contract's own sizes.
TEST_CASE("documents too deep, too long, too wide or too large are refused before they are built") {
  using namespace optlab::limits;
  // 100,000 levels: refused at the seventh, without recursing.
  CHECK(rejection(std::string(100000, '[') + std::string(100000, ']')) ==
        "[0][0][0][0][0][0] nests more than 6 levels deep: a scenario nests at most 4 (problem.X[i][j])");
  CHECK(rejection(R"({"problem":{"X":[[[[[1]]]]]}})") ==
        "problem.X[0][0][0][0] nests more than 6 levels deep: a scenario nests at most 4 (problem.X[i][j])");
  std::string longest = R"({"w0":[)";
  for (int i = 0; i <= kMaxArrayLength; ++i) longest += i ? ",1" : "1";
  CHECK(rejection(longest + "]}") == "w0 has more than 10000 entries: no array of a scenario is longer");
  std::string rows = R"({"problem":{"kind":"least_squares","X":[[1],[)";
  for (int i = 0; i <= kMaxArrayLength; ++i) rows += i ? ",1" : "1";
  CHECK(rejection(rows + "]]}}") == "problem.X[1] has more than 10000 entries: no array of a scenario is longer");
  std::string wide = "{";
  for (int i = 0; i <= kMaxObjectFields; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  CHECK(rejection(wide + "}") == "k32 has more than 32 fields: no object of a scenario has so many");
  CHECK(rejection(std::string(kMaxDocumentBytes + 1, ' ')) ==
        "the scenario has more than 8388608 bytes (8 MiB), the most a scenario may have");
}

TEST_CASE("the values of a document are counted across its arrays") {
  using namespace optlab::limits;
  // 25 arrays of 10,000 numbers: each within the longest, together over kMaxValues.
  std::string text = R"({"a":[)";
  for (int row = 0; row < 25; ++row) {
    text += row ? ",[" : "[";
    for (int i = 0; i < kMaxArrayLength; ++i) text += i ? ",0" : "0";
    text += "]";
  }
  CHECK(rejection(text + "]}") == "the scenario has more than 240000 values: no scenario needs so many");
}

// The time limit is not a benchmark: a linear parse of these documents
// takes a fraction of a second here, native or wasm, while a parser that
// rescans the parent container at each object's end (quadratic) needs
// minutes for two million objects.
TEST_CASE("a document's parse time is linear: two million empty objects, the most a document may hold, then the contract's largest document" *
          doctest::timeout(10)) {
  std::string million = R"({"zz":[)";
  for (int i = 0; i < 2000000; ++i) million += i ? ",{}" : "{}";
  CHECK(rejection(million + "]}") == "zz has more than 10000 entries: no array of a scenario is longer");
  std::string objects = R"({"zz":[)";
  const int rows = static_cast<int>(optlab::limits::kMaxValues / optlab::limits::kMaxArrayLength) - 1;
  for (int row = 0; row < rows; ++row) {
    objects += row ? ",[" : "[";
    for (int i = 0; i < optlab::limits::kMaxArrayLength; ++i) objects += i ? ",{}" : "{}";
    objects += "]";
  }
  CHECK(rejection(objects + "]}").find("zz is not a field of the scenario") == 0);
  // least squares with n = 10,000 rows of 10 numbers is valid, and runs.
  std::string X = "[", y = "[";
  for (int i = 0; i < optlab::limits::kMaxExamples; ++i) {
    X += std::string(i ? ",[" : "[") + "0.5,-0.25,1,2,3,4,5,6,7,8]";
    y += i ? ",1" : "1";
  }
  const std::string scenario = R"({"problem":{"kind":"least_squares","X":)" + X + R"(],"y":)" + y +
                               R"(]},"optimizer":{"kind":"gd","lr":0.001},"w0":[0,0,0,0,0,0,0,0,0,0],"steps":2})";
  CHECK(rejection(scenario) == "");
}

TEST_CASE("messages quote keys and values safely: control characters escaped, UTF-8 cut between characters") {
  CHECK(rejection(std::string("{\"a\\u0000b\":1}")) ==
        "a\\u0000b is not a field of the scenario (allowed: problem, optimizer, w0, steps, seed)");
  CHECK(rejection("{\"\\u001b[31mred\":1}") ==
        "\\u001B[31mred is not a field of the scenario (allowed: problem, optimizer, w0, steps, seed)");
  std::string accents;
  for (int i = 0; i < 30; ++i) accents += "\xC3\xA9";  // é
  const std::string message = rejection(with(kQuad, kGd, R"("w0":[1],"steps":")" + accents + R"(")"));
  CHECK(message.find("steps must be an integer") == 0);
  // The quoted value is whole characters: 18 é after the quote, then "...".
  CHECK(message.find("(got \"" + accents.substr(0, 36) + "...)") != std::string::npos);
  CHECK(rejection(R"({"problem":{"kind":"\u009b31m"}})").find("\\u009B31m") != std::string::npos);
}

TEST_CASE("work: every call counts its work first and refuses more than limits::kMaxWork, naming what to lower") {
  const std::string big = R"({"kind":"least_squares","n":10000,"dim":10,"condition":5,"data_seed":1})";
  // f and ∇f of 10,000 examples in 10 dimensions are 10^5 units each: a
  // step of SGD (B = 1) 2·10^5 + 22 units (the draw of the example 2, its
  // gradient 10, the update 10), so at most 19,997 steps.
  const std::string sgd = R"({"kind":"sgd","lr":0.001})";
  const std::string w0 = R"("w0":[0,0,0,0,0,0,0,0,0,0])";
  CHECK(rejection(with(big, sgd, w0 + R"(,"steps":20000)")) ==
        "steps must be at most 19997 here: steps × work units per step = 20000 × 200022 = 4.00044e+09 work units, "
        "over the limit of 4e+09 per call (a few seconds of one core)");
  const auto s = optlab::parse_scenario(with(big, sgd, w0 + R"(,"steps":19997)"));
  CHECK(optlab::run_work(*s.problem, s.optimizer, s.steps) <= optlab::limits::kMaxWork);
  // L-BFGS is charged for every trial point of its line search.
  CHECK(rejection(with(big, R"({"kind":"lbfgs"})", w0 + R"(,"steps":1000)")).find("steps must be at most 476 here") == 0);
  // optlab finals: runs × the work of a run.
  const std::string finals = with(big, sgd, w0 + R"(,"steps":200)");
  std::string message;
  try {
    optlab::final_positions_json(finals, 100000);
  } catch (const optlab::ScenarioError& e) {
    message = e.what();
  }
  CHECK(message == "runs must be at most 99 here: runs × work units per run = 100000 × 4.00044e+07 = 4.00044e+12 work units, "
                   "over the limit of 4e+09 per call (a few seconds of one core)");
  CHECK(optlab::Json::parse(optlab::final_positions_json(finals, 3))["runs"] == 3);
  // What the lecture's figures ask for is far below it.
  const std::string well = R"({"kind":"double_well","n":16})";
  const auto annealing = optlab::parse_scenario(with(well, R"({"kind":"sgd","lr":0.1,"batch":16})", R"("w0":[0.8],"steps":5000)"));
  CHECK(2000 * optlab::run_work(*annealing.problem, annealing.optimizer, annealing.steps) < optlab::limits::kMaxWork / 5);
  // The work of one step follows the problem: d² for a quadratic's A(w − c).
  const auto bowl = optlab::parse_scenario(with(R"({"kind":"quadratic","A":[[2,0],[0,1]],"c":[0,0]})", kGd, R"("w0":[1,1],"steps":10)"));
  CHECK(optlab::step_work(*bowl.problem, bowl.optimizer) == 4 + 2 * 4 + 2);
}

TEST_CASE("printable: controls and bytes that are not UTF-8 are escaped, every character of UTF-8 is kept") {
  using optlab::printable;
  CHECK(printable("a\x1b[2Jb") == "a\\u001B[2Jb");
  CHECK(printable(std::string("a\0b", 3)) == "a\\u0000b");
  CHECK(printable("\x7f") == "\\u007F");
  CHECK(printable("\xC2\x9B" "2J") == "\\u009B2J");           // C1 CSI as UTF-8
  CHECK(printable("a\x9b" "2J") == "a\\x9B2J");                // C1 CSI as a raw byte
  CHECK(printable("\xC0\x80") == "\\xC0\\x80");                // overlong NUL
  CHECK(printable("\xED\xA0\x80") == "\\xED\\xA0\\x80");       // a surrogate
  CHECK(printable("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(printable("\xE2\x82") == "\\xE2\\x82");                // cut short
  CHECK(printable("\xC3\xA9 \xED\x95\x9C \xF0\x9F\x98\x80 \xC2\xA0") == "\xC3\xA9 \xED\x95\x9C \xF0\x9F\x98\x80 \xC2\xA0");
}

TEST_CASE("the registry: every optimizer parses from its name, lr and defaults, runs, and names itself in the output") {
  const std::string problem = R"({"kind":"least_squares","n":8,"dim":2})";
  for (const auto& o : optlab::optimizers()) {
    CHECK(optlab::find_optimizer(o.name) == &o);
    CHECK(static_cast<bool>(o.run));
    std::string fields = R"({"kind":")" + o.name + "\"";
    if (o.step_size) fields += R"(,"lr":0.05)";
    fields += "}";
    const std::string scenario = with(problem, fields, R"("w0":[1,1],"steps":5)");
    CAPTURE(scenario);
    REQUIRE(rejection(scenario) == "");
    const auto out = run_json(scenario);
    CHECK(out["optimizer"] == o.name);
    CHECK(out["loss"].size() >= 2);  // L-BFGS may stop early, at the solution
    // Each parameter at its default, and refused just outside its range.
    const auto s = optlab::parse_scenario(scenario);
    for (std::size_t i = 0; i < o.params.size(); ++i) {
      CHECK(s.optimizer.values[i] == *o.params[i].default_value);
      const double outside = o.params[i].hi_open ? o.params[i].hi : o.params[i].hi + 1;
      const std::string key = "\"" + o.params[i].name + "\":" + optlab::format_number(outside);
      CHECK(rejection(with(problem, fields.substr(0, fields.size() - 1) + "," + key + "}", R"("w0":[1,1],"steps":5)"))
                .find("optimizer." + o.params[i].name + " must be") == 0);
    }
  }
  CHECK(optlab::find_optimizer("adamw") == nullptr);
  CHECK_THROWS_AS(optlab::optimizer_spec("momentum", 0.1, 0, {{"gamma", 1}}), std::logic_error);
  CHECK(optlab::optimizer_spec("nesterov", 0.1, 0, {{"beta", 0.5}}).param("beta") == 0.5);
  CHECK(optlab::optimizer_spec("heavy_ball", 0.1).param("beta") == 0.9);
}

TEST_CASE("the requests: one parser per verb, for the CLI and the wasm module, with the scenario's messages") {
  const auto refused = [](const std::string& verb, const std::string& request) {
    try {
      optlab::request_json(verb, request);
    } catch (const optlab::ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string grid = R"("eigenvalues":[1,5],"lr":[0.01,1],"nLr":4,"beta":[0,0.9],"nBeta":3)";
  const optlab::Json map = optlab::Json::parse(optlab::request_json("rate_map", "{" + grid + "}"));
  REQUIRE(map["rate"].size() == 12);
  CHECK(map["lr"][0] == 0.01);
  CHECK(map["lr"][3] == 1.0);
  CHECK(map["beta"][2] == 0.9);
  optlab::Vector eigenvalues(2);
  eigenvalues << 1, 5;
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 4; ++i)
      CHECK(map["rate"][j * 4 + i].get<double>() ==
            optlab::momentum_rate(map["lr"][i].get<double>(), map["beta"][j].get<double>(), eigenvalues));
  CHECK(refused("rate_map", R"({"eigenvalues":[1,5],"lr":[0.01,1],"nLr":4,"beta":[0,1],"nBeta":3})") ==
        "beta[1] must be a finite number >= 0 and < 1 (got 1)");
  CHECK(refused("rate_map", R"({"eigenvalues":[],"lr":[0.01,1],"nLr":4,"beta":[0,0.9],"nBeta":3})") ==
        "eigenvalues must have from 1 to 10 numbers (got 0)");
  CHECK(refused("rate_map", "{" + grid + R"(,"steps":10})") ==
        "steps is not a field of a rate_map request (allowed: eigenvalues, lr, nLr, beta, nBeta)");
  CHECK(refused("simulated_rate_map", "{" + grid + R"(,"steps":1})") == "steps must be an integer from 2 to 20000 (got 1)");
  CHECK(refused("rate_map", R"({"eigenvalues":[1],"lr":[0.01,1],"nLr":4096,"beta":[0,0.9],"nBeta":4096})") ==
        "nLr × nBeta must be at most 1048576 cells (got 16777216)");
  CHECK(refused("grid", R"({"problem":{"kind":"rosenbrock"},"x":[-1,1],"nx":4096.5,"y":[0,1],"ny":2})") ==
        "nx must be an integer from 2 to 4096 (got 4096.5)");
  // The same checks for a number another front end has read.
  CHECK_THROWS_WITH(optlab::check_integer(0.5, "runs", 1, 9), "runs must be an integer from 1 to 9 (got 0.5)");
  CHECK_THROWS_WITH(optlab::check_number(std::nan(""), "lr", optlab::Range{0, 1, true}), "lr must be a finite number > 0 and <= 1 (got NaN)");
  CHECK_THROWS_WITH(optlab::check_length("w", 11, 1, 10), "w must have from 1 to 10 numbers (got 11)");
}

TEST_CASE("the batch_noise request: batch_gradients' fields, at least two draws, the statistics out") {
  const std::string problem = R"({"kind":"least_squares","n":12,"dim":2,"data_seed":2})";
  const auto message = [](const std::string& request) {
    try {
      optlab::request_json("batch_noise", request);
    } catch (const optlab::ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const optlab::Json out = optlab::Json::parse(optlab::request_json(
      "batch_noise", R"({"problem":)" + problem + R"(,"w":[0.7,-1.3],"batch":3,"seed":9,"draws":40})"));
  CHECK(out["dim"] == 2);
  CHECK(out["draws"] == 40);
  CHECK(out["mean"].size() == 2);
  for (const char* key : {"sigma2", "law", "measured", "standard_error"}) CHECK(out[key].get<double>() > 0.0);
  CHECK(message(R"({"problem":)" + problem + R"(,"w":[0.7,-1.3],"batch":3,"draws":1})") ==
        "draws must be an integer from 2 to " + std::to_string(optlab::limits::kMaxRuns) + " (got 1)");
  CHECK(message(R"({"problem":)" + problem + R"(,"w":[0.7,-1.3],"batch":13,"draws":4})") ==
        "batch must be an integer from 1 to 12 (n of the problem) (got 13)");
  CHECK(message(R"({"problem":)" + problem + R"(,"w":[0.7,-1.3],"batch":3,"draws":4,"gradients":1})").find("gradients") !=
        std::string::npos);
  CHECK(message(R"({"problem":{"kind":"rosenbrock"},"w":[0,0],"batch":1,"draws":4})").find("problem.kind must be a finite sum") == 0);
  // batch_gradients still takes a single draw.
  CHECK_NOTHROW(optlab::request_json("batch_gradients", R"({"problem":)" + problem + R"(,"w":[0.7,-1.3],"batch":3,"draws":1})"));
}

TEST_CASE("the data request: a least-squares problem's examples, those its data_seed generates or those given inline") {
  const optlab::Json out = optlab::Json::parse(optlab::request_json(
      "data", R"({"problem":{"kind":"least_squares","n":32,"dim":2,"condition":5,"noise":0.5,"data_seed":1}})"));
  const auto ls = optlab::LeastSquares::generate(32, 2, 5, 0.5, 1);
  REQUIRE(out["n"] == 32);
  REQUIRE(out["dim"] == 2);
  REQUIRE(out["X"].size() == 32);
  for (int i = 0; i < 32; ++i) {
    CHECK(out["y"][static_cast<std::size_t>(i)].get<double>() == ls.y()[i]);
    for (int j = 0; j < 2; ++j) CHECK(out["X"][static_cast<std::size_t>(i)][static_cast<std::size_t>(j)].get<double>() == ls.X()(i, j));
  }
  // Inline data comes back as given, so X and y fed back in are the same problem.
  const optlab::Json inline_data = optlab::Json::parse(
      optlab::request_json("data", R"({"problem":{"kind":"least_squares","X":[[1,2],[3,4],[5,7]],"y":[1,0.5,-2]}})"));
  CHECK(inline_data["X"] == optlab::Json::parse("[[1,2],[3,4],[5,7]]"));
  CHECK(inline_data["y"] == optlab::Json::parse("[1,0.5,-2]"));
  CHECK_THROWS_WITH(optlab::request_json("data", R"({"problem":{"kind":"rosenbrock"}})"),
                    "problem.kind must be least_squares (got rosenbrock)");
  CHECK_THROWS_WITH(optlab::request_json("data", R"({"problem":{"kind":"least_squares"},"w":[0,0]})"),
                    "w is not a field of a data request (allowed: problem)");
}
