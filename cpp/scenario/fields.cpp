#include "scenario/fields.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace optlab {

void reject(const std::string& message) { throw ScenarioError(message); }

std::string format_number(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x == std::floor(x) && std::fabs(x) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

std::string format_short(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string describe_value(const Json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

std::string Range::describe() const {
  const std::string low = (lo_open ? "> " : ">= ") + format_number(lo);
  const std::string high = (hi_open ? "< " : "<= ") + format_number(hi);
  if (std::isinf(hi)) return low;
  if (std::isinf(lo)) return high;
  if (!lo_open && !hi_open && lo == -hi) return "with |value| <= " + format_number(hi);
  return low + " and " + high;
}

Fields::Fields(const Json& object, std::string path, const std::vector<std::string>& allowed,
               const std::string& owner)
    : object_(object), path_(std::move(path)) {
  const std::string name = path_.empty() ? "the scenario" : path_;
  if (!object_.is_object()) reject(name + " must be a JSON object (got " + describe_value(object_) + ")");
  for (const auto& item : object_.items()) {
    bool known = false;
    for (const auto& key : allowed) known = known || key == item.key();
    if (known) continue;
    std::string list;
    for (const auto& key : allowed) list += (list.empty() ? "" : ", ") + key;
    reject(this->path(item.key()) + " is not a field of " + owner + " (allowed: " + list + ")");
  }
}

const Json& Fields::required(const std::string& key) const {
  if (!object_.contains(key)) reject(path(key) + " is required");
  return object_.at(key);
}

double read_number(const Json& value, const std::string& path, const Range& range) {
  if (!value.is_number() || !std::isfinite(value.get<double>()) || !range.contains(value.get<double>()))
    reject(path + " must be a finite number " + range.describe() + " (got " + describe_value(value) + ")");
  return value.get<double>();
}

long long read_integer(const Json& value, const std::string& path, long long lo, long long hi,
                       const std::string& note) {
  bool ok = value.is_number_integer() || value.is_number_unsigned();
  long long result = 0;
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    ok = u <= static_cast<std::uint64_t>(hi);
    result = static_cast<long long>(u);
  } else if (value.is_number_integer()) {
    result = value.get<long long>();
  } else if (value.is_number_float()) {
    // 3.0 is accepted as 3: JSON writers differ on integral floats.
    const double d = value.get<double>();
    ok = std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= 9007199254740991.0;
    if (ok) result = static_cast<long long>(d);
  }
  if (!ok || result < lo || result > hi)
    reject(path + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
           note + " (got " + describe_value(value) + ")");
  return result;
}

std::vector<double> read_numbers(const Json& value, const std::string& path, const Range& range,
                                 std::optional<std::size_t> expected, const std::string& length_note,
                                 std::size_t min_length, std::size_t max_length) {
  if (!value.is_array())
    reject(path + " must be an array of numbers (got " + describe_value(value) + ")");
  if (expected && value.size() != *expected)
    reject(path + " must have " + std::to_string(*expected) + " number" + (*expected == 1 ? "" : "s") +
           length_note + " (got " + std::to_string(value.size()) + ")");
  if (value.size() < min_length || value.size() > max_length)
    reject(path + " must have from " + std::to_string(min_length) + " to " + std::to_string(max_length) +
           " numbers" + length_note + " (got " + std::to_string(value.size()) + ")");
  std::vector<double> out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i)
    out.push_back(read_number(value[i], path + "[" + std::to_string(i) + "]", range));
  return out;
}

double Fields::number(const std::string& key, const Range& range, std::optional<double> fallback) const {
  if (!object_.contains(key)) {
    if (fallback) return *fallback;
    reject(path(key) + " is required: a finite number " + range.describe());
  }
  return read_number(object_.at(key), path(key), range);
}

long long Fields::integer(const std::string& key, long long lo, long long hi,
                          std::optional<long long> fallback, const std::string& note) const {
  if (!object_.contains(key)) {
    if (fallback) return *fallback;
    reject(path(key) + " is required: an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + note);
  }
  return read_integer(object_.at(key), path(key), lo, hi, note);
}

Json parse_json(const std::string& text, const std::string& what) {
  std::vector<std::set<std::string>> open_objects;
  const auto check_keys = [&](int /*depth*/, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == Json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == Json::parse_event_t::key && !open_objects.empty() &&
        !open_objects.back().insert(parsed.get<std::string>()).second)
      reject(what + " has the key \"" + parsed.get<std::string>() + "\" twice in one object");
    return true;
  };
  try {
    return Json::parse(text, check_keys);
  } catch (const Json::exception& e) {
    // Drop the library's "[json.exception.parse_error.101] " prefix.
    std::string message = e.what();
    const auto bracket = message.find("] ");
    if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) message = message.substr(bracket + 2);
    reject(what + " is not valid JSON: " + message + " (numbers must be finite; NaN and Infinity are not JSON)");
  }
}

}  // namespace optlab
