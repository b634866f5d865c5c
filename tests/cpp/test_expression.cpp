// A typed function: what the reader takes and refuses (with the position
// and the words a person needs), values and gradients against hand-written
// formulas, where it is undefined, and runs on it through the scenario.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/limits.hpp"
#include "expression/expression.hpp"
#include "helpers.hpp"
#include "problems/expression.hpp"
#include "problems/quadratic.hpp"
#include "run/run.hpp"
#include "scenario/requests.hpp"

using optlab::ExprError;
using optlab::parse_expression;

namespace {

optlab::Expression must(const std::string& text) {
  auto parsed = parse_expression(text);
  REQUIRE_MESSAGE(parsed.expression, text << ": " << optlab::describe(parsed.error));
  return *parsed.expression;
}

ExprError refused(const std::string& text) {
  auto parsed = parse_expression(text);
  REQUIRE_MESSAGE(!parsed.expression, text << " was accepted");
  return parsed.error;
}

double at(const std::string& text, double x, double y) { return must(text).value(x, y); }

bool close(double a, double b, double tolerance = 1e-14) {
  return std::fabs(a - b) <= tolerance * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

}  // namespace

TEST_CASE("expression: numbers, operators and precedence as mathematics writes them") {
  CHECK(at("1 + 2*3", 0, 0) == 7.0);
  CHECK(at("-x^2", 3, 0) == -9.0);        // ^ before the sign
  CHECK(at("2^3^2", 0, 0) == 512.0);      // right-associative
  CHECK(at("2^-1", 0, 0) == 0.5);
  CHECK(at("(x - 1)*(y + 2)", 3, 1) == 6.0);
  CHECK(at("x/y/2", 8, 2) == 2.0);        // left-associative
  CHECK(at("x - y - 1", 8, 2) == 5.0);
  CHECK(at("--x", 4, 0) == 4.0);
  CHECK(at("+x", 4, 0) == 4.0);
  CHECK(at("1.5e2 + .5 + 2E-1", 0, 0) == 150.7);
  CHECK(at("w1*w2", 3, 4) == 12.0);
  CHECK(at("w\u2081 \u2212 w\u2082", 3, 4) == -1.0);     // w₁ − w₂
  CHECK(at("x\u00b2 \u00d7 y\u00b3", 2, 3) == 108.0);    // x² × y³
  CHECK(at("6 \u00f7 x \u00b7 2", 3, 0) == 4.0);        // 6 ÷ x · 2
  CHECK(at("\u03c0", 0, 0) == at("pi", 0, 0));
  CHECK(at("e", 0, 0) == 2.718281828459045);
  CHECK(at("pi", 0, 0) == 3.141592653589793);
  CHECK(at("min(x, y) + max(x, y)", 2, 5) == 7.0);
  CHECK(at("abs(x)", -2.5, 0) == 2.5);
  CHECK(at("sqrt(x)", 9, 0) == 3.0);
}

TEST_CASE("expression: values and gradients against hand-written formulas") {
  const auto rosenbrock = must("(1 - x)^2 + 100*(y - x^2)^2");
  for (double x : {-1.5, -0.3, 0.0, 0.7, 1.0, 2.2})
    for (double y : {-1.0, 0.0, 0.5, 2.0}) {
      double g1, g2;
      const double f = rosenbrock.value_gradient(x, y, g1, g2);
      CHECK(close(f, (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)));
      CHECK(close(g1, -2 * (1 - x) - 400 * x * (y - x * x), 1e-13));
      CHECK(close(g2, 200 * (y - x * x), 1e-13));
      CHECK(rosenbrock.value(x, y) == f);  // the value alone is the same number
    }
  const auto smooth = must("sin(x)*cos(y) + tanh(x*y) + exp(-x^2) + log(1 + y^2) + x^y + tan(x)");
  for (double x : {0.3, 0.9, 1.4})
    for (double y : {-0.8, 0.2, 1.1}) {
      double g1, g2;
      smooth.value_gradient(x, y, g1, g2);
      const double t = std::tanh(x * y);
      const double c = 1 / std::cos(x);
      const double want1 = std::cos(x) * std::cos(y) + (1 - t * t) * y - 2 * x * std::exp(-x * x) +
                           y * std::pow(x, y - 1) + c * c;
      const double want2 = -std::sin(x) * std::sin(y) + (1 - t * t) * x + 2 * y / (1 + y * y) +
                           std::pow(x, y) * std::log(x);
      CHECK(close(g1, want1, 1e-13));
      CHECK(close(g2, want2, 1e-13));
    }
  double g1, g2;
  must("abs(x) + min(x, y) + max(2*x, y)").value_gradient(-1, 3, g1, g2);
  CHECK(g1 == -1.0 + 1.0 + 0.0);
  CHECK(g2 == 0.0 + 0.0 + 1.0);
  must("x^3 + x^0 + 5").value_gradient(2, 0, g1, g2);
  CHECK(g1 == 12.0);
  CHECK(g2 == 0.0);
}

TEST_CASE("expression: the lecture's bowl typed gives the quadratic problem's trajectory, bit for bit") {
  // ∇(½x² + 2.5y²) by the chain rule is (x, 5y) exactly, as A w is.
  const auto typed = optlab::test::run_json(
      R"J({"problem":{"kind":"expression","f":"0.5*x^2 + 2.5*y^2"},"optimizer":{"kind":"momentum","lr":0.1,"beta":0.9},"w0":[1,1],"steps":200})J");
  const auto matrix = optlab::test::run_json(
      R"J({"problem":{"kind":"quadratic","A":[[1,0],[0,5]]},"optimizer":{"kind":"momentum","lr":0.1,"beta":0.9},"w0":[1,1],"steps":200})J");
  CHECK(typed["w"] == matrix["w"]);
  CHECK(typed["grad_norm"] == matrix["grad_norm"]);
  for (std::size_t k = 0; k < typed["loss"].size(); ++k)
    CHECK(close(typed["loss"][k].get<double>(), matrix["loss"][k].get<double>(), 1e-15));
}

TEST_CASE("expression: refusals say where, what was expected, and what was probably meant") {
  auto e = refused("sin(x))");
  CHECK(e.code == "unexpected");
  CHECK(e.column == 7);
  CHECK(e.found == ")");
  CHECK(optlab::describe(e) == "unexpected ')' at column 7; expected an operator or the end");

  e = refused("sinn(x)");
  CHECK(optlab::describe(e) == "unknown function 'sinn' at column 1; did you mean 'sin'?");
  CHECK(refused("ln(x)").suggestion == "log");
  CHECK(refused("foo(x)").suggestion == "");
  CHECK(optlab::describe(refused("x + z")) == "unknown name 'z' at column 5; the variables are x and y (or w1 and w2)");
  CHECK(refused("sinh(x)").suggestion == "sin");
  CHECK(refused("sqr(x)").suggestion == "sqrt");
  CHECK(refused("exq(x)").suggestion == "exp");
  CHECK(refused("sqrtt(x)").suggestion == "sqrt");

  e = refused("2x");
  CHECK(e.code == "unexpected");
  CHECK(e.column == 2);
  CHECK(e.times);
  CHECK(optlab::describe(e) == "unexpected 'x' at column 2; expected an operator or the end (write * to multiply)");
  CHECK(refused("(x)(y)").times);
  CHECK(refused("2e").column == 2);  // an exponent needs digits: this is 2 and e
  CHECK(refused("max(x y)").expected == "operator_comma_or_close");
  CHECK(refused("(x + 1").expected == "operator_or_close");

  e = refused("x +");
  CHECK(e.column == 4);
  CHECK(e.found == "");
  CHECK(optlab::describe(e) == "unexpected end of the function at column 4; expected a number, a variable, a function or '('");
  CHECK(refused("*x").expected == "operand");

  CHECK(refused("").code == "empty");
  CHECK(refused(" \t ").code == "empty");
  e = refused("max(x)");
  CHECK(optlab::describe(e) == "'max' at column 1 takes 2 arguments, not 1");
  CHECK(refused("sin(x, y)").count == 2);
  CHECK(optlab::describe(refused("sin + 1")) == "'sin' at column 1 is a function: write sin(…)");
  CHECK(optlab::describe(refused("x(2)")) == "'x' at column 1 is not a function: a * is missing");
  CHECK(optlab::describe(refused("1e999 + x")) == "the number '1e999' at column 1 is too large");
  CHECK(optlab::describe(refused("x $ y")) == "unexpected character '$' at column 3");
  // Columns count characters, not bytes: γ is two bytes of UTF-8.
  CHECK(refused("\u03b3 + x").column == 1);
  CHECK(refused("x\u00b2 + \u03b3").column == 6);
  CHECK(refused("x + \xff").code == "bad_text");
  CHECK(refused("x + \xff").column == 5);
  CHECK(refused("x + \xed\xa0\x80").code == "bad_text");  // a surrogate
  CHECK(refused("x + \xc0\xaf").code == "bad_text");      // an overlong '/'
  CHECK(refused("x + \xe2\x88").code == "bad_text");      // cut short
}

TEST_CASE("expression: limits on length, nesting and size") {
  using namespace optlab::limits;
  std::string longest(static_cast<std::size_t>(kMaxExpressionLength), ' ');
  longest[0] = 'x';
  must(longest);
  CHECK(refused(longest + " ").code == "too_long");
  CHECK(refused(longest + " ").limit == kMaxExpressionLength);
  // Multi-byte characters count once.
  std::string wide;
  for (int i = 0; i < kMaxExpressionLength; ++i) wide += i == 0 ? "x" : "\u00a0";
  must(wide);

  const auto nested = [](int n) { return std::string(static_cast<std::size_t>(n), '(') + "x" + std::string(static_cast<std::size_t>(n), ')'); };
  must(nested(kMaxExpressionDepth));
  CHECK(refused(nested(kMaxExpressionDepth + 1)).code == "too_deep");
  CHECK(refused(std::string(40, '-') + "x").code == "too_deep");
  std::string tower = "x";
  for (int i = 0; i < 40; ++i) tower += "^x";
  CHECK(refused(tower).code == "too_deep");
  std::string calls = "x";
  for (int i = 0; i < 40; ++i) calls = "sin(" + calls + ")";
  CHECK(refused(calls).code == "too_deep");

  std::string sum = "x";
  while (sum.size() + 2 <= static_cast<std::size_t>(kMaxExpressionLength)) sum += "+x";
  CHECK(refused(sum).code == "too_many_nodes");
  // Numbers fold: a long sum of constants is one number.
  std::string constants = "1";
  while (constants.size() + 2 <= static_cast<std::size_t>(kMaxExpressionLength)) constants += "+1";
  CHECK(must(constants).program().size() == 1);
}

TEST_CASE("expression: where f or its gradient is undefined, NaN and the reason") {
  optlab::ExprUndefined why;
  double g1, g2;
  CHECK(std::isnan(must("y + log(x)").value(-1, 0, &why)));
  CHECK(why.what == "log");
  CHECK(why.column == 5);
  CHECK(optlab::describe(why) == "log of a number <= 0 at column 5");
  why = {};
  CHECK(std::isnan(must("sqrt(x)").value(-1, 0, &why)));
  CHECK(why.what == "sqrt");
  why = {};
  CHECK(std::isnan(must("1/x").value(0, 0, &why)));
  CHECK(why.what == "division");
  why = {};
  CHECK(std::isnan(must("x^-2").value(0, 0, &why)));
  CHECK(why.what == "division");
  why = {};
  CHECK(std::isnan(must("x^0.5").value(-4, 0, &why)));
  CHECK(why.what == "power");
  CHECK(must("x^0.5").value(4, 0) == 2.0);
  CHECK(must("x^y").value(-2, 3) == -8.0);  // a whole exponent at run time
  why = {};
  CHECK(std::isnan(must("x^y").value_gradient(-2, 3, g1, g2, &why)));  // but no slope along y
  CHECK(why.what == "power");
  CHECK(must("x^y").value(0, 2) == 0.0);

  // √x at 0 has a value but no slope; the cone √(x² + y²) at its tip
  // gets 0, a subgradient: its inner function is flat there.
  why = {};
  CHECK(must("sqrt(x)").value(0, 0, &why) == 0.0);
  CHECK(why.what.empty());
  CHECK(std::isnan(must("sqrt(x)").value_gradient(0, 0, g1, g2, &why)));
  CHECK(std::isnan(g1));
  CHECK(why.what == "sqrt_gradient");
  why = {};
  CHECK(must("sqrt(x^2 + y^2)").value_gradient(0, 0, g1, g2, &why) == 0.0);
  CHECK(g1 == 0.0);
  CHECK(why.what.empty());
  why = {};
  CHECK(must("sqrt(x^4)").value_gradient(0, 0, g1, g2, &why) == 0.0);
  CHECK(g1 == 0.0);
  CHECK(why.what.empty());
  why = {};
  CHECK(std::isnan(must("x^0.5").value_gradient(0, 1, g1, g2, &why)));
  CHECK(why.what == "power_gradient");
}

TEST_CASE("expression: a run that reaches an undefined point stops there, saying why; a start there is refused") {
  const auto out = optlab::test::run_json(
      R"J({"problem":{"kind":"expression","f":"(x - 3)^2 + log(x) + y^2"},"optimizer":{"kind":"gd","lr":2},"w0":[1,1],"steps":20})J");
  CHECK(out["stop_reason"] == "undefined");
  CHECK(out["stopped_at"] == 1);
  CHECK(out["diverged_at"].is_null());
  CHECK(out["undefined"]["what"] == "log");
  CHECK(out["undefined"]["column"] == 13);
  CHECK(out["undefined"]["message"] == "log of a number <= 0 at column 13");
  CHECK(out["loss"].size() == 2);
  for (const auto& l : out["loss"]) CHECK(std::isfinite(l.get<double>()));

  const auto power = optlab::test::run_json(
      R"J({"problem":{"kind":"expression","f":"x^0.5 + y^2"},"optimizer":{"kind":"gd","lr":1},"w0":[1,1],"steps":20})J");
  CHECK(power["stop_reason"] == "undefined");
  CHECK(power["stopped_at"] == 1);
  CHECK(power["undefined"]["what"] == "power");

  const auto fine = optlab::test::run_json(
      R"J({"problem":{"kind":"expression","f":"x^2 + y^2"},"optimizer":{"kind":"gd","lr":0.1},"w0":[1,1],"steps":5})J");
  CHECK(fine["undefined"].is_null());
  CHECK(fine["stop_reason"].is_null());

  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":"log(x)"},"optimizer":{"kind":"gd","lr":0.1},"w0":[-1,0],"steps":5})J") ==
        "w0: f is undefined at (-1, 0): log of a number <= 0 at column 1");
  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":"exp(x)"},"optimizer":{"kind":"gd","lr":0.1},"w0":[1000,0],"steps":5})J") ==
        "w0: f or its gradient overflows at (1000, 0)");
  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":"sin(x))"},"optimizer":{"kind":"gd","lr":0.1},"w0":[0,0],"steps":5})J") ==
        "problem.f: unexpected ')' at column 7; expected an operator or the end");
  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":3},"optimizer":{"kind":"gd","lr":0.1},"w0":[0,0],"steps":5})J") ==
        "problem.f must be a function of x and y as text, e.g. \"x^2 + 5*y^2\" (got 3)");
  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":"x","g":1},"optimizer":{"kind":"gd","lr":0.1},"w0":[0,0],"steps":5})J").find("g") !=
        std::string::npos);
  // Plain SGD needs noise on a typed function, as on a quadratic.
  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":"x^2"},"optimizer":{"kind":"sgd","lr":0.1},"w0":[0,0],"steps":5})J") != "");
  CHECK(optlab::test::rejection(R"J({"problem":{"kind":"expression","f":"x^2","noise":0.5},"optimizer":{"kind":"sgd","lr":0.1},"w0":[0,0],"steps":5})J") == "");
}

