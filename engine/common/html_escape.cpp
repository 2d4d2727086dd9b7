#include "common/html_escape.h"

namespace anticipa {

namespace {

// The entity a byte is written as, or nullptr for a byte written as itself.
const char* entity_of(char c) {
    switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";
        case '"':
            return "&quot;";
        case '\'':
            return "&#39;";
        default:
            return nullptr;
    }
}

}  // namespace

void append_escaped_html(std::string& out, std::string_view text) {
    // Runs without a byte to escape are copied whole: appending byte by byte was most of the
    // cost of a search answer's snippet_html.
    std::size_t copied = 0;  // text[copied..i) is not in `out` yet
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* entity = entity_of(text[i]);
        if (entity == nullptr) continue;
        out.append(text.data() + copied, i - copied);
        out += entity;
        copied = i + 1;
    }
    out.append(text.data() + copied, text.size() - copied);
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped_html(out, text);
    return out;
}

}  // namespace anticipa
