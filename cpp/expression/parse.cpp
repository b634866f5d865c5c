// The expression language's reader: UTF-8 text → tokens → a program for
// the stack machine of evaluate.cpp, by recursive descent. Every limit
// (length, nesting, program size) is checked as the text is read, so no
// input makes the reader recurse or allocate without bound.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "expression/expression.hpp"

namespace optlab {

namespace {

struct Token {
  enum Kind { Number, Name, Symbol, End } kind = End;
  std::string text;  // as written (names: with w₁ read as w1)
  int column = 0;
  double number = 0.0;
  char symbol = 0;  // + - * / ^ ( ) ,
};

struct Failure {
  ExprError error;
};

[[noreturn]] void fail(ExprError error) { throw Failure{std::move(error)}; }

ExprError error(std::string code, int column = 0, std::string found = "") {
  ExprError e;
  e.code = std::move(code);
  e.column = column;
  e.found = std::move(found);
  return e;
}
ExprError with_limit(ExprError e, int limit) {
  e.limit = limit;
  return e;
}
ExprError with_suggestion(ExprError e, std::string suggestion) {
  e.suggestion = std::move(suggestion);
  return e;
}

// One code point of UTF-8 at text[i], advancing i; -1 for bytes that are
// not UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
long next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned lead = byte(i);
  int extra;
  long cp;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    extra = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    extra = 2;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    return -1;
  }
  if (static_cast<std::size_t>(extra) >= text.size() - i) return -1;
  for (int k = 1; k <= extra; ++k) {
    const unsigned b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return -1;
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

struct CodePoint {
  long value;
  int column;
};

std::string utf8(long cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

bool is_space(long c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }
bool is_digit(long c) { return c >= '0' && c <= '9'; }
bool name_start(long c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_part(long c) { return name_start(c) || is_digit(c) || c == 0x2081 || c == 0x2082; }

// What the reader shows of a token in a message: at most 20 characters.
std::string shown(const std::vector<CodePoint>& cps, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to && k < from + 20; ++k) out += utf8(cps[k].value);
  if (to > from + 20) out += "…";
  return out;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<CodePoint> cps;
  std::size_t i = 0;
  while (i < text.size()) {
    const int column = static_cast<int>(cps.size()) + 1;
    if (column > limits::kMaxExpressionLength)
      fail(with_limit(error("too_long"), limits::kMaxExpressionLength));
    const long cp = next_code_point(text, i);
    if (cp < 0) fail(error("bad_text", column));
    cps.push_back({cp, column});
  }
  std::vector<Token> tokens;
  const auto symbol = [&](char c, int column, std::string written) {
    Token t;
    t.kind = Token::Symbol;
    t.symbol = c;
    t.column = column;
    t.text = std::move(written);
    tokens.push_back(std::move(t));
  };
  std::size_t k = 0;
  while (k < cps.size()) {
    const long c = cps[k].value;
    const int column = cps[k].column;
    if (is_space(c)) {
      ++k;
    } else if (is_digit(c) || (c == '.' && k + 1 < cps.size() && is_digit(cps[k + 1].value))) {
      const std::size_t from = k;
      std::string digits;
      while (k < cps.size() && is_digit(cps[k].value)) digits += static_cast<char>(cps[k++].value);
      if (k < cps.size() && cps[k].value == '.') {
        digits += '.';
        ++k;
        while (k < cps.size() && is_digit(cps[k].value)) digits += static_cast<char>(cps[k++].value);
      }
      // An exponent only when digits follow: "2e" is 2 and then the name e.
      if (k < cps.size() && (cps[k].value == 'e' || cps[k].value == 'E')) {
        std::size_t j = k + 1;
        if (j < cps.size() && (cps[j].value == '+' || cps[j].value == '-')) ++j;
        if (j < cps.size() && is_digit(cps[j].value)) {
          for (; k < j; ++k) digits += static_cast<char>(cps[k].value);
          while (k < cps.size() && is_digit(cps[k].value)) digits += static_cast<char>(cps[k++].value);
        }
      }
      Token t;
      t.kind = Token::Number;
      t.column = column;
      t.text = shown(cps, from, k);
      // strtod in the "C" locale: correctly rounded by glibc and by musl alike.
      t.number = std::strtod(digits.c_str(), nullptr);
      if (!std::isfinite(t.number)) fail(error("bad_number", column, t.text));
      tokens.push_back(std::move(t));
    } else if (name_start(c) || c == 0x03C0) {
      Token t;
      t.kind = Token::Name;
      t.column = column;
      if (c == 0x03C0) {  // π
        t.text = "pi";
        ++k;
      } else {
        while (k < cps.size() && name_part(cps[k].value)) {
          const long p = cps[k++].value;
          t.text += p == 0x2081 ? '1' : p == 0x2082 ? '2' : static_cast<char>(p);
        }
      }
      tokens.push_back(std::move(t));
    } else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '^' || c == '(' || c == ')' || c == ',') {
      symbol(static_cast<char>(c), column, std::string(1, static_cast<char>(c)));
      ++k;
    } else if (c == 0x2212) {
      symbol('-', column, utf8(c));
      ++k;
    } else if (c == 0xD7 || c == 0xB7 || c == 0x22C5 || c == 0x2217) {
      symbol('*', column, utf8(c));
      ++k;
    } else if (c == 0xF7) {
      symbol('/', column, utf8(c));
      ++k;
    } else if (c == 0xB2 || c == 0xB3) {  // ² ³
      symbol('^', column, utf8(c));
      Token t;
      t.kind = Token::Number;
      t.column = column;
      t.number = c == 0xB2 ? 2.0 : 3.0;
      t.text = utf8(c);
      tokens.push_back(std::move(t));
      ++k;
    } else {
      fail(error("bad_character", column, utf8(c)));
    }
  }
  Token end;
  end.column = static_cast<int>(cps.size()) + 1;
  tokens.push_back(end);
  return tokens;
}

struct Function {
  const char* name;
  ExprOp op;
  int arity;
};
constexpr Function kFunctions[] = {
    {"sin", ExprOp::Sin, 1},   {"cos", ExprOp::Cos, 1}, {"tan", ExprOp::Tan, 1},   {"exp", ExprOp::Exp, 1},
    {"log", ExprOp::Log, 1},   {"sqrt", ExprOp::Sqrt, 1}, {"abs", ExprOp::Abs, 1}, {"tanh", ExprOp::Tanh, 1},
    {"min", ExprOp::Min, 2},   {"max", ExprOp::Max, 2},
};

// Levenshtein distance, for "did you mean".
int distance(const std::string& a, const std::string& b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The known name a typo most likely meant: one edit away for a name of up
// to three letters, two for a longer one; ties go to a name with the same
// first letter. Other languages' names for log are known too.
std::string nearest(const std::string& name, const std::vector<std::string>& known) {
  if (name == "ln" || name == "log10" || name == "log2") return "log";
  if (name.size() > 12) return "";
  const int most = name.size() <= 3 ? 1 : 2;
  std::string best;
  int best_score = 1000;
  for (const auto& candidate : known) {
    const int d = distance(name, candidate);
    if (d > most || d >= static_cast<int>(std::max(name.size(), candidate.size()))) continue;
    const int score = 2 * d + (candidate[0] == name[0] ? 0 : 1);
    if (score < best_score) {
      best = candidate;
      best_score = score;
    }
  }
  return best;
}

}  // namespace

const std::vector<std::string>& expression_functions() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& f : kFunctions) out.emplace_back(f.name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& expression_names() {
  static const std::vector<std::string> names = {"x", "y", "w1", "w2", "pi", "e"};
  return names;
}

struct ExprParser {
  std::vector<Token> tokens;
  std::size_t at = 0;
  Expression out;
  int depth = 0;

  const Token& peek() const { return tokens[at]; }
  bool is(char symbol) const { return peek().kind == Token::Symbol && peek().symbol == symbol; }

  void emit(ExprOp op, int column, double value = 0.0) {
    if (static_cast<int>(out.program_.size()) >= limits::kMaxExpressionNodes)
      fail(with_limit(error("too_many_nodes", column), limits::kMaxExpressionNodes));
    out.program_.push_back({op, column, value});
  }

  bool last_is_const(std::size_t back = 1) const {
    const auto& p = out.program_;
    return p.size() >= back && p[p.size() - back].op == ExprOp::Const;
  }

  // A binary operation, folded when both operands are numbers (only where
  // the result is a finite number: 1/0 stays, to be reported where it runs).
  void binary(ExprOp op, int column) {
    if (last_is_const(1) && last_is_const(2)) {
      auto& p = out.program_;
      const double a = p[p.size() - 2].value;
      const double b = p[p.size() - 1].value;
      double r = std::nan("");
      if (op == ExprOp::Add) r = a + b;
      if (op == ExprOp::Sub) r = a - b;
      if (op == ExprOp::Mul) r = a * b;
      if (op == ExprOp::Div && b != 0.0) r = a / b;
      if (std::isfinite(r)) {
        p.pop_back();
        p.back().value = r;
        return;
      }
    }
    emit(op, column);
  }

  [[noreturn]] void unexpected(const char* expected) const {
    const Token& t = peek();
    ExprError e = error("unexpected", t.column, t.text);
    e.expected = expected;
    // Two operands side by side: "2x", "x(y)", "(x)(y)".
    e.times = t.kind == Token::Number || t.kind == Token::Name || (t.kind == Token::Symbol && t.symbol == '(');
    fail(e);
  }

  void enter(int column) {
    if (++depth > limits::kMaxExpressionDepth)
      fail(with_limit(error("too_deep", column), limits::kMaxExpressionDepth));
  }

  void sum() {
    product();
    while (is('+') || is('-')) {
      const Token op = peek();
      ++at;
      product();
      binary(op.symbol == '+' ? ExprOp::Add : ExprOp::Sub, op.column);
    }
  }

  void product() {
    unary();
    while (is('*') || is('/')) {
      const Token op = peek();
      ++at;
      unary();
      binary(op.symbol == '*' ? ExprOp::Mul : ExprOp::Div, op.column);
    }
  }

  // Each level the reader recurses for (a sign, an exponent, parentheses,
  // a call) counts towards the depth limit.
  void unary() {
    if (!is('-') && !is('+')) return power();
    const Token sign = peek();
    enter(sign.column);
    ++at;
    unary();
    if (sign.symbol == '-') {
      if (last_is_const())
        out.program_.back().value = -out.program_.back().value;
      else
        emit(ExprOp::Neg, sign.column);
    }
    --depth;
  }

  void power() {
    primary();
    if (!is('^')) return;
    const int column = peek().column;
    enter(column);
    ++at;
    const std::size_t exponent_at = out.program_.size();
    unary();  // right-associative: 2^3^2 = 2^(3^2); 2^-1 allowed
    --depth;
    auto& p = out.program_;
    if (p.size() == exponent_at + 1 && p.back().op == ExprOp::Const) {
      const double n = p.back().value;
      if (n == std::trunc(n) && std::fabs(n) <= 1048576.0) {
        p.pop_back();
        // A number to a whole power is a number (2^3^2 is 512 exactly).
        if (last_is_const() && p.size() == exponent_at) {
          const double folded = integer_power(p.back().value, n);
          if (std::isfinite(folded)) {
            p.back().value = folded;
            return;
          }
        }
        emit(ExprOp::PowInt, column, n);
        return;
      }
    }
    emit(ExprOp::Pow, column);
  }

  void arguments(const Function& f, const Token& name) {
    ++at;  // (
    int count = 0;
    if (!is(')')) {
      for (;;) {
        sum();
        ++count;
        if (!is(',')) break;
        ++at;
      }
    }
    if (!is(')')) unexpected("operator_comma_or_close");
    ++at;
    if (count != f.arity) {
      ExprError e = with_limit(error("arity", name.column, name.text), f.arity);
      e.count = count;
      fail(e);
    }
    emit(f.op, name.column);
  }

  // The program is read: its text, and the height its stack reaches.
  Expression finish(std::string_view text) {
    out.text_ = std::string(text);
    int height = 0;
    for (const auto& instr : out.program_) {
      switch (instr.op) {
        case ExprOp::Const: case ExprOp::W1: case ExprOp::W2: ++height; break;
        case ExprOp::Add: case ExprOp::Sub: case ExprOp::Mul: case ExprOp::Div:
        case ExprOp::Pow: case ExprOp::Min: case ExprOp::Max: --height; break;
        default: break;
      }
      out.stack_size_ = std::max(out.stack_size_, height);
    }
    return std::move(out);
  }

  void primary() {
    const Token t = peek();
    if (t.kind == Token::Number) {
      ++at;
      emit(ExprOp::Const, t.column, t.number);
      return;
    }
    if (t.kind == Token::Symbol && t.symbol == '(') {
      enter(t.column);
      ++at;
      sum();
      if (!is(')')) unexpected("operator_or_close");
      ++at;
      --depth;
      return;
    }
    if (t.kind != Token::Name) unexpected("operand");
    ++at;
    const bool called = is('(');
    for (const auto& f : kFunctions) {
      if (t.text != f.name) continue;
      if (!called) fail(with_limit(error("needs_arguments", t.column, t.text), f.arity));
      enter(t.column);
      arguments(f, t);
      --depth;
      return;
    }
    ExprOp op;
    double value = 0.0;
    if (t.text == "x" || t.text == "w1") {
      op = ExprOp::W1;
    } else if (t.text == "y" || t.text == "w2") {
      op = ExprOp::W2;
      out.uses_w2_ = true;
    } else if (t.text == "pi") {
      op = ExprOp::Const;
      value = 3.14159265358979323846;
    } else if (t.text == "e") {
      op = ExprOp::Const;
      value = 2.71828182845904523536;
    } else if (called) {
      fail(with_suggestion(error("unknown_function", t.column, t.text), nearest(t.text, expression_functions())));
    } else {
      std::vector<std::string> known = expression_names();
      known.insert(known.end(), expression_functions().begin(), expression_functions().end());
      fail(with_suggestion(error("unknown_name", t.column, t.text), nearest(t.text, known)));
    }
    if (called) fail(error("not_a_function", t.column, t.text));
    emit(op, t.column, value);
  }
};

ExprParse parse_expression(std::string_view text) {
  ExprParse result;
  try {
    ExprParser parser;
    parser.tokens = tokenize(text);
    if (parser.tokens.size() == 1) fail(error("empty"));
    parser.sum();
    if (parser.peek().kind != Token::End) parser.unexpected("operator");
    result.expression = parser.finish(text);
  } catch (const Failure& failure) {
    result.error = failure.error;
  }
  return result;
}

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

const char* expected_text(const std::string& expected) {
  if (expected == "operand") return "a number, a variable, a function or '('";
  if (expected == "operator") return "an operator or the end";
  if (expected == "operator_or_close") return "an operator or ')'";
  return "an operator, ',' or ')'";
}

}  // namespace

std::string describe(const ExprError& e) {
  const std::string at = " at column " + std::to_string(e.column);
  const std::string mean = e.suggestion.empty() ? "" : "; did you mean " + quoted(e.suggestion) + "?";
  if (e.code == "empty") return "the function is empty";
  if (e.code == "too_long") return "the function is longer than " + std::to_string(e.limit) + " characters";
  if (e.code == "too_deep") return "the function nests deeper than " + std::to_string(e.limit) + " levels" + at;
  if (e.code == "too_many_nodes") return "the function has more than " + std::to_string(e.limit) + " operations";
  if (e.code == "bad_text") return "the text is not valid UTF-8" + at;
  if (e.code == "bad_character") return "unexpected character " + quoted(e.found) + at;
  if (e.code == "bad_number") return "the number " + quoted(e.found) + at + " is too large";
  if (e.code == "unknown_function") return "unknown function " + quoted(e.found) + at + mean;
  if (e.code == "unknown_name")
    return "unknown name " + quoted(e.found) + at + (mean.empty() ? "; the variables are x and y (or w1 and w2)" : mean);
  if (e.code == "needs_arguments") return quoted(e.found) + at + " is a function: write " + e.found + "(…)";
  if (e.code == "not_a_function") return quoted(e.found) + at + " is not a function: a * is missing";
  if (e.code == "arity")
    return quoted(e.found) + at + " takes " + std::to_string(e.limit) + (e.limit == 1 ? " argument" : " arguments") +
           ", not " + std::to_string(e.count);
  const std::string found = e.found.empty() ? "end of the function" : quoted(e.found);
  return "unexpected " + found + at + "; expected " + expected_text(e.expected) +
         (e.times ? " (write * to multiply)" : "");
}

std::string describe(const ExprUndefined& u) {
  const std::string at = " at column " + std::to_string(u.column);
  if (u.what == "log") return "log of a number <= 0" + at;
  if (u.what == "sqrt") return "sqrt of a negative number" + at;
  if (u.what == "division") return "division by zero" + at;
  if (u.what == "power") return "a power of a negative number or of 0 that is undefined" + at;
  if (u.what == "sqrt_gradient") return "the gradient of sqrt at 0 is undefined" + at;
  if (u.what == "power_gradient") return "the gradient of a power at 0 is undefined" + at;
  return u.what + " is undefined" + at;
}

}  // namespace optlab
