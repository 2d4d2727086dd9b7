// Common: text into HTML, the one escaping every HTML writer uses (snippets, anchors, pages).
#pragma once

#include <string>
#include <string_view>

namespace anticipa {

/// Escapes & < > " ' so the text is safe in element content and in quoted attributes.
std::string escape_html(std::string_view text);
/// The same, appended to `out`.
void append_escaped_html(std::string& out, std::string_view text);

}  // namespace anticipa
