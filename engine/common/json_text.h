// Common: text into a JSON string, the one escaping every hand-written JSON line uses (the
// events journal, the access log) where building an nlohmann::json object would cost too much.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace anticipa {

/// Appends `text` as a JSON string, quotes included: invalid UTF-8 repaired to U+FFFD (a reader
/// would refuse the line otherwise), quotes, backslashes and control characters escaped.
void append_json_string(std::string& out, std::string_view text);

/// Appends the integer in decimal, as JSON writes it.
void append_json_number(std::string& out, std::int64_t value);

/// Writes one JSON object member by member, `{"name":value,...}`, closing it when destroyed.
/// Names are the caller's own identifiers and are written as they are (never escaped).
class JsonObjectWriter {
  public:
    explicit JsonObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
    ~JsonObjectWriter() { out_ += '}'; }
    JsonObjectWriter(const JsonObjectWriter&) = delete;
    JsonObjectWriter& operator=(const JsonObjectWriter&) = delete;

    /// Writes `"name":` (after a comma when needed) and returns the output for the value.
    std::string& member(std::string_view name) {  // inline: every access log line and answer hit calls it
        out_.append(first_ ? "\"" : ",\"", first_ ? 1 : 2);
        first_ = false;
        out_ += name;
        out_.append("\":", 2);
        return out_;
    }
    void text(std::string_view name, std::string_view value);
    void number(std::string_view name, std::int64_t value);
    void flag(std::string_view name, bool value);

  private:
    std::string& out_;
    bool first_ = true;
};

}  // namespace anticipa
