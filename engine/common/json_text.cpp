#include "common/json_text.h"

#include "common/utf8.h"

namespace anticipa {

void append_json_string(std::string& out, std::string_view text) {
    std::string repaired;
    if (find_invalid_utf8(text) != std::string_view::npos) {
        repaired = repair_utf8(text);
        text = repaired;
    }
    out += '"';
    // Runs of characters that need no escape are copied whole: one character at a time was most
    // of the cost of an events journal line and of a search answer's JSON.
    std::size_t copied = 0;  // text[copied..i) is not in `out` yet
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + copied, i - copied);
        copied = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                static constexpr char HEX[] = "0123456789abcdef";
                out += "\\u00";
                out += HEX[(c >> 4) & 0xF];
                out += HEX[c & 0xF];
            }
        }
    }
    out.append(text.data() + copied, text.size() - copied);
    out += '"';
}

}  // namespace anticipa
