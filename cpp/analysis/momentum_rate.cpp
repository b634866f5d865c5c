#include "analysis/momentum_rate.hpp"

#include "core/portable_math.hpp"

namespace optlab {

namespace {

// N heavy-ball recursions side by side, one per eigenvalue, so that their
// independent dependency chains overlap in the CPU (about 1.5× faster than
// one after another, natively and in wasm). c[e] = γλ_e.
template <int N>
void simulate_chains(const double* c, double beta, int steps, int window, double* rates) {
  double w[N], prev[N], start_norm[N];
  long exponent[N], start_exponent[N];  // each state is (w, prev) · 2^exponent
  for (int e = 0; e < N; ++e) {
    w[e] = prev[e] = 1.0;
    exponent[e] = 0;
  }
  auto advance = [&](int count) {
    while (count > 0) {
      const int block = count < 16 ? count : 16;
      for (int s = 0; s < block; ++s)
        for (int e = 0; e < N; ++e) {
          const double next = w[e] - c[e] * w[e] + beta * (w[e] - prev[e]);
          prev[e] = w[e];
          w[e] = next;
        }
      // Rescale by an exact power of two before anything can under- or
      // overflow, whatever the rate.
      for (int e = 0; e < N; ++e) {
        const double m = std::fabs(w[e]) + std::fabs(prev[e]);
        if (m > 0x1p64 || (m < 0x1p-64 && m > 0.0)) {
          int shift = 0;
          std::frexp(m, &shift);
          w[e] = std::ldexp(w[e], -shift);
          prev[e] = std::ldexp(prev[e], -shift);
          exponent[e] += shift;
        }
      }
      count -= block;
    }
  };
  advance(steps - window);
  for (int e = 0; e < N; ++e) {
    start_norm[e] = std::sqrt(w[e] * w[e] + prev[e] * prev[e]);
    start_exponent[e] = exponent[e];
  }
  advance(window);
  for (int e = 0; e < N; ++e) {
    const double end_norm = std::sqrt(w[e] * w[e] + prev[e] * prev[e]);
    if (end_norm == 0.0 || start_norm[e] == 0.0) {
      rates[e] = 0.0;  // exact convergence
      continue;
    }
    const double log_ratio = portable_log(end_norm) - portable_log(start_norm[e]) +
                             static_cast<double>(exponent[e] - start_exponent[e]) * 0.69314718055994530942;
    rates[e] = portable_exp(log_ratio / static_cast<double>(window));
  }
}

}  // namespace

double simulated_momentum_rate(double lr, double beta, const Vector& eigenvalues, int steps, int window) {
  double rate = 0.0;
  Eigen::Index e = 0;
  for (; e < eigenvalues.size(); e += 2) {
    double c[2], rates[2];
    c[0] = lr * eigenvalues[e];
    if (e + 1 < eigenvalues.size()) {
      c[1] = lr * eigenvalues[e + 1];
      simulate_chains<2>(c, beta, steps, window, rates);
    } else {
      simulate_chains<1>(c, beta, steps, window, rates);
      rates[1] = 0.0;
    }
    for (double r : rates) rate = r > rate ? r : rate;
  }
  return rate;
}

namespace {

template <typename EdgeLr>
std::vector<double> edge_points(double beta_lo, double beta_hi, int segments, EdgeLr lr_at) {
  std::vector<double> out;
  out.reserve(2 * static_cast<std::size_t>(segments + 1));
  for (int k = 0; k <= segments; ++k) {
    const double beta = beta_lo + (static_cast<double>(k) / segments) * (beta_hi - beta_lo);
    out.push_back(lr_at(beta));
    out.push_back(beta);
  }
  return out;
}

}  // namespace

std::vector<double> divergent_edge(double L, double beta_lo, double beta_hi, int segments) {
  return edge_points(beta_lo, beta_hi, segments, [L](double beta) { return divergent_edge_lr(beta, L); });
}

std::vector<double> nesterov_edge(double L, double beta_lo, double beta_hi, int segments) {
  return edge_points(beta_lo, beta_hi, segments, [L](double beta) { return nesterov_stable_lr(beta, L); });
}

std::vector<double> critical_damping_curve(double lambda, double L, double lr_lo, double lr_hi, int samples) {
  const double end = lr_hi < 1.0 / lambda ? lr_hi : 1.0 / lambda;
  // γ_i = lr_lo · (end/lr_lo)^(i/samples), portable so the curve is the same everywhere.
  const double log_lo = portable_log(lr_lo), log_end = portable_log(end);
  const auto at = [&](int i) {
    if (i == 0) return lr_lo;
    if (i == samples) return end;
    return portable_exp(log_lo + (static_cast<double>(i) / samples) * (log_end - log_lo));
  };
  const auto diverges = [&](double lr) { return lr * L >= 2.0 * (1.0 + critical_damping_beta(lr, lambda)); };
  std::vector<double> out;
  for (int i = 0; i <= samples; ++i) {
    double lr = at(i);
    if (diverges(lr)) {
      if (i == 0) break;
      double lo = at(i - 1);
      for (int b = 0; b < 50; ++b) {
        const double mid = std::sqrt(lo * lr);
        if (diverges(mid)) lr = mid;
        else lo = mid;
      }
      out.push_back(lo);
      out.push_back(critical_damping_beta(lo, lambda));
      break;
    }
    out.push_back(lr);
    out.push_back(critical_damping_beta(lr, lambda));
  }
  return out;
}

MomentumRegion momentum_region(const Vector& eigenvalues, double lr, double beta) {
  if (!(momentum_rate(lr, beta, eigenvalues) < 1.0)) return MomentumRegion::divergent;
  const double L = eigenvalues.maxCoeff();
  return lr * L <= 1.0 && beta <= critical_damping_beta(lr, L) ? MomentumRegion::monotone : MomentumRegion::ripples;
}

std::string to_string(MomentumRegion region) {
  switch (region) {
    case MomentumRegion::monotone: return "monotone";
    case MomentumRegion::ripples: return "ripples";
    case MomentumRegion::divergent: return "divergent";
  }
  return "";
}

void momentum_region_grid(const Vector& eigenvalues, const double* lrs, int n_lr, const double* betas, int n_beta,
                          MomentumRegion* out) {
  for (int j = 0; j < n_beta; ++j)
    for (int i = 0; i < n_lr; ++i)
      out[static_cast<std::size_t>(j) * static_cast<std::size_t>(n_lr) + static_cast<std::size_t>(i)] =
          momentum_region(eigenvalues, lrs[i], betas[j]);
}

void rate_map_image(const double* rate, int n_lr, int n_beta, const std::uint8_t* colors, int m,
                    std::uint8_t* rgba) {
  const double last = static_cast<double>(m - 1);
  for (int j = 0; j < n_beta; ++j) {
    std::uint8_t* row = rgba + 4 * static_cast<std::size_t>(n_beta - 1 - j) * static_cast<std::size_t>(n_lr);
    for (int i = 0; i < n_lr; ++i) {
      const double r = rate[static_cast<std::size_t>(j) * static_cast<std::size_t>(n_lr) + static_cast<std::size_t>(i)];
      std::uint8_t* px = row + 4 * i;
      int entry = 0;  // divergent: the slowest colour
      if (r < 1.0) {
        const double digits = -std::log10(1.0 - r);
        const double slow = (digits < 3.0 ? digits : 3.0) / 3.0;
        entry = static_cast<int>(std::lround(last * (1.0 - slow)));
      }
      const std::uint8_t* c = colors + 4 * entry;
      px[0] = c[0];
      px[1] = c[1];
      px[2] = c[2];
      px[3] = 255;
    }
  }
}

RateGrid::RateGrid(Vector values, double lr_lo, double lr_hi, int n_lr, double beta_lo, double beta_hi, int n_beta)
    : eigenvalues(std::move(values)), lrs(static_cast<std::size_t>(n_lr)) {
  portable_logspace(lr_lo, lr_hi, n_lr, lrs.data());
  for (int j = 0; j < n_beta; ++j)
    betas.push_back(beta_lo + (beta_hi - beta_lo) * static_cast<double>(j) / static_cast<double>(n_beta - 1));
}

std::vector<double> momentum_rate_map(const RateGrid& grid) {
  std::vector<double> rate(grid.lrs.size() * grid.betas.size());
  momentum_rate_map(grid.eigenvalues, grid.lrs.data(), static_cast<int>(grid.lrs.size()), grid.betas.data(),
                    static_cast<int>(grid.betas.size()), rate.data());
  return rate;
}

std::vector<double> simulated_rate_map(const RateGrid& grid, int steps) {
  const std::size_t n_lr = grid.lrs.size();
  std::vector<double> rate(n_lr * grid.betas.size());
  for (std::size_t j = 0; j < grid.betas.size(); ++j)
    for (std::size_t i = 0; i < n_lr; ++i)
      rate[j * n_lr + i] = simulated_momentum_rate(grid.lrs[i], grid.betas[j], grid.eigenvalues, steps, steps / 2);
  return rate;
}

}  // namespace optlab
