// Reading one JSON object of a scenario field by field, with messages that
// name the field and the allowed range:
//   optimizer.lr must be a finite number > 0 and <= 1000000 (got -1)
// Unknown fields are rejected by name, with the list of allowed ones.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace optlab {

// The core's one JSON type, for reading scenarios and writing results:
// objects keep their keys in the order written, so results follow the
// contract's order and messages quote input as the user wrote it. (One type
// instead of json plus ordered_json also leaves ~10 KB out of the wasm.)
using Json = nlohmann::ordered_json;

// Every rejection of a scenario; what() is the message for the user.
class ScenarioError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// A closed or open interval for numbers; open ends print as > / <.
struct Range {
  double lo, hi;
  bool lo_open = false, hi_open = false;
  bool contains(double x) const {
    return (lo_open ? x > lo : x >= lo) && (hi_open ? x < hi : x <= hi);
  }
  std::string describe() const;
};

// Shortest text that reads back as x ("1000000", "0.38", "1e-06").
std::string format_number(double x);
// x to 6 significant digits, for computed values quoted in messages.
std::string format_short(double x);
// Text from the input made safe for a terminal and for C strings: control
// characters (NUL, ESC, C1) written as \u00XX, bytes that are not UTF-8 as \xNN.
std::string printable(const std::string& text);
// A JSON value as given, cut to a readable length, for "(got …)".
std::string describe_value(const Json& value);

class Fields {
 public:
  // `owner` names what the allowed keys belong to in messages, e.g. "gd".
  // `whole` names a top-level object (path "") in messages.
  Fields(const Json& object, std::string path, const std::vector<std::string>& allowed,
         const std::string& owner, const std::string& whole = "the scenario");

  bool has(const std::string& key) const { return object_.contains(key); }
  std::string path(const std::string& key) const { return path_.empty() ? printable(key) : path_ + "." + printable(key); }
  const Json& required(const std::string& key) const;

  double number(const std::string& key, const Range& range, std::optional<double> fallback = {}) const;
  long long integer(const std::string& key, long long lo, long long hi,
                    std::optional<long long> fallback = {}, const std::string& note = "") const;

 private:
  const Json& object_;
  std::string path_;
};

[[noreturn]] void reject(const std::string& message);

// Checks a JSON value against a range under a display path such as "w0[1]".
double read_number(const Json& value, const std::string& path, const Range& range);
long long read_integer(const Json& value, const std::string& path, long long lo, long long hi,
                       const std::string& note = "");
// The checks of read_number and read_integer for a number read by another
// front end (the wasm module reads JavaScript values), with the same
// messages; `got` is how the value reads when it is not a number at all.
double check_number(double x, const std::string& path, const Range& range);
long long check_integer(double x, const std::string& path, long long lo, long long hi, const std::string& note = "");
[[noreturn]] void reject_number(const std::string& path, const Range& range, const std::string& got);
[[noreturn]] void reject_integer(const std::string& path, long long lo, long long hi, const std::string& note,
                                 const std::string& got);
// An array's length against min..max, before anything is read from it.
void check_length(const std::string& path, double length, std::size_t min_length, std::size_t max_length,
                  const std::string& note = "");
// An array of numbers; length must be `expected` when given.
std::vector<double> read_numbers(const Json& value, const std::string& path, const Range& range,
                                 std::optional<std::size_t> expected, const std::string& length_note,
                                 std::size_t min_length = 1, std::size_t max_length = 1000000);

// Parse text as JSON, rejecting duplicate keys and reporting syntax errors;
// a document over limits::kMaxDocumentBytes, deeper than kMaxDepth, or with
// more fields, entries or values than the contract's limits is refused
// before any of it is kept.
Json parse_json(const std::string& text, const std::string& what);

}  // namespace optlab
