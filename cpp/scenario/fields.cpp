#include "scenario/fields.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/limits.hpp"

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
  // dump() escapes every control character; a cut falls between UTF-8 characters.
  std::string text = value.dump();
  if (text.size() > 40) {
    std::size_t end = 37;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end) + "...";
  }
  return printable(text);
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
               const std::string& owner, const std::string& whole)
    : object_(object), path_(std::move(path)) {
  const std::string name = path_.empty() ? whole : path_;
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

void reject_number(const std::string& path, const Range& range, const std::string& got) {
  reject(path + " must be a finite number " + range.describe() + " (got " + got + ")");
}

double check_number(double x, const std::string& path, const Range& range) {
  if (!std::isfinite(x) || !range.contains(x)) reject_number(path, range, format_number(x));
  return x;
}

double read_number(const Json& value, const std::string& path, const Range& range) {
  if (!value.is_number() || !std::isfinite(value.get<double>()) || !range.contains(value.get<double>()))
    reject_number(path, range, describe_value(value));
  return value.get<double>();
}

void reject_integer(const std::string& path, long long lo, long long hi, const std::string& note,
                    const std::string& got) {
  reject(path + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + note + " (got " +
         got + ")");
}

long long check_integer(double x, const std::string& path, long long lo, long long hi, const std::string& note) {
  if (!(std::isfinite(x) && x == std::floor(x) && x >= static_cast<double>(lo) && x <= static_cast<double>(hi)))
    reject_integer(path, lo, hi, note, format_number(x));
  return static_cast<long long>(x);
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
  if (!ok || result < lo || result > hi) reject_integer(path, lo, hi, note, describe_value(value));
  return result;
}

void check_length(const std::string& path, double length, std::size_t min_length, std::size_t max_length,
                  const std::string& note) {
  if (!(length >= static_cast<double>(min_length) && length <= static_cast<double>(max_length)))
    reject(path + " must have from " + std::to_string(min_length) + " to " + std::to_string(max_length) +
           " numbers" + note + " (got " + format_number(length) + ")");
}

std::vector<double> read_numbers(const Json& value, const std::string& path, const Range& range,
                                 std::optional<std::size_t> expected, const std::string& length_note,
                                 std::size_t min_length, std::size_t max_length) {
  if (!value.is_array())
    reject(path + " must be an array of numbers (got " + describe_value(value) + ")");
  if (expected && value.size() != *expected)
    reject(path + " must have " + std::to_string(*expected) + " number" + (*expected == 1 ? "" : "s") +
           length_note + " (got " + std::to_string(value.size()) + ")");
  check_length(path, static_cast<double>(value.size()), min_length, max_length, length_note);
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

namespace {

// A first, linear pass over a document with nlohmann's SAX parser (which is
// iterative: no recursion however deep the input), keeping nothing but one
// frame per open container. It refuses a document that is too deep, too
// long or too large for the contract, or that repeats a key, before the
// second pass builds it. (nlohmann's callback parser could find duplicate
// keys too, but it rescans a container's parent at each of its ends: 300,000
// empty objects in one array take it 15 s, 273 s in wasm.)
class DocumentCheck final : public nlohmann::json_sax<Json> {
 public:
  explicit DocumentCheck(const std::string& what) : what_(what) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }

  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& object = frames_.back();
    object.key = name;
    if (++object.count > limits::kMaxObjectFields)
      reject(where() + " has more than " + std::to_string(limits::kMaxObjectFields) +
             " fields: no object of a scenario has so many");
    if (!object.keys.insert(name).second)
      reject(what_ + " has the key \"" + printable(name) + "\" twice in one object");
    return true;
  }

  bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& e) override {
    // A number beyond a double's range is valid JSON syntax that no double
    // holds (406): say which field has it, as every other message does.
    if (e.id == 406)
      reject((frames_.empty() ? what_ : where()) + " must be a finite number (got " + printable(token) +
             ", beyond the range of a double)");
    // Drop the library's "[json.exception.parse_error.101] " prefix.
    std::string message = e.what();
    const auto bracket = message.find("] ");
    if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) message = message.substr(bracket + 2);
    reject(what_ + " is not valid JSON: " + printable(message) +
           " (numbers must be finite; NaN and Infinity are not JSON)");
  }

 private:
  struct Frame {
    bool object;
    long count = 0;  // fields or elements so far
    std::string key;
    std::set<std::string> keys;
  };

  // Every value, and each container as it opens, is one more element of its parent.
  bool value() {
    if (++values_ > limits::kMaxValues)
      reject(what_ + " has more than " + std::to_string(limits::kMaxValues) + " values: no scenario needs so many");
    if (!frames_.empty() && !frames_.back().object && ++frames_.back().count > limits::kMaxArrayLength)
      reject(where(1) + " has more than " + std::to_string(limits::kMaxArrayLength) +
             " entries: no array of a scenario is longer");
    return true;
  }
  bool open(bool object) {
    value();
    if (static_cast<int>(frames_.size()) >= limits::kMaxDepth)
      reject(where() + " nests more than " + std::to_string(limits::kMaxDepth) +
             " levels deep: a scenario nests at most 4 (problem.X[i][j])");
    frames_.push_back(Frame{object, 0, {}, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }

  // The path of the value being read, as the validator names fields:
  // problem.X[2]; with `up`, of the container that many levels out.
  std::string where(std::size_t up = 0) const {
    std::string path;
    for (std::size_t i = 0; i + up < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      if (frame.object) path += (path.empty() ? "" : ".") + printable(frame.key);
      else path += "[" + std::to_string(frame.count - 1) + "]";
    }
    return path.empty() ? what_ : path;
  }

  const std::string& what_;
  std::vector<Frame> frames_;
  long values_ = 0;
};

}  // namespace

