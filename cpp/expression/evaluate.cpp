// The stack machine that runs an expression's program, for f alone or for
// f and ∇f together (forward-mode automatic differentiation: each value
// carries its partial derivatives along w₁ and w₂, and every operation
// applies the chain rule). Undefined operations stop it with NaN and a
// reason; the functions are portable_math's, so every target gives the
// same bits.
#include <cmath>
#include <limits>

#include "core/limits.hpp"
#include "core/portable_math.hpp"
#include "expression/expression.hpp"

namespace optlab {

double integer_power(double x, double n) {
  unsigned long k = static_cast<unsigned long>(std::fabs(n));
  double result = 1.0;
  double base = x;
  while (k != 0) {
    if (k & 1UL) result *= base;
    base *= base;
    k >>= 1;
  }
  return n < 0.0 ? 1.0 / result : result;
}

namespace {

struct Dual {
  double v, d1, d2;
};

template <bool kGradient>
double run(const Expression& e, double w1, double w2, double* g1, double* g2, ExprUndefined* why) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  Dual stack[limits::kMaxExpressionNodes];
  int top = -1;  // index of the top of the stack
  const auto undefined = [&](const char* what, int column) {
    if (why) {
      why->what = what;
      why->column = column;
    }
    if constexpr (kGradient) *g1 = *g2 = kNaN;
    return kNaN;
  };
  for (const ExprInstr& in : e.program()) {
    switch (in.op) {
      // f alone carries no partials: each operation skips their arithmetic.
      case ExprOp::Const: stack[++top] = {in.value, 0.0, 0.0}; break;
      case ExprOp::W1: stack[++top] = {w1, 1.0, 0.0}; break;
      case ExprOp::W2: stack[++top] = {w2, 0.0, 1.0}; break;
      case ExprOp::Neg: {
        Dual& a = stack[top];
        a.v = -a.v;
        if constexpr (kGradient) {
          a.d1 = -a.d1;
          a.d2 = -a.d2;
        }
        break;
      }
      case ExprOp::Add: case ExprOp::Sub: case ExprOp::Mul: case ExprOp::Div:
      case ExprOp::Pow: case ExprOp::Min: case ExprOp::Max: {
        const Dual b = stack[top--];
        Dual& a = stack[top];
        if (in.op == ExprOp::Add) {
          a.v = a.v + b.v;
          if constexpr (kGradient) {
            a.d1 = a.d1 + b.d1;
            a.d2 = a.d2 + b.d2;
          }
        } else if (in.op == ExprOp::Sub) {
          a.v = a.v - b.v;
          if constexpr (kGradient) {
            a.d1 = a.d1 - b.d1;
            a.d2 = a.d2 - b.d2;
          }
        } else if (in.op == ExprOp::Mul) {
          if constexpr (kGradient) {
            a.d1 = a.d1 * b.v + a.v * b.d1;
            a.d2 = a.d2 * b.v + a.v * b.d2;
          }
          a.v = a.v * b.v;
        } else if (in.op == ExprOp::Div) {
          if (b.v == 0.0) return undefined("division", in.column);
          const double q = a.v / b.v;
          if constexpr (kGradient) {
            a.d1 = (a.d1 - q * b.d1) / b.v;
            a.d2 = (a.d2 - q * b.d2) / b.v;
          }
          a.v = q;
        } else if (in.op == ExprOp::Min || in.op == ExprOp::Max) {
          // Ties take the first argument, and its derivative.
          const bool first = in.op == ExprOp::Min ? !(b.v < a.v) : !(b.v > a.v);
          if (!first) a = b;
        } else {  // a^b with b not a constant integer
          const bool constant_exponent = b.d1 == 0.0 && b.d2 == 0.0;
          if (a.v > 0.0) {
            const double log_a = portable_log(a.v);
            const double p = portable_exp(b.v * log_a);
            a = {p, p * (b.d1 * log_a + b.v * a.d1 / a.v), p * (b.d2 * log_a + b.v * a.d2 / a.v)};
          } else if (a.v < 0.0 && b.v == std::trunc(b.v) && std::fabs(b.v) <= 1048576.0 &&
                     (constant_exponent || !kGradient)) {
            // A negative base has a value at whole exponents, but no slope
            // along an exponent that moves.
            const double p = integer_power(a.v, b.v);
            const double slope = b.v * integer_power(a.v, b.v - 1.0);
            a = {p, slope * a.d1, slope * a.d2};
          } else if (a.v == 0.0 && b.v > 0.0) {
            // 0^b = 0; its slope b·0^(b−1)·a′ is a′ for b = 1, 0 for b > 1,
            // and unbounded for b < 1 unless a′ = 0. Along b, 0^b stays 0.
            if constexpr (kGradient) {
              const bool moving = a.d1 != 0.0 || a.d2 != 0.0;
              if (b.v < 1.0 && moving) return undefined("power_gradient", in.column);
              a = b.v == 1.0 ? Dual{0.0, a.d1, a.d2} : Dual{0.0, 0.0, 0.0};
            } else {
              a = {0.0, 0.0, 0.0};
            }
          } else {
            return undefined("power", in.column);
          }
        }
        break;
      }
      case ExprOp::PowInt: {
        Dual& a = stack[top];
        if (a.v == 0.0 && in.value < 0.0) return undefined("division", in.column);
        // Squares, the commonest power, without the loop (the same product).
        const double p = in.value == 2.0 ? a.v * a.v : integer_power(a.v, in.value);
        if constexpr (kGradient) {
          double slope = 0.0;
          if (in.value == 2.0) slope = 2.0 * a.v;
          else if (in.value != 0.0) slope = in.value * integer_power(a.v, in.value - 1.0);
          a.d1 = slope * a.d1;
          a.d2 = slope * a.d2;
        }
        a.v = p;
        break;
      }
      default: {  // one-argument functions: f(a) and f′(a)
        Dual& a = stack[top];
        double f = 0.0, slope = 0.0;
        switch (in.op) {
          case ExprOp::Sin:
            f = portable_sin(a.v);
            if constexpr (kGradient) slope = portable_cos(a.v);
            break;
          case ExprOp::Cos:
            f = portable_cos(a.v);
            if constexpr (kGradient) slope = -portable_sin(a.v);
            break;
          case ExprOp::Tan:
            f = portable_tan(a.v);
            slope = 1.0 + f * f;
            break;
          case ExprOp::Exp:
            f = portable_exp(a.v);
            slope = f;
            break;
          case ExprOp::Log:
            if (!(a.v > 0.0)) return undefined("log", in.column);
            f = portable_log(a.v);
            slope = 1.0 / a.v;
            break;
          case ExprOp::Sqrt:
            if (a.v < 0.0) return undefined("sqrt", in.column);
            f = std::sqrt(a.v);
            if constexpr (kGradient) {
              if (f == 0.0) {
                if (a.d1 != 0.0 || a.d2 != 0.0) return undefined("sqrt_gradient", in.column);
                slope = 0.0;
              } else {
                slope = 0.5 / f;
              }
            }
            break;
          case ExprOp::Abs:
            f = std::fabs(a.v);
            slope = a.v > 0.0 ? 1.0 : a.v < 0.0 ? -1.0 : 0.0;
            break;
          case ExprOp::Tanh:
            f = portable_tanh(a.v);
            slope = 1.0 - f * f;
            break;
          default:
            break;
        }
        a.v = f;
        if constexpr (kGradient) {
          a.d1 = slope * a.d1;
          a.d2 = slope * a.d2;
        }
        break;
      }
    }
  }
  if constexpr (kGradient) {
    *g1 = stack[0].d1;
    *g2 = stack[0].d2;
  }
  return stack[0].v;
}

}  // namespace

double Expression::value(double w1, double w2, ExprUndefined* why) const {
  return run<false>(*this, w1, w2, nullptr, nullptr, why);
}

double Expression::value_gradient(double w1, double w2, double& g1, double& g2, ExprUndefined* why) const {
  return run<true>(*this, w1, w2, &g1, &g2, why);
}

}  // namespace optlab
