// Common: text into a JSON string, the one escaping every hand-written JSON line uses (the
// events journal, the access log) where building an nlohmann::json object would cost too much.
#pragma once

#include <string>
#include <string_view>

namespace anticipa {

/// Appends `text` as a JSON string, quotes included: invalid UTF-8 repaired to U+FFFD (a reader
/// would refuse the line otherwise), quotes, backslashes and control characters escaped.
void append_json_string(std::string& out, std::string_view text);

}  // namespace anticipa