std::string printable(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  const auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
  const auto escape = [&](const char* format, unsigned code) {
    char buf[8];
    std::snprintf(buf, sizeof buf, format, code);
    out += buf;
  };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned c = byte(i);
    // The length of a well-formed UTF-8 sequence starting here, 0 if none
    // (a stray or overlong byte, a surrogate, past U+10FFFF): a terminal
    // reads a lone 0x9B as CSI, so such a byte is shown as \xNN.
    std::size_t length = 0;
    if (c < 0x80) length = 1;
    else if (c >= 0xC2 && c <= 0xDF) length = continuation(i + 1) ? 2 : 0;
    else if (c >= 0xE0 && c <= 0xEF) {
      const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      length = byte(i + 1) >= lo && byte(i + 1) <= hi && continuation(i + 2) ? 3 : 0;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      length = byte(i + 1) >= lo && byte(i + 1) <= hi && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    if (length == 0) {
      escape("\\x%02X", c);
      ++i;
    } else if (c < 0x20 || c == 0x7F) {  // C0 controls and DEL
      escape("\\u%04X", c);
      ++i;
    } else if (c == 0xC2 && byte(i + 1) <= 0x9F) {  // C1 controls, U+0080-U+009F
      escape("\\u%04X", byte(i + 1));
      i += 2;
    } else {
      out.append(text, i, length);
      i += length;
    }
  }
  return out;
}

Json parse_json(const std::string& text, const std::string& what) {
  if (static_cast<long>(text.size()) > limits::kMaxDocumentBytes)
    reject(what + " has more than " + std::to_string(limits::kMaxDocumentBytes) +
           " bytes (8 MiB), the most a scenario may have");
  DocumentCheck check(what);
  Json::sax_parse(text, &check);
  try {
    return Json::parse(text);
  } catch (const Json::exception& e) {
    reject(what + " is not valid JSON: " + printable(e.what()));  // the check above has seen every error
  }
}

}  // namespace optlab
