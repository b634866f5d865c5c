// A function of two variables typed by a user: f(w₁, w₂), also written
// f(x, y), e.g. "(1 - x)^2 + 100*(y - x^2)^2".
//
// The language: numbers, + − * / ^, unary minus, parentheses; the
// functions sin cos tan exp log sqrt abs tanh (one argument) and min max
// (two); the constants pi and e. ^ binds tighter than unary minus and is
// right-associative, as mathematics writes them: -x^2 = -(x^2), 2^3^2 = 2^9.
// Also read: − × · ÷ for - * /, ² ³ for ^2 ^3, π, w₁ w₂.
//
// The text is compiled once into a short program for a stack machine,
// evaluated for f alone or for f with its gradient by forward-mode
// automatic differentiation (dual numbers carrying ∂/∂w₁ and ∂/∂w₂). The
// transcendental functions are core/portable_math.hpp's, so that native
// and wasm give the same bits. Where f or its gradient is undefined (log of
// a number ≤ 0, a division by zero, sqrt at 0 for the gradient…) the result
// is NaN and the evaluation says which operation, at which column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/undefined.hpp"

namespace optlab {

enum class ExprOp : std::uint8_t {
  Const, W1, W2, Neg, Add, Sub, Mul, Div, Pow, PowInt,
  Sin, Cos, Tan, Exp, Log, Sqrt, Abs, Tanh, Min, Max,
};

struct ExprInstr {
  ExprOp op;
  int column;    // where the operation is written (1-based, in characters)
  double value;  // Const: the number; PowInt: the exponent
};

// Why a text is not an expression. `code` says what went wrong; the other
// fields are what a message in any language needs.
struct ExprError {
  std::string code;        // empty, too_long, too_deep, too_many_nodes, bad_text, bad_character,
                           // bad_number, unexpected, unknown_name, unknown_function,
                           // needs_arguments, not_a_function, arity
  int column = 0;          // 1-based, in characters; 0 when the whole text is meant
  std::string found;       // the text at column ("" at the end of the text)
  std::string expected;    // unexpected: operand, operator, operator_or_close, operator_comma_or_close
  std::string suggestion;  // unknown_*: the nearest known name, or ""
  bool times = false;      // unexpected: two operands side by side ("2x"): a * is missing
  int limit = 0;           // too_*: the limit; arity: the arguments the function takes
  int count = 0;           // arity: the arguments given
};

class Expression {
 public:
  // Made only by parse_expression, which throws nothing: a bad text gives an ExprError.
  const std::vector<ExprInstr>& program() const { return program_; }
  const std::string& text() const { return text_; }
  int stack_size() const { return stack_size_; }
  // Whether w₂ appears (a function of w₁ alone is still a function of two variables).
  bool uses_w2() const { return uses_w2_; }

  // f(w₁, w₂); NaN where undefined (and *why, if given, says where).
  double value(double w1, double w2, ExprUndefined* why = nullptr) const;
  // f and ∇f; all three NaN where f or ∇f is undefined.
  double value_gradient(double w1, double w2, double& g1, double& g2, ExprUndefined* why = nullptr) const;

 private:
  friend struct ExprParser;
  std::vector<ExprInstr> program_;
  std::string text_;
  int stack_size_ = 0;
  bool uses_w2_ = false;
};

struct ExprParse {
  std::optional<Expression> expression;
  ExprError error;  // meaningful when !expression
};

ExprParse parse_expression(std::string_view text);

// x^n for a whole n (|n| ≤ 2^20) by repeated squaring: exact products in a
// fixed order, defined for x < 0; what ^ computes for a whole exponent.
double integer_power(double x, double n);

// The error as an English sentence, e.g. "unexpected ')' at column 7;
// expected a number, a variable, a function or '('". The page words it in
// the reader's language from the fields instead.
std::string describe(const ExprError& error);
// "log of a number <= 0 at column 5".
std::string describe(const ExprUndefined& undefined);

// The names the language knows, for suggestions and the page's help.
const std::vector<std::string>& expression_functions();
const std::vector<std::string>& expression_names();

}  // namespace optlab