TEST_CASE("expression: the verb answers for the page and the CLI") {
  auto ok = optlab::Json::parse(optlab::expression_json("x^2 + 5*y^2"));
  CHECK(ok["ok"] == true);
  CHECK(ok["uses_w2"] == true);
  CHECK(ok["error"].is_null());
  auto bad = optlab::Json::parse(optlab::expression_json("sinn(x)"));
  CHECK(bad["ok"] == false);
  CHECK(bad["error"]["code"] == "unknown_function");
  CHECK(bad["error"]["column"] == 1);
  CHECK(bad["error"]["suggestion"] == "sin");
  CHECK(bad["error"]["message"] == "unknown function 'sinn' at column 1; did you mean 'sin'?");
  CHECK(optlab::request_json("expression", R"J({"f":"x"})J") == optlab::expression_json("x"));
}

TEST_CASE("an array of scenarios runs each, in order: the playground's runs exported together") {
  const std::string a = R"J({"problem":{"kind":"expression","f":"(1 - x)^2 + 100*(y - x^2)^2"},"optimizer":{"kind":"gd","lr":0.001},"w0":[-1.5,2],"steps":50})J";
  const std::string b = R"J({"problem":{"kind":"expression","f":"(1 - x)^2 + 100*(y - x^2)^2"},"optimizer":{"kind":"adam","lr":0.05},"w0":[-1.5,2],"steps":50})J";
  CHECK(optlab::run_scenario_json("[" + a + "," + b + "]") ==
        "[" + optlab::run_scenario_json(a) + "," + optlab::run_scenario_json(b) + "]");
  CHECK(optlab::test::rejection("[]") == "an array of scenarios must hold from 1 to 16 of them (got 0)");
  std::string many = "[" + a;
  for (int i = 0; i < 16; ++i) many += "," + a;
  CHECK(optlab::test::rejection(many + "]") == "an array of scenarios must hold from 1 to 16 of them (got 17)");
  CHECK(optlab::test::rejection("[" + a + R"J(,{"problem":{"kind":"expression","f":"x"},"optimizer":{"kind":"gd","lr":-1},"w0":[0,0],"steps":5}])J") ==
        "scenario [1]: optimizer.lr must be a finite number > 0 and <= 1000000 (got -1)");
}
