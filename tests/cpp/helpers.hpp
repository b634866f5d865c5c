// Shared helpers of the doctest suite.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "scenario/output.hpp"

namespace optlab::test {

// Run a scenario given as JSON text through the whole contract and read the
// output back as JSON.
inline Json run_json(const std::string& scenario) { return Json::parse(run_scenario_json(scenario)); }

// The message a rejected scenario gives ("" when it is accepted).
inline std::string rejection(const std::string& scenario) {
  try {
    run_scenario_json(scenario);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string scenario_path(const std::string& name) { return std::string(OPTLAB_SCENARIO_DIR) + "/" + name; }

// Column j of the iterate rows of an output.
inline std::vector<double> column(const Json& rows, std::size_t j) {
  std::vector<double> out;
  for (const auto& row : rows) out.push_back(row[j].get<double>());
  return out;
}

inline double relative_error(double a, double b) {
  const double scale = std::max({std::fabs(a), std::fabs(b), 1e-300});
  return std::fabs(a - b) / scale;
}

}  // namespace optlab::test
