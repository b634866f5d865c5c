// libFuzzer target over the expression reader and evaluator, with ASan and
// UBSan (./build.sh fuzz, and a short run in ./build.sh test).
//
// The first byte of an input picks what the rest is:
//   even  text as typed: any bytes, so broken UTF-8 and control characters too
//   odd   a token stream: each byte picks a token (numbers huge and tiny,
//         names known and unknown, every operator, unicode operators,
//         parentheses), so that random inputs are mostly near-expressions,
//         and deep nesting and long chains come often
// Every text the reader takes is evaluated, value and gradient, at points
// from the input's tail and at extremes, then run for a few steps through
// the scenario contract. The checks: no sanitizer report, every refusal has
// a message and a column inside the text, NaN only with a reason, and the
// value alone equal to the value the gradient pass computes.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/limits.hpp"
#include "expression/expression.hpp"
#include "run/run.hpp"
#include "scenario/fields.hpp"
#include "scenario/scenario.hpp"

namespace {

using namespace optlab;

const char* const kTokens[] = {
    "x", "y", "w1", "w2", "w\u2081", "w\u2082", "pi", "e", "\u03c0",
    "sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "min", "max", "sinn", "ln", "z", "foo",
    "(", ")", "(", ")", ",", "+", "-", "*", "/", "^", "^", "\u2212", "\u00d7", "\u00b7", "\u00f7", "\u00b2", "\u00b3",
    "0", "1", "2", "3", "0.5", "1e308", "1e-308", "4.9e-324", "1e999", "99999999999999999999", ".5", "2.", "1e", "1e+",
    "3.14159", "1048576", "1048577", "-0", " ", "  ", "\t", "\u00a0", "$", "\xff", "\xe2\x88", "\xed\xa0\x80", "#", "[", "]",
    "sin(", "max(", "log(", "x^", "^-", "((((", "))))", "x*x*x*x", "2^2^2^2^2", "--", "1/0", "0^-1",
};
constexpr std::size_t kTokenCount = sizeof(kTokens) / sizeof(kTokens[0]);

double point(const std::uint8_t* data, std::size_t size, std::size_t at) {
  static const double kPoints[] = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -3.7, 1e-300, -1e-300, 1e10, -1e10,
                                   1e300, 3.141592653589793, 1.5707963267948966, 710.0, -745.5, 1e6};
  if (at + 8 < size && (data[at] & 1)) {
    double d;
    std::memcpy(&d, data + at, sizeof d);
    return d;
  }
  return kPoints[(at < size ? data[at] : at) % (sizeof(kPoints) / sizeof(kPoints[0]))];
}

std::string json_string(const std::string& text) { return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace); }

void check(const Expression& e, double x, double y) {
  ExprUndefined why_value, why_gradient;
  const double f = e.value(x, y, &why_value);
  double g1 = 0.0, g2 = 0.0;
  const double fg = e.value_gradient(x, y, g1, g2, &why_gradient);
  // A reason is given exactly when an operation was undefined, and it
  // points into the text.
  if (!why_value.what.empty() && !std::isnan(f)) __builtin_trap();
  if (!why_gradient.what.empty() && !(std::isnan(fg) && std::isnan(g1) && std::isnan(g2))) __builtin_trap();
  if (!why_gradient.what.empty() && (why_gradient.column < 1 || why_gradient.column > limits::kMaxExpressionLength))
    __builtin_trap();
  if (describe(why_gradient).empty()) __builtin_trap();
  // Where the gradient pass has a value, the value alone is the same number.
  if (why_gradient.what.empty() && why_value.what.empty() && std::memcmp(&f, &fg, sizeof f) != 0 &&
      !(std::isnan(f) && std::isnan(fg)))
    __builtin_trap();
}

void run_briefly(const std::string& text, double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > limits::kMaxAbsInput || std::fabs(y) > limits::kMaxAbsInput) return;
  const std::string scenario = R"({"problem":{"kind":"expression","f":)" + json_string(text) +
                               R"(,"noise":0.5},"optimizer":{"kind":"adam","lr":0.1},"w0":[)" + format_number(x) + "," +
                               format_number(y) + R"(],"steps":20,"seed":1})";
  try {
    const Scenario s = parse_scenario(scenario);
    class Last final : public RunObserver {
     public:
      void begin(const Vector&, double, double) override {}
      void step_taken(int, const Vector& w, double f, double g, const IndexList*) override {
        if (!std::isfinite(f) || !std::isfinite(g) || !std::isfinite(w[0]) || !std::isfinite(w[1])) __builtin_trap();
      }
    } last;
    const RunStatus status = run(*s.problem, s.optimizer, s.w0, s.steps, s.seed, last);
    if (status.stop_reason == "undefined" && !status.undefined) __builtin_trap();
  } catch (const ScenarioError& error) {
    if (std::string(error.what()).empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string text;
  std::size_t tail = size;
  if (data[0] & 1) {
    // Tokens up to the first 0xFF byte; the bytes after it are points.
    std::size_t i = 1;
    for (; i < size && data[i] != 0xFF && text.size() < 2000; ++i) text += kTokens[data[i] % kTokenCount];
    tail = i + 1;
  } else {
    text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
    tail = size;
  }
  const ExprParse parsed = parse_expression(text);
  if (!parsed.expression) {
    const ExprError& e = parsed.error;
    if (e.code.empty() || describe(e).empty() || e.column < 0 || e.column > limits::kMaxExpressionLength + 1)
      __builtin_trap();
    return 0;
  }
  const Expression& e = *parsed.expression;
  if (static_cast<int>(e.program().size()) > limits::kMaxExpressionNodes) __builtin_trap();
  for (std::size_t k = 0; k < 6; ++k) check(e, point(data, size, tail + 16 * k), point(data, size, tail + 16 * k + 8));
  run_briefly(text, point(data, size, tail), point(data, size, tail + 8));
  return 0;
}
